"""Admin views for operators: pick a live template, fill its form, preview live,
download the draft as DOCX or PDF (watermarked KONSEP)."""

from __future__ import annotations

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import isian as isian_mod
from . import layanan
from .engine import GalatTemplate
from .models import TemplateSuratPage
from .penomoran import pratinjau_berikutnya
from .render import GalatRender

IZIN = "templates_surat.buat_naskah"


def _cek_izin(request: HttpRequest) -> None:
    if not request.user.has_perm(IZIN):
        raise PermissionDenied


def _template_live(page_id: int) -> TemplateSuratPage:
    """Operators only ever see live templates (and the live version of them)."""
    page = TemplateSuratPage.objects.live().filter(pk=page_id).select_related("jenis", "kop__unit").first()
    if page is None:
        raise Http404(_("Template tidak ditemukan atau belum terbit."))
    return page


def daftar(request: HttpRequest) -> HttpResponse:
    _cek_izin(request)
    templates = TemplateSuratPage.objects.live().select_related("jenis").order_by("jenis__urutan", "title")
    kelompok = [(jenis, list(items)) for jenis, items in groupby(templates, key=lambda t: t.jenis)]
    return render(request, "templates_surat/admin/daftar.html", {"kelompok": kelompok, "jumlah": len(templates)})


def buat(request: HttpRequest, page_id: int) -> HttpResponse:
    _cek_izin(request)
    template = _template_live(page_id)
    if request.method == "POST":
        form = isian_mod.IsianForm(request.POST, template=template)
        format = request.POST.get("format", "pdf")
        if form.is_valid() and format in ("docx", "pdf"):
            try:
                berkas = layanan.render(template, form.isian(), format)
            except (GalatTemplate, GalatRender, isian_mod.GalatIsian) as exc:
                messages.error(request, _("Naskah tidak dapat dibuat: %(galat)s") % {"galat": exc})
            else:
                response = HttpResponse(berkas.isi, content_type=berkas.content_type)
                response["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
                return response
        else:
            messages.error(request, _("Periksa kembali isian yang ditandai."))
    elif request.GET.get("contoh"):
        form = isian_mod.IsianForm(
            initial=isian_mod.data_form(template, template.isian_contoh, awal=True), template=template
        )
    else:
        form = isian_mod.IsianForm(template=template)
    return render(
        request,
        "templates_surat/admin/buat.html",
        {
            "template": template,
            "form": form,
            "unggahan": bool(template.berkas_docx_id),
            "perkiraan_nomor": _perkiraan_nomor(template),
        },
    )


def _perkiraan_nomor(template: TemplateSuratPage) -> str:
    if template.pola_nomor is None:
        return ""
    try:
        return pratinjau_berikutnya(
            template.pola_nomor,
            unit=template.kop.unit,
            jenis=template.jenis,
            klasifikasi=template.klasifikasi_bawaan,
        )
    except ValueError:
        return ""


@require_POST
def pratinjau(request: HttpRequest, page_id: int) -> HttpResponse:
    """The same HTML the PDF is made from, for the live preview iframe."""
    _cek_izin(request)
    template = _template_live(page_id)
    form = isian_mod.IsianForm(request.POST, template=template)
    if not form.is_valid():
        return JsonResponse({"galat": {k: [str(m) for m in v] for k, v in form.errors.items()}}, status=400)
    try:
        berkas = layanan.render(template, form.isian(), "html")
    except (GalatTemplate, GalatRender, isian_mod.GalatIsian) as exc:
        return JsonResponse({"galat": {"__all__": [str(exc)]}}, status=400)
    return HttpResponse(berkas.isi, content_type=berkas.content_type)
