"""News: the category snippet, the tag model, the paginated index and the article."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import blok_isi
from .dasar import HalamanPublik

BERITA_PER_HALAMAN = 10
# Query-string parameters the index understands; also the only ones the page cache accepts.
PARAMETER_DAFTAR = ("halaman", "kategori", "tag")


class KategoriBerita(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """A news category (Pemerintahan, Kesehatan …): a snippet Humas manage, so a category
    renamed once is renamed on every article."""

    nama = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)

    panels = [FieldPanel("nama"), FieldPanel("slug"), FieldPanel("keterangan")]
    search_fields = [index.SearchField("nama"), index.AutocompleteField("nama")]

    class Meta:
        ordering = ["nama"]
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")

    def __str__(self) -> str:
        return self.nama


class BeritaTag(TaggedItemBase):
    content_object = ParentalKey("publik.BeritaPage", on_delete=models.CASCADE, related_name="tagged_items")


class BeritaQuerySet(PageQuerySet):
    def untuk_daftar(self) -> BeritaQuerySet:
        """Live public articles newest first, with what a list shows joined in (category,
        lead image and its renditions): two queries however many items are listed."""
        return (
            self.live()
            .public()
            .select_related("kategori", "gambar_utama")
            .prefetch_related("gambar_utama__renditions")
            .defer_streamfields()
            .order_by("-tanggal", "-first_published_at", "-pk")
        )


class BeritaManager(PageManager.from_queryset(BeritaQuerySet)):  # type: ignore[misc]
    """The page manager with the list queries of BeritaQuerySet."""


class BeritaIndexPage(HalamanPublik):
    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*HalamanPublik.content_panels, FieldPanel("intro")]
    search_fields = [*HalamanPublik.search_fields, index.SearchField("intro")]

    parent_page_types = ["publik.HomePage", "publik.HalamanPage"]
    subpage_types = ["publik.BeritaPage"]
    template = "publik/berita_index_page.html"

    class Meta:
        verbose_name = _("indeks berita")
        verbose_name_plural = _("indeks berita")

    def berita(self) -> BeritaQuerySet:
        return BeritaPage.objects.untuk_daftar().child_of(self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        qs = self.berita()
        kategori = None
        if slug := request.GET.get("kategori"):
            kategori = KategoriBerita.objects.filter(slug=slug[:80]).first()
            qs = qs.filter(kategori=kategori) if kategori else qs.none()
        tag = None
        if slug := request.GET.get("tag"):
            tag = Tag.objects.filter(slug=slug[:100]).first()
            qs = qs.filter(tagged_items__tag=tag) if tag else qs.none()
        daftar = Paginator(qs, BERITA_PER_HALAMAN).get_page(request.GET.get("halaman"))
        context.update(
            daftar=daftar,
            kueri_kanonik=f"?halaman={daftar.number}" if daftar.number > 1 else "",
            semua_kategori=KategoriBerita.objects.all(),
            kategori_aktif=kategori,
            tag_aktif=tag,
        )
        return context


class BeritaPage(HalamanPublik):
    tanggal = models.DateField(_("tanggal berita"), default=datetime.date.today)
    penulis = models.CharField(_("penulis"), max_length=120, blank=True)
    kategori = models.ForeignKey(
        KategoriBerita,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="berita",
    )
    tags = ClusterTaggableManager(_("tag"), through=BeritaTag, blank=True)
    gambar_utama = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("ringkasan"), max_length=400, help_text=_("Tampil di daftar berita dan RSS."))
    isi = StreamField(blok_isi(), verbose_name=_("isi"), blank=True, use_json_field=True)

    objects = BeritaManager()

    content_panels = [
        *HalamanPublik.content_panels,
        MultiFieldPanel(
            [FieldPanel("tanggal"), FieldPanel("penulis"), FieldPanel("kategori"), FieldPanel("tags")],
            heading=_("keterangan berita"),
        ),
        FieldPanel("gambar_utama"),
        FieldPanel("intro"),
        FieldPanel("isi"),
    ]
    search_fields = [
        *HalamanPublik.search_fields,
        index.SearchField("intro"),
        index.SearchField("isi"),
        index.SearchField("penulis"),
        index.FilterField("tanggal"),
        index.RelatedFields("kategori", [index.SearchField("nama")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["publik.BeritaIndexPage"]
    subpage_types: list[str] = []
    template = "publik/berita_page.html"

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")

    def gambar_og(self) -> Any:
        return self.gambar_sosial or self.gambar_utama

    def jenis_og(self) -> str:
        return "article"

    def waktu_terbit(self) -> datetime.datetime:
        """The article's date as an aware datetime (RSS pubDate, article:published_time)."""
        return timezone.make_aware(datetime.datetime.combine(self.tanggal, datetime.time(8, 0)))
