"""Admin for numbering: patterns (with an example of the next number) and the
register of issued numbers.

The register is read-only: numbers are issued only by `penomoran.alokasi`, so nobody
adds, edits or deletes them here, superusers included. Its one change is "Batalkan
nomor" (void with a reason, via `penomoran.batalkan`), for holders of
``templates_surat.change_nomorterbit``. Importing this module registers that
permission policy for NomorTerbit (Wagtail 8 wants policies registered before the
viewset; `wagtail_hooks` imports this module first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.snippets import DeleteView, HistoryView, IndexView, InspectView, SnippetViewSet

from organisasi.models import JenisUnit, Unit

from .models import JenisNaskah, NomorTerbit, PenghitungNomor, PolaNomor, StatusNomor
from .penomoran import AKSI_BATAL, batalkan, pratinjau_berikutnya

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from wagtail.models.audit_log import BaseLogEntry

KLASIFIKASI_CONTOH = "000.1.2.3"

# --- Pola nomor -------------------------------------------------------------------


class ContohNomorColumn(Column):
    """An example of the next number: first OPD, first jenis naskah, today, a sample klasifikasi."""

    def get_cell_context_data(self, instance: PolaNomor, parent_context: dict[str, Any]) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context["value"] = context["raw_value"] = self.contoh(instance, parent_context.get("request"))
        return context

    def get_value(self, instance: PolaNomor) -> str:
        return ""  # computed in get_cell_context_data, where the request is known

    @staticmethod
    def contoh(pola: PolaNomor, request: HttpRequest | None = None) -> str:
        """The example number, or why there is none (e.g. no OPD unit for {unit})."""
        sampel = getattr(request, "_contoh_nomor_sampel", None)
        if sampel is None:  # looked up once per request, not once per row
            sampel = (
                Unit.objects.filter(jenis=JenisUnit.OPD).order_by("urutan", "nama").first(),
                JenisNaskah.objects.order_by("urutan", "nama").first(),
            )
            if request is not None:
                request._contoh_nomor_sampel = sampel  # type: ignore[attr-defined]
        unit, jenis = sampel
        try:
            return pratinjau_berikutnya(
                pola, unit=unit, jenis=jenis, klasifikasi=KLASIFIKASI_CONTOH, tanggal=timezone.localdate()
            )
        except ValueError as exc:
            return str(exc)


class TanpaAksiMassalIndexView(IndexView):
    """A listing without bulk-action checkboxes (bulk delete would bypass the checks below)."""

    @cached_property
    def columns(self) -> list[Any]:
        return [kolom for kolom in super().columns if not isinstance(kolom, BulkActionsCheckboxColumn)]


class PolaNomorDeleteView(DeleteView):
    """A pattern that has issued numbers stays: its counters and register point at it."""

    def _dipakai(self) -> HttpResponse | None:
        if not PenghitungNomor.objects.filter(pola=self.object).exists():
            return None
        messages.error(
            self.request, gettext("Pola ini sudah dipakai untuk menerbitkan nomor sehingga tidak dapat dihapus.")
        )
        return HttpResponseRedirect(reverse(self.index_url_name))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self._dipakai() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self._dipakai() or super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            return super().form_valid(form)
        except ProtectedError:  # e.g. a letter template still uses it
            messages.error(self.request, gettext("Pola ini masih dipakai sehingga tidak dapat dihapus."))
            return HttpResponseRedirect(reverse(self.index_url_name))


class PolaNomorViewSet(SnippetViewSet):
    model = PolaNomor
    icon = "order"
    index_view_class = TanpaAksiMassalIndexView
    delete_view_class = PolaNomorDeleteView
    menu_label = _("Pola nomor")
    list_display = [
        "nama",
        "pola",
        ContohNomorColumn("contoh", label=_("Contoh nomor berikutnya")),
    ]
    search_fields = ["nama", "pola"]
    search_backend_name = None


# --- Nomor terbit: permissions ----------------------------------------------------


class NomorTerbitPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds, edits or deletes issued numbers; "batalkan" needs change_nomorterbit;
    seeing the register needs view_ or change_nomorterbit."""

    TERLARANG = frozenset({"add", "change", "delete"})

    def _izin_django(self, action: str) -> list[str]:
        """The Django permission actions that grant a policy action."""
        if action in self.TERLARANG:
            return []
        if action == "batalkan":
            return ["change"]
        if action == "view":
            return ["view", "change"]
        return [action]

    def user_has_permission(self, user: Any, action: str) -> bool:
        return any(user.has_perm(self._get_permission_name(izin)) for izin in self._izin_django(action))

    def users_with_any_permission(self, actions: Any) -> QuerySet[Any]:
        izin = sorted({izin for action in actions for izin in self._izin_django(action)})
        if not izin:
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(self._get_permission_codenames(izin))


