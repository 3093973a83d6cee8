"""Public PPID views (thin): the DIP list context, the request form, the status page,
answer-file downloads and the objection form.

Spam: a honeypot field and a per-IP limit (`batas`) — a refused submission stores nothing.
The tracking number and token are shown once after a redirect (PRG) and never put in a
URL. A requester who proved the token (or e-mail) on the status page may download that
request's files during the session; nothing of other requesters is reachable."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import batas, layanan
from .filters import InformasiPublikFilter
from .forms import KeberatanForm, PermohonanForm, StatusForm
from .models import BerkasJawaban, InformasiPublik, PermohonanInformasi

PER_HALAMAN = 20
SESI_SELESAI = "ppid_selesai"
SESI_AKSES = "ppid_akses"


# --- Daftar Informasi Publik ---------------------------------------------------------


def dip_tersaring(request: HttpRequest) -> InformasiPublikFilter:
    qs = InformasiPublik.objects.filter(terbit=True).select_related("unit").order_by("kategori", "-tahun", "judul")
    return InformasiPublikFilter(request.GET or None, queryset=qs)


def konteks_dip(request: HttpRequest) -> dict[str, Any]:
    """Context of DaftarInformasiPublikPage: the filter form, one page of items and the
    query string (filters only) for the page links and CSV/XLSX downloads."""
    saring = dip_tersaring(request)
    daftar = saring.qs.prefetch_related("dokumen__dokumen")
    halaman = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("halaman"))
    kueri = request.GET.copy()
    for kunci in ("halaman", "unduh"):
        kueri.pop(kunci, None)
    return {"saring": saring, "halaman": halaman, "kueri": kueri.urlencode()}


# --- permohonan ----------------------------------------------------------------------


def _tolak_form(request: HttpRequest, form: PermohonanForm, pesan: str, status: int) -> HttpResponse:
    form.add_error(None, pesan)
    return render(request, "ppid/permohonan_form.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def permohonan(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "ppid/permohonan_form.html", {"form": PermohonanForm()})
    form = PermohonanForm(request.POST)
    if batas.terlampaui(request, "permohonan"):
        return _tolak_form(
            request,
            form,
            _(
                "Terlalu banyak permohonan dari jaringan Anda dalam satu jam terakhir. Silakan coba lagi nanti "
                "atau datang langsung ke meja layanan PPID."
            ),
            429,
        )
    if form.jebakan_terisi:
        batas.hitung(request, "permohonan")
        return _tolak_form(request, form, _("Permohonan tidak dapat diproses. Kosongkan kolom “Jangan diisi”."), 400)
    if not form.is_valid():
        return render(request, "ppid/permohonan_form.html", {"form": form}, status=400)
    data = {k: v for k, v in form.cleaned_data.items() if k != "situs_web"}
    try:
        p, token = layanan.ajukan_permohonan(**data)
    except layanan.GalatPPID as exc:
        for nama, pesan in exc.galat.items():
            form.add_error(nama if nama in form.fields else None, pesan)
        return render(request, "ppid/permohonan_form.html", {"form": form}, status=400)
    batas.hitung(request, "permohonan")
    request.session[SESI_SELESAI] = {"nomor": p.nomor, "token": token}
    _beri_akses(request, p)
    return redirect("ppid:selesai")


@never_cache
@require_GET
def selesai(request: HttpRequest) -> HttpResponse:
    data = request.session.pop(SESI_SELESAI, None)
    if not data:
        return redirect("ppid:permohonan")
    p = PermohonanInformasi.objects.filter(nomor=data["nomor"]).first()
    if p is None:
        raise Http404
    return render(request, "ppid/permohonan_selesai.html", {"p": p, "token": data["token"]})


# --- status and files ----------------------------------------------------------------


def _beri_akses(request: HttpRequest, p: PermohonanInformasi) -> None:
    akses = [pk for pk in request.session.get(SESI_AKSES, []) if pk != p.pk][-9:]
    request.session[SESI_AKSES] = [*akses, p.pk]


def _gagal_cek(request: HttpRequest, form: Any, template: str, pesan: str) -> HttpResponse:
    batas.hitung(request, "cek")
    form.add_error(None, pesan)
    return render(request, template, {"form": form}, status=400)


PESAN_TIDAK_COCOK = gettext_noop("Nomor registrasi dan token/e-mail tidak cocok dengan permohonan mana pun.")
PESAN_TERLALU_SERING = gettext_noop("Terlalu banyak percobaan. Silakan coba lagi 15 menit lagi.")


@never_cache
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    """Token (or e-mail) in a POST body, never in the URL: URLs end up in logs and history."""
    if request.method != "POST":
        return render(request, "ppid/status.html", {"form": StatusForm()})
    form = StatusForm(request.POST)
    if batas.terlampaui(request, "cek"):
        form.add_error(None, _(PESAN_TERLALU_SERING))
        return render(request, "ppid/status.html", {"form": form}, status=429)
    if not form.is_valid():
        return render(request, "ppid/status.html", {"form": form}, status=400)
    p = layanan.cari_permohonan(
        form.cleaned_data["nomor"], token=form.cleaned_data["token"], email=form.cleaned_data["email"] or ""
    )
    if p is None:
        return _gagal_cek(request, form, "ppid/status.html", _(PESAN_TIDAK_COCOK))
    _beri_akses(request, p)
    return render(request, "ppid/status.html", {"form": StatusForm(), "p": p, **_konteks_status(p)})


def _konteks_status(p: PermohonanInformasi) -> dict[str, Any]:
    keberatan = getattr(p, "keberatan", None)
    return {
        "keberatan": keberatan,
        "berkas": [b for b in p.berkas.all() if b.keberatan_id is None],
        "berkas_keberatan": list(keberatan.berkas.all()) if keberatan else [],
        "batas_keberatan": p.batas_keberatan(),
    }


@never_cache
@require_GET
def berkas(request: HttpRequest, pk: int) -> FileResponse:
    b = get_object_or_404(BerkasJawaban, pk=pk)
    if b.permohonan_id not in request.session.get(SESI_AKSES, []):
        raise Http404
    return FileResponse(b.berkas.open("rb"), as_attachment=True, filename=b.nama)


# --- keberatan -----------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def keberatan(request: HttpRequest) -> HttpResponse:
    template = "ppid/keberatan_form.html"
    if request.method != "POST":
        return render(request, template, {"form": KeberatanForm()})
    form = KeberatanForm(request.POST)
    if batas.terlampaui(request, "cek"):
        form.add_error(None, _(PESAN_TERLALU_SERING))
        return render(request, template, {"form": form}, status=429)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    p = layanan.cari_permohonan(form.cleaned_data["nomor"], token=form.cleaned_data["token"])
    if p is None:
        return _gagal_cek(request, form, template, _(PESAN_TIDAK_COCOK))
    try:
        k = layanan.ajukan_keberatan(p, form.cleaned_data["alasan"], form.cleaned_data["uraian"])
    except layanan.GalatPPID as exc:
        form.add_error(None, exc.pesan)
        return render(request, template, {"form": form}, status=exc.status)
    _beri_akses(request, p)
    return render(request, "ppid/keberatan_selesai.html", {"k": k, "p": p})
