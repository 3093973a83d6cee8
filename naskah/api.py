"""REST API for outgoing letters (thin): every read goes through naskah.selectors (the
access rule), every change through naskah.layanan.

A letter the user may not read is a 404, exactly like one that does not exist.
Errors are JSON: {"detail": message, "galat": {field: [messages]}} (galat when known)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler
from wagtail.models import PageLogEntry

from organisasi.models import Jabatan
from templates_surat.engine import GalatTemplate
from templates_surat.isian import GalatIsian
from templates_surat.models import TemplateSuratPage
from templates_surat.render import GalatRender

from . import akses, layanan, selectors
from .dokumen import konten, respons_unduhan
from .filters import NaskahFilter
from .models import NaskahKeluarPage
from .serializers import (
    CatatanSerializer,
    JabatanSerializer,
    NaskahBuatSerializer,
    NaskahDetailSerializer,
    NaskahRingkasSerializer,
    SandiSerializer,
    SetujuiSerializer,
    TemplateSuratSerializer,
)

KOTAK = {"masuk": selectors.kotak_masuk, "keluar": selectors.kotak_keluar, "tindakan": selectors.perlu_tindakan}
FORMAT_UNDUH = ("pdf", "docx")


def penangan_galat(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus GalatNaskah with its own status, and always a "detail" message."""
    if isinstance(exc, layanan.GalatNaskah):
        data: dict[str, Any] = {"detail": exc.pesan}
        if exc.galat:
            data["galat"] = exc.galat
        return Response(data, status=exc.status)
    response = exception_handler(exc, context)
    if response is not None and not (isinstance(response.data, dict) and "detail" in response.data):
        response.data = {"detail": _("Data yang dikirim tidak valid."), "galat": response.data}
    return response


class GalatJsonMixin:
    def get_exception_handler(self) -> Any:
        return penangan_galat


class TemplateSuratViewSet(GalatJsonMixin, viewsets.ReadOnlyModelViewSet):
    """Live letter templates with the fields their isian needs."""

    serializer_class = TemplateSuratSerializer
    lookup_field = "slug"
    queryset = TemplateSuratPage.objects.live().select_related("jenis").order_by("jenis__urutan", "title")


