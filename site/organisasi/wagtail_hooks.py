from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .filters import DelegasiFilterSet, JabatanFilterSet, PegawaiFilterSet, UnitFilterSet
from .models import Delegasi, Jabatan, Pegawai, Unit
from .selectors import jabatan_aktif, pegawai_dari_user


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "site"
    menu_label = _("Unit kerja")
    list_display = ["nama", "kode", "jenis", "induk", "aktif"]
    list_export = ["nama", "nama_singkat", "kode", "jenis", "induk", "aktif"]
    filterset_class = UnitFilterSet
    search_fields = ["nama", "nama_singkat", "kode"]
    search_backend_name = None
    inspect_view_enabled = True
    ordering = ["urutan", "nama"]


class JabatanViewSet(SnippetViewSet):
    model = Jabatan
    icon = "user"
    menu_label = _("Jabatan")
    list_display = ["nama", "unit", "atasan", "kepala_unit", "dapat_menandatangani"]
    list_export = ["nama", "unit", "atasan", "jenis", "kepala_unit", "dapat_menandatangani", "aktif"]
    filterset_class = JabatanFilterSet
    search_fields = ["nama", "unit__nama"]
    search_backend_name = None
    inspect_view_enabled = True


class PegawaiViewSet(SnippetViewSet):
    model = Pegawai
    icon = "group"
    menu_label = _("Pegawai")
    list_display = ["nama", "nip", "golongan", "jabatan", "aktif"]
    list_export = ["nama", "nip", "golongan", "jabatan", "telepon", "aktif"]
    filterset_class = PegawaiFilterSet
    search_fields = ["nama", "nip", "user__username"]
    search_backend_name = None
    inspect_view_enabled = True


class DelegasiViewSet(SnippetViewSet):
    model = Delegasi
    icon = "resubmit"
    menu_label = _("Plh/Plt")
    list_display = ["jabatan", "pegawai", "jenis", "mulai", "selesai"]
    filterset_class = DelegasiFilterSet
    search_fields = ["jabatan__nama", "pegawai__nama", "dasar"]
    search_backend_name = None
    inspect_view_enabled = True


class OrganisasiViewSetGroup(SnippetViewSetGroup):
    items = (UnitViewSet, JabatanViewSet, PegawaiViewSet, DelegasiViewSet)
    menu_icon = "site"
    menu_label = _("Organisasi")
    menu_name = "organisasi"
    menu_order = 900


register_snippet(OrganisasiViewSetGroup)


class ProfilPanel(Component):
    """Dashboard panel: who am I in the organisation today (incl. Plh/Plt)."""

    name = "profil_pegawai"
    order = 10
    template_name = "organisasi/panel_profil.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        pegawai = pegawai_dari_user(self.request.user)
        return {
            "pegawai": pegawai,
            "jabatan_list": jabatan_aktif(pegawai) if pegawai else [],
            "peran": sorted(self.request.user.groups.values_list("name", flat=True)),
        }


@hooks.register("construct_homepage_panels")
def tambah_panel_profil(request, panels):
    panels.insert(0, ProfilPanel(request))
