"""Agenda: events of the Pemda (rapat, sosialisasi, pelayanan keliling …)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .dasar import HalamanPublik

MAKS_LEWAT = 10


class AgendaQuerySet(PageQuerySet):
    def mendatang(self, sekarang: datetime.datetime) -> AgendaQuerySet:
        """Live public events not yet over (an event without an end is over when it starts),
        soonest first."""
        return (
            self.live()
            .public()
            .filter(Q(selesai__gte=sekarang) | Q(selesai__isnull=True, mulai__gte=sekarang))
            .order_by("mulai", "pk")
        )

    def lewat(self, sekarang: datetime.datetime) -> AgendaQuerySet:
        return (
            self.live()
            .public()
            .filter(Q(selesai__lt=sekarang) | Q(selesai__isnull=True, mulai__lt=sekarang))
            .order_by("-mulai", "-pk")
        )


class AgendaManager(PageManager.from_queryset(AgendaQuerySet)):  # type: ignore[misc]
    """The page manager with the list queries of AgendaQuerySet."""


class AgendaIndexPage(HalamanPublik):
    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*HalamanPublik.content_panels, FieldPanel("intro")]
    search_fields = [*HalamanPublik.search_fields, index.SearchField("intro")]

    parent_page_types = ["publik.HomePage", "publik.HalamanPage"]
    subpage_types = ["publik.AgendaPage"]
    template = "publik/agenda_index_page.html"

    class Meta:
        verbose_name = _("indeks agenda")
        verbose_name_plural = _("indeks agenda")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        sekarang = timezone.now()
        context["mendatang"] = AgendaPage.objects.mendatang(sekarang).child_of(self)
        context["lewat"] = AgendaPage.objects.lewat(sekarang).child_of(self)[:MAKS_LEWAT]
        return context


class AgendaPage(HalamanPublik):
    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(_("selesai"), null=True, blank=True)
    tempat = models.CharField(_("tempat"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    deskripsi = RichTextField(_("deskripsi"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    objects = AgendaManager()

    content_panels = [
        *HalamanPublik.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("mulai"), FieldPanel("selesai")]),
                FieldPanel("tempat"),
                FieldPanel("penyelenggara"),
            ],
            heading=_("waktu dan tempat"),
        ),
        FieldPanel("deskripsi"),
    ]
    search_fields = [
        *HalamanPublik.search_fields,
        index.SearchField("tempat"),
        index.SearchField("penyelenggara"),
        index.SearchField("deskripsi"),
        index.FilterField("mulai"),
    ]

    parent_page_types = ["publik.AgendaIndexPage"]
    subpage_types: list[str] = []
    template = "publik/agenda_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self) -> None:
        super().clean()
        if self.selesai and self.mulai and self.selesai < self.mulai:
            raise ValidationError({"selesai": _("Waktu selesai tidak boleh sebelum waktu mulai.")})
