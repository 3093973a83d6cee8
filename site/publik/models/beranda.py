"""Beranda (HomePage): the one Site root of the public website."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from ..blocks import blok_beranda
from .dasar import HalamanPublik


class HomePage(HalamanPublik):
    """Beranda: the root of the public website (the only Site root). Its sections (hero,
    featured news, agenda, quick links, services) are blocks Humas reorder freely."""

    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])
    isi = StreamField(blok_beranda(), verbose_name=_("bagian beranda"), blank=True, use_json_field=True)

    content_panels = [*HalamanPublik.content_panels, FieldPanel("intro"), FieldPanel("isi")]
    search_fields = [*HalamanPublik.search_fields, index.SearchField("intro"), index.SearchField("isi")]

    parent_page_types = ["wagtailcore.Page"]
    # The PPID app's page is named by string: Wagtail resolves it lazily, so neither app
    # imports the other. Listed only when the app is installed: Wagtail's system check
    # (wagtailcore.E002) refuses a label it cannot resolve.
    subpage_types = [
        "publik.HalamanPage",
        "publik.BeritaIndexPage",
        "publik.AgendaIndexPage",
        *(["ppid.DaftarInformasiPublikPage"] if "ppid" in settings.INSTALLED_APPS else []),
    ]
    max_count = 1
    template = "publik/home_page.html"

    class Meta:
        verbose_name = _("beranda")
        verbose_name_plural = _("beranda")