if not isinstance(policy_registry.get_by_type(NomorTerbit, fallback=False), NomorTerbitPermissionPolicy):
    register_permission_policy(NomorTerbit, NomorTerbitPermissionPolicy(NomorTerbit), exact_class=True)


# --- Nomor terbit: voiding --------------------------------------------------------


class BatalkanNomorForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan pembatalan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nomor yang dibatalkan tetap tercatat dan tidak pernah dipakai ulang. Alasan wajib diisi."),
    )


def _url_batalkan(view: Any, nomor: NomorTerbit) -> str | None:
    """The void URL when the number is still valid and the user may void it."""
    if view.batalkan_url_name and nomor.status == StatusNomor.TERBIT and view.user_has_permission("batalkan"):
        return reverse(view.batalkan_url_name, args=[quote(nomor.pk)])
    return None


class BatalkanNomorView(BaseObjectMixin, PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """The register's only change: void a number with a reason (it stays, with who/when/why)."""

    model = NomorTerbit
    permission_required = "batalkan"
    form_class = BatalkanNomorForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Batalkan nomor")
    header_icon = "cross"
    index_url_name: str | None = None
    inspect_url_name: str | None = None
    batalkan_url_name: str | None = None
    submit_button_label = _("Batalkan nomor")
    submit_button_active_label = _("Membatalkan…")
    object: NomorTerbit

    def get_page_subtitle(self) -> str:
        return gettext("Batalkan nomor %(nomor)s") % {"nomor": self.object}

    def get_header_title(self) -> str:
        return self.get_page_subtitle()

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = list(self.breadcrumbs_items)
        if self.index_url_name:
            items.append(
                {"url": reverse(self.index_url_name), "label": capfirst(NomorTerbit._meta.verbose_name_plural)}
            )
        if self.inspect_url_name:
            items.append({"url": reverse(self.inspect_url_name, args=[quote(self.object.pk)]), "label": self.object})
        items.append({"url": "", "label": self.page_title})
        return items

    def _kembali(self) -> HttpResponseRedirect:
        if self.inspect_url_name:
            return HttpResponseRedirect(reverse(self.inspect_url_name, args=[quote(self.object.pk)]))
        return HttpResponseRedirect(reverse(self.index_url_name or "wagtailadmin_home"))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.object.status == StatusNomor.BATAL:
            messages.warning(request, gettext("Nomor ini sudah dibatalkan."))
            return self._kembali()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            action_url=reverse(self.batalkan_url_name, args=[quote(self.object.pk)]) if self.batalkan_url_name else "",
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_active_label,
        )
        return context

    def form_valid(self, form: BatalkanNomorForm) -> HttpResponse:
        user: AbstractBaseUser = self.request.user  # type: ignore[assignment]
        try:
            batalkan(self.object, alasan=form.cleaned_data["alasan"], oleh=user)
        except ValidationError as exc:
            for pesan in exc.messages:
                form.add_error("alasan", pesan)
                messages.error(self.request, pesan)
            return self.form_invalid(form)
        messages.success(self.request, gettext("Nomor '%(object)s' dibatalkan.") % {"object": self.object})
        return self._kembali()


class NomorTerbitIndexView(TanpaAksiMassalIndexView):
    """The register: no bulk actions (nothing may be deleted); "Batalkan nomor" per valid number."""

    batalkan_url_name: str | None = None

    def get_list_more_buttons(self, instance: NomorTerbit) -> list[Any]:
        buttons = list(super().get_list_more_buttons(instance))
        if url := _url_batalkan(self, instance):
            buttons.append(MenuItem(gettext("Batalkan nomor"), url=url, icon_name="cross", priority=40))
        return buttons


