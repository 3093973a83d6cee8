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
def muat(sandi: str = "") -> list[NaskahKeluarPage]:
    """`sandi`: the demo officials' TTE passphrase (given when the signer asks for one)."""
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
                    naskah = layanan.setujui(naskah, _user(username), sandi=sandi)
        hasil.append(naskah)
    return hasil


@dataclass(frozen=True)
class MasukDemo:
    nomor: str
    pengirim: str
    perihal: str
    oleh: str
    tujuan: str
    sifat: str = "B"
    urgensi: str = "biasa"
    klasifikasi: str = "000.7.2"
    # (from, to usernames/jabatan holders, instruksi) in order; "tutup" closes without disposition
    disposisi: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = ()
    tutup: bool = False


MASUK: list[MasukDemo] = [
    MasukDemo(
        "000.7.2/118/BAPPEDA/2026",
        "Kepala Badan Perencanaan Pembangunan Daerah",
        "Undangan rapat koordinasi penyusunan RKPD 2027",
        "operator",
        "pejabat",
        urgensi="segera",
        disposisi=(
            ("pejabat", ("kabid.ikp", "admin"), ("hadiri", "ditindaklanjuti")),
            ("kabid.ikp", ("kasi.pip",), ("dipelajari",)),
        ),
    ),
    MasukDemo(
        "005/2231/DPRD/2026",
        "Sekretaris DPRD Kota",
        "Permintaan data kunjungan situs resmi pemerintah kota",
        "operator",
        "pejabat",
    ),
    MasukDemo(
        "400.14/77/BSSN/2026",
        "Direktur Keamanan Siber Pemerintah Daerah, BSSN",
        "Pemberitahuan hasil pemindaian kerentanan aplikasi",
        "operator",
        "pejabat",
        sifat="R",
        urgensi="amat_segera",
        disposisi=(("pejabat", ("admin",), ("ditindaklanjuti", "bicarakan")),),
    ),
    MasukDemo(
        "003.2/415/SETDA/2026",
        "Sekretaris Daerah",
        "Edaran hari libur nasional dan cuti bersama",
        "operator",
        "pejabat",
        tutup=True,
    ),
    MasukDemo(
        "443.1/56/PUSKESMAS-KOTA/2026",
        "Kepala UPTD Puskesmas Kota",
        "Laporan peningkatan kasus demam berdarah",
        "operator.dinkes",
        "kadinkes",
        urgensi="amat_segera",
    ),
]


def _pindaian(m: MasukDemo) -> Any:
    """A one-page PDF standing in for the scanned paper letter."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.html import escape
    from weasyprint import HTML

    html = (
        "<html><body style='font-family: serif; margin: 3cm'>"
        f"<p style='text-align:center'><b>{escape(m.pengirim.upper())}</b></p><hr>"
        f"<p>Nomor: {escape(m.nomor)}<br>Hal: {escape(m.perihal)}</p>"
        "<p>Yth. Kepala Perangkat Daerah<br>di tempat</p>"
        "<p>Dengan hormat, bersama ini kami sampaikan hal tersebut di atas untuk menjadi perhatian.</p>"
        "<p style='color:#888'>(contoh pindaian surat untuk data demo)</p></body></html>"
    )
    return SimpleUploadedFile("pindaian.pdf", HTML(string=html).write_pdf(), content_type="application/pdf")


@transaction.atomic
def muat_masuk() -> list[Any]:
    import datetime

    from django.utils import timezone

    from . import layanan_masuk
    from .models import NaskahMasukPage

    hasil = []
    for m in MASUK:
        naskah = NaskahMasukPage.objects.filter(nomor_surat=m.nomor, pengirim=m.pengirim).first()
        if naskah is None:
            naskah = layanan_masuk.daftarkan(
                _user(m.oleh),
                tujuan=_jabatan(m.tujuan),
                nomor_surat=m.nomor,
                tanggal_surat=timezone.localdate() - datetime.timedelta(days=3),
                pengirim=m.pengirim,
                perihal=m.perihal,
                sifat=m.sifat,
                urgensi=m.urgensi,
                klasifikasi=m.klasifikasi,
                scan=_pindaian(m),
            )
            batas = timezone.localdate() + datetime.timedelta(days=5)
            for dari, kepada, instruksi in m.disposisi:
                induk = next(iter(layanan_masuk.disposisi_dipegang(naskah, _user(dari))), None)
                layanan_masuk.disposisikan(
                    naskah,
                    _user(dari),
                    induk=induk,
                    kepada_jabatan=[_jabatan(k) for k in kepada],
                    instruksi=list(instruksi),
                    batas_waktu=batas,
                )
            if m.tutup:
                layanan_masuk.selesaikan_naskah(naskah, _user(m.tujuan), "Cukup diketahui dan diarsipkan.")
        hasil.append(naskah)
    return hasil
