"""The REST API for incoming letters and dispositions: the whole chain with token auth,
every refused input leaving nothing changed, who may see what (404, never 403, for a
letter one may not read), secret letters, filters, and constant query counts."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from naskah import akses, layanan_masuk
from naskah.models import (
    Arsip,
    Disposisi,
    JejakNaskah,
    LogAkses,
    NaskahMasukPage,
    PenghitungAgenda,
    StatusDisposisi,
    StatusMasuk,
)

pytestmark = pytest.mark.django_db

API = "/api/v1/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def hari(n: int = 0) -> str:
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


def berkas(nama: str = "surat.pdf", isi: bytes = PDF, jenis: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type=jenis)


@pytest.fixture
def api(demo: None):  # type: ignore[no-untyped-def]
    """An API client authenticated with the account's token."""

    def _api(username: str) -> APIClient:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=username)
        token, _ = Token.objects.get_or_create(user=user)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _api


def _body(jab: Any, **ubah: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "tujuan": jab("pejabat").pk,
        "nomor_surat": "005/123/BAPPEDA/2026",
        "tanggal_surat": hari(-2),
        "pengirim": "Kepala Bappeda Kota Sukamaju",
        "perihal": "Undangan rapat koordinasi RKPD",
        "sifat": "B",
        "urgensi": "segera",
        "klasifikasi": "000.1.2.3",
        "ringkasan": "Rapat koordinasi penyusunan RKPD 2027.",
        "scan": berkas(),
    }
    body.update(ubah)
    return body


def _daftar(client: APIClient, jab: Any, **ubah: Any) -> Any:
    return client.post(f"{API}naskah-masuk/", _body(jab, **ubah), format="multipart")


@pytest.fixture
def catat(api: Any, jab: Any, commit: Any):  # type: ignore[no-untyped-def]
    """Register an external letter for the Kepala Diskominfo through the API (as operator)."""

    def _catat(**ubah: Any) -> int:
        with commit():
            r = _daftar(api("operator"), jab, **ubah)
        assert r.status_code == 201, r.content
        return int(r.json()["id"])

    return _catat


def _dispo(client: APIClient, pk: int, **data: Any) -> Any:
    return client.post(f"{API}naskah-masuk/{pk}/disposisi/", data, format="json")


def _aksi(client: APIClient, pk: int, aksi: str, data: dict[str, Any] | None = None, fmt: str = "json") -> Any:
    return client.post(f"{API}disposisi/{pk}/{aksi}/", data or {}, format=fmt)


def _keadaan() -> dict[str, Any]:
    """Everything a refused request must leave as it was."""
    return {
        "naskah": NaskahMasukPage.objects.count(),
        "disposisi": list(Disposisi.objects.order_by("pk").values_list("pk", "status", "dibaca_pada")),
        "jejak": JejakNaskah.objects.count(),
        "agenda": list(PenghitungAgenda.objects.values_list("unit_id", "tahun", "terakhir")),
        "status": list(NaskahMasukPage.objects.order_by("pk").values_list("pk", "status")),
        "berkas": sorted(str(p) for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()),
    }


# --- the whole chain ----------------------------------------------------------------------


