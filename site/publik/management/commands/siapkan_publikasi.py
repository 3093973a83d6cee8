from django.core.management.base import BaseCommand

from publik.alur import pastikan_alur_publikasi


class Command(BaseCommand):
    help = (
        'Pasang alur "Publikasi" pada Beranda: grup Redaktur Publikasi, tugas persetujuan, '
        "alur kerja. Aman diulang; dijalankan proses `release` setiap rilis."
    )

    def handle(self, *args: object, **options: object) -> None:
        alur = pastikan_alur_publikasi()
        if alur is None:
            self.stdout.write("Beranda belum ada; jalankan migrate dulu.")
            return
        self.stdout.write(self.style.SUCCESS(f'Alur "{alur.name}" terpasang pada Beranda.'))
