"""REST API for incoming letters and dispositions (thin): every read goes through
naskah.selectors_masuk / naskah.akses (the access rule), every change through
naskah.layanan_masuk.

Same rules as naskah.api: token or session auth, JSON errors {"detail", "galat"}, and a
letter (or a disposition of a letter) the user may not read is a 404, exactly like one
that does not exist. A duplicate registration is a 409 that also lists the letters
already registered ("duplikat")."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet, prefetch_related_objects
from django.http import FileResponse, Http404
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import UnsupportedMediaType, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from . import akses, layanan_masuk, selectors, selectors_masuk
from .api import CONTOH_GALAT, GalatJsonMixin, penangan_galat
from .layanan import GalatNaskah
from .models import Disposisi, JejakNaskah, NaskahMasukPage, Sifat, StatusDisposisi, StatusMasuk
from .serializers_masuk import (
    STATUS_DISPOSISI,
    BatalkanSerializer,
    DisposisiBarisSerializer,
    DisposisiBuatSerializer,
    DisposisiDetailSerializer,
    DisposisiSerializer,
    DuplikatSerializer,
    LacakSerializer,
    NaskahMasukBuatSerializer,
    NaskahMasukDetailSerializer,
    NaskahMasukRingkasSerializer,
    SelesaiSerializer,
)

DISPOSISI_TERKAIT = ("dari_jabatan", "dari_user__pegawai", "kepada_jabatan", "kepada_user__pegawai")

GALAT_DUPLIKAT = OpenApiResponse(
    {
        "type": "object",
        "properties": {
            "detail": {"type": "string"},
            "galat": {"type": "object"},
            "duplikat": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "agenda": {"type": "string"},
                        "url": {"type": "string", "nullable": True},
                    },
                },
            },
        },
    },
    description=gettext_lazy(
        "Pengirim dan nomor surat ini sudah dicatat; kirim abaikan_duplikat=true untuk tetap mencatat."
    ),
)


def penangan_galat_masuk(exc: Exception, context: dict[str, Any]) -> Response | None:
    """naskah.api's handler, plus the already registered letters of a duplicate."""
    response = penangan_galat(exc, context)
    duplikat = getattr(exc, "duplikat", None)
    if response is not None and isinstance(exc, GalatNaskah) and duplikat:
        request = context["request"]
        baris = []
        for naskah in duplikat:
            url = None
            if akses.dapat_melihat(request.user, naskah):
                url = request.build_absolute_uri(reverse("api:naskah-masuk-detail", args=[naskah.pk]))
            baris.append({"id": naskah.pk, "agenda": naskah.agenda, "url": url})
        response.data["duplikat"] = DuplikatSerializer(baris, many=True).data
    return response


class GalatMasukMixin(GalatJsonMixin):
    def get_exception_handler(self) -> Any:
        return penangan_galat_masuk


class NaskahMasukFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Cari perihal/nomor surat"), method="cari")
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=StatusMasuk.choices)
    sifat = django_filters.ChoiceFilter(label=gettext_lazy("Sifat"), choices=Sifat.choices)
    unit = django_filters.NumberFilter(
        label=gettext_lazy("Id unit penerima (perangkat daerah atau unit jabatan tujuan)"), method="saring_unit"
    )
    dari = django_filters.DateFilter(
        label=gettext_lazy("Diterima sejak tanggal"), field_name="tanggal_terima", lookup_expr="gte"
    )
    sampai = django_filters.DateFilter(
        label=gettext_lazy("Diterima sampai tanggal"), field_name="tanggal_terima", lookup_expr="lte"
    )

    class Meta:
        model = NaskahMasukPage
        fields = ["q", "status", "sifat", "unit", "dari", "sampai"]

    def cari(self, queryset: Any, name: str, value: str) -> Any:
        # Only among the rows the reader may read (the queryset is already filtered).
        value = value.strip()
        return queryset.filter(Q(perihal__icontains=value) | Q(nomor_surat__icontains=value)) if value else queryset

    def saring_unit(self, queryset: Any, name: str, value: Any) -> Any:
        return queryset.filter(Q(unit_id=value) | Q(tujuan__unit_id=value)) if value is not None else queryset


