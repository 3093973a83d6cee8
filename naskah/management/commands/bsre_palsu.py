"""`manage.py bsre_palsu`: run the fake BSrE-style signing service (naskah.tte.bsre_palsu)
for the demo or manual testing, so LONTAR_PENANDA=bsre works without the real one."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from naskah.tte.bsre_palsu import LayananPalsu, muat_pengguna, pengguna_dari_pegawai


class Command(BaseCommand):
    help = (
        "Jalankan layanan TTE tiruan bergaya BSrE (hanya untuk demo/uji): POST /api/sign/pdf, "
        "GET /api/user/status/<nik>, POST /api/sign/verify, dengan Basic auth "
        "LONTAR_BSRE_USER/LONTAR_BSRE_PASSWORD."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Alamat dengar (bawaan 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8310, help="Port (bawaan 8310, sesuai LONTAR_BSRE_URL).")
        parser.add_argument("--latensi-ms", type=int, default=0, help="Jeda buatan sebelum setiap jawaban.")
        parser.add_argument(
            "--pengguna",
            default=None,
            help='Berkas JSON {"<NIK>": {"nama": …, "passphrase": …, "status": "ISSUE"}}. Bawaan: pegawai '
            "yang memiliki NIK, dengan passphrase LONTAR_DEMO_PASSWORD.",
        )
        parser.add_argument(
            "--ca-keluar",
            default=None,
            help="Tulis sertifikat CA tiruan (PEM) ke berkas ini, agar verifikasi Lontar dapat mempercayainya.",
        )

    def handle(self, *args: object, **options: object) -> None:
        berkas = options["pengguna"]
        try:
            pengguna = muat_pengguna(str(berkas)) if berkas else pengguna_dari_pegawai()
        except (OSError, ValueError, TypeError) as exc:
            raise CommandError(f"Berkas pengguna tidak dapat dibaca: {exc}") from exc
        layanan = LayananPalsu(
            pengguna,
            akun=(settings.LONTAR_BSRE_USER, settings.LONTAR_BSRE_PASSWORD),
            latensi_ms=int(str(options["latensi_ms"])),
        )
        if options["ca_keluar"]:
            tujuan = Path(str(options["ca_keluar"]))
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.write_text(layanan.ca_pem, encoding="ascii")
            self.stdout.write(f"Sertifikat CA tiruan ditulis ke {tujuan}")
        host, port = str(options["host"]), int(str(options["port"]))
        self.stdout.write(
            f"Layanan TTE tiruan di http://{host}:{port} — {len(pengguna)} pengguna terdaftar "
            f"(NIK: {', '.join(sorted(pengguna)) or '-'}). Ctrl+C untuk berhenti."
        )
        try:
            layanan.layani_selamanya(host, port)
        except KeyboardInterrupt:
            self.stdout.write("Berhenti.")
