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


def _salinan(dok: Any, objek_id: int, tanggal: Any) -> Any:
    import dataclasses

    return dataclasses.replace(dok, objek_id=objek_id, nomor=f"{dok.nomor}-{objek_id}", tanggal=tanggal)


@pytest.mark.parametrize("perkiraan", [10**6, 1], ids=["jendela", "langsung"])
@pytest.mark.parametrize("baru", [30, 6, 0], ids=["bulan-terakhir-cukup", "jendela-diperlebar", "semua"])
def test_jendela_tanggal_memberi_hasil_yang_sama(db: None, monkeypatch: Any, baru: int, perkiraan: int) -> None:
    """The newest matches are looked for in a window of the newest days sized from the
    planner's estimate, widened when it holds too few (on PostgreSQL); a small estimate
    goes straight to the whole index. Every path gives the answer of the whole index."""
    import datetime

    monkeypatch.setattr(basisdata, "BATAS_PASTI", 10)
    monkeypatch.setattr(basisdata, "_perkiraan", lambda c, qs: float(perkiraan))
    contoh = korpus()[0]
    hari_ini = datetime.date(2026, 11, 20)
    dok = [_salinan(contoh, i, hari_ini - datetime.timedelta(days=i)) for i in range(1, baru + 1)]
    dok += [_salinan(contoh, 1000 + i, hari_ini - datetime.timedelta(days=60 + 7 * i)) for i in range(40)]
    m = database()
    m.simpan(dok)
    kata = contoh.perihal.split()[0]
    terbaru = sorted(dok, key=lambda d: (d.tanggal, d.objek_id), reverse=True)
    for filter, cocok in [
        ({}, terbaru),
        ({"tahun": 2025}, [d for d in terbaru if d.tanggal.year == 2025]),
        ({"sampai": datetime.date(2026, 6, 30)}, [d for d in terbaru if d.tanggal <= datetime.date(2026, 6, 30)]),
        (
            {"dari": datetime.date(2026, 1, 1), "sampai": datetime.date(2026, 10, 31)},
            [d for d in terbaru if datetime.date(2026, 1, 1) <= d.tanggal <= datetime.date(2026, 10, 31)],
        ),
    ]:
        hasil = cari(m, kata, per_halaman=100, urut="tanggal", **filter)
        assert hasil.total == min(10, len(cocok)) and hasil.total_pasti is (len(cocok) <= 10), filter
        assert [h.objek_id for h in hasil.hits] == [d.objek_id for d in cocok[:10]], filter
