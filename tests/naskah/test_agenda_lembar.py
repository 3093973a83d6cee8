"""Agenda harian (HTML, XLSX, PDF, REST) and the lembar disposisi (PDF, DOCX), built
from letters made through the services: three external letters on two days (one
Rahasia), one disposed to two kabid with instruksi, forwarded and finished, and one
outgoing letter sent to the Dinas Kesehatan."""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from typing import Any

import docx
import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader
from rest_framework.test import APIClient

from naskah import layanan, layanan_masuk
from naskah.agenda import baris_agenda
from naskah.lembar import data_lembar
from naskah.models import LogAkses, NaskahKeluarPage, NaskahMasukPage, StatusNaskah
from organisasi.models import Unit
from templates_surat.render.libreoffice import docx_ke_pdf
from templates_surat.tanggal import tanggal_indonesia

pytestmark = pytest.mark.django_db

AGENDA = "/admin/naskah/agenda/"
API = "/api/v1/agenda/"
HAL_RAHASIA = "Usulan kenaikan pangkat pilihan pejabat struktural"
KEPADA = [
    "Kepala Bidang Informasi dan Komunikasi Publik",
    "Kepala Bidang Aplikasi Informatika",
    "Pranata Hubungan Masyarakat Ahli Muda",
]
LAPORAN_HUMAS = "Draf jawaban sudah disiapkan dan diserahkan kepada Kepala Bidang IKP."
LAPORAN_IKP = "Rapat koordinasi vaksinasi sudah dihadiri; notula terlampir di arsip bidang."


@dataclass
class Data:
    kemarin: datetime.date
    hari_ini: datetime.date
    batas: datetime.date
    a: NaskahMasukPage  # received yesterday, disposed, forwarded, finished
    b: NaskahMasukPage  # received today, Rahasia
    c: NaskahMasukPage  # received today
    keluar: NaskahKeluarPage  # sent by Diskominfo today
    diskominfo: Unit
    dinkes: Unit


