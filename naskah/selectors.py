"""Reads for the inbox views and the API, all behind the access rule (akses.saring).
Each list is a fixed number of queries whatever its length (related rows are joined
or annotated, never fetched per row)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from organisasi.models import Unit

from . import akses
from .models import Bacaan, Kiriman, NaskahKeluarPage, StatusNaskah


def _dasar(user: Any) -> QuerySet[NaskahKeluarPage]:
    return akses.saring(NaskahKeluarPage.objects.all(), user).select_related(
        "template__jenis", "unit", "penandatangan", "tugas_jabatan"
    )


def perlu_tindakan(user: Any) -> QuerySet[NaskahKeluarPage]:
    """Approval tasks held by one of my jabatan (Plh included), and my returned drafts."""
    jabatan = akses.jabatan_ids(user)
    return _dasar(user).filter(
        Q(status=StatusNaskah.DIAJUKAN, tugas_jabatan_id__in=jabatan)
        | Q(status=StatusNaskah.DIKEMBALIKAN, pembuat_id=user.pk)
    )


def kotak_masuk(user: Any) -> QuerySet[NaskahKeluarPage]:
    """Signed letters sent to one of my jabatan (as recipient or tembusan), with `dibaca`."""
    jabatan = akses.jabatan_ids(user)
    return (
        _dasar(user)
        .filter(status=StatusNaskah.TERKIRIM)
        .filter(Exists(Kiriman.objects.filter(naskah_id=OuterRef("pk"), jabatan_id__in=jabatan)))
        .annotate(dibaca=Exists(Bacaan.objects.filter(naskah_id=OuterRef("pk"), user_id=user.pk)))
    )


def kotak_keluar(user: Any) -> QuerySet[NaskahKeluarPage]:
    """Letters of my unit and the units below it (officials see their whole subtree)."""
    units: set[int] = set()
    for unit_id in akses.unit_ids(user):
        units |= set(Unit.objects.turunan(Unit(pk=unit_id)).values_list("pk", flat=True))
    return _dasar(user).filter(unit_id__in=units)


def naskah_terbaca(user: Any, pk: int) -> NaskahKeluarPage | None:
    return _dasar(user).filter(pk=pk).first()
