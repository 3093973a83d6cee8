"""Rebuilding an index without downtime, resumably.

A run (`ProsesIndeks`) walks a collection's objects by id in batches. The database
index gets a new generation and the engine (when configured) a new concrete index; the
old ones keep answering until the walk is complete, then `selesai_bangun` makes the new
ones live (alias switch / old generation dropped). A run that stops (worker killed,
engine down) keeps `id_terakhir`; running it again continues from there."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import mesin as mesin_mod
from . import sumber
from .mesin.dasar import KOLEKSI
from .models import ProsesIndeks, StatusProses

log = logging.getLogger(__name__)
LABEL = {"naskah": _("Naskah"), "template": _("Template surat"), "publik": _("Halaman publik")}
BATAS = 200


def _mesin_nama() -> str:
    return "elasticsearch" if mesin_mod.pakai_elastic() else "database"


def belum_selesai(koleksi: str) -> ProsesIndeks | None:
    return (
        ProsesIndeks.objects.filter(
            koleksi=koleksi, status__in=[StatusProses.ANTRI, StatusProses.BERJALAN, StatusProses.GAGAL]
        )
        .order_by("-dibuat_pada")
        .first()
    )


def mulai(koleksi: str, user: Any = None) -> ProsesIndeks:
    """A new run for a collection (an unfinished one is resumed instead of doubled)."""
    if koleksi not in KOLEKSI:
        raise ValueError(f"koleksi tidak dikenal: {koleksi}")
    with transaction.atomic():
        lama = belum_selesai(koleksi)
        if lama is not None:
            return lama
        return ProsesIndeks.objects.create(
            koleksi=koleksi,
            mesin=_mesin_nama(),
            dibuat_oleh=user if user is not None and user.is_authenticated else None,
            total=sumber.queryset(koleksi).count(),
        )


def jalankan(proses_id: int, batas: int = BATAS, kemajuan: Callable[[ProsesIndeks], None] | None = None) -> int:
    """Run or resume a reindex; returns the number of objects done in total. Engine
    errors mark the run failed (resumable) and are re-raised."""
    proses = ProsesIndeks.objects.get(pk=proses_id)
    if proses.status == StatusProses.SELESAI:
        return proses.selesai
    db = mesin_mod.database()
    mesin = mesin_mod.mesin_elastic() if proses.mesin == "elasticsearch" else None
    try:
        if not proses.generasi:
            proses.generasi = int(db.mulai_bangun(proses.koleksi))
        if mesin is not None and not proses.target:
            proses.target = mesin.mulai_bangun(proses.koleksi)
        proses.status = StatusProses.BERJALAN
        proses.galat = ""
        proses.total = max(
            proses.total, proses.selesai + sumber.queryset(proses.koleksi).filter(pk__gt=proses.id_terakhir).count()
        )
        proses.save()
        for kunci in sumber.semua_kunci(proses.koleksi, mulai_setelah=proses.id_terakhir, batas=batas):
            dokumen = sumber.dokumen_batch(kunci)
            db.simpan_bangun(str(proses.generasi), dokumen)
            if mesin is not None:
                mesin.simpan_bangun(proses.target, dokumen)
            proses.id_terakhir = sumber.pisah_kunci(kunci[-1])[1]
            proses.selesai += len(kunci)
            ProsesIndeks.objects.filter(pk=proses.pk).update(
                id_terakhir=proses.id_terakhir, selesai=proses.selesai, diperbarui_pada=timezone.now()
            )
            if kemajuan is not None:
                kemajuan(proses)
        db.selesai_bangun(proses.koleksi, str(proses.generasi))
        if mesin is not None:
            mesin.selesai_bangun(proses.koleksi, proses.target)
    except Exception as exc:
        ProsesIndeks.objects.filter(pk=proses.pk).update(
            status=StatusProses.GAGAL, galat=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise
    proses.status = StatusProses.SELESAI
    proses.total = proses.selesai
    proses.selesai_pada = timezone.now()
    proses.save()
    return proses.selesai


def status() -> list[dict[str, Any]]:
    """Per collection: objects that belong in the index, documents in the database index
    and in the engine, engine health and the latest run."""
    db = mesin_mod.database()
    pakai = mesin_mod.pakai_elastic()
    mesin = mesin_mod.mesin_elastic() if pakai else db
    sehat = mesin.sehat()
    hasil = []
    for koleksi in KOLEKSI:
        jumlah_mesin = None
        if pakai and sehat:
            try:
                jumlah_mesin = mesin.jumlah(koleksi)
            except Exception:  # noqa: BLE001 - the page shows the engine as unhealthy instead
                sehat = False
        hasil.append(
            {
                "koleksi": koleksi,
                "label": LABEL[koleksi],
                "jumlah_objek": sumber.queryset(koleksi).count(),
                "jumlah_indeks": db.jumlah(koleksi),
                "jumlah_mesin": jumlah_mesin,
                "mesin": mesin.nama,
                "sehat": sehat,
                "proses": ProsesIndeks.objects.filter(koleksi=koleksi).order_by("-dibuat_pada").first(),
            }
        )
    return hasil
