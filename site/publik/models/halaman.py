"""HalamanPage: a generic page (profil, visi dan misi, layanan, kontak …)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import blok_isi
from .dasar import HalamanPublik


class HalamanPage(HalamanPublik):
    intro = models.TextField(_("ringkasan"), blank=True, help_text=_("Satu-dua kalimat di bawah judul."))
    isi = StreamField(blok_isi(), verbose_name=_("isi"), blank=True, use_json_field=True)

    content_panels = [*HalamanPublik.content_panels, FieldPanel("intro"), FieldPanel("isi")]
    search_fields = [*HalamanPublik.search_fields, index.SearchField("intro"), index.SearchField("isi")]

    parent_page_types = ["publik.HomePage", "publik.HalamanPage"]
    subpage_types = ["publik.HalamanPage", "publik.BeritaIndexPage", "publik.AgendaIndexPage"]
    template = "publik/halaman_page.html"

    class Meta:
        verbose_name = _("halaman")
        verbose_name_plural = _("halaman")