@extend_schema(parameters=[OpenApiParameter("q", str, description="Cari nama jabatan (memuat teks).")])
class JabatanViewSet(GalatJsonMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Active jabatan, to choose recipients, tembusan, pemaraf and penandatangan."""

    serializer_class = JabatanSerializer

    def get_queryset(self) -> QuerySet[Jabatan]:
        qs = Jabatan.objects.aktif().select_related("unit")
        q = self.request.query_params.get("q", "").strip()
        return qs.filter(nama__icontains=q) if q else qs


CONTOH_GALAT = OpenApiResponse(
    {"type": "object", "properties": {"detail": {"type": "string"}, "galat": {"type": "object"}}},
    description=_("Pesan galat dan, bila ada, galat per kolom."),
)


class NaskahViewSet(GalatJsonMixin, viewsets.GenericViewSet):
    """Outgoing letters: inboxes, detail, create, submit, approve, return, download."""

    serializer_class = NaskahDetailSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NaskahFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[NaskahKeluarPage]:
        kotak = self.request.query_params.get("kotak") or "keluar"
        if kotak not in KOTAK:
            raise ValidationError({"kotak": [_("Pilih salah satu: masuk, keluar, tindakan.")]})
        return KOTAK[kotak](self.request.user)

    def get_object(self) -> NaskahKeluarPage:
        naskah = selectors.naskah_terbaca(self.request.user, int(self.kwargs["pk"]))
        if naskah is None:
            raise Http404(_("Naskah tidak ditemukan."))
        return naskah

    def get_serializer_class(self) -> Any:
        khusus = {"list": NaskahRingkasSerializer, "create": NaskahBuatSerializer}
        return khusus.get(self.action, NaskahDetailSerializer)

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # ?format= names the file to download, not DRF's renderer: errors stay JSON.
        if self.action == "unduh":
            renderer = self.get_renderers()[0]
            return renderer, renderer.media_type
        return super().perform_content_negotiation(request, force)

    def _detail(self, naskah: NaskahKeluarPage, status_http: int = status.HTTP_200_OK) -> Response:
        riwayat = PageLogEntry.objects.filter(page_id=naskah.pk).select_related("user").order_by("timestamp", "pk")
        konteks = {
            **self.get_serializer_context(),
            "riwayat": riwayat,
            "aksi": sorted(layanan.aksi_tersedia(naskah, self.request.user)),
        }
        return Response(NaskahDetailSerializer(konten(naskah), context=konteks).data, status=status_http)

    @extend_schema(
        parameters=[
            OpenApiParameter("kotak", str, enum=[*KOTAK], default="keluar", description=_("Kotak naskah.")),
        ],
        responses={200: NaskahRingkasSerializer(many=True), 400: CONTOH_GALAT},
    )
    def list(self, request: Request) -> Response:
        qs = self.filter_queryset(self.get_queryset())
        halaman = self.paginate_queryset(qs)
        if halaman is not None:
            return self.get_paginated_response(NaskahRingkasSerializer(halaman, many=True).data)
        return Response(NaskahRingkasSerializer(qs, many=True).data)

    @extend_schema(request=NaskahBuatSerializer, responses={201: NaskahDetailSerializer, 400: CONTOH_GALAT})
    def create(self, request: Request) -> Response:
        masukan = NaskahBuatSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        data = dict(masukan.validated_data)
        template = data.pop("template")
        naskah = layanan.buat_konsep(request.user, template, **data)
        return self._detail(selectors.naskah_terbaca(request.user, naskah.pk) or naskah, status.HTTP_201_CREATED)

    @extend_schema(responses={200: NaskahDetailSerializer, 404: CONTOH_GALAT})
    def retrieve(self, request: Request, pk: str) -> Response:
        naskah = self.get_object()
        akses.catat_akses(request.user, naskah, "api", request)
        layanan.tandai_dibaca(naskah, request.user)
        return self._detail(naskah)

    @extend_schema(request=None, responses={200: NaskahDetailSerializer, 400: CONTOH_GALAT, 403: CONTOH_GALAT})
    @action(detail=True, methods=["post"])
    def ajukan(self, request: Request, pk: str) -> Response:
        """Submit the konsep (or resubmit it after a return) for approval."""
        return self._detail(layanan.ajukan(self.get_object(), request.user))

    @extend_schema(
        request=SetujuiSerializer, responses={200: NaskahDetailSerializer, 403: CONTOH_GALAT, 429: CONTOH_GALAT}
    )
    @action(detail=True, methods=["post"])
    def setujui(self, request: Request, pk: str) -> Response:
        """Approve the task you hold (paraf, or tanda tangan: the letter is then numbered and
        signed; give `sandi`, your TTE passphrase, when the signer needs one)."""
        masukan = SetujuiSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        data = masukan.validated_data
        naskah = layanan.setujui(
            self.get_object(), request.user, data["catatan"], sandi=data["sandi"], ip=request.META.get("REMOTE_ADDR")
        )
        return self._detail(naskah)

    @extend_schema(
        request=SandiSerializer,
        responses={200: NaskahDetailSerializer, 403: CONTOH_GALAT, 409: CONTOH_GALAT, 429: CONTOH_GALAT},
    )
    @action(detail=True, methods=["post"], url_path="sandi-tte")
    def sandi_tte(self, request: Request, pk: str) -> Response:
        """Antrian TTE: give the passphrase again for a letter waiting for its signature."""
        from .tte.layanan import masukkan_sandi_ulang

        masukan = SandiSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        naskah = self.get_object()
        masukkan_sandi_ulang(naskah, request.user, masukan.validated_data["sandi"], ip=request.META.get("REMOTE_ADDR"))
        return self._detail(layanan._segarkan(naskah))

    @extend_schema(request=CatatanSerializer, responses={200: NaskahDetailSerializer, 400: CONTOH_GALAT})
    @action(detail=True, methods=["post"])
    def kembalikan(self, request: Request, pk: str) -> Response:
        """Return the letter to its drafter; `catatan` is required."""
        return self._detail(layanan.kembalikan(self.get_object(), request.user, self._catatan(request)))

    def _catatan(self, request: Request) -> str:
        masukan = CatatanSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        return masukan.validated_data["catatan"]

    @extend_schema(
        parameters=[OpenApiParameter("format", str, enum=[*FORMAT_UNDUH], default="pdf")],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, 404: CONTOH_GALAT, 409: CONTOH_GALAT},
    )
    @action(detail=True, methods=["get"])
    def unduh(self, request: Request, pk: str) -> HttpResponseBase:
        """The signed PDF when there is one, else the letter rendered now (konsep watermark until signed)."""
        format = request.query_params.get("format") or "pdf"
        if format not in FORMAT_UNDUH:
            raise ValidationError({"format": [_("Pilih salah satu: pdf, docx.")]})
        naskah = self.get_object()
        akses.catat_akses(request.user, naskah, f"api-unduh-{format}", request)
        try:
            return respons_unduhan(naskah, format)
        except (GalatIsian, GalatTemplate, GalatRender) as exc:
            pesan = _("Naskah tidak dapat dibuat: %(galat)s") % {"galat": exc}
            return Response({"detail": pesan}, status=status.HTTP_409_CONFLICT)
