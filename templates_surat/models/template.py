from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from ..blocks import IsiStreamBlock, KolomStreamBlock
from ..forms import TemplateSuratForm


class TidakDisajikan:
    """Pages that live outside every Site and are never served, even if a URL reached them."""

    def serve(self, request, *args, **kwargs):
        raise Http404


class TemplateSuratIndexPage(TidakDisajikan, Page):
    """Folder of letter templates. Lives outside every Site: never served publicly."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["templates_surat.TemplateSuratPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks template surat")


class TemplateSuratPage(TidakDisajikan, Page):
    jenis = models.ForeignKey(
        "templates_surat.JenisNaskah", verbose_name=_("jenis naskah"), on_delete=models.PROTECT, related_name="+"
    )
    kop = models.ForeignKey(
        "templates_surat.KopSurat", verbose_name=_("kop surat"), on_delete=models.PROTECT, related_name="+"
    )
    pola_nomor = models.ForeignKey(
        "templates_surat.PolaNomor",
        verbose_name=_("pola nomor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    klasifikasi_bawaan = models.CharField(
        _("klasifikasi bawaan"), max_length=30, blank=True, help_text=_("Kode klasifikasi arsip, mis. 000.1.2.3.")
    )
    tembusan_bawaan = models.TextField(_("tembusan bawaan"), blank=True, help_text=_("Satu tembusan per baris."))
    ringkasan = models.CharField(_("ringkasan untuk operator"), max_length=255, blank=True)
    kolom = StreamField(KolomStreamBlock(), verbose_name=_("kolom isian"), blank=True)
    isi = StreamField(IsiStreamBlock(), verbose_name=_("isi naskah"))
    isian_contoh = models.JSONField(
        _("isian contoh"),
        default=dict,
        blank=True,
        help_text=_("Contoh isian (JSON) untuk pratinjau dan uji template."),
    )
    berkas_docx = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berkas DOCX (opsional)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Template .docx dengan {{ placeholder }} untuk tata letak yang tidak dapat dibuat dengan blok."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("ringkasan"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("jenis"), FieldPanel("kop")]),
                FieldRowPanel([FieldPanel("pola_nomor"), FieldPanel("klasifikasi_bawaan")]),
                FieldPanel("tembusan_bawaan"),
            ],
            heading=_("Naskah"),
        ),
        HelpPanel(
            content=_(
                "<p>Placeholder standar selalu tersedia: <code>{{ hal }}</code>, <code>{{ sifat }}</code>, "
                "<code>{{ lampiran }}</code>, <code>{{ tanggal }}</code>, <code>{{ kepada }}</code>, "
                "<code>{{ tembusan }}</code>, <code>{{ nomor }}</code>, <code>{{ penandatangan.nama }}</code>, "
                "<code>{{ unit.nama }}</code>, <code>{{ kop.tempat }}</code>. Filter: <code>|tanggal</code>, "
                "<code>|hari</code>, <code>|rupiah</code>.</p>"
            ),
            heading=_("Placeholder"),
        ),
        FieldPanel("kolom"),
        FieldPanel("isi"),
        FieldPanel("isian_contoh"),
        FieldPanel("berkas_docx"),
    ]

    parent_page_types = ["templates_surat.TemplateSuratIndexPage"]
    subpage_types: list[str] = []
    base_form_class = TemplateSuratForm

    class Meta:
        verbose_name = _("template surat")
        verbose_name_plural = _("template surat")
        permissions = [("buat_naskah", _("Dapat membuat naskah dari template surat"))]

    def serve_preview(self, request, mode_name):
        """Wagtail's preview panel shows the letter rendered with the sample isian."""
        from django.http import HttpResponse
        from django.utils.html import escape

        from .. import layanan
        from ..engine import GalatTemplate
        from ..isian import GalatIsian
        from ..render import GalatRender

        if self.berkas_docx_id:
            pesan = "Template DOCX unggahan: gunakan Buat naskah untuk mengunduh PDF atau DOCX."
            return HttpResponse(f"<!DOCTYPE html><html lang='id'><body><p>{escape(pesan)}</p></body></html>")
        try:
            berkas = layanan.render(self, self.isian_contoh, "html")
        except (GalatTemplate, GalatIsian, GalatRender) as exc:
            judul = "Pratinjau belum dapat dibuat"
            return HttpResponse(
                f"<!DOCTYPE html><html lang='id'><body><h1>{judul}</h1><p>{escape(str(exc))}</p></body></html>"
            )
        return HttpResponse(berkas.isi, content_type=berkas.content_type)

    @property
    def definisi_kolom(self) -> list[dict[str, Any]]:
        """Field definitions as plain dicts: {"tipe", "nama", "label", "wajib", ...}."""
        return [{"tipe": child.block_type, **dict(child.value)} for child in self.kolom]

    def clean(self) -> None:
        super().clean()
        from ..susun import periksa_template

        periksa_template(self)
