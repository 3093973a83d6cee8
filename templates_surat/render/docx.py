"""Dokumen → DOCX with python-docx, laid out like the HTML/PDF.

The body is written as WordprocessingML text and parsed once (fast even for tables
of thousands of rows); python-docx supplies the package, styles, header parts and
the logo picture.
"""

from __future__ import annotations

import datetime
import io
import logging
import re
from functools import lru_cache
from html import escape

import docx
from docx.document import Document as DocumentObject
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from lxml import etree

from ..dokumen import Daftar, Dokumen, Judul, Paragraf, Rincian, Tabel, TataLetak
from .html import berkas_logo, jabatan_ttd, judul_metadata, lebar_teks_em, proporsi_kolom
from .inline import ke_run, ke_teks

log = logging.getLogger(__name__)

FONT = "Times New Roman"  # LibreOffice and fontconfig map it to the metric-compatible Liberation Serif
CM = 567  # twips
LEBAR_TEKS = 16 * CM  # A4 21 cm minus 3 cm left and 2 cm right margins
INDEN = 709  # 1.25 cm first-line indent, as in the HTML
_TAB = "<w:r><w:tab/></w:r>"
_KONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_NS_VML = nsdecls("w") + ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'


def _esc(teks: str) -> str:
    return escape(_KONTROL.sub("", teks), quote=False)


def _rpr(
    *,
    tebal: bool = False,
    miring: bool = False,
    garis_bawah: bool = False,
    ukuran: float | None = None,
    warna: str = "",
) -> str:
    # Element order follows the WordprocessingML schema (Word rejects other orders).
    isi = ("<w:b/>" if tebal else "") + ("<w:i/>" if miring else "")
    isi += f'<w:color w:val="{warna}"/>' if warna else ""
    if ukuran:
        isi += f'<w:sz w:val="{round(ukuran * 2)}"/><w:szCs w:val="{round(ukuran * 2)}"/>'
    isi += '<w:u w:val="single"/>' if garis_bawah else ""
    return f"<w:rPr>{isi}</w:rPr>" if isi else ""


def _teks(teks: str, *, tebal: bool = False, ukuran: float | None = None, warna: str = "") -> str:
    """Plain text → one run."""
    if not teks:
        return ""
    return f'<w:r>{_rpr(tebal=tebal, ukuran=ukuran, warna=warna)}<w:t xml:space="preserve">{_esc(teks)}</w:t></w:r>'


def _runs(markup: str, *, tebal: bool = False, garis_bawah: bool = False, kapital: bool = False) -> str:
    """Inline markup → runs (bold/italic/underline/line breaks only)."""
    bagian: list[str] = []
    for r in ke_run(markup):
        if r.baris_baru:
            bagian.append("<w:r><w:br/></w:r>")
            continue
        rpr = _rpr(tebal=tebal or r.tebal, miring=r.miring, garis_bawah=garis_bawah or r.garis_bawah)
        teks = r.teks.upper() if kapital else r.teks
        bagian.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(teks)}</w:t></w:r>')
    return "".join(bagian)


def _p(
    isi: str = "",
    *,
    jc: str = "",
    sebelum: int = 0,
    sesudah: int = 0,
    kiri: int = 0,
    baris_pertama: int = 0,
    gantung: int = 0,
    tetap: bool = False,
    extra: str = "",
) -> str:
    """One paragraph; spacing in twips, `tetap` keeps it with the next one."""
    ppr = "<w:keepNext/>" if tetap else ""
    ppr += extra
    if sebelum or sesudah:
        ppr += f'<w:spacing w:before="{sebelum}" w:after="{sesudah}"/>'
    if kiri or baris_pertama or gantung:
        ppr += f'<w:ind w:left="{kiri}"' + (f' w:firstLine="{baris_pertama}"' if baris_pertama else "")
        ppr += (f' w:hanging="{gantung}"' if gantung else "") + "/>"
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{isi}</w:p>"


def _jarak(tinggi: int, *, tetap: bool = False) -> str:
    """An empty paragraph exactly `tinggi` twips high (vertical space; also keeps tables apart)."""
    return (
        f"<w:p><w:pPr>{'<w:keepNext/>' if tetap else ''}"
        f'<w:spacing w:before="0" w:after="0" w:line="{tinggi}" w:lineRule="exact"/>'
        '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
    )


