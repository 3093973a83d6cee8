"""Rows kept beside the letters: who may read them (access tokens), where they were
sent, who read them, notifications, and the access log of secret letters.

Append-only by design: nothing here is edited by users; revoking is never needed
because a letter's readers only grow (a signed letter is never re-addressed)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AksesNaskah(models.Model):
    """One principal allowed to read a letter. Tokens: ``u:<user>``, ``j:<jabatan>``,
    ``unit:<unit>`` (members of the unit), ``kepala:<unit>`` (the unit's head),
    ``admin`` (superusers, never on secret letters). See naskah.akses."""

    naskah = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=40)
    sumber = models.CharField(max_length=20)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["naskah", "token"], name="akses_naskah_unik")]
        indexes = [models.Index(fields=["token", "naskah"], name="akses_token_naskah")]

    def __str__(self) -> str:
        return f"{self.naskah_id} ← {self.token}"


class PeranKiriman(models.TextChoices):
    PENERIMA = "penerima", _("Penerima")
    TEMBUSAN = "tembusan", _("Tembusan")


class Kiriman(models.Model):
    """A signed letter delivered to one jabatan's inbox."""

    naskah = models.ForeignKey("naskah.NaskahKeluarPage", on_delete=models.CASCADE, related_name="kiriman")
    jabatan = models.ForeignKey("organisasi.Jabatan", on_delete=models.PROTECT, related_name="+")
    peran = models.CharField(max_length=10, choices=PeranKiriman.choices)
    dikirim_pada = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("kiriman naskah")
        verbose_name_plural = _("kiriman naskah")
        constraints = [models.UniqueConstraint(fields=["naskah", "jabatan"], name="kiriman_unik")]
        indexes = [models.Index(fields=["jabatan", "-dikirim_pada"], name="kiriman_kotak_masuk")]

    def __str__(self) -> str:
        return f"{self.naskah_id} → {self.jabatan_id} ({self.peran})"


class Bacaan(models.Model):
    """The first time a user opened a letter (bold until then in their inbox)."""

    naskah = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    dibaca_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["naskah", "user"], name="bacaan_unik")]

    def __str__(self) -> str:
        return f"{self.naskah_id} dibaca {self.user_id}"


class Notifikasi(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifikasi_naskah")
    naskah = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    jenis = models.CharField(max_length=30)
    kunci = models.CharField(max_length=60, help_text="Makes a repeated task run idempotent.")
    pesan = models.CharField(max_length=300)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    dibaca_pada = models.DateTimeField(null=True, blank=True)
    email_terkirim = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        ordering = ["-dibuat_pada"]
        constraints = [models.UniqueConstraint(fields=["user", "naskah", "jenis", "kunci"], name="notifikasi_unik")]
        indexes = [models.Index(fields=["user", "dibaca_pada"], name="notifikasi_belum_dibaca")]

    def __str__(self) -> str:
        return self.pesan


class LogAkses(models.Model):
    """Every view and download of a Rahasia/Sangat Rahasia letter (append-only)."""

    naskah = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aksi = models.CharField(max_length=20)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    alamat_ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("log akses naskah rahasia")
        verbose_name_plural = _("log akses naskah rahasia")
        ordering = ["-waktu"]

    def __str__(self) -> str:
        return f"{self.naskah_id} {self.aksi} {self.user_id}"
