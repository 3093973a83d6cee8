"""Daftar Informasi Publik: categories, page filters, CSV/XLSX downloads, the exempt
category (reason required, never documents) and the Wagtail API v2 endpoint."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from openpyxl import load_workbook
from wagtail.documents import get_document_model

from organisasi.models import Unit
from ppid.models import DaftarInformasiPublikPage, DokumenInformasi, InformasiPublik, KategoriInformasi

URL = "/informasi-publik/"


def _csv(respons) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return list(csv.reader(io.StringIO(respons.content.decode("utf-8-sig"))))


def _selipkan_dokumen(item: InformasiPublik) -> None:
    """A document row on an exempt item (as if created behind the form's back)."""
    dok = get_document_model()(title="Rahasia pegawai")
    dok.file.save("rahasia.txt", ContentFile(b"NIK pegawai"), save=False)
    dok.save()
    DokumenInformasi.objects.create(informasi=item, dokumen=dok)


def test_demo_mengisi_keempat_kategori_dan_halaman(demo: None) -> None:
    halaman = DaftarInformasiPublikPage.objects.get(slug="informasi-publik")
    assert halaman.live
    assert set(InformasiPublik.objects.values_list("kategori", flat=True)) == set(KategoriInformasi.values)
    assert InformasiPublik.objects.values("unit").distinct().count() >= 3
    assert InformasiPublik.objects.values("tahun").distinct().count() >= 2


def test_halaman_menampilkan_dan_menyaring(dip: object, client: Client) -> None:
    semua = client.get(URL)
    assert semua.status_code == 200
    assert "LKPJ Wali Kota Sukamaju" in semua.content.decode()
    assert "Pasal 17 huruf h" in semua.content.decode()

    berkala = client.get(URL, {"kategori": "berkala"}).content.decode()
    assert "Ringkasan APBD" in berkala
    assert "SOP pelayanan" not in berkala

    dinkes = Unit.objects.get(kode="DINKES", induk__jenis="pemda")
    isi = client.get(URL, {"unit": dinkes.pk}).content.decode()
    assert "Rekam medis" in isi and "LKPJ" not in isi

    tahun = client.get(URL, {"tahun": 2024}).content.decode()
    assert "SOP pelayanan kesehatan" in tahun and "LKPJ" not in tahun

    # an unknown value is a form error, not a crash
    assert client.get(URL, {"kategori": "<script>"}).status_code == 200


def test_halaman_dipaginasi(dip: object, client: Client) -> None:
    unit = Unit.objects.get(kode="SETDA", induk__jenis="pemda")
    InformasiPublik.objects.bulk_create(
        InformasiPublik(
            judul=f"Dokumen berkala {i:02d}",
            kategori="berkala",
            unit=unit,
            tahun=2023,
            jangka_waktu_penyimpanan="5 tahun",
            terbit=True,
        )
        for i in range(25)
    )
    respons = client.get(URL, {"tahun": 2023})
    assert respons.context["halaman"].paginator.num_pages == 2
    kedua = client.get(URL, {"tahun": 2023, "halaman": 2})
    assert len(kedua.context["halaman"].object_list) == 5


def test_unduh_csv_dan_xlsx_sesuai_saringan(dip: object, client: Client) -> None:
    respons = client.get(URL, {"kategori": "dikecualikan", "unduh": "csv"})
    assert respons["Content-Type"].startswith("text/csv")
    baris = _csv(respons)
    assert baris[0][1] == "Ringkasan isi informasi"
    assert {b[2] for b in baris[1:]} == {"Informasi dikecualikan"}
    assert all("Pasal 17 huruf h" in b[7] for b in baris[1:])
    assert all(b[9] == "" for b in baris[1:])  # no documents

    respons = client.get(URL, {"kategori": "berkala", "unduh": "xlsx"})
    assert respons["Content-Disposition"].endswith('.xlsx"')
    lembar = load_workbook(io.BytesIO(respons.content)).active
    nilai = [[sel.value for sel in b] for b in lembar.iter_rows()]
    assert nilai[0][1] == "Ringkasan isi informasi"
    judul = {b[1] for b in nilai[1:]}
    assert "LKPJ Wali Kota Sukamaju Tahun 2025" in judul
    assert all(b[2] == "Informasi berkala" for b in nilai[1:])
    lkpj = next(b for b in nilai[1:] if b[1].startswith("LKPJ"))
    assert lkpj[9].startswith("http://testserver/dokumen/")


def test_unduhan_tidak_menjalankan_rumus(dip: object, client: Client) -> None:
    InformasiPublik.objects.create(
        judul='=HYPERLINK("http://jahat")',
        kategori="berkala",
        unit=Unit.objects.get(kode="SETDA", induk__jenis="pemda"),
        tahun=2020,
        jangka_waktu_penyimpanan="1 tahun",
        terbit=True,
    )
    baris = _csv(client.get(URL, {"tahun": 2020, "unduh": "csv"}))
    assert baris[1][1].startswith("'=")
    lembar = load_workbook(io.BytesIO(client.get(URL, {"tahun": 2020, "unduh": "xlsx"}).content)).active
    assert lembar.cell(row=2, column=2).data_type == "s"


def test_dikecualikan_wajib_alasan(unit: Unit) -> None:
    item = InformasiPublik(
        judul="Data pribadi pegawai", kategori="dikecualikan", unit=unit, tahun=2026, jangka_waktu_penyimpanan="JRA"
    )
    with pytest.raises(ValidationError) as galat:
        item.full_clean()
    assert set(galat.value.message_dict) == {"pasal_pengecualian", "alasan_pengecualian"}
    item.pasal_pengecualian = "17h"
    item.alasan_pengecualian = "Rahasia pribadi."
    item.full_clean()


def test_kategori_lain_membuang_alasan_lama(unit: Unit) -> None:
    item = InformasiPublik(
        judul="APBD",
        kategori="berkala",
        unit=unit,
        tahun=2026,
        jangka_waktu_penyimpanan="5 tahun",
        pasal_pengecualian="17h",
        alasan_pengecualian="sisa",
    )
    item.full_clean()
    assert item.pasal_pengecualian == "" and item.alasan_pengecualian == ""


def test_dikecualikan_tidak_pernah_menampilkan_dokumen(dip: object, client: Client) -> None:
    item = InformasiPublik.objects.get(judul__startswith="Data pribadi pegawai")
    _selipkan_dokumen(item)
    assert item.dokumen_publik() == []
    assert "rahasia.txt" not in client.get(URL, {"kategori": "dikecualikan"}).content.decode()
    baris = _csv(client.get(URL, {"kategori": "dikecualikan", "unduh": "csv"}))
    assert all(b[9] == "" for b in baris[1:])


def test_admin_menolak_dokumen_pada_informasi_dikecualikan(dip: object, client: Client, pengelola_dip: Any) -> None:
    client.force_login(pengelola_dip)
    dok = get_document_model()(title="Lampiran")
    dok.file.save("lampiran.txt", ContentFile(b"isi"), save=False)
    dok.save()
    unit = Unit.objects.get(kode="SETDA", induk__jenis="pemda")
    data = {
        "judul": "Data pribadi",
        "keterangan": "",
        "kategori": "dikecualikan",
        "unit": unit.pk,
        "tahun": 2026,
        "format": "softcopy",
        "jangka_waktu_penyimpanan": "JRA",
        "pasal_pengecualian": "17h",
        "alasan_pengecualian": "Rahasia pribadi.",
        "terbit": "on",
        "dokumen-TOTAL_FORMS": "1",
        "dokumen-INITIAL_FORMS": "0",
        "dokumen-MIN_NUM_FORMS": "0",
        "dokumen-MAX_NUM_FORMS": "1000",
        "dokumen-0-dokumen": dok.pk,
        "dokumen-0-ORDER": "1",
        "dokumen-0-id": "",
    }
    respons = client.post("/admin/ppid/informasi/new/", data)
    assert respons.status_code == 200
    assert "tidak boleh memiliki dokumen" in respons.content.decode()
    assert not InformasiPublik.objects.filter(judul="Data pribadi").exists()

    data["dokumen-0-DELETE"] = "on"
    respons = client.post("/admin/ppid/informasi/new/", data)
    assert respons.status_code == 302
    assert InformasiPublik.objects.get(judul="Data pribadi").dokumen.count() == 0


def test_admin_daftar_dengan_saringan_dan_pencarian(dip: object, client: Client, pengelola_dip: Any) -> None:
    client.force_login(pengelola_dip)
    isi = client.get("/admin/ppid/informasi/", {"kategori": "serta_merta"}).content.decode()
    assert "demam berdarah" in isi and "LKPJ" not in isi
    isi = client.get("/admin/ppid/informasi/", {"q": "LKPJ"}).content.decode()
    assert "LKPJ" in isi and "demam berdarah" not in isi


@pytest.fixture
def api(settings: Any, client: Client) -> Any:
    settings.ROOT_URLCONF = "ppid_api_urls"

    def _api(params: dict[str, object]) -> dict[str, Any]:
        respons = client.get("/api/v2-uji/informasi-publik/", params)
        assert respons.status_code == 200, respons.content
        return respons.json()

    return _api


def test_api_hanya_terbit_dengan_saringan(dip: object, api: Any) -> None:
    InformasiPublik.objects.filter(judul__startswith="SOP pelayanan kesehatan").update(terbit=False)
    data = api({"fields": "*", "limit": 20})
    judul = {i["judul"] for i in data["items"]}
    assert "SOP pelayanan kesehatan di puskesmas" not in judul
    assert data["meta"]["total_count"] == InformasiPublik.objects.filter(terbit=True).count()

    berkala = api({"kategori": "berkala"})
    assert {i["kategori"] for i in berkala["items"]} == {"berkala"}
    assert api({"tahun": 2024, "unit": "hukum"})["meta"]["total_count"] == 1
    item = next(i for i in api({"fields": "*"})["items"] if i["judul"].startswith("LKPJ"))
    assert "/dokumen/" in item["dokumen_unduhan"][0]["url"]
    assert item["pengecualian"] is None


def test_api_dikecualikan_dengan_alasan_tanpa_dokumen(dip: object, api: Any) -> None:
    item = InformasiPublik.objects.get(judul__startswith="Data pribadi pegawai")
    _selipkan_dokumen(item)
    data = api({"kategori": "dikecualikan", "fields": "*"})
    for i in data["items"]:
        assert i["dokumen_unduhan"] == []
        assert i["pengecualian"]["pasal"] == "17h"
        assert i["pengecualian"]["alasan"]
    assert "nomor_identitas" not in str(data) and "email" not in str(data)
