"""A circuit breaker ("pemutus sirkuit") kept in the Django cache.

Why: when a remote service (the BSrE-style signer) is down, every letter waiting for
its signature would otherwise spend a full timeout on each retry, and the workers
would pile up behind it. After `batas` consecutive transport failures the breaker
opens: calls are refused at once for `jeda` seconds. Then one trial call is let
through (half-open); its success closes the breaker, its failure opens it again.

The state lives in the cache, so with Redis (REDIS_URL) every web and worker process
sees the same breaker; with the local-memory cache each process has its own, which
is still correct, only less economical.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils import timezone

# Keys never expire on their own: only success (or reset) clears them. A day is a
# safety net against a stale key surviving a renamed breaker.
_UMUR_KUNCI = 24 * 3600


class SirkuitTerbuka(Exception):
    """Raised by `PemutusSirkuit.izinkan` while the breaker refuses calls."""

    def __init__(self, sampai: datetime.datetime) -> None:
        super().__init__(f"sirkuit terbuka sampai {sampai.isoformat()}")
        self.sampai = sampai


class PemutusSirkuit:
    """Consecutive-failure breaker named `nama` (one per remote service).

    Usage::

        pemutus.izinkan()          # raises SirkuitTerbuka while open
        try:
            hasil = panggil()
        except GangguanTransport:
            pemutus.gagal()
            raise
        pemutus.berhasil()
    """

    def __init__(
        self,
        nama: str,
        *,
        batas: int,
        jeda: float,
        lama_uji: float = 60.0,
        jam: Callable[[], float] = time.time,
    ) -> None:
        self.nama = nama
        self.batas = max(1, int(batas))
        self.jeda = float(jeda)
        # How long one half-open trial may take before another caller may try.
        self.lama_uji = float(lama_uji)
        self._jam = jam
        awalan = f"lontar:pemutus:{nama}"
        self._k_gagal = f"{awalan}:gagal"
        self._k_sampai = f"{awalan}:sampai"
        self._k_uji = f"{awalan}:uji"

    # --- the three calls a client makes ------------------------------------------------
    def izinkan(self) -> None:
        """Return when a call may be made; raise SirkuitTerbuka otherwise. In the
        half-open state exactly one caller (the first to arrive) gets through."""
        sampai = cache.get(self._k_sampai)
        if sampai is None:
            return
        if self._jam() < sampai:
            raise SirkuitTerbuka(self._waktu(sampai))
        # Half-open: cache.add is atomic (Redis SET NX), so only one trial runs.
        if not cache.add(self._k_uji, 1, timeout=max(1, int(self.lama_uji))):
            raise SirkuitTerbuka(self._waktu(self._jam() + self.lama_uji))

    def berhasil(self) -> None:
        """The service answered: close the breaker and forget past failures."""
        cache.delete_many([self._k_gagal, self._k_sampai, self._k_uji])

    def gagal(self) -> None:
        """A transport failure (timeout, refused connection, 5xx)."""
        cache.add(self._k_gagal, 0, timeout=_UMUR_KUNCI)
        try:
            jumlah = cache.incr(self._k_gagal)
        except ValueError:  # evicted between add and incr
            cache.set(self._k_gagal, 1, timeout=_UMUR_KUNCI)
            jumlah = 1
        sampai = cache.get(self._k_sampai)
        setengah_terbuka = sampai is not None and self._jam() >= sampai
        if setengah_terbuka or jumlah >= self.batas:
            cache.set(self._k_sampai, self._jam() + self.jeda, timeout=_UMUR_KUNCI)
            cache.delete(self._k_uji)

    # --- administration -----------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """For an admin page: keadaan ("tertutup", "terbuka", "setengah terbuka"),
        gagal_berturut, terbuka_sampai (aware datetime or None), batas, jeda."""
        sampai = cache.get(self._k_sampai)
        if sampai is None:
            keadaan = "tertutup"
        elif self._jam() < sampai:
            keadaan = "terbuka"
        else:
            keadaan = "setengah terbuka"
        return {
            "nama": self.nama,
            "keadaan": keadaan,
            "terbuka": keadaan == "terbuka",
            "gagal_berturut": int(cache.get(self._k_gagal) or 0),
            "terbuka_sampai": self._waktu(sampai) if sampai is not None else None,
            "batas": self.batas,
            "jeda": self.jeda,
        }

    def reset(self) -> None:
        """Close the breaker by hand (admin action, tests)."""
        self.berhasil()

    @staticmethod
    def _waktu(detik: float) -> datetime.datetime:
        return datetime.datetime.fromtimestamp(detik, tz=datetime.UTC).astimezone(timezone.get_current_timezone())
