"""The lembar disposisi (disposition sheet) of an incoming letter, as PDF and DOCX.

One function, `data_lembar`, reads everything the sheet shows; the PDF (HTML template
→ WeasyPrint PDF/A) and the DOCX (python-docx) are two layouts of the same data.
Dispositions given together (one decision: same giver, same moment, same instruksi)
form one block, as on the paper form: "Diteruskan kepada" the people, the instruksi
tick-boxes, catatan, batas waktu and the giver's name. Forwards follow their parent
block, one level deeper. Cancelled dispositions are left out.

The sheet carries the perihal even for Rahasia letters: callers serve it only to
readers of the letter (`selectors_masuk.naskah_masuk_terbaca`). Like the letters
themselves it is an official form, so it is always written in Indonesian.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from organisasi.models import Delegasi, JenisDelegasi, Pegawai
from templates_surat.models import KopSurat
from templates_surat.render.pdf import font_config
from templates_surat.tanggal import tanggal_indonesia

from .models import Disposisi, Instruksi, NaskahMasukPage, StatusDisposisi
from .selectors_masuk import pohon

TEMPLATE_PDF = "naskah/lembar/lembar_disposisi.html"
KOTAK_CENTANG = "☑"
KOTAK_KOSONG = "☐"
FONT_DOCX = "Times New Roman"  # LibreOffice maps it to the metric-compatible Liberation Serif
FONT_SIMBOL = "Segoe UI Symbol"  # has ☑/☐ on Windows; LibreOffice falls back to a font that does


# --- data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Penerima:
    kepada: str
    keterangan: str  # "selesai 3 Desember 2026", "belum dibaca", …


@dataclass(frozen=True)
class BlokDisposisi:
    nomor: int
    tingkat: int  # 1: the addressee's disposition; 2: a forward of it; …
    dari_jabatan: str
    dari_nama: str
    diteruskan_dari: str  # the parent disposition's holder, for forwards
    tanggal: str
    kepada: list[Penerima]
    instruksi: list[tuple[str, bool]]  # every Instruksi choice, ticked or not
    catatan: str
    batas_waktu: str


@dataclass(frozen=True)
class TindakLanjut:
    kepada: str
    oleh: str
    tanggal: str
    laporan: str
    balasan: str


@dataclass(frozen=True)
class Lembar:
    kop: list[str]
    alamat: str
    surat_dari: str
    nomor_surat: str
    tanggal_surat: str
    tanggal_terima: str
    nomor_agenda: str
    sifat: str
    urgensi: str
    hal: str
    klasifikasi: str
    ditujukan_kepada: str
    blok: list[BlokDisposisi] = field(default_factory=list)
    tindak_lanjut: list[TindakLanjut] = field(default_factory=list)
    dicetak: str = ""

    @property
    def rincian_surat(self) -> list[tuple[str, str]]:
        """(label, value) rows of the letter's header, in the form's order."""
        return [
            (_("Surat dari"), self.surat_dari),
            (_("Diterima tanggal"), self.tanggal_terima),
            (_("Nomor surat"), self.nomor_surat),
            (_("Nomor agenda"), self.nomor_agenda),
            (_("Tanggal surat"), self.tanggal_surat),
            (_("Sifat"), self.sifat),
            (_("Ditujukan kepada"), self.ditujukan_kepada),
            (_("Urgensi"), self.urgensi),
        ]

    @property
    def nama_berkas(self) -> str:
        return f"lembar-disposisi-{self.nomor_agenda.replace('/', '-') or 'naskah'}"


def _tanggal(nilai: Any) -> str:
    if nilai is None:
        return ""
    if hasattr(nilai, "hour"):
        nilai = timezone.localtime(nilai).date()
    return tanggal_indonesia(nilai)


def _kop(naskah: NaskahMasukPage) -> tuple[list[str], str]:
    """The receiving unit's letterhead lines and address (its KopSurat, else its names)."""
    kop = KopSurat.objects.filter(unit_id=naskah.unit_id).first()
    if kop is not None and kop.daftar_baris:
        alamat = " ".join(b for b in (kop.alamat, kop.kontak) if b)
        return kop.daftar_baris, alamat
    jalur = naskah.unit.jalur
    baris = [jalur[0].nama.upper()] if len(jalur) > 1 else []
    return [*baris, naskah.unit.nama.upper()], ""


def _nama_pegawai(user_ids: set[int]) -> dict[int, Pegawai]:
    return {p.user_id: p for p in Pegawai.objects.filter(user_id__in=user_ids).select_related("jabatan")}


