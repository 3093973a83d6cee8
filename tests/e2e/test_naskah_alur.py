"""The whole outgoing-letter chain through the admin UI, in headless Chromium:
draft in Wagtail's editor, submit, paraf, return, fix and resubmit, paraf, sign,
then the recipient's and the tembusan's Kotak masuk and the signed PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PERIHAL = "Permohonan Dukungan Publikasi Vaksinasi"
DASAR_BARU = "Surat Kepala Dinas Kesehatan Nomor 400.7/99/DINKES/2026"
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "naskah-detail.png"


def info_dari(page):  # type: ignore[no-untyped-def]
    return page.locator(".lontar-detail__info dl")


def buka_dari_menu(page, nama: str) -> None:  # type: ignore[no-untyped-def]
    """Open an item of the "Naskah" menu in Wagtail's sidebar."""
    page.locator("[data-wagtail-sidebar]").get_by_role("button", name="Naskah").click()
    page.locator("[data-wagtail-sidebar]").get_by_role("link", name=re.compile(rf"^{nama}")).click()
    page.locator("h1", has_text=nama).wait_for()


def pilih_jabatan(page, field_id: str, nama: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a jabatan in Wagtail's snippet chooser modal (paginated, no search)."""
    page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-content")
    modal.locator("table").wait_for()
    halaman = 1
    while not modal.get_by_role("link", name=nama, exact=True).count():
        modal.get_by_role("link", name=re.compile("Berikutnya")).click()
        halaman += 1
        modal.get_by_text(f"Halaman {halaman} dari").wait_for()
    modal.get_by_role("link", name=nama, exact=True).click()
    page.locator(f"#{field_id}-title").filter(has_text=nama).wait_for()
    modal.wait_for(state="hidden")  # the next chooser must not act on this modal
    expect(page.locator(f"input#{field_id}")).not_to_have_value("")


def test_surat_dinas_dari_konsep_sampai_kotak_masuk(live_server, browser, settings, tutup) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_tte=True, tanpa_situs=True)
    contexts = []

    def masuk(username: str):  # type: ignore[no-untyped-def]
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
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
        # 1. The operator drafts a Surat Dinas in Wagtail's editor and submits it.
        page = masuk("operator")
        page.locator("[data-wagtail-sidebar]").get_by_role("button", name="Naskah").click()
        page.get_by_role("link", name="Buat naskah keluar").click()
        page.wait_for_url(f"{live_server.url}/admin/naskah/baru/")
        page.locator("li", has_text="Surat Dinas").get_by_role("button", name="Buat").first.click()
        page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
        page.fill("input[name=perihal]", PERIHAL)
        page.select_option("select[name=penerima]", label="Kepala Dinas Kesehatan")
        page.select_option("select[name=tembusan]", label="Sekretaris Daerah")
        page.fill("textarea[name=isian__dasar]", "Surat Kepala Dinas Kesehatan Nomor 400.7/88/DINKES/2026")
        page.fill("textarea[name=isian__isi_pokok]", "Dengan hormat, kami mohon dukungan publikasi kegiatan vaksinasi.")
        page.click("#id_pemaraf-ADD")
        pilih_jabatan(page, "id_pemaraf-0-jabatan", "Kepala Bidang Informasi dan Komunikasi Publik")
        page.click("#id_pemaraf-ADD")
        pilih_jabatan(page, "id_pemaraf-1-jabatan", "Sekretaris Dinas Komunikasi dan Informatika")
        pilih_jabatan(page, "id_penandatangan", "Kepala Dinas Komunikasi dan Informatika")
        page.get_by_role("button", name="Simpan konsep").click()
        page.locator(".messages .success").first.wait_for()
        naskah_id = int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))
        detail = f"{live_server.url}/admin/naskah/{naskah_id}/"
        page.locator(".w-dropdown--dropdown-button .w-dropdown__toggle").click()
        page.locator("button[name=action-submit]").click()
        page.locator(".messages .success").first.wait_for()
        page.goto(detail)
        info = page.locator(".lontar-detail__info dl")
        expect(info).to_contain_text("Dalam persetujuan — menunggu Kepala Bidang Informasi dan Komunikasi Publik")
        expect(info).to_contain_text("Kepala Dinas Komunikasi dan Informatika")

        # 2. The first pemaraf finds it in "Perlu tindakan" and initials it.
        page = masuk("kabid.ikp")
        buka_dari_menu(page, "Perlu tindakan")
        page.get_by_role("link", name=PERIHAL).click()
        page.wait_for_url(detail)
        page.get_by_role("button", name="Paraf", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Persetujuan Anda tercatat.")
        expect(info_dari(page)).to_contain_text("menunggu Sekretaris Dinas Komunikasi dan Informatika")

        # 3. The second pemaraf returns it with a note.
        page = masuk("sek.diskominfo")
        buka_dari_menu(page, "Perlu tindakan")
        page.get_by_role("link", name=PERIHAL).click()
        page.fill("#catatan-kembalikan", "Perbaiki dasar surat: rujuk surat nomor 400.7/99.")
        page.get_by_role("button", name="Kembalikan", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Naskah dikembalikan kepada pembuatnya.")
        expect(info_dari(page)).to_contain_text("Dikembalikan")

        # 4. The operator sees it returned, fixes the konsep and submits it again.
        page = masuk("operator")
        buka_dari_menu(page, "Perlu tindakan")
        baris = page.locator("table.lontar-kotak tbody tr", has_text=PERIHAL)
        expect(baris).to_contain_text("Dikembalikan")
        expect(baris).to_contain_text("Perbaikan oleh Anda")
        baris.get_by_role("link", name=PERIHAL).click()
        expect(page.locator(".lontar-riwayat")).to_contain_text("400.7/99")
        page.get_by_role("link", name="Ubah konsep").click()
        page.wait_for_url(re.compile(rf"/admin/pages/{naskah_id}/edit/"))
        page.fill("textarea[name=isian__dasar]", DASAR_BARU)
        page.get_by_role("button", name="Simpan konsep").click()
        page.locator(".messages .success").first.wait_for()
        page.goto(detail)
        page.get_by_role("button", name="Ajukan", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Naskah diajukan untuk persetujuan.")
        expect(info_dari(page)).to_contain_text("menunggu Sekretaris Dinas Komunikasi dan Informatika")

        # 5. The second pemaraf initials it now; the Kepala Dinas signs.
        page = masuk("sek.diskominfo")
        page.goto(detail)
        page.get_by_role("button", name="Paraf", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Persetujuan Anda tercatat.")
        page = masuk("pejabat")
        buka_dari_menu(page, "Perlu tindakan")
        page.get_by_role("link", name=PERIHAL).click()
        page.get_by_role("button", name="Tandatangani", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("Persetujuan Anda tercatat.")
        page.reload()  # the signature ran after the approval committed (eager Celery)
        expect(info_dari(page)).to_contain_text("Terkirim")
        nomor = page.locator(".lontar-detail__info dt:text-is('Nomor') + dd").inner_text().strip()
        assert re.search(r"/DISKOMINFO/\d{4}$", nomor), nomor

        # 6. The recipient finds it unread in Kotak masuk, opens it and downloads the signed PDF.
        page = masuk("kadinkes")
        buka_dari_menu(page, "Kotak masuk")
        baris = page.locator("table.lontar-kotak tbody tr", has_text=PERIHAL)
        expect(baris).to_have_class(re.compile("lontar-belum-dibaca"))
        expect(baris).to_contain_text(nomor)
        assert int(baris.locator("td").first.evaluate("e => getComputedStyle(e).fontWeight")) >= 600
        baris.get_by_role("link", name=PERIHAL).click()
        page.wait_for_url(detail)
        dikirim = page.locator("h2:text-is('Dikirim kepada') + ul")
        expect(dikirim).to_contain_text("Kepala Dinas Kesehatan (Penerima)")
        expect(dikirim).to_contain_text("Sekretaris Daerah (Tembusan)")
        with page.expect_download() as unduhan:
            page.get_by_role("link", name="Unduh PDF").click()
        with open(unduhan.value.path(), "rb") as berkas:
            assert berkas.read(4) == b"%PDF"
        assert unduhan.value.suggested_filename == nomor.replace("/", "-") + ".pdf"
        # the letter itself shows beside its details (an iframe of the same origin)
        page.frame_locator("iframe.lontar-detail__pratinjau").locator("text=" + PERIHAL).first.wait_for()
        page.screenshot(path=str(SCREENSHOT))
        buka_dari_menu(page, "Kotak masuk")
        expect(page.locator("table.lontar-kotak tbody tr", has_text=PERIHAL)).not_to_have_class(
            re.compile("lontar-belum-dibaca")
        )

        # The tembusan receives it too.
        page = masuk("sekda")
        buka_dari_menu(page, "Kotak masuk")
        expect(page.locator("table.lontar-kotak tbody tr", has_text=PERIHAL)).to_contain_text(nomor)
    finally:
        for context in contexts:
            tutup(context)
