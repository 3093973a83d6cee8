"""robots.txt and the sitemap: what search engines may crawl on the public site."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as sitemap_wagtail

# Never for crawlers: the admin and the REST API (all behind a login anyway).
JALUR_TERLARANG = ("/admin/", "/api/v1/")


@require_GET
def robots(request: HttpRequest) -> HttpResponse:
    baris = ["User-agent: *", "Allow: /"]
    baris += [f"Disallow: {jalur}" for jalur in JALUR_TERLARANG]
    baris.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(baris) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    """Wagtail's sitemap: the live, public pages under the requested Site's root. Letters and
    templates live outside every Site, so they can never be listed."""
    response: HttpResponse = sitemap_wagtail(request)
    return response
