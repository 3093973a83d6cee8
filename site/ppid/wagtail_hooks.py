"""PPID admin: the DIP viewset (Humas keep the list; filters + search), the request and
objection screens (views_admin), and a "PPID" menu shown to whoever holds a permission
for one of them."""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import urls_admin
from .filters import InformasiPublikAdminFilter
from .models import InformasiPublik


class InformasiPublikViewSet(ModelViewSet):
    model = InformasiPublik
    name = "informasi_publik"
    url_prefix = "ppid/informasi"
    icon = "doc-full-inverse"
    menu_label = _("Daftar informasi publik")
    add_to_admin_menu = False  # an item of the "PPID" menu below
    list_display = ["judul", "kategori", "unit", "tahun", "terbit"]
    filterset_class = InformasiPublikAdminFilter
    search_fields = ["judul", "keterangan"]
    search_backend_name = None  # plain queryset search: the list is small and not indexed
    copy_view_enabled = False
    ordering = ["kategori", "-tahun", "judul"]
    list_per_page = 50


informasi_publik_viewset = InformasiPublikViewSet()


@hooks.register("register_admin_viewset")
def daftarkan_informasi_publik() -> InformasiPublikViewSet:
    return informasi_publik_viewset


@hooks.register("register_admin_urls")
def daftarkan_url() -> list[Any]:
    return [path("ppid/", include((urls_admin.urlpatterns, "ppid_admin"), namespace="ppid_admin"))]


class MenuIzin(MenuItem):
    """A menu item shown to holders of one of `izin` (superusers always)."""

    def __init__(self, *args: Any, izin: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.izin = izin

    def is_shown(self, request: Any) -> bool:
        return any(request.user.has_perm(i) for i in self.izin)


@hooks.register("register_admin_menu_item")
def menu_ppid() -> SubmenuMenuItem:
    menu = Menu(
        items=[
            MenuIzin(
                _("Daftar informasi publik"),
                reverse(informasi_publik_viewset.get_url_name("index")),
                name="dip",
                icon_name="doc-full-inverse",
                izin=("ppid.view_informasipublik", "ppid.change_informasipublik"),
            ),
            MenuIzin(
                _("Permohonan informasi"),
                reverse("ppid_admin:daftar"),
                name="permohonan-informasi",
                icon_name="mail",
                izin=("ppid.view_permohonaninformasi",),
            ),
            MenuIzin(
                _("Keberatan"),
                reverse("ppid_admin:keberatan_daftar"),
                name="keberatan",
                icon_name="warning",
                izin=("ppid.view_keberatan",),
            ),
        ]
    )
    return SubmenuMenuItem(_("PPID"), menu, name="ppid", icon_name="info-circle", order=96)
