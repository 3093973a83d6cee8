from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_operator_masuk_dan_melihat_dasbor(live_server, page, settings) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)

    page.goto(f"{live_server.url}/admin/")
    assert "/admin/login/" in page.url
    page.fill("input[name=username]", "operator")
    page.fill("input[name=password]", settings.LONTAR_DEMO_PASSWORD)
    page.click("button[type=submit]")

    page.wait_for_url(f"{live_server.url}/admin/")
    panel = page.locator("section.lontar-profil")
    assert panel.locator("h2").inner_text().strip() == "Selamat datang, Rina Marlina, A.Md."
    assert "Pengadministrasi Perkantoran" in panel.inner_text()
    assert page.locator("html").get_attribute("lang") == "id"
    # The sidebar renders (Wagtail's JS loaded) and offers the organisation menu to an operator.
    page.locator("[data-wagtail-sidebar] >> text=Organisasi").first.wait_for()


def test_kata_sandi_salah_ditolak(live_server, page) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "operator")
    page.fill("input[name=password]", "bukan-sandinya")
    page.click("button[type=submit]")
    page.locator(".messages, .help-block, .w-field__errors, [role=alert]").first.wait_for()
    assert "/admin/login/" in page.url
