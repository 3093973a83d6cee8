"""Indonesian date words and Roman month numerals used in letters."""

from __future__ import annotations

import datetime

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def tanggal_indonesia(tanggal: datetime.date) -> str:
    """24 November 2026"""
    return f"{tanggal.day} {BULAN[tanggal.month - 1]} {tanggal.year}"


def hari_indonesia(tanggal: datetime.date) -> str:
    """Selasa"""
    return HARI[tanggal.weekday()]


def bulan_romawi(bulan: int) -> str:
    """11 → XI"""
    return ROMAWI[bulan - 1]
