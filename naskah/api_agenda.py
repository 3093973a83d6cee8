"""REST API: the agenda harian of a Perangkat Daerah (thin; rows from naskah.agenda).

GET /api/v1/agenda/?unit=<id>&tanggal=YYYY-MM-DD (or dari=…&sampai=…, jenis=masuk|keluar|semua)

An OPD the user holds no jabatan in is a 404, exactly like one that does not exist.
Not paginated: one response is one register, at most BATAS_HARI days long."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .agenda import JENIS_SEMUA, PILIHAN_JENIS, saringan_agenda
from .api import CONTOH_GALAT, GalatJsonMixin


class UnitAgendaSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    nama = serializers.CharField()
    kode = serializers.CharField()


class BarisMasukSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    nomor_agenda = serializers.CharField()
    tanggal_terima = serializers.DateField()
    pengirim = serializers.CharField()
    nomor_surat = serializers.CharField()
    tanggal_surat = serializers.DateField()
    hal = serializers.CharField(help_text=_("Judul netral untuk naskah Rahasia/Sangat Rahasia."))
    ditujukan_kepada = serializers.CharField()
    sifat = serializers.CharField()
    status = serializers.CharField()


class BarisKeluarSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    nomor = serializers.CharField()
    tanggal = serializers.DateField()
    hal = serializers.CharField(help_text=_("Judul netral untuk naskah Rahasia/Sangat Rahasia."))
    sifat = serializers.CharField()
    tujuan_internal = serializers.ListField(child=serializers.CharField())
    tujuan_luar = serializers.ListField(child=serializers.CharField())


class AgendaSerializer(serializers.Serializer):
    unit = UnitAgendaSerializer()
    dari = serializers.DateField()
    sampai = serializers.DateField()
    jenis = serializers.CharField()
    masuk = BarisMasukSerializer(many=True, required=False)
    keluar = BarisKeluarSerializer(many=True, required=False)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not instance.dengan_masuk:
            data.pop("masuk", None)
        if not instance.dengan_keluar:
            data.pop("keluar", None)
        return data


class AgendaView(GalatJsonMixin, APIView):
    """The register of incoming and sent letters of one OPD for a day or a date range."""

    @extend_schema(
        operation_id="agenda_harian",
        parameters=[
            OpenApiParameter("unit", int, description=_("Id perangkat daerah; bawaan: perangkat daerah Anda.")),
            OpenApiParameter("tanggal", OpenApiTypes.DATE, description=_("Satu hari (bawaan: hari ini).")),
            OpenApiParameter("dari", OpenApiTypes.DATE, description=_("Awal rentang tanggal.")),
            OpenApiParameter("sampai", OpenApiTypes.DATE, description=_("Akhir rentang tanggal.")),
            OpenApiParameter("jenis", str, enum=[k for k, _l in PILIHAN_JENIS], default=JENIS_SEMUA),
        ],
        responses={200: AgendaSerializer, 400: CONTOH_GALAT, 404: CONTOH_GALAT},
    )
    def get(self, request: Request) -> Response:
        saringan = saringan_agenda(request.query_params, request)
        if saringan.unit_asing:
            raise NotFound(_("Agenda unit ini tidak ditemukan."))
        if not saringan.filter.is_valid():
            if not saringan.filter.data.get("unit"):
                raise NotFound(_("Anda tidak memegang jabatan di perangkat daerah mana pun."))
            raise ValidationError(saringan.filter.errors)
        agenda = saringan.agenda(request.user)
        return Response(AgendaSerializer(agenda).data)
