"""The public site's root page, created by migration 0002 and re-created here
when missing (e.g. after a test database flush)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage

JUDUL_BERANDA = "Pemerintah Kota Sukamaju"
INTRO_BERANDA = (
    "<p>Selamat datang di situs resmi Pemerintah Kota Sukamaju: berita, informasi publik, "
    "dan layanan permohonan informasi.</p>"
)


@transaction.atomic
def pastikan_beranda() -> HomePage:
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    beranda = HomePage.objects.first()
    if beranda is None:
        root = Page.get_first_root_node()
        if root is None:  # an emptied database (e.g. after a test flush)
            Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
            root = Page.add_root(title="Root", slug="root")
        beranda = root.add_child(instance=HomePage(title=JUDUL_BERANDA, slug="beranda", intro=INTRO_BERANDA))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=beranda, is_default_site=True, site_name=JUDUL_BERANDA
        )
    elif site.root_page_id != beranda.pk:
        site.root_page = beranda
        site.save(update_fields=["root_page"])
    return beranda
