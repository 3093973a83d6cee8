"""The visible part of a local electronic signature: a QR code to the public
verification page and who signed, as which jabatan, when.

Drawn by our own pyHanko stamp style rather than QRStampStyle because the final PDF is
PDF/A: every font must be embedded, and pyHanko's embedded-font engine needs uharfbuzz
(and its QR stamp the `qrcode` package), neither of which Lontar ships. Here the QR
comes from segno as filled rectangles and the text uses a DejaVu Sans subset
(fontTools, already installed with WeasyPrint) embedded as a Type0/CIDFontType2 font
with widths and a ToUnicode map. The subset (Latin, Latin-1, Latin Extended-A) is built
once per process (~0.3 s) and reused, so a signature costs no font work.
"""

from __future__ import annotations

import datetime
import functools
import io
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from pyhanko.pdf_utils import generic, layout
from pyhanko.pdf_utils.content import ResourceType
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.stamp.base import BaseStamp, BaseStampStyle

from templates_surat.tanggal import tanggal_indonesia

from ..penanda import GalatPenanda

if TYPE_CHECKING:
    from pyhanko.pdf_utils.writer import BasePdfFileWriter

    from ..models import NaskahKeluarPage

BERKAS_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Printable ASCII, Latin-1 and Latin Extended-A (Indonesian names and titles) plus the
# typographic punctuation a jabatan may carry; anything else falls back to its base letter.
_HURUF = (
    "".join(chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x180)])
    + "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
)
_ZONA = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True)
class Stempel:
    nama: str
    jabatan: str
    nip: str
    waktu: datetime.datetime
    url: str

    def baris(self) -> list[str]:
        """The text lines, top to bottom (long ones are wrapped when drawn)."""
        return [
            _("Ditandatangani secara elektronik oleh"),
            self.nama,
            self.jabatan,
            _("NIP %(nip)s") % {"nip": self.nip} if self.nip else "",
            waktu_indonesia(self.waktu),
        ]


def waktu_indonesia(waktu: datetime.datetime) -> str:
    """24 November 2026 14:05 WIB"""
    lokal = timezone.localtime(waktu)
    zona = _ZONA.get(str(settings.TIME_ZONE), lokal.strftime("%Z"))
    return f"{tanggal_indonesia(lokal.date())} {lokal:%H:%M} {zona}".strip()


def stempel_untuk(naskah: NaskahKeluarPage) -> Stempel:
    """What the signature of `naskah` shows: the signing official (with "Plh."/"Plt."
    when they signed for a jabatan delegated to them), the time the final approval was
    given and the letter's verification link."""
    from organisasi.models import Delegasi, JenisDelegasi, Pegawai

    pegawai = Pegawai.objects.filter(user_id=naskah.ditandatangani_oleh_id).select_related("jabatan").first()
    if pegawai is None:
        raise GalatPenanda(_("Penanda tangan naskah ini tidak terdaftar sebagai pegawai."))
    if not naskah.kode_verifikasi:
        raise GalatPenanda(_("Naskah ini belum memiliki kode verifikasi."))
    waktu = naskah.ditandatangani_pada or timezone.now()
    jabatan = naskah.penandatangan.nama if naskah.penandatangan is not None else ""
    if naskah.penandatangan_id and pegawai.jabatan_id != naskah.penandatangan_id:
        tanggal = timezone.localtime(waktu).date()
        delegasi = Delegasi.objects.filter(
            pegawai=pegawai, jabatan_id=naskah.penandatangan_id, mulai__lte=tanggal, selesai__gte=tanggal
        ).first()
        if delegasi is not None:
            jabatan = f"{'Plh.' if delegasi.jenis == JenisDelegasi.PLH else 'Plt.'} {jabatan}"
    return Stempel(
        nama=pegawai.nama,
        jabatan=jabatan,
        nip=pegawai.nip,
        waktu=waktu,
        url=f"{settings.LONTAR_URL_PUBLIK}/verifikasi/{naskah.kode_verifikasi}/",
    )


