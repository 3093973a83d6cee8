from django.core.management.base import BaseCommand

from organisasi.peran import IZIN_MODEL, siapkan_peran


class Command(BaseCommand):
    help = "Buat/perbarui grup peran (Operator, Pejabat, Staf, Arsiparis, Humas, Administrator) beserta izinnya."

    def handle(self, *args: object, **options: object) -> None:
        grup = siapkan_peran()
        for nama, group in grup.items():
            self.stdout.write(f"{nama}: {group.permissions.count()} izin (diharapkan {len(IZIN_MODEL[nama])})")
