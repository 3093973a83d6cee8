"""Walk every admin menu entry for every role: 200 where the role sees it,
a redirect or 403 where it does not, never a server error."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu

from organisasi.models import Delegasi, Jabatan, Pegawai, Unit

pytestmark = pytest.mark.django_db

AKUN = ["operator", "pejabat", "staf", "arsiparis", "humas", "admin"]

# Wagtail's site history report is open to every admin user and lists only the log
# entries of objects that user may see; its menu entry shows only to page editors.
TERBUKA_TANPA_MENU = {"/admin/reports/site-history/"}


def _url_menu(username: str) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username=username)
    urls: set[str] = set()

    def kumpulkan(items) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            submenu = getattr(item, "menu", None)
            if submenu is not None:
                kumpulkan(submenu.menu_items_for_request(request))
            elif item.url and item.url.startswith("/"):
                urls.add(item.url)

    kumpulkan(admin_menu.menu_items_for_request(request))
    return urls


def _url_organisasi() -> dict[str, str]:
    """Add, edit and inspect views of each organisation model (not all are menu items)."""
    urls = {}
    for model in (Unit, Jabatan, Pegawai, Delegasi):
        name = f"wagtailsnippets_organisasi_{model._meta.model_name}"
        obj = model.objects.order_by("pk").first()
        urls[f"{name}:add"] = reverse(f"{name}:add")
        urls[f"{name}:edit"] = reverse(f"{name}:edit", args=[obj.pk])
        urls[f"{name}:inspect"] = reverse(f"{name}:inspect", args=[obj.pk])
    return urls


def _get(client: Client, url: str) -> int:
    response = client.get(url)
    assert response.status_code < 500, f"{url}: {response.status_code}"
    return response.status_code


def _buka(client: Client, url: str) -> None:
    """A menu entry the user sees opens (following redirects into their own subtree)."""
    response = client.get(url, follow=True)
    assert response.status_code == 200, (url, response.status_code)
    tujuan = response.redirect_chain[-1][0] if response.redirect_chain else url
    assert tujuan.startswith(url.rstrip("/")) or tujuan.startswith("/admin/pages/"), (url, tujuan)


def _ditolak(client: Client, url: str) -> None:
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(url) and response["Location"] != url:
        # Wagtail's settings menu entry first redirects to the setting's own edit page
        response = client.get(response["Location"])
    assert response.status_code in (302, 403), (url, response.status_code)
    if response.status_code == 302:
        assert response["Location"] in ("/admin/", reverse("wagtailadmin_home")), (url, response["Location"])


def test_setiap_menu_admin_untuk_setiap_peran(demo: None) -> None:
    terlihat = {username: _url_menu(username) for username in AKUN}
    semua = set().union(*terlihat.values())
    assert any("organisasi" in url for url in terlihat["admin"])
    assert not any("organisasi" in url for url in terlihat["staf"])

    for username in AKUN:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        assert _get(client, "/admin/") == 200
        for url in sorted(terlihat[username]):
            _buka(client, url)
        for url in sorted(semua - terlihat[username] - TERBUKA_TANPA_MENU):
            _ditolak(client, url)


@pytest.mark.parametrize(
    ("username", "harapan"),
    [
        ("admin", {"add": 200, "edit": 200, "inspect": 200}),
        ("operator", {"add": (302, 403), "edit": (302, 403), "inspect": 200}),
        ("staf", {"add": (302, 403), "edit": (302, 403), "inspect": (302, 403)}),
    ],
)
def test_hak_akses_halaman_organisasi(demo: None, username: str, harapan: dict) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    for name, url in _url_organisasi().items():
        aksi = name.rsplit(":", 1)[1]
        status = _get(client, url)
        diharapkan = harapan[aksi]
        assert status in (diharapkan if isinstance(diharapkan, tuple) else (diharapkan,)), (username, url, status)


def test_tamu_diarahkan_ke_halaman_masuk(demo: None) -> None:
    response = Client().get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_daftar_organisasi_bisa_dicari_dan_disaring(demo: None) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    url = reverse("wagtailsnippets_organisasi_jabatan:list")
    dinkes = Unit.objects.get(kode="DINKES")

    cari = client.get(url, {"q": "Kesehatan"}).content.decode()
    assert "Kepala Dinas Kesehatan" in cari
    assert "Kepala Dinas Komunikasi dan Informatika" not in cari

    saring = client.get(url, {"unit": dinkes.pk}).content.decode()
    assert "Kepala Dinas Kesehatan" in saring
    assert "Sekretaris Dinas Kesehatan" not in saring  # sits in the Sekretariat sub-unit
