"""Reads about incoming letters and dispositions, all behind the access rule. Lists run
a fixed number of queries whatever their length."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import akses
from .models import Disposisi, NaskahMasukPage, StatusDisposisi, StatusMasuk


def _dasar(user: Any) -> QuerySet[NaskahMasukPage]:
    return akses.saring(NaskahMasukPage.objects.all(), user).select_related("unit", "tujuan__unit", "asal")


def naskah_masuk(user: Any) -> QuerySet[NaskahMasukPage]:
    """Every incoming letter the user may read, with the count of open dispositions."""
    # a correlated count, not a join + GROUP BY: the newest rows come straight off the
    # tanggal_terima index instead of aggregating every readable letter first
    aktif = (
        Disposisi.objects.filter(naskah_id=OuterRef("pk"), status=StatusDisposisi.AKTIF)
        .order_by()
        .values("naskah_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return _dasar(user).annotate(disposisi_aktif=Coalesce(Subquery(aktif, output_field=IntegerField()), 0))


def naskah_masuk_terbaca(user: Any, pk: int) -> NaskahMasukPage | None:
    return _dasar(user).filter(pk=pk).first()


def _milik(user: Any) -> Q:
    return Q(kepada_jabatan_id__in=akses.jabatan_ids(user)) | Q(kepada_user_id=user.pk)


def disposisi_untuk(user: Any) -> QuerySet[Disposisi]:
    """Dispositions given to one of my jabatan (Plh included) or to me, newest first."""
    if not user.is_authenticated:
        return Disposisi.objects.none()
    return (
        Disposisi.objects.filter(_milik(user))
        .exclude(status=StatusDisposisi.DIBATALKAN)
        .select_related("naskah", "dari_jabatan", "kepada_jabatan", "kepada_user__pegawai", "dari_user")
        .order_by("status", "batas_waktu", "-dibuat_pada")
    )


def jumlah_disposisi_aktif(user: Any) -> tuple[int, int]:
    """(open, overdue) dispositions of the user: the menu badge."""
    if not user.is_authenticated:
        return 0, 0
    hasil = Disposisi.objects.filter(_milik(user), status=StatusDisposisi.AKTIF).aggregate(
        aktif=Count("pk"), terlambat=Count("pk", filter=Q(batas_waktu__lt=timezone.localdate()))
    )
    return hasil["aktif"], hasil["terlambat"]


def naskah_ditangani(user: Any) -> list[int]:
    """Incoming letters not finished where the user holds the addressee post or an open disposition."""
    if not user.is_authenticated:
        return []
    jabatan = akses.jabatan_ids(user)
    punya = Disposisi.objects.filter(_milik(user), naskah_id=OuterRef("pk"), status=StatusDisposisi.AKTIF)
    return list(
        NaskahMasukPage.objects.exclude(status=StatusMasuk.SELESAI)
        .filter(Q(tujuan_id__in=jabatan) | Exists(punya))
        .values_list("pk", flat=True)[:500]
    )


def perlu_disposisi(user: Any) -> QuerySet[NaskahMasukPage]:
    """Letters addressed to one of my posts that still wait for a first disposition."""
    return _dasar(user).filter(tujuan_id__in=akses.jabatan_ids(user), status=StatusMasuk.BARU)


def pohon(naskah: NaskahMasukPage) -> list[dict[str, Any]]:
    """The disposition tree: [{"d": Disposisi, "anak": [...]}, …] in order (two queries)."""
    semua = list(
        naskah.disposisi.select_related(
            "dari_jabatan", "dari_user", "kepada_jabatan", "kepada_user__pegawai", "selesai_oleh", "balasan"
        ).order_by("dibuat_pada", "pk")
    )
    simpul: dict[int, dict[str, Any]] = {d.pk: {"d": d, "anak": []} for d in semua}
    akar: list[dict[str, Any]] = []
    for d in semua:
        (simpul[d.induk_id]["anak"] if d.induk_id in simpul else akar).append(simpul[d.pk])
    return akar
