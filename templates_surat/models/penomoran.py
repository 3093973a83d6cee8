"""Letter numbering: patterns, counters per scope and year, and every number issued.

The logic (formatting, preview, allocation under a row lock, voiding) lives in
`templates_surat.penomoran`; these models only hold the state.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class PolaNomor(models.Model):
    nama = models.CharField(_("nama"), max_length=100, unique=True)
    pola = models.CharField(
        _("pola"),
        max_length=200,
        help_text=_(
            "Token: {klasifikasi} {urut} {unit} {jenis} {bulan_romawi} {bulan} {tahun}. "
            "Contoh: {klasifikasi}/{urut}/{unit}/{tahun}"
        ),
    )
    digit_urut = models.PositiveSmallIntegerField(
        _("digit nomor urut"), default=0, help_text=_("Isi 3 untuk 001, 002, …; 0 tanpa nol di depan.")
    )
    per_unit = models.BooleanField(_("penghitung per unit"), default=True)
    per_jenis = models.BooleanField(_("penghitung per jenis naskah"), default=False)
    keterangan = models.TextField(_("keterangan"), blank=True)

    panels = [
        FieldPanel("nama"),
        FieldPanel("pola"),
        FieldPanel("digit_urut"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("per_unit"), FieldPanel("per_jenis")])],
            heading=_("Lingkup penghitung (selalu diulang setiap tahun)"),
        ),
        FieldPanel("keterangan"),
    ]

    class Meta:
        verbose_name = _("pola nomor")
        verbose_name_plural = _("pola nomor")
        ordering = ["nama"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.pola})"

    def clean(self) -> None:
        from ..penomoran import periksa_pola

        super().clean()
        periksa_pola(self.pola)


class PenghitungNomor(models.Model):
    """The last sequence number used for one pattern in one scope and year."""

    pola = models.ForeignKey(PolaNomor, on_delete=models.PROTECT, related_name="penghitung")
    unit = models.ForeignKey("organisasi.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    jenis = models.ForeignKey("JenisNaskah", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    tahun = models.PositiveSmallIntegerField()
    kunci_lingkup = models.CharField(max_length=60, help_text="unit:<id|->;jenis:<id|->")
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung nomor")
        verbose_name_plural = _("penghitung nomor")
        constraints = [
            models.UniqueConstraint(fields=["pola", "kunci_lingkup", "tahun"], name="penghitung_unik_per_lingkup")
        ]

    def __str__(self) -> str:
        return f"{self.pola.nama} {self.kunci_lingkup} {self.tahun}: {self.terakhir}"


class StatusNomor(models.TextChoices):
    TERBIT = "terbit", _("Terbit")
    BATAL = "batal", _("Dibatalkan")


class NomorTerbit(models.Model):
    """Every number ever issued. Never deleted: a voided number stays with its reason."""

    penghitung = models.ForeignKey(PenghitungNomor, on_delete=models.PROTECT, related_name="nomor")
    urut = models.PositiveIntegerField(_("nomor urut"))
    nomor = models.CharField(_("nomor"), max_length=200, db_index=True)
    tanggal = models.DateField(_("tanggal"))
    referensi = models.CharField(
        _("referensi"), max_length=100, blank=True, help_text=_("Naskah pemakai nomor, mis. naskah:42.")
    )
    status = models.CharField(_("status"), max_length=10, choices=StatusNomor.choices, default=StatusNomor.TERBIT)
    alasan_batal = models.TextField(_("alasan pembatalan"), blank=True)
    dibatalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dibatalkan_pada = models.DateTimeField(null=True, blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nomor terbit")
        verbose_name_plural = _("nomor terbit")
        ordering = ["-dibuat_pada", "-urut"]
        constraints = [models.UniqueConstraint(fields=["penghitung", "urut"], name="nomor_urut_unik")]

    def __str__(self) -> str:
        return self.nomor
