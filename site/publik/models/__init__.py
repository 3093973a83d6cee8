"""Page types and settings of the public website (see DESIGN.md, "Content tree")."""

from .agenda import AgendaIndexPage, AgendaPage
from .beranda import HomePage
from .berita import BeritaIndexPage, BeritaPage, BeritaTag, KategoriBerita
from .dasar import HalamanPublik
from .halaman import HalamanPage
from .navigasi import NavigasiSitus

__all__ = [
    "AgendaIndexPage",
    "AgendaPage",
    "BeritaIndexPage",
    "BeritaPage",
    "BeritaTag",
    "HalamanPage",
    "HalamanPublik",
    "HomePage",
    "KategoriBerita",
    "NavigasiSitus",
]
