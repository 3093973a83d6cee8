"""Incoming letters and their dispositions.

A NaskahMasukPage is one letter as received by one unit: either delivered by Lontar
when an internal letter is signed (linked to the original through `asal`) or
registered by an operator from a scan. Each gets the unit's next agenda number for
the year. Its dispositions (Disposisi rows) form a tree: the head's assignments are
the roots, forwards are children. Every step leaves an append-only JejakNaskah row,
from which the tracking timeline and the lembar disposisi are drawn.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..berkas import periksa_berkas_lampiran
from ..forms import NaskahMasukForm
from .halaman import HalamanNaskah, Sifat, Urgensi

EKSTENSI_SCAN = ["pdf", "jpg", "jpeg", "png"]
EKSTENSI_SCAN_LABEL = _("PDF, JPG atau PNG; paling besar 20 MB.")


class StatusMasuk(models.TextChoices):
    BARU = "baru", _("Belum didisposisi")
    DIDISPOSISI = "didisposisi", _("Dalam disposisi")
    SELESAI = "selesai", _("Selesai")


class NaskahMasukPage(HalamanNaskah):
    JUDUL_KOSONG = _("Naskah masuk")

    # --- registration (revisioned; the operator may correct it while the letter is new) ---
    nomor_surat = models.CharField(_("nomor surat"), max_length=200, db_index=True)
    tanggal_surat = models.DateField(_("tanggal surat"))
    pengirim = models.CharField(_("pengirim"), max_length=255, help_text=_("Instansi/jabatan pengirim."))
    perihal = models.CharField(_("hal/perihal"), max_length=255)
    sifat = models.CharField(_("sifat"), max_length=2, choices=Sifat.choices, default=Sifat.BIASA)
    urgensi = models.CharField(_("urgensi"), max_length=12, choices=Urgensi.choices, default=Urgensi.BIASA)
    klasifikasi = models.CharField(
        _("klasifikasi arsip"), max_length=30, blank=True, help_text=_("Kode klasifikasi, mis. 000.1.2.3.")
    )
    ringkasan = models.TextField(_("ringkasan isi"), blank=True)
    scan = models.FileField(
        _("pindaian surat"),
        upload_to="naskah/masuk/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(EKSTENSI_SCAN), periksa_berkas_lampiran],
        help_text=EKSTENSI_SCAN_LABEL,
    )

    # --- tracking (only naskah.layanan_masuk writes these) ---
    asal = models.ForeignKey(
        "naskah.NaskahKeluarPage",
        verbose_name=_("naskah asal (internal)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="naskah_masuk",
    )
    unit = models.ForeignKey(
        "organisasi.Unit", verbose_name=_("unit penerima"), on_delete=models.PROTECT, related_name="+"
    )
    tujuan = models.ForeignKey(
        "organisasi.Jabatan",
        verbose_name=_("ditujukan kepada"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Jabatan yang menerima dan mendisposisikan surat ini."),
    )
    tahun_agenda = models.PositiveSmallIntegerField(_("tahun agenda"))
    nomor_agenda = models.PositiveIntegerField(_("nomor agenda"))
    tanggal_terima = models.DateField(_("tanggal diterima"), db_index=True)
    pencatat = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusMasuk.choices, default=StatusMasuk.BARU, db_index=True
    )
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    TERLACAK = (
        "asal_id",
        "unit_id",
        "tujuan_id",
        "tahun_agenda",
        "nomor_agenda",
        "tanggal_terima",
        "pencatat_id",
        "status",
        "selesai_pada",
    )

    content_panels: list[Any] = [
        FieldRowPanel([FieldPanel("nomor_surat"), FieldPanel("tanggal_surat")]),
        FieldPanel("pengirim"),
        FieldPanel("perihal"),
        FieldRowPanel([FieldPanel("sifat"), FieldPanel("urgensi"), FieldPanel("klasifikasi")]),
        MultiFieldPanel([FieldPanel("scan"), FieldPanel("ringkasan")], heading=_("Isi")),
    ]
    promote_panels: list[Any] = []
    settings_panels: list[Any] = []
    search_fields: list[Any] = []  # found through Lontar's own views (naskah.akses), not Wagtail's search

    parent_page_types = ["naskah.FolderTahunPage"]
    subpage_types: list[str] = []
    is_creatable = False  # registered by naskah.layanan_masuk
    base_form_class = NaskahMasukForm

    class Meta:
        verbose_name = _("naskah masuk")
        verbose_name_plural = _("naskah masuk")
        constraints = [
            models.UniqueConstraint(fields=["unit", "tahun_agenda", "nomor_agenda"], name="agenda_masuk_unik"),
            models.UniqueConstraint(
                fields=["asal", "tujuan"], condition=models.Q(asal__isnull=False), name="masuk_internal_unik"
            ),
        ]
        indexes = [models.Index(fields=["unit", "tanggal_terima"], name="masuk_unit_tanggal")]

    @property
    def agenda(self) -> str:
        return f"{self.nomor_agenda}/{self.tahun_agenda}" if self.nomor_agenda else ""

    def get_workflow(self) -> Any:
        from ..alur import alur_disposisi

        return alur_disposisi()

    def permissions_for_user(self, user: Any) -> Any:
        from ..akses import IzinNaskahMasuk

        return IzinNaskahMasuk(user, self)


class PenghitungAgenda(models.Model):
    """The last agenda number of one unit in one year (taken under a row lock)."""

    unit = models.ForeignKey("organisasi.Unit", on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "tahun"], name="penghitung_agenda_unik")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.tahun}: {self.terakhir}"


class Instruksi(models.TextChoices):
    DIKETAHUI = "diketahui", _("Untuk diketahui")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Untuk ditindaklanjuti")
    DIPELAJARI = "dipelajari", _("Untuk dipelajari")
    JAWABAN = "jawaban", _("Siapkan jawaban")
    HADIRI = "hadiri", _("Hadiri/wakili")
    KOORDINASIKAN = "koordinasikan", _("Koordinasikan")
    ARSIPKAN = "arsipkan", _("Arsipkan")
    BICARAKAN = "bicarakan", _("Bicarakan dengan saya")


class StatusDisposisi(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    SELESAI = "selesai", _("Selesai")
    DIBATALKAN = "dibatalkan", pgettext_lazy("disposisi", "Dibatalkan")


class Disposisi(models.Model):
    """One assignment in a letter's disposition tree (from a jabatan to a jabatan or a person)."""

    naskah = models.ForeignKey(NaskahMasukPage, on_delete=models.PROTECT, related_name="disposisi")
    induk = models.ForeignKey(
        "self", verbose_name=_("diteruskan dari"), null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    dari_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    dari_jabatan = models.ForeignKey("organisasi.Jabatan", on_delete=models.PROTECT, related_name="+")
    kepada_jabatan = models.ForeignKey(
        "organisasi.Jabatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kepada_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    instruksi = models.JSONField(_("instruksi"), default=list, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    batas_waktu = models.DateField(_("batas waktu"), null=True, blank=True, db_index=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusDisposisi.choices, default=StatusDisposisi.AKTIF
    )
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)
    dibaca_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    selesai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tindak_lanjut = models.TextField(_("laporan tindak lanjut"), blank=True)
    lampiran = models.FileField(
        _("lampiran tindak lanjut"),
        upload_to="naskah/tindak-lanjut/%Y/%m/",
        blank=True,
        validators=[
            FileExtensionValidator(["pdf", "docx", "xlsx", "odt", "ods", "jpg", "jpeg", "png"]),
            periksa_berkas_lampiran,
        ],
    )
    balasan = models.ForeignKey(
        "naskah.NaskahKeluarPage",
        verbose_name=_("naskah balasan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dibatalkan_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("disposisi")
        verbose_name_plural = _("disposisi")
        ordering = ["dibuat_pada", "pk"]
        indexes = [
            models.Index(fields=["kepada_jabatan", "status"], name="disposisi_jabatan_status"),
            models.Index(fields=["kepada_user", "status"], name="disposisi_user_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kepada_jabatan__isnull=False) | models.Q(kepada_user__isnull=False),
                name="disposisi_punya_tujuan",
            )
        ]

    def __str__(self) -> str:
        return f"{self.naskah_id}: {self.dari_jabatan_id} → {self.kepada_label}"

    @property
    def kepada_label(self) -> str:
        if self.kepada_user_id:
            pegawai = getattr(self.kepada_user, "pegawai", None)
            return str(pegawai.nama if pegawai else self.kepada_user)
        return str(self.kepada_jabatan.nama) if self.kepada_jabatan is not None else "-"

    @property
    def terlambat(self) -> bool:
        return (
            self.status == StatusDisposisi.AKTIF
            and self.batas_waktu is not None
            and self.batas_waktu < timezone.localdate()
        )

    def label_instruksi(self) -> list[str]:
        label = dict(Instruksi.choices)
        return [str(label.get(kode, kode)) for kode in self.instruksi]


class _JejakQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise ValidationError(_("Riwayat naskah tidak dapat diubah."))

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("Riwayat naskah tidak dapat dihapus."))


class JejakNaskah(models.Model):
    """Append-only history of an incoming letter (and of archive actions): who did what,
    when, acting as which jabatan. On PostgreSQL a trigger also refuses UPDATE/DELETE."""

    naskah = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    disposisi = models.ForeignKey(Disposisi, null=True, blank=True, on_delete=models.PROTECT, related_name="jejak")
    aksi = models.CharField(max_length=30)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    jabatan = models.ForeignKey("organisasi.Jabatan", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    objects = _JejakQuerySet.as_manager()

    class Meta:
        verbose_name = _("jejak naskah")
        verbose_name_plural = _("jejak naskah")
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.naskah_id} {self.aksi} {self.waktu:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Riwayat naskah tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("Riwayat naskah tidak dapat dihapus."))
