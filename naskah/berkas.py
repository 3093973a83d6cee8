"""Checks on files users attach to letters: size, and content that matches the
extension (a renamed executable or HTML is refused). Stored outside the public
media URL space and served only through the permission-checked download view."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAKS_LAMPIRAN_MB = 20

_TANDA = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
}
_PDF_AKTIF = (b"/JavaScript", b"/JS ", b"/Launch", b"/EmbeddedFile")


def periksa_berkas_lampiran(berkas: Any) -> None:
    """Validator for an uploaded attachment (FieldFile or UploadedFile)."""
    ukuran = getattr(berkas, "size", 0) or 0
    if ukuran > MAKS_LAMPIRAN_MB * 1024 * 1024:
        raise ValidationError(_("Berkas lebih besar dari %(mb)s MB.") % {"mb": MAKS_LAMPIRAN_MB}, code="terlalu_besar")
    if ukuran == 0:
        raise ValidationError(_("Berkas kosong."), code="kosong")
    nama = str(getattr(berkas, "name", "")).lower()
    ekstensi = nama.rsplit(".", 1)[-1] if "." in nama else ""
    posisi = berkas.tell() if hasattr(berkas, "tell") else 0
    berkas.seek(0)
    kepala = berkas.read(8)
    isi_pdf = b""
    if ekstensi == "pdf":
        berkas.seek(0)
        isi_pdf = berkas.read(MAKS_LAMPIRAN_MB * 1024 * 1024)
    berkas.seek(posisi)
    tanda = _TANDA.get(ekstensi)
    if tanda is None or not any(kepala.startswith(t) for t in tanda):
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan ekstensinya (.%(ekstensi)s).") % {"ekstensi": ekstensi or "?"},
            code="isi_tidak_sesuai",
        )
    if any(t in isi_pdf for t in _PDF_AKTIF):
        raise ValidationError(
            _("PDF berisi skrip, tautan peluncur atau berkas tertanam dan ditolak."), code="pdf_aktif"
        )
