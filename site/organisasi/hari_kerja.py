"""Working days (hari kerja) of a Pemda: Monday to Friday, minus national holidays and
cuti bersama listed in the setting ``LONTAR_HARI_LIBUR`` (ISO dates; environment
variable of the same name, comma-separated). Used for disposition reminders and the
PPID answer deadlines ("10 hari kerja").

The list is read on every call (a few dozen dates), so ``override_settings`` and a
changed setting take effect at once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SABTU = 5  # date.weekday(): Monday 0 … Sunday 6


def _tanggal(nilai: object) -> datetime.date:
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    try:
        return datetime.date.fromisoformat(str(nilai).strip())
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"LONTAR_HARI_LIBUR: {nilai!r} bukan tanggal ISO (YYYY-MM-DD), mis. 2026-08-17."
        ) from exc


def hari_libur(daftar: Iterable[object] | None = None) -> frozenset[datetime.date]:
    """The configured holidays (weekends are not listed: they are never working days)."""
    if daftar is None:
        daftar = getattr(settings, "LONTAR_HARI_LIBUR", ())
    return frozenset(_tanggal(n) for n in daftar if str(n).strip())


def hari_kerja(tanggal: datetime.date, *, libur: frozenset[datetime.date] | None = None) -> bool:
    """Is `tanggal` a working day (Mon–Fri and not a holiday/cuti bersama)?"""
    libur = hari_libur() if libur is None else libur
    return tanggal.weekday() < SABTU and tanggal not in libur


def tambah_hari_kerja(tanggal: datetime.date, n: int) -> datetime.date:
    """The n-th working day after `tanggal` (n > 0) or before it (n < 0); `tanggal` itself
    is not counted, whether or not it is a working day. n == 0 returns `tanggal`.

    E.g. a PPID request received on Friday with a 10-working-day deadline:
    ``tambah_hari_kerja(jumat, 10)`` is the Friday two weeks later when no holiday falls in between.
    """
    libur = hari_libur()
    langkah = datetime.timedelta(days=1 if n >= 0 else -1)
    sisa = abs(n)
    while sisa:
        tanggal += langkah
        if hari_kerja(tanggal, libur=libur):
            sisa -= 1
    return tanggal


def hari_kerja_berikutnya(tanggal: datetime.date) -> datetime.date:
    """The first working day after `tanggal` (Friday → Monday, unless Monday is a holiday)."""
    return tambah_hari_kerja(tanggal, 1)


def hari_kerja_sebelumnya(tanggal: datetime.date) -> datetime.date:
    """The last working day before `tanggal`."""
    return tambah_hari_kerja(tanggal, -1)
