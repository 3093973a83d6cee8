from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from naskah import demo as demo_naskah
from naskah.klasifikasi_awal import pastikan as pastikan_klasifikasi
from naskah.tte import demo as demo_tte
from organisasi import demo as demo_organisasi
from organisasi.peran import siapkan_peran
from ppid import demo as demo_ppid
from publik import demo as demo_publik
from publik.alur import pastikan_alur_publikasi
from templates_surat import demo as demo_template
from templates_surat.struktur import pastikan_struktur


class Command(BaseCommand):
    help = (
        "Muat data demo: Pemerintah Kota Sukamaju, OPD, jabatan, pegawai dan akun per peran, "
        "serta beranda situs publik. Aman dijalankan berulang (tidak membuat duplikat)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            default=None,
            help="Kata sandi akun demo baru (bawaan: LONTAR_DEMO_PASSWORD).",
        )
        parser.add_argument("--diam", action="store_true", help="Jangan cetak daftar akun.")
        parser.add_argument("--tanpa-naskah", action="store_true", help="Jangan buat contoh naskah keluar/masuk.")
        parser.add_argument(
            "--tanpa-tte", action="store_true", help="Jangan buat CA lokal dan sertifikat pejabat penanda tangan."
        )
        parser.add_argument(
            "--tanpa-situs",
            action="store_true",
            help="Jangan isi situs publik (halaman, berita, agenda, menu) dan contoh PPID; beranda tetap dibuat.",
        )

    def handle(self, *args: object, **options: object) -> None:
        password = str(options["password"] or settings.LONTAR_DEMO_PASSWORD)
        # The top-level pages first, so the roles get their page permissions on them.
        demo_publik.pastikan_beranda()
        if not options["tanpa_situs"]:
            demo_publik.muat()  # pages, news, agenda, menu of the public site
        pastikan_struktur()
        pastikan_klasifikasi()
        siapkan_peran()
        hasil = demo_organisasi.muat(password)
        # The "Publikasi" workflow on the Beranda; the Kepala Diskominfo approves public pages.
        pastikan_alur_publikasi(anggota=["pejabat"])
        sertifikat = [] if options["tanpa_tte"] else demo_tte.muat(password)
        template = demo_template.muat()
        if not options["tanpa_situs"]:
            demo_ppid.muat()  # DIP page and sample requests (needs the Beranda and the demo accounts)
        naskah = [] if options["tanpa_naskah"] else demo_naskah.muat(password)
        masuk = [] if options["tanpa_naskah"] else demo_naskah.muat_masuk()
        if options["diam"]:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo siap ({len(template)} template surat terbit, {len(naskah)} contoh naskah keluar, "
                f"{len(masuk)} contoh naskah masuk)."
            )
        )
        self.stdout.write(
            f"TTE lokal: CA Lontar dan {len(sertifikat)} sertifikat pejabat penanda tangan "
            f"(passphrase TTE demo = kata sandi demo)."
        )
        self.stdout.write(f"Akun demo (kata sandi: {password}):")
        for akun in hasil.akun:
            peran = ", ".join(akun.peran)
            self.stdout.write(f"  {akun.username:<16} {peran:<24} {akun.nama}")
