"""Search in the Wagtail admin: the "Cari naskah" page (main menu and an area of the
header search), and the index status page in the Settings menu."""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea

from . import urls
from .views import IZIN_KELOLA


@hooks.register("register_admin_urls")
def daftarkan_url() -> list[Any]:
    return [path("cari/", include((urls.urlpatterns, "search"), namespace="search"))]


@hooks.register("register_admin_menu_item")
def menu_cari() -> MenuItem:
    # Every admin user may search: results are limited to what each one may read.
    return MenuItem(_("Cari naskah"), reverse("search:cari"), name="cari-naskah", icon_name="search", order=91)


class AreaCariNaskah(SearchArea):
    """ "Naskah" among the admin search's areas: the query opens the Cari naskah page."""

    def is_shown(self, request: Any) -> bool:
        return bool(request.user.is_authenticated)


@hooks.register("register_admin_search_area")
def area_cari_naskah() -> SearchArea:
    # After Wagtail's Pages (100): the header search still opens page search for editors
    # and offers "Naskah" among the other searches; users without page permissions (no
    # Pages area) get letter search from the header box directly.
    return AreaCariNaskah(_("Naskah"), reverse("search:cari"), name="naskah", icon_name="mail", order=150)


class MenuIndeks(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm(IZIN_KELOLA))


@hooks.register("register_settings_menu_item")
def menu_indeks() -> MenuItem:
    return MenuIndeks(_("Indeks pencarian"), reverse("search:indeks"), name="indeks-pencarian", icon_name="search")
