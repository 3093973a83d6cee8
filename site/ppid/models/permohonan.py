"""Requests for information (permohonan informasi, UU 14/2008 Pasal 21–22) and objections
(keberatan, Pasal 35–36), with an append-only history.

State changes happen only in `ppid.layanan` (atomic, one `RiwayatPermohonan` row each).
The requester's secret token is stored as a SHA-256 hash, never in clear: only the citizen
who saw it once on the confirmation page can use it. History rows carry no personal data."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisasi.hari_kerja import tambah_hari_kerja

from .informasi import PasalPengecualian

TENGGAT_JAWAB = 10  # hari kerja (Pasal 22 ayat (7))
PERPANJANGAN = 7  # hari kerja (Pasal 22 ayat (8)), once
BATAS_KEBERATAN = 30  # hari kerja after the answer (Pasal 36 ayat (1))
TENGGAT_KEBERATAN = 30  # hari kerja for the atasan PPID (Pasal 36 ayat (2))


class JenisIdentitas(models.TextChoices):
    NIK = "nik", _("NIK (KTP-el)")
    PASPOR = "paspor", _("Paspor")
    SIM = "sim", _("SIM")
    KITAS = "kitas", _("KITAS/KITAP")
    BADAN_HUKUM = "badan_hukum", _("Nomor akta/pengesahan badan hukum")


class CaraMemperoleh(models.TextChoices):
    MELIHAT = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
    SOFTCOPY = "softcopy", _("Mendapatkan salinan informasi (softcopy)")
    HARDCOPY = "hardcopy", _("Mendapatkan salinan informasi (hardcopy)")


class CaraSalinan(models.TextChoices):
    AMBIL = "ambil", _("Mengambil langsung")
    POS = "pos", _("Dikirim melalui pos/kurir")
    EMAIL = "email", _("Dikirim melalui e-mail")


class StatusPermohonan(models.TextChoices):
    DITERIMA = "diterima", _("Terdaftar, menunggu diproses")
    DIPROSES = "diproses", _("Sedang diproses")
    DIJAWAB = "dijawab", _("Dijawab")
    DITOLAK = "ditolak", _("Ditolak")


STATUS_TERBUKA = (StatusPermohonan.DITERIMA, StatusPermohonan.DIPROSES)


class AlasanPenolakan(models.TextChoices):
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan (UU 14/2008 Pasal 17)")
    TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak berada di bawah penguasaan Badan Publik")
    BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", _("Informasi belum didokumentasikan")
    TIDAK_LENGKAP = "tidak_lengkap", _("Permohonan tidak memenuhi syarat (identitas/rincian tidak lengkap)")


class AlasanKeberatan(models.TextChoices):
    """UU 14/2008 Pasal 35 ayat (1) huruf a–g."""

    DITOLAK = "ditolak", _("Permohonan informasi ditolak")
    BERKALA = "berkala", _("Informasi berkala tidak disediakan")
    TIDAK_DITANGGAPI = "tidak_ditanggapi", _("Permohonan informasi tidak ditanggapi")
    TIDAK_SESUAI = "tidak_sesuai", _("Permohonan ditanggapi tidak sebagaimana yang diminta")
    TIDAK_DIPENUHI = "tidak_dipenuhi", _("Permohonan informasi tidak dipenuhi")
    BIAYA = "biaya", _("Pengenaan biaya yang tidak wajar")
    TERLAMBAT = "terlambat", _("Penyampaian informasi melebihi jangka waktu")


class StatusKeberatan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan, menunggu tanggapan atasan PPID")
    DITANGGAPI = "ditanggapi", _("Ditanggapi")


class HasilKeberatan(models.TextChoices):
    DIKABULKAN = "dikabulkan", _("Keberatan diterima: informasi diberikan")
    DITOLAK = "ditolak", _("Keberatan ditolak: menguatkan keputusan PPID")


class AksiRiwayat(models.TextChoices):
    DIAJUKAN = "diajukan", _("Permohonan diajukan")
    DITUGASKAN = "ditugaskan", _("Diteruskan ke unit")
    DIPERPANJANG = "diperpanjang", _("Jangka waktu diperpanjang")
    DIJAWAB = "dijawab", _("Dijawab")
    DITOLAK = "ditolak", _("Ditolak")
    KEBERATAN = "keberatan", _("Keberatan diajukan")
    KEBERATAN_DITANGGAPI = "keberatan_ditanggapi", _("Keberatan ditanggapi")
    EMAIL = "email", _("E-mail terkirim ke pemohon")


class PenghitungNomor(models.Model):
    """Last tracking number per year (row-locked on allocation; never reused)."""

    tahun = models.PositiveSmallIntegerField(primary_key=True)
    terakhir = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung nomor PPID")

    def __str__(self) -> str:
        return f"{self.tahun}: {self.terakhir}"


class PermohonanQuerySet(models.QuerySet["PermohonanInformasi"]):
    def terbuka(self) -> PermohonanQuerySet:
        return self.filter(status__in=STATUS_TERBUKA)

    def terlambat(self, hari_ini: datetime.date | None = None) -> PermohonanQuerySet:
        """Open requests whose deadline has passed (the admin badge and filter)."""
        return self.terbuka().filter(tenggat__lt=hari_ini or timezone.localdate())


class PermohonanInformasi(models.Model):
    nomor = models.CharField(_("nomor registrasi"), max_length=20, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, editable=False)
    # --- the requester (personal data: ppid.lihat_data_pemohon) ---
    nama = models.CharField(_("nama"), max_length=150)
    jenis_identitas = models.CharField(_("jenis identitas"), max_length=20, choices=JenisIdentitas.choices)
    nomor_identitas = models.CharField(_("nomor identitas"), max_length=40)
    alamat = models.TextField(_("alamat"), max_length=500)
    email = models.EmailField(_("e-mail"), max_length=254)
    telepon = models.CharField(_("telepon"), max_length=20)
    # --- the request ---
    rincian = models.TextField(_("rincian informasi yang dibutuhkan"), max_length=3000)
    tujuan = models.TextField(_("tujuan penggunaan informasi"), max_length=1500)
    cara_memperoleh = models.CharField(_("cara memperoleh informasi"), max_length=20, choices=CaraMemperoleh.choices)
    cara_salinan = models.CharField(
        _("cara mendapatkan salinan"), max_length=20, choices=CaraSalinan.choices, blank=True
    )
    # --- handling ---
    status = models.CharField(
        _("status"), max_length=20, choices=StatusPermohonan.choices, default=StatusPermohonan.DITERIMA, db_index=True
    )
    unit = models.ForeignKey(
        "organisasi.Unit",
        verbose_name=_("unit yang menangani"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="permohonan_informasi",
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), default=timezone.now, editable=False)
    tanggal_diterima = models.DateField(_("tanggal diterima"), editable=False)
    tenggat_awal = models.DateField(_("tenggat awal"), editable=False)
    tenggat = models.DateField(_("tenggat jawaban"), db_index=True)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    jawaban = models.TextField(_("jawaban/pemberitahuan tertulis"), blank=True)
    alasan_penolakan = models.CharField(
        _("alasan penolakan"), max_length=30, choices=AlasanPenolakan.choices, blank=True
    )
    pasal_pengecualian = models.CharField(
        _("dasar pengecualian"), max_length=4, choices=PasalPengecualian.choices, blank=True
    )
    diselesaikan_pada = models.DateTimeField(_("dijawab/ditolak pada"), null=True, blank=True)

    objects = PermohonanQuerySet.as_manager()

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-diajukan_pada", "-pk"]
        permissions = [("lihat_data_pemohon", _("Dapat melihat data pribadi pemohon informasi"))]

    def __str__(self) -> str:
        return self.nomor

    @property
    def terbuka(self) -> bool:
        return self.status in STATUS_TERBUKA

    @property
    def diperpanjang(self) -> bool:
        return self.tenggat != self.tenggat_awal

    def terlambat(self, hari_ini: datetime.date | None = None) -> bool:
        return self.terbuka and self.tenggat < (hari_ini or timezone.localdate())

    @property
    def tanggal_selesai(self) -> datetime.date | None:
        if self.diselesaikan_pada is None:
            return None
        return timezone.localdate(self.diselesaikan_pada)

    def batas_keberatan(self) -> datetime.date:
        """Last day to object: 30 working days after the answer (or rejection), or after
        the deadline when the request was never answered (Pasal 35 huruf c/g)."""
        dasar = self.tanggal_selesai or self.tenggat
        return tambah_hari_kerja(dasar, BATAS_KEBERATAN)

    def alasan_penolakan_lengkap(self) -> str:
        teks = str(self.get_alasan_penolakan_display())
        if self.pasal_pengecualian:
            teks += f" – {self.get_pasal_pengecualian_display()}"
        return teks


def _lokasi_berkas(instance: BerkasJawaban, filename: str) -> str:
    """Unguessable names: the files belong to one requester, fetched through a checked view."""
    akhiran = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"ppid/jawaban/{timezone.now():%Y}/{uuid.uuid4().hex}.{akhiran}"


class BerkasJawaban(models.Model):
    permohonan = models.ForeignKey(PermohonanInformasi, on_delete=models.CASCADE, related_name="berkas")
    keberatan = models.ForeignKey("Keberatan", null=True, blank=True, on_delete=models.CASCADE, related_name="berkas")
    berkas = models.FileField(_("berkas"), upload_to=_lokasi_berkas, max_length=200)
    nama = models.CharField(_("nama berkas"), max_length=150)
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("berkas jawaban")
        verbose_name_plural = _("berkas jawaban")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.nama


class KeberatanQuerySet(models.QuerySet["Keberatan"]):
    def terlambat(self, hari_ini: datetime.date | None = None) -> KeberatanQuerySet:
        return self.filter(status=StatusKeberatan.DIAJUKAN, tenggat__lt=hari_ini or timezone.localdate())


class Keberatan(models.Model):
    """One objection per request, answered by the atasan PPID within 30 working days."""

    permohonan = models.OneToOneField(PermohonanInformasi, on_delete=models.PROTECT, related_name="keberatan")
    nomor = models.CharField(_("nomor keberatan"), max_length=24, unique=True, editable=False)
    alasan = models.JSONField(_("alasan keberatan"), default=list)
    uraian = models.TextField(_("kasus posisi"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=20, choices=StatusKeberatan.choices, default=StatusKeberatan.DIAJUKAN, db_index=True
    )
    diajukan_pada = models.DateTimeField(_("diajukan pada"), default=timezone.now, editable=False)
    tenggat = models.DateField(_("tenggat tanggapan"), db_index=True)
    hasil = models.CharField(_("hasil"), max_length=20, choices=HasilKeberatan.choices, blank=True)
    tanggapan = models.TextField(_("tanggapan atasan PPID"), blank=True)
    ditanggapi_pada = models.DateTimeField(_("ditanggapi pada"), null=True, blank=True)
    ditanggapi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = KeberatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["-diajukan_pada", "-pk"]
        permissions = [("tanggapi_keberatan", _("Dapat menanggapi keberatan (atasan PPID)"))]

    def __str__(self) -> str:
        return self.nomor

    def terlambat(self, hari_ini: datetime.date | None = None) -> bool:
        return self.status == StatusKeberatan.DIAJUKAN and self.tenggat < (hari_ini or timezone.localdate())

    def daftar_alasan(self) -> list[str]:
        label = dict(AlasanKeberatan.choices)
        return [str(label.get(kode, kode)) for kode in self.alasan]


class RiwayatPermohonan(models.Model):
    """Append-only: rows are created by the services and never changed or deleted."""

    permohonan = models.ForeignKey(PermohonanInformasi, on_delete=models.PROTECT, related_name="riwayat")
    keberatan = models.ForeignKey(Keberatan, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    aksi = models.CharField(_("aksi"), max_length=30, choices=AksiRiwayat.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    waktu = models.DateTimeField(_("waktu"), default=timezone.now, db_index=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("riwayat permohonan")
        verbose_name_plural = _("riwayat permohonan")
        ordering = ["waktu", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(aksi=""), name="ppid_riwayat_aksi_wajib"),
        ]

    def __str__(self) -> str:
        return f"{self.permohonan_id} {self.aksi}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("RiwayatPermohonan hanya boleh ditambah, tidak diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("RiwayatPermohonan tidak boleh dihapus.")
