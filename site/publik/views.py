"""Public site search for citizens: Wagtail's own page search (the backend follows
LONTAR_SEARCH_BACKEND), over the live, unrestricted pages of the current Site only."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

MAKS_KUERI = 200
PER_HALAMAN = 10


@require_GET
def cari(request: HttpRequest) -> HttpResponse:
    q = (request.GET.get("q") or "").strip()[:MAKS_KUERI]
    # words only: query-syntax characters (quotes, brackets, operators) are not for citizens
    kata = " ".join(re.findall(r"[^\W_]+", q))
    situs = Site.find_for_request(request)
    halaman = None
    if kata and situs is not None:
        halaman_publik = Page.objects.live().public().descendant_of(situs.root_page, inclusive=True)
        hasil = halaman_publik.specific().search(kata, operator="and")
        halaman = Paginator(hasil, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(request, "publik/cari.html", {"q": q, "halaman": halaman})
