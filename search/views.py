"""Search admin views (thin): "Cari naskah" for every admin user, and the index status
page with its reindex button and progress endpoint for `search.kelola_indeks` holders.

What a user finds is decided by `search.layanan.cari` (the reader's access tokens);
index figures and reindex runs come from `search.indeks_ulang`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.defaults import permission_denied

from naskah.models import Sifat

from . import indeks_ulang, layanan, tasks
from .forms import KOLEKSI, CariForm, label_status
from .mesin.dasar import MAKS_HALAMAN, Hasil, Hit
from .models import ProsesIndeks, StatusProses

IZIN_KELOLA = "search.kelola_indeks"
PER_HALAMAN = 20
PARAM_HALAMAN = "p"


@dataclass
class BarisHasil:
    """A hit with the labels the listing shows."""

    hit: Hit
    sifat: str
    status: str
    koleksi: str


@dataclass
class ItemFaset:
    label: str
    jumlah: int
    url: str
    aktif: bool


@dataclass
class GrupFaset:
    nama: str
    judul: str
    item: list[ItemFaset]
    url_hapus: str  # the same query without this facet's filter ("" when none is applied)


def _url(parameter: QueryDict, **ganti: str | None) -> str:
    """`?…` of the current query with some parameters set (None removes) and page 1."""
    baru = parameter.copy()
    baru.pop(PARAM_HALAMAN, None)
    for nama, nilai in ganti.items():
        baru.pop(nama, None)
        if nilai is not None:
            baru[nama] = nilai
    return f"?{baru.urlencode()}"


def _faset(hasil: Hasil, parameter: QueryDict) -> list[GrupFaset]:
    judul = {"jenis": _("Jenis"), "unit": _("Perangkat daerah"), "sifat": _("Sifat"), "tahun": _("Tahun")}
    label_sifat = dict(Sifat.choices)
    grup = []
    for nama, teks in judul.items():
        aktif = parameter.get(nama, "")
        item = []
        for f in hasil.faset.get(nama, []):
            label = str(label_sifat.get(f.nilai, f.label)) if nama == "sifat" else (f.label or str(f.nilai))
            nilai = str(f.nilai)
            item.append(ItemFaset(label, f.jumlah, _url(parameter, **{nama: nilai}), nilai == aktif))
        if item or aktif:
            grup.append(GrupFaset(nama, str(teks), item, _url(parameter, **{nama: None}) if aktif else ""))
    return grup


def _baris(hasil: Hasil) -> list[BarisHasil]:
    label_sifat = {str(k): str(v) for k, v in Sifat.choices}
    status = label_status()
    koleksi = {k: str(v) for k, v in KOLEKSI}
    return [
        BarisHasil(h, label_sifat.get(h.sifat, h.sifat), status.get(h.status, h.status), koleksi.get(h.koleksi, ""))
        for h in hasil.hits
    ]


def _halaman(hasil: Hasil) -> Page:
    """A paginator page over the result count (hits are fetched per page by the engine),
    so naskah's pagination partial can show it."""
    jumlah = min(hasil.total, MAKS_HALAMAN * hasil.per_halaman)
    return Paginator(range(jumlah), hasil.per_halaman).get_page(hasil.halaman)


@require_GET
def cari(request: HttpRequest) -> HttpResponse:
    """Cari naskah: one box and filters over letters, templates and public pages."""
    form = CariForm(request.GET or None)
    hasil: Hasil | None = None
    if form.is_bound and form.is_valid() and form.ada_kueri():
        try:
            hasil = layanan.cari(
                request.user,
                form.cleaned_data["q"],
                halaman=request.GET.get(PARAM_HALAMAN) or None,
                per_halaman=PER_HALAMAN,
                **form.saringan(),
            )
        except layanan.GalatPermintaan as exc:
            form.add_error(None, str(exc))
    parameter = request.GET.copy()
    parameter.pop(PARAM_HALAMAN, None)
    urut = getattr(form, "cleaned_data", {}).get("urut")
    konteks: dict[str, Any] = {
        "form": form,
        "hasil": hasil,
        "parameter": parameter.urlencode(),
        "urut": urut or "relevansi",
    }
    if hasil is not None:
        konteks |= {
            "baris": _baris(hasil),
            "faset": _faset(hasil, parameter),
            "halaman": _halaman(hasil),
            "url_urut": {"relevansi": _url(parameter, urut=None), "tanggal": _url(parameter, urut="tanggal")},
        }
    return render(request, "search/admin/cari.html", konteks)


# --- index status and reindexing -----------------------------------------------------


def wajib_kelola(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only for `search.kelola_indeks` holders; others get a 403 (not Wagtail's redirect
    to the dashboard: the progress endpoint is polled by script)."""

    @functools.wraps(view)
    def dibungkus(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(IZIN_KELOLA):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return dibungkus


@require_http_methods(["GET", "POST"])
@wajib_kelola
def indeks(request: HttpRequest) -> HttpResponse:
    """Index status per collection; POST koleksi=… starts (or resumes) a reindex run of it
    in the background."""
    if request.method == "POST":
        koleksi = request.POST.get("koleksi", "")
        if koleksi not in indeks_ulang.LABEL:
            messages.error(request, _("Koleksi tidak dikenal."))
            return redirect("search:indeks")
        proses = indeks_ulang.mulai(koleksi, request.user)
        transaction.on_commit(lambda: tasks.indeks_ulang.delay(proses.pk))
        messages.success(
            request,
            _("Indeks ulang %(koleksi)s dimulai di latar belakang.") % {"koleksi": indeks_ulang.LABEL[koleksi]},
        )
        return redirect("search:indeks")
    return render(
        request,
        "search/admin/indeks.html",
        {"baris": indeks_ulang.status(), "berjalan": (StatusProses.ANTRI, StatusProses.BERJALAN)},
    )


@require_GET
@wajib_kelola
def proses(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress of one reindex run, polled by the status page."""
    run = ProsesIndeks.objects.filter(pk=pk).first()
    if run is None:
        raise Http404
    return JsonResponse(
        {
            "status": run.status,
            "label": run.get_status_display(),
            "total": run.total,
            "selesai": run.selesai,
            "persen": run.persen,
            "galat": run.galat,
        }
    )
