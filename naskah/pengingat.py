"""Reminders for dispositions: due on the next working day ("pengingat") and overdue
("terlambat"). Run by the beat job `naskah.tasks.ingatkan_disposisi`.

Rules (working days from organisasi.hari_kerja):
- Nothing is sent on a non-working day: officials are not messaged on weekends and
  holidays; what falls due is reminded on the last working day before.
- "pengingat": on a working day D, every active disposition whose deadline falls after D
  and no later than the next working day. On Friday that is Saturday, Sunday and Monday
  (a deadline on a day off is reminded on the last working day before it). Once per
  deadline: key f"{id}:{batas_waktu}".
- "terlambat": every active disposition whose deadline has passed, once per working day
  while it stays open: key f"{id}:{D}".
- The holders are found when the notification task runs (naskah.notifikasi): the
  jabatan's holders and any Plh/Plt in force that day, or the named person.

Idempotent: Notifikasi rows are unique per (user, letter, jenis, key), and pairs that
already have a row are not even queued again, so hourly runs are cheap.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from organisasi.hari_kerja import hari_kerja, hari_kerja_berikutnya

from . import layanan
from .models import Disposisi, Notifikasi, StatusDisposisi

logger = logging.getLogger(__name__)

PENGINGAT = "pengingat"
TERLAMBAT = "terlambat"
_POTONG = 500  # ids per IN (...) query


def _sudah_dikirim(jenis: str, calon: list[tuple[int, str]]) -> set[tuple[int, str]]:
    """The (letter, key) pairs of `calon` that already have a notification of `jenis`."""
    ada: set[tuple[int, str]] = set()
    for i in range(0, len(calon), _POTONG):
        potong = calon[i : i + _POTONG]
        ada.update(
            Notifikasi.objects.filter(
                jenis=jenis,
                naskah_id__in={naskah_id for naskah_id, _k in potong},
                kunci__in={kunci for _n, kunci in potong},
            ).values_list("naskah_id", "kunci")
        )
    return ada


def _antrekan(jenis: str, calon: Iterable[tuple[int, str]]) -> int:
    daftar = list(dict.fromkeys(calon))
    ada = _sudah_dikirim(jenis, daftar)
    n = 0
    for naskah_id, kunci in daftar:
        if (naskah_id, kunci) not in ada:
            layanan.notifikasi(naskah_id, jenis, kunci)  # queued after commit
            n += 1
    return n


def kirim_pengingat(hari_ini: datetime.date | None = None) -> dict[str, Any]:
    """Queue the day's reminders and overdue notices; returns what was queued."""
    hari_ini = hari_ini or timezone.localdate()
    hasil: dict[str, Any] = {"tanggal": hari_ini.isoformat(), "hari_kerja": hari_kerja(hari_ini)}
    if not hasil["hari_kerja"]:
        hasil.update({PENGINGAT: 0, TERLAMBAT: 0})
        return hasil
    aktif = Disposisi.objects.filter(status=StatusDisposisi.AKTIF, batas_waktu__isnull=False).order_by()
    besok = hari_kerja_berikutnya(hari_ini)
    jatuh_tempo = aktif.filter(batas_waktu__gt=hari_ini, batas_waktu__lte=besok).values_list(
        "pk", "naskah_id", "batas_waktu"
    )
    lewat = aktif.filter(batas_waktu__lt=hari_ini).values_list("pk", "naskah_id")
    hasil[PENGINGAT] = _antrekan(PENGINGAT, ((n, f"{pk}:{batas}") for pk, n, batas in jatuh_tempo))
    hasil[TERLAMBAT] = _antrekan(TERLAMBAT, ((n, f"{pk}:{hari_ini.isoformat()}") for pk, n in lewat))
    if hasil[PENGINGAT] or hasil[TERLAMBAT]:
        logger.info("Pengingat disposisi %s: %s", hari_ini, hasil)
    return hasil
