from __future__ import annotations

import pytest
from django.core.management import call_command

from templates_surat.models import TemplateSuratPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_placeholder_tanpa_kolom_ditandai_di_bloknya(live_server, page, masuk) -> None:  # type: ignore[no-untyped-def]
    """Even a draft save refuses a placeholder with no field, and says so on the block."""
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
    template = TemplateSuratPage.objects.get(slug="nota-dinas")
    revisi = template.latest_revision_id

    masuk("admin")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{template.pk}/edit/", wait_until="networkidle")
    editor = page.locator(".public-DraftEditor-content", has_text="{{ isi_pokok }}").first
    editor.wait_for(timeout=45_000)  # the StreamField editors are built by the admin's JS
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" Rapat {{ nama_acara }}", delay=10)
    # Draftail writes its state to a hidden input: wait until the form carries the new text.
    page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')].some(i => i.value.includes('nama_acara'))"
    )
    page.get_by_role("button", name="Simpan konsep").click()

    galat = page.locator(".error-message", has_text="nama_acara").first
    galat.wait_for(state="attached")
    assert "Blok #1 (Paragraf): placeholder tanpa kolom isian: nama_acara" in galat.inner_text()
    template.refresh_from_db()
    assert template.latest_revision_id == revisi
