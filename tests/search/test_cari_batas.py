"""Frequent words on a large index (database engine): the count stops at BATAS_PASTI, and
facets and ranking are computed over the newest BATAS_PASTI matches — bounded work,
reported as "more than" (Hasil.total_pasti False). Below the bound everything is exact."""

from __future__ import annotations

from typing import Any

import pytest
from korpus import cari, korpus

from search.mesin import basisdata, database


@pytest.fixture
def mesin_db(db: None, monkeypatch: Any) -> Any:
    monkeypatch.setattr(basisdata, "BATAS_PASTI", 10)
    m = database()
    m.simpan(korpus())
    return m


def test_kata_umum_dihitung_sampai_batas(mesin_db: Any) -> None:
    semua = korpus()
    hasil = cari(mesin_db, "", per_halaman=100)
    assert hasil.total_pasti is False and hasil.total == 10
    terbaru = sorted(semua, key=lambda d: (d.tanggal, d.objek_id), reverse=True)[:10]
    assert {h.objek_id for h in hasil.hits} == {d.objek_id for d in terbaru}
    assert sum(f.jumlah for f in hasil.faset["sifat"]) == 10


def test_di_bawah_batas_tetap_pasti(mesin_db: Any) -> None:
    hasil = cari(mesin_db, "leptospirosis")
    assert hasil.total_pasti is True and hasil.total == len(hasil.hits) >= 1
