from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..dokumen import TataLetak


class JenisNaskah(models.Model):
    """A kind of official letter (Permendagri 1/2023) and the layout it uses."""

    nama = models.CharField(_("nama"), max_length=100, unique=True)
    kode = models.CharField(
        _("kode"), max_length=12, unique=True, help_text=_("Dipakai sebagai {jenis} dalam pola nomor, mis. ND.")
    )
    tata_letak = models.CharField(
        _("tata letak"),
        max_length=10,
        choices=[
            (TataLetak.SURAT.value, _("Korespondensi (surat)")),
            (TataLetak.JUDUL.value, _("Berjudul (penetapan)")),
        ],
        default=TataLetak.SURAT.value,
    )
    judul_cetak = models.CharField(
        _("judul cetak"),
        max_length=100,
        blank=True,
        help_text=_("Judul di atas naskah, mis. NOTA DINAS atau SURAT TUGAS; kosong untuk surat dinas biasa."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("nama"), FieldPanel("kode")]),
        FieldRowPanel([FieldPanel("tata_letak"), FieldPanel("judul_cetak")]),
        FieldRowPanel([FieldPanel("urutan"), FieldPanel("aktif")]),
    ]

    class Meta:
        verbose_name = _("jenis naskah")
        verbose_name_plural = _("jenis naskah")
        ordering = ["urutan", "nama"]

    def __str__(self) -> str:
        return self.nama
