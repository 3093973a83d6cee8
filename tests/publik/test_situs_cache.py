"""The anonymous page cache (publik.cache) and the bounded query count of the list pages."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image as PilImage
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from publik import cache as cache_publik
from publik.demo import pastikan_beranda
from publik.models import BeritaIndexPage, BeritaPage, HalamanPage, KategoriBerita

pytestmark = pytest.mark.django_db


def test_kunjungan_kedua_dari_cache_tanpa_kueri(demo: None, client: Client, django_assert_num_queries) -> None:
    pertama = client.get("/berita/")
    assert pertama["X-Cache-Publik"] == "miss"
    assert "public" in pertama["Cache-Control"] and "max-age=" in pertama["Cache-Control"]
    with django_assert_num_queries(0):
        kedua = client.get("/berita/")
    assert kedua["X-Cache-Publik"] == "hit"
    assert kedua.content == pertama.content
    assert kedua["Content-Type"] == pertama["Content-Type"]
    # whitelisted listing parameters are cached too; anything else is not
    client.get("/berita/?halaman=2")
    with django_assert_num_queries(0):
        assert client.get("/berita/?halaman=2")["X-Cache-Publik"] == "hit"
    for _ in range(2):
        assert "X-Cache-Publik" not in client.get("/berita/?utm_source=x")


def test_terbit_membersihkan_cache(demo: None, client: Client) -> None:
    berita = BeritaPage.objects.get(slug="imunisasi-campak-rubela-sasar-30-ribu-anak")
    client.get("/")
    client.get(berita.url)
    assert client.get(berita.url)["X-Cache-Publik"] == "hit"
    berita.title = "Imunisasi Campak-Rubela Diperpanjang Sepekan"
    berita.save_revision().publish()
    assert "Diperpanjang Sepekan" in client.get(berita.url).content.decode()
    assert "Diperpanjang Sepekan" in client.get("/").content.decode()  # the home page too
    # unpublish / delete / move are purges as well
    assert client.get("/kontak/")["X-Cache-Publik"] == "miss"
    HalamanPage.objects.get(slug="kontak").unpublish()
    assert client.get("/kontak/").status_code == 404
    client.get("/berita/")
    BeritaPage.objects.get(slug="cegah-demam-berdarah-3m-plus").delete()
    assert "Cegah Demam Berdarah" not in client.get("/berita/?halaman=1").content.decode()
    # a new view restriction purges: the cached public copy is gone at once
    client.get("/visi-dan-misi/")
    assert client.get("/visi-dan-misi/")["X-Cache-Publik"] == "hit"
    PageViewRestriction.objects.create(
        page=HalamanPage.objects.get(slug="visi-dan-misi"), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/visi-dan-misi/").status_code == 404  # private now: not from the cache


def test_pengguna_masuk_tidak_memakai_cache(masuk_sebagai: Callable[[str], Client]) -> None:
    anonim = Client()
    anonim.get("/")
    assert anonim.get("/")["X-Cache-Publik"] == "hit"
    humas = masuk_sebagai("humas")
    response = humas.get("/")
    assert response.status_code == 200
    assert "X-Cache-Publik" not in response
    assert "private" in response["Cache-Control"]
    assert "X-Cache-Publik" not in humas.get("/")


def test_post_dan_formulir_tidak_dicache(demo: None, client: Client) -> None:
    assert client.post("/").status_code in (200, 405)
    client.get("/verifikasi/")  # a form with a CSRF token: not through the page cache at all
    response = client.get("/struktur-organisasi/")
    assert response["X-Cache-Publik"] == "miss"


def _gambar() -> object:
    keluaran = io.BytesIO()
    PilImage.new("RGB", (64, 36), "#0b5394").save(keluaran, "JPEG")
    gambar = get_image_model()(title="uji", file=ImageFile(keluaran, name="uji.jpg"))
    gambar.save()
    return gambar


def _tambah_berita(indeks: BeritaIndexPage, mulai: int, jumlah: int, gambar: object, kategori: KategoriBerita) -> None:
    for n in range(mulai, mulai + jumlah):
        b = BeritaPage(
            title=f"Berita uji {n}", slug=f"uji-{n}", intro="Ringkas.", gambar_utama=gambar, kategori=kategori
        )
        indeks.add_child(instance=b)
        b.tags.add("uji")
        b.save_revision().publish()


def _kueri(client: Client, url: str) -> int:
    client.get(url)  # renditions are created by the first visit
    cache_publik.ganti_versi()
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    cache_publik.ganti_versi()
    return len(q)


def test_beranda_dan_indeks_berita_kueri_terbatas(client: Client, django_assert_max_num_queries) -> None:
    beranda = pastikan_beranda()
    beranda.isi = '[{"type": "berita_pilihan", "value": {"judul": "Berita", "berita": [], "jumlah": 6}}]'
    beranda.save_revision().publish()
    indeks = BeritaIndexPage(title="Berita", slug="berita")
    beranda.add_child(instance=indeks)
    indeks.save_revision().publish()
    gambar, kategori = _gambar(), KategoriBerita.objects.create(nama="Umum", slug="umum")

    _tambah_berita(indeks, 0, 5, gambar, kategori)
    sedikit = {url: _kueri(client, url) for url in ("/", "/berita/", "/berita/?tag=uji", "/berita/uji-1/")}
    _tambah_berita(indeks, 5, 20, gambar, kategori)
    banyak = {url: _kueri(client, url) for url in sedikit}
    assert banyak == sedikit
    with django_assert_max_num_queries(20):
        client.get("/berita/?halaman=2")
    with django_assert_max_num_queries(20):
        client.get("/")