def _sebagai(pegawai: Pegawai | None, d: Disposisi) -> str:
    """The giver's jabatan as signed: "Plh. Kepala …" when they acted for the post."""
    jabatan = d.dari_jabatan.nama
    if pegawai is None or pegawai.jabatan_id == d.dari_jabatan_id:
        return jabatan
    tanggal = timezone.localtime(d.dibuat_pada).date()
    delegasi = Delegasi.objects.filter(
        pegawai=pegawai, jabatan_id=d.dari_jabatan_id, mulai__lte=tanggal, selesai__gte=tanggal
    ).first()
    if delegasi is None:
        return jabatan
    return f"{'Plh.' if delegasi.jenis == JenisDelegasi.PLH else 'Plt.'} {jabatan}"


def _keterangan(d: Disposisi) -> str:
    if d.status == StatusDisposisi.SELESAI:
        return _("selesai %(tanggal)s") % {"tanggal": _tanggal(d.selesai_pada)}
    if d.dibaca_pada:
        return _("dibaca %(tanggal)s") % {"tanggal": _tanggal(d.dibaca_pada)}
    return _("belum dibaca")


def _kelompok(simpul: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Siblings given in one decision (same giver and moment) form one block."""
    hasil: list[list[dict[str, Any]]] = []
    kunci_lalu = None
    for s in simpul:
        d = s["d"]
        kunci = (d.dari_user_id, d.dari_jabatan_id, d.dibuat_pada)
        if hasil and kunci == kunci_lalu:
            hasil[-1].append(s)
        else:
            hasil.append([s])
        kunci_lalu = kunci
    return hasil


def _blok(akar: list[dict[str, Any]], pegawai: dict[int, Pegawai]) -> list[BlokDisposisi]:
    label = dict(Instruksi.choices)
    hasil: list[BlokDisposisi] = []

    def jalan(simpul: list[dict[str, Any]], tingkat: int, induk: Disposisi | None) -> None:
        hidup = [s for s in simpul if s["d"].status != StatusDisposisi.DIBATALKAN]
        for kelompok in _kelompok(hidup):
            d = kelompok[0]["d"]
            p = pegawai.get(d.dari_user_id)
            hasil.append(
                BlokDisposisi(
                    nomor=len(hasil) + 1,
                    tingkat=tingkat,
                    dari_jabatan=_sebagai(p, d),
                    dari_nama=p.nama if p else d.dari_user.get_full_name() or d.dari_user.get_username(),
                    diteruskan_dari=induk.kepada_label if induk is not None else "",
                    tanggal=_tanggal(d.dibuat_pada),
                    kepada=[Penerima(s["d"].kepada_label, _keterangan(s["d"])) for s in kelompok],
                    instruksi=[(str(label[kode]), kode in d.instruksi) for kode in Instruksi.values],
                    catatan=d.catatan,
                    batas_waktu=_tanggal(d.batas_waktu) or "-",
                )
            )
            for s in kelompok:
                jalan(s["anak"], tingkat + 1, s["d"])
        for s in simpul:  # a cancelled disposition has no forwards; kept for safety
            if s["d"].status == StatusDisposisi.DIBATALKAN:
                jalan(s["anak"], tingkat + 1, s["d"])

    jalan(akar, 1, None)
    return hasil


def _tindak_lanjut(akar: list[dict[str, Any]], pegawai: dict[int, Pegawai]) -> list[TindakLanjut]:
    semua: list[Disposisi] = []
    tumpuk = list(akar)
    while tumpuk:
        s = tumpuk.pop(0)
        semua.append(s["d"])
        tumpuk.extend(s["anak"])
    selesai = [d for d in semua if d.status == StatusDisposisi.SELESAI]
    selesai.sort(key=lambda d: (d.selesai_pada or d.dibuat_pada, d.pk))
    hasil = []
    for d in selesai:
        p = pegawai.get(d.selesai_oleh_id or 0)
        oleh = p.nama if p else (d.selesai_oleh.get_username() if d.selesai_oleh else "")
        balasan = ""
        if d.balasan is not None:
            balasan = d.balasan.nomor or _("konsep balasan")
        hasil.append(TindakLanjut(d.kepada_label, oleh, _tanggal(d.selesai_pada), d.tindak_lanjut, balasan))
    return hasil


def data_lembar(naskah: NaskahMasukPage) -> Lembar:
    """Everything the sheet shows, in Indonesian (a fixed number of queries plus one per
    block given by a Plh/Plt)."""
    with translation.override(settings.LANGUAGE_CODE):
        akar = pohon(naskah)
        user_ids: set[int] = set()
        tumpuk = list(akar)
        while tumpuk:
            s = tumpuk.pop()
            user_ids |= {s["d"].dari_user_id, s["d"].selesai_oleh_id or 0}
            tumpuk.extend(s["anak"])
        pegawai = _nama_pegawai(user_ids)
        kop, alamat = _kop(naskah)
        return Lembar(
            kop=kop,
            alamat=alamat,
            surat_dari=naskah.pengirim,
            nomor_surat=naskah.nomor_surat,
            tanggal_surat=_tanggal(naskah.tanggal_surat),
            tanggal_terima=_tanggal(naskah.tanggal_terima),
            nomor_agenda=naskah.agenda,
            sifat=str(naskah.get_sifat_display()),
            urgensi=str(naskah.get_urgensi_display()),
            hal=naskah.perihal,
            klasifikasi=naskah.klasifikasi,
            ditujukan_kepada=naskah.tujuan.nama,
            blok=_blok(akar, pegawai),
            tindak_lanjut=_tindak_lanjut(akar, pegawai),
            dicetak=_tanggal(timezone.now()),
        )


# --- PDF ---------------------------------------------------------------------------------


class _HanyaData(URLFetcher):
    """Loads data: URIs only: a report never reaches the network or the disk."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"})

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"URL tidak diizinkan: {url}")


