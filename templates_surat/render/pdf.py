"""Dokumen → PDF/A-3b with WeasyPrint, from the same HTML as the preview."""

from __future__ import annotations

import threading
from pathlib import Path

from weasyprint import HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from ..dokumen import Dokumen
from . import GalatRender
from .html import berkas_logo, render_html

_lokal = threading.local()


def font_config() -> FontConfiguration:
    """One FontConfiguration per thread, reused: it caches font lookups (and is not thread-safe).
    Shared by every PDF Lontar renders (letters, lembar disposisi, agenda)."""
    config: FontConfiguration | None = getattr(_lokal, "font_config", None)
    if config is None:
        config = _lokal.font_config = FontConfiguration()
    return config


class _Pengambil(URLFetcher):
    """Loads only the letterhead logo and data: URIs; nothing from the network or other files."""

    def __init__(self, logo: Path | None) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self._izin = logo.as_uri() if logo else None

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:") or (self._izin is not None and url == self._izin):
            return super().fetch(url, headers)
        raise ValueError(f"URL tidak diizinkan dalam naskah: {url}")


def render_pdf(dok: Dokumen) -> bytes:
    """PDF/A-3b, fonts embedded (subsets); the HTML <title> (`judul_metadata`) becomes the PDF title."""
    logo = berkas_logo(dok)
    try:
        hasil = HTML(
            string=render_html(dok, untuk_pdf=True),
            base_url=logo.parent.as_uri() + "/" if logo else None,
            url_fetcher=_Pengambil(logo),
        ).write_pdf(pdf_variant="pdf/a-3b", font_config=font_config())
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one message
        raise GalatRender(f"PDF gagal dibuat: {exc}") from exc
    if not hasil:
        raise GalatRender("PDF gagal dibuat: hasil kosong.")
    return bytes(hasil)
