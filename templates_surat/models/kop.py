from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class KopSurat(models.Model):
    """Letterhead of a unit: logo, instansi lines, address and contacts."""

    unit = models.OneToOneField(
        "organisasi.Unit", verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="kop_surat"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    baris_instansi = models.TextField(
        _("baris instansi"),
        help_text=_("Satu baris per baris kop, mis. PEMERINTAH KOTA SUKAMAJU lalu DINAS KOMUNIKASI DAN INFORMATIKA."),
    )
    alamat = models.CharField(_("alamat"), max_length=255)
    telepon = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("pos-el"), blank=True)
    website = models.CharField(_("laman"), max_length=120, blank=True)
    tempat = models.CharField(
        _("tempat"), max_length=60, help_text=_("Nama kota pada baris tempat dan tanggal, mis. Sukamaju.")
    )

    panels = [
        FieldPanel("unit"),
        FieldPanel("logo"),
        FieldPanel("baris_instansi"),
        FieldPanel("alamat"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("telepon"), FieldPanel("email")]), FieldPanel("website")],
            heading=_("Kontak"),
        ),
        FieldPanel("tempat"),
    ]

    class Meta:
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")
        ordering = ["unit__urutan"]

    def __str__(self) -> str:
        return f"Kop {self.unit}"

    @property
    def daftar_baris(self) -> list[str]:
        return [baris.strip() for baris in self.baris_instansi.splitlines() if baris.strip()]

    @property
    def kontak(self) -> str:
        bagian = []
        if self.telepon:
            bagian.append(f"Telepon {self.telepon}")
        if self.email:
            bagian.append(f"Pos-el {self.email}")
        if self.website:
            bagian.append(f"Laman {self.website}")
        return ", ".join(bagian)
