"""What every public page type shares: the social image for Open Graph/Twitter cards, the
promote tab, search fields on the SEO texts and breadcrumbs."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class HalamanPublik(Page):
    """Abstract base of the public page types (not of letters or templates)."""

    gambar_sosial = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar media sosial"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tampil saat tautan halaman dibagikan (Open Graph). Ukuran ideal 1200×630 piksel."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("gambar_sosial")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("seo_title"),
        index.SearchField("search_description"),
    ]

    class Meta:
        abstract = True

    def gambar_og(self) -> Any:
        """The image shared on social media; article types fall back to their lead image."""
        return self.gambar_sosial

    def jenis_og(self) -> str:
        return "website"

    def remah(self) -> list[Page]:
        """Breadcrumb trail from the Site root down to (not including) this page, one query."""
        return list(self.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth", "path"))
