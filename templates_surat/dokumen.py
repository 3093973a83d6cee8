"""The intermediate document: what a letter says, independent of its format.

The renderer fills a `Dokumen` from a template and its isian (see `susun.py`);
`render/docx.py`, `render/html.py` and `render/pdf.py` turn the same Dokumen into
DOCX, HTML and PDF/A, so the preview, the PDF and the DOCX never disagree.

Text fields hold *inline markup*: HTML-escaped text that may contain only
`<strong>`, `<em>`, `<u>` and `<br>` (see `MarkupInline`). Values typed by users
are escaped before they get here; renderers turn the few tags into runs/markup and
never trust anything else.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# Escaped text with at most <strong>, <em>, <u>, <br> (see module docstring).
MarkupInline = str

TAG_INLINE = frozenset({"strong", "em", "u", "br"})


class TataLetak(enum.StrEnum):
    SURAT = "surat"  # correspondence: tempat-tanggal, Nomor/Sifat/Lampiran/Hal, Yth.
    JUDUL = "judul"  # title layout (penetapan): centred JENIS, NOMOR, TENTANG


@dataclass(frozen=True)
class Kop:
    baris_instansi: list[str]  # e.g. ["PEMERINTAH KOTA SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA"]
    alamat: str = ""
    kontak: str = ""  # "Telepon (0267) 555-0101, Pos-el diskominfo@…, Laman …"
    logo: str | None = None  # path of a PNG/JPEG file on disk


@dataclass(frozen=True)
class Judul:
    teks: MarkupInline


@dataclass(frozen=True)
class Paragraf:
    teks: MarkupInline


@dataclass(frozen=True)
class Daftar:
    butir: list[MarkupInline]
    bernomor: bool = True


@dataclass(frozen=True)
class Rincian:
    """Label : value lines (hari/tanggal, waktu, tempat… in an undangan)."""

    baris: list[tuple[MarkupInline, MarkupInline]]


@dataclass(frozen=True)
class Tabel:
    kolom: list[MarkupInline]
    baris: list[list[MarkupInline]]
    nomor_urut: bool = True  # a leading "No." column numbered 1..n


Blok = Judul | Paragraf | Daftar | Rincian | Tabel


@dataclass(frozen=True)
class Penandatangan:
    jabatan: MarkupInline  # may span lines with <br> ("a.n. Wali Kota<br>Sekretaris Daerah")
    nama: MarkupInline
    pangkat: MarkupInline = ""
    nip: str = ""


@dataclass(frozen=True)
class Dokumen:
    tata_letak: TataLetak
    kop: Kop
    judul: MarkupInline  # "SURAT TUGAS", "NOTA DINAS"; empty for a plain surat dinas
    nomor: str
    tempat_tanggal: MarkupInline  # "Sukamaju, 24 November 2026"
    hal: MarkupInline
    isi: list[Blok]
    penandatangan: Penandatangan
    sifat: MarkupInline = ""
    lampiran: MarkupInline = ""
    kepada: list[MarkupInline] = field(default_factory=list)  # Yth. lines
    dari: MarkupInline = ""  # nota dinas
    tembusan: list[MarkupInline] = field(default_factory=list)
    konsep: bool = True  # watermark KONSEP until signed
    judul_dokumen: str = ""  # document title metadata (PDF/DOCX properties)
