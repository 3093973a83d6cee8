"""Benchmark of the letter renderer on one surat dinas.

    .venv/bin/python bench/render.py [--n 20] [--n-libreoffice 5]

Median times for DOCX (python-docx), PDF/A (WeasyPrint) and DOCX→PDF (LibreOffice),
measured in this process after a warm-up. Goals: DOCX ≤ 100 ms; WeasyPrint PDF ≤ 0.3 ×
LibreOffice. Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(AKAR), str(AKAR / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.settings.dev")

import django  # noqa: E402

django.setup()  # the HTML renderer uses the project's Django template engine
logging.getLogger("weasyprint").setLevel(logging.WARNING)  # dev settings log every WeasyPrint step

from PIL import Image, ImageDraw  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402

from templates_surat.dokumen import Dokumen, Kop, Paragraf, Penandatangan, Rincian, TataLetak  # noqa: E402
from templates_surat.render import pdf as modul_pdf  # noqa: E402
from templates_surat.render.docx import render_docx  # noqa: E402
from templates_surat.render.libreoffice import docx_ke_pdf  # noqa: E402
from templates_surat.render.pdf import render_pdf  # noqa: E402

GOAL_DOCX_MS = 100.0
GOAL_RASIO_PDF = 0.3


def surat_dinas(logo: str) -> Dokumen:
    return Dokumen(
        tata_letak=TataLetak.SURAT,
        kop=Kop(
            baris_instansi=["PEMERINTAH KOTA SUKAMAJU", "DINAS KOMUNIKASI DAN INFORMATIKA"],
            alamat="Jalan Veteran Nomor 7, Sukamaju 41112",
            kontak="Telepon (0267) 555-0101, Pos-el diskominfo@sukamajukota.go.id, Laman diskominfo.sukamajukota.go.id",
            logo=logo,
        ),
        judul="",
        nomor="000.1.2.3/15/DISKOMINFO/2026",
        tempat_tanggal="Sukamaju, 24 November 2026",
        hal="Undangan Rapat Koordinasi Satu Data Indonesia",
        sifat="Biasa",
        lampiran="-",
        kepada=["Kepala Dinas Kesehatan Kota Sukamaju", "Kepala Dinas Pendidikan Kota Sukamaju"],
        isi=[
            Paragraf(
                "Dalam rangka pelaksanaan <em>Satu Data Indonesia</em> di lingkungan Pemerintah Kota Sukamaju, "
                "dengan hormat kami mengundang Saudara untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:"
            ),
            Rincian(
                baris=[
                    ("hari, tanggal", "Selasa, 1 Desember 2026"),
                    ("waktu", "09.00 WIB s.d. selesai"),
                    ("tempat", "Ruang Rapat Diskominfo<br>Jalan Veteran Nomor 7, Sukamaju"),
                ]
            ),
            Paragraf(
                "Mengingat pentingnya acara tersebut, kami harapkan kehadiran Saudara <strong>tepat waktu</strong>. "
                "Demikian atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih."
            ),
        ],
        penandatangan=Penandatangan(
            jabatan="Kepala Dinas Komunikasi dan Informatika",
            nama="Dr. Ahmad Fauzi, S.Kom., M.T.",
            pangkat="Pembina Utama Muda (IV/c)",
            nip="197508172000031002",
        ),
        tembusan=["Wali Kota Sukamaju (sebagai laporan)", "Sekretaris Daerah Kota Sukamaju"],
        konsep=False,
        judul_dokumen="Surat Dinas: Undangan Rapat Koordinasi Satu Data Indonesia",
    )


def median_ms(fungsi: Callable[[], object], n: int) -> float:
    waktu = []
    for _ in range(n):
        mulai = time.perf_counter()
        fungsi()
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu)


def main() -> int:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--n", type=int, default=20)
    argumen.add_argument("--n-libreoffice", type=int, default=5)
    opsi = argumen.parse_args()

    with tempfile.TemporaryDirectory(prefix="lontar-bench-") as tmp:
        logo = Path(tmp) / "lambang.png"
        kanvas = Image.new("RGBA", (240, 280), (255, 255, 255, 0))
        ImageDraw.Draw(kanvas).polygon([(20, 10), (220, 10), (220, 160), (120, 270), (20, 160)], fill=(11, 83, 148))
        kanvas.save(logo)
        dok = surat_dinas(str(logo))

        data_docx = render_docx(dok)  # warm-up: imports, cached package, fonts
        render_pdf(dok)
        docx_ke_pdf(data_docx)

        t_docx = median_ms(lambda: render_docx(dok), opsi.n)
        t_pdf = median_ms(lambda: render_pdf(dok), opsi.n)
        t_lo = median_ms(lambda: docx_ke_pdf(data_docx), opsi.n_libreoffice)

        # For comparison: the PDF without reusing the FontConfiguration.
        asli = modul_pdf.font_config
        modul_pdf.font_config = FontConfiguration  # type: ignore[assignment]
        try:
            t_pdf_baru = median_ms(lambda: render_pdf(dok), max(opsi.n // 2, 3))
        finally:
            modul_pdf.font_config = asli

    rasio = t_pdf / t_lo
    print(f"{'keluaran':<56} {'median':>10}  n")
    print(f"{'DOCX (python-docx)':<56} {t_docx:>7.1f} ms  {opsi.n}")
    print(f"{'PDF/A-3b (WeasyPrint, FontConfiguration dipakai ulang)':<56} {t_pdf:>7.1f} ms  {opsi.n}")
    print(f"{'PDF/A-3b (WeasyPrint, FontConfiguration baru)':<56} {t_pdf_baru:>7.1f} ms  {max(opsi.n // 2, 3)}")
    print(f"{'DOCX → PDF (LibreOffice headless)':<56} {t_lo:>7.1f} ms  {opsi.n_libreoffice}")
    print()
    print(f"rasio pdf/libreoffice = {rasio:.3f} (target ≤ {GOAL_RASIO_PDF})")
    print(f"docx = {t_docx:.1f} ms (target ≤ {GOAL_DOCX_MS:.0f} ms)")

    gagal = []
    if rasio > GOAL_RASIO_PDF:
        gagal.append(f"PDF WeasyPrint {rasio:.3f} × LibreOffice, melebihi {GOAL_RASIO_PDF}")
    if t_docx > GOAL_DOCX_MS:
        gagal.append(f"DOCX {t_docx:.1f} ms, melebihi {GOAL_DOCX_MS:.0f} ms")
    for pesan in gagal:
        print(f"TARGET TIDAK TERCAPAI: {pesan}")
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
