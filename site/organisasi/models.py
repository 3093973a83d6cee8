"""The organisation of a Pemda: units, positions (jabatan), civil servants
(pegawai) and temporary delegation (Plh/Plt).

Every other Lontar app depends on these; this app imports none of them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .querysets import DelegasiQuerySet, JabatanQuerySet, PegawaiQuerySet, UnitQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _cek_rantai(obj: models.Model, induk_field: str, pesan: StrOrPromise) -> None:
    """Raise on `induk_field` when following it from the new parent leads back to `obj`."""
    if obj.pk is None:
        return
    seen: set[int] = set()
    node = getattr(obj, induk_field)
    while node is not None:
        if node.pk == obj.pk or node.pk in seen:
            raise ValidationError({induk_field: pesan})
        seen.add(node.pk)
        node = getattr(node, induk_field)


class JenisUnit(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah Daerah")
    OPD = "opd", _("Perangkat Daerah (Sekretariat/Dinas/Badan)")
    BIDANG = "bidang", _("Bidang/Bagian")
    SEKSI = "seksi", _("Seksi/Subbagian/Subbidang")


TINGKAT_UNIT = {jenis: i for i, jenis in enumerate(JenisUnit.values)}

kode_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9.\-]*$",
    _("Gunakan huruf kapital, angka, titik atau tanda hubung (contoh: DISKOMINFO)."),
)


class Unit(models.Model):
    nama = models.CharField(_("nama"), max_length=200)
    nama_singkat = models.CharField(_("nama singkat"), max_length=60, blank=True)
    kode = models.CharField(
        _("kode"),
        max_length=30,
        validators=[kode_validator],
        help_text=_("Dipakai dalam nomor naskah, contoh: DISKOMINFO."),
    )
    jenis = models.CharField(_("jenis unit"), max_length=10, choices=JenisUnit.choices)
    induk = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_unit",
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = UnitQuerySet.as_manager()

    panels = [
        FieldPanel("nama"),
        FieldRowPanel([FieldPanel("nama_singkat"), FieldPanel("kode")]),
        FieldRowPanel([FieldPanel("jenis"), FieldPanel("induk")]),
        FieldRowPanel([FieldPanel("urutan"), FieldPanel("aktif")]),
    ]

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        ordering = ["urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["induk", "kode"], name="unit_kode_unik_per_induk"),
            models.UniqueConstraint(
                fields=["kode"],
                condition=Q(induk__isnull=True),
                name="unit_kode_unik_akar",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        super().clean()
        if self.induk_id is None:
            if self.jenis and self.jenis != JenisUnit.PEMDA:
                raise ValidationError({"induk": _("Hanya Pemerintah Daerah yang boleh tanpa unit induk.")})
            if Unit.objects.filter(induk__isnull=True, kode=self.kode).exclude(pk=self.pk).exists():
                raise ValidationError({"kode": _("Kode ini sudah dipakai unit lain di tingkat teratas.")})
            return
        if self.induk_id == self.pk:
            raise ValidationError({"induk": _("Unit tidak boleh menjadi induk dirinya sendiri.")})
        _cek_rantai(self, "induk", _("Unit tidak boleh dipindahkan ke bawah sub-unitnya sendiri."))
        induk = self.induk
        if self.jenis and induk and TINGKAT_UNIT[self.jenis] <= TINGKAT_UNIT[induk.jenis]:
            raise ValidationError(
                {
                    "jenis": _("Jenis unit harus berada di bawah jenis unit induknya (%(induk)s).")
                    % {"induk": induk.get_jenis_display()}
                }
            )

    @property
    def jalur(self) -> list[Unit]:
        """This unit and its ancestors, the top first."""
        node: Unit | None = self
        hasil: list[Unit] = []
        while node is not None:
            hasil.append(node)
            node = node.induk
        return hasil[::-1]

    @property
    def opd(self) -> Unit | None:
        """The Perangkat Daerah this unit belongs to (itself when it is one)."""
        return next((u for u in self.jalur if u.jenis == JenisUnit.OPD), None)


class JenisJabatan(models.TextChoices):
    KEPALA_DAERAH = "kepala_daerah", _("Kepala Daerah")
    JPT = "jpt", _("Jabatan Pimpinan Tinggi")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    FUNGSIONAL = "fungsional", _("Fungsional")
    PELAKSANA = "pelaksana", _("Pelaksana")


class Jabatan(models.Model):
    nama = models.CharField(_("nama jabatan"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="jabatan")
    atasan = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bawahan",
    )
    jenis = models.CharField(_("jenis jabatan"), max_length=20, choices=JenisJabatan.choices)
    kepala_unit = models.BooleanField(
        _("kepala unit"), default=False, help_text=_("Pimpinan unit kerja ini (penerima disposisi pertama).")
    )
    dapat_menandatangani = models.BooleanField(
        _("dapat menandatangani"), default=False, help_text=_("Boleh menjadi penandatangan naskah dinas.")
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = JabatanQuerySet.as_manager()

    panels = [
        FieldPanel("nama"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("atasan")]),
        FieldPanel("jenis"),
        MultiFieldPanel(
            [FieldPanel("kepala_unit"), FieldPanel("dapat_menandatangani"), FieldPanel("aktif")],
            heading=_("Kewenangan"),
        ),
    ]

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        ordering = ["unit__urutan", "unit__nama", "-kepala_unit", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "nama"], name="jabatan_nama_unik_per_unit"),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(kepala_unit=True, aktif=True),
                name="satu_kepala_per_unit",
                violation_error_message=_("Unit ini sudah memiliki jabatan kepala unit yang aktif."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        super().clean()
        if self.atasan_id is not None and self.atasan_id == self.pk:
            raise ValidationError({"atasan": _("Jabatan tidak boleh menjadi atasan dirinya sendiri.")})
        _cek_rantai(
            self, "atasan", _("Rantai atasan berputar: jabatan ini sudah menjadi atasan dari atasan yang dipilih.")
        )

    @property
    def rantai_atasan(self) -> list[Jabatan]:
        """Superiors from the direct atasan upwards."""
        hasil: list[Jabatan] = []
        node = self.atasan
        while node is not None and node not in hasil:
            hasil.append(node)
            node = node.atasan
        return hasil


class Golongan(models.TextChoices):
    I_A = "I/a", "Juru Muda (I/a)"
    I_B = "I/b", "Juru Muda Tingkat I (I/b)"
    I_C = "I/c", "Juru (I/c)"
    I_D = "I/d", "Juru Tingkat I (I/d)"
    II_A = "II/a", "Pengatur Muda (II/a)"
    II_B = "II/b", "Pengatur Muda Tingkat I (II/b)"
    II_C = "II/c", "Pengatur (II/c)"
    II_D = "II/d", "Pengatur Tingkat I (II/d)"
    III_A = "III/a", "Penata Muda (III/a)"
    III_B = "III/b", "Penata Muda Tingkat I (III/b)"
    III_C = "III/c", "Penata (III/c)"
    III_D = "III/d", "Penata Tingkat I (III/d)"
    IV_A = "IV/a", "Pembina (IV/a)"
    IV_B = "IV/b", "Pembina Tingkat I (IV/b)"
    IV_C = "IV/c", "Pembina Utama Muda (IV/c)"
    IV_D = "IV/d", "Pembina Utama Madya (IV/d)"
    IV_E = "IV/e", "Pembina Utama (IV/e)"


nip_validator = RegexValidator(r"^\d{18}$", _("NIP terdiri atas 18 angka tanpa spasi."))
nik_validator = RegexValidator(r"^\d{16}$", _("NIK terdiri atas 16 angka tanpa spasi."))


class Pegawai(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        on_delete=models.PROTECT,
        related_name="pegawai",
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        unique=True,
        validators=[nip_validator],
        error_messages={"unique": _("NIP ini sudah terdaftar untuk pegawai lain.")},
    )
    nama = models.CharField(_("nama lengkap dengan gelar"), max_length=200)
    golongan = models.CharField(_("pangkat/golongan"), max_length=6, choices=Golongan.choices, blank=True)
    jabatan = models.ForeignKey(
        Jabatan,
        verbose_name=_("jabatan definitif"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pegawai",
    )
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    nik = models.CharField(
        _("NIK"),
        max_length=16,
        blank=True,
        validators=[nik_validator],
        help_text=_("Nomor Induk Kependudukan; dipakai layanan TTE jarak jauh (BSrE) untuk mengenali penanda tangan."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = PegawaiQuerySet.as_manager()

    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("nama"), FieldPanel("nip")]),
        FieldRowPanel([FieldPanel("golongan"), FieldPanel("jabatan")]),
        FieldRowPanel([FieldPanel("telepon"), FieldPanel("nik"), FieldPanel("aktif")]),
    ]

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama

    @property
    def pangkat(self) -> str:
        """e.g. "Pembina Utama Muda (IV/c)"; empty when unknown."""
        return self.get_golongan_display() if self.golongan else ""

    def jabatan_aktif(self, tanggal: datetime.date | None = None) -> list[Jabatan]:
        """The definitive jabatan plus every jabatan delegated (Plh/Plt) on `tanggal`."""
        from .selectors import jabatan_aktif

        return jabatan_aktif(self, tanggal)


class JenisDelegasi(models.TextChoices):
    PLH = "plh", _("Pelaksana Harian (Plh)")
    PLT = "plt", _("Pelaksana Tugas (Plt)")


class Delegasi(models.Model):
    """A pegawai carries out a jabatan for a date range (Plh while the holder is
    away for a while, Plt while the post is vacant)."""

    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan yang dilaksanakan"), on_delete=models.CASCADE, related_name="delegasi"
    )
    pegawai = models.ForeignKey(Pegawai, verbose_name=_("pelaksana"), on_delete=models.CASCADE, related_name="delegasi")
    jenis = models.CharField(_("jenis"), max_length=3, choices=JenisDelegasi.choices, default=JenisDelegasi.PLH)
    mulai = models.DateField(_("tanggal mulai"))
    selesai = models.DateField(_("tanggal selesai"))
    dasar = models.CharField(
        _("dasar penunjukan"), max_length=200, blank=True, help_text=_("Nomor surat perintah Plh/Plt.")
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    objects = DelegasiQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("jabatan"), FieldPanel("pegawai")]),
        FieldPanel("jenis"),
        FieldRowPanel([FieldPanel("mulai"), FieldPanel("selesai")]),
        FieldPanel("dasar"),
        FieldPanel("keterangan"),
    ]

    class Meta:
        verbose_name = _("delegasi Plh/Plt")
        verbose_name_plural = _("delegasi Plh/Plt")
        ordering = ["-mulai"]
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__gte=models.F("mulai")),
                name="delegasi_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
        ]

    def __str__(self) -> str:
        singkatan = "Plh" if self.jenis == JenisDelegasi.PLH else "Plt"
        return f"{singkatan} {self.jabatan} — {self.pegawai}"

    def clean(self) -> None:
        super().clean()
        if self.mulai and self.selesai and self.selesai < self.mulai:
            raise ValidationError({"selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})
        if self.pegawai_id and self.jabatan_id and self.pegawai.jabatan_id == self.jabatan_id:
            raise ValidationError({"pegawai": _("Pegawai ini sudah memegang jabatan tersebut secara definitif.")})
        if self.mulai and self.selesai and self.jabatan_id:
            tumpang = (
                Delegasi.objects.filter(jabatan_id=self.jabatan_id, mulai__lte=self.selesai, selesai__gte=self.mulai)
                .exclude(pk=self.pk)
                .first()
            )
            if tumpang is not None:
                raise ValidationError(
                    _("Jabatan ini sudah didelegasikan kepada %(pegawai)s pada rentang tanggal yang bertumpang tindih.")
                    % {"pegawai": tumpang.pegawai}
                )
