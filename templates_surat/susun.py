"""Compose a `Dokumen` from a template (one revision of it) and isian.

This is the only place that reads template blocks; every output format starts from
the Dokumen built here, so preview, DOCX and PDF always agree.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, NoReturn

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from markupsafe import Markup
from wagtail.blocks import StreamBlockValidationError

from . import engine, isian
from .dokumen import Blok, Daftar, Dokumen, Judul, Kop, Paragraf, Penandatangan, Rincian, Tabel, TataLetak
from .tanggal import tanggal_indonesia

if TYPE_CHECKING:
    from .models import TemplateSuratPage

JENIS_DENGAN_DARI = {"ND", "MEMO"}
_INLINE = {"b": "strong", "strong": "strong", "i": "em", "em": "em", "u": "u"}


class _KeInline(HTMLParser):
    """Rich text HTML (escaped values inside) → inline markup paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.paragraf: list[list[str]] = [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.paragraf[-1].append("<br>")
        elif tag in ("p", "li", "h2", "h3", "h4") and self.paragraf[-1]:
            self.paragraf.append([])
        elif tag in _INLINE:
            self.paragraf[-1].append(f"<{_INLINE[tag]}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INLINE:
            self.paragraf[-1].append(f"</{_INLINE[tag]}>")

    def handle_data(self, data: str) -> None:
        self.paragraf[-1].append(escape(data))

    def handle_entityref(self, name: str) -> None:
        self.paragraf[-1].append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.paragraf[-1].append(f"&#{name};")


def ke_inline(html: str) -> list[str]:
    parser = _KeInline()
    parser.feed(html)
    parser.close()
    return [teks for teks in ("".join(p).strip() for p in parser.paragraf) if teks]


def _teks(nilai: Markup | str) -> str:
    """Rendered plain-text block → inline markup (escaped; newlines become <br>)."""
    return str(nilai).strip().replace("\r\n", "\n").replace("\n", "<br>")


def _nomor_konsep(template: TemplateSuratPage, kon: dict[str, Any]) -> str:
    """A draft shows its number with the sequence left blank: it is given at signing."""
    from .penomoran import format_nomor

    if template.pola_nomor is None:
        return ""
    try:
        return format_nomor(
            template.pola_nomor,
            urut="     ",
            klasifikasi=template.klasifikasi_bawaan or "…",
            unit=template.kop.unit,
            jenis=template.jenis,
            tanggal=kon.get("tanggal") or timezone.localdate(),
        )
    except ValueError:
        return ""


def _blok(child: Any, kon: dict[str, Any], tabel_def: dict[str, dict[str, Any]], lokasi: str) -> list[Blok]:
    jenis, nilai = child.block_type, child.value
    if jenis == "judul":
        return [Judul(_teks(engine.render(nilai, kon, lokasi)))]
    if jenis == "paragraf":
        return [Paragraf(p) for p in ke_inline(str(engine.render(nilai.source, kon, lokasi)))]
    if jenis == "daftar":
        butir = [_teks(engine.render(b, kon, f"{lokasi}, butir {i}")) for i, b in enumerate(nilai["butir"], 1)]
        return [Daftar(butir=butir, bernomor=bool(nilai["bernomor"]))]
    if jenis == "rincian":
        return [
            Rincian(
                baris=[
                    (_teks(engine.render(r["label"], kon, lokasi)), _teks(engine.render(r["nilai"], kon, lokasi)))
                    for r in nilai
                ]
            )
        ]
    if jenis == "tabel":
        definisi = tabel_def.get(nilai["sumber"])
        if definisi is None:
            raise engine.GalatTemplate(
                _("'%(nama)s' bukan kolom isian bertipe tabel.") % {"nama": nilai["sumber"]}, lokasi
            )
        kolom = [(k["nama"], k["label"]) for k in definisi["kolom"]]
        baris = kon.get(nilai["sumber"]) or []
        if len(baris) > isian.BATAS_BARIS_TABEL:
            raise isian.GalatIsian(
                {
                    nilai["sumber"]: [
                        _("Tabel berisi %(n)s baris; batasnya %(maks)s baris per naskah.")
                        % {"n": len(baris), "maks": isian.BATAS_BARIS_TABEL}
                    ]
                }
            )
        return [
            Tabel(
                kolom=[escape(label) for _k, label in kolom],
                baris=[[escape(str(b.get(k, ""))) for k, _label in kolom] for b in baris],
                nomor_urut=bool(nilai["nomor_urut"]),
            )
        ]
    return []  # tanda_tangan: handled with the signer below


def konteks_lengkap(template: TemplateSuratPage, data_isian: dict[str, Any], *, nomor: str | None) -> dict[str, Any]:
    """Everything placeholders may use: the isian plus nomor, unit and kop."""
    kon = isian.konteks(template, data_isian)
    unit = template.kop.unit
    kon.update(
        {
            "nomor": nomor or _nomor_konsep(template, kon),
            "unit": {"nama": unit.nama, "kode": unit.kode},
            "kop": {"tempat": template.kop.tempat, "alamat": template.kop.alamat},
        }
    )
    return kon


def susun(
    template: TemplateSuratPage,
    data_isian: dict[str, Any],
    *,
    nomor: str | None = None,
    konsep: bool = True,
) -> Dokumen:
    """Template + validated isian → Dokumen. `nomor` is the final number once signed."""
    kon = konteks_lengkap(template, data_isian, nomor=nomor)
    kop_surat = template.kop
    tanggal = kon.get("tanggal") or timezone.localdate()
    tabel_def = {d["nama"]: d for d in template.definisi_kolom if d["tipe"] == "tabel"}
    blok: list[Blok] = []
    atas_nama = ""
    for i, child in enumerate(template.isi, start=1):
        lokasi = f"Blok #{i} ({child.block.label})"
        if child.block_type == "tanda_tangan" and child.value["atas_nama"]:
            atas_nama = _teks(engine.render(child.value["atas_nama"], kon, lokasi))
        blok.extend(_blok(child, kon, tabel_def, lokasi))

    ttd = kon.get("penandatangan") or {}
    jabatan_ttd: str = escape(ttd.get("jabatan", ""))
    if atas_nama:
        jabatan_ttd = f"{atas_nama}<br>{jabatan_ttd}"
    jenis = template.jenis
    return Dokumen(
        tata_letak=TataLetak(jenis.tata_letak),
        kop=Kop(
            baris_instansi=kop_surat.daftar_baris,
            alamat=kop_surat.alamat,
            kontak=kop_surat.kontak,
            logo=kop_surat.logo.file.path if kop_surat.logo_id and kop_surat.logo else None,
        ),
        judul=escape(jenis.judul_cetak),
        nomor=str(kon["nomor"]),
        tempat_tanggal=escape(f"{kop_surat.tempat}, {tanggal_indonesia(tanggal)}"),
        hal=escape(kon.get("hal", "")),
        isi=blok,
        penandatangan=Penandatangan(
            jabatan=jabatan_ttd,
            nama=escape(ttd.get("nama", "")),
            pangkat=escape(ttd.get("pangkat", "")),
            nip=str(ttd.get("nip", "")),
        ),
        sifat=escape(kon.get("sifat", "")),
        lampiran=escape(kon.get("lampiran", "") or "-"),
        kepada=[escape(k) for k in kon.get("kepada") or []],
        dari=jabatan_ttd if jenis.kode in JENIS_DENGAN_DARI else "",
        tembusan=[escape(t) for t in kon.get("tembusan") or []],
        konsep=konsep,
        judul_dokumen=f"{jenis.nama}: {kon.get('hal', '')}",
    )


def periksa_template(template: TemplateSuratPage) -> None:
    """Admin-side check of a template: every placeholder has a field, names don't
    clash with the standard ones, and the sample isian renders. Raises
    ValidationError on the field to fix, naming the block."""
    nama_kolom = {d["nama"] for d in template.definisi_kolom}
    bentrok = sorted(nama_kolom & isian.STANDAR)
    if bentrok:
        raise ValidationError(
            {"kolom": _("Nama kolom berikut sudah dipakai isian standar: %(nama)s") % {"nama": ", ".join(bentrok)}}
        )
    dikenal = nama_kolom | isian.STANDAR
    tabel = {d["nama"] for d in template.definisi_kolom if d["tipe"] == "tabel"}
    for i, child in enumerate(template.isi, start=1):
        lokasi = f"Blok #{i} ({child.block.label})"
        try:
            dipakai = set().union(*(engine.periksa(t, lokasi) for t in _teks_blok(child)))
        except engine.GalatTemplate as exc:
            _galat_blok(i, str(exc))
        asing = sorted(dipakai - dikenal)
        if asing:
            _galat_blok(
                i,
                _("%(lokasi)s: placeholder tanpa kolom isian: %(nama)s") % {"lokasi": lokasi, "nama": ", ".join(asing)},
            )
        if child.block_type == "tabel" and child.value["sumber"] not in tabel:
            _galat_blok(
                i,
                _("%(lokasi)s: '%(nama)s' bukan kolom isian bertipe tabel.")
                % {"lokasi": lokasi, "nama": child.value["sumber"]},
            )
    if template.berkas_docx_id:
        _periksa_berkas_docx(template, dikenal)
    elif template.isian_contoh:
        try:
            susun(template, isian.validasi(template, template.isian_contoh))
        except isian.GalatIsian as exc:
            raise ValidationError({"isian_contoh": _("Isian contoh tidak sesuai: %(galat)s") % {"galat": exc}}) from exc
        except engine.GalatTemplate as exc:
            raise ValidationError(
                {"isian_contoh": _("Isian contoh tidak dapat dirender: %(galat)s") % {"galat": exc}}
            ) from exc


def _galat_blok(nomor: int, pesan: str) -> NoReturn:
    """An error shown on the body block itself in the admin's StreamField editor."""
    raise ValidationError({"isi": StreamBlockValidationError(block_errors={nomor - 1: ValidationError(pesan)})})


def _teks_blok(child: Any) -> list[str]:
    jenis, nilai = child.block_type, child.value
    if jenis == "judul":
        return [nilai]
    if jenis == "paragraf":
        return [nilai.source]
    if jenis == "daftar":
        return list(nilai["butir"])
    if jenis == "rincian":
        return [t for r in nilai for t in (r["label"], r["nilai"])]
    if jenis == "tanda_tangan":
        return [nilai["atas_nama"] or ""]
    return []


def _periksa_berkas_docx(template: TemplateSuratPage, dikenal: set[str]) -> None:
    from .docx_unggah import DocxDitolak, placeholder_docx

    dokumen = template.berkas_docx
    if dokumen is None:
        return
    with dokumen.open_file() as berkas:
        data = berkas.read()
    try:
        dipakai = placeholder_docx(data)
    except DocxDitolak as exc:
        raise ValidationError({"berkas_docx": exc.alasan}) from exc
    except engine.GalatTemplate as exc:
        raise ValidationError({"berkas_docx": str(exc)}) from exc
    asing = sorted(dipakai - dikenal)
    if asing:
        raise ValidationError(
            {"berkas_docx": _("Placeholder di berkas DOCX tanpa kolom isian: %(nama)s") % {"nama": ", ".join(asing)}}
        )