def _tbl(lebar: list[int], baris: list[str], *, garis: bool = False, inden: int = 0, bawah: str = "") -> str:
    """A fixed-layout table; `garis` draws all borders, `bawah` is a bottom border XML element."""
    if garis:
        sisi = "".join(
            f'<w:{s} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
            for s in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        mar = '<w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
    else:
        sisi = '<w:top w:val="nil"/><w:left w:val="nil"/>' + (bawah or '<w:bottom w:val="nil"/>')
        sisi += '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>'
        mar = '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(lebar)}" w:type="dxa"/><w:tblInd w:w="{inden}" w:type="dxa"/>'
        f'<w:tblBorders>{sisi}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>{mar}</w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>'
        + "".join(f'<w:gridCol w:w="{w}"/>' for w in lebar)
        + "</w:tblGrid>"
        + "".join(baris)
        + "</w:tbl>"
    )


def _tr(sel: list[str], lebar: list[int], *, kepala: bool = False, utuh: bool = True, isi_sel: str = "") -> str:
    """A row of cells; each cell is paragraph XML. `kepala` repeats it on every page."""
    trpr = ("<w:cantSplit/>" if utuh else "") + ("<w:tblHeader/>" if kepala else "")
    return (
        f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}"
        + "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{isi_sel}</w:tcPr>{s or "<w:p/>"}</w:tc>'
            for s, w in zip(sel, lebar, strict=True)
        )
        + "</w:tr>"
    )


def _lebar_teks(markup: str) -> int:
    """Rough width of the widest line of 12 pt text, in twips."""
    return round(max((lebar_teks_em(baris) for baris in ke_teks(markup).split("\n")), default=0) * 240)


