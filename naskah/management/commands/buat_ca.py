"""`python manage.py buat_ca [--nama NAMA] [--paksa]`

Creates Lontar's certificate authority for local electronic signatures, once: run again,
it only shows the active CA. `--paksa` makes a new one (the old one stays trusted for
the letters it signed)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from naskah.penanda import GalatPenanda
from naskah.tte import ca


class Command(BaseCommand):
    help = "Buat otoritas sertifikat (CA) TTE lokal bila belum ada; tampilkan subjek dan sidik jarinya."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--nama", default=None, help="Nama CA (bawaan: 'CA TTE <nama situs>').")
        parser.add_argument("--paksa", action="store_true", help="Buat CA baru walaupun sudah ada yang aktif.")

    def handle(self, *args: Any, **opsi: Any) -> None:
        lama = ca.otoritas_aktif()
        try:
            otoritas = ca.buat_ca(opsi["nama"], paksa=opsi["paksa"])
        except GalatPenanda as exc:
            raise CommandError(str(exc)) from exc
        baru = lama is None or lama.pk != otoritas.pk
        sertifikat = ca.sertifikat_x509(otoritas.sertifikat_pem)
        self.stdout.write("CA baru dibuat." if baru else "CA sudah ada.")
        self.stdout.write(f"Subjek: {sertifikat.subject.rfc4514_string()}")
        self.stdout.write(f"Berlaku sampai: {otoritas.berlaku_sampai:%Y-%m-%d}")
        self.stdout.write(f"SHA-256: {ca.sidik_jari(otoritas.sertifikat_pem)}")
