"""The database engine's index (also the fallback when Elasticsearch is down) and the
record of reindex runs.

`DokumenCari` holds one flattened document per searchable object; its full-text index
is engine-specific: an FTS5 table (`search_fts`, rowid = DokumenCari.id) on SQLite, a
weighted `tsvector` column with a GIN index on PostgreSQL. Principal tokens
(naskah.akses) sit in `PrinsipalCari` so the permission filter is an indexed EXISTS.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class DokumenCari(models.Model):
    kunci = models.CharField(max_length=60, unique=True)
    koleksi = models.CharField(max_length=10)
    objek_id = models.BigIntegerField()
    judul = models.CharField(max_length=255)
    url = models.CharField(max_length=255, blank=True)
    nomor = models.CharField(max_length=200, blank=True)
    nomor_kunci = models.CharField(max_length=200, blank=True, db_index=True)
    perihal = models.TextField(blank=True)
    isi = models.TextField(blank=True)
    pengirim = models.TextField(blank=True)
    penerima = models.TextField(blank=True)
    unit_id = models.IntegerField(null=True, blank=True)
    unit = models.CharField(max_length=200, blank=True)
    jenis = models.CharField(max_length=100, blank=True)
    arah = models.CharField(max_length=10, blank=True)
    sifat = models.CharField(max_length=2, blank=True)
    status = models.CharField(max_length=20, blank=True)
    klasifikasi = models.CharField(max_length=30, blank=True)
    tanggal = models.DateField(null=True, blank=True)
    tahun = models.SmallIntegerField(null=True, blank=True)
    rahasia = models.BooleanField(default=False)
    kata_dasar = models.TextField(blank=True)
    vektor = SearchVectorField(null=True, blank=True)  # PostgreSQL only; unused on SQLite
    generasi = models.PositiveIntegerField(default=0)
    diperbarui = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dokumen indeks")
        verbose_name_plural = _("dokumen indeks")
        indexes = [
            models.Index(fields=["koleksi", "-tanggal"], name="cari_koleksi_tanggal"),
            models.Index(fields=["unit_id", "-tanggal"], name="cari_unit_tanggal"),
            models.Index(fields=["koleksi", "generasi"], name="cari_koleksi_generasi"),
            models.Index(fields=["-tanggal", "-id"], name="cari_tanggal"),
            # restrictive filters combine with the word index (bitmap AND) on PostgreSQL
            models.Index(fields=["sifat"], name="cari_sifat"),
            models.Index(fields=["jenis"], name="cari_jenis"),
        ]

    def __str__(self) -> str:
        return self.kunci


class PrinsipalCari(models.Model):
    dokumen = models.ForeignKey(DokumenCari, on_delete=models.CASCADE, related_name="prinsipal")
    token = models.CharField(max_length=40)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dokumen", "token"], name="prinsipal_cari_unik")]
        indexes = [models.Index(fields=["token", "dokumen"], name="prinsipal_token_dokumen")]

    def __str__(self) -> str:
        return f"{self.dokumen_id} ← {self.token}"


class KosakataCari(models.Model):
    """Perihal words seen by the index: the dictionary typo-tolerant queries correct
    against (words are never removed; a stale word just matches nothing)."""

    kata = models.CharField(max_length=60, unique=True)
    panjang = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.kata


class StatusProses(models.TextChoices):
    ANTRI = "antri", _("Dalam antrean")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class ProsesIndeks(models.Model):
    """One reindex run of a collection: resumable (objects are walked by id; `id_terakhir`
    is the last one done) and shown with a progress bar on the index status page."""

    koleksi = models.CharField(_("koleksi"), max_length=10)
    mesin = models.CharField(_("mesin"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=StatusProses.choices, default=StatusProses.ANTRI)
    target = models.CharField(max_length=120, blank=True, help_text="The engine's new index (alias switched last).")
    generasi = models.PositiveIntegerField(default=0, help_text="The database index generation being built.")
    total = models.PositiveIntegerField(default=0)
    selesai = models.PositiveIntegerField(default=0)
    id_terakhir = models.BigIntegerField(default=0)
    galat = models.TextField(blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diperbarui_pada = models.DateTimeField(auto_now=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("proses indeks ulang")
        verbose_name_plural = _("proses indeks ulang")
        ordering = ["-dibuat_pada"]
        permissions = [("kelola_indeks", "Can see the search index status and rebuild it")]

    def __str__(self) -> str:
        return f"{self.koleksi} {self.status} {self.selesai}/{self.total}"

    @property
    def persen(self) -> int:
        if self.status == StatusProses.SELESAI:
            return 100
        return int(100 * self.selesai / self.total) if self.total else 0
