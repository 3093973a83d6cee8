"""Per-IP rate limits of the public PPID forms, counted in the Django cache (Redis in
production, so every web process shares the count). Only a hash of the address is used
as the key: the address itself is not kept."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

# (attempts, window in seconds); overridable in settings for an office behind one NAT.
BAWAAN = {
    "permohonan": (5, 3600),  # stored requests per hour
    "cek": (20, 900),  # failed status/objection look-ups per 15 minutes
}


def _batas(jenis: str) -> tuple[int, int]:
    return getattr(settings, "LONTAR_PPID_BATAS", {}).get(jenis, BAWAAN[jenis])


def _kunci(request: HttpRequest, jenis: str) -> str:
    ip = request.META.get("REMOTE_ADDR", "") or "?"
    return f"ppid:batas:{jenis}:{hashlib.sha256(ip.encode()).hexdigest()[:32]}"


def terlampaui(request: HttpRequest, jenis: str) -> bool:
    jumlah, _jendela = _batas(jenis)
    return int(cache.get(_kunci(request, jenis), 0)) >= jumlah


def hitung(request: HttpRequest, jenis: str) -> None:
    _jumlah, jendela = _batas(jenis)
    kunci = _kunci(request, jenis)
    if not cache.add(kunci, 1, jendela):
        try:
            cache.incr(kunci)
        except ValueError:  # expired between add and incr
            cache.set(kunci, 1, jendela)
