"""Celery tasks of the PPID app: ids in, idempotent (a sent e-mail is a history row),
retried with exponential backoff while the mail server fails."""

from __future__ import annotations

import datetime
import smtplib
from typing import Any

from celery import shared_task
from django.db.models import Exists, OuterRef
from django.utils import timezone

KESALAHAN_SMTP = (smtplib.SMTPException, OSError)


@shared_task(bind=True, max_retries=8, acks_late=True)
def kirim_email_pemohon(self: Any, permohonan_id: int, jenis: str) -> bool:
    """Send one e-mail to the requester; the request itself is already stored."""
    from . import pemberitahuan

    try:
        return pemberitahuan.kirim(permohonan_id, jenis)
    except KESALAHAN_SMTP as exc:
        raise self.retry(exc=exc, countdown=min(60 * 2**self.request.retries, 3600)) from exc


@shared_task
def kirim_email_tertunda() -> int:
    """Beat job: re-queue confirmations never sent (broker was down at submission, or the
    retries ran out during a long mail outage). Requests of the last 7 days only."""
    from .models import AksiRiwayat, PermohonanInformasi, RiwayatPermohonan

    sekarang = timezone.now()
    terkirim = RiwayatPermohonan.objects.filter(
        permohonan=OuterRef("pk"), aksi=AksiRiwayat.EMAIL, data__jenis="konfirmasi"
    )
    ids = list(
        PermohonanInformasi.objects.filter(
            diajukan_pada__lt=sekarang - datetime.timedelta(minutes=10),
            diajukan_pada__gte=sekarang - datetime.timedelta(days=7),
        )
        .exclude(Exists(terkirim))
        .values_list("pk", flat=True)[:200]
    )
    for pk in ids:
        kirim_email_pemohon.delay(pk, "konfirmasi")
    return len(ids)
