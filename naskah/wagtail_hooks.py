from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from . import akses, urls
from .admin_ringkas import PanelNaskah, jumlah_tindakan
from .layanan import AKSI_GALAT_TTE, AKSI_TANDA_TANGAN, AKSI_TERKIRIM, AKSI_TTE
from .models import NaskahKeluarPage, NaskahMasukPage
from .tte.layanan import AKSI_SANDI_ULANG


@hooks.register("register_admin_urls")
def daftarkan_url() -> list[Any]:
    return [path("naskah/", include((urls.urlpatterns, "naskah"), namespace="naskah"))]


class MenuPegawai(MenuItem):
    """Shown to accounts linked to a pegawai (every inbox needs a jabatan)."""

    def is_shown(self, request: Any) -> bool:
        return bool(akses.jabatan_ids(request.user))


class MenuBerhitung(MenuPegawai):
    """A menu item whose label carries a count (Wagtail's sidebar renders `render_component`)."""

    def label_dengan_jumlah(self, request: Any) -> str:
        return str(self.label)

    def render_component(self, request: Any) -> Any:
        return LinkMenuItemComponent(
            self.name,
            self.label_dengan_jumlah(request),
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class MenuTindakan(MenuBerhitung):
    def label_dengan_jumlah(self, request: Any) -> str:
        jumlah = jumlah_tindakan(request.user)
        return f"{self.label} ({jumlah})" if jumlah else str(self.label)


class MenuDisposisi(MenuBerhitung):
    """ "Disposisi untuk saya" with the count of open (and overdue) dispositions."""

    def label_dengan_jumlah(self, request: Any) -> str:
        from .selectors_masuk import jumlah_disposisi_aktif

        aktif, terlambat = jumlah_disposisi_aktif(request.user)
        if terlambat:
            return _("%(label)s (%(aktif)s, %(terlambat)s terlambat)") % {
                "label": self.label,
                "aktif": aktif,
                "terlambat": terlambat,
            }
        return f"{self.label} ({aktif})" if aktif else str(self.label)


class MenuAntrianTte(MenuBerhitung):
    """Shown to signing officials (and administrators) with the count of their waiting letters."""

    def is_shown(self, request: Any) -> bool:
        from .tte.views import boleh_melihat_antrian

        return boleh_melihat_antrian(request.user)

    def label_dengan_jumlah(self, request: Any) -> str:
        from .tte.layanan import antrian

        jumlah = antrian(request.user).count()
        return f"{self.label} ({jumlah})" if jumlah else str(self.label)


class MenuBuat(MenuPegawai):
    def is_shown(self, request: Any) -> bool:
        return super().is_shown(request) and request.user.has_perm(akses.IZIN_BUAT)


@hooks.register("register_admin_menu_item")
def menu_naskah() -> SubmenuMenuItem:
    menu = Menu(
        items=[
            MenuTindakan(_("Perlu tindakan"), reverse("naskah:tindakan"), name="perlu-tindakan", icon_name="tasks"),
            MenuDisposisi(
                _("Disposisi untuk saya"), reverse("naskah:disposisi_saya"), name="disposisi-saya", icon_name="tasks"
            ),
            MenuPegawai(_("Kotak masuk"), reverse("naskah:masuk"), name="kotak-masuk", icon_name="mail"),
            MenuPegawai(
                _("Naskah masuk unit"), reverse("naskah:daftar_masuk"), name="naskah-masuk-unit", icon_name="download"
            ),
            MenuPegawai(_("Kotak keluar"), reverse("naskah:keluar"), name="kotak-keluar", icon_name="upload"),
            MenuAntrianTte(_("Antrian TTE"), reverse("naskah:antrian_tte"), name="antrian-tte", icon_name="key"),
            MenuBuat(_("Buat naskah keluar"), reverse("naskah:baru"), name="naskah-baru", icon_name="plus"),
            MenuBuat(_("Catat naskah masuk"), reverse("naskah:registrasi"), name="catat-masuk", icon_name="plus"),
            MenuPegawai(_("Agenda harian"), reverse("naskah:agenda"), name="agenda-harian", icon_name="date"),
            MenuPegawai(_("Notifikasi"), reverse("naskah:notifikasi"), name="notifikasi", icon_name="info-circle"),
        ]
    )
    return SubmenuMenuItem(_("Naskah"), menu, name="naskah", icon_name="mail", order=90)


@hooks.register("construct_homepage_panels")
def panel_naskah(request: Any, panels: list[Any]) -> None:
    if akses.jabatan_ids(request.user):
        panels.insert(0, PanelNaskah())


def _tanpa_naskah_terlarang(pages: Any, request: Any) -> Any:
    """Letter pages only for those who may read them, in every Wagtail listing."""
    for model in (NaskahKeluarPage, NaskahMasukPage):
        terbaca = akses.saring(model.objects.all(), request.user).values("pk")
        pages = pages.exclude(pk__in=model.objects.exclude(pk__in=terbaca).values("pk"))
    return pages


@hooks.register("construct_explorer_page_queryset")
def saring_penjelajah(parent_page: Any, pages: Any, request: Any) -> Any:
    return _tanpa_naskah_terlarang(pages, request)


@hooks.register("construct_page_chooser_queryset")
def saring_pemilih(pages: Any, request: Any) -> Any:
    return _tanpa_naskah_terlarang(pages, request)


@hooks.register("construct_page_action_menu")
def tanpa_terbit_langsung(menu_items: list[Any], request: Any, context: Any) -> None:
    """A letter goes live only by being signed at the end of its approval chain."""
    page = context.get("page")
    if isinstance(page, NaskahKeluarPage | NaskahMasukPage):
        menu_items[:] = [i for i in menu_items if i.name not in ("action-publish", "action-unpublish")]


@hooks.register("before_edit_page")
def catat_buka_editor(request: Any, page: Any) -> None:
    """Opening a secret letter in the editor is an access like any other: logged."""
    if isinstance(page, NaskahKeluarPage | NaskahMasukPage) and request.method == "GET":
        akses.catat_akses(request.user, page, "sunting", request)
    if isinstance(page, NaskahMasukPage) and request.method == "GET":
        from .layanan_masuk import tandai_dibaca

        tandai_dibaca(page, request.user)


@hooks.register("register_log_actions")
def daftarkan_aksi_log(actions: Any) -> None:
    actions.register_action(AKSI_TANDA_TANGAN, _("Ditandatangani dan diberi nomor"), _("Ditandatangani"))
    actions.register_action(AKSI_TTE, _("Tanda tangan elektronik dibubuhkan"), _("TTE dibubuhkan"))
    actions.register_action(AKSI_TERKIRIM, _("Dikirim ke penerima dan tembusan"), _("Terkirim"))
    actions.register_action(AKSI_GALAT_TTE, _("Penandatanganan elektronik gagal"), _("TTE gagal"))
    actions.register_action(AKSI_SANDI_ULANG, _("Passphrase TTE dimasukkan kembali"), _("Passphrase TTE ulang"))


# menus, viewsets and panels of the archive and the dashboard
from . import hooks_arsip, hooks_dasbor  # noqa: E402, F401
