"""Antrian TTE: letters approved for signature that still wait for it, with the reason,
where the signing official gives the passphrase again; administrators see every
waiting letter and the signer's state, and can switch the signer (Pengaturan TTE)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import layanan
from ..models import NaskahKeluarPage
from ..penanda import penanda_aktif
from . import titipan
from .layanan import antrian, masukkan_sandi_ulang

IZIN_KELOLA = "naskah.change_pengaturantte"


def boleh_melihat_antrian(user: Any) -> bool:
    """Signing officials (a signing jabatan held definitively or as Plh/Plt) and the
    administrators who keep the signer; the menu item shows for the same people."""
    from organisasi.models import Jabatan

    from .. import akses

    if user.has_perm(IZIN_KELOLA):
        return True
    ids = akses.jabatan_ids(user)
    return bool(ids) and Jabatan.objects.filter(pk__in=ids, dapat_menandatangani=True).exists()


def _status_penanda() -> dict[str, Any]:
    penanda = penanda_aktif()
    status: dict[str, Any] = {"nama": penanda.nama}
    if penanda.nama == "bsre":
        from .bsre import status_layanan

        status["layanan"] = status_layanan()
    return status


def daftar(request: HttpRequest) -> HttpResponse:
    if not boleh_melihat_antrian(request.user):
        raise PermissionDenied
    semua = request.user.has_perm(IZIN_KELOLA)
    baris = []
    for naskah in antrian(request.user, semua=semua)[:500]:
        baris.append(
            {
                "naskah": naskah,
                "judul": naskah.judul_aman(),
                "milik_saya": naskah.ditandatangani_oleh_id == request.user.pk,
                "sandi_tersimpan": titipan.ada(naskah.pk),
            }
        )
    return render(
        request,
        "naskah/admin/antrian_tte.html",
        {"baris": baris, "semua": semua, "penanda": _status_penanda()},
    )


@require_POST
def sandi(request: HttpRequest, pk: int) -> HttpResponse:
    naskah = NaskahKeluarPage.objects.filter(pk=pk, ditandatangani_oleh=request.user).first()
    if naskah is None:
        raise Http404
    try:
        masukkan_sandi_ulang(naskah, request.user, request.POST.get("sandi", ""), ip=request.META.get("REMOTE_ADDR"))
    except layanan.GalatNaskah as exc:
        messages.error(request, exc.pesan)
    else:
        messages.success(request, _("Passphrase diterima; naskah masuk antrean tanda tangan lagi."))
    return redirect("naskah:antrian_tte")
