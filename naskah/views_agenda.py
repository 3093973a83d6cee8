"""Admin views (thin): the agenda harian (HTML, XLSX, PDF) and the lembar disposisi
of an incoming letter (PDF, DOCX)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import akses, selectors_masuk
from .agenda import agenda_pdf, agenda_xlsx, judul_agenda, saringan_agenda, unit_agenda
from .lembar import data_lembar, html_ke_pdf, lembar_docx, render_html
from .models import NaskahMasukPage

JENIS_ISI = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _berkas(isi: bytes, format: str, nama: str) -> HttpResponse:
    response = HttpResponse(isi, content_type=JENIS_ISI[format])
    response["Content-Disposition"] = f'attachment; filename="{nama}.{format}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    """/admin/naskah/agenda/?unit=&dari=&sampai=&jenis=[&format=xlsx|pdf]"""
    saringan = saringan_agenda(request.GET, request)
    if saringan.unit_asing:
        raise Http404(_("Agenda unit ini tidak ditemukan."))
    hasil = saringan.agenda(request.user)
    format = request.GET.get("format", "")
    if hasil is not None and format in ("xlsx", "pdf"):
        isi = agenda_xlsx(hasil) if format == "xlsx" else agenda_pdf(hasil)
        return _berkas(isi, format, hasil.nama_berkas)
    dapat_dibaca: set[int] = set()
    if hasil is not None and hasil.masuk:
        qs = NaskahMasukPage.objects.filter(pk__in=[b.pk for b in hasil.masuk])
        dapat_dibaca = set(akses.saring(qs, request.user).values_list("pk", flat=True))
    parameter = request.GET.copy()
    parameter.pop("format", None)
    if saringan.filter.is_valid():  # exports use the values shown, defaults included
        for kunci in ("unit", "dari", "sampai", "jenis"):
            parameter[kunci] = saringan.filter.data[kunci]
    return render(
        request,
        "naskah/agenda/agenda.html",
        {
            "filter": saringan.filter,
            "agenda": hasil,
            "judul": judul_agenda(hasil) if hasil is not None else _("Agenda harian"),
            "dapat_dibaca": dapat_dibaca,
            "parameter": parameter.urlencode(),
            "tanpa_unit": not unit_agenda(request.user).exists(),
        },
    )


@require_GET
def lembar(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """The lembar disposisi of an incoming letter the user may read (else 404)."""
    naskah = selectors_masuk.naskah_masuk_terbaca(request.user, int(pk))
    if naskah is None or format not in ("pdf", "docx"):
        raise Http404(_("Naskah tidak ditemukan."))
    akses.catat_akses(request.user, naskah, "lembar", request)
    if format == "pdf":
        data = data_lembar(naskah)
        return _berkas(html_ke_pdf(render_html(data)), "pdf", data.nama_berkas)
    nama = f"lembar-disposisi-{naskah.agenda.replace('/', '-') or naskah.pk}"
    return _berkas(lembar_docx(naskah), "docx", nama)
