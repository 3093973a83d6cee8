"""Citizens search the public site: live public pages of the Site only (never letters or
templates, which live outside it), with Wagtail's page search."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_warga_mencari_halaman_publik_dan_tidak_menemukan_naskah(demo: None, client: Client) -> None:
    beranda = Site.objects.get(is_default_site=True).root_page.specific
    beranda.intro = "<p>Layanan pengaduan masyarakat terpadu dan informasi publik.</p>"
    beranda.save_revision().publish()
    halaman = client.get("/cari/", {"q": "pengaduan"})
    assert halaman.status_code == 200
    assert beranda.title in halaman.content.decode()
    # letters' and templates' titles are not public: the demo template "Surat Dinas" is not found
    kosong = client.get("/cari/", {"q": "Surat Dinas"}).content.decode()
    assert "Tidak ada hasil" in kosong


@pytest.mark.parametrize("q", ['"', "((", "a" * 5000, "<script>alert(1)</script>", ""])
def test_kueri_aneh_di_situs_publik(demo: None, client: Client, q: str) -> None:
    halaman = client.get("/cari/", {"q": q, "halaman": "abc"})
    assert halaman.status_code == 200
    assert "<script>alert(1)</script>" not in halaman.content.decode()
