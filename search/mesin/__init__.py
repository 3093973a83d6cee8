"""Search engines behind the facade. `aktif()` is the configured one; `database()` is
always available (the default, and the fallback while an engine is down)."""

from __future__ import annotations

import functools

from django.conf import settings

from .dasar import Dokumen, Faset, GalatMesin, Hasil, Hit, Mesin, Permintaan

__all__ = [
    "Dokumen",
    "Faset",
    "GalatMesin",
    "Hasil",
    "Hit",
    "Mesin",
    "Permintaan",
    "aktif",
    "database",
    "mesin_elastic",
]


def database() -> Mesin:
    from .basisdata import MesinDatabase

    return MesinDatabase()


@functools.cache
def _elastic(url: str, prefix: str, analyzer: str, timeout: float, node_class: str) -> Mesin:
    from .elastic import MesinElastic

    return MesinElastic(url=url, prefix=prefix, analyzer=analyzer, timeout=timeout, node_class=node_class)


def mesin_elastic() -> Mesin:
    return _elastic(
        settings.LONTAR_SEARCH_URL,
        settings.LONTAR_SEARCH_PREFIX,
        settings.LONTAR_SEARCH_ANALYZER,
        float(settings.LONTAR_SEARCH_TIMEOUT),
        settings.LONTAR_SEARCH_NODE_CLASS,
    )


def pakai_elastic() -> bool:
    return settings.LONTAR_SEARCH_BACKEND == "elasticsearch"


def aktif() -> Mesin:
    return mesin_elastic() if pakai_elastic() else database()


def lupakan() -> None:
    """Forget cached engine clients (tests switch settings)."""
    _elastic.cache_clear()
