"""Uploaded .docx templates (docxtpl): safety checks, placeholders, rendering.

An uploaded DOCX is a ZIP of XML parts, so it is checked before anything reads it
as a document: no macros, no ZIP bomb, no links to remote files (remote template
injection, linked images, OLE), no DTD/entity tricks. Nothing is ever extracted
to disk; every part is read in bounded chunks.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from . import engine

MAKS_BERKAS = 20 * 1024 * 1024
MAKS_ENTRI = 2000
MAKS_RASIO = 100
_REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class DocxDitolak(Exception):
    def __init__(self, alasan: str) -> None:
        self.alasan = alasan
        super().__init__(alasan)


def _maks_terurai() -> int:
    return int(getattr(settings, "LONTAR_DOCX_MAKS_UKURAN_TERURAI", 50 * 1024 * 1024))


def _baca_terbatas(arsip: zipfile.ZipFile, info: zipfile.ZipInfo, sisa: int) -> bytes:
    """Read one part in chunks, stopping as soon as the remaining budget is spent."""
    bagian = []
    total = 0
    with arsip.open(info) as berkas:
        while chunk := berkas.read(64 * 1024):
            total += len(chunk)
            if total > sisa:
                raise DocxDitolak(
                    _("Isi dokumen terlalu besar setelah diurai (batas %(mb)s MB); kemungkinan zip bomb.")
                    % {"mb": _maks_terurai() // (1024 * 1024)}
                )
            bagian.append(chunk)
    return b"".join(bagian)


def _xml(data: bytes, nama: str) -> Any:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocxDitolak(_("Bagian %(nama)s memuat deklarasi DTD/ENTITY dan ditolak.") % {"nama": nama})
    try:
        return SafeET.fromstring(data)
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise DocxDitolak(_("Bagian %(nama)s bukan XML yang sah.") % {"nama": nama}) from exc


def periksa_docx(data: bytes, nama_berkas: str = "") -> None:
    """Raise DocxDitolak with an Indonesian reason when the upload is unsafe or not a DOCX."""
    if nama_berkas.lower().endswith((".docm", ".dotm")):
        raise DocxDitolak(_("Dokumen berisi makro (VBA) dan ditolak."))
    if len(data) > MAKS_BERKAS:
        raise DocxDitolak(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": MAKS_BERKAS // (1024 * 1024)})
    try:
        arsip = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise DocxDitolak(_("Berkas bukan dokumen DOCX yang sah.")) from exc
    with arsip:
        daftar = arsip.infolist()
        if len(daftar) > MAKS_ENTRI:
            raise DocxDitolak(_("Dokumen memuat terlalu banyak bagian (%(n)s).") % {"n": len(daftar)})
        nama = {info.filename for info in daftar}
        if "[Content_Types].xml" not in nama or "word/document.xml" not in nama:
            raise DocxDitolak(_("Berkas bukan dokumen DOCX yang sah."))
        for info in daftar:
            kecil = info.filename.lower()
            if "vbaproject" in kecil or "vbadata" in kecil:
                raise DocxDitolak(_("Dokumen berisi makro (VBA) dan ditolak."))
            if kecil.startswith(("word/embeddings/", "word/activex/")):
                raise DocxDitolak(_("Dokumen memuat objek tertanam (OLE/ActiveX) dan ditolak."))
            if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > MAKS_RASIO:
                raise DocxDitolak(
                    _("Rasio kompresi bagian %(nama)s tidak wajar; kemungkinan zip bomb.") % {"nama": info.filename}
                )
        sisa = _maks_terurai()
        for info in daftar:
            isi = _baca_terbatas(arsip, info, sisa)
            sisa -= len(isi)
            if info.filename == "[Content_Types].xml" and b"macroEnabled" in isi:
                raise DocxDitolak(_("Dokumen berisi makro (VBA) dan ditolak."))
            if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                akar = _xml(isi, info.filename)
                if info.filename.endswith(".rels"):
                    for rel in akar.iter(f"{_NS_REL}Relationship"):
                        if rel.get("TargetMode") == "External" and rel.get("Type") != _REL_HYPERLINK:
                            raise DocxDitolak(
                                _("Dokumen memuat tautan ke berkas eksternal (%(target)s) dan ditolak.")
                                % {"target": rel.get("Target", "")}
                            )
    try:
        import docx

        docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DocxDitolak(_("Berkas bukan dokumen DOCX yang sah.")) from exc


def _template(data: bytes) -> Any:
    from docxtpl import DocxTemplate

    return DocxTemplate(io.BytesIO(data))


def placeholder_docx(data: bytes) -> set[str]:
    """Top-level names the DOCX template uses."""
    periksa_docx(data)
    try:
        return set(_template(data).get_undeclared_template_variables(engine.lingkungan()))
    except TemplateSyntaxError as exc:
        raise engine.GalatTemplate(
            f"kesalahan sintaks di berkas DOCX: {exc.message}", "berkas DOCX", exc.lineno
        ) from exc


def render_docx_unggahan(data: bytes, konteks: dict[str, Any]) -> bytes:
    periksa_docx(data)
    template = _template(data)
    try:
        template.render(konteks, jinja_env=engine.lingkungan(), autoescape=True)
    except TemplateSyntaxError as exc:
        raise engine.GalatTemplate(
            f"kesalahan sintaks di berkas DOCX: {exc.message}", "berkas DOCX", exc.lineno
        ) from exc
    except UndefinedError as exc:
        raise engine.GalatTemplate(f"isian tidak tersedia: {exc.message}", "berkas DOCX") from exc
    except SecurityError as exc:
        raise engine.GalatTemplate(f"tidak diizinkan: {exc}", "berkas DOCX") from exc
    keluaran = io.BytesIO()
    template.save(keluaran)
    return keluaran.getvalue()


def render_pdf_unggahan(data: bytes, konteks: dict[str, Any]) -> bytes:
    from .render.libreoffice import docx_ke_pdf

    return docx_ke_pdf(render_docx_unggahan(data, konteks))


def validasi_berkas_docx(berkas: Any) -> None:
    """Validator for an uploaded file or a Wagtail Document."""
    sumber = getattr(berkas, "file", berkas)
    ukuran = getattr(sumber, "size", None)
    if ukuran is not None and ukuran > MAKS_BERKAS:
        raise ValidationError(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": MAKS_BERKAS // (1024 * 1024)})
    if getattr(sumber, "closed", False):
        sumber.open("rb")
    try:
        sumber.seek(0)
        data = sumber.read(MAKS_BERKAS + 1)
    finally:
        sumber.seek(0)
    try:
        periksa_docx(data, getattr(sumber, "name", "") or "")
    except DocxDitolak as exc:
        raise ValidationError(exc.alasan) from exc
