"""CSV and XLSX downloads of the published DIP (the filtered list the page shows, without
pagination). Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed
with an apostrophe: item texts are typed by staff but opened by anyone."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from .models import InformasiPublik

FORMAT = ("csv", "xlsx")
MAKS_BARIS = 10_000
BERBAHAYA = ("=", "+", "-", "@", "\t", "\r")


def aman(nilai: Any) -> Any:
    if isinstance(nilai, str) and nilai.startswith(BERBAHAYA):
        return "'" + nilai
    return nilai


def judul_kolom() -> list[str]:
    return [
        _("No"),
        _("Ringkasan isi informasi"),
        _("Kategori"),
        _("Unit penanggung jawab"),
        _("Tahun"),
        _("Bentuk informasi"),
        _("Jangka waktu penyimpanan"),
        _("Dasar pengecualian"),
        _("Alasan/uji konsekuensi"),
        _("Dokumen"),
    ]


def baris(request: HttpRequest, daftar: Iterable[InformasiPublik]) -> Iterator[list[Any]]:
    for no, item in enumerate(daftar, start=1):
        tautan = " ".join(request.build_absolute_uri(d.url) for d in item.dokumen_publik())
        yield [
            no,
            item.judul,
            str(item.get_kategori_display()),
            item.unit.nama,
            item.tahun,
            str(item.get_format_display()),
            item.jangka_waktu_penyimpanan,
            str(item.get_pasal_pengecualian_display()) if item.dikecualikan else "",
            item.alasan_pengecualian if item.dikecualikan else "",
            tautan,
        ]


def sebagai_csv(kepala: list[str], isi: Iterable[list[Any]]) -> bytes:
    keluaran = io.StringIO()
    penulis = csv.writer(keluaran)
    penulis.writerow(kepala)
    for b in isi:
        penulis.writerow([aman(n) for n in b])
    return ("\ufeff" + keluaran.getvalue()).encode()  # BOM: Excel opens UTF-8 correctly


def sebagai_xlsx(kepala: list[str], isi: Iterable[list[Any]], judul: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    buku = Workbook()
    lembar = buku.active or buku.create_sheet()
    lembar.title = judul[:31]
    lembar.append(kepala)
    for sel in lembar[1]:
        sel.font = Font(bold=True)
    for b in isi:
        lembar.append([aman(n) for n in b])
    lembar.freeze_panes = "A2"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def unduh_dip(request: HttpRequest, fmt: str, nama: str = "informasi-publik") -> HttpResponse:
    from .views import dip_tersaring

    daftar = dip_tersaring(request).qs.select_related("unit").prefetch_related("dokumen__dokumen")[:MAKS_BARIS]
    isi = baris(request, daftar)
    if fmt == "xlsx":
        data = sebagai_xlsx(judul_kolom(), isi, _("Daftar Informasi Publik"))
        jenis = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data = sebagai_csv(judul_kolom(), isi)
        jenis = "text/csv; charset=utf-8"
    respons = HttpResponse(data, content_type=jenis)
    respons["Content-Disposition"] = f'attachment; filename="{nama}.{fmt}"'
    return respons
