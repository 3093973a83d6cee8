"""Letter views (thin): create from a template, read, preview, download, act.

Every view finds the letter through `selectors.naskah_terbaca` (the access rule):
a letter the user may not read is a 404, exactly like one that does not exist."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST
from wagtail.models import PageLogEntry, Revision

from templates_surat.engine import GalatTemplate
from templates_surat.isian import GalatIsian
from templates_surat.models import TemplateSuratPage
from templates_surat.render import GalatRender

from . import akses, layanan, selectors
from .dokumen import konten, render_naskah, respons_unduhan
from .models import NaskahKeluarPage, StatusNaskah, TandaTanganTask
from .models.alur import butuh_sandi


def _naskah(request: HttpRequest, pk: int, aksi: str = "lihat") -> NaskahKeluarPage:
    naskah = selectors.naskah_terbaca(request.user, pk)
    if naskah is None:
        raise Http404(_("Naskah tidak ditemukan."))
    akses.catat_akses(request.user, naskah, aksi, request)
    return naskah


def baru(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(akses.IZIN_BUAT):
        raise PermissionDenied
    templates = TemplateSuratPage.objects.live().select_related("jenis").order_by("jenis__urutan", "title")
    kelompok = [(jenis, list(items)) for jenis, items in groupby(templates, key=lambda t: t.jenis)]
    return render(request, "naskah/admin/baru.html", {"kelompok": kelompok})


@require_POST
def buat(request: HttpRequest, template_id: int) -> HttpResponse:
    template = TemplateSuratPage.objects.live().filter(pk=template_id).first()
    if template is None:
        raise Http404(_("Template tidak ditemukan atau belum terbit."))
    try:
        naskah = layanan.buat_konsep(request.user, template)
    except layanan.GalatNaskah as exc:
        messages.error(request, exc.pesan)
        return redirect("naskah:baru")
    messages.success(request, _("Konsep naskah dibuat. Lengkapi isian, lalu ajukan."))
    return redirect("wagtailadmin_pages:edit", naskah.pk)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    from .models import NaskahMasukPage

    if NaskahMasukPage.objects.filter(pk=pk).exists():  # links in notifications name only the page id
        return redirect("naskah:detail_masuk", pk)
    naskah = _naskah(request, pk)
    layanan.tandai_dibaca(naskah, request.user)
    tugas = layanan.tugas_aktif(naskah) if naskah.status == StatusNaskah.DIAJUKAN else None
    aksi = layanan.aksi_tersedia(naskah, request.user)
    riwayat = PageLogEntry.objects.filter(page_id=naskah.pk).select_related("user").order_by("timestamp", "pk")
    izin = naskah.permissions_for_user(request.user)
    revisi = list(
        Revision.page_revisions.filter(object_id=str(naskah.pk)).select_related("user").order_by("created_at", "pk")
    )
    return render(
        request,
        "naskah/admin/detail.html",
        {
            "naskah": naskah,
            "konsep": naskah.get_latest_revision_as_object() if naskah.status != StatusNaskah.TERKIRIM else naskah,
            "tugas": tugas,
            "boleh_setujui": "setujui" in aksi,
            "minta_sandi": tugas is not None
            and "setujui" in aksi
            and isinstance(tugas.task.specific, TandaTanganTask)
            and butuh_sandi(),
            "boleh_kembalikan": "kembalikan" in aksi,
            "boleh_ubah": izin.can_edit(),
            "boleh_ajukan": "ajukan" in aksi,
            "riwayat": riwayat,
            "revisi": list(zip(revisi[1:], revisi, strict=False)),
            "kiriman": naskah.kiriman.select_related("jabatan__unit"),
        },
    )


@xframe_options_sameorigin  # shown in the letter page's iframe
def pratinjau(request: HttpRequest, pk: int) -> HttpResponse:
    naskah = _naskah(request, pk, "pratinjau")
    try:
        berkas = render_naskah(konten(naskah), "html", final=bool(naskah.revisi_final_id))
    except (GalatIsian, GalatTemplate, GalatRender) as exc:
        return render(request, "naskah/admin/pratinjau_galat.html", {"galat": exc}, status=200)
    response = HttpResponse(berkas.isi, content_type=berkas.content_type)
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'"
    return response


def unduh(request: HttpRequest, pk: int, format: str) -> HttpResponseBase:
    if format not in ("pdf", "docx"):
        raise Http404
    naskah = _naskah(request, pk, f"unduh-{format}")
    try:
        return respons_unduhan(naskah, format)
    except (GalatIsian, GalatTemplate, GalatRender) as exc:
        messages.error(request, _("Naskah tidak dapat dibuat: %(galat)s") % {"galat": exc})
        return redirect("naskah:detail", pk)


def lampiran(request: HttpRequest, pk: int, lampiran_id: int) -> HttpResponseBase:
    naskah = _naskah(request, pk, "unduh-lampiran")
    isi = konten(naskah)
    berkas = next((lp for lp in isi.lampiran.all() if lp.pk == lampiran_id), None)
    if berkas is None or not berkas.berkas:
        raise Http404
    return FileResponse(berkas.berkas.open("rb"), as_attachment=True, filename=berkas.berkas.name.rsplit("/", 1)[-1])


@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    naskah = _naskah(request, pk, aksi)
    catatan = request.POST.get("catatan", "")
    try:
        if aksi == "ajukan":
            layanan.ajukan(naskah, request.user)
            messages.success(request, _("Naskah diajukan untuk persetujuan."))
        elif aksi == "setujui":
            naskah = layanan.setujui(
                naskah, request.user, catatan, sandi=request.POST.get("sandi", ""), ip=request.META.get("REMOTE_ADDR")
            )
            messages.success(request, _("Persetujuan Anda tercatat."))
        elif aksi == "kembalikan":
            layanan.kembalikan(naskah, request.user, catatan)
            messages.success(request, _("Naskah dikembalikan kepada pembuatnya."))
        else:
            raise Http404
    except layanan.GalatNaskah as exc:
        pesan: Any = exc.pesan
        if exc.galat:
            pesan = f"{exc.pesan} " + "; ".join(f"{k}: {' '.join(map(str, v))}" for k, v in exc.galat.items())
        messages.error(request, pesan)
    return redirect("naskah:detail", pk)
