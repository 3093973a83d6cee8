"""Lontar's one search: `cari(user, q, **filters)`, `indeks(obj)`, `hapus(obj)`.

Engines (database by default, Elasticsearch/OpenSearch through elasticsearch.dsl) live
in `search.mesin`; documents are built in `search.sumber`; index updates run as Celery
tasks (`search.tasks`) queued by signal handlers connected in this app's ready()."""

from __future__ import annotations

from typing import Any


def cari(user: Any, q: str = "", **filters: Any) -> Any:
    from .layanan import cari as _cari

    return _cari(user, q, **filters)


def indeks(obj: Any) -> None:
    from .layanan import indeks as _indeks

    _indeks(obj)


def hapus(obj: Any) -> None:
    from .layanan import hapus as _hapus

    _hapus(obj)
