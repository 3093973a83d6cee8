"""Initial klasifikasi arsip (Permendagri 83/2022, the codes a Pemda uses most) with a
JRA rule each: retensi aktif and inaktif in years, and nasib akhir.

The ten top levels carry "dinilai kembali": a letter filed under a code that is not
listed falls back to its nearest listed ancestor (`layanan_arsip.cari_klasifikasi`),
and when that is a top level the arsiparis judges its fate. Group codes carry the
rule most of their sub-codes share. The arsiparis edits the list in the admin
("Arsip" → "Klasifikasi arsip") to match the region's own JRA.

Idempotent (update_or_create by kode); the reverse leaves the rows in place, since
archived letters point at them."""

from django.db import migrations


def muat(apps, schema_editor):
    from naskah.klasifikasi_awal import isi

    isi(apps.get_model("naskah", "Klasifikasi"), schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("naskah", "0003_riwayat_tanpa_ubah")]

    operations = [migrations.RunPython(muat, migrations.RunPython.noop)]
