"""Fixtures for the remote-signer tests: the fake BSrE service on loopback, Lontar
pointed at it, and a real letter (demo "surat-dinas") signed by the demo "pejabat"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from naskah.tte import bsre
from naskah.tte.bsre_palsu import LayananPalsu, Pengguna

NIK_PEJABAT = "3273010101800001"
NIK_KEDALUWARSA = "3273010101800002"
SANDI = "Rahasia#BSrE-7q!"
AKUN = ("lontar-uji", "sandi-aplikasi")


@dataclass
class PosisiUji:
    """Stands in for naskah.tte.posisi.Posisi: page index 0, a box at the lower right."""

    halaman: int = 0
    kotak: tuple[float, float, float, float] = (320.0, 90.0, 540.0, 160.0)


@pytest.fixture
def layanan_bsre(settings: Any) -> Iterator[LayananPalsu]:
    """The fake service on 127.0.0.1 (any free port), Lontar's settings pointing at it,
    a fresh circuit breaker before and after."""
    layanan = LayananPalsu(
        {
            NIK_PEJABAT: Pengguna("Dr. Ahmad Fauzi, S.Kom., M.T.", SANDI),
            NIK_KEDALUWARSA: Pengguna("Drs. Kadaluwarsa", SANDI, status="EXPIRED"),
        },
        akun=AKUN,
    )
    settings.LONTAR_BSRE_URL = layanan.mulai()
    settings.LONTAR_BSRE_USER, settings.LONTAR_BSRE_PASSWORD = AKUN
    settings.LONTAR_BSRE_TIMEOUT = 10.0
    settings.LONTAR_BSRE_BATAS_GAGAL = 3
    settings.LONTAR_BSRE_JEDA = 60
    settings.LONTAR_URL_PUBLIK = "https://sukamaju.example"
    bsre.pemutus().reset()
    try:
        yield layanan
    finally:
        layanan.berhenti()
        bsre.pemutus().reset()


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


@pytest.fixture
def naskah_bsre(demo: None) -> Any:
    """A letter draft whose signer is the demo "pejabat", now with a NIK."""
    from naskah import layanan
    from naskah.models import NaskahKeluarPage
    from organisasi.models import Pegawai
    from templates_surat.models import TemplateSuratPage

    Pegawai.objects.filter(user__username="pejabat").update(nik=NIK_PEJABAT)
    pejabat = _user("pejabat")
    naskah = layanan.buat_konsep(
        _user("operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal="Undangan rapat koordinasi TTE",
        isian={
            "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026",
            "isi_pokok": "Dengan hormat, kami mengundang Saudara pada rapat koordinasi TTE.",
        },
        penerima=[_user("kadinkes").pegawai.jabatan],
        pemaraf=[],
        penandatangan=pejabat.pegawai.jabatan,
    )
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(
        nomor="000.1/21/DISKOMINFO/2026", ditandatangani_oleh=pejabat, kode_verifikasi="BSREUJI0001"
    )
    naskah.refresh_from_db()
    return naskah


@pytest.fixture
def pdf_bsre(demo: None) -> bytes:
    """The demo surat dinas rendered to its final PDF/A, as the signer receives it."""
    from templates_surat import layanan as layanan_template
    from templates_surat.models import TemplateSuratPage

    template = TemplateSuratPage.objects.get(slug="surat-dinas")
    return layanan_template.render(
        template, template.isian_contoh, "pdf", nomor="000.1/21/DISKOMINFO/2026", konsep=False
    ).isi