def test_alur_lengkap_lewat_api(api: Any, jab: Any, u: Any, commit: Any) -> None:
    operator, pejabat, kabid, sek, humas = (
        api(n) for n in ("operator", "pejabat", "kabid.ikp", "sek.diskominfo", "humas")
    )
    with commit():
        r = _daftar(operator, jab)
    assert r.status_code == 201, r.content
    surat = r.json()
    pk = surat["id"]
    assert surat["agenda"] == f"1/{timezone.localdate().year}" and surat["status"] == StatusMasuk.BARU
    assert surat["tujuan"]["id"] == jab("pejabat").pk and surat["unit"]["kode"] == "DISKOMINFO"
    assert surat["pencatat"] == u("operator").pegawai.nama and surat["disposisi"] == [] and surat["aksi"] == []
    assert surat["scan"].endswith(f"{API}naskah-masuk/{pk}/scan/")
    r = operator.get(f"{API}naskah-masuk/{pk}/scan/", HTTP_ACCEPT="application/pdf")
    assert r.status_code == 200 and b"".join(r.streaming_content) == PDF
    assert "attachment" in r["Content-Disposition"]

    detail = pejabat.get(f"{API}naskah-masuk/{pk}/").json()
    assert detail["aksi"] == ["disposisikan", "selesai"]
    with commit():
        r = _dispo(
            pejabat,
            pk,
            kepada_jabatan=[jab("kabid.ikp").pk, jab("sek.diskominfo").pk],
            instruksi=["ditindaklanjuti", "koordinasikan"],
            catatan="Siapkan bahan paparan.",
            batas_waktu=hari(7),
        )
    assert r.status_code == 201, r.content
    assert [d["kepada"] for d in r.json()] == [jab("kabid.ikp").nama, jab("sek.diskominfo").nama]
    assert all(d["status"] == "aktif" and d["batas_waktu"] == hari(7) for d in r.json())
    assert r.json()[0]["instruksi_label"] == ["Untuk ditindaklanjuti", "Koordinasikan"]
    d_ikp, d_sek = (d["id"] for d in r.json())
    assert pejabat.get(f"{API}naskah-masuk/{pk}/").json()["status"] == StatusMasuk.DIDISPOSISI

    mine = kabid.get(f"{API}disposisi/", {"status": "aktif"}).json()
    assert [d["id"] for d in mine["results"]] == [d_ikp]
    assert mine["results"][0]["naskah"]["perihal"] == "Undangan rapat koordinasi RKPD"
    assert kabid.get(f"{API}disposisi/{d_ikp}/").json()["aksi"] == ["baca", "teruskan", "selesai"]
    assert pejabat.get(f"{API}disposisi/{d_ikp}/").json()["aksi"] == ["batalkan"]
    assert kabid.get(f"{API}naskah-masuk/{pk}/").status_code == 200  # a holder reads the letter

    with commit():
        r = _aksi(kabid, d_ikp, "teruskan", {"kepada_user": [u("humas").pk], "instruksi": ["jawaban"]})
    assert r.status_code == 201, r.content
    d_humas = r.json()[0]["id"]
    assert r.json()[0]["induk"] == d_ikp and r.json()[0]["batas_waktu"] == hari(7)  # the parent's deadline
    assert r.json()[0]["kepada"] == u("humas").pegawai.nama
    r = _aksi(kabid, d_ikp, "selesai", {"tindak_lanjut": "Sudah."})
    assert r.status_code == 409 and "belum selesai" in r.json()["detail"]

    assert [d["id"] for d in humas.get(f"{API}disposisi/").json()["results"]] == [d_humas]
    with commit():
        r = _aksi(
            humas,
            d_humas,
            "selesai",
            {"tindak_lanjut": "Konsep jawaban disiapkan.", "lampiran": berkas("jawaban.pdf")},
            fmt="multipart",
        )
    assert r.status_code == 200, r.content
    assert r.json()["status"] == "selesai" and r.json()["ada_lampiran"] and r.json()["aksi"] == []
    for client, d in ((kabid, d_ikp), (sek, d_sek)):
        assert NaskahMasukPage.objects.get(pk=pk).status == StatusMasuk.DIDISPOSISI
        with commit():
            r = _aksi(client, d, "selesai", {"tindak_lanjut": "Selesai ditindaklanjuti."})
        assert r.status_code == 200, r.content

    naskah = NaskahMasukPage.objects.get(pk=pk)
    assert naskah.status == StatusMasuk.SELESAI and naskah.selesai_pada is not None
    assert Arsip.objects.filter(naskah_id=pk).exists()
    assert pejabat.get(f"{API}naskah-masuk/{pk}/").json()["status"] == "selesai"
    assert [d["id"] for d in humas.get(f"{API}disposisi/", {"status": "selesai"}).json()["results"]] == [d_humas]
    assert humas.get(f"{API}disposisi/", {"status": "aktif"}).json()["count"] == 0
    r = _dispo(pejabat, pk, kepada_jabatan=[jab("kabid.ikp").pk], instruksi=["diketahui"])
    assert r.status_code == 409 and r.json()["detail"]

    lacak = pejabat.get(f"{API}naskah-masuk/{pk}/lacak/")
    assert lacak.status_code == 200
    pohon = lacak.json()["pohon"]
    assert [s["kepada"] for s in pohon] == [jab("kabid.ikp").nama, jab("sek.diskominfo").nama]
    assert pohon[0]["dari_jabatan"]["id"] == jab("pejabat").pk and pohon[0]["dari_user"] == u("pejabat").pegawai.nama
    assert [s["id"] for s in pohon[0]["anak"]] == [d_humas] and pohon[1]["anak"] == []
    anak = pohon[0]["anak"][0]
    assert anak["instruksi"] == ["jawaban"] and anak["tindak_lanjut"] == "Konsep jawaban disiapkan."
    assert anak["dibaca_pada"] and anak["selesai_pada"] and anak["status"] == "selesai" and anak["anak"] == []
    riwayat = lacak.json()["riwayat"]
    aksi = [b["aksi"] for b in riwayat]
    assert aksi[0] == "diterima" and aksi[-1] == "selesai_naskah"
    assert aksi.count("disposisikan") == 2 and aksi.count("teruskan") == 1 and aksi.count("selesai") == 3
    assert riwayat[0]["user"] == u("operator").pegawai.nama and riwayat[0]["jabatan"] == jab("operator").nama
    assert riwayat[1]["user"] == u("pejabat").pegawai.nama and riwayat[1]["jabatan"] == jab("pejabat").nama
    assert [b["waktu"] for b in riwayat] == sorted(b["waktu"] for b in riwayat)


