"""Cache of the public website's anonymous pages.

Why a view wrapper and a version counter:

* The wrapper (`tercache`) sits around Wagtail's `serve` view (and the feed and sitemap), so
  a hit is answered before routing: no database query at all, only two cache reads (the
  version and the page). A middleware would need a list of paths to skip; here only the
  views that opt in are cached.
* Purging: every key embeds a site-wide version token; publishing, unpublishing, moving or
  deleting any page of a public Site (or changing the menu, a news category, a view
  restriction or a Site) replaces the token, so every cached page is gone at once. For a
  site of a few thousand pages this is the simplest purge that is always right: a new
  article changes the home page, the index, its category pages, the feed and the sitemap.
  Old entries are not deleted; they expire (`LONTAR_CACHE_PUBLIK_DETIK`).
* The token is replaced at once and again after the transaction commits: a request that
  read the old rows between the signal and the commit cannot leave a stale page behind.

Never cached: anything but GET/HEAD; requests carrying a session cookie (logged-in users,
visitors who passed a page password), previews, query strings other than the whitelisted
listing parameters; responses that are not 200, set cookies, used the CSRF token (forms)
or say `Cache-Control: private/no-cache/no-store`. Draft, unpublished and private pages never
reach the cache: Wagtail answers them with a 404, a login redirect or a password form.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

KUNCI_VERSI = "lontar:publik:versi"
AWALAN = "lontar:publik:halaman"
# Query-string parameters a cached page may carry (listing page number and filters).
PARAMETER_BOLEH = frozenset({"halaman", "kategori", "tag"})
_NILAI_BOLEH = re.compile(r"^[\w-]{1,80}$")
HEADER_DISIMPAN = ("Content-Type", "Content-Language", "Last-Modified", "Link")
_CC_TOLAK = ("private", "no-cache", "no-store")


def detik_cache() -> int:
    """How long our cache keeps a page (purges come from signals; this bounds what a
    time-dependent block, e.g. upcoming events, may lag)."""
    return int(getattr(settings, "LONTAR_CACHE_PUBLIK_DETIK", 600))


def detik_proksi() -> int:
    """`max-age` for a reverse proxy / browsers: short, since they are not purged."""
    return int(getattr(settings, "LONTAR_CACHE_PUBLIK_PROKSI_DETIK", 60))


def versi() -> str:
    token = cache.get(KUNCI_VERSI)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(KUNCI_VERSI, token, None):
            token = cache.get(KUNCI_VERSI) or token
    return str(token)


def ganti_versi() -> None:
    """Forget every cached public page (no database access)."""
    cache.set(KUNCI_VERSI, uuid.uuid4().hex, None)


def bersihkan() -> None:
    """Forget every cached public page now and again when the current transaction commits."""
    ganti_versi()
    transaction.on_commit(ganti_versi)


def _boleh_dilayani(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # logged in, or a page password passed: their pages may differ
    if getattr(request, "is_preview", False):
        return False
    for nama, nilai in request.GET.lists():
        if nama not in PARAMETER_BOLEH or len(nilai) != 1 or not _NILAI_BOLEH.match(nilai[0]):
            return False
    return True


def _kunci(request: HttpRequest) -> str:
    parameter = "&".join(f"{k}={request.GET[k]}" for k in sorted(request.GET))
    bahasa = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    mentah = f"{request.scheme}://{request.get_host()}{request.path}?{parameter}#{bahasa}"
    return f"{AWALAN}:{versi()}:{hashlib.sha256(mentah.encode()).hexdigest()}"


def _boleh_disimpan(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or getattr(response, "streaming", False):
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    sesi = getattr(request, "session", None)
    if sesi is not None and sesi.modified:
        return False
    cc = response.get("Cache-Control", "")
    return not any(kata in cc for kata in _CC_TOLAK)


def _tandai_publik(response: HttpResponse) -> None:
    patch_cache_control(response, public=True, max_age=detik_proksi())
    patch_vary_headers(response, ["Cookie"])


def tercache(view: Callable[..., Any]) -> Callable[..., Any]:
    """Serve `view` from the cache for anonymous visitors (see the module docstring)."""

    @wraps(view)
    def _view(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if not _boleh_dilayani(request):
            response = view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD") and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        kunci = _kunci(request)
        tersimpan = cache.get(kunci)
        if tersimpan is not None:
            response = HttpResponse(tersimpan["isi"], status=200)
            for nama, nilai in tersimpan["header"].items():
                response[nama] = nilai
            response["X-Cache-Publik"] = "hit"
            _tandai_publik(response)
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
            response = response.render()
        if _boleh_disimpan(request, response):
            header = {h: response[h] for h in HEADER_DISIMPAN if response.has_header(h)}
            cache.set(kunci, {"isi": response.content, "header": header}, detik_cache())
            response["X-Cache-Publik"] = "miss"
            _tandai_publik(response)
        elif not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return _view