def html_ke_pdf(html: str) -> bytes:
    """A standalone HTML page (inline CSS) → PDF/A-3b with embedded fonts."""
    hasil = HTML(string=html, url_fetcher=_HanyaData()).write_pdf(pdf_variant="pdf/a-3b", font_config=font_config())
    return bytes(hasil or b"")


def render_html(lembar: Lembar) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE_PDF, {"lembar": lembar, "centang": KOTAK_CENTANG, "kosong": KOTAK_KOSONG})


def lembar_pdf(naskah: NaskahMasukPage) -> bytes:
    return html_ke_pdf(render_html(data_lembar(naskah)))


# --- DOCX --------------------------------------------------------------------------------


def _garis_bawah(paragraf: Any, tebal: int = 18) -> None:
    """A bottom border under a paragraph (the line under the letterhead)."""
    pbdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for kunci, nilai in (("w:val", "single"), ("w:sz", str(tebal)), ("w:space", "1"), ("w:color", "000000")):
        bawah.set(qn(kunci), nilai)
    pbdr.append(bawah)
    paragraf._p.get_or_add_pPr().append(pbdr)


def _sel(sel: Any, teks: str = "", *, tebal: bool = False) -> Any:
    paragraf = sel.paragraphs[0]
    paragraf.paragraph_format.space_after = Pt(0)
    if teks:
        paragraf.add_run(teks).bold = tebal
    return paragraf


def _baris_baru(sel: Any, teks: str = "", *, tebal: bool = False) -> Any:
    paragraf = sel.add_paragraph()
    paragraf.paragraph_format.space_after = Pt(0)
    if teks:
        paragraf.add_run(teks).bold = tebal
    return paragraf


def _lebar(tabel: Any, lebar_cm: list[float]) -> None:
    tabel.autofit = False
    for kolom, lebar in zip(tabel.columns, lebar_cm, strict=False):
        kolom.width = Cm(lebar)  # the grid, which LibreOffice follows
    for baris in tabel.rows:
        for sel, lebar in zip(baris.cells, lebar_cm, strict=False):
            sel.width = Cm(lebar)


def _docx_kepala(dokumen: Any, lembar: Lembar) -> None:
    for i, baris in enumerate(lembar.kop):
        p = dokumen.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(baris)
        run.bold = True
        run.font.size = Pt(14 if i == len(lembar.kop) - 1 else 12)
    if lembar.alamat:
        p = dokumen.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.add_run(lembar.alamat).font.size = Pt(9)
    _garis_bawah(dokumen.paragraphs[-1])
    judul = dokumen.add_paragraph()
    judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
    judul.paragraph_format.space_before = Pt(10)
    run = judul.add_run(_("LEMBAR DISPOSISI"))
    run.bold = True
    run.font.size = Pt(14)

    rincian = lembar.rincian_surat
    tabel = dokumen.add_table(rows=0, cols=4)
    tabel.style = "Table Grid"
    for i in range(0, len(rincian), 2):
        sel = tabel.add_row().cells
        for j, (label, nilai) in enumerate(rincian[i : i + 2]):
            _sel(sel[j * 2], label, tebal=True)
            _sel(sel[j * 2 + 1], nilai)
    sel = tabel.add_row().cells
    _sel(sel[0], _("Hal"), tebal=True)
    gabung = sel[1].merge(sel[3])
    _sel(gabung, lembar.hal)
    if lembar.klasifikasi:
        sel = tabel.add_row().cells
        _sel(sel[0], _("Klasifikasi"), tebal=True)
        _sel(sel[1].merge(sel[3]), lembar.klasifikasi)
    _lebar(tabel, [3.2, 5.3, 3.2, 5.3])