# --- registration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scan", "pesan"),
    [
        (berkas("surat.exe", b"MZ\x90\x00"), "ekstensi"),
        (berkas("surat.pdf", b"<html>bukan pdf</html>"), "tidak sesuai"),
        (berkas("surat.pdf", PDF + b"/JavaScript (app.alert(1))"), "skrip"),
        (berkas("surat.png", b"%PDF-1.4", "image/png"), "tidak sesuai"),
        (berkas("surat.jpg", b"", "image/jpeg"), "kosong"),
        (berkas("besar.pdf", PDF + b"0" * (20 * 1024 * 1024)), "20 MB"),
    ],
    ids=["exe", "html-sebagai-pdf", "pdf-javascript", "pdf-sebagai-png", "kosong", "terlalu-besar"],
)
def test_pindaian_buruk_400_tanpa_mencatat(api: Any, jab: Any, scan: SimpleUploadedFile, pesan: str) -> None:
    scan.seek(0)
    sebelum = _keadaan()
    r = _daftar(api("operator"), jab, scan=scan)
    assert r.status_code == 400, r.content
    assert r.json()["detail"] and "scan" in r.json()["galat"]
    assert pesan in " ".join(r.json()["galat"]["scan"]).lower() or pesan in " ".join(r.json()["galat"]["scan"])
    assert _keadaan() == sebelum


def test_registrasi_galat_validasi(api: Any, jab: Any, u: Any) -> None:
    operator = api("operator")
    sebelum = _keadaan()
    r = operator.post(f"{API}naskah-masuk/", {"perihal": "Tanpa apa-apa"}, format="multipart")
    assert r.status_code == 400
    assert {"tujuan", "nomor_surat", "tanggal_surat", "pengirim", "scan"} <= set(r.json()["galat"])
    r = _daftar(operator, jab, sifat="X", tujuan=999999, tanggal_surat="kemarin")
    assert r.status_code == 400 and {"sifat", "tujuan", "tanggal_surat"} <= set(r.json()["galat"])
    r = _daftar(operator, jab, tanggal_surat=hari(1))
    assert r.status_code == 400 and "tanggal_surat" in r.json()["galat"]
    r = _daftar(operator, jab, tanggal_terima=hari(-5))  # before the letter's date
    assert r.status_code == 400 and "tanggal_terima" in r.json()["galat"]
    r = _daftar(operator, jab, perihal="   ")
    assert r.status_code == 400 and "perihal" in r.json()["galat"]
    # JSON is refused: the scan is a file
    r = operator.post(f"{API}naskah-masuk/", {**_body(jab), "scan": "x"}, format="json")
    assert r.status_code == 415 and r.json()["detail"]
    # another OPD's official, or an account without the operator role
    r = _daftar(operator, jab, tujuan=jab("kadinkes").pk)
    assert r.status_code == 403 and r.json()["detail"] and "tujuan" in r.json()["galat"]
    r = _daftar(api("staf"), jab)
    assert r.status_code == 403 and r.json()["detail"]
    assert _keadaan() == sebelum


