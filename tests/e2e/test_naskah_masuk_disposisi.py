"""An external letter through the admin in headless Chromium: the operator registers
the scan, the Kepala disposes to two Kabid, one forwards to two staff, everyone
reports, and the letter ends "Selesai" with its tracking tree and lembar disposisi."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from naskah.models import NaskahMasukPage, StatusMasuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PERIHAL = "Undangan Rapat Koordinasi Penanganan Hoaks"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "naskah-masuk-disposisi.png"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_surat_masuk_didisposisikan_sampai_selesai(live_server, browser, settings, tutup) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
    contexts = []

    def masuk(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", settings.LONTAR_DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    try:
        # 1. the operator registers the scan from the Naskah menu
        op = masuk("operator")
        op.locator("[data-wagtail-sidebar]").get_by_role("button", name="Naskah").click()
        op.locator("[data-wagtail-sidebar]").get_by_role("link", name="Catat naskah masuk").click()
        op.get_by_label("Pengirim").fill("Kepala Dinas Komunikasi dan Informatika Provinsi")
        op.get_by_label("Nomor surat").fill("400.14/321/DISKOMINFO-PROV/2026")
        op.get_by_label("Tanggal surat").fill((timezone.localdate() - datetime.timedelta(days=1)).isoformat())
        op.get_by_label("Hal/perihal").fill(PERIHAL)
        op.get_by_label("Urgensi").select_option("segera")
        op.get_by_label("Pindaian surat").set_input_files(
            {"name": "undangan.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        op.get_by_role("button", name="Catat dan teruskan").click()
        expect(op.get_by_text(re.compile(r"nomor agenda 1/\d{4}"))).to_be_visible()
        naskah = NaskahMasukPage.objects.get()
        url = f"{live_server.url}/admin/naskah/surat-masuk/{naskah.pk}/"

        # 2. the Kepala disposes to two Kabid with instructions and a deadline
        kepala = masuk("pejabat")
        kepala.goto(url)
        form = kepala.locator("form", has=kepala.get_by_role("button", name="Kirim disposisi"))
        form.get_by_label("Kepala Bidang Informasi dan Komunikasi Publik", exact=True).check()
        form.get_by_label("Kepala Bidang Aplikasi Informatika", exact=True).check()
        form.get_by_label("Untuk ditindaklanjuti").check()
        form.get_by_label("Hadiri/wakili").check()
        form.get_by_label("Catatan").fill("Wakili saya dan laporkan hasilnya.")
        batas = timezone.localdate() + datetime.timedelta(days=3)
        form.get_by_label("Batas waktu").fill(batas.isoformat())
        form.get_by_role("button", name="Kirim disposisi").click()
        expect(kepala.get_by_text("Disposisi dikirim kepada")).to_be_visible()
        expect(kepala.locator("#status-masuk")).to_have_text("Dalam disposisi")

        # 3. the Kabid IKP sees it in "Disposisi untuk saya" (with a count) and forwards to two staff
        ikp = masuk("kabid.ikp")
        ikp.locator("[data-wagtail-sidebar]").get_by_role("button", name="Naskah").click()
        ikp.locator("[data-wagtail-sidebar]").get_by_role(
            "link", name=re.compile(r"^Disposisi untuk saya \(1\)")
        ).click()
        ikp.get_by_role("link", name=PERIHAL).click()
        form = ikp.locator("form", has=ikp.get_by_role("button", name="Teruskan"))
        form.get_by_label("Kepala Seksi Pengelolaan Informasi Publik", exact=True).check()
        form.get_by_label("Putri Lestari, S.I.Kom. — Pranata Hubungan Masyarakat Ahli Muda", exact=True).check()
        form.get_by_label("Untuk dipelajari").check()
        form.get_by_role("button", name="Teruskan").click()
        expect(ikp.get_by_text("Disposisi dikirim kepada")).to_be_visible()

        # 4. each holder reports (the forwarder last); the letter completes
        for username in ("kasi.pip", "humas", "kabid.ikp", "admin"):
            p = masuk(username)
            p.goto(url)
            p.get_by_label("Laporan tindak lanjut").first.fill(f"Tindak lanjut oleh {username}.")
            p.get_by_role("button", name="Selesai", exact=True).first.click()
            expect(p.get_by_text("Tindak lanjut dicatat.")).to_be_visible()
        kepala.goto(url)
        expect(kepala.locator("#status-masuk")).to_have_text("Selesai")
        pohon = kepala.locator("#pohon-disposisi")
        expect(pohon.locator("[data-disposisi]")).to_have_count(4)
        expect(pohon.locator(".lontar-simpul--selesai")).to_have_count(4)
        expect(kepala.locator("#linimasa")).to_contain_text("Naskah selesai dan diarsipkan")
        SCREENSHOT.parent.mkdir(exist_ok=True)
        kepala.screenshot(path=str(SCREENSHOT), full_page=True)

        lembar = kepala.request.get(f"{live_server.url}/admin/naskah/surat-masuk/{naskah.pk}/lembar.pdf")
        assert lembar.status == 200 and lembar.body().startswith(b"%PDF")
        assert NaskahMasukPage.objects.get().status == StatusMasuk.SELESAI

        # an official of another OPD finds nothing
        luar = masuk("kadinkes")
        assert luar.goto(url).status == 404
    finally:
        for context in contexts:
            tutup(context)
