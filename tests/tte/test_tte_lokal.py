"""The local PAdES signer on a real final letter: a valid, trusted PAdES signature over
the whole file, the visible stamp in the template's signature space, a QR code that
reads back as the verification URL, and clear errors for passphrase and certificate."""

from __future__ import annotations

import datetime
import io
import logging
from typing import Any

import pytest
import zxingcpp
from django.utils import timezone
from pypdf import PdfReader

from naskah.models import SertifikatPegawai
from naskah.penanda import GalatPenanda, GalatSandi, GalatSertifikat, penanda
from naskah.tte import ca, lokal
from naskah.tte.posisi import posisi_ttd
from naskah.tte.stempel import stempel_untuk

SANDI = "sandi-rahasia-123"
URL = "http://127.0.0.1:8000/verifikasi/K0DEVERIFIKASI123/"
MM = 72 / 25.4


def _ruang_ttd(pdf: bytes) -> tuple[int, tuple[float, float, float, float]]:
    """The .ttd-ruang div as the template lays it out: 2.5 cm tall, half the text width."""
    reader = PdfReader(io.BytesIO(pdf))
    tujuan = reader.named_destinations["ttd-ruang"]
    kiri, atas = float(tujuan.left), float(tujuan.top)
    return reader.get_destination_page_number(tujuan), (kiri, atas - 25 * MM, kiri + 80 * MM, atas)


def test_surat_ditandatangani_pades_sah_dan_mencakup_seluruh_berkas(
    pdf_surat: bytes, pdf_ttd: bytes, otoritas: Any
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from naskah.tte.verifikasi import akar_tepercaya

    assert pdf_ttd.startswith(pdf_surat), "incremental update: the approved PDF/A is kept byte for byte"
    reader = PdfFileReader(io.BytesIO(pdf_ttd))
    (sig,) = reader.embedded_signatures
    assert sig.field_name == "TTE"
    assert sig.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=akar_tepercaya(), allow_fetching=False))
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.md_algorithm == "sha256"
    assert status.signing_cert.subject.native["common_name"] == "Dr. Ahmad Fauzi, S.Kom., M.T."
    # the CA certificate travels in the signature
    assert any(c.subject == c.issuer for c in sig.other_embedded_certs)


def test_widget_di_ruang_ttd_dan_qr_menuju_url_verifikasi(
    pdf_surat: bytes, pdf_ttd: bytes, gambar_halaman: Any
) -> None:
    halaman, ruang = _ruang_ttd(pdf_surat)
    posisi = posisi_ttd(pdf_surat)
    assert posisi.halaman == halaman
    reader = PdfReader(io.BytesIO(pdf_ttd))
    widget = [a.get_object() for a in reader.pages[halaman].get("/Annots", []) if a.get_object().get("/FT") == "/Sig"]
    assert len(widget) == 1
    x1, y1, x2, y2 = (float(v) for v in widget[0]["/Rect"])
    assert ruang[0] - 0.5 <= x1 < x2 <= ruang[2] + 0.5
    assert ruang[1] - 0.5 <= y1 < y2 <= ruang[3] + 0.5
    assert int(widget[0]["/F"]) & 4, "printable (PDF/A)"
    gambar = gambar_halaman(pdf_ttd, halaman)
    assert [b.text for b in zxingcpp.read_barcodes(gambar)] == [URL]
    # the unsigned letter had no QR code: it comes from the signature appearance
    assert zxingcpp.read_barcodes(gambar_halaman(pdf_surat, halaman)) == []


def test_tampilan_memakai_font_tertanam_dan_teks_terbaca(pdf_ttd: bytes) -> None:
    import subprocess

    fonts = subprocess.run(["pdffonts", "-"], input=pdf_ttd, capture_output=True, check=True).stdout.decode()
    baris = [b for b in fonts.splitlines() if "DejaVuSans" in b]
    assert baris and all(" yes " in b for b in baris), fonts  # embedded (and subset)
    teks = subprocess.run(["pdftotext", "-", "-"], input=pdf_ttd, capture_output=True, check=True).stdout.decode()
    teks = " ".join(teks.split())
    for bagian in ("Ditandatangani secara elektronik oleh", "NIP 197508172000031002", "WIB"):
        assert bagian in teks


def test_stempel_berisi_penanda_jabatan_waktu_dan_url(naskah_final: Any) -> None:
    stempel = stempel_untuk(naskah_final)
    assert stempel.nama == "Dr. Ahmad Fauzi, S.Kom., M.T."
    assert stempel.jabatan == "Kepala Dinas Komunikasi dan Informatika"
    assert stempel.nip == "197508172000031002"
    assert stempel.url == URL
    baris = stempel.baris()
    assert baris[0] == "Ditandatangani secara elektronik oleh"
    bulan = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September"]
    bulan += ["Oktober", "November", "Desember"]
    assert any(b in baris[-1] for b in bulan)


