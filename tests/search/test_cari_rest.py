"""GET /api/v1/cari/: the search facade over REST (database engine, real facade), its
errors, authentication, schema, and the same answer as the admin page for every reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bantu import buat_surat, indeks, user
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from naskah.models import NaskahKeluarPage
from organisasi.models import Unit
from search import layanan

pytestmark = pytest.mark.django_db

API = "/api/v1/cari/"
KUNCI_HIT = {
    "id",
    "kunci",
    "koleksi",
    "nomor",
    "perihal",
    "judul",
    "tanggal",
    "unit",
    "jenis",
    "sifat",
    "status",
    "url",
    "snippet",
}


def api(username: str) -> APIClient:
    client = APIClient()
    token, _dibuat = Token.objects.get_or_create(user=user(username))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def surat(demo: None) -> NaskahKeluarPage:
    naskah = buat_surat()
    indeks()
    return naskah


def test_cari_lengkap(surat: NaskahKeluarPage) -> None:
    r = api("operator").get(API, {"q": "vaksinasi"})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"total", "total_exact", "page", "pages", "hits", "facets", "notice"}
    assert data["total_exact"] is True
    assert (data["total"], data["page"], data["pages"], data["notice"]) == (1, 1, 1, None)
    [hit] = data["hits"]
    assert set(hit) == KUNCI_HIT
    assert hit["id"] == surat.pk and hit["kunci"] == f"naskah:{surat.pk}" and hit["koleksi"] == "naskah"
    assert hit["perihal"] == "Permohonan dukungan publikasi vaksinasi"
    assert hit["url"] == f"/admin/naskah/{surat.pk}/"
    assert (hit["sifat"], hit["status"], hit["jenis"]) == ("B", "konsep", "Surat Dinas")
    assert hit["unit"] == "Dinas Komunikasi dan Informatika"
    assert "<mark>" in hit["snippet"].lower()
    assert set(data["facets"]) == {"jenis", "unit", "sifat", "tahun"}
    assert data["facets"]["sifat"] == [{"value": "B", "label": "Biasa", "count": 1}]
    assert data["facets"]["unit"] == [
        {"value": str(Unit.objects.get(kode="DISKOMINFO").pk), "label": "Dinas Komunikasi dan Informatika", "count": 1}
    ]
    assert [f["count"] for f in data["facets"]["tahun"]] == [1]


def test_saringan_halaman_dan_parameter_asing(demo: None) -> None:
    dibuat = [buat_surat(perihal=f"Laporan pemantauan jaringan tahap {i}", sifat="BT"[i % 2]) for i in range(3)]
    indeks()
    client = api("operator")
    r = client.get(API, {"q": "pemantauan", "page_size": 2, "urut": "tanggal", "entah": "apa"})
    assert r.status_code == 200
    data = r.json()
    assert (data["total"], data["pages"], len(data["hits"])) == (3, 2, 2)
    kedua = client.get(API, {"q": "pemantauan", "page_size": 2, "page": 2, "urut": "tanggal"}).json()
    assert kedua["page"] == 2
    assert {h["id"] for h in data["hits"] + kedua["hits"]} == {n.pk for n in dibuat}
    terbatas = client.get(API, {"q": "pemantauan", "sifat": "T"}).json()
    assert [h["id"] for h in terbatas["hits"]] == [dibuat[1].pk]
    assert client.get(API, {"q": "pemantauan", "koleksi": "publik"}).json()["total"] == 0
    assert client.get(API, {"jenis": "Surat Dinas", "arah": "keluar"}).json()["total"] == 3


@pytest.mark.parametrize(
    ("parameter", "pesan"),
    [
        ({"dari": "kemarin"}, "TTTT-BB-HH"),
        ({"dari": "2026-05-01", "sampai": "2026-01-01"}, "harus sebelum"),
        ({"unit": "dinkes"}, "harus berupa angka"),
        ({"page": "0"}, "di luar rentang"),
        ({"page_size": "1000"}, "di luar rentang"),
        ({"tahun": "dua ribu"}, "harus berupa angka"),
        ({"urut": "abjad"}, "relevansi"),
    ],
)
def test_nilai_salah_400(surat: NaskahKeluarPage, parameter: dict, pesan: str) -> None:
    r = api("operator").get(API, {"q": "vaksinasi", **parameter})
    assert r.status_code == 400
    assert set(r.json()) == {"detail"}
    assert pesan in r.json()["detail"]


def test_tanpa_kredensial_401(demo: None) -> None:
    r = APIClient().get(API, {"q": "vaksinasi"})
    assert r.status_code == 401
    assert "WWW-Authenticate" in r.headers
    assert APIClient(HTTP_AUTHORIZATION="Token salah").get(API).status_code == 401


def test_akun_nonaktif_ditolak_dan_sesi_admin_diterima(surat: NaskahKeluarPage) -> None:
    client = Client()
    client.force_login(user("operator"))
    assert client.get(API, {"q": "vaksinasi"}).json()["total"] == 1  # session auth, like the admin
    klien = api("operator")
    get_user_model().objects.filter(username="operator").update(is_active=False)
    assert klien.get(API, {"q": "vaksinasi"}).status_code in (401, 403)


def test_hanya_get(surat: NaskahKeluarPage) -> None:
    assert api("operator").post(API, {"q": "vaksinasi"}).status_code == 405


def test_naskah_unit_lain_tidak_ditemukan(demo: None) -> None:
    milik_dinkes = buat_surat(
        "operator.dinkes", "Pengadaan vaksin campak", penandatangan="kadinkes", penerima=("sekda",)
    )
    indeks()
    for username in ("operator", "staf", "staf.dinkes"):
        data = api(username).get(API, {"q": "campak"}).json()
        assert (data["total"], data["hits"]) == (0, []), username
        assert not any(data["facets"].values()), username
    assert [h["id"] for h in api("operator.dinkes").get(API, {"q": "campak"}).json()["hits"]] == [milik_dinkes.pk]


def test_pemberitahuan_sebagai_notice(surat: NaskahKeluarPage, monkeypatch: pytest.MonkeyPatch) -> None:
    asli = layanan.cari

    def cari_darurat(*args: Any, **kwargs: Any) -> Any:
        hasil = asli(*args, **kwargs)
        hasil.pemberitahuan = "Indeks pencarian sedang tidak tersedia."
        return hasil

    monkeypatch.setattr(layanan, "cari", cari_darurat)
    assert api("operator").get(API, {"q": "vaksinasi"}).json()["notice"] == "Indeks pencarian sedang tidak tersedia."


AKUN = ["operator", "staf", "pejabat", "sek.diskominfo", "kabid.ikp", "operator.dinkes", "kadinkes", "admin"]


def test_izin_sama_dengan_halaman_admin(demo: None) -> None:
    """REST and the admin page answer every reader with the same letters."""
    buat_surat("operator", "Koordinasi publikasi vaksinasi kota")
    buat_surat("operator", "Koordinasi anggaran rahasia", sifat="R")
    buat_surat("operator.dinkes", "Koordinasi vaksinasi puskesmas", penandatangan="kadinkes", penerima=("sekda",))
    buat_surat("kabid.ikp", "Koordinasi liputan media", penandatangan="pejabat")
    indeks()
    terlihat: dict[str, set[int]] = {}
    for username in AKUN:
        rest = api(username).get(API, {"q": "koordinasi", "page_size": 50}).json()
        admin = Client()
        admin.force_login(user(username))
        halaman = admin.get("/admin/cari/", {"q": "koordinasi"})
        assert halaman.status_code == 200
        id_halaman = {b.hit.objek_id for b in halaman.context["baris"]}
        terlihat[username] = {h["id"] for h in rest["hits"]}
        assert terlihat[username] == id_halaman, username
        assert rest["total"] == halaman.context["hasil"].total == len(id_halaman), username
    assert terlihat["operator"] != terlihat["operator.dinkes"]
    assert not terlihat["operator"] & terlihat["operator.dinkes"]


def test_skema_tanpa_peringatan(client: Client, demo: None, tmp_path: Path) -> None:
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "skema.yaml"))
    skema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operasi = skema["paths"]["/api/v1/cari/"]["get"]
    assert operasi["operationId"] == "cari"
    nama = {p["name"] for p in operasi["parameters"]}
    assert {"q", "jenis", "unit", "sifat", "status", "arah", "klasifikasi", "dari", "sampai", "tahun"} <= nama
    assert {"koleksi", "urut", "page", "page_size"} <= nama
    assert {"200", "400"} <= set(operasi["responses"])
    hasil = skema["components"]["schemas"]["HasilCari"]
    assert {"total", "page", "pages", "hits", "facets", "notice"} <= set(hasil["properties"])
