import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import Delegasi, Jabatan, JenisJabatan, JenisUnit, Pegawai, Unit


class UnitFilterSet(WagtailFilterSet):
    jenis = django_filters.ChoiceFilter(label=_("Jenis unit"), choices=JenisUnit.choices)
    induk = django_filters.ModelChoiceFilter(label=_("Unit induk"), queryset=Unit.objects.all())

    class Meta:
        model = Unit
        fields = ["jenis", "induk", "aktif"]


class JabatanFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Unit kerja"), queryset=Unit.objects.all())
    jenis = django_filters.ChoiceFilter(label=_("Jenis jabatan"), choices=JenisJabatan.choices)

    class Meta:
        model = Jabatan
        fields = ["unit", "jenis", "kepala_unit", "dapat_menandatangani", "aktif"]


class PegawaiFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit kerja"), queryset=Unit.objects.all(), field_name="jabatan__unit"
    )

    class Meta:
        model = Pegawai
        fields = ["unit", "golongan", "aktif"]


class DelegasiFilterSet(WagtailFilterSet):
    berlaku_pada = django_filters.DateFilter(label=_("Berlaku pada tanggal"), method="filter_berlaku")

    class Meta:
        model = Delegasi
        fields = ["jenis", "berlaku_pada"]

    def filter_berlaku(self, queryset, name, value):
        return queryset.berlaku(value)
