"""The engine-specific full-text index beside DokumenCari: FTS5 on SQLite, a GIN index
on the tsvector column (and a prefix-friendly index on nomor) on PostgreSQL."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "nomor, perihal, pihak, isi, dasar, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_BALIK = ["DROP TABLE IF EXISTS search_fts"]
POSTGRES = [
    "CREATE INDEX IF NOT EXISTS cari_vektor_gin ON search_dokumencari USING gin (vektor)",
    "CREATE INDEX IF NOT EXISTS cari_nomor_pola ON search_dokumencari (nomor_kunci varchar_pattern_ops)",
]
POSTGRES_BALIK = ["DROP INDEX IF EXISTS cari_vektor_gin", "DROP INDEX IF EXISTS cari_nomor_pola"]


def _jalankan(perintah: dict[str, list[str]]):
    def jalankan(apps, schema_editor):
        for sql in perintah.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return jalankan


class Migration(migrations.Migration):
    dependencies = [("search", "0001_indeks")]

    operations = [
        migrations.RunPython(
            _jalankan({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _jalankan({"sqlite": SQLITE_BALIK, "postgresql": POSTGRES_BALIK}),
        )
    ]
