from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_operator_membuat_surat_dinas_dengan_pratinjau(live_server, page, masuk) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)

    masuk("operator")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/buat-naskah/")
    page.get_by_role("link", name="Surat Dinas", exact=True).click()
    page.click("text=Isi dengan contoh")
    frame = page.frame_locator("[data-pratinjau-frame]")
    frame.locator("text=Permohonan Data Layanan Publik Tahun 2026").first.wait_for()

    page.fill("input[name=hal]", "Permohonan Data Statistik Sektoral")
    frame.locator("text=Permohonan Data Statistik Sektoral").first.wait_for()
    assert frame.locator("text=KONSEP").count() >= 1

    with page.expect_download() as unduhan:
        page.click("button[value=pdf]")
    path = unduhan.value.path()
    with open(path, "rb") as berkas:
        assert berkas.read(5) == b"%PDF-"
    assert unduhan.value.suggested_filename.endswith("-konsep.pdf")


def test_tabel_surat_tugas_terisi_contoh_dan_bisa_ditambah(live_server, page, masuk) -> None:  # type: ignore[no-untyped-def]
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
    masuk("operator")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/buat-naskah/")
    page.get_by_role("link", name="Surat Tugas", exact=True).click()
    page.click("text=Isi dengan contoh")
    frame = page.frame_locator("[data-pratinjau-frame]")
    frame.locator("text=Dimas Prasetyo, S.Kom.").first.wait_for()

    page.click("[data-lontar-tambah-baris]")
    page.fill("input[name=peserta-2-nama]", "Sri Wahyuni, S.Sos.")
    page.fill("input[name=peserta-2-nip]", "198811092010012005")
    page.fill("input[name=peserta-2-jabatan]", "Arsiparis Ahli Muda")
    frame.locator("text=Sri Wahyuni, S.Sos.").first.wait_for()