class NaskahMasukViewSet(GalatMasukMixin, viewsets.GenericViewSet):
    """Incoming letters: register (with scan), list, detail, scan, dispose, track."""

    serializer_class = NaskahMasukDetailSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NaskahMasukFilter
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[NaskahMasukPage]:
        return selectors_masuk.naskah_masuk(self.request.user).order_by("-pk")

    def get_object(self) -> NaskahMasukPage:
        naskah = selectors_masuk.naskah_masuk_terbaca(self.request.user, int(self.kwargs["pk"]))
        if naskah is None:
            raise Http404(_("Naskah tidak ditemukan."))
        return naskah

    def get_serializer_class(self) -> Any:
        khusus = {
            "list": NaskahMasukRingkasSerializer,
            "create": NaskahMasukBuatSerializer,
            "disposisi": DisposisiBuatSerializer,
            "lacak": LacakSerializer,
        }
        return khusus.get(self.action, NaskahMasukDetailSerializer)

    def get_parsers(self) -> list[Any]:
        # A scan is always uploaded. (For the schema: DRF picks parsers before it knows the
        # action, so create() checks the media type itself.)
        if getattr(self, "action", None) == "create":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # The scan is a file whatever the client accepts; its errors stay JSON.
        if self.action == "scan":
            renderer = self.get_renderers()[0]
            return renderer, renderer.media_type
        return super().perform_content_negotiation(request, force)

    def _detail(self, naskah: NaskahMasukPage, status_http: int = status.HTTP_200_OK) -> Response:
        user = self.request.user
        konteks = {
            **self.get_serializer_context(),
            "disposisi": naskah.disposisi.select_related(*DISPOSISI_TERKAIT).order_by("dibuat_pada", "pk"),
            "aksi": [nama for nama, _label, _modal in layanan_masuk.aksi_alur(naskah, user)],
        }
        return Response(NaskahMasukDetailSerializer(naskah, context=konteks).data, status=status_http)

    @extend_schema(responses={200: NaskahMasukRingkasSerializer(many=True), 400: CONTOH_GALAT})
    def list(self, request: Request) -> Response:
        qs = self.filter_queryset(self.get_queryset())
        halaman = self.paginate_queryset(qs)
        if halaman is not None:
            return self.get_paginated_response(NaskahMasukRingkasSerializer(halaman, many=True).data)
        return Response(NaskahMasukRingkasSerializer(qs, many=True).data)

    @extend_schema(
        request={"multipart/form-data": NaskahMasukBuatSerializer},
        responses={201: NaskahMasukDetailSerializer, 400: CONTOH_GALAT, 403: CONTOH_GALAT, 409: GALAT_DUPLIKAT},
    )
    def create(self, request: Request) -> Response:
        """Register an external letter from its scan: agenda number, then the Disposisi workflow
        starts with the addressee. A sender + number already registered is refused (409) unless
        `abaikan_duplikat` is true."""
        if not (request.content_type or "").startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            raise UnsupportedMediaType(request.content_type)
        masukan = NaskahMasukBuatSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        naskah = layanan_masuk.daftarkan(request.user, **masukan.validated_data)
        terbaca = selectors_masuk.naskah_masuk_terbaca(request.user, naskah.pk) or naskah
        return self._detail(terbaca, status.HTTP_201_CREATED)

    @extend_schema(responses={200: NaskahMasukDetailSerializer, 404: CONTOH_GALAT})
    def retrieve(self, request: Request, pk: str) -> Response:
        """One letter. Opening it marks your dispositions on it as read (they can no longer be
        cancelled); reading a secret letter is logged."""
        naskah = self.get_object()
        akses.catat_akses(request.user, naskah, "api-masuk", request)
        layanan_masuk.tandai_dibaca(naskah, request.user)
        return self._detail(naskah)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, 404: CONTOH_GALAT})
    @action(detail=True, methods=["get"])
    def scan(self, request: Request, pk: str) -> HttpResponseBase:
        """The letter's scan, through the access check (secret letters: every download is logged)."""
        naskah = self.get_object()
        if not naskah.scan:
            raise Http404(_("Naskah ini tidak memiliki pindaian."))
        akses.catat_akses(request.user, naskah, "api-masuk-scan", request)
        layanan_masuk.tandai_dibaca(naskah, request.user)
        nama = (naskah.scan.name or "").rsplit("/", 1)[-1]
        return FileResponse(naskah.scan.open("rb"), as_attachment=True, filename=nama)

    @extend_schema(
        request=DisposisiBuatSerializer,
        responses={201: DisposisiSerializer(many=True), 400: CONTOH_GALAT, 403: CONTOH_GALAT, 409: CONTOH_GALAT},
    )
    @action(detail=True, methods=["post"])
    def disposisi(self, request: Request, pk: str) -> Response:
        """The addressee disposes the letter to one or more jabatan/people in their unit tree."""
        naskah = self.get_object()
        masukan = DisposisiBuatSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        baru = layanan_masuk.disposisikan(naskah, request.user, **masukan.validated_data)
        return Response(DisposisiSerializer(baru, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: LacakSerializer, 404: CONTOH_GALAT})
    @action(detail=True, methods=["get"])
    def lacak(self, request: Request, pk: str) -> Response:
        """Tracking: the disposition tree (forwards nested) and the letter's history, oldest first."""
        naskah = self.get_object()
        akses.catat_akses(request.user, naskah, "api-masuk-lacak", request)
        akar = selectors_masuk.pohon(naskah)
        anak: dict[int, list[Disposisi]] = {}
        semua: list[Disposisi] = []
        tumpukan = list(akar)
        while tumpukan:
            simpul = tumpukan.pop()
            semua.append(simpul["d"])
            anak[simpul["d"].pk] = [s["d"] for s in simpul["anak"]]
            tumpukan.extend(simpul["anak"])
        prefetch_related_objects(semua, "dari_user__pegawai")
        riwayat = (
            JejakNaskah.objects.filter(naskah_id=naskah.pk)
            .select_related("user__pegawai", "jabatan")
            .order_by("waktu", "pk")
        )
        data = {"naskah": naskah, "pohon": [s["d"] for s in akar], "riwayat": riwayat}
        return Response(LacakSerializer(data, context={**self.get_serializer_context(), "anak": anak}).data)


