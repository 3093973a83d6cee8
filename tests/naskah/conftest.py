from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from naskah import layanan
from naskah.models import NaskahKeluarPage
from organisasi.models import Jabatan
from templates_surat.models import TemplateSuratPage

ISIAN_SURAT_DINAS = {
    "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026",
    "isi_pokok": "Dengan hormat, kami mohon dukungan publikasi kegiatan vaksinasi.",
}


def user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def jabatan(username: str) -> Jabatan:
    return user(username).pegawai.jabatan


@pytest.fixture
def u():  # type: ignore[no-untyped-def]
    """A demo account by username (a fresh object: no cached access profile)."""
    return user


@pytest.fixture
def jab():  # type: ignore[no-untyped-def]
    """The definitive jabatan of a demo account."""
    return jabatan


@pytest.fixture
def buat_naskah(demo: None):  # type: ignore[no-untyped-def]
    """Create a letter draft from the demo "surat-dinas" template as `oleh`."""

    def _buat(
        oleh: str = "operator",
        *,
        perihal: str = "Permohonan dukungan publikasi vaksinasi",
        sifat: str = "B",
        pemaraf: tuple[str, ...] = ("kabid.ikp", "sek.diskominfo"),
        penandatangan: str | None = "pejabat",
        penerima: tuple[str, ...] = ("kadinkes",),
        tembusan: tuple[str, ...] = ("sekda",),
    ) -> NaskahKeluarPage:
        return layanan.buat_konsep(
            user(oleh),
            TemplateSuratPage.objects.get(slug="surat-dinas"),
            perihal=perihal,
            sifat=sifat,
            isian=dict(ISIAN_SURAT_DINAS),
            penerima=[jabatan(u) for u in penerima],
            tembusan=[jabatan(u) for u in tembusan],
            pemaraf=[jabatan(u) for u in pemaraf],
            penandatangan=jabatan(penandatangan) if penandatangan else None,
        )

    return _buat


@pytest.fixture
def commit(django_capture_on_commit_callbacks):  # type: ignore[no-untyped-def]
    """Run what a call queues for after commit (Celery tasks are eager in tests):
    `with commit(): layanan.setujui(...)`."""

    def _commit():  # type: ignore[no-untyped-def]
        return django_capture_on_commit_callbacks(execute=True)

    return _commit
