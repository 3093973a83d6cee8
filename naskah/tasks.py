"""Celery tasks of the correspondence app: ids in, idempotent, retried."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=8, acks_late=True)
def tandatangani_naskah(self, naskah_id: int) -> bool:
    """Sign and send one letter waiting for its signature. Retries with backoff while
    the signer fails; a letter already signed is left alone."""
    from .layanan import selesaikan_tte
    from .penanda import GalatPenanda

    try:
        return selesaikan_tte(naskah_id)
    except GalatPenanda as exc:
        raise self.retry(exc=exc, countdown=min(30 * 2**self.request.retries, 1800)) from exc


@shared_task
def proses_antrian_tte() -> int:
    """Beat job: re-queue letters still waiting for a signature (worker or broker was down)
    and purge expired passphrases. Letters whose passphrase is gone wait for the official
    (Antrian TTE) instead of being retried."""
    from .models import NaskahKeluarPage, StatusNaskah
    from .models.alur import butuh_sandi
    from .tte import titipan

    titipan.bersihkan()
    sekarang = timezone.now()
    menunggu = NaskahKeluarPage.objects.filter(
        status=StatusNaskah.MENUNGGU_TTE, ditandatangani_pada__lt=sekarang - datetime.timedelta(minutes=2)
    )
    if butuh_sandi():
        menunggu = menunggu.filter(titipan_sandi__kedaluwarsa__gt=sekarang)
    ids = list(menunggu.values_list("pk", flat=True)[:200])
    for naskah_id in ids:
        tandatangani_naskah.delay(naskah_id)
    return len(ids)


@shared_task(acks_late=True)
def kirim_notifikasi(naskah_id: int, jenis: str, kunci: str = "") -> int:
    """In-app notification rows and e-mails for one event; a repeated run creates nothing new."""
    from .notifikasi import buat_notifikasi

    baru = buat_notifikasi(naskah_id, jenis, kunci)
    for notif in baru:
        if notif.user.email:
            try:
                send_mail(
                    subject=f"[Lontar] {notif.pesan}"[:150],
                    message=_("%(pesan)s\n\nBuka: %(url)s")
                    % {"pesan": notif.pesan, "url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/naskah/{naskah_id}/"},
                    from_email=None,
                    recipient_list=[notif.user.email],
                )
            except Exception:
                logger.exception("E-mail notifikasi %s gagal dikirim", notif.pk)
                continue
            type(notif).objects.filter(pk=notif.pk).update(email_terkirim=True)
    return len(baru)


@shared_task
def ingatkan_disposisi() -> dict[str, object]:
    """Beat job: reminders for dispositions due on the next working day and daily notices for
    overdue ones (naskah.pengingat). Idempotent: a rerun the same day queues nothing new."""
    from .pengingat import kirim_pengingat

    return kirim_pengingat()
