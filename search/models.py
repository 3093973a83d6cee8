"""The database engine's index (also the fallback when Elasticsearch is down) and the
record of reindex runs.

`DokumenCari` holds one flattened document per searchable object; its full-text index
is engine-specific: an FTS5 table (`search_fts`, rowid = DokumenCari.id) on SQLite, a
weighted `tsvector` column with a GIN index on PostgreSQL. The principal tokens
(naskah.akses) live in the row (`prinsipal`): a `text[]` with a GIN index on PostgreSQL,
so the permission test is one more bitmap ANDed with the words and the date window
(no join: it was half the time of a frequent word's query), a JSON list on SQLite.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.lookups import FieldGetDbPrepValueMixin, Lookup
from django.utils.translation import gettext_lazy as _


class DaftarTokenField(models.Field):
    """A list of short strings: `text[]` on PostgreSQL (array statistics give the planner
    good estimates for `&&`), JSON text elsewhere."""

    description = "List of tokens"

    def db_type(self, connection: Any) -> str:
        return "text[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        if value is None:
            return None
        daftar = [str(v) for v in value]
        return daftar if connection.vendor == "postgresql" else json.dumps(daftar)

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> list[str] | None:
        if value is None or isinstance(value, list):
            return value
        return list(json.loads(value))

    def to_python(self, value: Any) -> list[str] | None:
        if isinstance(value, str):
            return list(json.loads(value))
        return value


@DaftarTokenField.register_lookup
class SalahSatu(FieldGetDbPrepValueMixin, Lookup):
    """`prinsipal__salah_satu=[…]`: the list shares at least one token with the value
    (PostgreSQL `&&`, GIN-indexed; SQLite through json_each)."""

    lookup_name = "salah_satu"

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} && {rhs}::text[]", (*lhs_params, *rhs_params)

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE value IN (SELECT value FROM json_each({rhs})))"  # noqa: S608 - compiled column and placeholder
        return sql, (*lhs_params, *rhs_params)


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
    prinsipal = DaftarTokenField(default=list, blank=True)  # who may find it (naskah.akses tokens)
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
