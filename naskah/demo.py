"""Demo letters in every state of their life, made through the same services the
screens use, so `make run` opens on inboxes with something in them.

Loading twice changes nothing: a letter is looked up by its perihal first. Letters
approved here wait "menunggu TTE" until the Celery worker (started by `make run`)
signs and sends them — the same path as an outage of the signer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from organisasi.models import Jabatan
from templates_surat.models import TemplateSuratPage

from . import layanan
from .models import NaskahKeluarPage


@dataclass(frozen=True)
class NaskahDemo:
    perihal: str
    oleh: str
    penandatangan: str
    penerima: tuple[str, ...]
    tembusan: tuple[str, ...] = ()
    pemaraf: tuple[str, ...] = ()
    sifat: str = "B"
    urgensi: str = "biasa"
    # who approves, in order, after submission ("" = not submitted)
    disetujui: tuple[str, ...] = ()
    ajukan: bool = True
    isi: str = "Sehubungan dengan hal tersebut, kami mohon perhatian dan tindak lanjut Bapak/Ibu."


DEMO: list[NaskahDemo] = [
    NaskahDemo(
        "Undangan rapat koordinasi publikasi kegiatan vaksinasi",
        "operator",
        "pejabat",
        penerima=("kadinkes",),
        tembusan=("sekda",),
        pemaraf=("kabid.ikp",),
        urgensi="segera",
        disetujui=("kabid.ikp", "pejabat"),
    ),
    NaskahDemo(
        "Permohonan data cakupan imunisasi untuk portal data terbuka",
        "operator",
        "pejabat",
        penerima=("kadinkes",),
        pemaraf=("kabid.ikp", "sek.diskominfo"),
        disetujui=("kabid.ikp",),
    ),
    NaskahDemo(
        "Laporan insiden keamanan siber pada server layanan publik",
        "operator",
        "pejabat",
        penerima=("sekda",),
        sifat="R",
        urgensi="amat_segera",
    ),
    NaskahDemo(
        "Penyampaian jadwal pemeliharaan jaringan intra pemerintah",
        "operator",
        "pejabat",
        penerima=("kadinkes", "kabag.umum"),
        pemaraf=("sek.diskominfo",),
        ajukan=False,
    ),
    NaskahDemo(
        "Permohonan publikasi hasil survei kesehatan masyarakat",
        "operator.dinkes",
        "sek.dinkes",
        penerima=("pejabat",),
        tembusan=("sekda",),
        pemaraf=("kabid.yankes",),
        disetujui=("kabid.yankes", "sek.dinkes"),
    ),
]


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _jabatan(username: str) -> Jabatan:
    jabatan = _user(username).pegawai.jabatan
    if jabatan is None:
        raise ValueError(f"akun demo {username} tanpa jabatan")
    return jabatan


@transaction.atomic
def muat() -> list[NaskahKeluarPage]:
    template = TemplateSuratPage.objects.live().get(slug="surat-dinas")
    hasil = []
    for d in DEMO:
        naskah = NaskahKeluarPage.objects.filter(perihal=d.perihal).first()
        if naskah is None:
            naskah = layanan.buat_konsep(
                _user(d.oleh),
                template,
                perihal=d.perihal,
                sifat=d.sifat,
                urgensi=d.urgensi,
                klasifikasi="000.7.2",
                isian={"dasar": "Rencana kerja tahun berjalan.", "isi_pokok": d.isi},
                penerima=[_jabatan(u) for u in d.penerima],
                tembusan=[_jabatan(u) for u in d.tembusan],
                pemaraf=[_jabatan(u) for u in d.pemaraf],
                penandatangan=_jabatan(d.penandatangan),
            )
            if d.ajukan:
                naskah = layanan.ajukan(naskah, _user(d.oleh))
                for username in d.disetujui:
                    naskah = layanan.setujui(naskah, _user(username))
        hasil.append(naskah)
    return hasil