def test_duplikat_409_dengan_daftar_lalu_boleh_dicatat_sengaja(api: Any, jab: Any, u: Any, catat: Any) -> None:
    asli = catat()
    rahasia = catat(nomor_surat="005/9/BAPPEDA/2026", sifat="R")
    operator = api("operator")
    sebelum = _keadaan()
    r = _daftar(operator, jab, nomor_surat=" 005/123/bappeda/2026 ", pengirim="kepala bappeda  kota sukamaju")
    assert r.status_code == 409, r.content
    agenda = NaskahMasukPage.objects.get(pk=asli).agenda
    assert agenda in r.json()["detail"] and "nomor_surat" in r.json()["galat"]
    assert r.json()["duplikat"] == [
        {"id": asli, "agenda": agenda, "url": f"http://testserver{API}naskah-masuk/{asli}/"}
    ]
    assert _keadaan() == sebelum
    # a secret duplicate the operator may not read is listed without a link
    NaskahMasukPage.objects.filter(pk=rahasia).update(pencatat=u("pejabat"))
    akses.perbarui_akses(NaskahMasukPage.objects.get(pk=rahasia))
    r = _daftar(operator, jab, nomor_surat="005/9/BAPPEDA/2026")
    assert r.status_code == 409
    assert r.json()["duplikat"] == [{"id": rahasia, "agenda": f"2/{timezone.localdate().year}", "url": None}]
    r = _daftar(operator, jab, abaikan_duplikat="true")
    assert r.status_code == 201, r.content
    assert r.json()["agenda"] == f"3/{timezone.localdate().year}"


def test_scan_png_dan_tanpa_pindaian(api: Any, jab: Any, catat: Any) -> None:
    pk = catat(scan=berkas("surat.png", PNG, "image/png"))
    r = api("pejabat").get(f"{API}naskah-masuk/{pk}/scan/")
    assert r.status_code == 200 and b"".join(r.streaming_content) == PNG
    NaskahMasukPage.objects.filter(pk=pk).update(scan="")  # e.g. an internal letter
    r = api("pejabat").get(f"{API}naskah-masuk/{pk}/scan/")
    assert r.status_code == 404 and r.json()["detail"]
    assert api("pejabat").get(f"{API}naskah-masuk/{pk}/").json()["scan"] is None


# --- refused dispositions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("siapa", "data", "status", "kunci"),
    [
        ("pejabat", {"kepada_jabatan": ["kadinkes"]}, 400, "kepada"),  # outside the unit tree
        ("pejabat", {"kepada_jabatan": ["pejabat"]}, 400, "kepada"),  # oneself
        ("pejabat", {"kepada_user": ["pejabat"]}, 400, "kepada"),
        ("pejabat", {"kepada_user": ["staf.dinkes"]}, 400, "kepada"),
        ("pejabat", {"kepada_jabatan": ["kabid.ikp"], "batas_waktu": -1}, 400, "batas_waktu"),
        ("pejabat", {"kepada_jabatan": ["kabid.ikp"], "instruksi": ["sulap"]}, 400, "instruksi"),
        ("pejabat", {"kepada_jabatan": ["kabid.ikp"], "instruksi": []}, 400, "instruksi"),
        ("pejabat", {"kepada_jabatan": [999999]}, 400, "kepada_jabatan"),
        ("pejabat", {}, 400, "kepada"),
        ("operator", {"kepada_jabatan": ["kabid.ikp"]}, 403, None),  # reads it, is not the addressee
        ("staf", {"kepada_jabatan": ["kabid.ikp"]}, 404, None),  # may not read it
    ],
)
def test_disposisi_salah_ditolak_tanpa_perubahan(
    api: Any, jab: Any, u: Any, catat: Any, siapa: str, data: dict[str, Any], status: int, kunci: str | None
) -> None:
    pk = catat()
    body: dict[str, Any] = {"instruksi": ["diketahui"]}
    for nama, nilai in data.items():
        if nama == "kepada_jabatan":
            nilai = [jab(v).pk if isinstance(v, str) else v for v in nilai]
        elif nama == "kepada_user":
            nilai = [u(v).pk for v in nilai]
        elif nama == "batas_waktu":
            nilai = hari(nilai)
        body[nama] = nilai
    sebelum = _keadaan()
    r = _dispo(api(siapa), pk, **body)
    assert r.status_code == status, r.content
    assert r.json()["detail"]
    if kunci:
        assert kunci in r.json()["galat"]
    assert _keadaan() == sebelum


