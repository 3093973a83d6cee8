"""Shapes of the REST API for incoming letters and dispositions (naskah.api_masuk).

Input serializers only check types and references; every rule (who may register,
dispose, forward, finish or cancel; valid recipients and dates; scan content) is
decided by naskah.layanan_masuk, so the API and the admin agree."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from organisasi.models import Jabatan

from .models import (
    Disposisi,
    Instruksi,
    JejakNaskah,
    NaskahMasukPage,
    Sifat,
    StatusDisposisi,
    StatusMasuk,
    Urgensi,
)
from .serializers import JabatanSerializer, UnitSerializer


def _status(choices: Any) -> serializers.ChoiceField:
    """A read-only status field whose enum stays inline in the schema: outgoing letters,
    incoming letters and dispositions each have their own `status` choice set, and a shared
    enum component per field name would need ENUM_NAME_OVERRIDES in the settings."""
    skema = {"allOf": [{"type": "string", "enum": list(choices.values)}], "readOnly": True}
    # A subclass, not the instance: serializers deep-copy their declared fields.
    kelas = extend_schema_field(skema)(type(f"{choices.__name__}Field", (serializers.ChoiceField,), {}))
    return kelas(choices=choices.choices, read_only=True)


def nama_user(user: Any) -> str | None:
    """The employee's full name (with titles) when there is one, else the account's name."""
    if user is None:
        return None
    pegawai = getattr(user, "pegawai", None)
    if pegawai is not None:
        return str(pegawai.nama)
    return str(user.get_full_name() or user.get_username())


# --- input -------------------------------------------------------------------------------


class NaskahMasukBuatSerializer(serializers.Serializer):
    """Body of POST /naskah-masuk/ (multipart): an external letter and its scan."""

    tujuan = serializers.PrimaryKeyRelatedField(
        queryset=Jabatan.objects.select_related("unit"), help_text=_("Id jabatan yang dituju (yang mendisposisikan).")
    )
    nomor_surat = serializers.CharField(max_length=200)
    tanggal_surat = serializers.DateField()
    pengirim = serializers.CharField(max_length=255, help_text=_("Instansi/jabatan pengirim."))
    perihal = serializers.CharField(max_length=255)
    sifat = serializers.ChoiceField(choices=Sifat.choices, default=Sifat.BIASA)
    urgensi = serializers.ChoiceField(choices=Urgensi.choices, default=Urgensi.BIASA)
    klasifikasi = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    ringkasan = serializers.CharField(required=False, allow_blank=True, default="")
    scan = serializers.FileField(help_text=_("Pindaian surat: PDF, JPG atau PNG; paling besar 20 MB."))
    tanggal_terima = serializers.DateField(
        required=False, allow_null=True, default=None, help_text=_("Kosongkan untuk hari ini.")
    )
    abaikan_duplikat = serializers.BooleanField(
        required=False, default=False, help_text=_("Tetap catat walaupun pengirim dan nomor ini sudah dicatat.")
    )


class DisposisiBuatSerializer(serializers.Serializer):
    """Body of a disposition or a forward: one or more recipients, instructions, deadline."""

    kepada_jabatan = serializers.PrimaryKeyRelatedField(
        queryset=Jabatan.objects.select_related("unit"),
        many=True,
        required=False,
        default=list,
        help_text=_("Id jabatan penerima."),
    )
    kepada_user = serializers.PrimaryKeyRelatedField(
        queryset=get_user_model().objects.filter(is_active=True),
        many=True,
        required=False,
        default=list,
        help_text=_("Id pengguna (pegawai) penerima."),
    )
    instruksi = serializers.ListField(
        child=serializers.ChoiceField(choices=Instruksi.choices), required=False, default=list
    )
    catatan = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    batas_waktu = serializers.DateField(required=False, allow_null=True, default=None)


class SelesaiSerializer(serializers.Serializer):
    """Body of /disposisi/{id}/selesai/ (JSON, or multipart with a lampiran)."""

    tindak_lanjut = serializers.CharField(max_length=10000, help_text=_("Laporan tindak lanjut."))
    lampiran = serializers.FileField(
        required=False, allow_null=True, default=None, help_text=_("PDF, DOCX, XLSX, ODT, ODS, JPG atau PNG.")
    )
    balasan = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text=_("Id naskah keluar balasan (yang dapat Anda baca).")
    )


class BatalkanSerializer(serializers.Serializer):
    alasan = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)


# --- output ------------------------------------------------------------------------------


class JabatanRingkasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Jabatan
        fields = ["id", "nama"]


class NaskahMasukRingkasSerializer(serializers.ModelSerializer):
    """One row of the incoming letters list."""

    agenda = serializers.CharField(read_only=True)
    status = _status(StatusMasuk)
    unit = serializers.CharField(source="unit.nama", read_only=True)
    tujuan = JabatanRingkasSerializer(read_only=True)
    internal = serializers.SerializerMethodField()
    disposisi_aktif = serializers.SerializerMethodField(help_text=_("Jumlah disposisi yang masih berjalan."))

    class Meta:
        model = NaskahMasukPage
        fields = [
            "id",
            "agenda",
            "nomor_surat",
            "tanggal_surat",
            "pengirim",
            "perihal",
            "sifat",
            "urgensi",
            "klasifikasi",
            "status",
            "tanggal_terima",
            "unit",
            "tujuan",
            "internal",
            "disposisi_aktif",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_internal(self, obj: NaskahMasukPage) -> bool:
        return obj.asal_id is not None

    @extend_schema_field(OpenApiTypes.INT)
    def get_disposisi_aktif(self, obj: NaskahMasukPage) -> int | None:
        return getattr(obj, "disposisi_aktif", None)


class NaskahSingkatSerializer(serializers.ModelSerializer):
    """The letter a disposition belongs to, in a disposition row."""

    agenda = serializers.CharField(read_only=True)
    status = _status(StatusMasuk)

    class Meta:
        model = NaskahMasukPage
        fields = ["id", "agenda", "nomor_surat", "pengirim", "perihal", "sifat", "urgensi", "status"]
        read_only_fields = fields


class DisposisiSerializer(serializers.ModelSerializer):
    """One disposition: from whom to whom, what to do, by when, and what became of it."""

    dari_jabatan = JabatanRingkasSerializer(read_only=True)
    status = _status(StatusDisposisi)
    dari_user = serializers.SerializerMethodField()
    kepada = serializers.CharField(source="kepada_label", read_only=True, help_text=_("Nama penerima."))
    kepada_jabatan = JabatanRingkasSerializer(read_only=True, allow_null=True)
    kepada_user = serializers.IntegerField(source="kepada_user_id", read_only=True, allow_null=True)
    instruksi = serializers.ListField(child=serializers.ChoiceField(choices=Instruksi.choices), read_only=True)
    instruksi_label = serializers.ListField(source="label_instruksi", child=serializers.CharField(), read_only=True)
    terlambat = serializers.BooleanField(read_only=True)
    ada_lampiran = serializers.SerializerMethodField()
    balasan = serializers.IntegerField(source="balasan_id", read_only=True, allow_null=True)
    induk = serializers.IntegerField(source="induk_id", read_only=True, allow_null=True)

    class Meta:
        model = Disposisi
        fields = [
            "id",
            "induk",
            "dari_jabatan",
            "dari_user",
            "kepada",
            "kepada_jabatan",
            "kepada_user",
            "instruksi",
            "instruksi_label",
            "catatan",
            "batas_waktu",
            "dibuat_pada",
            "status",
            "terlambat",
            "dibaca_pada",
            "selesai_pada",
            "tindak_lanjut",
            "ada_lampiran",
            "balasan",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_dari_user(self, obj: Disposisi) -> str | None:
        return nama_user(obj.dari_user)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_ada_lampiran(self, obj: Disposisi) -> bool:
        return bool(obj.lampiran)


class DisposisiBarisSerializer(DisposisiSerializer):
    """A row of my dispositions: the disposition and its letter."""

    naskah = NaskahSingkatSerializer(read_only=True)

    class Meta(DisposisiSerializer.Meta):
        fields = ["id", "naskah", *DisposisiSerializer.Meta.fields[1:]]
        read_only_fields = fields


class DisposisiDetailSerializer(DisposisiBarisSerializer):
    """One disposition with what the user may do with it now (context["aksi"])."""

    aksi = serializers.SerializerMethodField(help_text=_("Aksi yang dapat Anda lakukan sekarang."))

    class Meta(DisposisiBarisSerializer.Meta):
        fields = [*DisposisiBarisSerializer.Meta.fields, "aksi"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_aksi(self, obj: Disposisi) -> list[str]:
        return list(self.context.get("aksi", {}).get(obj.pk, []))


class NaskahMasukDetailSerializer(serializers.ModelSerializer):
    """One incoming letter: registration, agenda, status, the scan link and its
    dispositions (flat, oldest first; the tree is at /lacak/). context["disposisi"]
    and context["aksi"] come from the view."""

    agenda = serializers.CharField(read_only=True)
    status = _status(StatusMasuk)
    unit = UnitSerializer(read_only=True)
    tujuan = JabatanSerializer(read_only=True)
    asal = serializers.IntegerField(source="asal_id", read_only=True, allow_null=True)
    pencatat = serializers.SerializerMethodField()
    scan = serializers.SerializerMethodField(help_text=_("Alamat unduhan pindaian (lewat pemeriksaan akses)."))
    disposisi = serializers.SerializerMethodField()
    aksi = serializers.SerializerMethodField(help_text=_("Aksi yang dapat Anda lakukan sekarang."))

    class Meta:
        model = NaskahMasukPage
        fields = [
            "id",
            "agenda",
            "nomor_agenda",
            "tahun_agenda",
            "status",
            "nomor_surat",
            "tanggal_surat",
            "pengirim",
            "perihal",
            "sifat",
            "urgensi",
            "klasifikasi",
            "ringkasan",
            "tanggal_terima",
            "unit",
            "tujuan",
            "asal",
            "pencatat",
            "scan",
            "selesai_pada",
            "disposisi",
            "aksi",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_pencatat(self, obj: NaskahMasukPage) -> str | None:
        return nama_user(obj.pencatat)

    @extend_schema_field(OpenApiTypes.URI)
    def get_scan(self, obj: NaskahMasukPage) -> str | None:
        if not obj.scan:
            return None
        url = reverse("api:naskah-masuk-scan", args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url

    @extend_schema_field(DisposisiSerializer(many=True))
    def get_disposisi(self, obj: NaskahMasukPage) -> Any:
        return DisposisiSerializer(self.context.get("disposisi", []), many=True).data

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_aksi(self, obj: NaskahMasukPage) -> list[str]:
        return list(self.context.get("aksi", []))


class DuplikatSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    agenda = serializers.CharField()
    url = serializers.CharField(allow_null=True, help_text=_("Kosong bila Anda tidak dapat membaca naskah itu."))


# --- tracking ----------------------------------------------------------------------------


class SimpulDisposisiSerializer(DisposisiSerializer):
    """A node of the disposition tree: the disposition and its forwards
    (context["anak"]: {disposisi id: [child Disposisi, …]})."""

    anak = serializers.SerializerMethodField()

    class Meta(DisposisiSerializer.Meta):
        fields = [*DisposisiSerializer.Meta.fields, "anak"]
        read_only_fields = fields

    def get_anak(self, obj: Disposisi) -> Any:
        anak = self.context.get("anak", {}).get(obj.pk, [])
        return SimpulDisposisiSerializer(anak, many=True, context=self.context).data


# The node refers to itself: one schema component, children typed as that component.
extend_schema_field(SimpulDisposisiSerializer(many=True))(SimpulDisposisiSerializer.get_anak)


class JejakSerializer(serializers.ModelSerializer):
    """One history row: who did what, acting as which jabatan."""

    user = serializers.SerializerMethodField()
    jabatan = serializers.CharField(source="jabatan.nama", read_only=True, default=None)
    disposisi = serializers.IntegerField(source="disposisi_id", read_only=True, allow_null=True)
    data = serializers.DictField(read_only=True)

    class Meta:
        model = JejakNaskah
        fields = ["waktu", "aksi", "user", "jabatan", "disposisi", "data"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.STR)
    def get_user(self, obj: JejakNaskah) -> str | None:
        return nama_user(obj.user)


class LacakSerializer(serializers.Serializer):
    """The tracking view of a letter: the disposition tree and the history, oldest first."""

    naskah = NaskahSingkatSerializer()
    pohon = SimpulDisposisiSerializer(many=True)
    riwayat = JejakSerializer(many=True)


STATUS_DISPOSISI = [StatusDisposisi.AKTIF.value, StatusDisposisi.SELESAI.value, "terlambat"]
