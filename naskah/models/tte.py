"""Electronic signature (TTE) records: the local certificate authority, one
certificate per signing official, the passphrase held (encrypted, briefly) while a
letter waits for its signature, every passphrase attempt, and the signer choice an
administrator can switch without a restart."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class OtoritasSertifikat(models.Model):
    """The CA Lontar creates on first run (`manage.py buat_ca`). Its private key is
    stored encrypted with a key derived from SECRET_KEY (see naskah.tte.ca)."""

    nama = models.CharField(_("nama"), max_length=200)
    sertifikat_pem = models.TextField(_("sertifikat (PEM)"))
    kunci_pem = models.TextField(_("kunci privat terenkripsi (PEM)"))
    aktif = models.BooleanField(_("aktif"), default=True)
    berlaku_sampai = models.DateTimeField(_("berlaku sampai"))
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("otoritas sertifikat")
        verbose_name_plural = _("otoritas sertifikat")
        constraints = [
            models.UniqueConstraint(fields=["aktif"], condition=models.Q(aktif=True), name="satu_otoritas_aktif")
        ]

    def __str__(self) -> str:
        return self.nama


class SertifikatPegawai(models.Model):
    """A signing certificate issued by the local CA to one official. The private key is
    PKCS#8 encrypted with the official's passphrase, which Lontar never stores."""

    pegawai = models.ForeignKey(
        "organisasi.Pegawai", verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="sertifikat_tte"
    )
    otoritas = models.ForeignKey(OtoritasSertifikat, on_delete=models.PROTECT, related_name="sertifikat")
    nomor_seri = models.CharField(_("nomor seri"), max_length=64, unique=True)
    sertifikat_pem = models.TextField(_("sertifikat (PEM)"))
    kunci_pem = models.TextField(_("kunci privat terenkripsi (PEM)"))
    berlaku_dari = models.DateTimeField(_("berlaku dari"))
    berlaku_sampai = models.DateTimeField(_("berlaku sampai"))
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    alasan_cabut = models.CharField(_("alasan pencabutan"), max_length=200, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("sertifikat elektronik")
        verbose_name_plural = _("sertifikat elektronik")
        ordering = ["-dibuat_pada"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"], condition=models.Q(dicabut_pada__isnull=True), name="satu_sertifikat_berlaku"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} ({self.nomor_seri})"


class TitipanSandi(models.Model):
    """The signing passphrase of one waiting letter, Fernet-encrypted with a key derived
    from SECRET_KEY, kept at most LONTAR_TTE_TITIPAN_MENIT minutes and deleted as soon
    as the signature is made or the passphrase is refused (see naskah.tte.titipan)."""

    naskah = models.OneToOneField("naskah.NaskahKeluarPage", on_delete=models.CASCADE, related_name="titipan_sandi")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sandi_terenkripsi = models.TextField()
    kedaluwarsa = models.DateTimeField(db_index=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("titipan passphrase")
        verbose_name_plural = _("titipan passphrase")

    def __str__(self) -> str:
        return f"titipan naskah {self.naskah_id}"


class PercobaanSandi(models.Model):
    """Append-only: each passphrase use, accepted or refused, for the attempt limit and audit."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    naskah = models.ForeignKey(
        "naskah.NaskahKeluarPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    berhasil = models.BooleanField()
    penanda = models.CharField(max_length=20, blank=True)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("percobaan passphrase")
        verbose_name_plural = _("percobaan passphrase")
        indexes = [models.Index(fields=["user", "waktu"], name="percobaan_user_waktu")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.waktu:%Y-%m-%d %H:%M} {'ok' if self.berhasil else 'ditolak'}"


class PilihanPenanda(models.TextChoices):
    BAWAAN = "", _("Sesuai konfigurasi server (LONTAR_PENANDA)")
    LOKAL = "lokal", _("Lokal (CA Lontar, pyHanko)")
    BSRE = "bsre", _("Layanan TTE jarak jauh (BSrE)")


@register_setting(icon="key")
class PengaturanTte(BaseGenericSetting):
    """Which signer signs: an administrator can switch to the local signer while the
    remote service is down, without a restart."""

    penanda = models.CharField(
        _("penanda tangan elektronik"),
        max_length=10,
        choices=PilihanPenanda.choices,
        blank=True,
        default="",
        help_text=_("Pilih Lokal bila layanan TTE jarak jauh sedang tidak tersedia."),
    )

    class Meta:
        verbose_name = _("pengaturan TTE")
