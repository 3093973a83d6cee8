"""REST API: one search over letters, templates and public pages (thin; the answer and
who may find what come from search.layanan.cari).

GET /api/v1/cari/?q=…&jenis=…&unit=…&page=…&page_size=…

Only what the caller may read is counted or returned. A filter value that cannot be
understood is a 400 {"detail": message}; unknown query parameters are ignored."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from naskah.api import CONTOH_GALAT, GalatJsonMixin

from . import layanan
from .mesin.dasar import PER_HALAMAN
from .serializers import HasilCariSerializer

# Query parameter → facade filter.
SARINGAN = {
    "jenis": "jenis",
    "unit": "unit",
    "sifat": "sifat",
    "status": "status",
    "arah": "arah",
    "klasifikasi": "klasifikasi",
    "pengirim": "pengirim",
    "penerima": "penerima",
    "nomor": "nomor",
    "dari": "dari",
    "sampai": "sampai",
    "tahun": "tahun",
    "koleksi": "koleksi",
    "urut": "urut",
    "page": "halaman",
    "page_size": "per_halaman",
}

PARAMETER = [
    OpenApiParameter(
        "q", str, description=_("Kata yang dicari (semua kata harus cocok); nomor naskah dicari dari awalannya.")
    ),
    OpenApiParameter("koleksi", str, enum=["naskah", "template", "publik"], description=_("Batasi ke satu koleksi.")),
    OpenApiParameter("jenis", str, description=_("Jenis naskah (nama, mis. Surat Dinas atau Naskah masuk).")),
    OpenApiParameter("unit", int, description=_("Id perangkat daerah.")),
    OpenApiParameter("sifat", str, enum=["B", "T", "R", "SR"], description=_("Sifat naskah.")),
    OpenApiParameter("status", str, description=_("Status naskah (mis. konsep, terkirim, baru, selesai).")),
    OpenApiParameter("arah", str, enum=["masuk", "keluar"], description=_("Naskah masuk atau keluar.")),
    OpenApiParameter("klasifikasi", str, description=_("Kode klasifikasi arsip (awalan).")),
    OpenApiParameter("pengirim", str, description=_("Pengirim memuat teks ini.")),
    OpenApiParameter("penerima", str, description=_("Penerima memuat teks ini.")),
    OpenApiParameter("nomor", str, description=_("Nomor naskah.")),
    OpenApiParameter("dari", OpenApiTypes.DATE, description=_("Tanggal naskah sejak (TTTT-BB-HH).")),
    OpenApiParameter("sampai", OpenApiTypes.DATE, description=_("Tanggal naskah sampai (TTTT-BB-HH).")),
    OpenApiParameter("tahun", int, description=_("Tahun naskah.")),
    OpenApiParameter("urut", str, enum=["relevansi", "tanggal"], default="relevansi", description=_("Urutan hasil.")),
    OpenApiParameter("page", int, default=1, description=_("Halaman hasil (1–500).")),
    OpenApiParameter("page_size", int, default=PER_HALAMAN, description=_("Hasil per halaman (1–100).")),
]


class CariView(GalatJsonMixin, APIView):
    """Search letters, templates and public pages the caller may read, with snippets and facets."""

    @extend_schema(
        operation_id="cari",
        parameters=PARAMETER,
        responses={200: HasilCariSerializer, 400: CONTOH_GALAT},
    )
    def get(self, request: Request) -> Response:
        parameter = request.query_params
        saringan: dict[str, Any] = {tujuan: parameter[nama] for nama, tujuan in SARINGAN.items() if nama in parameter}
        try:
            hasil = layanan.cari(request.user, parameter.get("q", ""), **saringan)
        except layanan.GalatPermintaan as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(HasilCariSerializer(hasil).data)
