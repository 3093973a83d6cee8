"""Fixtures for the local signer tests: Lontar's CA, the Kepala Diskominfo ("pejabat")
with a certificate, a final letter as the approval renders it, and that letter signed."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from naskah import layanan
from naskah.dokumen import render_naskah
from naskah.models import NaskahKeluarPage, OtoritasSertifikat, SertifikatPegawai
from templates_surat.models import TemplateSuratPage

SANDI = "sandi-rahasia-123"
KODE = "K0DEVERIFIKASI123"


def pengguna(username: str) -> Any:
    return get_user_model().objects.get(username=username)


@pytest.fixture
def naskah_final(demo: None) -> NaskahKeluarPage:
    """A letter in the state the final approval leaves it: numbered, signer and time set."""
    pejabat = pengguna("pejabat")
    naskah = layanan.buat_konsep(
        pengguna("operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal="Permohonan dukungan publikasi vaksinasi",
        isian={
            "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026",
            "isi_pokok": "Dengan hormat, kami mohon dukungan publikasi kegiatan vaksinasi.",
        },
        penerima=[pengguna("kadinkes").pegawai.jabatan],
        pemaraf=[],
        penandatangan=pejabat.pegawai.jabatan,
    )
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(
        nomor="000.1/15/DISKOMINFO/2026",
        ditandatangani_oleh=pejabat,
        ditandatangani_pada=timezone.now(),
        kode_verifikasi=KODE,
    )
    naskah.refresh_from_db()
    return naskah


@pytest.fixture
def pdf_surat(naskah_final: NaskahKeluarPage) -> bytes:
    """The final PDF/A exactly as naskah.layanan.tandatangani renders it."""
    return render_naskah(
        naskah_final, "pdf", final=True, nomor=naskah_final.nomor, penanda=naskah_final.ditandatangani_oleh.pegawai
    ).isi


@pytest.fixture
def otoritas(db: None) -> OtoritasSertifikat:
    from naskah.tte import ca

    return ca.buat_ca()


@pytest.fixture
def sertifikat(demo: None, otoritas: OtoritasSertifikat) -> SertifikatPegawai:
    from naskah.tte import ca

    return ca.terbitkan(pengguna("pejabat").pegawai, SANDI)


@pytest.fixture
def pdf_ttd(pdf_surat: bytes, naskah_final: NaskahKeluarPage, sertifikat: SertifikatPegawai) -> bytes:
    from naskah.tte.lokal import PenandaLokal

    return PenandaLokal().tandatangani(pdf_surat, naskah=naskah_final, sandi=SANDI)


@pytest.fixture
def pengguna_demo():  # type: ignore[no-untyped-def]
    """A demo account by username."""
    return pengguna


@pytest.fixture
def gambar_halaman():  # type: ignore[no-untyped-def]
    """Render one page (0-based) of a PDF with poppler's pdftoppm, as a PIL image."""
    return _gambar_halaman


def _gambar_halaman(pdf: bytes, halaman: int, dpi: int = 200) -> Any:
    import tempfile
    from pathlib import Path

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        masuk = Path(folder) / "surat.pdf"
        masuk.write_bytes(pdf)
        n = str(halaman + 1)
        perintah = ["pdftoppm", "-r", str(dpi), "-f", n, "-l", n, "-png", "-singlefile", str(masuk), f"{folder}/hal"]
        subprocess.run(perintah, capture_output=True, check=True)
        with Image.open(f"{folder}/hal.png") as gambar:
            return gambar.copy()