def pdf_teks(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def docx_teks(data: bytes) -> str:
    dokumen = docx.Document(io.BytesIO(data))
    bagian = [p.text for p in dokumen.paragraphs]
    for tabel in dokumen.tables:
        for baris in tabel.rows:
            bagian.extend(sel.text for sel in baris.cells)
    return " ".join(" ".join(bagian).split())


@pytest.fixture
def data(demo: None, u: Any, jab: Any, commit: Any, buat_naskah: Any) -> Data:
    hari_ini = timezone.localdate()
    kemarin = hari_ini - datetime.timedelta(days=1)
    operator = u("operator")

    def catat(nomor: str, pengirim: str, perihal: str, terima: datetime.date, sifat: str = "B") -> NaskahMasukPage:
        with commit():
            return layanan_masuk.daftarkan(
                operator,
                tujuan=jab("pejabat"),
                nomor_surat=nomor,
                tanggal_surat=kemarin - datetime.timedelta(days=3),
                pengirim=pengirim,
                perihal=perihal,
                sifat=sifat,
                tanggal_terima=terima,
            )

    a = catat("400.7/88/DINKES/2026", "Kepala Dinas Kesehatan Kota Sukamaju", "Undangan rapat vaksinasi", kemarin)
    b = catat("800.1/21/BKPSDM/2026", "Kepala BKPSDM Kota Sukamaju", HAL_RAHASIA, hari_ini, sifat="R")
    c = catat("B-123/DJIKP/HM.04/2026", "Direktur Jenderal IKP Komdigi", "Permintaan data statistik", hari_ini)

    batas = hari_ini + datetime.timedelta(days=7)
    with commit():
        kabid = layanan_masuk.disposisikan(
            a,
            u("pejabat"),
            kepada_jabatan=[jab("kabid.ikp"), jab("admin")],
            instruksi=["ditindaklanjuti", "koordinasikan"],
            catatan="Hadiri dan koordinasikan dengan Dinkes.",
            batas_waktu=batas,
        )
    ikp = next(d for d in kabid if d.kepada_jabatan_id == jab("kabid.ikp").pk)
    with commit():
        [humas] = layanan_masuk.teruskan(
            ikp, u("kabid.ikp"), kepada_jabatan=[jab("humas")], instruksi=["jawaban"], catatan="Siapkan jawaban."
        )
    with commit():
        layanan_masuk.selesaikan(humas, u("humas"), tindak_lanjut=LAPORAN_HUMAS)
    with commit():
        layanan_masuk.selesaikan(ikp, u("kabid.ikp"), tindak_lanjut=LAPORAN_IKP)

    keluar = buat_naskah(pemaraf=(), tembusan=())
    with commit():
        layanan.ajukan(keluar, u("operator"))
    with commit():
        layanan.setujui(keluar, u("pejabat"))
    keluar.refresh_from_db()
    assert keluar.status == StatusNaskah.TERKIRIM, keluar.galat_tte
    return Data(
        kemarin=kemarin,
        hari_ini=hari_ini,
        batas=batas,
        a=NaskahMasukPage.objects.get(pk=a.pk),
        b=NaskahMasukPage.objects.get(pk=b.pk),
        c=NaskahMasukPage.objects.get(pk=c.pk),
        keluar=keluar,
        diskominfo=Unit.objects.get(kode="DISKOMINFO"),
        dinkes=Unit.objects.get(kode="DINKES"),
    )


def masuk(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def api(username: str) -> APIClient:
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(username=username))
    return client


def rentang(d: Data, **lain: Any) -> dict[str, Any]:
    return {"dari": d.kemarin.isoformat(), "sampai": d.hari_ini.isoformat(), **lain}


def baris_sheet(ws: Any) -> list[list[Any]]:
    return [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]


# --- agenda ------------------------------------------------------------------------------


def test_agenda_xlsx_baris_tepat_untuk_rentang_dan_unit(data: Data) -> None:
    d = data
    r = masuk("operator").get(AGENDA, {**rentang(d), "format": "xlsx"})
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["Naskah masuk", "Naskah keluar"]

    ws = wb["Naskah masuk"]
    assert [c.value for c in ws[1]][:3] == ["Nomor agenda", "Tanggal diterima", "Pengirim"]
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["C"].width >= 30
    baris = baris_sheet(ws)
    assert [b[0] for b in baris] == [d.a.agenda, d.b.agenda, d.c.agenda]
    assert [b[1].date() for b in baris] == [d.kemarin, d.hari_ini, d.hari_ini]  # real dates
    assert ws.cell(row=2, column=2).number_format == "DD-MM-YYYY"
    assert baris[0][2:4] == [d.a.pengirim, d.a.nomor_surat]
    assert baris[0][5] == "Undangan rapat vaksinasi"
    assert baris[0][6] == "Kepala Dinas Komunikasi dan Informatika"
    assert baris[0][8] == "Dalam disposisi"  # Kepala Bidang Aptika has not finished
    assert baris[1][5] == d.b.judul_aman() == f"Rahasia #{d.b.pk}"  # neutral title only
    semua = " ".join(str(v) for row in ws.iter_rows(values_only=True) for v in row)
    assert HAL_RAHASIA not in semua

    keluar = baris_sheet(wb["Naskah keluar"])
    assert len(keluar) == 1
    nomor, tanggal, hal, _sifat, internal, luar = keluar[0]
    assert (nomor, tanggal.date(), hal) == (d.keluar.nomor, d.hari_ini, d.keluar.perihal)
    assert internal == "Kepala Dinas Kesehatan"
    assert luar is None

    # one day: only today's letters; only incoming when asked
    r = masuk("operator").get(AGENDA, {"tanggal": "", "dari": d.hari_ini.isoformat(), "format": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert [b[0] for b in baris_sheet(wb["Naskah masuk"])] == [d.b.agenda, d.c.agenda]
    r = masuk("operator").get(AGENDA, {"dari": d.kemarin.isoformat(), "jenis": "masuk", "format": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == ["Naskah masuk"]
    assert [b[0] for b in baris_sheet(wb["Naskah masuk"])] == [d.a.agenda]

    # the Dinkes register has the internal letter it received, not Diskominfo's
    hasil = baris_agenda(get_user_model().objects.get(username="operator.dinkes"), d.dinkes, d.kemarin, d.hari_ini)
    assert [b.nomor_surat for b in hasil.masuk] == [d.keluar.nomor]
    assert hasil.keluar == []


def test_agenda_xlsx_teks_bukan_rumus(data: Data, u: Any, jab: Any) -> None:
    layanan_masuk.daftarkan(
        u("operator"),
        tujuan=jab("pejabat"),
        nomor_surat='=HYPERLINK("http://contoh.invalid")',
        tanggal_surat=data.kemarin,
        pengirim="=1+1",
        perihal="Uji isian",
    )
    r = masuk("operator").get(AGENDA, {"format": "xlsx"})
    ws = openpyxl.load_workbook(io.BytesIO(r.content))["Naskah masuk"]
    sel = next(row for row in ws.iter_rows(min_row=2) if row[2].value == "=1+1")
    assert sel[2].data_type == "s" and sel[3].data_type == "s"


def test_agenda_pdf_memuat_nomor_agenda(data: Data) -> None:
    d = data
    r = masuk("operator").get(AGENDA, {**rentang(d), "format": "pdf"})
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    halaman = PdfReader(io.BytesIO(r.content)).pages
    assert halaman[0].mediabox.width > halaman[0].mediabox.height  # landscape
    teks = pdf_teks(r.content)
    for n in (d.a, d.b, d.c):
        assert n.agenda in teks
    assert d.keluar.nomor in teks.replace(" ", "") or d.keluar.nomor in teks
    assert f"Rahasia #{d.b.pk}" in teks and HAL_RAHASIA not in teks


def test_agenda_html_bawaan_hari_ini(data: Data) -> None:
    d = data
    r = masuk("operator").get(AGENDA)
    assert r.status_code == 200
    html = r.content.decode()
    assert d.b.agenda in html and d.c.agenda in html and d.a.agenda not in html
    assert HAL_RAHASIA not in html
    assert "format=xlsx" in html and f"unit={d.diskominfo.pk}" in html
    for n in (d.b, d.c):  # the registrar reads both: lembar links
        assert f"/admin/naskah/surat-masuk/{n.pk}/lembar.pdf" in html
    # staf of the OPD reads the register, but not these letters: no lembar links
    r = masuk("staf").get(AGENDA)
    assert r.status_code == 200
    html = r.content.decode()
    assert d.b.agenda in html and d.c.pengirim in html
    assert "/lembar.pdf" not in html
    r = masuk("operator").get(AGENDA, {"dari": d.hari_ini.isoformat(), "sampai": d.kemarin.isoformat()})
    assert r.status_code == 200
    assert "Tanggal sampai tidak boleh sebelum tanggal dari." in r.content.decode()
    assert d.b.pengirim not in r.content.decode()


def test_opd_lain_tidak_melihat_agenda(data: Data) -> None:
    d = data
    klien = masuk("operator.dinkes")
    assert klien.get(AGENDA, {**rentang(d), "unit": d.diskominfo.pk}).status_code == 404
    assert klien.get(AGENDA, {**rentang(d), "unit": d.diskominfo.pk, "format": "xlsx"}).status_code == 404
    assert klien.get(AGENDA, {"unit": "bukan-angka"}).status_code == 404
    r = klien.get(AGENDA, rentang(d))  # their own OPD by default
    assert r.status_code == 200
    html = r.content.decode()
    for n in (d.a, d.b, d.c):
        assert n.pengirim not in html and n.nomor_surat not in html
    assert api("operator.dinkes").get(API, {**rentang(d), "unit": d.diskominfo.pk}).status_code == 404
    pengguna = get_user_model().objects.get(username="operator.dinkes")
    assert baris_agenda(pengguna, d.diskominfo, d.kemarin, d.hari_ini).masuk == []
    # a superuser reads any OPD's register
    akar = get_user_model().objects.create_superuser("akar", "akar@contoh.invalid", "x")
    assert len(baris_agenda(akar, d.diskominfo, d.kemarin, d.hari_ini).masuk) == 3


def test_api_agenda_sama_dengan_xlsx(data: Data) -> None:
    d = data
    r = masuk("operator").get(AGENDA, {**rentang(d), "format": "xlsx"})
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    xlsx_masuk = [b[0] for b in baris_sheet(wb["Naskah masuk"])]
    xlsx_keluar = [b[0] for b in baris_sheet(wb["Naskah keluar"])]

    r = api("operator").get(API, rentang(d))
    assert r.status_code == 200, r.content
    isi = r.json()
    assert isi["unit"]["id"] == d.diskominfo.pk
    assert [b["nomor_agenda"] for b in isi["masuk"]] == xlsx_masuk
    assert [b["nomor"] for b in isi["keluar"]] == xlsx_keluar
    assert isi["masuk"][1]["hal"] == f"Rahasia #{d.b.pk}" and HAL_RAHASIA not in r.content.decode()
    assert isi["masuk"][0]["tanggal_terima"] == d.kemarin.isoformat()
    assert isi["keluar"][0]["tujuan_internal"] == ["Kepala Dinas Kesehatan"]

    r = api("operator").get(API, {"unit": d.diskominfo.pk, "tanggal": d.hari_ini.isoformat(), "jenis": "masuk"})
    assert [b["nomor_agenda"] for b in r.json()["masuk"]] == [d.b.agenda, d.c.agenda]
    assert "keluar" not in r.json()

    r = api("operator").get(API, {"dari": "kemarin"})
    assert r.status_code == 400 and "dari" in r.json()["galat"] and r.json()["detail"]
    r = api("operator").get(API, {"dari": d.hari_ini.isoformat(), "sampai": d.kemarin.isoformat()})
    assert r.status_code == 400 and "sampai" in r.json()["galat"]
    assert APIClient().get(API).status_code == 401


# --- lembar disposisi --------------------------------------------------------------------


def _periksa_lembar(teks: str, d: Data) -> None:
    assert d.a.agenda in teks
    assert d.a.pengirim in teks and d.a.nomor_surat in teks
    for kepada in KEPADA:
        assert kepada in teks, kepada
    for instruksi in ("Untuk ditindaklanjuti", "Koordinasikan", "Siapkan jawaban"):
        assert instruksi in teks
    assert "☑ Untuk ditindaklanjuti" in teks and "☐ Untuk diketahui" in teks
    assert tanggal_indonesia(d.batas) in teks
    assert LAPORAN_HUMAS in teks and LAPORAN_IKP in teks
    assert "Dr. Ahmad Fauzi" in teks  # the Kepala Dinas who disposed
    assert "LEMBAR DISPOSISI" in teks


def test_lembar_disposisi_pdf(data: Data) -> None:
    d = data
    r = masuk("pejabat").get(f"/admin/naskah/surat-masuk/{d.a.pk}/lembar.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert "lembar-disposisi-" in r["Content-Disposition"]
    teks = pdf_teks(r.content)
    _periksa_lembar(teks, d)
    assert teks.count("☑") == 3 and teks.count("☐") == 2 * 8 - 3  # two blocks, every instruksi choice on each


def test_lembar_disposisi_docx(data: Data) -> None:
    d = data
    r = masuk("kabid.ikp").get(f"/admin/naskah/surat-masuk/{d.a.pk}/lembar.docx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    teks = docx_teks(r.content)
    _periksa_lembar(teks, d)
    assert teks.count("☑") == 3


def test_lembar_docx_dibuka_libreoffice(data: Data) -> None:
    r = masuk("pejabat").get(f"/admin/naskah/surat-masuk/{data.a.pk}/lembar.docx")
    teks = pdf_teks(docx_ke_pdf(r.content))
    assert data.a.agenda in teks and data.a.pengirim in teks


def test_lembar_tanpa_akses_404_dan_rahasia_dicatat(data: Data) -> None:
    d = data
    for username in ("staf.dinkes", "operator.dinkes"):
        for format in ("pdf", "docx"):
            assert masuk(username).get(f"/admin/naskah/surat-masuk/{d.a.pk}/lembar.{format}").status_code == 404
    assert masuk("staf").get(f"/admin/naskah/surat-masuk/{d.b.pk}/lembar.pdf").status_code == 404  # Rahasia
    assert masuk("pejabat").get("/admin/naskah/surat-masuk/999999/lembar.pdf").status_code == 404
    assert not LogAkses.objects.filter(naskah_id=d.b.pk, aksi="lembar").exists()

    r = masuk("operator").get(f"/admin/naskah/surat-masuk/{d.b.pk}/lembar.pdf")  # the registrar reads it
    assert r.status_code == 200
    teks = pdf_teks(r.content)
    assert HAL_RAHASIA in teks and "Naskah ini belum didisposisikan." in teks
    assert LogAkses.objects.filter(naskah_id=d.b.pk, aksi="lembar", user__username="operator").count() == 1
    masuk("pejabat").get(f"/admin/naskah/surat-masuk/{d.a.pk}/lembar.pdf")
    assert not LogAkses.objects.filter(naskah_id=d.a.pk).exists()  # only secret letters are logged


def test_lembar_plh_dan_surat_internal(data: Data, u: Any, jab: Any, commit: Any) -> None:
    """The internal letter Dinkes received, disposed by the Sekretaris acting as Plh Kepala."""
    naskah = NaskahMasukPage.objects.get(asal=data.keluar)
    with commit():
        layanan_masuk.disposisikan(
            naskah, u("sek.dinkes"), kepada_jabatan=[jab("kabid.yankes")], instruksi=["diketahui"]
        )
    lembar = data_lembar(naskah)
    assert lembar.nomor_surat == data.keluar.nomor
    assert lembar.kop[-1].upper() == "DINAS KESEHATAN"
    [blok] = lembar.blok
    assert blok.dari_jabatan == "Plh. Kepala Dinas Kesehatan"
    assert blok.dari_nama == "Bambang Hartono, S.K.M., M.Kes."
    assert [p.kepada for p in blok.kepada] == ["Kepala Bidang Pelayanan Kesehatan"]
    assert [label for label, dicentang in blok.instruksi if dicentang] == ["Untuk diketahui"]
    assert blok.batas_waktu == "-" and lembar.tindak_lanjut == []