def test_teruskan_melewati_batas_induk_dan_orang_lain(api: Any, jab: Any, u: Any, catat: Any) -> None:
    pk = catat()
    r = _dispo(api("pejabat"), pk, kepada_jabatan=[jab("kabid.ikp").pk], instruksi=["diketahui"], batas_waktu=hari(3))
    d = r.json()[0]["id"]
    sebelum = _keadaan()
    r = _aksi(api("kabid.ikp"), d, "teruskan", {"kepada_user": [u("humas").pk], "catatan": "x", "batas_waktu": hari(4)})
    assert r.status_code == 400 and "batas_waktu" in r.json()["galat"]
    r = _aksi(api("kabid.ikp"), d, "teruskan", {"kepada_user": [u("staf").pk], "catatan": "x"})  # Aptika
    assert r.status_code == 400 and "luar unit" in r.json()["detail"]
    r = _aksi(api("pejabat"), d, "teruskan", {"kepada_user": [u("humas").pk], "catatan": "x"})  # not the holder
    assert r.status_code == 403 and r.json()["detail"]
    assert _keadaan() == sebelum


def test_batal_dan_selesai_milik_orang_lain(api: Any, jab: Any, u: Any, catat: Any) -> None:
    pk = catat()
    pejabat, kabid, sek = api("pejabat"), api("kabid.ikp"), api("sek.diskominfo")
    r = _dispo(pejabat, pk, kepada_jabatan=[jab("kabid.ikp").pk, jab("sek.diskominfo").pk], instruksi=["diketahui"])
    d_ikp, d_sek = (d["id"] for d in r.json())
    sebelum = _keadaan()
    r = _aksi(sek, d_ikp, "selesai", {"tindak_lanjut": "bukan milik saya"})  # reads the letter, not the holder
    assert r.status_code == 403 and "bukan untuk Anda" in r.json()["detail"]
    assert _aksi(api("staf"), d_ikp, "selesai", {"tindak_lanjut": "x"}).status_code == 404
    r = _aksi(kabid, d_ikp, "batalkan", {"alasan": "x"})  # only the giver cancels
    assert r.status_code == 403 and "pemberi disposisi" in r.json()["detail"]
    r = _aksi(kabid, d_ikp, "selesai", {})
    assert r.status_code == 400 and "tindak_lanjut" in r.json()["galat"]
    r = _aksi(kabid, d_ikp, "selesai", {"tindak_lanjut": "x", "balasan": 999999})
    assert r.status_code == 400 and "balasan" in r.json()["galat"]
    r = _aksi(kabid, d_ikp, "selesai", {"tindak_lanjut": "x", "lampiran": berkas("a.exe", b"MZ")}, fmt="multipart")
    assert r.status_code == 400 and "lampiran" in r.json()["galat"]
    assert _aksi(sek, d_ikp, "baca").status_code == 403
    assert _keadaan() == sebelum

    # opened (through /baca/) it can no longer be withdrawn
    r = _aksi(kabid, d_ikp, "baca")
    assert r.status_code == 200 and r.json()["dibaca_pada"] and "batalkan" not in r.json()["aksi"]
    sebelum = _keadaan()
    r = _aksi(pejabat, d_ikp, "batalkan", {"alasan": "salah tujuan"})
    assert r.status_code == 409 and "tidak dapat dibatalkan" in r.json()["detail"]
    assert _keadaan() == sebelum

    # the unopened one is withdrawn; its holder then no longer reads the letter's disposition
    assert sek.get(f"{API}disposisi/{d_sek}/").status_code == 200
    r = _aksi(pejabat, d_sek, "batalkan", {"alasan": "salah tujuan"})
    assert r.status_code == 200 and r.json()["status"] == StatusDisposisi.DIBATALKAN
    assert JejakNaskah.objects.filter(naskah_id=pk, aksi="batalkan", data__alasan="salah tujuan").exists()
    assert sek.get(f"{API}disposisi/{d_sek}/").status_code == 404  # Biasa letter outside her unit
    assert sek.get(f"{API}disposisi/").json()["count"] == 0
    assert _aksi(pejabat, d_sek, "batalkan").status_code == 409  # twice

    # finished: neither cancellable nor finishable again
    assert _aksi(kabid, d_ikp, "selesai", {"tindak_lanjut": "Sudah diketahui."}).status_code == 200
    assert _aksi(kabid, d_ikp, "selesai", {"tindak_lanjut": "lagi"}).status_code == 409
    assert _aksi(pejabat, d_ikp, "batalkan").status_code == 409
    assert NaskahMasukPage.objects.get(pk=pk).status == StatusMasuk.SELESAI