def _label_nilai(baris: list[tuple[str, str]], *, inden: int = 0, lebar_label: int | None = None) -> str:
    """Label : value lines as a borderless table (kepala surat, rincian)."""
    if lebar_label is None:
        lebar_label = min(max((_lebar_teks(a) for a, _b in baris), default=0) + 200, (LEBAR_TEKS - inden) * 2 // 5)
    lebar = [lebar_label, 284, LEBAR_TEKS - inden - lebar_label - 284]
    return _tbl(
        lebar,
        [_tr([_p(a), _p(_teks(":"), jc="center"), _p(b, sesudah=20)], lebar) for a, b in baris],
        inden=inden,
    )


def _kop(dok: Dokumen) -> str:
    kop = dok.kop
    instansi = kop.baris_instansi
    teks = [_p(_teks(b, tebal=True, ukuran=14), jc="center") for b in instansi[:-1]]
    if instansi:
        teks.append(_p(_teks(instansi[-1], tebal=True, ukuran=16), jc="center"))
    for baris in (kop.alamat, kop.kontak):
        if baris:
            teks.append(_p(_teks(baris, ukuran=10.5), jc="center"))
    lebar = [1361, LEBAR_TEKS - 1361]
    # The double rule under the kop: the table's thick bottom border, then a thin top border
    # on a 2 pt paragraph (Word and LibreOffice disagree on which side of a double style is thick).
    tebal = '<w:bottom w:val="single" w:sz="18" w:space="0" w:color="000000"/>'
    isi_sel = '<w:vAlign w:val="center"/>'
    tabel = _tbl(lebar, [_tr([_p(), "".join(teks)], lebar, isi_sel=isi_sel)], bawah=tebal)
    tipis = (
        '<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="30" w:after="240" w:line="40" w:lineRule="exact"/>'
        '<w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>'
    )
    return tabel + tipis


def _kepala_surat(dok: Dokumen) -> str:
    bagian = [_p(_runs(dok.tempat_tanggal), jc="right", sesudah=200)]
    if ke_teks(dok.judul).strip():
        bagian.append(_p(_runs(dok.judul, tebal=True), jc="center", sesudah=200))
    baris: list[tuple[str, str]] = []
    if dok.dari:
        yth = "<w:r><w:br/></w:r>".join(_runs(k) for k in dok.kepada)
        baris += [(_teks("Yth."), yth), (_teks("Dari"), _runs(dok.dari))]
    baris.append((_teks("Nomor"), _teks(dok.nomor)))
    if ke_teks(dok.sifat).strip():
        baris.append((_teks("Sifat"), _runs(dok.sifat)))
    if ke_teks(dok.lampiran).strip():
        baris.append((_teks("Lampiran"), _runs(dok.lampiran)))
    baris.append((_teks("Hal"), _runs(dok.hal)))
    bagian.append(_label_nilai(baris, lebar_label=1361))
    if dok.dari:
        garis = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
        bagian.append(_p(extra=garis, sesudah=240))
    elif dok.kepada:
        bagian.append(_jarak(240))
        lebar = [624, LEBAR_TEKS - 624]
        bagian.append(
            _tbl(
                lebar,
                [_tr([_p(_teks("Yth.") if i == 0 else ""), _p(_runs(k))], lebar) for i, k in enumerate(dok.kepada)],
            )
        )
        bagian.append(_jarak(240))
    else:
        bagian.append(_jarak(240))
    return "".join(bagian)


def _kepala_penetapan(dok: Dokumen) -> str:
    bagian = [
        _p(_runs(dok.judul, tebal=True), jc="center", tetap=True),
        _p(_teks("NOMOR ", tebal=True) + _teks(dok.nomor, tebal=True), jc="center", sebelum=40, tetap=True),
    ]
    if ke_teks(dok.hal).strip():
        bagian.append(_p(_teks("TENTANG", tebal=True), jc="center", sebelum=40, tetap=True))
        bagian.append(_p(_runs(dok.hal, tebal=True, kapital=True), jc="center", sebelum=40))
    bagian.append(_jarak(240))
    return "".join(bagian)


def _daftar(butir: list[str], bernomor: bool, *, kiri: int = 1077, gantung: int = 397) -> str:
    return "".join(
        _p(
            _teks(f"{i}." if bernomor else "•") + "<w:r><w:tab/></w:r>" + _runs(b),
            jc="both",
            kiri=kiri,
            gantung=gantung,
        )
        for i, b in enumerate(butir, start=1)
    )


def _tabel(tabel: Tabel) -> str:
    """Bordered table, header row repeated on each page, rows never split."""
    lebar_no = 624 if tabel.nomor_urut else 0
    n = len(tabel.kolom)
    sisa = LEBAR_TEKS - lebar_no
    lebar = [int(p * sisa) for p in proporsi_kolom(tabel, tersedia_em=sisa / 240)]
    if lebar:
        lebar[-1] += sisa - sum(lebar)
    semua = ([lebar_no] if lebar_no else []) + lebar
    arsir = '<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>'
    judul = ([_p(_teks("No.", tebal=True), jc="center")] if lebar_no else []) + [
        _p(_runs(k, tebal=True), jc="center") for k in tabel.kolom
    ]
    baris = [_tr(judul, semua, kepala=True, isi_sel=arsir)]
    for i, isi in enumerate(tabel.baris, start=1):
        sel = [*isi[:n], *[""] * (n - len(isi))]
        no = [_p(_teks(f"{i}."), jc="right")] if lebar_no else []
        baris.append(_tr(no + [_p(_runs(s)) if s else "" for s in sel], semua))
    return _tbl(semua, baris, garis=True) + _jarak(160)


def _isi(dok: Dokumen) -> str:
    inden = INDEN if dok.tata_letak == TataLetak.SURAT else 0
    bagian: list[str] = []
    for blok in dok.isi:
        if isinstance(blok, Judul):
            bagian.append(_p(_runs(blok.teks, tebal=True), jc="center", sebelum=200, sesudah=120, tetap=True))
        elif isinstance(blok, Paragraf):
            bagian.append(_p(_runs(blok.teks), jc="both", baris_pertama=INDEN, sesudah=120))
        elif isinstance(blok, Daftar):
            bagian.append(_daftar(blok.butir, blok.bernomor) + _jarak(120))
        elif isinstance(blok, Rincian):
            baris = [(_runs(a), _runs(b)) for a, b in blok.baris]
            bagian.append(_label_nilai(baris, inden=inden) + _jarak(120))
        elif isinstance(blok, Tabel):
            bagian.append(_tabel(blok))
    return "".join(bagian)


def _ttd(dok: Dokumen) -> str:
    ttd = dok.penandatangan
    kanan: list[str] = []
    if dok.tata_letak == TataLetak.JUDUL:
        kanan.append(_p(_runs(dok.tempat_tanggal), tetap=True))
    kanan.append(_p(_runs(jabatan_ttd(ttd.jabatan)), tetap=True))
    kanan.append(_p(_runs(ttd.nama, tebal=True, garis_bawah=True), sebelum=1418, tetap=True))
    if ke_teks(ttd.pangkat).strip():
        kanan.append(_p(_runs(ttd.pangkat), tetap=True))
    if ttd.nip:
        kanan.append(_p(_teks(f"NIP {ttd.nip}")))
    lebar = [LEBAR_TEKS // 2, LEBAR_TEKS - LEBAR_TEKS // 2]
    return _jarak(360, tetap=True) + _tbl(lebar, [_tr([_p(), "".join(kanan)], lebar)])


def _tembusan(dok: Dokumen) -> str:
    if not dok.tembusan:
        return ""
    kepala = _p(_teks("Tembusan:"), sebelum=480, tetap=True)
    return kepala + _daftar(dok.tembusan, True, kiri=397, gantung=397)


_WATERMARK = (
    '<w:r><w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(
        f'<v:f eqn="{e}"/>'
        for e in (
            "sum #0 0 10800",
            "prod #0 2 1",
            "sum 21600 0 @1",
            "sum 0 0 @2",
            "sum 21600 0 @3",
            "if @0 @3 0",
            "if @0 21600 @1",
            "if @0 0 @2",
            "if @0 @4 21600",
            "mid @5 @6",
            "mid @8 @5",
            "mid @7 @8",
            "mid @6 @7",
            "sum @6 0 @5",
        )
    )
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom"'
    ' o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="WatermarkKonsep" o:spid="_x0000_s2049" type="#_x0000_t136"'
    ' style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:120pt;rotation:315;z-index:-251654144;'
    "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f"'
    ' fillcolor="#d6d6d6" stroked="f"><v:fill opacity="1"/>'
    f'<v:textpath style="font-family:&quot;{FONT}&quot;;font-size:1pt;font-weight:bold" string="KONSEP"/>'
    "</v:shape></w:pict></w:r>"
)

_NOMOR_HALAMAN = (
    '<w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r>'
)


def _isi_header(header_el: BaseOxmlElement, isi: str) -> None:
    """Replace the header with one paragraph: centre tab (page number), right tab (KONSEP)."""
    for anak in list(header_el):
        header_el.remove(anak)
    tab = (
        f'<w:tabs><w:tab w:val="center" w:pos="{LEBAR_TEKS // 2}"/><w:tab w:val="right" w:pos="{LEBAR_TEKS}"/></w:tabs>'
    )
    header_el.append(parse_xml(f"<w:p {_NS_VML}><w:pPr>{tab}</w:pPr>{isi}</w:p>"))


def _header(dokumen: DocumentObject, konsep: bool) -> None:
    """Page number from page 2 on (like the PDF); KONSEP label and diagonal watermark on every page."""
    section = dokumen.sections[0]
    section.different_first_page_header_footer = True
    tanda = _WATERMARK + _TAB + _teks("KONSEP", tebal=True, ukuran=10, warna="777777") if konsep else ""
    _isi_header(section.header._element, _TAB + _NOMOR_HALAMAN + tanda)
    _isi_header(section.first_page_header._element, _TAB + tanda if konsep else "")


@lru_cache(maxsize=1)
def _template() -> tuple[bytes, str, str]:
    """python-docx's default package with our page setup and Normal style, saved once;
    plus its document.xml split where the body content goes."""
    dokumen = docx.Document()
    section = dokumen.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.right_margin = Cm(2), Cm(2)
    section.bottom_margin, section.left_margin = Cm(2.5), Cm(3)
    section.header_distance, section.footer_distance = Cm(1), Cm(1)
    normal = dokumen.styles["Normal"]
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.get_or_add_rFonts()
    for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(atribut), FONT)
    for tema in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        rfonts.attrib.pop(qn(tema), None)
    sz = rpr.find(qn("w:sz"))
    if sz is not None:
        sz.addnext(parse_xml(f'<w:szCs {nsdecls("w")} w:val="24"/>'))
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="id-ID"/>'))
    pformat = normal.paragraph_format
    pformat.space_before, pformat.space_after, pformat.line_spacing = Pt(0), Pt(0), 1.0
    for anak in list(dokumen.element.body):
        if anak.tag != qn("w:sectPr"):
            dokumen.element.body.remove(anak)
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    xml = etree.tostring(dokumen.element, encoding="unicode")
    potong = xml.index("<w:sectPr")
    return keluaran.getvalue(), xml[:potong], xml[potong:]