def _aksi_disposisi(d: Disposisi, user: Any) -> list[str]:
    """What `user` may do with this disposition now (the services decide again on each call)."""
    if d.status != StatusDisposisi.AKTIF:
        return []
    aksi = []
    if layanan_masuk.memegang(user, d):
        if d.dibaca_pada is None:
            aksi.append("baca")
        aksi += ["teruskan", "selesai"]
    if d.dibaca_pada is None and (d.dari_user_id == user.pk or d.dari_jabatan_id in akses.jabatan_ids(user)):
        aksi.append("batalkan")
    return aksi


class DisposisiViewSet(GalatMasukMixin, viewsets.GenericViewSet):
    """Dispositions: mine (list), one (any of a letter I may read), forward, finish, cancel, mark read."""

    serializer_class = DisposisiDetailSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self) -> QuerySet[Disposisi]:
        qs = selectors_masuk.disposisi_untuk(self.request.user).select_related("dari_user__pegawai")
        pilihan = self.request.query_params.get("status") or ""
        if pilihan and pilihan not in STATUS_DISPOSISI:
            raise ValidationError({"status": [_("Pilih salah satu: aktif, selesai, terlambat.")]})
        if pilihan == "terlambat":
            return qs.filter(status=StatusDisposisi.AKTIF, batas_waktu__lt=timezone.localdate())
        return qs.filter(status=pilihan) if pilihan else qs

    def get_object(self) -> Disposisi:
        qs = akses.saring(Disposisi.objects.all(), self.request.user, kolom="naskah_id")
        d = qs.filter(pk=int(self.kwargs["pk"])).select_related("naskah", *DISPOSISI_TERKAIT).first()
        if d is None:
            raise Http404(_("Disposisi tidak ditemukan."))
        return d

    def get_serializer_class(self) -> Any:
        khusus = {
            "list": DisposisiBarisSerializer,
            "teruskan": DisposisiBuatSerializer,
            "selesai": SelesaiSerializer,
            "batalkan": BatalkanSerializer,
        }
        return khusus.get(self.action, DisposisiDetailSerializer)

    def _detail(self, d: Disposisi, status_http: int = status.HTTP_200_OK) -> Response:
        konteks = {**self.get_serializer_context(), "aksi": {d.pk: _aksi_disposisi(d, self.request.user)}}
        return Response(DisposisiDetailSerializer(d, context=konteks).data, status=status_http)

    def _segar(self) -> Response:
        return self._detail(self.get_object())

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "status",
                str,
                enum=STATUS_DISPOSISI,
                required=False,
                description=gettext_lazy("aktif, selesai, atau terlambat (aktif dan batas waktunya sudah lewat)."),
            )
        ],
        responses={200: DisposisiBarisSerializer(many=True), 400: CONTOH_GALAT},
    )
    def list(self, request: Request) -> Response:
        """Dispositions given to one of my jabatan (Plh/Plt included) or to me; cancelled ones left out."""
        qs = self.get_queryset()
        halaman = self.paginate_queryset(qs)
        if halaman is not None:
            return self.get_paginated_response(DisposisiBarisSerializer(halaman, many=True).data)
        return Response(DisposisiBarisSerializer(qs, many=True).data)

    @extend_schema(responses={200: DisposisiDetailSerializer, 404: CONTOH_GALAT})
    def retrieve(self, request: Request, pk: str) -> Response:
        return self._detail(self.get_object())

    @extend_schema(
        request=DisposisiBuatSerializer,
        responses={201: DisposisiSerializer(many=True), 400: CONTOH_GALAT, 403: CONTOH_GALAT, 409: CONTOH_GALAT},
    )
    @action(detail=True, methods=["post"])
    def teruskan(self, request: Request, pk: str) -> Response:
        """Forward my disposition to jabatan/people below me (deadline not after mine)."""
        d = self.get_object()
        masukan = DisposisiBuatSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        baru = layanan_masuk.teruskan(d, request.user, **masukan.validated_data)
        return Response(DisposisiSerializer(baru, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request={"application/json": SelesaiSerializer, "multipart/form-data": SelesaiSerializer},
        responses={200: DisposisiDetailSerializer, 400: CONTOH_GALAT, 403: CONTOH_GALAT, 409: CONTOH_GALAT},
    )
    @action(detail=True, methods=["post"], parser_classes=[JSONParser, MultiPartParser, FormParser])
    def selesai(self, request: Request, pk: str) -> Response:
        """Report the follow-up (tindak lanjut, optional attachment and reply letter) and finish
        my disposition; the letter is finished when every branch is."""
        d = self.get_object()
        masukan = SelesaiSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        data = dict(masukan.validated_data)
        balasan = None
        if data.get("balasan") is not None:
            balasan = selectors.naskah_terbaca(request.user, data["balasan"])
            if balasan is None:  # absent or unreadable: the same answer
                raise GalatNaskah(_("Naskah balasan tidak ditemukan."), {"balasan": [_("Naskah tidak ditemukan.")]})
        layanan_masuk.selesaikan(
            d, request.user, tindak_lanjut=data["tindak_lanjut"], lampiran=data.get("lampiran"), balasan=balasan
        )
        return self._segar()

    @extend_schema(
        request=BatalkanSerializer,
        responses={200: DisposisiDetailSerializer, 403: CONTOH_GALAT, 409: CONTOH_GALAT},
    )
    @action(detail=True, methods=["post"])
    def batalkan(self, request: Request, pk: str) -> Response:
        """Withdraw a disposition I gave that its recipient has not opened yet."""
        d = self.get_object()
        masukan = BatalkanSerializer(data=request.data)
        masukan.is_valid(raise_exception=True)
        layanan_masuk.batalkan(d, request.user, masukan.validated_data["alasan"])
        return self._segar()

    @extend_schema(request=None, responses={200: DisposisiDetailSerializer, 403: CONTOH_GALAT})
    @action(detail=True, methods=["post"])
    def baca(self, request: Request, pk: str) -> Response:
        """Mark the disposition read (with my other unread ones on the same letter); it can then
        no longer be cancelled."""
        d = self.get_object()
        if not layanan_masuk.memegang(request.user, d):
            raise GalatNaskah(_("Disposisi ini bukan untuk Anda."), status=403)
        layanan_masuk.tandai_dibaca(d.naskah, request.user)
        return self._segar()
