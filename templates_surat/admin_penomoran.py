"""Admin for numbering: patterns (with an example of the next number) and the
register of issued numbers, whose only change is voiding with a reason."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from organisasi.models import JenisUnit, Unit

from .models import JenisNaskah, NomorTerbit, PolaNomor, StatusNomor
from .penomoran import batalkan, pratinjau_berikutnya


class ContohNomorColumn(Column):
    """An example of the next number: first OPD, first jenis, today, a sample klasifikasi."""

    def get_value(self, instance: PolaNomor) -> str:
        unit = Unit.objects.filter(jenis=JenisUnit.OPD).order_by("urutan").first()
        jenis = JenisNaskah.objects.order_by("urutan").first()
        try:
            return pratinjau_berikutnya(
                instance, unit=unit, jenis=jenis, klasifikasi="000.1.2.3", tanggal=timezone.localdate()
            )
        except ValueError as exc:
            return str(exc)


class PolaNomorViewSet(SnippetViewSet):
    model = PolaNomor
    icon = "order"
    menu_label = _("Pola nomor")
    list_display = ["nama", "pola", ContohNomorColumn("contoh", label=_("Contoh nomor berikutnya"))]
    search_fields = ["nama", "pola"]
    search_backend_name = None


class NomorTerbitFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusNomor.choices)
    tahun = django_filters.NumberFilter(label=_("Tahun"), field_name="penghitung__tahun")

    class Meta:
        model = NomorTerbit
        fields = ["status", "tahun"]


class BatalkanNomorForm(WagtailAdminModelForm):
    class Meta:
        model = NomorTerbit
        fields = ["alasan_batal"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["alasan_batal"].required = True
        self.fields["alasan_batal"].widget = forms.Textarea(attrs={"rows": 3})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.status == StatusNomor.BATAL:
            raise forms.ValidationError(_("Nomor ini sudah dibatalkan."))
        return data


class BatalkanNomorView(EditView):
    """The register's only change: void a number (it stays, with who/when/why)."""

    success_message = _("Nomor '%(object)s' dibatalkan.")

    def get_page_subtitle(self) -> str:
        return str(_("Batalkan nomor %(nomor)s") % {"nomor": self.object})

    def save_instance(self) -> NomorTerbit:
        return batalkan(self.object, alasan=self.form.cleaned_data["alasan_batal"], oleh=self.request.user)


class NomorTerbitViewSet(SnippetViewSet):
    model = NomorTerbit
    icon = "list-ol"
    menu_label = _("Nomor terbit")
    list_display = ["nomor", "tanggal", "status", "referensi", "dibuat_pada"]
    list_export = ["nomor", "urut", "tanggal", "status", "alasan_batal", "referensi", "dibuat_pada"]
    filterset_class = NomorTerbitFilterSet
    search_fields = ["nomor", "referensi"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    edit_view_class = BatalkanNomorView
    panels = [
        HelpPanel(
            content=_("Nomor yang dibatalkan tetap tercatat dan tidak pernah dipakai ulang. Alasan wajib diisi.")
        ),
        FieldPanel("alasan_batal", heading=_("Alasan pembatalan")),
    ]

    def get_form_class(self, for_update: bool = False) -> type[forms.ModelForm]:
        return BatalkanNomorForm


VIEWSETS = (PolaNomorViewSet, NomorTerbitViewSet)


def register_log_actions(actions: Any) -> None:
    actions.register_action("lontar.nomor.batal", _("Batalkan nomor"), _("Nomor dibatalkan"))
