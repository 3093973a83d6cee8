"""Search in headless Chromium: the Kepala Diskominfo finds letters from the admin menu
(highlighted snippets, a facet, opening a hit); another OPD's operator does not see them;
a citizen searches the public site."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "cari-naskah.png"


def test_mencari_naskah_dari_admin_dan_situs_publik(live_server, browser, settings, tutup) -> None:  # type: ignore[no-untyped-def]
    # letters are indexed as they are made (signals → tasks)
    call_command("muat_demo", diam=True, tanpa_tte=True, tanpa_situs=True)
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)

        def masuk(username: str) -> None:
            context.clear_cookies()
            page.goto(f"{live_server.url}/admin/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", settings.LONTAR_DEMO_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{live_server.url}/admin/")

        masuk("pejabat")
        page.locator("[data-wagtail-sidebar]").get_by_role("link", name="Cari naskah").click()
        page.get_by_role("searchbox").first.fill("rapat koordinasi")
        page.get_by_role("button", name="Cari", exact=True).click()
        hasil = page.locator("article.lontar-hit")
        expect(hasil.first).to_be_visible()
        expect(page.locator("article.lontar-hit mark").first).to_have_text("rapat", ignore_case=True)
        jumlah_awal = hasil.count()
        assert jumlah_awal >= 2  # the outgoing invitation and the incoming RKPD invitation
        # narrow down with the "Naskah masuk" facet, then open the letter
        page.locator(".lontar-faset").get_by_role("link", name="Naskah masuk").click()
        expect(hasil.first).to_contain_text("RKPD 2027")
        assert hasil.count() < jumlah_awal
        page.screenshot(path=str(SCREENSHOT), full_page=True)
        hasil.first.get_by_role("link").first.click()
        expect(page.get_by_text("000.7.2/118/BAPPEDA/2026").first).to_be_visible()

        # an operator of another OPD: the same words find none of Diskominfo's letters
        masuk("operator.dinkes")
        page.goto(f"{live_server.url}/admin/cari/?q=RKPD")
        expect(page.locator(".lontar-cari__ringkas [role=status]")).to_have_text("0 hasil")
        expect(page.locator("article.lontar-hit")).to_have_count(0)

        # a citizen on the public site: only public pages, never a letter
        context.clear_cookies()
        page.goto(f"{live_server.url}/cari/?q=RKPD")
        expect(page.get_by_text("Tidak ada hasil")).to_be_visible()
    finally:
        tutup(context)
