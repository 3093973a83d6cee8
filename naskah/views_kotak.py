"""Inbox views (thin): Perlu tindakan, Kotak masuk, Kotak keluar, Notifikasi."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import selectors
from .filters import NaskahFilter
from .models import Notifikasi

PER_HALAMAN = 25
BATAS_HITUNG = 1000


class PaginatorTerbatas(Paginator):
    """Counts at most BATAS_HITUNG rows: a count of every matching letter would read
    the whole archive on every request. Past the cap the list shows "1000+"."""

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by()[: BATAS_HITUNG + 1].count()  # type: ignore[attr-defined]

    @property
    def terbatas(self) -> bool:
        return self.count > BATAS_HITUNG


def _kotak(request: HttpRequest, kotak: str, judul: str, qs: Any) -> HttpResponse:
    filter_ = NaskahFilter(request.GET or None, queryset=qs)
    halaman = PaginatorTerbatas(filter_.qs, PER_HALAMAN).get_page(request.GET.get("p"))
    parameter = request.GET.copy()
    parameter.pop("p", None)
    return render(
        request,
        "naskah/admin/kotak.html",
        {"kotak": kotak, "judul": judul, "filter": filter_, "halaman": halaman, "parameter": parameter.urlencode()},
    )


def tindakan(request: HttpRequest) -> HttpResponse:
    return _kotak(request, "tindakan", _("Perlu tindakan"), selectors.perlu_tindakan(request.user))


def masuk(request: HttpRequest) -> HttpResponse:
    return _kotak(request, "masuk", _("Kotak masuk"), selectors.kotak_masuk(request.user))


def keluar(request: HttpRequest) -> HttpResponse:
    return _kotak(request, "keluar", _("Kotak keluar"), selectors.kotak_keluar(request.user))


@require_http_methods(["GET", "POST"])
def notifikasi(request: HttpRequest) -> HttpResponse:
    daftar = Notifikasi.objects.filter(user_id=request.user.pk or 0).select_related("naskah")
    if request.method == "POST":
        daftar.filter(dibaca_pada__isnull=True).update(dibaca_pada=timezone.now())
    halaman = Paginator(daftar, PER_HALAMAN).get_page(request.GET.get("p"))
    return render(request, "naskah/admin/notifikasi.html", {"halaman": halaman})
