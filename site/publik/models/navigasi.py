"""The header menu and footer of a public Site, edited by Humas under Pengaturan."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import KolomKakiBlock, SosialBlock, TautanBlock


@register_setting(icon="list-ul")
class NavigasiSitus(BaseSiteSetting):
    """Per Site (a Pemda may run several public sites). Links point at pages through a
    page chooser, so moving or renaming a page never breaks the menu."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    menu = StreamField([("tautan", TautanBlock())], verbose_name=_("menu utama"), blank=True, use_json_field=True)
    alamat = models.TextField(_("alamat"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=60, blank=True)
    surel = models.EmailField(_("surel"), blank=True)
    jam_layanan = models.CharField(_("jam layanan"), max_length=120, blank=True)
    kolom_kaki = StreamField(
        [("kolom", KolomKakiBlock())], verbose_name=_("kolom kaki halaman"), blank=True, use_json_field=True
    )
    media_sosial = StreamField(
        [("sosial", SosialBlock())], verbose_name=_("media sosial"), blank=True, use_json_field=True
    )

    panels = [
        FieldPanel("logo"),
        FieldPanel("menu"),
        MultiFieldPanel(
            [FieldPanel("alamat"), FieldPanel("telepon"), FieldPanel("surel"), FieldPanel("jam_layanan")],
            heading=_("kontak"),
        ),
        FieldPanel("kolom_kaki"),
        FieldPanel("media_sosial"),
    ]

    class Meta:
        verbose_name = _("navigasi situs")
        verbose_name_plural = _("navigasi situs")
