"""Shapes of the REST API (naskah.api): templates, jabatan, letters and their history.

Input serializers only check types and references; every rule about letters is
decided by naskah.layanan (called by the views), so the API and the admin agree."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import PageLogEntry

from organisasi.models import Jabatan, Unit
from templates_surat.models import JenisNaskah, TemplateSuratPage

from .models import NaskahKeluarPage, Sifat, Urgensi


def _polos(nilai: Any) -> Any:
    """StreamField values (StructValue, ListValue) as plain JSON data."""
    if isinstance(nilai, Mapping):
        return {str(k): _polos(v) for k, v in nilai.items()}
    if isinstance(nilai, Sequence) and not isinstance(nilai, str | bytes):
        return [_polos(v) for v in nilai]
    return nilai


class JenisNaskahSerializer(serializers.ModelSerializer):
    class Meta:
        model = JenisNaskah
        fields = ["id", "kode", "nama"]


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "kode", "nama"]


class JabatanSerializer(serializers.ModelSerializer):
    unit = UnitSerializer(read_only=True)

    class Meta:
        model = Jabatan
        fields = ["id", "nama", "unit", "dapat_menandatangani"]


class TemplateSuratSerializer(serializers.ModelSerializer):
    jenis = JenisNaskahSerializer(read_only=True)
    kolom = serializers.SerializerMethodField(help_text=_("Definisi kolom isian template."))

    class Meta:
        model = TemplateSuratPage
        fields = ["id", "slug", "title", "jenis", "ringkasan", "klasifikasi_bawaan", "kolom"]

    @extend_schema_field({"type": "array", "items": {"type": "object", "additionalProperties": True}})
    def get_kolom(self, obj: TemplateSuratPage) -> list[dict[str, Any]]:
        return _polos(obj.definisi_kolom)


def _jabatan_banyak(**kwargs: Any) -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Jabatan.objects.aktif(), many=True, required=False, default=list, **kwargs
    )


class NaskahBuatSerializer(serializers.Serializer):
    """Body of POST /naskah/: a new konsep from a live template."""

    template = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=TemplateSuratPage.objects.live(),
        error_messages={"does_not_exist": _("Template dengan slug “{value}” tidak ada atau belum terbit.")},
    )
    isian = serializers.DictField(
        required=False, help_text=_("Isian kolom template; bila dikirim, diperiksa terhadap definisi kolomnya.")
    )
    perihal = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    sifat = serializers.ChoiceField(choices=Sifat.choices, default=Sifat.BIASA)
    urgensi = serializers.ChoiceField(choices=Urgensi.choices, default=Urgensi.BIASA)
    klasifikasi = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    penerima = _jabatan_banyak(help_text=_("Id jabatan penerima internal."))
    penerima_luar = serializers.CharField(required=False, allow_blank=True, default="")
    tembusan = _jabatan_banyak(help_text=_("Id jabatan tembusan internal."))
    tembusan_luar = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, default=None, help_text=_("Kosongkan untuk bawaan template.")
    )
    pemaraf = _jabatan_banyak(help_text=_("Id jabatan pemaraf, berurutan."))
    penandatangan = serializers.PrimaryKeyRelatedField(
        queryset=Jabatan.objects.aktif(), required=False, allow_null=True, default=None
    )


class CatatanSerializer(serializers.Serializer):
    catatan = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class SetujuiSerializer(CatatanSerializer):
    sandi = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=1000,
        write_only=True,
        trim_whitespace=False,
        style={"input_type": "password"},
        help_text=_("Passphrase TTE penanda tangan; wajib saat menyetujui tugas tanda tangan. Tidak disimpan."),
    )


class SandiSerializer(serializers.Serializer):
    sandi = serializers.CharField(
        max_length=1000, write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )


class NaskahRingkasSerializer(serializers.ModelSerializer):
    """One row of an inbox."""

    unit = serializers.CharField(source="unit.nama", read_only=True)
    jenis = serializers.CharField(source="template.jenis.nama", read_only=True)
    penandatangan = serializers.CharField(source="penandatangan.nama", read_only=True, default=None)
    tugas_jabatan = serializers.CharField(source="tugas_jabatan.nama", read_only=True, default=None)
    diperbarui = serializers.DateTimeField(source="latest_revision_created_at", read_only=True)
    dibaca = serializers.SerializerMethodField()

    class Meta:
        model = NaskahKeluarPage
        fields = [
            "id",
            "nomor",
            "perihal",
            "sifat",
            "urgensi",
            "status",
            "tanggal_naskah",
            "unit",
            "jenis",
            "penandatangan",
            "tugas_jabatan",
            "diperbarui",
            "dibaca",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_dibaca(self, obj: NaskahKeluarPage) -> bool | None:
        """Only in the masuk box: whether I have opened the letter."""
        return getattr(obj, "dibaca", None)


class RiwayatSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user_display_name", read_only=True)
    message = serializers.CharField(read_only=True)
    comment = serializers.CharField(read_only=True)

    class Meta:
        model = PageLogEntry
        fields = ["timestamp", "user", "action", "message", "comment"]


class PemarafSerializer(serializers.Serializer):
    urutan = serializers.IntegerField()
    jabatan = JabatanSerializer()


class NaskahDetailSerializer(serializers.ModelSerializer):
    """One letter: `instance` is its content (the signed revision, else the latest konsep,
    tracking fields included); context["riwayat"] and context["aksi"] come from the view."""

    template = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit = UnitSerializer(read_only=True)
    penerima = JabatanSerializer(many=True, read_only=True)
    tembusan = JabatanSerializer(many=True, read_only=True)
    penandatangan = JabatanSerializer(read_only=True)
    tugas_jabatan = JabatanSerializer(read_only=True)
    pemaraf = serializers.SerializerMethodField()
    aksi = serializers.SerializerMethodField(help_text=_("Aksi yang dapat Anda lakukan sekarang."))
    riwayat = serializers.SerializerMethodField()
    url_verifikasi = serializers.SerializerMethodField(help_text=_("Halaman verifikasi publik (kode QR)."))

    class Meta:
        model = NaskahKeluarPage
        fields = [
            "id",
            "status",
            "nomor",
            "perihal",
            "sifat",
            "urgensi",
            "klasifikasi",
            "tanggal_naskah",
            "template",
            "unit",
            "isian",
            "penerima",
            "penerima_luar",
            "tembusan",
            "tembusan_luar",
            "pemaraf",
            "penandatangan",
            "tugas_jabatan",
            "terkirim_pada",
            "galat_tte",
            "url_verifikasi",
            "aksi",
            "riwayat",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_url_verifikasi(self, obj: NaskahKeluarPage) -> str | None:
        if not obj.kode_verifikasi:
            return None
        return f"{settings.LONTAR_URL_PUBLIK}/verifikasi/{obj.kode_verifikasi}/"

    @extend_schema_field(PemarafSerializer(many=True))
    def get_pemaraf(self, obj: NaskahKeluarPage) -> list[dict[str, Any]]:
        urut = sorted(obj.pemaraf.all(), key=lambda p: p.sort_order or 0)
        return [{"urutan": i + 1, "jabatan": JabatanSerializer(p.jabatan).data} for i, p in enumerate(urut)]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_aksi(self, obj: NaskahKeluarPage) -> list[str]:
        return list(self.context.get("aksi", []))

    @extend_schema_field(RiwayatSerializer(many=True))
    def get_riwayat(self, obj: NaskahKeluarPage) -> list[dict[str, Any]]:
        return RiwayatSerializer(self.context.get("riwayat", []), many=True).data
