"""Public letter verification: the page a signed letter's QR code opens, and an upload
form where anyone checks the signatures of a PDF they received."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from naskah import akses
from naskah.tte.fakta import fakta_kode

UNGGAHAN_PER_MENIT = 20


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas PDF"),
        help_text=gettext_lazy("PDF naskah dinas yang ingin diperiksa tanda tangan elektroniknya."),
    )

    def clean_berkas(self) -> object:
        berkas = self.cleaned_data["berkas"]
        batas = settings.LONTAR_TTE_BATAS_UNGGAH_MB * 1024 * 1024
        if berkas.size > batas:
            raise forms.ValidationError(
                _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": settings.LONTAR_TTE_BATAS_UNGGAH_MB}
            )
        return berkas


def _terlalu_sering(request: HttpRequest) -> bool:
    kunci = f"lontar:verifikasi-unggah:{request.META.get('REMOTE_ADDR', '-')}"
    cache.add(kunci, 0, 60)
    try:
        return cache.incr(kunci) > UNGGAHAN_PER_MENIT
    except ValueError:
        return False


@require_http_methods(["GET", "POST"])
def unggah(request: HttpRequest) -> HttpResponse:
    hasil = None
    judul = ""
    status = 200
    form = UnggahForm()
    if request.method == "POST":
        batas = settings.LONTAR_TTE_BATAS_UNGGAH_MB * 1024 * 1024
        panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        if panjang > batas + 64 * 1024:  # refused before the body is read
            form.full_clean()
            pesan = _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": settings.LONTAR_TTE_BATAS_UNGGAH_MB}
            return render(request, "publik/verifikasi.html", {"form": form, "galat": pesan}, status=413)
        if _terlalu_sering(request):
            pesan = _("Terlalu banyak pemeriksaan dari alamat Anda. Coba lagi sebentar lagi.")
            return render(request, "publik/verifikasi.html", {"form": form, "galat": pesan}, status=429)
        form = UnggahForm(request.POST, request.FILES)
        if form.is_valid():
            from naskah.tte.verifikasi import StatusVerifikasi, periksa_pdf

            hasil = periksa_pdf(form.cleaned_data["berkas"].read())
            judul = str(StatusVerifikasi(hasil.status).label)
        else:
            status = 400
    return render(request, "publik/verifikasi.html", {"form": form, "hasil": hasil, "judul": judul}, status=status)


def kode(request: HttpRequest, kode: str) -> HttpResponse:
    fakta = fakta_kode(kode)
    if fakta is None:
        return render(request, "publik/verifikasi_kode.html", {"fakta": None, "kode": kode}, status=404)
    boleh_unduh = request.user.is_authenticated and akses.dapat_melihat(request.user, fakta.naskah)
    return render(request, "publik/verifikasi_kode.html", {"fakta": fakta, "kode": kode, "boleh_unduh": boleh_unduh})
