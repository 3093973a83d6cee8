from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from templates_surat.models import JenisNaskah

from .models import NaskahKeluarPage, Sifat, StatusNaskah

URUTAN = [
    ("-tanggal", _("Terbaru")),
    ("tanggal", _("Terlama")),
    ("perihal", _("Perihal A–Z")),
    ("nomor", _("Nomor")),
]
# Newest first by id: an index on the letter table serves it (sorting on Wagtail's
# page columns would read every matching letter before returning the first page).
KOLOM_URUT = {
    "-tanggal": ("-pk",),
    "tanggal": ("pk",),
    "perihal": ("perihal", "pk"),
    "nomor": ("nomor", "pk"),
}


class NaskahFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari perihal/nomor"), method="cari")
    dari = django_filters.DateFilter(
        label=_("Dari tanggal"), field_name="latest_revision_created_at__date", lookup_expr="gte", widget=AdminDateInput
    )
    sampai = django_filters.DateFilter(
        label=_("Sampai tanggal"),
        field_name="latest_revision_created_at__date",
        lookup_expr="lte",
        widget=AdminDateInput,
    )
    sifat = django_filters.ChoiceFilter(label=_("Sifat"), choices=Sifat.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusNaskah.choices)
    jenis = django_filters.ModelChoiceFilter(
        label=_("Jenis naskah"), field_name="template__jenis", queryset=JenisNaskah.objects.all()
    )
    klasifikasi = django_filters.CharFilter(label=_("Klasifikasi"), lookup_expr="startswith")
    urut = django_filters.ChoiceFilter(
        label=_("Urutkan"), choices=URUTAN, method="urutkan", empty_label=None, widget=forms.Select
    )

    class Meta:
        model = NaskahKeluarPage
        fields = ["q", "dari", "sampai", "sifat", "status", "jenis", "klasifikasi", "urut"]

    def cari(self, queryset: Any, name: str, value: str) -> Any:
        value = value.strip()
        return queryset.filter(Q(perihal__icontains=value) | Q(nomor__istartswith=value)) if value else queryset

    def urutkan(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.order_by(*KOLOM_URUT.get(value, KOLOM_URUT["-tanggal"]))

    @property
    def qs(self) -> Any:
        qs = super().qs
        if not getattr(self.form, "cleaned_data", {}).get("urut"):
            qs = qs.order_by(*KOLOM_URUT["-tanggal"])
        return qs
