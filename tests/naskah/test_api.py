"""The REST API for outgoing letters: the chain with token auth, validation errors,
who may see what (an ACL matrix over every demo account), schema and docs."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from naskah import layanan
from naskah.models import LogAkses, NaskahKeluarPage, StatusNaskah

pytestmark = pytest.mark.django_db

API = "/api/v1/"
ISIAN_SURAT_DINAS = {
    "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026",
    "isi_pokok": "Dengan hormat, kami mohon dukungan publikasi kegiatan vaksinasi.",
}
AKUN = [
    "operator",
    "kabid.ikp",
    "sek.diskominfo",
    "pejabat",
    "kadinkes",
    "sek.dinkes",
    "sekda",
    "staf",
    "staf.dinkes",
    "arsiparis",
    "humas",
    "admin",  # the Administrator role, not a superuser
    "akar",  # a superuser made by the test
]
# Named people: drafter, pemaraf, penandatangan, recipient (and its Plh), tembusan.
PEMBACA_RAHASIA = {"operator", "kabid.ikp", "sek.diskominfo", "pejabat", "kadinkes", "sek.dinkes", "sekda"}
# Plus the drafting unit (Sekretariat Diskominfo: arsiparis) and superusers.
PEMBACA_BIASA = PEMBACA_RAHASIA | {"arsiparis", "akar"}
# Kotak keluar: readers whose unit subtree holds the drafting unit; kotak masuk: the addressees.
KELUAR = {"operator", "sek.diskominfo", "pejabat", "arsiparis"}
MASUK = {"kadinkes", "sek.dinkes", "sekda"}


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
    body = {
        "template": "surat-dinas",
        "isian": dict(ISIAN_SURAT_DINAS),
        "perihal": "Permohonan dukungan publikasi vaksinasi",
        "sifat": "B",
        "urgensi": "segera",
        "klasifikasi": "000.1.2.3",
        "penerima": [jab("kadinkes").pk],
        "penerima_luar": "Direktur RSUD Sukamaju",
        "tembusan": [jab("sekda").pk],
        "tembusan_luar": "",
        "pemaraf": [jab("kabid.ikp").pk, jab("sek.diskominfo").pk],
        "penandatangan": jab("pejabat").pk,
    }
    body.update(ubah)
    return body


def _aksi(client: APIClient, pk: int, aksi: str, **data: Any) -> Any:
    return client.post(f"{API}naskah/{pk}/{aksi}/", data, format="json")


def _ids(client: APIClient, kotak: str) -> set[int]:
    r = client.get(f"{API}naskah/", {"kotak": kotak})
    assert r.status_code == 200, r.content
    assert r.json()["count"] <= 25
    return {row["id"] for row in r.json()["results"]}


def test_rantai_lengkap_lewat_api(api, jab, commit) -> None:
    operator = api("operator")
    r = operator.post(f"{API}naskah/", _body(jab), format="json")
    assert r.status_code == 201, r.content
    pk = r.json()["id"]
    assert r.json()["status"] == StatusNaskah.KONSEP
    assert [p["jabatan"]["id"] for p in r.json()["pemaraf"]] == [jab("kabid.ikp").pk, jab("sek.diskominfo").pk]
    assert r.json()["penandatangan"]["id"] == jab("pejabat").pk
    assert r.json()["aksi"] == ["ajukan"]

    with commit():
        r = _aksi(operator, pk, "ajukan")
    assert r.status_code == 200, r.content
    assert r.json()["status"] == StatusNaskah.DIAJUKAN
    assert pk in _ids(api("kabid.ikp"), "tindakan")

    with commit():
        r = _aksi(api("kabid.ikp"), pk, "setujui", catatan="Sudah sesuai.")
    assert r.status_code == 200, r.content
    r = _aksi(api("sek.diskominfo"), pk, "kembalikan")
    assert r.status_code == 400
    assert r.json()["detail"] and "catatan" in r.json()["galat"]
    with commit():
        r = _aksi(api("sek.diskominfo"), pk, "kembalikan", catatan="Perbaiki dasar surat.")
    assert r.status_code == 200, r.content
    assert r.json()["status"] == StatusNaskah.DIKEMBALIKAN
    assert pk in _ids(operator, "tindakan")

    with commit():
        r = _aksi(operator, pk, "ajukan")
    assert r.status_code == 200, r.content
    assert r.json()["status"] == StatusNaskah.DIAJUKAN
    with commit():
        assert _aksi(api("sek.diskominfo"), pk, "setujui").status_code == 200
    pejabat = api("pejabat")
    with commit():
        r = _aksi(pejabat, pk, "setujui")
    assert r.status_code == 200, r.content
    naskah = NaskahKeluarPage.objects.get(pk=pk)
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte

    r = _aksi(pejabat, pk, "setujui")  # twice
    assert r.status_code == 409
    assert r.json()["detail"]

    r = operator.get(f"{API}naskah/{pk}/")
    assert r.status_code == 200
    detail = r.json()
    assert detail["status"] == StatusNaskah.TERKIRIM
    assert detail["nomor"] == naskah.nomor and detail["nomor"]
    assert detail["tanggal_naskah"] and detail["urgensi"] == "segera" and detail["klasifikasi"] == "000.1.2.3"
    aksi = [baris["action"] for baris in detail["riwayat"]]
    assert {"wagtail.workflow.start", "wagtail.workflow.reject", layanan.AKSI_TERKIRIM} <= set(aksi)
    kembali = next(b for b in detail["riwayat"] if b["action"] == "wagtail.workflow.reject")
    assert "Perbaiki dasar surat." in kembali["comment"]
    assert all(b["timestamp"] and b["message"] for b in detail["riwayat"])

    kadinkes = api("kadinkes")
    r = kadinkes.get(f"{API}naskah/", {"kotak": "masuk"})
    baris = next(b for b in r.json()["results"] if b["id"] == pk)
    assert baris["dibaca"] is False and baris["nomor"] == naskah.nomor
    assert kadinkes.get(f"{API}naskah/{pk}/").status_code == 200
    assert next(b for b in kadinkes.get(f"{API}naskah/?kotak=masuk").json()["results"] if b["id"] == pk)["dibaca"]

    r = kadinkes.get(f"{API}naskah/{pk}/unduh/", {"format": "pdf"})
    assert r.status_code == 200
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    assert "attachment" in r["Content-Disposition"]


def test_buat_naskah_galat_validasi(api, jab) -> None:
    operator = api("operator")
    r = operator.post(f"{API}naskah/", _body(jab, template="tidak-ada", sifat="X", penerima=[999999]), format="json")
    assert r.status_code == 400
    assert r.json()["detail"]
    assert {"template", "sifat", "penerima"} <= set(r.json()["galat"])

    r = operator.post(f"{API}naskah/", _body(jab, isian={"dasar": "Surat Dinkes"}), format="json")
    assert r.status_code == 400
    assert r.json()["detail"] and "isian.isi_pokok" in r.json()["galat"]
    body = _body(jab)
    del body["isian"]  # no isian: an empty konsep, filled in later
    r = operator.post(f"{API}naskah/", body, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["isian"] == {}

    r = api("staf.dinkes").post(f"{API}naskah/", _body(jab), format="json")  # no drafting right
    assert r.status_code == 403
    assert r.json()["detail"]


def test_ajukan_tanpa_penandatangan_400(api, jab) -> None:
    operator = api("operator")
    r = operator.post(f"{API}naskah/", _body(jab, penandatangan=None), format="json")
    assert r.status_code == 201, r.content
    r = _aksi(operator, r.json()["id"], "ajukan")
    assert r.status_code == 400
    assert r.json()["detail"] and "penandatangan" in r.json()["galat"]


def test_tugas_orang_lain(api, buat_naskah, u, commit) -> None:
    naskah = buat_naskah(sifat="R")
    with commit():
        layanan.ajukan(naskah, u("operator"))
    # sek.diskominfo can read it (second pemaraf) but the task is kabid.ikp's
    r = _aksi(api("sek.diskominfo"), naskah.pk, "setujui")
    assert r.status_code == 403
    assert r.json()["detail"]
    # pejabat reads it too (penandatangan); the drafter cannot approve
    assert _aksi(api("operator"), naskah.pk, "setujui").status_code == 403
    # staf cannot read a Rahasia letter: it does not exist for him
    r = _aksi(api("staf"), naskah.pk, "setujui")
    assert r.status_code == 404
    assert r.json()["detail"]
    assert _aksi(api("staf"), naskah.pk, "kembalikan", catatan="x").status_code == 404
    assert _aksi(api("staf"), 999999, "ajukan").status_code == 404
    # someone who may read but not edit cannot submit
    assert _aksi(api("pejabat"), naskah.pk, "ajukan").status_code == 409
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.DIAJUKAN


@pytest.fixture
def naskah_terkirim(buat_naskah, u, commit):  # type: ignore[no-untyped-def]
    """One signed and sent letter per sifat (to kadinkes, tembusan sekda)."""
    hasil = {}
    for sifat in ("B", "T", "R", "SR"):
        naskah = buat_naskah(sifat=sifat, perihal=f"Naskah {sifat}")
        for oleh, aksi in (("operator", "ajukan"), ("kabid.ikp", "setujui"), ("sek.diskominfo", "setujui")):
            with commit():
                getattr(layanan, aksi)(naskah, u(oleh))
        with commit():
            layanan.setujui(naskah, u("pejabat"))
        naskah.refresh_from_db()
        assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte
        hasil[sifat] = naskah
    return hasil


def test_matriks_akses_api(api, naskah_terkirim, django_user_model) -> None:
    django_user_model.objects.create_superuser("akar", "akar@example.test", "x")
    bocor: list[str] = []
    terhalang: list[str] = []
    for username in AKUN:
        client = api(username)
        keluar, masuk = _ids(client, "keluar"), _ids(client, "masuk")
        for sifat, naskah in naskah_terkirim.items():
            pembaca = PEMBACA_RAHASIA if naskah.rahasia else PEMBACA_BIASA
            boleh = username in pembaca
            hasil = {
                "keluar": naskah.pk in keluar,
                "masuk": naskah.pk in masuk,
                "detail": client.get(f"{API}naskah/{naskah.pk}/").status_code == 200,
                "unduh": client.get(f"{API}naskah/{naskah.pk}/unduh/?format=pdf").status_code == 200,
            }
            harap = {
                "keluar": boleh and username in KELUAR,
                "masuk": boleh and username in MASUK,
                "detail": boleh,
                "unduh": boleh,
            }
            for kunci, nyata in hasil.items():
                if nyata and not harap[kunci]:
                    bocor.append(f"{username} {sifat} {kunci}")
                elif harap[kunci] and not nyata:
                    terhalang.append(f"{username} {sifat} {kunci}")
            if not boleh:
                r = client.get(f"{API}naskah/{naskah.pk}/")
                assert r.status_code == 404 and r.json()["detail"]  # never 403: existence stays hidden
    assert bocor == []
    assert terhalang == []

    # every read of a secret letter is logged (detail + download per reader), none of the others
    for sifat, naskah in naskah_terkirim.items():
        baris = LogAkses.objects.filter(naskah_id=naskah.pk)
        if naskah.rahasia:
            pembaca = set(baris.values_list("user__username", flat=True))
            assert pembaca == PEMBACA_RAHASIA, sifat
            assert set(baris.values_list("aksi", flat=True)) == {"api", "api-unduh-pdf"}
            assert baris.count() == 2 * len(PEMBACA_RAHASIA)
        else:
            assert not baris.exists()


def test_daftar_filter_dan_halaman(api, buat_naskah) -> None:
    for i in range(3):
        buat_naskah(perihal=f"Undangan rapat {i}")
    buat_naskah(perihal="Laporan bulanan", sifat="T")
    operator = api("operator")
    r = operator.get(f"{API}naskah/", {"q": "undangan"})
    assert r.status_code == 200
    assert r.json()["count"] == 3
    assert operator.get(f"{API}naskah/", {"sifat": "T"}).json()["count"] == 1
    assert set(operator.get(f"{API}naskah/").json()["results"][0]) >= {"id", "perihal", "status", "sifat"}
    r = operator.get(f"{API}naskah/", {"sifat": "X"})
    assert r.status_code == 400 and "sifat" in r.json()["galat"]
    r = operator.get(f"{API}naskah/", {"kotak": "sampah"})
    assert r.status_code == 400 and "kotak" in r.json()["galat"]


def test_unduh_konsep_dan_format(api, buat_naskah) -> None:
    naskah = buat_naskah()
    operator = api("operator")
    r = operator.get(f"{API}naskah/{naskah.pk}/unduh/", {"format": "docx"})
    assert r.status_code == 200, r.content
    assert r.content.startswith(b"PK")
    assert f"konsep-{naskah.pk}.docx" in r["Content-Disposition"]
    r = operator.get(f"{API}naskah/{naskah.pk}/unduh/", {"format": "exe"})
    assert r.status_code == 400 and r.json()["detail"]
    assert api("staf.dinkes").get(f"{API}naskah/{naskah.pk}/unduh/").status_code == 404


def test_template_dan_jabatan(api, jab) -> None:
    client = api("operator")
    r = client.get(f"{API}template-surat/")
    assert r.status_code == 200
    template = next(t for t in r.json()["results"] if t["slug"] == "surat-dinas")
    assert template["jenis"]["nama"] and template["title"] and template["id"]
    assert {k["nama"] for k in template["kolom"]} >= set(ISIAN_SURAT_DINAS)

    r = client.get(f"{API}jabatan/", {"q": "kepala dinas"})
    assert r.status_code == 200
    nama = {j["nama"] for j in r.json()["results"]}
    assert "Kepala Dinas Kesehatan" in nama
    assert all("kepala dinas" in n.lower() for n in nama)
    kadinkes = next(j for j in r.json()["results"] if j["id"] == jab("kadinkes").pk)
    assert kadinkes["dapat_menandatangani"] is True and kadinkes["unit"]["nama"] == "Dinas Kesehatan"


def test_tanpa_login_ditolak(demo: None, buat_naskah) -> None:
    naskah = buat_naskah()
    client = APIClient()
    for url in ("naskah/", f"naskah/{naskah.pk}/", "template-surat/", "jabatan/", f"naskah/{naskah.pk}/unduh/"):
        r = client.get(API + url)
        assert r.status_code == 401, url
        assert r.json()["detail"]
    r = client.post(f"{API}naskah/{naskah.pk}/ajukan/")
    assert r.status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token salah")
    assert client.get(f"{API}naskah/").status_code == 401


def test_sesi_login_dan_csrf(masuk_sebagai, buat_naskah) -> None:
    naskah = buat_naskah()
    client = masuk_sebagai("operator")
    assert client.get(f"{API}naskah/{naskah.pk}/").status_code == 200
    csrf = APIClient(enforce_csrf_checks=True)
    csrf.force_login(naskah.pembuat)
    r = csrf.post(f"{API}naskah/{naskah.pk}/ajukan/")
    assert r.status_code == 403  # session auth needs the CSRF token


def test_schema_dan_docs(client, demo: None) -> None:
    r = client.get(f"{API}schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert r.status_code == 200
    schema = r.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    assert {
        "/api/v1/naskah/",
        "/api/v1/naskah/{id}/",
        "/api/v1/naskah/{id}/ajukan/",
        "/api/v1/naskah/{id}/setujui/",
        "/api/v1/naskah/{id}/kembalikan/",
        "/api/v1/naskah/{id}/unduh/",
        "/api/v1/template-surat/",
        "/api/v1/jabatan/",
    } <= paths
    assert not any(p.startswith("/admin/") for p in paths)
    r = client.get(f"{API}docs/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "swagger-ui" in html and "cdn.jsdelivr" not in html and "unpkg" not in html