def _docx_blok(dokumen: Any, blok: BlokDisposisi) -> None:
    kepala = dokumen.add_paragraph()
    kepala.paragraph_format.space_before = Pt(8)
    kepala.paragraph_format.space_after = Pt(2)
    kepala.paragraph_format.keep_with_next = True
    teks = _("Disposisi %(nomor)s (tingkat %(tingkat)s)") % {"nomor": blok.nomor, "tingkat": blok.tingkat}
    kepala.add_run(teks).bold = True
    if blok.diteruskan_dari:
        kepala.add_run(" — " + _("penerusan dari %(nama)s") % {"nama": blok.diteruskan_dari})

    tabel = dokumen.add_table(rows=1, cols=2)
    tabel.style = "Table Grid"
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    kiri, kanan = tabel.rows[0].cells
    _sel(kiri, _("Diteruskan kepada:"), tebal=True)
    for i, penerima in enumerate(blok.kepada, start=1):
        p = _baris_baru(kiri, f"{i}. {penerima.kepada}")
        p.add_run(f" ({penerima.keterangan})").italic = True
    _sel(kanan, _("Instruksi:"), tebal=True)
    for label, dicentang in blok.instruksi:
        p = _baris_baru(kanan)
        kotak = p.add_run(KOTAK_CENTANG if dicentang else KOTAK_KOSONG)
        kotak.font.name = FONT_SIMBOL
        p.add_run(f" {label}").bold = dicentang
    sel = tabel.add_row().cells
    _sel(sel[0].merge(sel[1]), _("Catatan:"), tebal=True).add_run(" " + (blok.catatan or "-"))
    sel = tabel.add_row().cells
    _sel(sel[0], _("Batas waktu:"), tebal=True).add_run(" " + blok.batas_waktu)
    _sel(sel[1], _("Tanggal:"), tebal=True).add_run(" " + blok.tanggal)
    sel = tabel.add_row().cells
    pejabat = sel[0].merge(sel[1])
    _sel(pejabat, blok.dari_jabatan).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _baris_baru(pejabat, blok.dari_nama, tebal=True).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _lebar(tabel, [8.5, 8.5])


def _docx_tindak_lanjut(dokumen: Any, lembar: Lembar) -> None:
    judul = dokumen.add_paragraph()
    judul.paragraph_format.space_before = Pt(10)
    judul.add_run(_("Laporan tindak lanjut")).bold = True
    if not lembar.tindak_lanjut:
        dokumen.add_paragraph(_("Belum ada laporan tindak lanjut."))
        return
    tabel = dokumen.add_table(rows=1, cols=4)
    tabel.style = "Table Grid"
    for sel, label in zip(tabel.rows[0].cells, [_("Penerima"), _("Tanggal"), _("Laporan"), _("Oleh")], strict=True):
        _sel(sel, label, tebal=True)
    for t in lembar.tindak_lanjut:
        sel = tabel.add_row().cells
        _sel(sel[0], t.kepada)
        _sel(sel[1], t.tanggal)
        laporan = _sel(sel[2], t.laporan)
        if t.balasan:
            laporan.add_run(" — " + _("naskah balasan %(nomor)s") % {"nomor": t.balasan}).italic = True
        _sel(sel[3], t.oleh)
    _lebar(tabel, [4.0, 3.0, 6.5, 3.5])


def lembar_docx(naskah: NaskahMasukPage) -> bytes:
    lembar = data_lembar(naskah)
    with translation.override(settings.LANGUAGE_CODE):
        dokumen = Document()
        bagian = dokumen.sections[0]
        bagian.page_width, bagian.page_height = Cm(21), Cm(29.7)
        bagian.left_margin = bagian.right_margin = Cm(2)
        bagian.top_margin = bagian.bottom_margin = Cm(1.5)
        gaya = dokumen.styles["Normal"]
        gaya.font.name = FONT_DOCX
        gaya.font.size = Pt(11)
        dokumen.core_properties.title = _("Lembar disposisi %(agenda)s") % {"agenda": lembar.nomor_agenda}
        dokumen.core_properties.author = "Lontar"
        _docx_kepala(dokumen, lembar)
        if not lembar.blok:
            dokumen.add_paragraph(_("Naskah ini belum didisposisikan."))
        for blok in lembar.blok:
            _docx_blok(dokumen, blok)
        _docx_tindak_lanjut(dokumen, lembar)
        kaki = dokumen.add_paragraph()
        kaki.paragraph_format.space_before = Pt(10)
        kaki.add_run(_("Dicetak dari Lontar pada %(tanggal)s.") % {"tanggal": lembar.dicetak}).font.size = Pt(8)
        keluaran = io.BytesIO()
        dokumen.save(keluaran)
        return keluaran.getvalue()
