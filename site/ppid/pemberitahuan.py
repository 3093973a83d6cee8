"""E-mails to the requester (confirmation, extension, answer, objection). Sent by
`tasks.kirim_email_pemohon`; a sent e-mail is recorded as a history row, which is also
what makes a repeated task run send nothing.

The mail is sent *outside* any transaction (an SMTP server may take seconds; the row
lock would block staff meanwhile), then recorded: two workers racing on the same message
can at worst send it twice — never lose it."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import AksiRiwayat, PermohonanInformasi, RiwayatPermohonan

logger = logging.getLogger(__name__)

JENIS = ("konfirmasi", "diperpanjang", "dijawab", "ditolak", "keberatan", "keberatan_ditanggapi")


def sudah_terkirim(permohonan_id: int, jenis: str) -> bool:
    return RiwayatPermohonan.objects.filter(
        permohonan_id=permohonan_id, aksi=AksiRiwayat.EMAIL, data__jenis=jenis
    ).exists()


def _isi(p: PermohonanInformasi, jenis: str) -> tuple[str, str]:
    tautan = f"{getattr(settings, 'WAGTAILADMIN_BASE_URL', '').rstrip('/')}{reverse('ppid:status')}"
    tenggat = date_format(p.tenggat, "j F Y")
    subjek = {
        "konfirmasi": _("Permohonan informasi %(nomor)s telah kami terima"),
        "diperpanjang": _("Jangka waktu permohonan %(nomor)s diperpanjang"),
        "dijawab": _("Permohonan informasi %(nomor)s telah dijawab"),
        "ditolak": _("Pemberitahuan atas permohonan informasi %(nomor)s"),
        "keberatan": _("Keberatan atas permohonan %(nomor)s telah kami terima"),
        "keberatan_ditanggapi": _("Keberatan atas permohonan %(nomor)s telah ditanggapi"),
    }[jenis] % {"nomor": p.nomor}
    badan = {
        "konfirmasi": _(
            "Permohonan informasi Anda telah terdaftar dengan nomor %(nomor)s. Jawaban akan diberikan "
            "paling lambat %(tenggat)s (10 hari kerja)."
        ),
        "diperpanjang": _("Jangka waktu jawaban diperpanjang 7 hari kerja hingga %(tenggat)s."),
        "dijawab": _("Jawaban atas permohonan %(nomor)s sudah tersedia."),
        "ditolak": _("Pemberitahuan tertulis atas permohonan %(nomor)s sudah tersedia."),
        "keberatan": _("Keberatan Anda atas permohonan %(nomor)s telah diteruskan kepada atasan PPID."),
        "keberatan_ditanggapi": _("Tanggapan atasan PPID atas keberatan Anda sudah tersedia."),
    }[jenis] % {"nomor": p.nomor, "tenggat": tenggat}
    pesan = _(
        "Yth. %(nama)s,\n\n%(badan)s\n\nPantau status permohonan di %(tautan)s dengan nomor registrasi dan "
        "token rahasia (atau alamat e-mail ini).\n\nPPID %(situs)s"
    ) % {"nama": p.nama, "badan": badan, "tautan": tautan, "situs": settings.WAGTAIL_SITE_NAME}
    return subjek, pesan


def kirim(permohonan_id: int, jenis: str) -> bool:
    """Send one e-mail of `jenis` for the request; False when already sent or not applicable.
    SMTP errors propagate (the task retries them)."""
    if jenis not in JENIS:
        raise ValueError(f"jenis e-mail tidak dikenal: {jenis}")
    p = PermohonanInformasi.objects.filter(pk=permohonan_id).first()
    if p is None or not p.email or sudah_terkirim(permohonan_id, jenis):
        return False
    with translation.override(settings.LANGUAGE_CODE):
        subjek, pesan = _isi(p, jenis)
    send_mail(subject=subjek[:150], message=pesan, from_email=None, recipient_list=[p.email])
    RiwayatPermohonan.objects.create(permohonan=p, aksi=AksiRiwayat.EMAIL, data={"jenis": jenis})
    logger.info("E-mail PPID %s terkirim untuk %s", jenis, p.nomor)
    return True
