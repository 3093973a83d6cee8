"""Archive: the klasifikasi arsip (Permendagri 83/2022) with its JRA retention rule,
one Arsip row per final letter (its due dates), and the arsiparis' recorded actions
(append-only). A letter is never deleted: disposal is a recorded state with its
berita acara."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..berkas import periksa_berkas_lampiran


class NasibAkhir(models.TextChoices):
    MUSNAH = "musnah", _("Musnah")
    PERMANEN = "permanen", _("Permanen")
    DINILAI_KEMBALI = "dinilai_kembali", _("Dinilai kembali")


class Klasifikasi(models.Model):
    kode = models.CharField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=255)
    induk = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="anak"
    )
    retensi_aktif = models.PositiveSmallIntegerField(_("retensi aktif (tahun)"), default=2)
    retensi_inaktif = models.PositiveSmallIntegerField(_("retensi inaktif (tahun)"), default=3)
    nasib_akhir = models.CharField(
        _("nasib akhir"), max_length=16, choices=NasibAkhir.choices, default=NasibAkhir.MUSNAH
    )
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("klasifikasi arsip")
        verbose_name_plural = _("klasifikasi arsip")
        ordering = ["kode"]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"


class StatusArsip(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    INAKTIF = "inaktif", _("Inaktif")
    PERMANEN = "permanen", _("Permanen (diserahkan)")
    MUSNAH = "musnah", _("Dimusnahkan")


class Arsip(models.Model):
    """A final letter (sent outgoing, or finished incoming) in the unit's records."""

    naskah = models.OneToOneField("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    jenis = models.CharField(max_length=6, choices=[("keluar", _("Keluar")), ("masuk", _("Masuk"))])
    unit = models.ForeignKey("organisasi.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    kode_klasifikasi = models.CharField(_("kode klasifikasi"), max_length=30, blank=True)
    klasifikasi = models.ForeignKey(
        Klasifikasi, verbose_name=_("klasifikasi"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    tanggal_final = models.DateField(_("tanggal final"))
    jatuh_tempo_aktif = models.DateField(_("akhir retensi aktif"), null=True, blank=True, db_index=True)
    jatuh_tempo_inaktif = models.DateField(_("akhir retensi inaktif"), null=True, blank=True, db_index=True)
    nasib_akhir = models.CharField(_("nasib akhir"), max_length=16, choices=NasibAkhir.choices, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=StatusArsip.choices, default=StatusArsip.AKTIF)

    class Meta:
        verbose_name = _("arsip")
        verbose_name_plural = _("arsip")
        indexes = [models.Index(fields=["status", "jatuh_tempo_aktif"], name="arsip_status_tempo")]

    def __str__(self) -> str:
        return f"{self.naskah_id} ({self.kode_klasifikasi or '-'})"


class AksiArsip(models.TextChoices):
    PINDAH_INAKTIF = "pindah_inaktif", _("Pindah ke inaktif")
    MUSNAH = "musnah", _("Musnah (dengan berita acara)")
    PERMANEN = "permanen", _("Permanen (serah ke lembaga kearsipan)")


class _TambahSajaQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise ValidationError(_("Tindakan arsip tidak dapat diubah."))

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("Tindakan arsip tidak dapat dihapus."))


class TindakanArsip(models.Model):
    """What the arsiparis did to an archived letter (append-only)."""

    arsip = models.ForeignKey(Arsip, on_delete=models.PROTECT, related_name="tindakan")
    aksi = models.CharField(_("tindakan"), max_length=16, choices=AksiArsip.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    waktu = models.DateTimeField(default=timezone.now)
    nomor_berita_acara = models.CharField(_("nomor berita acara"), max_length=120, blank=True)
    berita_acara = models.FileField(
        _("berkas berita acara"),
        upload_to="naskah/berita-acara/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), periksa_berkas_lampiran],
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = _TambahSajaQuerySet.as_manager()

    class Meta:
        verbose_name = _("tindakan arsip")
        verbose_name_plural = _("tindakan arsip")
        ordering = ["waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.arsip_id} {self.aksi}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValidationError(_("Tindakan arsip tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(_("Tindakan arsip tidak dapat dihapus."))
