"""`python manage.py indeks_ulang [--model naskah|template|publik] [--batch N] [--baru]`

Rebuilds the search index without downtime (new generation / new engine index, switched
at the end), with a progress bar. An interrupted run is resumed where it stopped."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import indeks_ulang
from search.mesin.dasar import KOLEKSI, GalatMesin
from search.models import ProsesIndeks, StatusProses


class Command(BaseCommand):
    help = "Bangun ulang indeks pencarian (tanpa henti layanan, dapat dilanjutkan)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--model", choices=KOLEKSI, action="append", help="Koleksi (bawaan: semua).")
        parser.add_argument("--batch", type=int, default=indeks_ulang.BATAS, help="Objek per batch.")
        parser.add_argument("--baru", action="store_true", help="Abaikan proses yang belum selesai; mulai dari awal.")

    def handle(self, *args: Any, **opsi: Any) -> None:
        if opsi["batch"] < 1:
            raise CommandError("--batch harus ≥ 1")
        for koleksi in opsi["model"] or KOLEKSI:
            if opsi["baru"]:
                ProsesIndeks.objects.filter(
                    koleksi=koleksi, status__in=[StatusProses.ANTRI, StatusProses.BERJALAN, StatusProses.GAGAL]
                ).update(status=StatusProses.GAGAL, galat="Ditinggalkan (--baru).")
                ProsesIndeks.objects.filter(koleksi=koleksi, galat="Ditinggalkan (--baru).").update(
                    status=StatusProses.SELESAI
                )
            proses = indeks_ulang.mulai(koleksi)
            if proses.selesai:
                self.stdout.write(f"{koleksi}: melanjutkan dari objek #{proses.id_terakhir} ({proses.selesai} selesai)")
            bar = tqdm(
                total=proses.total,
                initial=proses.selesai,
                desc=koleksi,
                unit="dok",
                file=self.stderr._out,
                disable=opsi.get("verbosity", 1) == 0,
            )

            def maju(p: ProsesIndeks, bar: Any = bar) -> None:
                bar.total = max(bar.total or 0, p.selesai)
                bar.update(p.selesai - bar.n)

            try:
                jumlah = indeks_ulang.jalankan(proses.pk, batas=opsi["batch"], kemajuan=maju)
            except GalatMesin as exc:
                raise CommandError(
                    f"{koleksi}: mesin pencari tidak tersedia ({exc}); jalankan lagi perintah ini untuk melanjutkan."
                ) from exc
            finally:
                bar.close()
            self.stdout.write(self.style.SUCCESS(f"{koleksi}: {jumlah} objek diindeks."))