# --- embedded font --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Font:
    data: bytes
    nama_ps: str
    per_em: int
    gid: dict[str, int]  # character → glyph id in the subset (= CID, Identity map)
    lebar: dict[int, int]  # glyph id → advance width in font units
    ascent: int
    descent: int
    cap_height: int
    bbox: tuple[int, int, int, int]

    def teks(self, s: str) -> str:
        """`s` with characters outside the subset replaced by their base letter (or ?)."""
        hasil = []
        for c in s:
            if c in self.gid:
                hasil.append(c)
                continue
            dasar = "".join(d for d in unicodedata.normalize("NFKD", c) if d in self.gid and d.isalnum())
            hasil.append(dasar or "?")
        return "".join(hasil)

    def lebar_teks(self, s: str, ukuran: float) -> float:
        return sum(self.lebar[self.gid[c]] for c in s) * ukuran / self.per_em

    def hex(self, s: str) -> bytes:
        return b"<" + "".join(f"{self.gid[c]:04X}" for c in s).encode() + b">"


@functools.cache
def _font() -> _Font:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    try:
        tt = TTFont(BERKAS_FONT)
    except OSError as exc:
        raise GalatPenanda(_("Font DejaVu Sans tidak ditemukan (paket fonts-dejavu-core).")) from exc
    opsi = subset.Options()
    opsi.layout_features = []
    opsi.hinting = False
    opsi.notdef_outline = True
    opsi.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opsi.drop_tables += ["FFTM", "GDEF", "GPOS", "GSUB", "kern", "MATH"]
    pemotong = subset.Subsetter(opsi)
    pemotong.populate(text=_HURUF)
    pemotong.subset(tt)
    keluaran = io.BytesIO()
    tt.save(keluaran)
    cmap = tt.getBestCmap()
    gid = {chr(k): tt.getGlyphID(v) for k, v in cmap.items()}
    hmtx = tt["hmtx"]
    head, os2 = tt["head"], tt["OS/2"]
    return _Font(
        data=keluaran.getvalue(),
        nama_ps="LNTRTT+" + tt["name"].getDebugName(6),
        per_em=head.unitsPerEm,
        gid=gid,
        lebar={tt.getGlyphID(nama): hmtx[nama][0] for nama in tt.getGlyphOrder()},
        ascent=tt["hhea"].ascent,
        descent=tt["hhea"].descent,
        cap_height=getattr(os2, "sCapHeight", tt["hhea"].ascent),
        bbox=(head.xMin, head.yMin, head.xMax, head.yMax),
    )


def _skala(font: _Font, nilai: int) -> generic.NumberObject:
    return generic.NumberObject(round(nilai * 1000 / font.per_em))


def _objek_font(writer: BasePdfFileWriter, font: _Font) -> generic.IndirectObject:
    """Type0 font (Identity-H) over a CIDFontType2 with the subset embedded: what PDF/A
    requires of any font, plus a ToUnicode map so the text can be searched and copied."""
    berkas = generic.StreamObject({pdf_name("/Length1"): generic.NumberObject(len(font.data))}, stream_data=font.data)
    berkas.compress()
    deskriptor = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/FontDescriptor"),
            pdf_name("/FontName"): pdf_name("/" + font.nama_ps),
            pdf_name("/Flags"): generic.NumberObject(4),
            pdf_name("/FontBBox"): generic.ArrayObject([_skala(font, v) for v in font.bbox]),
            pdf_name("/ItalicAngle"): generic.NumberObject(0),
            pdf_name("/Ascent"): _skala(font, font.ascent),
            pdf_name("/Descent"): _skala(font, font.descent),
            pdf_name("/CapHeight"): _skala(font, font.cap_height),
            pdf_name("/StemV"): generic.NumberObject(80),
            pdf_name("/FontFile2"): writer.add_object(berkas),
        }
    )
    lebar: list[Any] = []
    for g in sorted(font.lebar):
        lebar += [generic.NumberObject(g), generic.ArrayObject([_skala(font, font.lebar[g])])]
    cid = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Font"),
            pdf_name("/Subtype"): pdf_name("/CIDFontType2"),
            pdf_name("/BaseFont"): pdf_name("/" + font.nama_ps),
            pdf_name("/CIDSystemInfo"): generic.DictionaryObject(
                {
                    pdf_name("/Registry"): generic.TextStringObject("Adobe"),
                    pdf_name("/Ordering"): generic.TextStringObject("Identity"),
                    pdf_name("/Supplement"): generic.NumberObject(0),
                }
            ),
            pdf_name("/FontDescriptor"): writer.add_object(deskriptor),
            pdf_name("/W"): generic.ArrayObject(lebar),
            pdf_name("/CIDToGIDMap"): pdf_name("/Identity"),
        }
    )
    peta = generic.StreamObject(stream_data=_to_unicode(font))
    peta.compress()
    return writer.add_object(
        generic.DictionaryObject(
            {
                pdf_name("/Type"): pdf_name("/Font"),
                pdf_name("/Subtype"): pdf_name("/Type0"),
                pdf_name("/BaseFont"): pdf_name("/" + font.nama_ps),
                pdf_name("/Encoding"): pdf_name("/Identity-H"),
                pdf_name("/DescendantFonts"): generic.ArrayObject([writer.add_object(cid)]),
                pdf_name("/ToUnicode"): writer.add_object(peta),
            }
        )
    )


