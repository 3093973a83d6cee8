from .jenis import JenisNaskah
from .kop import KopSurat
from .penomoran import NomorTerbit, PenghitungNomor, PolaNomor, StatusNomor
from .template import TemplateSuratIndexPage, TemplateSuratPage

__all__ = [
    "JenisNaskah",
    "KopSurat",
    "NomorTerbit",
    "PenghitungNomor",
    "PolaNomor",
    "StatusNomor",
    "TemplateSuratIndexPage",
    "TemplateSuratPage",
]
