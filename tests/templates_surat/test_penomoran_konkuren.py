"""4 processes × 250 allocations on one counter: no duplicate, no gap.

Runs on the configured database: PostgreSQL in CI (row lock with SELECT … FOR UPDATE;
the first allocations race to create the counter row and the unique constraint settles
it), SQLite locally (IMMEDIATE transactions serialise the writers; the test settings put
the SQLite test database in a file so that forked processes share it)."""

from __future__ import annotations

import datetime
import multiprocessing
import traceback
from collections import Counter
from multiprocessing.synchronize import Barrier
from typing import Any, cast

import pytest
from django.db import connections

from organisasi.factories import UnitFactory
from organisasi.models import Unit
from templates_surat import penomoran
from templates_surat.models import JenisNaskah, NomorTerbit, PenghitungNomor, PolaNomor

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PROSES = 4
PER_PROSES = 250
TANGGAL = datetime.date(2026, 11, 24)


def _kerja(pola_id: int, unit_id: int, jenis_id: int, mulai: Barrier, antrean: Any) -> None:
    """Child process: its own connection to the test database, then PER_PROSES allocations."""
    connections.close_all()  # never use the parent's connection: open our own (settings name the test DB)
    try:
        pola = PolaNomor.objects.get(pk=pola_id)
        unit = Unit.objects.get(pk=unit_id)
        jenis = JenisNaskah.objects.get(pk=jenis_id)
        mulai.wait(timeout=60)  # everyone starts together: the first ones race to create the counter row
        for _ in range(PER_PROSES):
            penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="000.1", tanggal=TANGGAL)
        antrean.put(None)
    except BaseException:  # everything is reported to the parent, then re-raised (exit code 1)
        antrean.put(traceback.format_exc())
        raise
    finally:
        connections.close_all()


def test_alokasi_bersamaan_tanpa_duplikat_dan_celah() -> None:
    pola = PolaNomor.objects.create(nama="Konkuren", pola="{klasifikasi}/{urut}/{unit}/{tahun}")
    unit = cast(Unit, UnitFactory(kode="KONKUREN"))
    jenis = JenisNaskah.objects.create(nama="Konkuren", kode="KONK")
    assert not PenghitungNomor.objects.filter(pola=pola).exists()
    connections.close_all()  # no open connection may be inherited by the children

    konteks = multiprocessing.get_context("fork")
    antrean = konteks.Queue()
    mulai = konteks.Barrier(PROSES)
    proses = [konteks.Process(target=_kerja, args=(pola.pk, unit.pk, jenis.pk, mulai, antrean)) for _ in range(PROSES)]
    for p in proses:
        p.start()
    laporan = [antrean.get(timeout=600) for _ in proses]
    for p in proses:
        p.join(timeout=60)

    assert [galat for galat in laporan if galat] == []
    assert [p.exitcode for p in proses] == [0] * PROSES

    total = PROSES * PER_PROSES
    urut = list(NomorTerbit.objects.filter(penghitung__pola=pola).values_list("urut", flat=True))
    duplikat = {u: n for u, n in Counter(urut).items() if n > 1}
    celah = sorted(set(range(1, total + 1)) - set(urut))
    assert (len(urut), duplikat, celah) == (total, {}, [])
    nomor = set(NomorTerbit.objects.filter(penghitung__pola=pola).values_list("nomor", flat=True))
    assert len(nomor) == total
    assert "000.1/1/KONKUREN/2026" in nomor and f"000.1/{total}/KONKUREN/2026" in nomor
    penghitung = PenghitungNomor.objects.get(pola=pola)  # exactly one counter row despite the race
    assert penghitung.terakhir == total