def render_docx(dok: Dokumen) -> bytes:
    """The letter as DOCX bytes (A4, Times New Roman 12 pt, KONSEP watermark while a draft)."""
    paket, awal, akhir = _template()
    kepala = _kepala_surat(dok) if dok.tata_letak == TataLetak.SURAT else _kepala_penetapan(dok)
    xml = _kop(dok) + kepala + _isi(dok) + _ttd(dok) + _tembusan(dok)
    # Parse the whole document.xml at once: moving thousands of parsed rows into
    # python-docx's tree node by node costs far more than parsing them in place.
    bagian = docx.Document(io.BytesIO(paket)).part
    bagian._element = parse_xml(awal + xml + akhir)
    dokumen = bagian.document
    logo = berkas_logo(dok)
    if logo is not None:
        sel_logo = dokumen.tables[0].rows[0].cells[0]  # the kop table is always first
        try:
            sel_logo.paragraphs[0].add_run().add_picture(str(logo), width=Cm(2.1))
        except (UnrecognizedImageError, OSError, ValueError) as exc:
            log.warning("Logo kop %s tidak dapat dimuat ke DOCX: %s", logo, exc)  # as WeasyPrint does: no logo
    _header(dokumen, dok.konsep)
    inti = dokumen.core_properties
    inti.title = judul_metadata(dok)[:255]
    inti.author = inti.last_modified_by = "Lontar"
    inti.language = "id-ID"
    inti.created = inti.modified = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    inti.revision = 1
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    return keluaran.getvalue()
