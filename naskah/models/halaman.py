"""Letters as Wagtail pages: the "Naskah" tree (index → unit folder → year folder →
letter) and the outgoing letter (NaskahKeluarPage) with its paraf chain and files.

Content fields (perihal, isian, penerima, pemaraf…) are revisioned by Wagtail. The
fields under "tracking" belong to the letter's life (status, number, signed file):
only `naskah.layanan` changes them, and `with_content_json` keeps them when Wagtail
turns a revision back into a page, so publishing a revision never rolls them back.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from templates_surat.models.template import TidakDisajikan

from ..berkas import periksa_berkas_lampiran
from ..forms import IsianPanel, NaskahKeluarForm


class Sifat(models.TextChoices):
    BIASA = "B", _("Biasa")
    TERBATAS = "T", _("Terbatas")
    RAHASIA = "R", _("Rahasia")
    SANGAT_RAHASIA = "SR", _("Sangat Rahasia")


SIFAT_RAHASIA = {Sifat.RAHASIA, Sifat.SANGAT_RAHASIA}


class Urgensi(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    SEGERA = "segera", _("Segera")
    AMAT_SEGERA = "amat_segera", _("Amat Segera")


class StatusNaskah(models.TextChoices):
    KONSEP = "konsep", _("Konsep")
    DIAJUKAN = "diajukan", _("Dalam persetujuan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    MENUNGGU_TTE = "menunggu_tte", _("Menunggu TTE")
    TERKIRIM = "terkirim", _("Terkirim")


STATUS_DAPAT_DIUBAH = {StatusNaskah.KONSEP, StatusNaskah.DIKEMBALIKAN}


class NaskahIndexPage(TidakDisajikan, Page):
    """The "Naskah" folder at the top of the tree, outside every Site."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["naskah.FolderUnitPage"]
    max_count = 1
    is_creatable = False

    class Meta:
        verbose_name = _("indeks naskah")


