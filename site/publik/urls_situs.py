"""Routes of the public website besides search and verification: the news feed, sitemap,
robots.txt and Wagtail's page serving through the anonymous page cache (publik.cache).

Mounted in lontar.urls just before Wagtail's own catch-all, which still serves its
`_util/` views (page password form, front-end login)."""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from .cache import tercache
from .feeds import BeritaFeed
from .seo import robots, sitemap

urlpatterns = [
    path("berita/rss/", tercache(BeritaFeed()), name="berita_rss"),
    path("sitemap.xml", tercache(sitemap), name="sitemap"),
    path("robots.txt", tercache(robots), name="robots_txt"),
    # Wagtail's serve pattern (WAGTAIL_APPEND_SLASH), minus its `_util/` views.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", tercache(wagtail_views.serve)),
]
