"""Electronic signature in headless Chromium: the signing official approves a letter
with a wrong and then the right TTE passphrase on the letter page; a citizen opens the
QR link (public verification page) and checks the downloaded signed PDF by upload."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from naskah import layanan
from naskah.models import NaskahKeluarPage, StatusNaskah
from templates_surat.models import TemplateSuratPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "verifikasi-tte.png"


def _user(username: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=username)


def test_tandatangani_dengan_passphrase_lalu_verifikasi_publik(live_server, browser, settings, tutup, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings.LONTAR_PENANDA = "lokal"
    settings.LONTAR_URL_PUBLIK = live_server.url
    # with the local CA and the officials' certificates
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_situs=True)
    naskah = layanan.buat_konsep(
        _user("operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal="Undangan Sosialisasi Tanda Tangan Elektronik",
        isian={"dasar": "Rencana kerja 2026.", "isi_pokok": "Mohon hadir pada sosialisasi TTE."},
        penerima=[_user("kadinkes").pegawai.jabatan],
        pemaraf=[],
        penandatangan=_user("pejabat").pegawai.jabatan,
    )
    layanan.ajukan(naskah, _user("operator"))

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", "pejabat")
        page.fill("input[name=password]", settings.LONTAR_DEMO_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

        page.goto(f"{live_server.url}/admin/naskah/{naskah.pk}/")
        page.fill("#sandi-tte", "bukan-passphrase-saya")
        page.get_by_role("button", name="Tandatangani", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Passphrase salah")
        assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.DIAJUKAN

        page.fill("#sandi-tte", settings.LONTAR_DEMO_PASSWORD)
        page.get_by_role("button", name="Tandatangani", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Persetujuan Anda tercatat.")
        naskah.refresh_from_db()
        assert naskah.status == StatusNaskah.TERKIRIM and naskah.penanda_tte == "lokal"
        with page.expect_download() as unduhan:
            page.get_by_role("link", name="Unduh PDF").click()
        pdf = tmp_path / "surat.pdf"
        unduhan.value.save_as(pdf)

        # a citizen (no login) follows the QR code, then checks the file by upload
        warga = browser.new_context(locale="id-ID", viewport={"width": 412, "height": 915})
        halaman = warga.new_page()
        halaman.goto(f"{live_server.url}/verifikasi/{naskah.kode_verifikasi}/")
        expect(halaman.locator(".verifikasi--sah")).to_contain_text("Sah.")
        expect(halaman.locator(".fakta")).to_contain_text(naskah.nomor)
        expect(halaman.locator(".fakta")).to_contain_text("Undangan Sosialisasi Tanda Tangan Elektronik")
        halaman.screenshot(path=str(SCREENSHOT), full_page=True)
        halaman.get_by_role("link", name="periksa PDF").click()
        halaman.set_input_files("input[type=file]", str(pdf))
        halaman.get_by_role("button", name="Periksa").click()
        expect(halaman.locator("[data-status]")).to_have_attribute("data-status", "sah")
        tutup(warga)
    finally:
        tutup(context)
