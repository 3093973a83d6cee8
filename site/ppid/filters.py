"""django-filter sets: the public DIP page (kategori, unit, tahun, text), the DIP admin
list, and the staff lists of requests and objections (status, overdue, unit)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from organisasi.models import Unit

from .models import (
    InformasiPublik,
    KategoriInformasi,
    Keberatan,
    PermohonanInformasi,
    StatusKeberatan,
    StatusPermohonan,
)

YA = [("ya", _("Ya"))]


def _tahun_terbit() -> list[tuple[str, str]]:
    """Years with a published item (evaluated when the form renders, not at import)."""
    tahun = InformasiPublik.objects.filter(terbit=True).order_by("-tahun").values_list("tahun", flat=True).distinct()
    return [(str(t), str(t)) for t in tahun]


def _unit_terbit(request: Any = None) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=InformasiPublik.objects.filter(terbit=True).values("unit")).order_by("nama")


class InformasiPublikFilter(django_filters.FilterSet):
    """The public DIP filters (GET); the page and its CSV/XLSX downloads share them."""

    kategori = django_filters.ChoiceFilter(
        label=_("Kategori"), choices=KategoriInformasi.choices, empty_label=_("Semua kategori")
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit penanggung jawab"), queryset=_unit_terbit, empty_label=_("Semua unit")
    )
    tahun = django_filters.ChoiceFilter(label=_("Tahun"), choices=_tahun_terbit, empty_label=_("Semua tahun"))
    q = django_filters.CharFilter(label=_("Kata kunci"), method="cari")

    class Meta:
        model = InformasiPublik
        fields = ["kategori", "unit", "tahun", "q"]

    def cari(self, queryset: QuerySet[InformasiPublik], name: str, value: str) -> QuerySet[InformasiPublik]:
        value = value.strip()[:100]
        return queryset.filter(Q(judul__icontains=value) | Q(keterangan__icontains=value)) if value else queryset


class InformasiPublikAdminFilter(WagtailFilterSet):
    kategori = django_filters.ChoiceFilter(label=_("Kategori"), choices=KategoriInformasi.choices)
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.all())
    tahun = django_filters.NumberFilter(label=_("Tahun"))
    terbit = django_filters.BooleanFilter(label=_("Terbit"))

    class Meta:
        model = InformasiPublik
        fields = ["kategori", "unit", "tahun", "terbit"]


class PermohonanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Nomor registrasi"), method="cari")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusPermohonan.choices)
    terlambat = django_filters.ChoiceFilter(label=_("Melewati tenggat"), choices=YA, method="saring_terlambat")
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=Unit.objects.all())

    class Meta:
        model = PermohonanInformasi
        fields = ["q", "status", "terlambat", "unit"]

    def cari(self, queryset: Any, name: str, value: str) -> Any:
        value = value.strip()
        return queryset.filter(nomor__icontains=value) if value else queryset

    def saring_terlambat(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.terlambat() if value == "ya" else queryset


class KeberatanFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusKeberatan.choices)
    terlambat = django_filters.ChoiceFilter(label=_("Melewati tenggat"), choices=YA, method="saring_terlambat")

    class Meta:
        model = Keberatan
        fields = ["status", "terlambat"]

    def saring_terlambat(self, queryset: Any, name: str, value: str) -> Any:
        if value != "ya":
            return queryset
        return queryset.filter(status=StatusKeberatan.DIAJUKAN, tenggat__lt=timezone.localdate())
