"""Uploaded .docx templates (docxtpl): safety checks, placeholders, rendering.

An uploaded DOCX is a ZIP of XML parts, so it is checked before anything reads it
as a document: no macros, no ZIP bomb, no links to remote files (remote template
injection, linked images, OLE), no embedded objects, no DTD/entity tricks. Nothing
is ever extracted to disk; every part is read in bounded chunks.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.utils.translation import gettext as _
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from . import engine
from .render import GalatRender

MB = 1024 * 1024
MAKS_BERKAS = 20 * MB  # the upload itself (compressed)
MAKS_ENTRI = 2000
MAKS_TERURAI_BAWAAN = 50 * MB  # all parts together, uncompressed; settings.LONTAR_DOCX_MAKS_UKURAN_TERURAI
MAKS_RASIO = 100
RASIO_MULAI = 1 * MB  # the ratio limit applies to parts larger than this
_POTONGAN = 64 * 1024

_CT = "[Content_Types].xml"
_REL_HYPERLINK = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",  # strict OOXML
}
_REL_OBJEK = ("/oleobject", "/activexcontrol", "/activexcontrolbinary", "/package")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Field codes that make Word pull in another file or a remote resource when the letter is opened.
_FIELD_EKSTERNAL = {"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT"}
_DTD = tuple(
    penanda.encode(kode) for penanda in ("<!DOCTYPE", "<!ENTITY") for kode in ("utf-8", "utf-16-le", "utf-16-be")
)
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# Core properties docxtpl renders as templates (see DocxTemplate.render_properties).
_PROPERTI = ("author", "comments", "identifier", "language", "subject", "title")


class DocxDitolak(GalatRender):
    """An uploaded DOCX refused as unsafe or invalid; `alasan` is shown to the user.

    A GalatRender, so a template that became unacceptable later fails like any other render."""

    def __init__(self, alasan: str) -> None:
        self.alasan = alasan
        super().__init__(alasan)


def _maks_terurai() -> int:
    return int(getattr(settings, "LONTAR_DOCX_MAKS_UKURAN_TERURAI", MAKS_TERURAI_BAWAAN))


def _ukuran(n: int) -> str:
    if n >= MB:
        return f"{n // MB} MB" if n % MB == 0 else f"{n / MB:.1f} MB"
    return f"{n} byte"


def _bukan_docx() -> DocxDitolak:
    return DocxDitolak(_("Berkas bukan dokumen DOCX yang sah."))


def _makro() -> DocxDitolak:
    return DocxDitolak(_("Dokumen berisi makro (VBA) dan ditolak."))


def _objek_tertanam(nama: str) -> DocxDitolak:
    return DocxDitolak(_("Dokumen memuat objek tertanam (OLE/ActiveX: %(nama)s) dan ditolak.") % {"nama": nama})


def _terlalu_besar(batas: int) -> DocxDitolak:
    return DocxDitolak(
        _("Isi dokumen melebihi batas %(batas)s setelah diurai; kemungkinan zip bomb.") % {"batas": _ukuran(batas)}
    )


def _eksternal(target: str) -> DocxDitolak:
    return DocxDitolak(_("Dokumen memuat tautan ke berkas eksternal (%(target)s) dan ditolak.") % {"target": target})


class _Anggaran:
    """The uncompressed bytes still allowed, shared by every part of one archive."""

    def __init__(self, batas: int) -> None:
        self.batas = batas
        self.sisa = batas

    def baca(self, arsip: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
        """Read one part in chunks, stopping as soon as the budget is spent (never trusting declared sizes)."""
        bagian = []
        try:
            with arsip.open(info) as berkas:
                while potongan := berkas.read(_POTONGAN):
                    self.sisa -= len(potongan)
                    if self.sisa < 0:
                        raise _terlalu_besar(self.batas)
                    bagian.append(potongan)
        except DocxDitolak:
            raise
        except Exception as exc:  # corrupt data, bad CRC, encrypted or unsupported compression
            raise _bukan_docx() from exc
        return b"".join(bagian)


def _lokal(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _urai_xml(data: bytes, nama: str) -> Element:
    if any(penanda in data for penanda in _DTD):
        raise DocxDitolak(_("Bagian %(nama)s memuat deklarasi DTD/ENTITY dan ditolak.") % {"nama": nama})
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:  # e.g. a DTD in UTF-16 that the byte check cannot see
        raise DocxDitolak(_("Bagian %(nama)s memuat deklarasi DTD/ENTITY dan ditolak.") % {"nama": nama}) from exc
    except (SafeET.ParseError, LookupError, ValueError) as exc:  # LookupError: unknown encoding declared
        raise DocxDitolak(_("Bagian %(nama)s bukan XML yang sah.") % {"nama": nama}) from exc


def _jenis_konten(akar: Element) -> tuple[dict[str, str], dict[str, str]]:
    """(default by extension, override by part name) from [Content_Types].xml, lower-cased keys."""
    bawaan: dict[str, str] = {}
    khusus: dict[str, str] = {}
    for el in akar.iter():
        jenis = el.get("ContentType", "")
        if "macroenabled" in jenis.lower() or "vba" in jenis.lower():
            raise _makro()
        if _lokal(el.tag) == "Default":
            bawaan[el.get("Extension", "").lower()] = jenis
        elif _lokal(el.tag) == "Override":
            khusus[el.get("PartName", "").lstrip("/").lower()] = jenis
    return bawaan, khusus


def _periksa_relasi(akar: Element) -> None:
    for rel in akar.iter():
        if _lokal(rel.tag) != "Relationship":
            continue
        tipe = rel.get("Type", "")
        target = rel.get("Target", "")
        if not (tipe and target and rel.get("Id")):
            raise _bukan_docx()
        if rel.get("TargetMode", "").strip().lower() == "external" and tipe not in _REL_HYPERLINK:
            raise _eksternal(target)
        tipe_kecil = tipe.lower()
        if "vbaproject" in tipe_kecil or "vbadata" in tipe_kecil:
            raise _makro()
        if any(
            tipe_kecil.endswith(akhir)
            for akhir in ("/oleobject", "/activexcontrol", "/activexcontrolbinary", "/package")
        ):
            raise _objek_tertanam(target)
        if tipe_kecil.endswith("/afchunk"):
            raise DocxDitolak(
                _("Dokumen menyisipkan dokumen lain (altChunk: %(target)s) dan ditolak.") % {"target": target}
            )


def _periksa_field(akar: Element) -> None:
    """Refuse field codes such as INCLUDEPICTURE/INCLUDETEXT/DDE that fetch other files."""

    def periksa(instruksi: str) -> None:
        kata = instruksi.split()
        if kata and kata[0].upper() in _FIELD_EKSTERNAL:
            raise DocxDitolak(
                _("Dokumen memuat kode field %(kode)s yang mengambil berkas eksternal dan ditolak.")
                % {"kode": kata[0].upper()}
            )

    terbuka: list[list[str]] = []  # instructions of the fields being read (fields nest)
    for el in akar.iter():
        nama = _lokal(el.tag)
        if nama == "fldSimple":
            periksa(el.get(f"{_W}instr", ""))
        elif nama == "instrText":
            if terbuka:
                terbuka[-1].append(el.text or "")
            else:
                periksa(el.text or "")
        elif nama == "fldChar":
            jenis = el.get(f"{_W}fldCharType", "")
            if jenis == "begin":
                terbuka.append([])
            elif jenis in ("separate", "end") and terbuka:
                periksa("".join(terbuka[-1]))
                terbuka[-1] = []
                if jenis == "end":
                    terbuka.pop()
    for sisa in terbuka:
        periksa("".join(sisa))


def _periksa_svg(akar: Element) -> None:
    for el in akar.iter():
        for atribut, nilai in el.attrib.items():
            if _lokal(atribut) == "href" and not nilai.strip().startswith(("#", "data:")):
                raise _eksternal(nilai)


def periksa_docx(data: bytes, nama_berkas: str = "") -> None:
    """Raise DocxDitolak with an Indonesian reason when the upload is unsafe or not a DOCX.

    Cheap checks first (name, size, ZIP directory), then every part is read in bounded
    chunks: XML parsed without DTDs, relationships and field codes inspected; last, the
    file must open with python-docx."""
    if nama_berkas.lower().endswith((".docm", ".dotm")):
        raise _makro()
    if len(data) > MAKS_BERKAS:
        raise DocxDitolak(_("Berkas lebih besar dari %(batas)s.") % {"batas": _ukuran(MAKS_BERKAS)})
    if not data.startswith(b"PK\x03\x04"):  # a DOCX starts with its first part; refuses PDF/ZIP polyglots too
        raise _bukan_docx()
    try:
        arsip = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:
        raise _bukan_docx() from exc
    with arsip:
        daftar = arsip.infolist()
        _periksa_daftar(daftar)
        anggaran = _Anggaran(_maks_terurai())
        ct = next(info for info in daftar if info.filename == _CT)
        bawaan, khusus = _jenis_konten(_urai_xml(anggaran.baca(arsip, ct), _CT))
        for info in daftar:
            if info is ct:
                continue
            isi = anggaran.baca(arsip, info)
            nama = info.filename.lower()
            jenis = khusus.get(nama) or bawaan.get(nama.rsplit(".", 1)[-1] if "." in nama else "", "")
            if "oleobject" in jenis.lower() or "activex" in jenis.lower():
                raise _objek_tertanam(info.filename)
            if not (nama.endswith((".xml", ".rels", ".svg")) or jenis.lower().endswith("xml")):
                continue
            akar = _urai_xml(isi, info.filename)
            if nama.endswith(".rels"):
                _periksa_relasi(akar)
            elif nama.startswith("word/"):
                _periksa_field(akar)
            if "svg" in jenis.lower() or nama.endswith(".svg"):
                _periksa_svg(akar)
    try:
        _buka_python_docx(data)
    except Exception as exc:
        raise _bukan_docx() from exc


def _buka_python_docx(data: bytes) -> None:
    """Open the file with python-docx and touch every part docxtpl will use, then save it again."""
    import docx
    from docx.oxml import parse_xml

    dokumen = docx.Document(io.BytesIO(data))
    if dokumen.element.body is None:
        raise ValueError("no w:body")
    for nama in _PROPERTI:
        getattr(dokumen.core_properties, nama)
    for rel in dokumen.part.rels.values():
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            parse_xml(rel.target_part.blob)
    for part in dokumen.part.package.parts:
        if part.content_type == _FOOTNOTES:
            parse_xml(part.blob)
    dokumen.save(io.BytesIO())


def _periksa_daftar(daftar: list[zipfile.ZipInfo]) -> None:
    """Checks on the ZIP directory alone: number of parts, part names, declared sizes."""
    if len(daftar) > MAKS_ENTRI:
        raise DocxDitolak(
            _("Dokumen memuat lebih dari %(batas)s bagian; kemungkinan zip bomb.") % {"batas": MAKS_ENTRI}
        )
    for info in daftar:
        nama = info.filename.lower()
        if "vbaproject" in nama or "vbadata" in nama:
            raise _makro()
        if nama.startswith(("word/embeddings/", "word/activex/")):
            raise _objek_tertanam(info.filename)
    nama_bagian = {info.filename for info in daftar}
    if _CT not in nama_bagian or "word/document.xml" not in nama_bagian:
        raise _bukan_docx()
    batas = _maks_terurai()
    if sum(info.file_size for info in daftar) > batas:
        raise _terlalu_besar(batas)
    for info in daftar:
        if info.file_size > RASIO_MULAI and info.file_size > MAKS_RASIO * info.compress_size:
            raise DocxDitolak(
                _("Bagian %(nama)s dimampatkan lebih dari %(rasio)s:1; kemungkinan zip bomb.")
                % {"nama": info.filename, "rasio": MAKS_RASIO}
            )


# --- Templates -------------------------------------------------------------------------------


def _kelas_template() -> type[Any]:
    from docxtpl import DocxTemplate

    class TemplateLontar(DocxTemplate):
        def render_footnotes(self, context: dict[str, Any], jinja_env: Any = None) -> None:
            """Render the footnotes part once. docxtpl renders it once per section, so from the
            second section on a value such as "{{ 7*7 }}" typed by a user would be evaluated."""
            for part in self.docx.part.package.parts:
                if part.content_type == _FOOTNOTES:
                    blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                    part._blob = self.render_xml_part(self.patch_xml(blob), part, context, jinja_env).encode("utf-8")

    return TemplateLontar


def _template(data: bytes) -> Any:
    return _kelas_template()(io.BytesIO(data))


def _sumber(template: Any) -> Iterator[tuple[str, str]]:
    """(label, Jinja source) of every part docxtpl renders, split into lines as docxtpl does."""
    from docx.oxml import parse_xml

    def baris(xml: str) -> str:
        return re.sub(r"<w:p([ >])", r"\n<w:p\1", template.patch_xml(xml))

    template.init_docx()
    dokumen = template.docx
    yield "isi dokumen", baris(template.xml_to_string(dokumen._element.body))
    for uri, label in ((template.HEADER_URI, "kepala halaman"), (template.FOOTER_URI, "kaki halaman")):
        for rel in dokumen._part.rels.values():
            if rel.reltype == uri and rel.target_part.blob:
                yield label, baris(template.xml_to_string(parse_xml(rel.target_part.blob)))
    for part in dokumen.part.package.parts:
        if part.content_type == _FOOTNOTES:
            yield "catatan kaki", baris(part.blob.decode("utf-8"))
    for nama in _PROPERTI:
        yield f"properti dokumen ({nama})", getattr(dokumen.core_properties, nama) or ""


def _cuplikan(baris: list[str]) -> str:
    teks = " ".join(html.unescape(re.sub(r"<[^>]+>", "", b)) for b in baris)
    teks = " ".join(teks.split())
    return teks if len(teks) <= 80 else teks[:77] + "…"


def _galat_sintaks(exc: TemplateSyntaxError, label: str, sumber: str) -> engine.GalatTemplate:
    pesan = f"kesalahan sintaks: {exc.message}"
    if exc.lineno:
        cuplikan = _cuplikan(sumber.splitlines()[exc.lineno - 1 : exc.lineno])
        if cuplikan:
            pesan += f" (dekat teks “{cuplikan}”)"
    return engine.GalatTemplate(pesan, f"Berkas DOCX, {label}")


def placeholder_docx(data: bytes) -> set[str]:
    """Top-level names the DOCX template uses (body, headers, footers, footnotes, document properties).

    The same parts docxtpl renders, parsed with Lontar's sandboxed environment; a syntax
    error becomes engine.GalatTemplate naming the part and quoting the text near it."""
    periksa_docx(data)
    env = engine.lingkungan()
    nama: set[str] = set()
    from jinja2 import meta

    for label, sumber in _sumber(_template(data)):
        if "{" not in sumber:
            continue
        try:
            nama |= meta.find_undeclared_variables(env.parse(sumber))
        except TemplateSyntaxError as exc:
            raise _galat_sintaks(exc, label, sumber) from exc
    return nama


_TAK_SAH_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _bersihkan(nilai: Any) -> Any:
    """Values as plain text that XML can carry: control characters dropped, line breaks kept."""
    if isinstance(nilai, str):  # Markup too: in a DOCX it is text, never markup
        teks = str.__str__(nilai).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
        return _TAK_SAH_XML.sub("", teks)
    if isinstance(nilai, dict):
        return {k: _bersihkan(v) for k, v in nilai.items()}
    if isinstance(nilai, list | tuple):
        return type(nilai)(_bersihkan(v) for v in nilai)
    return nilai


def render_docx_unggahan(data: bytes, konteks: dict[str, Any]) -> bytes:
    """Check, then render the uploaded template in the sandbox; returns DOCX bytes.

    Values are autoescaped (`<`, `&` stay literal text). Template errors become
    engine.GalatTemplate; an unsafe file DocxDitolak."""
    from lxml.etree import XMLSyntaxError

    periksa_docx(data)
    template = _template(data)
    template.init_docx()
    properti = {nama: getattr(template.docx.core_properties, nama) or "" for nama in _PROPERTI}
    try:
        template.render(_bersihkan(konteks), jinja_env=engine.lingkungan(), autoescape=True)
    except TemplateSyntaxError as exc:
        raise engine.GalatTemplate(f"kesalahan sintaks: {exc.message}{_konteks_galat(exc)}", "Berkas DOCX") from exc
    except UndefinedError as exc:
        raise engine.GalatTemplate(f"isian tidak tersedia: {exc.message}", "Berkas DOCX") from exc
    except SecurityError as exc:
        raise engine.GalatTemplate(f"tidak diizinkan: {exc}", "Berkas DOCX") from exc
    except (TemplateError, TypeError, ValueError, ArithmeticError) as exc:
        raise engine.GalatTemplate(f"tidak dapat diolah: {exc}", "Berkas DOCX") from exc
    except XMLSyntaxError as exc:  # e.g. a {% if %} that opens in one paragraph and closes in another
        raise engine.GalatTemplate(
            f"hasil render bukan dokumen Word yang utuh ({exc}); periksa blok {{% … %}} di berkas DOCX",
            "Berkas DOCX",
        ) from exc
    for nama, awal in properti.items():
        if "{" in awal:  # rendered with autoescape; a property is plain text, python-docx escapes it itself
            inti = template.docx.core_properties
            setattr(inti, nama, html.unescape(getattr(inti, nama)))
    keluaran = io.BytesIO()
    template.save(keluaran)
    hasil = keluaran.getvalue()
    periksa_docx(hasil)  # a value placed inside a field code must not turn into an INCLUDEPICTURE
    return hasil


def _konteks_galat(exc: TemplateError) -> str:
    baris = list(getattr(exc, "docx_context", None) or [])
    cuplikan = _cuplikan(baris[3:4] or baris)
    return f" (dekat teks “{cuplikan}”)" if cuplikan else ""


def render_pdf_unggahan(data: bytes, konteks: dict[str, Any]) -> bytes:
    """render_docx_unggahan, then LibreOffice; raises LibreOfficeTidakTersedia when soffice is missing."""
    from .render.libreoffice import docx_ke_pdf

    return docx_ke_pdf(render_docx_unggahan(data, konteks))


# --- Admin -----------------------------------------------------------------------------------


def _baca_berkas(sumber: File) -> bytes:
    """At most MAKS_BERKAS + 1 bytes from the start of the file, leaving it as it was found."""
    ditutup = bool(getattr(sumber, "closed", False))
    if ditutup:
        sumber.open("rb")
    try:
        if sumber.seekable():
            sumber.seek(0)
        return sumber.read(MAKS_BERKAS + 1)
    finally:
        if ditutup:
            sumber.close()
        elif sumber.seekable():
            sumber.seek(0)


def validasi_berkas_docx(berkas: Any) -> None:
    """Validator for an UploadedFile, a FieldFile or a Wagtail Document: periksa_docx as ValidationError."""
    sumber = berkas if isinstance(berkas, File) else getattr(berkas, "file", None)
    if not isinstance(sumber, File):
        raise ValidationError(_("Berkas bukan dokumen DOCX yang sah."), code="docx_ditolak")
    terlalu_besar = ValidationError(
        _("Berkas lebih besar dari %(batas)s.") % {"batas": _ukuran(MAKS_BERKAS)}, code="docx_ditolak"
    )
    try:
        ukuran: int | None = sumber.size
    except (OSError, AttributeError, ValueError):
        ukuran = None
    if ukuran is not None and ukuran > MAKS_BERKAS:
        raise terlalu_besar
    try:
        data = _baca_berkas(sumber)
    except OSError as exc:
        raise ValidationError(_("Berkas tidak dapat dibaca."), code="docx_ditolak") from exc
    if len(data) > MAKS_BERKAS:
        raise terlalu_besar
    try:
        periksa_docx(data, sumber.name or "")
    except DocxDitolak as exc:
        raise ValidationError(exc.alasan, code="docx_ditolak") from exc


class BerkasDocxField(forms.FileField):
    """A form field for an uploaded DOCX template, checked with validasi_berkas_docx."""

    default_validators = [validasi_berkas_docx]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.setdefault("accept", ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return attrs
