from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Site

from publik.models import HomePage

pytestmark = pytest.mark.django_db


def test_migrasi_menjadikan_beranda_akar_situs() -> None:
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


def test_beranda_tampil_untuk_warga(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Pemerintah Kota Sukamaju" in html


def test_halaman_tidak_ada_berbahasa_indonesia(client: Client) -> None:
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
