"""REST representation of a search answer (search.mesin.dasar.Hasil) for /api/v1/cari/."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class FasetSerializer(serializers.Serializer):
    value = serializers.CharField(source="nilai")
    label = serializers.CharField()
    count = serializers.IntegerField(source="jumlah")


class FasetGrupSerializer(serializers.Serializer):
    jenis = FasetSerializer(many=True, default=list)
    unit = FasetSerializer(many=True, default=list, help_text=_("Nilai: id perangkat daerah."))
    sifat = FasetSerializer(many=True, default=list)
    tahun = FasetSerializer(many=True, default=list)


class HitSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="objek_id", help_text=_("Id objek (halaman) dalam koleksinya."))
    kunci = serializers.CharField(help_text=_("Koleksi dan id, mis. naskah:42."))
    koleksi = serializers.ChoiceField(choices=["naskah", "template", "publik"])
    nomor = serializers.CharField()
    perihal = serializers.CharField()
    judul = serializers.CharField()
    tanggal = serializers.DateField(allow_null=True)
    unit = serializers.CharField()
    jenis = serializers.CharField()
    sifat = serializers.CharField()
    status = serializers.CharField()
    url = serializers.CharField(help_text=_("Alamat halaman objek di Lontar (admin atau situs publik)."))
    snippet = serializers.CharField(
        source="cuplikan", help_text=_("Cuplikan HTML: teks sudah di-escape, kata yang cocok di dalam <mark>.")
    )


class HasilCariSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    total_exact = serializers.BooleanField(
        source="total_pasti",
        help_text=_("Salah bila lebih banyak naskah cocok daripada `total` (faset dihitung atas `total` terbaru)."),
    )
    page = serializers.IntegerField(source="halaman")
    pages = serializers.IntegerField(source="jumlah_halaman")
    hits = HitSerializer(many=True)
    facets = FasetGrupSerializer(source="faset")
    notice = serializers.SerializerMethodField(
        help_text=_("Pemberitahuan bila mesin pencari tidak tersedia dan hasil berasal dari basis data.")
    )

    def get_notice(self, hasil: Any) -> str | None:
        return hasil.pemberitahuan or None