def test_membuka_detail_menandai_dibaca(api: Any, jab: Any, catat: Any) -> None:
    pk = catat()
    r = _dispo(api("pejabat"), pk, kepada_jabatan=[jab("kabid.ikp").pk], instruksi=["diketahui"])
    d = r.json()[0]["id"]
    assert Disposisi.objects.get(pk=d).dibaca_pada is None
    api("pejabat").get(f"{API}naskah-masuk/{pk}/")  # the giver opening it changes nothing
    assert Disposisi.objects.get(pk=d).dibaca_pada is None
    api("kabid.ikp").get(f"{API}naskah-masuk/{pk}/")
    assert Disposisi.objects.get(pk=d).dibaca_pada is not None
    assert _aksi(api("pejabat"), d, "batalkan").status_code == 409


# --- who sees what --------------------------------------------------------------------------


def _jalur(pk: int, d: int) -> dict[str, tuple[str, str]]:
    return {
        "detail": ("get", f"{API}naskah-masuk/{pk}/"),
        "lacak": ("get", f"{API}naskah-masuk/{pk}/lacak/"),
        "scan": ("get", f"{API}naskah-masuk/{pk}/scan/"),
        "disposisi": ("get", f"{API}disposisi/{d}/"),
        "disposisikan": ("post", f"{API}naskah-masuk/{pk}/disposisi/"),
        "teruskan": ("post", f"{API}disposisi/{d}/teruskan/"),
        "selesai": ("post", f"{API}disposisi/{d}/selesai/"),
        "batalkan": ("post", f"{API}disposisi/{d}/batalkan/"),
        "baca": ("post", f"{API}disposisi/{d}/baca/"),
    }


def _ids(client: APIClient, url: str, **param: Any) -> set[int]:
    r = client.get(url, param)
    assert r.status_code == 200, r.content
    return {b["id"] for b in r.json()["results"]}


@pytest.mark.parametrize("sifat", ["B", "R"])
def test_bukan_tujuan_atau_pemegang_404(api: Any, jab: Any, catat: Any, sifat: str) -> None:
    pk = catat(sifat=sifat, perihal="Rencana kerja rahasia")
    r = _dispo(api("pejabat"), pk, kepada_jabatan=[jab("kabid.ikp").pk], instruksi=["diketahui"])
    d = r.json()[0]["id"]
    pembaca = {"operator", "pejabat", "kabid.ikp"}  # registrar, addressee, holder
    # other Diskominfo staff and officials, another OPD, the Administrator role
    luar = {"staf", "humas", "sek.diskominfo", "arsiparis", "admin", "kadinkes", "staf.dinkes", "operator.dinkes"}
    for username in sorted(pembaca | luar):
        client = api(username)
        if username in luar:
            for nama, (metode, url) in _jalur(pk, d).items():
                r = client.get(url) if metode == "get" else client.post(url, {}, format="json")
                assert r.status_code == 404, (username, nama, r.status_code)
                assert r.json()["detail"]
            assert pk not in _ids(client, f"{API}naskah-masuk/")
            assert pk not in _ids(client, f"{API}naskah-masuk/", q="rahasia")
        else:
            for nama in ("detail", "lacak", "scan", "disposisi"):
                assert client.get(_jalur(pk, d)[nama][1]).status_code == 200, (username, nama)
            assert pk in _ids(client, f"{API}naskah-masuk/", q="rahasia")
    assert api("staf").get(f"{API}naskah-masuk/999999/").status_code == 404

    log = LogAkses.objects.filter(naskah_id=pk)
    if sifat == "R":  # every read of a secret letter is logged, only by its readers
        assert set(log.values_list("user__username", flat=True)) == pembaca
        assert set(log.values_list("aksi", flat=True)) == {"api-masuk", "api-masuk-lacak", "api-masuk-scan"}
    else:
        assert not log.exists()


