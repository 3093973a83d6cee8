"""RSS of the news: the 20 newest live, public articles of the Site the request is for."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import BeritaPage

JUMLAH_RSS = 20


class RssBerita(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class BeritaFeed(Feed):
    feed_type = RssBerita
    language = "id"

    def __call__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Site:
        situs = Site.find_for_request(request)
        if situs is None:
            raise Http404
        return situs

    def title(self, situs: Site) -> str:
        return _("Berita %(situs)s") % {"situs": situs.site_name or situs.hostname}

    def link(self, situs: Site) -> str:
        return situs.root_page.get_url(self.request) or "/"

    def description(self, situs: Site) -> str:
        return _("Berita terbaru dari %(situs)s.") % {"situs": situs.site_name or situs.hostname}

    def items(self, situs: Site) -> list[BeritaPage]:
        return list(BeritaPage.objects.untuk_daftar().descendant_of(situs.root_page)[:JUMLAH_RSS])

    def item_title(self, item: BeritaPage) -> str:
        return item.title

    def item_description(self, item: BeritaPage) -> str:
        return item.intro

    def item_link(self, item: BeritaPage) -> str:
        return item.get_url(self.request) or "/"

    def item_pubdate(self, item: BeritaPage) -> datetime.datetime:
        return item.waktu_terbit()

    def item_author_name(self, item: BeritaPage) -> str:
        return item.penulis

    def item_categories(self, item: BeritaPage) -> list[str]:
        return [item.kategori.nama] if item.kategori else []
