"""Purge the public page cache when what citizens see may have changed.

Pages outside every Site (letters, letter templates) are ignored: signing a letter publishes
a page too, and must not empty the public site's cache every time."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache


def _di_situs_publik(*url_path: str | None) -> bool:
    akar = [s.root_path for s in Site.get_site_root_paths()]
    return any(p and p.startswith(a) for p in url_path for a in akar)


def halaman_berubah(sender: Any, instance: Page, **kwargs: Any) -> None:
    if _di_situs_publik(instance.url_path):
        cache.bersihkan()


def halaman_dihapus(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page) and instance.live and _di_situs_publik(instance.url_path):
        cache.bersihkan()


def halaman_dipindah(sender: Any, instance: Page, **kwargs: Any) -> None:
    if instance.live and _di_situs_publik(kwargs.get("url_path_before"), kwargs.get("url_path_after")):
        cache.bersihkan()


def selalu_bersihkan(sender: Any, **kwargs: Any) -> None:
    """Menu, news categories, view restrictions and Sites are few and rarely change."""
    cache.bersihkan()


def hubungkan() -> None:
    from .models import KategoriBerita, NavigasiSitus

    page_published.connect(halaman_berubah, dispatch_uid="publik-cache-terbit")
    page_unpublished.connect(halaman_berubah, dispatch_uid="publik-cache-tarik")
    post_page_move.connect(halaman_dipindah, dispatch_uid="publik-cache-pindah")
    post_delete.connect(halaman_dihapus, dispatch_uid="publik-cache-hapus")
    for model in (KategoriBerita, NavigasiSitus, PageViewRestriction, Site):
        uid = f"publik-cache-{model._meta.label_lower}"
        post_save.connect(selalu_bersihkan, sender=model, dispatch_uid=f"{uid}-simpan")
        post_delete.connect(selalu_bersihkan, sender=model, dispatch_uid=f"{uid}-hapus")
