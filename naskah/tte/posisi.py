"""Where the visible signature goes: the empty space the letter template leaves between
the jabatan and the signer's name.

The HTML template marks that space `<div class="ttd-ruang" id="ttd-ruang">`; WeasyPrint
turns every id into a named destination, so the rendered PDF itself says on which page
and at which point the space starts, whatever the letter's length. Uploaded .docx
templates go through LibreOffice, which writes no such destination: then the stamp
goes to the bottom-right of the last page, in the bottom margin.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

MM = 72 / 25.4
NAMA_TUJUAN = "ttd-ruang"
LEBAR = 72 * MM  # the signature column is half the text width (8 cm on A4)
TINGGI = 24 * MM  # .ttd-ruang is 2.5 cm tall
TEPI_KANAN = 20 * MM
DASAR_CADANGAN = 4 * MM  # bottom of the fallback box, inside the page's bottom margin


@dataclass(frozen=True)
class Posisi:
    halaman: int  # 0-based page index
    kotak: tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points (origin bottom-left)


def posisi_ttd(pdf: bytes) -> Posisi:
    """The signature box of a rendered letter (see the module docstring). Raises
    ValueError when `pdf` cannot be read at all."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf))
        jumlah = len(reader.pages)
    except (PyPdfError, OSError, KeyError, TypeError) as exc:
        raise ValueError(f"PDF tidak dapat dibaca: {exc}") from exc
    if jumlah == 0:
        raise ValueError("PDF tidak memiliki halaman.")
    try:
        tujuan = reader.named_destinations.get(NAMA_TUJUAN)
        if tujuan is not None and tujuan.left is not None and tujuan.top is not None:
            halaman = reader.get_destination_page_number(tujuan)
            kiri, atas = float(tujuan.left), float(tujuan.top)
            if halaman is not None and 0 <= halaman < jumlah:
                return Posisi(halaman, (kiri, atas - TINGGI, kiri + LEBAR, atas))
    except (PyPdfError, KeyError, TypeError, ValueError):
        pass  # a malformed name tree: fall back like a letter without one
    kotak = reader.pages[-1].mediabox
    kanan = float(kotak.right) - TEPI_KANAN
    bawah = float(kotak.bottom) + DASAR_CADANGAN
    return Posisi(jumlah - 1, (kanan - LEBAR, bawah, kanan, bawah + TINGGI))
