from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from .models import Disposisi, NaskahMasukPage, Sifat, StatusDisposisi, StatusMasuk, Urgensi


class NaskahMasukFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari perihal/nomor/pengirim"), method="cari")
    dari = django_filters.DateFilter(
        label=_("Diterima dari"), field_name="tanggal_terima", lookup_expr="gte", widget=AdminDateInput
    )
    sampai = django_filters.DateFilter(
        label=_("Diterima sampai"), field_name="tanggal_terima", lookup_expr="lte", widget=AdminDateInput
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusMasuk.choices)
    sifat = django_filters.ChoiceFilter(label=_("Sifat"), choices=Sifat.choices)
    urgensi = django_filters.ChoiceFilter(label=_("Urgensi"), choices=Urgensi.choices)

    class Meta:
        model = NaskahMasukPage
        fields = ["q", "dari", "sampai", "status", "sifat", "urgensi"]

    def cari(self, queryset: Any, name: str, value: str) -> Any:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(perihal__icontains=value) | Q(nomor_surat__istartswith=value) | Q(pengirim__icontains=value)
        )

    @property
    def qs(self) -> Any:
        return super().qs.order_by("-tanggal_terima", "-pk")


class DisposisiFilter(django_filters.FilterSet):
    keadaan = django_filters.ChoiceFilter(
        label=_("Keadaan"),
        choices=[
            ("aktif", _("Aktif")),
            ("terlambat", _("Terlambat")),
            ("selesai", _("Selesai")),
            ("semua", _("Semua")),
        ],
        method="saring_keadaan",
        empty_label=None,
    )

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        # open dispositions by default: the list a holder works from every day
        data = data.copy() if data is not None else QueryDict(mutable=True)
        data.setdefault("keadaan", "aktif")
        super().__init__(data, *args, **kwargs)

    class Meta:
        model = Disposisi
        fields = ["keadaan"]

    def saring_keadaan(self, queryset: Any, name: str, value: str) -> Any:
        if value == "terlambat":
            return queryset.filter(status=StatusDisposisi.AKTIF, batas_waktu__lt=timezone.localdate())
        if value in (StatusDisposisi.AKTIF, StatusDisposisi.SELESAI):
            return queryset.filter(status=value)
        return queryset
