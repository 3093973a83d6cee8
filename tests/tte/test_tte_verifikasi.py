"""periksa_pdf, the public upload check: every kind of file maps to a status, never an
exception; only an untouched letter signed under a trusted, unrevoked certificate is "sah"."""

from __future__ import annotations

import datetime
import hashlib
import io
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from naskah.models import OtoritasSertifikat, SertifikatPegawai
from naskah.tte import ca
from naskah.tte.lokal import PenandaLokal
from naskah.tte.verifikasi import periksa_pdf

SANDI = "sandi-rahasia-123"


def test_surat_bertanda_tangan_sah_dengan_fakta_penanda(pdf_ttd: bytes) -> None:
    hasil = periksa_pdf(pdf_ttd)
    assert hasil.status == "sah" and hasil.sah, hasil
    assert "sah" in hasil.pesan
    (fakta,) = hasil.tanda_tangan
    assert fakta.nama == "Dr. Ahmad Fauzi, S.Kom., M.T."
    assert fakta.nip == "197508172000031002"
    assert fakta.seluruh_berkas is True
    assert fakta.sha256_revisi == hashlib.sha256(pdf_ttd).hexdigest()
    assert fakta.waktu is not None and abs(fakta.waktu - datetime.datetime.now(datetime.UTC)).total_seconds() < 300


def test_satu_bita_diubah_dalam_rentang_bertanda_tangan(pdf_surat: bytes, pdf_ttd: bytes) -> None:
    # a byte in the middle of the approved letter (inside the signed byte range)
    i = len(pdf_surat) // 2
    rusak = pdf_ttd[:i] + bytes([pdf_ttd[i] ^ 0x01]) + pdf_ttd[i + 1 :]
    assert periksa_pdf(rusak).status == "diubah"


def test_pembaruan_inkremental_mengubah_isi_halaman(pdf_ttd: bytes) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    penulis = IncrementalPdfFileWriter(io.BytesIO(pdf_ttd))
    tutup = generic.StreamObject(stream_data=b"q 1 1 1 rg 80 600 400 120 re f Q")
    penulis.add_stream_to_page(0, penulis.add_object(tutup))
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    diubah = keluaran.getvalue()
    assert diubah.startswith(pdf_ttd)
    hasil = periksa_pdf(diubah)
    assert hasil.status == "diubah"
    assert hasil.tanda_tangan[0].seluruh_berkas is False
    assert hasil.tanda_tangan[0].sha256_revisi == hashlib.sha256(pdf_ttd).hexdigest()


def test_pembaruan_inkremental_menambah_anotasi(pdf_ttd: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf_ttd))
    penulis = PdfWriter(reader, incremental=True)
    from pypdf.annotations import FreeText

    penulis.add_annotation(0, FreeText(text="DIBATALKAN", rect=(100, 500, 400, 560)))
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    assert periksa_pdf(keluaran.getvalue()).status == "diubah"


def test_ca_asing_penanda_tidak_dikenal(pdf_surat: bytes, naskah_final: Any, sertifikat: SertifikatPegawai) -> None:
    asing = PenandaLokal().tandatangani(pdf_surat, naskah=naskah_final, sandi=SANDI)
    # the CA that signed it is not this instance's: forget it, make our own
    SertifikatPegawai.objects.all().delete()
    OtoritasSertifikat.objects.all().delete()
    ca.buat_ca()
    hasil = periksa_pdf(asing)
    assert hasil.status == "penanda_tidak_dikenal", hasil
    assert "tidak diterbitkan" in hasil.pesan


def test_akar_tambahan_dari_pengaturan_dipercaya(
    pdf_surat: bytes, naskah_final: Any, sertifikat: SertifikatPegawai, settings: Any, tmp_path: Any
) -> None:
    asing = PenandaLokal().tandatangani(pdf_surat, naskah=naskah_final, sandi=SANDI)
    akar = tmp_path / "akar.pem"
    akar.write_text(sertifikat.otoritas.sertifikat_pem)
    SertifikatPegawai.objects.all().delete()
    OtoritasSertifikat.objects.all().delete()
    settings.LONTAR_TTE_AKAR_TEPERCAYA = [str(tmp_path / "tidak-ada.pem"), str(akar)]
    assert periksa_pdf(asing).status == "sah"


def test_sertifikat_dicabut(pdf_ttd: bytes, sertifikat: SertifikatPegawai) -> None:
    ca.cabut(sertifikat, "kunci bocor")
    hasil = periksa_pdf(pdf_ttd)
    assert hasil.status == "sertifikat_dicabut"
    assert "kunci bocor" in hasil.tanda_tangan[0].keterangan


def test_sertifikat_diganti_tanda_tangan_lama_tetap_sah(pdf_ttd: bytes, sertifikat: SertifikatPegawai) -> None:
    ca.terbitkan(sertifikat.pegawai, "passphrase-baru-456", ganti=True)
    sertifikat.refresh_from_db()
    assert sertifikat.alasan_cabut == ca.ALASAN_DIGANTI
    assert periksa_pdf(pdf_ttd).status == "sah"


def test_sertifikat_kedaluwarsa_saat_ditandatangani(pdf_ttd: bytes, sertifikat: SertifikatPegawai) -> None:
    SertifikatPegawai.objects.filter(pk=sertifikat.pk).update(
        berlaku_sampai=sertifikat.berlaku_dari + datetime.timedelta(seconds=1)
    )
    assert periksa_pdf(pdf_ttd).status == "sertifikat_dicabut"


def test_pdf_tanpa_tanda_tangan(pdf_surat: bytes, otoritas: Any) -> None:
    hasil = periksa_pdf(pdf_surat)
    assert hasil.status == "tanpa_tanda_tangan" and hasil.tanda_tangan == []


def test_png_berganti_nama_bukan_pdf(db: None) -> None:
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(png, "PNG")
    assert periksa_pdf(png.getvalue()).status == "bukan_pdf"
    assert periksa_pdf(b"").status == "bukan_pdf"


def test_pdf_terenkripsi(pdf_surat: bytes, db: None) -> None:
    penulis = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_surat)))
    penulis.encrypt("baca", "pemilik")
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    assert periksa_pdf(keluaran.getvalue()).status == "terenkripsi"


def test_terlalu_besar_diperiksa_sebelum_dibaca(settings: Any, db: None) -> None:
    settings.LONTAR_TTE_BATAS_UNGGAH_MB = 1
    hasil = periksa_pdf(b"%PDF-1.7\n" + b"0" * (1536 * 1024))
    assert hasil.status == "terlalu_besar" and "1 MB" in hasil.pesan


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        b"%PDF-1.4\n" + bytes(range(256)) * 40,
        b"%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer<</Size 1/Root 9 0 R>>\nstartxref\n9\n%%EOF",
    ],
)
def test_pdf_rusak_tidak_pernah_melempar(data: bytes, db: None) -> None:
    assert periksa_pdf(data).status in {"rusak", "tanpa_tanda_tangan"}


def test_pdf_bertanda_tangan_terpotong(pdf_ttd: bytes) -> None:
    assert periksa_pdf(pdf_ttd[: len(pdf_ttd) - 200]).status in {"rusak", "diubah"}
