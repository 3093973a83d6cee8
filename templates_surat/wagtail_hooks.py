from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_penomoran, urls
from .models import JenisNaskah, KopSurat, TemplateSuratPage
from .views import IZIN


class JenisNaskahViewSet(SnippetViewSet):
    model = JenisNaskah
    icon = "doc-full"
    menu_label = _("Jenis naskah")
    list_display = ["nama", "kode", "tata_letak", "judul_cetak", "aktif"]
    search_fields = ["nama", "kode"]
    search_backend_name = None
    ordering = ["urutan", "nama"]


class KopSuratViewSet(SnippetViewSet):
    model = KopSurat
    icon = "image"
    menu_label = _("Kop surat")
    list_display = ["unit", "alamat", "tempat"]
    search_fields = ["unit__nama", "alamat"]
    search_backend_name = None


class TemplateSuratViewSetGroup(SnippetViewSetGroup):
    items = (JenisNaskahViewSet, KopSuratViewSet, *admin_penomoran.VIEWSETS)
    menu_icon = "doc-full-inverse"
    menu_label = _("Pengaturan naskah")
    menu_name = "pengaturan-naskah"
    menu_order = 850


register_snippet(TemplateSuratViewSetGroup)


@hooks.register("register_admin_urls")
def daftarkan_url():
    return [path("buat-naskah/", include((urls.urlpatterns, "templates_surat"), namespace="templates_surat"))]


class BuatNaskahMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IZIN)


@hooks.register("register_admin_menu_item")
def menu_buat_naskah():
    return BuatNaskahMenuItem(
        _("Coba template"),
        reverse("templates_surat:daftar"),
        name="buat-naskah",
        icon_name="doc-full-inverse",
        order=100,
    )


def _template_surat(page) -> bool:
    return page is not None and isinstance(page.specific_deferred, TemplateSuratPage)


@hooks.register("construct_page_action_menu")
def sembunyikan_terbit_langsung(menu_items, request, context):
    """Templates go live only by approval in the "Persetujuan template" workflow."""
    page = context.get("page")
    if page is not None and (isinstance(page, TemplateSuratPage) or _template_surat(page)):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _tolak_terbit_langsung(request, page):
    if request.method == "POST" and "action-publish" in request.POST:
        messages.error(
            request,
            _("Template surat hanya terbit melalui alur Persetujuan template. Pilih 'Kirim ke Persetujuan template'."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_page")
def tolak_terbit_langsung_saat_sunting(request, page):
    if _template_surat(page):
        return _tolak_terbit_langsung(request, page)
    return None


@hooks.register("before_create_page")
def tolak_terbit_langsung_saat_buat(request, parent_page, page_class):
    if issubclass(page_class, TemplateSuratPage) and request.method == "POST" and "action-publish" in request.POST:
        messages.error(request, _("Template surat hanya terbit melalui alur Persetujuan template."))
        return redirect("wagtailadmin_pages:add", "templates_surat", "templatesuratpage", parent_page.pk)
    return None


@hooks.register("register_log_actions")
def daftarkan_aksi_log(actions):
    admin_penomoran.register_log_actions(actions)
