"""Render a letter from a template: one entry point for the admin views, the
`render_surat` command and (later) the correspondence app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Revision

from . import isian as isian_mod
from .susun import susun

FORMAT = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


@dataclass(frozen=True)
class Berkas:
    isi: bytes
    content_type: str
    nama: str


def template_versi(revision_id: int) -> Any:
    """The template exactly as it was in one revision: letters keep rendering from
    the version they were made with, whatever the admins change later."""
    return Revision.page_revisions.get(pk=revision_id).as_object()


def render(
    template: Any,
    data_isian: dict[str, Any],
    format: str,
    *,
    nomor: str | None = None,
    konsep: bool = True,
) -> Berkas:
    """Validate isian, compose and render. Raises isian.GalatIsian (bad isian),
    engine.GalatTemplate (broken template) or render.GalatRender (output failed)."""
    if format not in FORMAT:
        raise ValueError(f"format tidak dikenal: {format}")
    bersih = isian_mod.validasi(template, data_isian)
    nama = f"{slugify(template.slug)}-{timezone.localdate():%Y%m%d}{'-konsep' if konsep else ''}.{format}"
    if template.berkas_docx_id:
        return Berkas(_render_docx_unggahan(template, bersih, format, nomor), FORMAT[format], nama)
    dokumen = susun(template, bersih, nomor=nomor, konsep=konsep)
    if format == "docx":
        from .render.docx import render_docx

        return Berkas(render_docx(dokumen), FORMAT[format], nama)
    if format == "pdf":
        from .render.pdf import render_pdf

        return Berkas(render_pdf(dokumen), FORMAT[format], nama)
    from .render.html import render_html

    return Berkas(render_html(dokumen).encode(), FORMAT[format], nama)


def _render_docx_unggahan(template: Any, bersih: dict[str, Any], format: str, nomor: str | None) -> bytes:
    from .docx_unggah import render_docx_unggahan, render_pdf_unggahan
    from .susun import konteks_lengkap

    with template.berkas_docx.open_file() as berkas:
        data = berkas.read()
    kon = konteks_lengkap(template, bersih, nomor=nomor)
    if format == "docx":
        return render_docx_unggahan(data, kon)
    if format == "pdf":
        return render_pdf_unggahan(data, kon)
    from .render import GalatRender

    raise GalatRender("Pratinjau HTML tidak tersedia untuk template DOCX unggahan; unduh PDF atau DOCX.")