def test_tanpa_login_401(demo: None, catat: Any) -> None:
    pk = catat()
    client = APIClient()
    for url in (f"naskah-masuk/{pk}/", "naskah-masuk/", "disposisi/", f"naskah-masuk/{pk}/scan/"):
        r = client.get(API + url)
        assert r.status_code == 401 and r.json()["detail"], url
    assert client.post(f"{API}naskah-masuk/{pk}/disposisi/", {}).status_code == 401


def test_sesi_perlu_csrf(api: Any, jab: Any, u: Any, catat: Any) -> None:
    pk = catat()
    sesi = APIClient(enforce_csrf_checks=True)
    sesi.force_login(u("pejabat"))
    assert sesi.get(f"{API}naskah-masuk/{pk}/").status_code == 200
    r = sesi.post(f"{API}naskah-masuk/{pk}/disposisi/", {"kepada_jabatan": [jab("kabid.ikp").pk]}, format="json")
    assert r.status_code == 403 and not Disposisi.objects.exists()


# --- lists ----------------------------------------------------------------------------------


def test_daftar_filter_dan_status_disposisi(api: Any, jab: Any, u: Any, catat: Any) -> None:
    a = catat(perihal="Undangan rapat RKPD", tanggal_surat=hari(-20), tanggal_terima=hari(-10))
    b = catat(nomor_surat="800/1/BKPSDM/2026", pengirim="BKPSDM", perihal="Usulan diklat")
    c = catat(nomor_surat="900/7/BPKAD/2026", pengirim="BPKAD", perihal="Undangan sosialisasi SIPD")
    pejabat = api("pejabat")
    semua = f"{API}naskah-masuk/"
    assert _ids(pejabat, semua) == {a, b, c}
    assert [r["id"] for r in pejabat.get(semua).json()["results"]] == [c, b, a]  # newest first
    assert _ids(pejabat, semua, q="undangan") == {a, c}
    assert _ids(pejabat, semua, q="BKPSDM") == {b}  # nomor surat
    assert _ids(pejabat, semua, dari=hari(-1)) == {b, c}
    assert _ids(pejabat, semua, sampai=hari(-1)) == {a}
    assert _ids(pejabat, semua, unit=jab("pejabat").unit_id) == {a, b, c}
    assert _ids(pejabat, semua, unit=jab("kadinkes").unit_id) == set()
    r = pejabat.get(semua, {"status": "entah"})
    assert r.status_code == 400 and "status" in r.json()["galat"]

    batas = {"kepada_jabatan": [jab("kabid.ikp").pk], "instruksi": ["diketahui"]}
    _dispo(pejabat, a, **batas, batas_waktu=hari(1))
    _dispo(pejabat, b, **batas)
    _dispo(pejabat, c, **batas)
    assert _ids(pejabat, semua, status="baru") == set()
    assert _ids(pejabat, semua, status="didisposisi") == {a, b, c}
    baris = next(r for r in pejabat.get(semua).json()["results"] if r["id"] == a)
    assert baris["disposisi_aktif"] == 1 and baris["agenda"] and baris["tujuan"]["id"] == jab("pejabat").pk

    kabid = api("kabid.ikp")
    dispo = {d.naskah_id: d.pk for d in Disposisi.objects.all()}
    Disposisi.objects.filter(pk=dispo[a]).update(batas_waktu=timezone.localdate() - datetime.timedelta(days=1))
    _aksi(kabid, dispo[b], "selesai", {"tindak_lanjut": "Sudah."})
    daftar = f"{API}disposisi/"
    assert _ids(kabid, daftar) == set(dispo.values())
    assert _ids(kabid, daftar, status="aktif") == {dispo[a], dispo[c]}
    assert _ids(kabid, daftar, status="selesai") == {dispo[b]}
    assert _ids(kabid, daftar, status="terlambat") == {dispo[a]}
    assert next(r for r in kabid.get(daftar).json()["results"] if r["id"] == dispo[a])["terlambat"] is True
    r = kabid.get(daftar, {"status": "batal"})
    assert r.status_code == 400 and "status" in r.json()["galat"]
    assert _ids(api("pejabat"), daftar) == set()  # given by him, not to him


