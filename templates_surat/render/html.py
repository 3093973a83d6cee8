"""Dokumen → one standalone HTML5 page (the preview, and the source of the PDF).

All layout is in `templates_surat/surat.html`; this module turns the Dokumen into a
context of already-sanitised pieces (inline markup re-emitted through `inline.ke_html`,
plain strings left to Django's autoescaping).
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..dokumen import Daftar, Dokumen, Judul, Paragraf, Rincian, Tabel, TataLetak
from .inline import ke_html, ke_teks

TEMPLATE = "templates_surat/surat.html"

_MIME_GAMBAR = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif"}


def judul_metadata(dok: Dokumen) -> str:
    """Document title for metadata: judul_dokumen, else hal, else judul."""
    return dok.judul_dokumen.strip() or ke_teks(dok.hal).strip() or ke_teks(dok.judul).strip() or "Naskah Dinas"


def berkas_logo(dok: Dokumen) -> Path | None:
    """The logo file, when one is set and exists on disk."""
    if not dok.kop.logo:
        return None
    path = Path(dok.kop.logo).resolve()
    return path if path.is_file() else None


def _src_logo(dok: Dokumen, untuk_pdf: bool) -> str:
    path = berkas_logo(dok)
    if path is None:
        return ""
    if untuk_pdf:
        return path.as_uri()
    data = path.read_bytes()
    mime = next((m for awal, m in _MIME_GAMBAR.items() if data.startswith(awal)), "image/png")
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def jabatan_ttd(markup: str) -> str:
    """The signer's jabatan followed by a comma, as tata naskah writes it."""
    teks = ke_teks(markup).rstrip()
    return markup if not teks or teks.endswith(",") else f"{markup},"


def lebar_teks_em(teks: str) -> float:
    """Rough width of Times text in em (good enough to share out column widths)."""
    lebar = 0.0
    for c in teks:
        if c == " ":
            lebar += 0.25
        elif c.isdigit():
            lebar += 0.5
        elif c.isupper() or c in "mwMW@%":
            lebar += 0.72
        elif c in ".,:;'!|()[]-/ilfjrt":
            lebar += 0.3
        else:
            lebar += 0.47
    return lebar


def proporsi_kolom(tabel: Tabel, *, tersedia_em: float = 34.0, contoh: int = 200) -> list[float]:
    """Share of the width (after the No. column) for each column, estimated from the header
    and the first rows like an auto table layout would. Fixed widths keep long tables fast."""
    n = len(tabel.kolom)
    if not n:
        return []
    perlu = [1.0] * n  # widest line, em
    minimum = [1.0] * n  # widest word, em
    for baris in [tabel.kolom, *tabel.baris[:contoh]]:
        for i, sel in enumerate(baris[:n]):
            for teks in ke_teks(sel).split("\n"):
                perlu[i] = max(perlu[i], min(lebar_teks_em(teks), 40.0))
                minimum[i] = max(minimum[i], *(min(lebar_teks_em(k), 20.0) for k in teks.split() or [""]))
    ruang = (tersedia_em - 0.7 * n) / 1.05
    if sum(perlu) <= ruang:
        lebar = perlu
    elif sum(minimum) >= ruang:
        lebar = minimum
    else:
        lebih = ruang - sum(minimum)
        selisih = [p - m for p, m in zip(perlu, minimum, strict=True)]
        lebar = [m + lebih * d / sum(selisih) for m, d in zip(minimum, selisih, strict=True)]
    lebar = [w * 1.05 + 0.7 for w in lebar]  # a little slack, plus the cell padding
    return [w / sum(lebar) for w in lebar]