class NomorTerbitInspectView(InspectView):
    batalkan_url_name: str | None = None
    history_url_name: str | None = None

    @cached_property
    def header_buttons(self) -> list[Any]:
        buttons = list(super().header_buttons)
        if url := _url_batalkan(self, self.object):
            buttons.append(HeaderButton(gettext("Batalkan nomor"), url=url, icon_name="cross"))
        return buttons

    def get_penghitung_display_value(self) -> str:
        penghitung = self.object.penghitung
        lingkup = [str(x.kode) for x in (penghitung.unit, penghitung.jenis) if x is not None]
        return " · ".join([penghitung.pola.nama, *lingkup, str(penghitung.tahun)])

    def get_dibatalkan_oleh_display_value(self) -> str:
        oleh = self.object.dibatalkan_oleh
        return (oleh.get_full_name() or oleh.get_username()) if oleh is not None else "-"

    def get_dibatalkan_pada_display_value(self) -> Any:
        return self.object.dibatalkan_pada or "-"

    @cached_property
    def header_more_buttons(self) -> list[Any]:
        buttons = list(super().header_more_buttons)
        if self.history_url_name:
            url = reverse(self.history_url_name, args=[quote(self.object.pk)])
            buttons.append(Button(gettext("Riwayat"), url=url, icon_name="history", priority=50))
        return buttons


class NomorTerbitHistoryView(HistoryView):
    """Who voided a number and why: for everyone who may read the register."""

    any_permission_required = ["view"]


def _tahun_tersedia() -> list[tuple[int, int]]:
    tahun = PenghitungNomor.objects.order_by("-tahun").values_list("tahun", flat=True).distinct()
    return [(t, t) for t in tahun]


class NomorTerbitFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusNomor.choices)
    tahun = django_filters.TypedChoiceFilter(
        label=_("Tahun"), field_name="penghitung__tahun", choices=_tahun_tersedia, coerce=int
    )
    pola = django_filters.ModelChoiceFilter(
        label=_("Pola nomor"), field_name="penghitung__pola", queryset=PolaNomor.objects.all()
    )

    class Meta:
        model = NomorTerbit
        fields = ["status", "tahun", "pola"]


class NomorTerbitViewSet(SnippetViewSet):
    model = NomorTerbit
    icon = "list-ol"
    menu_label = _("Nomor terbit")
    list_display = ["nomor", "tanggal", "status", "referensi", "dibuat_pada"]
    list_export = ["nomor", "urut", "tanggal", "status", "alasan_batal", "referensi", "dibuat_pada"]
    filterset_class = NomorTerbitFilterSet
    search_fields = ["nomor", "referensi"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "nomor",
        "urut",
        "tanggal",
        "status",
        "referensi",
        "penghitung",
        "alasan_batal",
        "dibatalkan_oleh",
        "dibatalkan_pada",
        "dibuat_pada",
    ]
    index_view_class = NomorTerbitIndexView
    inspect_view_class = NomorTerbitInspectView
    history_view_class = NomorTerbitHistoryView
    batalkan_view_class = BatalkanNomorView

    def get_queryset(self, request: HttpRequest) -> QuerySet[NomorTerbit]:
        return NomorTerbit.objects.select_related("penghitung__pola")

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_common_view_kwargs(batalkan_url_name=self.get_url_name("batalkan"), **kwargs)

    @property
    def batalkan_view(self) -> Any:
        return self.construct_view(self.batalkan_view_class)

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path(f"batalkan/<{self.pk_path_converter}:pk>/", self.batalkan_view, name="batalkan"),
        ]

    def get_permissions_to_register(self) -> QuerySet[Any]:
        """Only view and change (= void) mean anything for issued numbers."""
        return super().get_permissions_to_register().filter(codename__in=["view_nomorterbit", "change_nomorterbit"])


VIEWSETS = (PolaNomorViewSet, NomorTerbitViewSet)


# --- Audit log --------------------------------------------------------------------


class NomorDibatalkanFormatter(LogFormatter):
    """History shows the reason with the action, e.g. "Nomor dibatalkan: salah ketik tujuan"."""

    label = _("Nomor dibatalkan")
    message = _("Nomor dibatalkan")

    def _alasan(self, log_entry: BaseLogEntry) -> str:
        return str((log_entry.data or {}).get("alasan", ""))

    def format_message(self, log_entry: BaseLogEntry) -> str:
        alasan = self._alasan(log_entry)
        if not alasan:
            return str(self.message)
        return gettext("Nomor dibatalkan: %(alasan)s") % {"alasan": alasan}

    def format_comment(self, log_entry: BaseLogEntry) -> str:
        return self._alasan(log_entry)


def register_log_actions(actions: Any) -> None:
    """Body of the `register_log_actions` hook (wired in wagtail_hooks)."""
    actions.register_action(AKSI_BATAL)(NomorDibatalkanFormatter)