def test_stempel_plh_bila_menandatangani_jabatan_orang_lain(naskah_final: Any, pengguna_demo: Any) -> None:
    from organisasi.models import Delegasi, JenisDelegasi

    plh = pengguna_demo("sek.diskominfo")
    hari_ini = timezone.localdate()
    Delegasi.objects.create(
        jabatan=naskah_final.penandatangan,
        pegawai=plh.pegawai,
        jenis=JenisDelegasi.PLH,
        mulai=hari_ini,
        selesai=hari_ini + datetime.timedelta(days=3),
    )
    naskah_final.ditandatangani_oleh = plh
    assert stempel_untuk(naskah_final).jabatan == "Plh. Kepala Dinas Komunikasi dan Informatika"


def test_penanda_lokal_terdaftar_dan_butuh_sandi(sertifikat: SertifikatPegawai) -> None:
    p = penanda("lokal")
    assert isinstance(p, lokal.PenandaLokal)
    assert p.nama == "lokal" and p.butuh_sandi is True
    p.periksa_sandi(sertifikat.pegawai, SANDI)
    with pytest.raises(GalatSandi, match="Passphrase salah"):
        p.periksa_sandi(sertifikat.pegawai, "bukan-sandinya")


def test_sandi_salah_galat_sandi_tanpa_bocor_ke_log(
    pdf_surat: bytes, naskah_final: Any, sertifikat: SertifikatPegawai, caplog: Any
) -> None:
    caplog.set_level(logging.DEBUG)
    with pytest.raises(GalatSandi, match="Passphrase salah") as info:
        lokal.PenandaLokal().tandatangani(pdf_surat, naskah=naskah_final, sandi="sandi-yang-keliru")
    assert "sandi-yang-keliru" not in caplog.text and "sandi-yang-keliru" not in str(info.value)
    assert "sandi-yang-keliru" not in sertifikat.kunci_pem


@pytest.mark.parametrize("keadaan", ["kedaluwarsa", "dicabut", "tanpa"])
def test_sertifikat_tidak_berlaku_galat_sertifikat(
    pdf_surat: bytes, naskah_final: Any, sertifikat: SertifikatPegawai, keadaan: str
) -> None:
    if keadaan == "kedaluwarsa":
        SertifikatPegawai.objects.filter(pk=sertifikat.pk).update(
            berlaku_sampai=timezone.now() - datetime.timedelta(days=1)
        )
        pesan = "kedaluwarsa pada"
    elif keadaan == "dicabut":
        ca.cabut(sertifikat, "pegawai mutasi")
        pesan = "dicabut pada .*pegawai mutasi"
    else:
        SertifikatPegawai.objects.all().delete()
        pesan = "belum memiliki sertifikat"
    with pytest.raises(GalatSertifikat, match=pesan):
        lokal.PenandaLokal().tandatangani(pdf_surat, naskah=naskah_final, sandi=SANDI)
    with pytest.raises(GalatSertifikat):
        lokal.PenandaLokal().periksa_sandi(sertifikat.pegawai, SANDI)


def test_tanpa_tujuan_bernama_stempel_di_kanan_bawah_halaman_terakhir(
    sertifikat: SertifikatPegawai, naskah_final: Any
) -> None:
    from weasyprint import HTML

    pdf = HTML(string="<p>satu</p><p style='break-before: page'>dua</p>").write_pdf()
    posisi = posisi_ttd(pdf)
    assert posisi.halaman == 1
    x1, y1, x2, y2 = posisi.kotak
    lebar = float(PdfReader(io.BytesIO(pdf)).pages[1].mediabox.width)
    assert x1 > lebar / 2 and x2 < lebar and 0 < y1 < y2 < 100
    hasil = lokal.tandatangani_pdf(pdf, sertifikat=sertifikat, sandi=SANDI, stempel=stempel_untuk(naskah_final))
    assert len(PdfReader(io.BytesIO(hasil)).pages[1]["/Annots"]) >= 1


def test_bukan_pdf_atau_tsa_mati_galat_penanda(
    pdf_surat: bytes, sertifikat: SertifikatPegawai, naskah_final: Any
) -> None:
    stempel = stempel_untuk(naskah_final)
    with pytest.raises(GalatPenanda, match="tidak dapat ditandatangani"):
        lokal.tandatangani_pdf(b"bukan pdf", sertifikat=sertifikat, sandi=SANDI, stempel=stempel)
    with pytest.raises(GalatPenanda, match="TSA"):
        lokal.tandatangani_pdf(
            pdf_surat, sertifikat=sertifikat, sandi=SANDI, stempel=stempel, tsa_url="http://127.0.0.1:9/tsa"
        )
