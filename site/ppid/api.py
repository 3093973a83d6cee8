"""Wagtail API v2 endpoint of the published Daftar Informasi Publik, read-only, for the
v2 router (`router.register_endpoint("informasi-publik", InformasiPublikAPIViewSet)`).

Only published items; no personal data exists on them. An exempt item shows its
category and legal reason but never documents. Filters: `?kategori=berkala`,
`?unit=<id or kode>`, `?tahun=2025`, plus Wagtail's `fields`, `order`, `limit`, `offset`."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.utils import BadRequestError, get_full_url
from wagtail.api.v2.views import BaseAPIViewSet

from .models import InformasiPublik, KategoriInformasi


class UnitField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "unit")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, unit: Any) -> dict[str, Any]:
        return {"id": unit.pk, "kode": unit.kode, "nama": unit.nama}


class DokumenField(serializers.Field):
    """Download links of a non-exempt item (`dokumen_publik()` is empty when exempt)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, item: InformasiPublik) -> list[dict[str, Any]]:
        request = self.context["request"]
        return [{"judul": d.title, "url": get_full_url(request, d.url)} for d in item.dokumen_publik()]


class PengecualianField(serializers.Field):
    """The legal basis and consequence test — only for an exempt item (null otherwise)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, item: InformasiPublik) -> dict[str, str] | None:
        if not item.dikecualikan:
            return None
        return {
            "pasal": item.pasal_pengecualian,
            "pasal_label": str(item.get_pasal_pengecualian_display()),
            "alasan": item.alasan_pengecualian,
        }


class LabelField(serializers.Field):
    def __init__(self, metode: str, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.metode = metode

    def to_representation(self, item: InformasiPublik) -> str:
        return str(getattr(item, self.metode)())


class FilterDIP(BaseFilterBackend):
    def filter_queryset(self, request: Any, queryset: QuerySet[InformasiPublik], view: Any) -> Any:
        kategori = request.GET.get("kategori")
        if kategori:
            if kategori not in KategoriInformasi.values:
                raise BadRequestError(f"kategori harus salah satu dari: {', '.join(KategoriInformasi.values)}")
            queryset = queryset.filter(kategori=kategori)
        unit = (request.GET.get("unit") or "").strip()
        if unit:
            queryset = queryset.filter(Q(unit__pk=int(unit)) if unit.isdigit() else Q(unit__kode__iexact=unit))
        tahun = (request.GET.get("tahun") or "").strip()
        if tahun:
            if not tahun.isdigit():
                raise BadRequestError("tahun harus berupa angka, mis. 2025")
            queryset = queryset.filter(tahun=int(tahun))
        return queryset


class InformasiPublikAPIViewSet(BaseAPIViewSet):
    model = InformasiPublik
    name = "informasi_publik"
    # Anonymous and read-only: a session must not widen what is shown (the REST default
    # of /api/v1/ is IsAuthenticated).
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    base_serializer_class = BaseSerializer
    filter_backends = [FilterDIP, OrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["kategori", "unit", "tahun"])
    body_fields = [
        *BaseAPIViewSet.body_fields,
        "judul",
        "keterangan",
        "kategori",
        APIField("kategori_label", serializer=LabelField("get_kategori_display")),
        APIField("unit_penanggung_jawab", serializer=UnitField()),
        "tahun",
        "format",
        APIField("format_label", serializer=LabelField("get_format_display")),
        "jangka_waktu_penyimpanan",
        APIField("pengecualian", serializer=PengecualianField()),
        APIField("dokumen_unduhan", serializer=DokumenField()),
    ]
    listing_default_fields = [
        *BaseAPIViewSet.listing_default_fields,
        "judul",
        "kategori",
        "unit_penanggung_jawab",
        "tahun",
        "pengecualian",
        "dokumen_unduhan",
    ]

    def get_queryset(self) -> QuerySet[InformasiPublik]:
        return (
            InformasiPublik.objects.filter(terbit=True)
            .select_related("unit")
            .prefetch_related("dokumen__dokumen")
            .order_by("id")
        )
