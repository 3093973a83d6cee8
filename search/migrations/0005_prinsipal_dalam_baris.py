"""Principal tokens move from the PrinsipalCari table into the document row: a `text[]`
with a GIN index on PostgreSQL (ANDed with the word and date bitmaps, no join), a JSON
list on SQLite. Existing documents keep their tokens (copied before the table goes)."""

from django.db import migrations

import search.models

SALIN = {
    "postgresql": [
        "UPDATE search_dokumencari d SET prinsipal = s.t FROM (SELECT dokumen_id, array_agg(token ORDER BY token) t"
        " FROM search_prinsipalcari GROUP BY dokumen_id) s WHERE s.dokumen_id = d.id",
        "CREATE INDEX IF NOT EXISTS cari_prinsipal_gin ON search_dokumencari USING gin (prinsipal)",
    ],
    "sqlite": [
        "UPDATE search_dokumencari SET prinsipal = (SELECT json_group_array(token) FROM (SELECT token"
        " FROM search_prinsipalcari WHERE dokumen_id = search_dokumencari.id ORDER BY token))",
    ],
}
BALIK = {
    "postgresql": [
        "DROP INDEX IF EXISTS cari_prinsipal_gin",
        "INSERT INTO search_prinsipalcari (dokumen_id, token) SELECT id, unnest(prinsipal) FROM search_dokumencari",
    ],
    "sqlite": [
        "INSERT INTO search_prinsipalcari (dokumen_id, token) SELECT d.id, j.value FROM search_dokumencari d,"
        " json_each(d.prinsipal) j",
    ],
}


def _jalankan(perintah: dict[str, list[str]]):
    def jalankan(apps, schema_editor):
        for sql in perintah.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql, params=None)

    return jalankan


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_indeks_saringan"),
    ]

    operations = [
        migrations.AddField(
            model_name="dokumencari",
            name="prinsipal",
            field=search.models.DaftarTokenField(blank=True, default=list),
        ),
        migrations.RunPython(_jalankan(SALIN), _jalankan(BALIK)),
        migrations.DeleteModel(
            name="PrinsipalCari",
        ),
    ]
