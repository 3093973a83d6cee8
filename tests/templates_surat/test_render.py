"""The renderer: one Dokumen → DOCX, HTML and PDF/A with the parts of a tata naskah letter,
nothing unescaped, KONSEP only on drafts, long tables paginated."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import time
import zipfile
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from templates_surat.dokumen import (
    Daftar,
    Dokumen,
    Judul,
    Kop,
    Paragraf,
    Penandatangan,
    Rincian,
    Tabel,
    TataLetak,
)
from templates_surat.render import GalatRender, LibreOfficeTidakTersedia
from templates_surat.render.docx import render_docx
from templates_surat.render.html import render_html
from templates_surat.render.inline import Run, ke_html, ke_run, ke_teks
from templates_surat.render.libreoffice import docx_ke_pdf
from templates_surat.render.pdf import render_pdf

NOMOR = "000.1.2.3/15/DISKOMINFO/2026"
NAMA = "Dr. Ahmad Fauzi, S.Kom., M.T."
NIP = "197508172000031002"
HAL = "Undangan Rapat Koordinasi Satu Data Indonesia"
TEMBUSAN = ["Wali Kota Sukamaju (sebagai laporan)", "Sekretaris Daerah Kota Sukamaju"]
SKRIP = "<script>alert(1)</script>"
SKRIP_ESC = "&lt;script&gt;alert(1)&lt;/script&gt;"  # how a typed value arrives in a Dokumen


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def logo(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("kop") / "lambang.png"
    kanvas = Image.new("RGBA", (240, 280), (255, 255, 255, 0))
    gambar = ImageDraw.Draw(kanvas)
    gambar.polygon([(20, 10), (220, 10), (220, 160), (120, 270), (20, 160)], fill=(11, 83, 148))
    gambar.ellipse([(85, 60), (155, 130)], fill=(212, 175, 55))
    kanvas.save(path)
    return str(path)


def kop_diskominfo(logo: str | None) -> Kop:
    return Kop(
        baris_instansi=["PEMERINTAH KOTA SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA"],
        alamat="Jalan Veteran Nomor 7, Sukamaju 41112",
        kontak="Telepon (0267) 555-0101, Pos-el diskominfo@sukamajukota.go.id, Laman diskominfo.sukamajukota.go.id",
        logo=logo,
    )


def kadis() -> Penandatangan:
    return Penandatangan(
        jabatan="Kepala Dinas Komunikasi dan Informatika",
        nama=NAMA,
        pangkat="Pembina Utama Muda (IV/c)",
        nip=NIP,
    )


def buat_surat_dinas(logo: str | None, **ubah: object) -> Dokumen:
    dok = Dokumen(
        tata_letak=TataLetak.SURAT,
        kop=kop_diskominfo(logo),
        judul="",
        nomor=NOMOR,
        tempat_tanggal="Sukamaju, 24 November 2026",
        hal=HAL,
        sifat="Biasa",
        lampiran="-",
        kepada=["Kepala Dinas Kesehatan Kota Sukamaju", "Kepala Dinas Pendidikan Kota Sukamaju"],
        isi=[
            Paragraf(
                "Dalam rangka pelaksanaan <em>Satu Data Indonesia</em> di lingkungan Pemerintah Kota Sukamaju "
                "sebagaimana diamanatkan Peraturan Presiden Nomor 39 Tahun 2019, dengan hormat kami mengundang "
                "Saudara atau pejabat yang ditunjuk untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:"
            ),
            Rincian(
                baris=[
                    ("hari, tanggal", "Selasa, 1 Desember 2026"),
                    ("waktu", "09.00 WIB s.d. selesai"),
                    ("tempat", "Ruang Rapat Diskominfo<br>Jalan Veteran Nomor 7, Sukamaju"),
                    ("acara", "Penyusunan Daftar Data Prioritas Tahun 2027"),
                ]
            ),
            Paragraf(
                "Mengingat pentingnya acara tersebut, kami harapkan kehadiran Saudara <strong>tepat waktu</strong>. "
                "Demikian atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih."
            ),
        ],
        penandatangan=kadis(),
        tembusan=list(TEMBUSAN),
        konsep=False,
        judul_dokumen="Surat Dinas: " + HAL,
    )
    return dataclasses.replace(dok, **ubah)  # type: ignore[arg-type]


def buat_surat_tugas(logo: str | None, **ubah: object) -> Dokumen:
    dok = Dokumen(
        tata_letak=TataLetak.JUDUL,
        kop=kop_diskominfo(logo),
        judul="SURAT TUGAS",
        nomor="800.1.11.1/27/DISKOMINFO/2026",
        tempat_tanggal="Sukamaju, 24 November 2026",
        hal="",
        isi=[
            Rincian(baris=[("Dasar", "Surat Sekretaris Daerah Nomor 000.1.2/310/SETDA/2026 tanggal 20 November 2026")]),
            Judul("MEMERINTAHKAN:"),
            Paragraf("Kepada:"),
            Tabel(
                kolom=["Nama", "NIP", "Jabatan"],
                baris=[
                    ["Rina Kartika, S.Kom.", "198803122010012004", "Kepala Bidang Aplikasi Informatika"],
                    ["Budi Santoso, S.T.", "199001052015031002", "Pranata Komputer Ahli Muda"],
                    ["Dewi Lestari, A.Md.", "199606202020122003", "Pranata Komputer Terampil"],
                ],
            ),
            Rincian(
                baris=[
                    ("Untuk", "Mengikuti Bimbingan Teknis Arsitektur SPBE di Bandung"),
                    ("Waktu", "Senin s.d. Rabu, 30 November s.d. 2 Desember 2026"),
                ]
            ),
            Paragraf("Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab."),
        ],
        penandatangan=kadis(),
        tembusan=["Inspektur Kota Sukamaju"],
        konsep=False,
        judul_dokumen="Surat Tugas Bimbingan Teknis SPBE",
    )
    return dataclasses.replace(dok, **ubah)  # type: ignore[arg-type]


def buat_nota_dinas(logo: str | None, **ubah: object) -> Dokumen:
    dok = Dokumen(
        tata_letak=TataLetak.SURAT,
        kop=kop_diskominfo(logo),
        judul="NOTA DINAS",
        nomor="000.1.2.3/16/DISKOMINFO/2026",
        tempat_tanggal="Sukamaju, 25 November 2026",
        hal="Laporan Gangguan Jaringan Intra Pemerintah",
        sifat="Segera",
        lampiran="1 (satu) berkas",
        kepada=["Sekretaris Daerah Kota Sukamaju"],
        dari="Kepala Dinas Komunikasi dan Informatika",
        isi=[
            Paragraf("Dengan hormat kami laporkan gangguan jaringan intra pemerintah sebagai berikut:"),
            Daftar(
                butir=[
                    "gangguan terjadi pada 24 November 2026 pukul 08.15 s.d. 11.40 WIB;",
                    "penyebabnya kabel serat optik terputus akibat galian saluran di Jalan Merdeka; dan",
                    "layanan telah pulih dan jalur cadangan sedang disiapkan.",
                ]
            ),
            Paragraf("Demikian kami sampaikan, mohon arahan lebih lanjut."),
        ],
        penandatangan=kadis(),
        konsep=False,
    )
    return dataclasses.replace(dok, **ubah)  # type: ignore[arg-type]


def pdftotext(pdf: bytes) -> str:
    hasil = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    return " ".join(hasil.stdout.decode().split())


def docx_teks(data: bytes) -> str:
    dokumen = docx.Document(io.BytesIO(data))
    bagian = [p.text for p in dokumen.paragraphs]
    for tabel in dokumen.tables:
        for baris in tabel.rows:
            for sel in baris.cells:
                bagian.append(sel.text)
                for dalam in sel.tables:
                    bagian.extend(c.text for r in dalam.rows for c in r.cells)
    return " ".join(" ".join(bagian).split())


def docx_header_xml(data: bytes) -> str:
    dokumen = docx.Document(io.BytesIO(data))
    bagian = dokumen.sections[0]
    return bagian.header._element.xml + bagian.first_page_header._element.xml


@pytest.fixture(scope="module")
def surat_dinas(logo: str) -> Dokumen:
    return buat_surat_dinas(logo)


@pytest.fixture(scope="module")
def pdf_surat_dinas(surat_dinas: Dokumen) -> bytes:
    return render_pdf(surat_dinas)


@pytest.fixture(scope="module")
def docx_surat_dinas(surat_dinas: Dokumen) -> bytes:
    return render_docx(surat_dinas)


# ---------------------------------------------------------------- inline markup


def test_inline_hanya_empat_tag_dan_entitas_didekode() -> None:
    run = ke_run("a <strong>b <em>c</em></strong> &amp; <u>d</u><br>e")
    assert run == [
        Run("a "),
        Run("b ", tebal=True),
        Run("c", tebal=True, miring=True),
        Run(" & "),
        Run("d", garis_bawah=True),
        Run("", baris_baru=True),
        Run("e"),
    ]
    assert ke_teks("x<br/>y &lt;z&gt;") == "x\ny <z>"
    assert ke_teks('<a href="javascript:x()">tautan</a> <img src=x onerror=alert(1)>') == "tautan"
    assert str(ke_html('<span style="x">teks</span> <b>b</b>')) == "teks b"
    assert str(ke_html(SKRIP_ESC)) == SKRIP_ESC
    assert "<script" not in str(ke_html(SKRIP))


def test_inline_spasi_dirapikan_seperti_html() -> None:
    assert ke_teks("  satu \n  dua <em> tiga </em><br> empat ") == "satu dua tiga\nempat"
    assert ke_teks("a&nbsp;b") == "a\xa0b"
    assert ke_teks("kontrol\x0b\x00 hilang") == "kontrol hilang"
    assert ke_html("judul", kapital=True) == "JUDUL"


# ---------------------------------------------------------------- HTML


def test_html_lengkap_dan_mandiri(surat_dinas: Dokumen) -> None:
    html = render_html(surat_dinas)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in html
    assert "<style>" in html and "@page" in html and "Liberation Serif" in html
    assert "data:image/png;base64," in html  # the preview iframe needs no other request
    for teks in ("PEMERINTAH KOTA SUKAMAJU", NOMOR, HAL, NAMA, f"NIP {NIP}", "Tembusan:", "Yth."):
        assert teks in html
    assert 'class="konsep"' not in html
    html_pdf = render_html(surat_dinas, untuk_pdf=True)
    assert "file://" in html_pdf and "@media screen" not in html_pdf


@pytest.mark.parametrize("bidang", ["hal", "paragraf", "tabel", "kepada", "tembusan", "nama", "kop", "nomor"])
def test_script_tidak_pernah_lolos(logo: str, bidang: str) -> None:
    for nilai in (SKRIP_ESC, SKRIP):
        dok = _dengan_nilai(logo, bidang, nilai)
        html = render_html(dok)
        assert "<script" not in html.lower()
        if nilai == SKRIP_ESC or bidang in ("kop", "nomor"):  # plain text fields keep raw text as text
            assert SKRIP_ESC in html
        teks_docx = docx_teks(render_docx(dok))
        if nilai == SKRIP_ESC or bidang in ("kop", "nomor"):
            assert SKRIP in teks_docx  # literally, as text
        else:
            assert "<script>" not in teks_docx  # raw tags in markup are dropped, only their text remains
            assert "alert(1)" in teks_docx


def _dengan_nilai(logo: str, bidang: str, nilai: str) -> Dokumen:
    if bidang == "hal":
        return buat_surat_dinas(logo, hal=nilai)
    if bidang == "paragraf":
        return buat_surat_dinas(logo, isi=[Paragraf(f"Isi {nilai} surat")])
    if bidang == "tabel":
        return buat_surat_tugas(logo, isi=[Tabel(kolom=[nilai], baris=[[nilai], ["b"]])])
    if bidang == "kepada":
        return buat_surat_dinas(logo, kepada=[nilai])
    if bidang == "tembusan":
        return buat_surat_dinas(logo, tembusan=[nilai])
    if bidang == "nama":
        return buat_surat_dinas(logo, penandatangan=dataclasses.replace(kadis(), nama=nilai))
    if bidang == "nomor":
        return buat_surat_dinas(logo, nomor=SKRIP)  # a plain string, never markup
    kop = dataclasses.replace(kop_diskominfo(logo), baris_instansi=["PEMERINTAH", SKRIP], alamat=SKRIP)
    return buat_surat_dinas(logo, kop=kop)


def test_html_script_dalam_pdf_tertulis_apa_adanya(logo: str) -> None:
    teks = pdftotext(render_pdf(buat_surat_dinas(logo, hal=SKRIP_ESC)))
    assert SKRIP in teks


def test_html_nota_dinas_yth_dan_dari_dalam_tabel(logo: str) -> None:
    html = render_html(buat_nota_dinas(logo))
    assert "NOTA DINAS" in html
    assert re.search(r'<td class="label">Yth\.</td><td class="titik">:</td><td>Sekretaris Daerah', html)
    assert re.search(r'<td class="label">Dari</td><td class="titik">:</td><td>Kepala Dinas', html)
    assert 'class="yth"' not in html


def test_html_tabel_kepala_berulang_dan_baris_utuh(logo: str) -> None:
    html = render_html(buat_surat_tugas(logo, konsep=True))
    assert "thead { display: table-header-group; }" in html
    assert "page-break-inside: avoid" in html
    assert "<th>No.</th>" in html and '<td class="no">3.</td>' in html
    assert 'class="konsep"' in html


# ---------------------------------------------------------------- PDF (WeasyPrint)


def test_pdf_surat_dinas_berisi_bagian_surat(pdf_surat_dinas: bytes) -> None:
    teks = pdftotext(pdf_surat_dinas)
    for bagian in ("PEMERINTAH KOTA SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA", f"Nomor : {NOMOR}", f"Hal : {HAL}"):
        assert bagian in teks
    for bagian in ("Sukamaju, 24 November 2026", "Yth.", NAMA, f"NIP {NIP}", "Tembusan:", *TEMBUSAN):
        assert bagian in teks
    assert "KONSEP" not in teks
    halaman = PdfReader(io.BytesIO(pdf_surat_dinas)).pages
    assert len(halaman) == 1
    assert len(halaman[0].images) == 1  # the logo, loaded from its file


def test_pdf_adalah_pdfa_3b_dengan_font_tertanam(pdf_surat_dinas: bytes) -> None:
    pembaca = PdfReader(io.BytesIO(pdf_surat_dinas))
    xmp = pembaca.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part(>|=\")3", xmp)
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp)
    assert pembaca.metadata is not None and pembaca.metadata.title == "Surat Dinas: " + HAL
    font = _font_pdf(pembaca)
    assert font, "tidak ada font dalam PDF"
    for nama, deskriptor in font.items():
        assert any(k in deskriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), nama
    assert any("LiberationSerif" in nama.replace("-", "") for nama in font)


def _font_pdf(pembaca: PdfReader) -> dict[str, dict]:
    font: dict[str, dict] = {}
    for halaman in pembaca.pages:
        sumber = halaman.get("/Resources") or {}
        for f in (sumber.get("/Font") or {}).values():
            f = f.get_object()
            daftar = [d.get_object() for d in f.get("/DescendantFonts", [])] or [f]
            for d in daftar:
                deskriptor = d.get("/FontDescriptor")
                assert deskriptor is not None, f"font tanpa deskriptor: {d.get('/BaseFont')}"
                font[str(d.get("/BaseFont"))] = dict(deskriptor.get_object())
    return font


def test_pdf_surat_tugas_dan_nota_dinas(logo: str) -> None:
    teks = pdftotext(render_pdf(buat_surat_tugas(logo)))
    for bagian in ("SURAT TUGAS", "NOMOR 800.1.11.1/27/DISKOMINFO/2026", "Rina Kartika, S.Kom.", "Dewi Lestari"):
        assert bagian in teks
    assert "No." in teks and "3." in teks and NAMA in teks and "Inspektur Kota Sukamaju" in teks
    assert "TENTANG" not in teks
    teks = pdftotext(render_pdf(buat_nota_dinas(logo)))
    for bagian in ("NOTA DINAS", "Yth. : Sekretaris Daerah Kota Sukamaju", "Dari : Kepala Dinas Komunikasi"):
        assert bagian in teks
    assert "Lampiran : 1 (satu) berkas" in teks and "Sifat : Segera" in teks


def test_pdf_tata_letak_judul_dengan_tentang(logo: str) -> None:
    teks = pdftotext(render_pdf(buat_surat_tugas(logo, judul="KEPUTUSAN KEPALA DINAS", hal="Tim <em>SPBE</em>")))
    assert "KEPUTUSAN KEPALA DINAS" in teks and "TENTANG TIM SPBE" in teks


def test_konsep_memberi_tanda_air(surat_dinas: Dokumen, docx_surat_dinas: bytes) -> None:
    konsep = dataclasses.replace(surat_dinas, konsep=True)
    assert "KONSEP" in pdftotext(render_pdf(konsep))
    assert 'string="KONSEP"' in docx_header_xml(render_docx(konsep))
    assert "KONSEP" not in docx_header_xml(docx_surat_dinas)
    assert "KONSEP" not in docx_teks(docx_surat_dinas)


def test_logo_hilang_tidak_menggagalkan(tmp_path: Path) -> None:
    dok = buat_surat_dinas(str(tmp_path / "tidak-ada.png"))
    assert "PEMERINTAH KOTA SUKAMAJU" in pdftotext(render_pdf(dok))
    assert "PEMERINTAH KOTA SUKAMAJU" in docx_teks(render_docx(dok))
    assert "<img" not in render_html(dok)
    rusak = tmp_path / "rusak.png"
    rusak.write_bytes(b"bukan gambar")
    dok = buat_surat_dinas(str(rusak))
    assert NAMA in pdftotext(render_pdf(dok))
    assert NAMA in docx_teks(render_docx(dok))


# ---------------------------------------------------------------- DOCX


def test_docx_surat_dinas_berisi_bagian_surat(docx_surat_dinas: bytes) -> None:
    dokumen = docx.Document(io.BytesIO(docx_surat_dinas))
    teks = docx_teks(docx_surat_dinas)
    for bagian in ("PEMERINTAH KOTA SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA", "Nomor", NOMOR, HAL):
        assert bagian in teks
    for bagian in ("Sukamaju, 24 November 2026", "Yth.", NAMA, f"NIP {NIP}", "Tembusan:", *TEMBUSAN):
        assert bagian in teks
    assert dokumen.core_properties.title == "Surat Dinas: " + HAL
    bagian_hal = dokumen.sections[0]
    assert round(bagian_hal.page_width.cm, 1) == 21.0 and round(bagian_hal.page_height.cm, 1) == 29.7
    assert round(bagian_hal.left_margin.cm, 1) == 3.0
    assert len(dokumen.inline_shapes) == 1  # the logo
    nama = [r for p in _semua_paragraf(dokumen) for r in p.runs if r.text == NAMA]
    assert nama and nama[0].bold and nama[0].underline
    miring = [r for p in _semua_paragraf(dokumen) for r in p.runs if r.text == "Satu Data Indonesia"]
    assert miring and miring[0].italic
    assert dokumen.styles["Normal"].font.name == "Times New Roman"


def _semua_paragraf(dokumen: docx.document.Document) -> list:
    hasil = list(dokumen.paragraphs)
    for tabel in dokumen.tables:
        for baris in tabel.rows:
            for sel in baris.cells:
                hasil.extend(sel.paragraphs)
    return hasil


def test_docx_tabel_kepala_berulang(logo: str) -> None:
    data = render_docx(buat_surat_tugas(logo))
    dokumen = docx.Document(io.BytesIO(data))
    tabel = [t for t in dokumen.tables if "NIP" in t.rows[0].cells[-2].text or "Nama" in t.rows[0].cells[1].text]
    assert len(tabel) == 1
    baris = tabel[0].rows
    assert [c.text for c in baris[0].cells] == ["No.", "Nama", "NIP", "Jabatan"]
    assert baris[0]._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    assert [c.text for c in baris[3].cells] == [
        "3.",
        "Dewi Lestari, A.Md.",
        "199606202020122003",
        "Pranata Komputer Terampil",
    ]


def test_docx_nota_dinas(logo: str) -> None:
    teks = docx_teks(render_docx(buat_nota_dinas(logo)))
    assert "NOTA DINAS" in teks and "Dari" in teks and "Sekretaris Daerah Kota Sukamaju" in teks


# ---------------------------------------------------------------- LibreOffice


def test_docx_dikonversi_libreoffice(docx_surat_dinas: bytes) -> None:
    pdf = docx_ke_pdf(docx_surat_dinas)
    assert pdf.startswith(b"%PDF")
    teks = pdftotext(pdf)
    assert NAMA in teks and NOMOR in teks and "PEMERINTAH KOTA SUKAMAJU" in teks
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_libreoffice_tidak_ada(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LONTAR_SOFFICE", "/tidak/ada/soffice")
    with pytest.raises(LibreOfficeTidakTersedia, match="libreoffice-writer-nogui"):
        docx_ke_pdf(b"PK")
    assert issubclass(LibreOfficeTidakTersedia, GalatRender)


def test_libreoffice_berkas_rusak() -> None:
    with pytest.raises(GalatRender, match="bukan DOCX"):
        docx_ke_pdf(b"bukan docx sama sekali")
    zip_rusak = io.BytesIO()
    with zipfile.ZipFile(zip_rusak, "w") as arsip:
        arsip.writestr("word/document.xml", "<rusak")
    with pytest.raises(GalatRender, match="LibreOffice gagal"):
        docx_ke_pdf(zip_rusak.getvalue(), batas_waktu=60)


def test_libreoffice_batas_waktu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx_surat_dinas: bytes) -> None:
    lambat = tmp_path / "soffice"
    lambat.write_text("#!/bin/sh\nsleep 30\n")
    lambat.chmod(0o755)
    monkeypatch.setenv("LONTAR_SOFFICE", str(lambat))
    mulai = time.monotonic()
    with pytest.raises(GalatRender, match="dalam 1 detik"):
        docx_ke_pdf(docx_surat_dinas, batas_waktu=1)
    assert time.monotonic() - mulai < 10


# ---------------------------------------------------------------- long tables


def test_tabel_1750_baris(logo: str) -> None:
    baris = [[f"Pegawai Nomor {i}", f"19{i:016d}", "Pranata Komputer Ahli Pertama"] for i in range(1, 1751)]
    dok = buat_surat_tugas(logo, isi=[Tabel(kolom=["Nama", "NIP", "Jabatan"], baris=baris)])
    pdf = render_pdf(dok)
    halaman = PdfReader(io.BytesIO(pdf)).pages
    assert len(halaman) >= 40
    teks_hal_2 = " ".join(halaman[1].extract_text().split())
    assert "No. Nama NIP Jabatan" in teks_hal_2  # the header row repeats
    data = render_docx(dok)
    dokumen = docx.Document(io.BytesIO(data))
    tabel = dokumen.tables[-2]  # the last table is the signature block
    assert len(tabel.rows) == 1751
    assert "Pegawai Nomor 1750" in tabel.rows[-1].cells[1].text
    pdf_lo = docx_ke_pdf(data)
    assert len(PdfReader(io.BytesIO(pdf_lo)).pages) >= 40
