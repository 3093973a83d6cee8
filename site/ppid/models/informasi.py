"""The Daftar Informasi Publik (DIP, UU 14/2008 Pasal 9–11 and 17): one `InformasiPublik`
row per item, kept by Humas in the admin, and the public page that lists the published ones.

An item "dikecualikan" (exempt) must state its legal basis (Pasal 17 huruf …) and the
uji konsekuensi, and never carries a downloadable document: the form refuses documents and
`dokumen_publik()` returns none for it even if a row slipped in (defence in depth)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class KategoriInformasi(models.TextChoices):
    """The four DIP categories of UU 14/2008 (Pasal 9, 10, 11 and 17)."""

    BERKALA = "berkala", _("Informasi berkala")
    SERTA_MERTA = "serta_merta", _("Informasi serta-merta")
    SETIAP_SAAT = "setiap_saat", _("Informasi tersedia setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan")


class FormatInformasi(models.TextChoices):
    SOFTCOPY = "softcopy", _("Softcopy")
    HARDCOPY = "hardcopy", _("Hardcopy")
    KEDUANYA = "keduanya", _("Softcopy dan hardcopy")
    LAINNYA = "lainnya", _("Lainnya (rekaman, peta, dsb.)")


class PasalPengecualian(models.TextChoices):
    """UU 14/2008 Pasal 17: the only grounds on which information may be withheld."""

    A = "17a", _("Pasal 17 huruf a – menghambat proses penegakan hukum")
    B = "17b", _("Pasal 17 huruf b – mengganggu perlindungan HKI dan persaingan usaha sehat")
    C = "17c", _("Pasal 17 huruf c – membahayakan pertahanan dan keamanan negara")
    D = "17d", _("Pasal 17 huruf d – mengungkapkan kekayaan alam Indonesia")
    E = "17e", _("Pasal 17 huruf e – merugikan ketahanan ekonomi nasional")
    F = "17f", _("Pasal 17 huruf f – merugikan kepentingan hubungan luar negeri")
    G = "17g", _("Pasal 17 huruf g – mengungkapkan isi akta otentik yang bersifat pribadi atau wasiat")
    H = "17h", _("Pasal 17 huruf h – mengungkap rahasia pribadi")
    I = "17i", _("Pasal 17 huruf i – memorandum antar/intra Badan Publik yang dirahasiakan")  # noqa: E741
    J = "17j", _("Pasal 17 huruf j – tidak boleh diungkapkan berdasarkan undang-undang")


class InformasiPublikForm(WagtailAdminModelForm):
    """Refuses an exempt item with documents attached (they would be public downloads)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("kategori") == KategoriInformasi.DIKECUALIKAN:
            formset = self.formsets.get("dokumen")
            for form in getattr(formset, "forms", []):
                if form.is_valid() and form.cleaned_data.get("dokumen") and not form.cleaned_data.get("DELETE"):
                    raise ValidationError(
                        _("Informasi yang dikecualikan tidak boleh memiliki dokumen unduhan; hapus dokumennya.")
                    )
        return data


