"""Archive admin: the "Arsip" menu (retention report, klasifikasi list) for arsiparis and
superusers, and the Klasifikasi viewset (list with search and a nasib akhir filter, forms).
Imported from wagtail_hooks.py."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import layanan_arsip
from .models import Klasifikasi


class KlasifikasiViewSet(ModelViewSet):
    model = Klasifikasi
    name = "klasifikasi_arsip"
    url_prefix = "naskah/klasifikasi"
    icon = "folder-open-1"
    menu_label = _("Klasifikasi arsip")
    add_to_admin_menu = False  # an item of the "Arsip" menu below
    form_fields = ["kode", "nama", "induk", "retensi_aktif", "retensi_inaktif", "nasib_akhir", "keterangan"]
    list_display = ["kode", "nama", "retensi_aktif", "retensi_inaktif", "nasib_akhir"]
    list_filter = ["nasib_akhir"]
    search_fields = ["kode", "nama"]
    search_backend_name = None  # plain queryset search: the list is small and not indexed
    copy_view_enabled = False
    ordering = ["kode"]
    list_per_page = 50


klasifikasi_viewset = KlasifikasiViewSet()


@hooks.register("register_admin_viewset")
def daftarkan_klasifikasi() -> KlasifikasiViewSet:
    return klasifikasi_viewset


class MenuLaporanArsip(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return layanan_arsip.boleh_lihat_laporan(request.user)


class MenuKlasifikasi(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.is_superuser or request.user.has_perm("naskah.view_klasifikasi"))


@hooks.register("register_admin_menu_item")
def menu_arsip() -> SubmenuMenuItem:
    menu = Menu(
        items=[
            MenuLaporanArsip(_("Laporan retensi"), reverse("naskah:arsip"), name="laporan-retensi", icon_name="date"),
            MenuKlasifikasi(
                _("Klasifikasi arsip"),
                reverse(klasifikasi_viewset.get_url_name("index")),
                name="klasifikasi-arsip",
                icon_name="list-ul",
            ),
        ]
    )
    return SubmenuMenuItem(_("Arsip"), menu, name="arsip", icon_name="folder-open-inverse", order=95)