class FolderUnitPage(TidakDisajikan, Page):
    """The letters of one Perangkat Daerah."""

    unit = models.OneToOneField("organisasi.Unit", on_delete=models.PROTECT, related_name="+")

    parent_page_types = ["naskah.NaskahIndexPage"]
    subpage_types = ["naskah.FolderTahunPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("folder naskah unit")


class FolderTahunPage(TidakDisajikan, Page):
    """One year of a unit's letters: keeps every folder's children bounded."""

    tahun = models.PositiveSmallIntegerField()

    parent_page_types = ["naskah.FolderUnitPage"]
    subpage_types = ["naskah.NaskahKeluarPage", "naskah.NaskahMasukPage"]
    is_creatable = False

    class Meta:
        verbose_name = _("folder naskah tahunan")


class HalamanNaskah(TidakDisajikan, Page):
    """What outgoing and incoming letter pages share: a neutral title for secret letters,
    tracking fields (TERLACAK) that turning a revision back into a page never rolls back,
    and a workflow of their own (see get_workflow of each)."""

    TERLACAK: tuple[str, ...] = ()
    JUDUL_KOSONG = _("Konsep naskah")
    sifat: str
    perihal: str

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.judul_aman()

    @property
    def rahasia(self) -> bool:
        return self.sifat in SIFAT_RAHASIA

    def judul_aman(self) -> str:
        """The page title Wagtail shows everywhere (reports, workflow lists, search):
        never the perihal of a Rahasia letter."""
        if self.rahasia:
            return f"{Sifat(self.sifat).label} #{self.pk or '-'}"
        return self.perihal or str(self.JUDUL_KOSONG)

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        self.title = self.judul_aman()
        self.draft_title = self.title
        super().full_clean(*args, **kwargs)

    def with_content_json(self, content: dict[str, Any]) -> Any:
        obj = super().with_content_json(content)
        for nama in self.TERLACAK:
            setattr(obj, nama, getattr(self, nama))
        return obj

    @property
    def has_workflow(self) -> bool:
        return True


class NaskahKeluarPage(HalamanNaskah):
    # --- content (revisioned) ---
    perihal = models.CharField(_("hal/perihal"), max_length=255, blank=True)
    sifat = models.CharField(_("sifat"), max_length=2, choices=Sifat.choices, default=Sifat.BIASA)
    urgensi = models.CharField(_("urgensi"), max_length=12, choices=Urgensi.choices, default=Urgensi.BIASA)
    klasifikasi = models.CharField(
        _("klasifikasi arsip"), max_length=30, blank=True, help_text=_("Kode klasifikasi, mis. 000.1.2.3.")
    )
    isian = models.JSONField(_("isian"), default=dict, blank=True)
    penerima = ParentalManyToManyField(
        "organisasi.Jabatan",
        verbose_name=_("penerima (internal)"),
        blank=True,
        related_name="+",
    )
    penerima_luar = models.TextField(_("penerima luar"), blank=True, help_text=_("Satu alamat tujuan per baris."))
    tembusan = ParentalManyToManyField(
        "organisasi.Jabatan",
        verbose_name=_("tembusan (internal)"),
        blank=True,
        related_name="+",
    )
    tembusan_luar = models.TextField(_("tembusan luar"), blank=True, help_text=_("Satu tembusan per baris."))
    penandatangan = models.ForeignKey(
        "organisasi.Jabatan",
        verbose_name=_("penandatangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Hanya jabatan yang berwenang menandatangani."),
    )
    merujuk = models.ForeignKey(
        "self",
        verbose_name=_("meralat/merujuk naskah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Untuk ralat: naskah terdahulu yang dirujuk naskah ini."),
    )

    # --- tracking (not revisioned; only naskah.layanan writes these) ---
    template = models.ForeignKey("templates_surat.TemplateSuratPage", on_delete=models.PROTECT, related_name="+")
    template_revisi = models.ForeignKey("wagtailcore.Revision", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "organisasi.Unit", verbose_name=_("unit pengolah"), on_delete=models.PROTECT, related_name="+"
    )
    pembuat = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=14, choices=StatusNaskah.choices, default=StatusNaskah.KONSEP, db_index=True
    )
    nomor = models.CharField(_("nomor"), max_length=200, blank=True, db_index=True)
    nomor_terbit = models.OneToOneField(
        "templates_surat.NomorTerbit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tanggal_naskah = models.DateField(_("tanggal naskah"), null=True, blank=True, db_index=True)
    revisi_final = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    berkas_final = models.FileField(upload_to="naskah/final/%Y/", blank=True)
    hash_final = models.CharField(max_length=64, blank=True)
    berkas_ttd = models.FileField(upload_to="naskah/ttd/%Y/", blank=True)
    terkirim_pada = models.DateTimeField(null=True, blank=True)
    galat_tte = models.TextField(blank=True)
    hash_ttd = models.CharField(max_length=64, blank=True, editable=False)
    kode_verifikasi = models.CharField(max_length=32, unique=True, null=True, blank=True, editable=False)
    penanda_tte = models.CharField(max_length=20, blank=True, editable=False)
    tugas_jabatan = models.ForeignKey(
        "organisasi.Jabatan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The jabatan whose approval task is open (for the 'Perlu tindakan' inbox).",
    )

    TERLACAK = (
        "template_id",
        "template_revisi_id",
        "unit_id",
        "pembuat_id",
        "status",
        "nomor",
        "nomor_terbit_id",
        "tanggal_naskah",
        "revisi_final_id",
        "ditandatangani_oleh_id",
        "ditandatangani_pada",
        "berkas_final",
        "hash_final",
        "berkas_ttd",
        "terkirim_pada",
        "galat_tte",
        "hash_ttd",
        "kode_verifikasi",
        "penanda_tte",
        "tugas_jabatan_id",
    )

    content_panels: list[Any] = [
        FieldPanel("perihal"),
        FieldRowPanel([FieldPanel("sifat"), FieldPanel("urgensi"), FieldPanel("klasifikasi")]),
        MultiFieldPanel(
            [FieldPanel("penerima"), FieldPanel("penerima_luar"), FieldPanel("tembusan"), FieldPanel("tembusan_luar")],
            heading=_("Tujuan"),
        ),
        # the template's own fields, generated by NaskahKeluarForm
        IsianPanel("isian", heading=_("Isian naskah")),
        InlinePanel("lampiran", heading=_("Lampiran"), label=_("Berkas lampiran")),
        MultiFieldPanel(
            [InlinePanel("pemaraf", label=_("Pemaraf"), heading=_("Pemaraf (berurutan)")), FieldPanel("penandatangan")],
            heading=_("Persetujuan"),
        ),
        FieldPanel("merujuk"),
    ]
    promote_panels: list[Any] = []
    settings_panels: list[Any] = []
    # Not in Wagtail's page search: its admin search filters by page permissions only
    # (superusers would list every letter). Letters are found through Lontar's own
    # views, which apply naskah.akses.
    search_fields: list[Any] = []

    parent_page_types = ["naskah.FolderTahunPage"]
    subpage_types: list[str] = []
    is_creatable = False  # created by naskah.layanan.buat_konsep, in the right folder
    base_form_class = NaskahKeluarForm

    class Meta:
        verbose_name = _("naskah keluar")
        verbose_name_plural = _("naskah keluar")
        indexes = [
            models.Index(fields=["unit", "status"], name="naskah_unit_status"),
            models.Index(fields=["tugas_jabatan", "status"], name="naskah_tugas_jabatan"),
        ]

    # --- Wagtail workflow: every letter gets the chain its pemaraf and penandatangan make ---
    def get_workflow(self) -> Any:
        from ..alur import alur_untuk

        return alur_untuk(self)

    def permissions_for_user(self, user: Any) -> Any:
        from ..akses import IzinNaskah

        return IzinNaskah(user, self)


class PemarafNaskah(Orderable):
    naskah = ParentalKey(NaskahKeluarPage, on_delete=models.CASCADE, related_name="pemaraf")
    jabatan = models.ForeignKey(
        "organisasi.Jabatan",
        verbose_name=_("jabatan pemaraf"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"aktif": True},
    )

    panels = [FieldPanel("jabatan")]

    class Meta(Orderable.Meta):
        verbose_name = _("pemaraf")
        verbose_name_plural = _("pemaraf")


class LampiranNaskah(Orderable):
    naskah = ParentalKey(NaskahKeluarPage, on_delete=models.CASCADE, related_name="lampiran")
    berkas = models.FileField(
        _("berkas"),
        upload_to="naskah/lampiran/%Y/%m/",
        validators=[
            FileExtensionValidator(["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]),
            periksa_berkas_lampiran,
        ],
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, JPG atau PNG; paling besar 20 MB."),
    )
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    panels = [FieldPanel("berkas"), FieldPanel("keterangan")]

    class Meta(Orderable.Meta):
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return self.keterangan or (self.berkas.name or "").rsplit("/", 1)[-1]
