"""The public website's page types, SEO tags, feed, sitemap and robots.txt, on the demo
content (Kota Sukamaju)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction, Site

from publik.models import AgendaPage, BeritaIndexPage, BeritaPage, HalamanPage, HomePage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _html(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def test_setiap_jenis_halaman_tampil_dengan_isinya(demo: None, client: Client) -> None:
    beranda = _html(client, "/")
    assert "Sukamaju melayani, warga berdaya" in beranda  # hero
    assert "Tautan cepat" in beranda and "Layanan unggulan" in beranda
    terbaru = BeritaPage.objects.live().order_by("-tanggal").first()
    assert terbaru is not None and terbaru.title in beranda  # featured news (automatic)
    assert "Agenda mendatang" in beranda and "Sosialisasi Pajak Daerah" in beranda

    profil = _html(client, "/profil/")
    assert "<caption>Penduduk per kecamatan, 2025</caption>" in profil  # typed table
    assert '<th scope="col">Kecamatan</th>' in profil
    assert 'loading="lazy"' in profil and "<figcaption>" in profil

    sejarah = _html(client, "/profil/sejarah/")  # a page nested under a page
    assert 'aria-label="Remah roti"' in sejarah and 'href="/profil/"' in sejarah

    indeks = _html(client, "/berita/")
    assert indeks.count('class="kartu"') == 10  # paginated
    assert _html(client, "/berita/?halaman=3").count('class="kartu"') == BeritaPage.objects.count() - 20
    kesehatan = _html(client, "/berita/?kategori=kesehatan")
    assert "Imunisasi Campak-Rubela" in kesehatan and "Beasiswa Sukamaju Cerdas" not in kesehatan
    assert "Imunisasi Campak-Rubela" in _html(client, "/berita/?tag=imunisasi")
    assert "Belum ada berita" in _html(client, "/berita/?kategori=tidak-ada")

    berita = BeritaPage.objects.get(slug="imunisasi-campak-rubela-sasar-30-ribu-anak")
    isi = _html(client, berita.url)
    assert berita.intro in isi and "Kesehatan" in isi and "#imunisasi" in isi
    assert 'width="' in isi and 'height="' in isi  # renditions carry their size

    agenda = _html(client, "/agenda/")
    assert agenda.count('class="agenda"') == AgendaPage.objects.live().count()
    acara = AgendaPage.objects.get(slug="festival-literasi-anak")
    assert "Taman Literasi Pasirjaya" in _html(client, acara.url)

    # menu and footer from the NavigasiSitus setting
    assert 'aria-label="Menu utama"' in beranda and "humas@sukamajukota.go.id" in beranda


def test_demo_lengkap_dan_jenis_halaman_diizinkan(demo: None) -> None:
    assert HalamanPage.objects.live().count() >= 5
    assert BeritaPage.objects.live().count() >= 20
    assert BeritaPage.objects.values("kategori").distinct().count() >= 3
    assert AgendaPage.objects.live().count() >= 4
    assert not BeritaPage.objects.filter(gambar_utama__isnull=True).exists()
    diizinkan = {m._meta.label for m in HomePage.allowed_subpage_models()}
    assert {"publik.HalamanPage", "publik.BeritaIndexPage", "publik.AgendaIndexPage"} <= diizinkan
    assert "ppid.DaftarInformasiPublikPage" in diizinkan


def test_draf_ditarik_dan_privat_tidak_tampil(demo: None, client: Client) -> None:
    indeks = BeritaIndexPage.objects.get(slug="berita")
    draf = BeritaPage(title="Berita draf rahasia", slug="draf", intro="Belum terbit.", live=False)
    indeks.add_child(instance=draf)
    draf.save_revision()
    assert client.get("/berita/draf/").status_code == 404
    assert "Berita draf rahasia" not in _html(client, "/berita/")

    halaman = HalamanPage.objects.get(slug="kontak")
    assert client.get("/kontak/").status_code == 200
    halaman.unpublish()
    assert client.get("/kontak/").status_code == 404

    # private (logged-in users or groups): 404 like a draft; a password keeps Wagtail's form
    profil = HalamanPage.objects.get(slug="visi-dan-misi")
    PageViewRestriction.objects.create(page=profil, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/visi-dan-misi/")
    assert response.status_code == 404 and "Sukamaju yang sejahtera" not in response.content.decode()
    sandi = HalamanPage.objects.get(slug="struktur-organisasi")
    PageViewRestriction.objects.create(page=sandi, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    for _ in range(2):  # never served from the cache either
        html = _html(client, "/struktur-organisasi/")
        assert "Perangkat daerah dan pimpinannya" not in html
        assert "authenticate_with_password" in html  # the form, not the page


def test_tag_og_kanonik_dan_bahasa(demo: None, client: Client) -> None:
    berita = BeritaPage.objects.get(slug="wali-kota-resmikan-mal-pelayanan-publik")
    html = _html(client, berita.url)
    url_penuh = berita.get_full_url()
    assert '<html lang="id">' in html
    assert f'<link rel="canonical" href="{url_penuh}">' in html
    assert f'<meta property="og:url" content="{url_penuh}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:image" content="http://localhost/' in html  # lead image as fallback
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="description" content="{berita.search_description}">' in html
    assert 'type="application/rss+xml"' in html and 'href="/berita/rss/"' in html
    halaman2 = _html(client, "/berita/?halaman=2")
    assert '<link rel="canonical" href="http://localhost/berita/?halaman=2">' in halaman2


def test_judul_berisi_skrip_di_escape(demo: None, client: Client) -> None:
    indeks = BeritaIndexPage.objects.get(slug="berita")
    jahat = BeritaPage(title="<script>alert('xss')</script> Banjir", slug="jahat", intro="<b>tebal</b>")
    indeks.add_child(instance=jahat)
    jahat.save_revision().publish()
    for url in ("/", "/berita/", "/berita/jahat/", "/berita/rss/"):
        html = client.get(url).content.decode()
        assert "<script>alert(" not in html, url
        assert "&lt;script&gt;alert(" in html, url


def test_rss_xml_valid_dengan_berita_terbaru(demo: None, client: Client) -> None:
    response = client.get("/berita/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    akar = ET.fromstring(response.content)  # noqa: S314 - our own response
    item = akar.findall("./channel/item")
    assert len(item) == 20
    terbaru = list(BeritaPage.objects.live().order_by("-tanggal", "-first_published_at")[:20])
    assert [i.findtext("title") for i in item] == [b.title for b in terbaru]
    assert item[0].findtext("link").startswith("http://")
    assert akar.findtext("./channel/language") == "id"


def test_sitemap_halaman_publik_tanpa_naskah_dan_template(demo: None, client: Client) -> None:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    peta = ET.fromstring(response.content)  # noqa: S314 - our own response
    lokasi = [e.text or "" for e in peta.findall("sm:url/sm:loc", SITEMAP_NS)]
    beranda = Site.objects.get(is_default_site=True).root_page
    publik = Page.objects.live().public().descendant_of(beranda, inclusive=True)
    assert len(lokasi) == publik.count()
    assert any(u.endswith("/berita/imunisasi-campak-rubela-sasar-30-ribu-anak/") for u in lokasi)
    # letter templates (demo) live outside the Site: never listed
    luar = Page.objects.exclude(pk__in=publik.values("pk")).exclude(depth=1)
    assert luar.exists()
    for page in luar:
        assert not any(u.rstrip("/").endswith("/" + page.slug) for u in lokasi), page
    assert not any("template-surat" in u or "naskah" in u for u in lokasi)


def test_robots_txt(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    teks = response.content.decode()
    assert "User-agent: *" in teks and "Disallow: /admin/" in teks
    assert "Sitemap: http://testserver/sitemap.xml" in teks


def test_halaman_galat_memakai_tampilan_situs(client: Client) -> None:
    html = _html(client, "/tidak-ada-sama-sekali/", status=404)
    assert "Halaman tidak ditemukan" in html and 'class="kepala"' in html and "publik.css" in html