class InformasiPublik(ClusterableModel):
    """One DIP item ("ringkasan isi informasi", unit penanggung jawab, waktu, bentuk,
    jangka waktu penyimpanan) as Perki 1/2021 lists them."""

    judul = models.CharField(_("ringkasan isi informasi"), max_length=255)
    keterangan = models.TextField(_("keterangan"), blank=True)
    kategori = models.CharField(_("kategori"), max_length=20, choices=KategoriInformasi.choices, db_index=True)
    unit = models.ForeignKey(
        "organisasi.Unit",
        verbose_name=_("unit penanggung jawab"),
        on_delete=models.PROTECT,
        # no reverse manager on Unit: django-stubs cannot type one for a ClusterableModel
        related_name="+",
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(1945), MaxValueValidator(2100)], db_index=True
    )
    format = models.CharField(
        _("bentuk informasi"), max_length=20, choices=FormatInformasi.choices, default=FormatInformasi.SOFTCOPY
    )
    jangka_waktu_penyimpanan = models.CharField(
        _("jangka waktu penyimpanan"), max_length=100, help_text=_("Mis. “5 tahun”, “Selama berlaku”, “Permanen”.")
    )
    pasal_pengecualian = models.CharField(
        _("dasar pengecualian"), max_length=4, choices=PasalPengecualian.choices, blank=True
    )
    alasan_pengecualian = models.TextField(
        _("alasan dan uji konsekuensi"),
        blank=True,
        help_text=_("Wajib untuk informasi dikecualikan: konsekuensi yang timbul bila informasi dibuka."),
    )
    terbit = models.BooleanField(_("terbit"), default=False, help_text=_("Tampil di situs publik dan API."))
    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    base_form_class = InformasiPublikForm
    panels = [
        FieldPanel("judul"),
        FieldPanel("keterangan"),
        FieldRowPanel([FieldPanel("kategori"), FieldPanel("tahun")]),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("jangka_waktu_penyimpanan")]),
        MultiFieldPanel(
            [FieldPanel("pasal_pengecualian"), FieldPanel("alasan_pengecualian")],
            heading=_("Pengecualian (hanya untuk informasi dikecualikan)"),
        ),
        InlinePanel("dokumen", label=_("Dokumen"), heading=_("Dokumen unduhan")),
        FieldPanel("terbit"),
    ]

    class Meta:
        verbose_name = _("informasi publik")
        verbose_name_plural = _("daftar informasi publik")
        ordering = ["kategori", "-tahun", "judul"]
        indexes = [models.Index(fields=["terbit", "kategori", "tahun"], name="ppid_dip_terbit_idx")]

    def __str__(self) -> str:
        return self.judul

    def clean(self) -> None:
        super().clean()
        if self.kategori == KategoriInformasi.DIKECUALIKAN:
            galat: dict[str, Any] = {}
            if not self.pasal_pengecualian:
                galat["pasal_pengecualian"] = _("Sebutkan dasar pengecualian (Pasal 17 UU 14/2008).")
            if not (self.alasan_pengecualian or "").strip():
                galat["alasan_pengecualian"] = _("Tuliskan alasan dan hasil uji konsekuensi.")
            if galat:
                raise ValidationError(galat)
        else:
            # a reason left over from an earlier "dikecualikan" would mislead readers
            self.pasal_pengecualian = ""
            self.alasan_pengecualian = ""

    @property
    def dikecualikan(self) -> bool:
        return self.kategori == KategoriInformasi.DIKECUALIKAN

    def dokumen_publik(self) -> list[Any]:
        """The downloadable Wagtail documents; none for an exempt item."""
        if self.dikecualikan:
            return []
        return [d.dokumen for d in self.dokumen.all() if d.dokumen_id]


class DokumenInformasi(Orderable):
    informasi = ParentalKey(InformasiPublik, on_delete=models.CASCADE, related_name="dokumen")
    dokumen = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("dokumen"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("dokumen")]

    class Meta(Orderable.Meta):
        verbose_name = _("dokumen informasi")
        verbose_name_plural = _("dokumen informasi")


class DaftarInformasiPublikPage(Page):
    """The public DIP: published items filtered by kategori/unit/tahun (GET), paginated,
    downloadable as CSV or XLSX (`?unduh=csv|xlsx`, same filters)."""

    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link", "ul", "ol"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["publik.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "ppid/daftar_informasi_publik_page.html"

    class Meta:
        verbose_name = _("daftar informasi publik")
        verbose_name_plural = _("daftar informasi publik")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        from .. import ekspor

        unduh = request.GET.get("unduh")
        if unduh in ekspor.FORMAT:
            return ekspor.unduh_dip(request, unduh, nama=self.slug)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from ..views import konteks_dip

        context = super().get_context(request, *args, **kwargs)
        context.update(konteks_dip(request))
        return context