def _hitung(client: APIClient, url: str, jumlah: int) -> int:
    with CaptureQueriesContext(connection) as q:
        r = client.get(url)
    assert r.status_code == 200, r.content
    assert len(r.json()["results"]) == jumlah
    return len(q)


def test_daftar_jumlah_kueri_tetap(api: Any, jab: Any, u: Any, demo: None) -> None:
    """The letters list and "my dispositions" run the same number of queries for 3 and 20 rows."""
    operator, pejabat, humas = u("operator"), u("pejabat"), u("humas")

    def tambah(n: int, mulai: int) -> None:
        for i in range(mulai, mulai + n):
            naskah = layanan_masuk.daftarkan(
                operator,
                tujuan=jab("pejabat"),
                nomor_surat=f"100/{i}/2026",
                tanggal_surat=timezone.localdate(),
                pengirim=f"Instansi {i}",
                perihal=f"Surat {i}",
                sifat="R" if i % 3 == 0 else "B",
                scan=berkas(),
            )
            kepada = {"kepada_user": [humas]} if i % 2 else {"kepada_jabatan": [jab("kabid.ikp")]}
            layanan_masuk.disposisikan(naskah, pejabat, instruksi=["diketahui"], batas_waktu=None, **kepada)

    tambah(3, 0)
    klien = {"pejabat": api("pejabat"), "humas": api("humas"), "kabid.ikp": api("kabid.ikp")}
    sedikit = {
        "masuk": _hitung(klien["pejabat"], f"{API}naskah-masuk/", 3),
        "humas": _hitung(klien["humas"], f"{API}disposisi/", 1),
        "kabid": _hitung(klien["kabid.ikp"], f"{API}disposisi/?status=aktif", 2),
    }
    tambah(17, 3)
    banyak = {
        "masuk": _hitung(klien["pejabat"], f"{API}naskah-masuk/", 20),
        "humas": _hitung(klien["humas"], f"{API}disposisi/", 10),
        "kabid": _hitung(klien["kabid.ikp"], f"{API}disposisi/?status=aktif", 10),
    }
    assert banyak == sedikit


# --- schema ---------------------------------------------------------------------------------


def test_skema_tanpa_peringatan(client: Any, demo: None, tmp_path: Path) -> None:
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "skema.yaml"))
    r = client.get(f"{API}schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = set(r.json()["paths"])
    assert {
        "/api/v1/naskah-masuk/",
        "/api/v1/naskah-masuk/{id}/",
        "/api/v1/naskah-masuk/{id}/scan/",
        "/api/v1/naskah-masuk/{id}/disposisi/",
        "/api/v1/naskah-masuk/{id}/lacak/",
        "/api/v1/disposisi/",
        "/api/v1/disposisi/{id}/",
        "/api/v1/disposisi/{id}/teruskan/",
        "/api/v1/disposisi/{id}/selesai/",
        "/api/v1/disposisi/{id}/batalkan/",
        "/api/v1/disposisi/{id}/baca/",
    } <= paths
    buat = r.json()["paths"]["/api/v1/naskah-masuk/"]["post"]
    assert set(buat["requestBody"]["content"]) == {"multipart/form-data"}
    assert "409" in buat["responses"]
