"""Helpers shared by the search tests that work on real letters (admin page, REST)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from naskah import layanan as layanan_naskah
from naskah.models import NaskahKeluarPage
from organisasi.models import Jabatan
from search import layanan, sumber
from templates_surat.models import TemplateSuratPage

ISIAN = {
    "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026",
    "isi_pokok": "Dengan hormat, kami mohon dukungan publikasi kegiatan vaksinasi di kelurahan.",
}


def user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def jabatan(username: str) -> Jabatan:
    return user(username).pegawai.jabatan


def buat_surat(
    oleh: str = "operator",
    perihal: str = "Permohonan dukungan publikasi vaksinasi",
    *,
    sifat: str = "B",
    penandatangan: str = "pejabat",
    penerima: tuple[str, ...] = ("kadinkes",),
) -> NaskahKeluarPage:
    """A draft from the demo "surat-dinas" template (not yet indexed: see `indeks`)."""
    return layanan_naskah.buat_konsep(
        user(oleh),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal=perihal,
        sifat=sifat,
        isian=dict(ISIAN),
        penerima=[jabatan(u) for u in penerima],
        penandatangan=jabatan(penandatangan),
    )


def indeks(koleksi: str = "naskah") -> None:
    """Index a whole collection now (what the worker does after each commit)."""
    for kunci in sumber.semua_kunci(koleksi):
        for k in kunci:
            layanan.perbarui_sekarang(k)
