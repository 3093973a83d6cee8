"""Every demo template renders to DOCX, HTML and PDF/A through the same path an
operator uses, and the outputs carry the parts of a tata naskah letter."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command

from templates_surat import layanan
from templates_surat.demo import TEMPLATE
from templates_surat.models import TemplateSuratPage
from templates_surat.render.libreoffice import docx_ke_pdf

pytestmark = pytest.mark.django_db

DEMO = [t["slug"] for t in TEMPLATE]


def _pdftotext(pdf: bytes) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(hasil.stdout.decode().split())


def _pdfa_part(pdf: bytes) -> str:
    from pypdf import PdfReader

    xmp = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    cocok = re.search(r"pdfaid:part(?:>|=\")(\d)", xmp)
    return cocok.group(1) if cocok else ""


def _docx_teks(data: bytes) -> str:
    dokumen = docx.Document(io.BytesIO(data))
    bagian = [p.text for p in dokumen.paragraphs]
    for tabel in dokumen.tables:
        for baris in tabel.rows:
            bagian.extend(sel.text for sel in baris.cells)
    return " ".join(" ".join(bagian).split())


@pytest.mark.parametrize("slug", DEMO)
def test_template_demo_menjadi_docx_html_pdf(templates_demo: None, slug: str) -> None:
    template = TemplateSuratPage.objects.get(slug=slug)
    contoh = template.isian_contoh
    nomor = f"{template.klasifikasi_bawaan}/15/DISKOMINFO/2026"

    pdf = layanan.render(template, contoh, "pdf", nomor=nomor, konsep=False).isi
    teks = _pdftotext(pdf)
    assert "PEMERINTAH KOTA SUKAMAJU" in teks
    assert "DINAS KOMUNIKASI DAN INFORMATIKA" in teks
    assert nomor in teks
    if contoh.get("hal"):
        assert contoh["hal"] in teks or contoh["hal"].upper() in teks
    assert "Dr. Ahmad Fauzi, S.Kom., M.T." in teks
    assert "197508172000031002" in teks
    for tembusan in contoh.get("tembusan", []):
        assert tembusan in teks
    assert "KONSEP" not in teks
    assert _pdfa_part(pdf) == "3"

    data_docx = layanan.render(template, contoh, "docx", nomor=nomor, konsep=False).isi
    teks_docx = _docx_teks(data_docx)
    assert "Dr. Ahmad Fauzi, S.Kom., M.T." in teks_docx
    assert nomor in teks_docx

    html = layanan.render(template, contoh, "html").isi.decode()
    assert "KONSEP" in html
    assert "Dr. Ahmad Fauzi, S.Kom., M.T." in html


def test_docx_demo_dibuka_libreoffice(templates_demo: None) -> None:
    for slug in DEMO:
        template = TemplateSuratPage.objects.get(slug=slug)
        data_docx = layanan.render(template, template.isian_contoh, "docx").isi
        teks = _pdftotext(docx_ke_pdf(data_docx))
        assert "Dr. Ahmad Fauzi" in teks, slug
        assert "KONSEP" in teks, slug


def test_tabel_1750_baris_menjadi_pdf(templates_demo: None) -> None:
    template = TemplateSuratPage.objects.get(slug="surat-tugas")
    data = dict(template.isian_contoh)
    data["peserta"] = [
        {"nama": f"Peserta {i}", "nip": f"{199001012015011000 + i}", "jabatan": "Staf"} for i in range(1750)
    ]
    pdf = layanan.render(template, data, "pdf").isi
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 40
    assert "Peserta 1749" in _pdftotext(pdf)


def test_render_surat_cli(templates_demo: None, tmp_path: Path) -> None:
    keluaran = tmp_path / "surat.pdf"
    call_command("render_surat", "surat-dinas", "--format", "pdf", "--output", str(keluaran))
    assert keluaran.read_bytes().startswith(b"%PDF")

    template = TemplateSuratPage.objects.get(slug="surat-undangan")
    isian = dict(template.isian_contoh, acara="Rapat Evaluasi SPBE")
    berkas_isian = tmp_path / "isian.json"
    berkas_isian.write_text(json.dumps(isian), encoding="utf-8")
    keluaran_docx = tmp_path / "undangan.docx"
    call_command(
        "render_surat",
        "surat-undangan",
        "--isian",
        str(berkas_isian),
        "--format",
        "docx",
        "--output",
        str(keluaran_docx),
    )
    assert "Rapat Evaluasi SPBE" in _docx_teks(keluaran_docx.read_bytes())

    keluaran_html = tmp_path / "nota.html"
    call_command(
        "render_surat",
        "nota-dinas",
        "--format",
        "html",
        "--output",
        str(keluaran_html),
        "--nomor",
        "000.1.2/7/DISKOMINFO/2026",
    )
    html = keluaran_html.read_text(encoding="utf-8")
    assert "000.1.2/7/DISKOMINFO/2026" in html
    assert "KONSEP" not in html


def test_render_surat_cli_galat_jelas(templates_demo: None, tmp_path: Path) -> None:
    berkas_isian = tmp_path / "isian.json"
    berkas_isian.write_text(json.dumps({"hal": "x", "tanggal": "bukan tanggal"}), encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call_command("render_surat", "surat-dinas", "--isian", str(berkas_isian), "--output", str(tmp_path / "x.pdf"))
    assert "tanggal" in str(err.value)
    assert "isi_pokok" in str(err.value)
    assert not (tmp_path / "x.pdf").exists()

    with pytest.raises(CommandError, match="tidak ada atau belum terbit"):
        call_command("render_surat", "tidak-ada", "--output", str(tmp_path / "y.pdf"))
