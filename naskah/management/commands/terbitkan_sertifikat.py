"""`python manage.py terbitkan_sertifikat NIP [--hari N] [--ganti] [--sandi-stdin]`

Issues a local signing certificate to the official with that NIP. The passphrase is
typed twice at a hidden prompt, or read as one line from stdin with `--sandi-stdin`
(for scripts: `printf '%s\\n' "$SANDI" | manage.py terbitkan_sertifikat …`); never
from the command line, where it would sit in the shell history and the process list."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from naskah.penanda import GalatPenanda
from naskah.tte import ca
from organisasi.models import Pegawai


class Command(BaseCommand):
    help = "Terbitkan sertifikat elektronik (TTE lokal) untuk pegawai ber-NIP tertentu."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("nip", help="NIP pegawai (18 angka).")
        parser.add_argument("--hari", type=int, default=730, help="Masa berlaku dalam hari (bawaan 730).")
        parser.add_argument("--ganti", action="store_true", help="Cabut sertifikat yang masih berlaku lalu ganti.")
        parser.add_argument("--sandi-stdin", action="store_true", help="Baca passphrase dari satu baris stdin.")

    def handle(self, *args: Any, **opsi: Any) -> None:
        pegawai = Pegawai.objects.filter(nip=opsi["nip"]).first()
        if pegawai is None:
            raise CommandError(f"Pegawai dengan NIP {opsi['nip']} tidak ditemukan.")
        sandi = self._sandi(opsi["sandi_stdin"])
        try:
            sertifikat = ca.terbitkan(pegawai, sandi, hari=opsi["hari"], ganti=opsi["ganti"])
        except GalatPenanda as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Sertifikat diterbitkan untuk {pegawai.nama} (NIP {pegawai.nip}), nomor seri {sertifikat.nomor_seri}, "
            f"berlaku sampai {sertifikat.berlaku_sampai:%Y-%m-%d}."
        )
        self.stdout.write(f"SHA-256: {ca.sidik_jari(sertifikat.sertifikat_pem)}")

    def _sandi(self, dari_stdin: bool) -> str:
        if dari_stdin:
            stdin = getattr(self, "stdin", None) or sys.stdin
            return stdin.readline().rstrip("\r\n")
        sandi = getpass.getpass("Passphrase: ")
        if getpass.getpass("Ulangi passphrase: ") != sandi:
            raise CommandError("Kedua passphrase tidak sama.")
        return sandi
