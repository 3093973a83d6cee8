"""The "Cari naskah" admin page and the index status page, on the database engine with
the real facade: letters made through naskah.layanan, indexed with
search.layanan.perbarui_sekarang."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from bantu import buat_surat, indeks, user
from django.test import Client, RequestFactory
from wagtail.admin.menu import admin_menu, settings_menu

from naskah.models import NaskahKeluarPage
from organisasi.models import Unit
from search import layanan
from search.models import DokumenCari, ProsesIndeks, StatusProses

pytestmark = pytest.mark.django_db

URL = "/admin/cari/"
URL_INDEKS = "/admin/cari/indeks/"


def _kunci_hasil(response: Any) -> list[str]:
    return [b.hit.kunci for b in response.context["baris"]]


@pytest.fixture
def surat(demo: None) -> NaskahKeluarPage:
    naskah = buat_surat()
    indeks()
    return naskah


# --- Cari naskah -------------------------------------------------------------------------


@pytest.mark.parametrize("username", ["operator", "staf"])
def test_halaman_kosong_hanya_formulir_dan_petunjuk(masuk_sebagai: Any, username: str) -> None:
    r = masuk_sebagai(username).get(URL)
    assert r.status_code == 200
    html = r.content.decode()
    assert 'name="q"' in html and 'name="sifat"' in html and 'name="unit"' in html
    assert "Hanya naskah yang boleh Anda baca" in html
    assert r.context["hasil"] is None
    # sorting alone is no search
    assert masuk_sebagai(username).get(URL, {"urut": "tanggal"}).context["hasil"] is None


def test_pilihan_saringan(masuk_sebagai: Any) -> None:
    form = masuk_sebagai("operator").get(URL).context["form"]
    unit = dict(form.fields["unit"].choices)
    assert str(Unit.objects.get(kode="DINKES").pk) in unit
    assert not any(label == "Bidang Informasi dan Komunikasi Publik" for label in unit.values())  # OPD only
    jenis = dict(form.fields["jenis"].choices)
    assert "Naskah masuk" in jenis and "Surat Dinas" in jenis
    assert {"B", "T", "R", "SR"} <= set(dict(form.fields["sifat"].choices))


def test_menemukan_naskah_dengan_cuplikan(masuk_sebagai: Any, surat: NaskahKeluarPage) -> None:
    r = masuk_sebagai("operator").get(URL, {"q": "vaksinasi"})
    assert r.status_code == 200
    hasil = r.context["hasil"]
    assert hasil.total == 1
    assert _kunci_hasil(r) == [f"naskah:{surat.pk}"]
    html = r.content.decode()
    assert f'href="/admin/naskah/{surat.pk}/"' in html
    assert "Permohonan dukungan publikasi vaksinasi" in html
    assert re.search(r"<mark>vaksinasi</mark>", html, re.IGNORECASE)
    assert 'class="lontar-sifat lontar-sifat--B"' in html
    assert "1 hasil" in html


def test_cuplikan_tetap_aman(masuk_sebagai: Any, demo: None) -> None:
    buat_surat(perihal="Undangan <script>alert(1)</script> rapat koordinasi")
    indeks()
    html = masuk_sebagai("operator").get(URL, {"q": "koordinasi"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_faset_bertaut_ke_kueri_yang_sama(masuk_sebagai: Any, demo: None) -> None:
    buat_surat(perihal="Rapat koordinasi vaksinasi", sifat="B")
    terbatas = buat_surat(perihal="Rapat koordinasi anggaran", sifat="T")
    indeks()
    client = masuk_sebagai("operator")
    r = client.get(URL, {"q": "koordinasi"})
    assert r.context["hasil"].total == 2
    grup = {g.nama: g for g in r.context["faset"]}
    assert {"jenis", "unit", "sifat", "tahun"} <= set(grup)
    sifat = {i.label: i for i in grup["sifat"].item}
    assert sifat["Terbatas"].jumlah == 1 and sifat["Biasa"].jumlah == 1
    tautan = sifat["Terbatas"].url
    assert tautan in r.content.decode().replace("&amp;", "&")
    assert parse_qs(urlsplit(tautan).query) == {"q": ["koordinasi"], "sifat": ["T"]}

    r = client.get(URL + tautan)
    assert _kunci_hasil(r) == [f"naskah:{terbatas.pk}"]
    grup = {g.nama: g for g in r.context["faset"]}
    assert [i.aktif for i in grup["sifat"].item if i.label == "Terbatas"] == [True]
    assert parse_qs(urlsplit(grup["sifat"].url_hapus).query) == {"q": ["koordinasi"]}

    unit = grup["unit"].item[0]
    assert parse_qs(urlsplit(unit.url).query)["unit"] == [str(Unit.objects.get(kode="DISKOMINFO").pk)]
    assert client.get(URL + unit.url).context["hasil"].total == 1
    tahun = grup["tahun"].item[0]
    assert client.get(URL + tahun.url).context["hasil"].total == 1


def test_pengurutan_dan_halaman(masuk_sebagai: Any, demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("search.views.PER_HALAMAN", 2)
    dibuat = [buat_surat(perihal=f"Laporan pemantauan jaringan tahap {i}") for i in range(3)]
    indeks()
    client = masuk_sebagai("operator")
    r = client.get(URL, {"q": "pemantauan", "urut": "tanggal"})
    assert r.context["hasil"].total == 3
    pertama = _kunci_hasil(r)
    assert len(pertama) == 2
    html = r.content.decode()
    assert "Halaman 1 dari 2" in html
    assert "q=pemantauan&amp;urut=tanggal&amp;p=2" in html
    kedua = _kunci_hasil(client.get(URL, {"q": "pemantauan", "urut": "tanggal", "p": "2"}))
    assert len(kedua) == 1
    assert set(pertama + kedua) == {f"naskah:{n.pk}" for n in dibuat}
    # the sort switch keeps the query and drops the page
    assert parse_qs(urlsplit(r.context["url_urut"]["relevansi"]).query) == {"q": ["pemantauan"]}
    assert 'aria-current="true">Tanggal terbaru' in html


@pytest.mark.parametrize(
    ("parameter", "pesan"),
    [
        ({"q": "vaksinasi", "dari": "2026-13-45"}, "tanggal yang valid"),
        ({"q": "vaksinasi", "dari": "2026-05-01", "sampai": "2026-01-01"}, "harus sebelum"),
        ({"q": "vaksinasi", "p": "abc"}, "harus berupa angka"),
        ({"q": "vaksinasi", "p": "100000"}, "di luar rentang"),
    ],
)
def test_nilai_salah_jadi_galat_formulir(
    masuk_sebagai: Any, surat: NaskahKeluarPage, parameter: dict, pesan: str
) -> None:
    r = masuk_sebagai("operator").get(URL, parameter)
    assert r.status_code == 200
    assert r.context["hasil"] is None
    assert r.context["form"].errors
    assert pesan in r.content.decode()


def test_nilai_faset_di_luar_pilihan_diteruskan_ke_layanan(masuk_sebagai: Any, surat: NaskahKeluarPage) -> None:
    client = masuk_sebagai("operator")
    r = client.get(URL, {"q": "vaksinasi", "jenis": "Jenis yang tidak ada"})
    assert r.status_code == 200 and r.context["hasil"].total == 0
    r = client.get(URL, {"q": "vaksinasi", "unit": "bukan-angka"})
    assert r.status_code == 200 and r.context["hasil"] is None
    assert "harus berupa angka" in r.content.decode()


def test_naskah_unit_lain_tidak_terlihat(masuk_sebagai: Any, demo: None) -> None:
    milik_dinkes = buat_surat(
        "operator.dinkes", "Pengadaan vaksin campak", penandatangan="kadinkes", penerima=("sekda",)
    )
    milik_kominfo = buat_surat("operator", "Pengadaan vaksin influenza")
    indeks()
    client = masuk_sebagai("operator")
    assert _kunci_hasil(client.get(URL, {"q": "pengadaan vaksin"})) == [f"naskah:{milik_kominfo.pk}"]
    assert client.get(URL, {"q": "campak"}).context["hasil"].total == 0
    client.force_login(user("operator.dinkes"))
    assert _kunci_hasil(client.get(URL, {"q": "pengadaan vaksin"})) == [f"naskah:{milik_dinkes.pk}"]
    client.force_login(user("staf.dinkes"))  # another unit of Dinkes: not the drafting unit
    assert client.get(URL, {"q": "campak"}).context["hasil"].total == 0


def test_pemberitahuan_tampil_sebagai_peringatan(
    masuk_sebagai: Any, surat: NaskahKeluarPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asli = layanan.cari

    def cari_darurat(*args: Any, **kwargs: Any) -> Any:
        hasil = asli(*args, **kwargs)
        hasil.pemberitahuan = "Indeks pencarian sedang tidak tersedia."
        return hasil

    monkeypatch.setattr(layanan, "cari", cari_darurat)
    html = masuk_sebagai("operator").get(URL, {"q": "vaksinasi"}).content.decode()
    assert re.search(r'class="help-block help-warning">.*Indeks pencarian sedang tidak tersedia', html, re.DOTALL)


def test_menu_dan_area_pencarian_admin(masuk_sebagai: Any) -> None:
    request = RequestFactory().get("/admin/")
    for username in ("staf", "operator", "admin"):
        request.user = user(username)
        urls = {item.url for item in admin_menu.menu_items_for_request(request)}
        assert URL in urls, username
    client = masuk_sebagai("admin")
    r = client.get("/admin/pages/search/", {"q": "vaksinasi"})
    assert r.status_code == 200
    assert f"{URL}?q=vaksinasi" in r.content.decode()


# --- index status --------------------------------------------------------------------------


def _menu_pengaturan(username: str) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user(username)
    return {item.url for item in settings_menu.menu_items_for_request(request)}


@pytest.mark.parametrize("username", ["operator", "staf", "pejabat"])
def test_status_indeks_hanya_untuk_pengelola(masuk_sebagai: Any, username: str) -> None:
    client = masuk_sebagai(username)
    assert client.get(URL_INDEKS).status_code == 403
    assert client.post(URL_INDEKS, {"koleksi": "naskah"}).status_code == 403
    assert not ProsesIndeks.objects.exists()
    assert URL_INDEKS not in _menu_pengaturan(username)


def test_status_indeks_dengan_jumlah(masuk_sebagai: Any, surat: NaskahKeluarPage) -> None:
    buat_surat(perihal="Belum terindeks")  # in the database, not yet in the index
    assert URL_INDEKS in _menu_pengaturan("admin")
    r = masuk_sebagai("admin").get(URL_INDEKS)
    assert r.status_code == 200
    baris = {b["koleksi"]: b for b in r.context["baris"]}
    assert set(baris) == {"naskah", "template", "publik"}
    assert baris["naskah"]["jumlah_objek"] == 2
    assert baris["naskah"]["jumlah_indeks"] == 1
    assert baris["naskah"]["jumlah_mesin"] is None
    html = r.content.decode()
    assert html.count('name="koleksi"') == 3
    assert "csrfmiddlewaretoken" in html


def test_indeks_ulang_lengkap(masuk_sebagai: Any, demo: None, django_capture_on_commit_callbacks: Any) -> None:
    buat_surat(perihal="Surat pertama")
    buat_surat(perihal="Surat kedua")
    DokumenCari.objects.all().delete()
    client = masuk_sebagai("admin")
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(URL_INDEKS, {"koleksi": "naskah"})
    assert r.status_code == 302 and r["Location"] == URL_INDEKS
    proses = ProsesIndeks.objects.get()
    assert (proses.koleksi, proses.status, proses.selesai, proses.total) == ("naskah", StatusProses.SELESAI, 2, 2)
    assert proses.dibuat_oleh == user("admin")
    r = client.get(URL_INDEKS)
    assert "Indeks ulang Naskah dimulai" in r.content.decode()
    baris = {b["koleksi"]: b for b in r.context["baris"]}
    assert baris["naskah"]["jumlah_indeks"] == 2
    assert baris["naskah"]["proses"] == proses

    data = client.get(f"{URL_INDEKS}proses/{proses.pk}/").json()
    assert data == {"status": "selesai", "label": "Selesai", "total": 2, "selesai": 2, "persen": 100, "galat": ""}


def test_proses_berjalan_dengan_bilah_kemajuan(masuk_sebagai: Any, demo: None) -> None:
    proses = ProsesIndeks.objects.create(koleksi="naskah", mesin="database", status=StatusProses.BERJALAN, total=4)
    ProsesIndeks.objects.filter(pk=proses.pk).update(selesai=1)
    client = masuk_sebagai("admin")
    html = client.get(URL_INDEKS).content.decode()
    assert f'data-proses-url="/admin/cari/indeks/proses/{proses.pk}/"' in html
    assert '<progress max="100" value="25"' in html
    assert "search/indeks.js" in html
    data = client.get(f"{URL_INDEKS}proses/{proses.pk}/").json()
    assert (data["status"], data["selesai"], data["total"], data["persen"]) == ("berjalan", 1, 4, 25)
    assert client.get(f"{URL_INDEKS}proses/{proses.pk + 100}/").status_code == 404
    client.force_login(user("operator"))
    assert client.get(f"{URL_INDEKS}proses/{proses.pk}/").status_code == 403


def test_indeks_ulang_butuh_csrf_dan_koleksi_dikenal(demo: None) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("admin"))
    assert client.post(URL_INDEKS, {"koleksi": "naskah"}).status_code == 403
    client = Client()
    client.force_login(user("admin"))
    r = client.post(URL_INDEKS, {"koleksi": "rahasia"}, follow=True)
    assert "Koleksi tidak dikenal." in r.content.decode()
    assert not ProsesIndeks.objects.exists()
    assert client.get(URL_INDEKS + "?koleksi=naskah").status_code == 200
    assert client.put(URL_INDEKS).status_code == 405