def _to_unicode(font: _Font) -> bytes:
    pasangan = sorted((g, c) for c, g in font.gid.items() if g)
    baris = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for i in range(0, len(pasangan), 100):
        potong = pasangan[i : i + 100]
        baris.append(f"{len(potong)} beginbfchar")
        baris += [f"<{g:04X}> <{ord(c):04X}>" for g, c in potong]
        baris.append("endbfchar")
    baris += ["endcmap CMapName currentdict /CMap defineresource pop end end"]
    return "\n".join(baris).encode()


# --- the appearance -------------------------------------------------------------------------
def _qr(url: str, x: float, y: float, sisi: float) -> bytes:
    """The QR code as filled rectangles (one per run of dark modules), quiet zone included."""
    import segno

    kode = segno.make(url, error="m", micro=False)
    tepi = 2  # modules of quiet zone inside the square; the stamp's white space adds more
    matriks = kode.matrix
    n = len(matriks) + 2 * tepi
    m = sisi / n
    perintah = [b"q 0 g"]
    for r, baris in enumerate(matriks):
        ky = y + sisi - (r + tepi + 1) * m
        c = 0
        while c < len(baris):
            if not baris[c]:
                c += 1
                continue
            awal = c
            while c < len(baris) and baris[c]:
                c += 1
            perintah.append(b"%.3f %.3f %.3f %.3f re" % (x + (awal + tepi) * m, ky, (c - awal) * m, m))
    perintah.append(b"f Q")
    return b"\n".join(perintah)


def _bungkus(font: _Font, teks: str, ukuran: float, lebar: float) -> list[str]:
    """Greedy word wrap to `lebar` points (a too-long single word stays on its line)."""
    hasil: list[str] = []
    for bagian in teks.split("\n"):
        baris = ""
        for kata in bagian.split():
            coba = f"{baris} {kata}" if baris else kata
            if baris and font.lebar_teks(coba, ukuran) > lebar:
                hasil.append(baris)
                baris = kata
            else:
                baris = coba
        if baris:
            hasil.append(baris)
    return hasil


@dataclass(frozen=True)
class GayaStempel(BaseStampStyle):
    """pyHanko stamp style drawing a `Stempel`: QR on the left, text on the right."""

    stempel: Stempel | None = None
    border_width: int = 0
    tepi: float = 2.0
    ukuran_huruf: float = 6.5
    ukuran_minimal: float = 4.0

    def create_stamp(self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict) -> BaseStamp:
        return _CapTte(writer=writer, style=self, box=box)


class _CapTte(BaseStamp):
    style: GayaStempel

    def _render_inner_content(self) -> list[bytes]:
        stempel = self.style.stempel
        if stempel is None:
            return []
        font = _font()
        self.set_resource(ResourceType.FONT, pdf_name("/FTte"), _objek_font(self._ensure_writer, font))
        w, h, p = float(self.box.width), float(self.box.height), self.style.tepi
        sisi = min(h - 2 * p, w / 3)
        perintah = [_qr(stempel.url, p, (h - sisi) / 2, sisi)]
        x = p + sisi + 2 * p
        lebar = w - x - p
        teks = [font.teks(b) for b in stempel.baris() if b]
        ukuran = self.style.ukuran_huruf
        while True:
            baris = [b for t in teks for b in _bungkus(font, t, ukuran, lebar)]
            if len(baris) * ukuran * 1.2 <= h - 2 * p or ukuran <= self.style.ukuran_minimal:
                break
            ukuran -= 0.25
        tinggi = len(baris) * ukuran * 1.2
        y = (h + tinggi) / 2 - ukuran  # baseline of the first line, block centred vertically
        perintah.append(b"BT 0 g /FTte %.2f Tf %.2f TL %.3f %.3f Td" % (ukuran, ukuran * 1.2, x, y))
        for i, b in enumerate(baris):
            perintah.append((b"" if i == 0 else b"T* ") + font.hex(b) + b" Tj")
        perintah.append(b"ET")
        return perintah
