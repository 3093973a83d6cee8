"""History tables are append-only in the database too: on PostgreSQL a trigger refuses
UPDATE and DELETE on them (TRUNCATE, used only by test flushes, is not a row event);
on SQLite the trigger refuses UPDATE."""

from django.db import migrations

TABEL = ["naskah_jejaknaskah", "naskah_tindakanarsip", "naskah_logakses"]

PG_FUNGSI = """
CREATE OR REPLACE FUNCTION lontar_tolak_ubah_riwayat() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Riwayat % bersifat tambah-saja: % ditolak', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def pasang(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNGSI, params=None)  # the body's % is not a placeholder
        for tabel in TABEL:
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_tambah_saja BEFORE UPDATE OR DELETE ON {tabel} "
                "FOR EACH ROW EXECUTE FUNCTION lontar_tolak_ubah_riwayat();"
            )
    elif vendor == "sqlite":
        for tabel in TABEL:
            schema_editor.execute(
                f"CREATE TRIGGER {tabel}_tambah_saja BEFORE UPDATE ON {tabel} "
                f"BEGIN SELECT RAISE(ABORT, 'Riwayat {tabel} bersifat tambah-saja'); END;"
            )


def lepas(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for tabel in TABEL:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_tambah_saja ON {tabel};")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_tambah_saja;")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS lontar_tolak_ubah_riwayat();")


class Migration(migrations.Migration):
    dependencies = [("naskah", "0002_naskah_masuk_disposisi_arsip")]

    operations = [migrations.RunPython(pasang, lepas)]
