"""Index updates as Celery tasks: ids in, idempotent (each run writes the object's current
state, or removes it), retried with backoff while the search engine is down."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task

from .mesin.dasar import GalatMesin

log = logging.getLogger(__name__)


@shared_task(
    bind=True,
    autoretry_for=(GalatMesin,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=12,
    acks_late=True,
)
def indeks_dokumen(self: Any, kunci: str) -> bool:
    """Bring one document ("naskah:12", "template:3", "publik:7") in line with the database."""
    from .layanan import perbarui_sekarang

    return perbarui_sekarang(kunci)


@shared_task(bind=True, acks_late=True)
def indeks_ulang(self: Any, proses_id: int) -> int:
    """Run (or resume) a reindex run recorded as ProsesIndeks `proses_id`."""
    from . import indeks_ulang as modul

    return modul.jalankan(proses_id)
