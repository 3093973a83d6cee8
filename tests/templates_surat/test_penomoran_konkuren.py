"""4 processes × 250 allocations on one counter: no duplicate, no gap.

Runs on the configured database: PostgreSQL in CI (row lock with SELECT … FOR
UPDATE), SQLite locally (IMMEDIATE transactions serialise the writers)."""

from __future__ import annotations

import datetime
import multiprocessing

import pytest
from django.db import connections

from organisasi.factories import UnitFactory
from templates_surat import penomoran
from templates_surat.models import JenisNaskah, NomorTerbit, PenghitungNomor, PolaNomor

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PROSES = 4
PER_PROSES = 250


def _kerja(pola_id: int, unit_id: int, jenis_id: int, antrean: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    connections.close_all()  # never share the parent's connection: open our own to the test database
    try:
        pola = PolaNomor.objects.get(pk=pola_id)
        unit = UnitFactory._meta.model.objects.get(pk=unit_id)
        jenis = JenisNaskah.objects.get(pk=jenis_id)
        for _ in range(PER_PROSES):
            penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="000.1", tanggal=datetime.date(2026, 11, 24))
        antrean.put(None)
    except Exception as exc:  # noqa: BLE001 - reported to the parent
        antrean.put(repr(exc))
    finally:
        connections.close_all()


def test_alokasi_bersamaan_tanpa_duplikat_dan_celah() -> None:
    pola = PolaNomor.objects.create(nama="Konkuren", pola="{klasifikasi}/{urut}/{unit}/{tahun}")
    unit = UnitFactory(kode="KONKUREN")
    jenis = JenisNaskah.objects.get(kode="SD")
    connections.close_all()

    konteks = multiprocessing.get_context("fork")
    antrean = konteks.Queue()
    proses = [konteks.Process(target=_kerja, args=(pola.pk, unit.pk, jenis.pk, antrean)) for _ in range(PROSES)]
    for p in proses:
        p.start()
    hasil = [antrean.get(timeout=600) for _ in proses]
    for p in proses:
        p.join(timeout=60)

    assert hasil == [None] * PROSES
    urut = sorted(NomorTerbit.objects.filter(penghitung__pola=pola).values_list("urut", flat=True))
    assert urut == list(range(1, PROSES * PER_PROSES + 1))
    nomor = NomorTerbit.objects.filter(penghitung__pola=pola).values_list("nomor", flat=True)
    assert len(set(nomor)) == PROSES * PER_PROSES
    assert PenghitungNomor.objects.get(pola=pola).terakhir == PROSES * PER_PROSES