def _blok(blok: object) -> dict[str, Any]:
    if isinstance(blok, Judul):
        return {"jenis": "judul", "teks": ke_html(blok.teks)}
    if isinstance(blok, Paragraf):
        return {"jenis": "paragraf", "teks": ke_html(blok.teks)}
    if isinstance(blok, Daftar):
        return {"jenis": "daftar", "bernomor": blok.bernomor, "butir": [ke_html(b) for b in blok.butir]}
    if isinstance(blok, Rincian):
        return {"jenis": "rincian", "baris": [(ke_html(a), ke_html(b)) for a, b in blok.baris]}
    if isinstance(blok, Tabel):
        return {
            "jenis": "tabel",
            "kolom": [ke_html(k) for k in blok.kolom],
            "nomor_urut": blok.nomor_urut,
            "lebar": [f"{p * 100:.2f}%" for p in proporsi_kolom(blok, tersedia_em=35.2 if blok.nomor_urut else 37.8)],
            "baris": _baris_tabel(blok),
        }
    raise TypeError(f"Blok tidak dikenal: {type(blok).__name__}")


def _baris_tabel(tabel: Tabel) -> SafeString:
    """Table body rows, built here rather than in the template: tables may hold thousands of rows."""
    lebar = len(tabel.kolom)
    bagian: list[str] = []
    for i, baris in enumerate(tabel.baris, start=1):
        sel = [*baris[:lebar], *[""] * (lebar - len(baris))]
        no = f'<td class="no">{i}.</td>' if tabel.nomor_urut else ""
        bagian.append("<tr>" + no + "".join(f"<td>{ke_html(s)}</td>" for s in sel) + "</tr>")
    return mark_safe("\n".join(bagian))  # noqa: S308 - cells are re-emitted by ke_html


def konteks(dok: Dokumen, *, untuk_pdf: bool = False) -> dict[str, Any]:
    """The template context: every markup field already sanitised."""
    instansi = dok.kop.baris_instansi
    ttd = dok.penandatangan
    kepala: list[tuple[str, SafeString]] = []
    if dok.tata_letak == TataLetak.SURAT:
        if dok.dari:
            kepala.append(("Yth.", mark_safe("<br>".join(ke_html(k) for k in dok.kepada))))  # noqa: S308
            kepala.append(("Dari", ke_html(dok.dari)))
        kepala.append(("Nomor", format_html('<span class="nomor">{}</span>', dok.nomor)))
        if ke_teks(dok.sifat).strip():
            kepala.append(("Sifat", ke_html(dok.sifat)))
        if ke_teks(dok.lampiran).strip():
            kepala.append(("Lampiran", ke_html(dok.lampiran)))
        kepala.append(("Hal", ke_html(dok.hal)))
    return {
        "untuk_pdf": untuk_pdf,
        "judul_dokumen": judul_metadata(dok),
        "surat": dok.tata_letak == TataLetak.SURAT,
        "konsep": dok.konsep,
        "kop": {
            "logo": _src_logo(dok, untuk_pdf),
            "instansi": instansi[:-1],
            "unit": instansi[-1] if instansi else "",
            "alamat": dok.kop.alamat,
            "kontak": dok.kop.kontak,
        },
        "judul": ke_html(dok.judul),
        "nomor": dok.nomor,
        "tempat_tanggal": ke_html(dok.tempat_tanggal),
        "hal_kapital": ke_html(dok.hal, kapital=True),
        "kepala": kepala,
        "nota": bool(dok.dari),
        "kepada": [ke_html(k) for k in dok.kepada] if not dok.dari else [],
        "isi": [_blok(b) for b in dok.isi],
        "ttd": {
            "jabatan": ke_html(jabatan_ttd(ttd.jabatan)),
            "nama": ke_html(ttd.nama),
            "pangkat": ke_html(ttd.pangkat),
            "nip": ttd.nip,
        },
        "tembusan": [ke_html(t) for t in dok.tembusan],
    }


def render_html(dok: Dokumen, *, untuk_pdf: bool = False) -> str:
    """A complete HTML5 document (CSS embedded); `untuk_pdf` drops the screen-only styling."""
    return render_to_string(TEMPLATE, konteks(dok, untuk_pdf=untuk_pdf))
