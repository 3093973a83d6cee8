"""The behavioural search suite runs every test against both engines: `mesin` is the
database engine (the corpus saved into the test database) or the Elasticsearch engine on
a clone of the session's osmem-server (an in-memory OpenSearch-API server), each loaded
with `korpus.korpus()`. `cari(mesin, q, token=…, **filters)` (from korpus) asks one."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from korpus import cari, korpus

from search.mesin.dasar import Mesin

__all__ = ["cari"]

MESIN = ["database", "elasticsearch"]


@pytest.fixture(scope="module")
def mesin_elastic(osmem_server: Any) -> Iterator[Mesin]:
    """One clone per test module, loaded once (the tests only read)."""
    from search.mesin.elastic import MesinElastic

    clone = osmem_server.clone()
    try:
        mesin = MesinElastic(
            url=clone.url,
            prefix="t" + uuid.uuid4().hex,
            analyzer="standard",
            timeout=5,
            node_class="osmem.NodeJson",
        )
        mesin.simpan(korpus())
        yield mesin
    finally:
        clone.close()


@pytest.fixture(params=MESIN)
def mesin(request: pytest.FixtureRequest, db: None) -> Mesin:
    """An engine holding the corpus (database: saved inside this test's transaction)."""
    if request.param == "elasticsearch":
        return request.getfixturevalue("mesin_elastic")
    from search import mesin as mesin_mod

    m = mesin_mod.database()
    m.simpan(korpus())
    return m
