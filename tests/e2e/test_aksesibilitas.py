"""Accessibility of the public website, checked with axe-core in headless Chromium.

The citizen-facing pages (home, a news article, the Daftar Informasi Publik and the information
request form) must have no axe violation of impact "serious" or "critical" (WCAG 2.x A/AA and
axe's best practices, as axe runs by default). Lesser findings are printed, not failed: they
are reviewed by hand.

axe-core comes from npm, pinned in tests/e2e/axe/package-lock.json (`make axe`, which `make
test` runs), and is injected into each page from that file: no CDN, same engine everywhere.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_DIR = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core"
AXE = AXE_DIR / "axe.min.js"
AXE_VERSI = "4.14.1"  # = tests/e2e/axe/package.json
DAMPAK_GAGAL = {"serious", "critical"}


def _halaman_pertama(nama_model: str) -> Page:
    """The first live page of a type named `nama_model`, whichever app defines it (the public
    site's page types are looked up by name, so this test does not pin their module)."""
    for model in apps.get_models():
        if model.__name__ == nama_model and issubclass(model, Page):
            page = Page.objects.live().type(model).order_by("path").first()
            if page is not None:
                return page.specific
    pytest.fail(f"Tidak ada halaman {nama_model} yang terbit dalam data demo.")


def _periksa(page: Any, url: str) -> list[dict[str, Any]]:
    respons = page.goto(url, wait_until="networkidle")
    assert respons is not None and respons.status == 200, f"{url}: {respons and respons.status}"
    page.add_script_tag(path=str(AXE))
    hasil: dict[str, Any] = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert hasil["testEngine"]["version"] == AXE_VERSI
    return list(hasil["violations"])


def _ringkas(pelanggaran: dict[str, Any]) -> str:
    target = [", ".join(node["target"]) for node in pelanggaran["nodes"][:5]]
    return (
        f"[{pelanggaran['impact']}] {pelanggaran['id']}: {pelanggaran['help']} ({len(pelanggaran['nodes'])}×) {target}"
    )


def test_halaman_publik_tanpa_pelanggaran_serius(live_server: Any, page: Any) -> None:
    assert AXE.exists(), f"axe-core belum terpasang di {AXE_DIR}: jalankan `make axe`."
    versi = json.loads((AXE_DIR / "package.json").read_text())["version"]
    assert versi == AXE_VERSI, f"axe-core {versi} terpasang, {AXE_VERSI} diharapkan: jalankan `make axe`."
    # the engine really runs: a page with an image without alt text is a critical violation
    page.set_content('<html lang="id"><head><title>uji</title></head><body><img src="x.png"></body></html>')
    page.add_script_tag(path=str(AXE))
    uji = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert "image-alt" in {v["id"] for v in uji["violations"]}

    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True)

    halaman = {
        "beranda": "/",
        "berita": _halaman_pertama("BeritaPage").url,
        "daftar informasi publik": _halaman_pertama("DaftarInformasiPublikPage").url,
        "permohonan informasi": "/ppid/permohonan/",
    }
    gagal: list[str] = []
    for nama, path in halaman.items():
        pelanggaran = _periksa(page, f"{live_server.url}{path}")
        print(f"\n== {nama} ({path}): {len(pelanggaran)} pelanggaran axe")
        for p in pelanggaran:
            print("   ", _ringkas(p))
            if p["impact"] in DAMPAK_GAGAL:
                gagal.append(f"{nama}: {_ringkas(p)}")
    assert not gagal, "Pelanggaran aksesibilitas serius/kritis:\n" + "\n".join(gagal)
