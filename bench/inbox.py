"""Benchmark of the inbox lists (Kotak masuk, Kotak keluar, Perlu tindakan) as the
number of letters grows.

    .venv/bin/python bench/inbox.py [--n 1000 --n 200000] [--requests 50]
    DATABASE_URL=postgres://lontar:lontar@127.0.0.1:5432/lontar .venv/bin/python bench/inbox.py

Without DATABASE_URL: a throwaway SQLite file in a temporary folder. With a PostgreSQL
DATABASE_URL: a dedicated database `lontar_bench` is created on that server (and dropped at
the end) through psycopg; the URL's own database is only used to connect.

Migrates, loads the demo (`muat_demo`), bulk-seeds letters (bench.seed.campuran: spread over
units, statuses and sifat) up to each N in turn, then requests each inbox for the demo account
"pejabat" through Django's test Client: warm-up, then `--requests` timed requests. Prints
p50/p95 in ms and SQL queries per request for every N, and p95(largest N)/p95(smallest N)
per inbox (goal ≤ 1.5). Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

AKAR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(AKAR), str(AKAR / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.settings.test")

DB_BENCH = "lontar_bench"
GOAL_RASIO = 1.5
KOTAK = {"masuk": "/admin/naskah/masuk/", "keluar": "/admin/naskah/keluar/", "tindakan": "/admin/naskah/tindakan/"}


def _siapkan_postgres(url: str) -> tuple[str, str]:
    """Create a fresh `lontar_bench` next to the URL's database; returns (bench URL, admin conninfo)."""
    import psycopg

    bagian = urlsplit(url)
    admin = urlunsplit(bagian._replace(scheme="postgresql"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_BENCH}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_BENCH}"')
    return urlunsplit(bagian._replace(path=f"/{DB_BENCH}")), admin


def _hapus_postgres(admin: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_BENCH}" WITH (FORCE)')


def persen(nilai: list[float], p: float) -> float:
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, max(0, round(p / 100 * len(urut) + 0.5) - 1))]


def ukur(client, url: str, n: int, pemanasan: int) -> tuple[float, float, int]:  # type: ignore[no-untyped-def]
    """(p50 ms, p95 ms, queries per request)."""
    from django.db import connection

    for _ in range(pemanasan):
        assert client.get(url).status_code == 200
    kueri: list[str] = []

    def hitung(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        kueri.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(hitung):
        respons = client.get(url)
    assert respons.status_code == 200, url
    waktu = []
    for _ in range(n):
        mulai = time.perf_counter()
        client.get(url)
        waktu.append((time.perf_counter() - mulai) * 1000)
    return statistics.median(waktu), persen(waktu, 95), len(kueri)


def _qs(user, kotak: str):  # type: ignore[no-untyped-def]
    """The inbox's list as the view builds it (selector + default filter and order)."""
    from naskah import selectors
    from naskah.filters import NaskahFilter

    nama = {"masuk": "kotak_masuk", "keluar": "kotak_keluar", "tindakan": "perlu_tindakan"}[kotak]
    return NaskahFilter(None, queryset=getattr(selectors, nama)(user)).qs


def jelaskan(user, kotak: str) -> str:  # type: ignore[no-untyped-def]
    """The plans of the list's two heavy queries: the first page and the count."""
    qs = _qs(user, kotak)
    return f"-- halaman\n{qs[:25].explain()}\n-- jumlah\n{qs.order_by().values('pk').explain()}"


def main() -> int:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--n", type=int, action="append", help="letters (repeat; default 1000 and 200000)")
    argumen.add_argument("--requests", type=int, default=50)
    argumen.add_argument("--warmup", type=int, default=5)
    argumen.add_argument("--explain", action="store_true", help="print the query plans at the largest N")
    argumen.add_argument("--simpan", action="store_true", help="keep the benchmark database")
    opsi = argumen.parse_args()
    ukuran = sorted(set(opsi.n or [1000, 200_000]))

    url = os.environ.get("DATABASE_URL", "")
    admin = None
    tmp = tempfile.mkdtemp(prefix="lontar-bench-")
    if url.startswith(("postgres://", "postgresql://", "pgsql://")):
        os.environ["DATABASE_URL"], admin = _siapkan_postgres(url)
    elif not url:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    else:
        print("DATABASE_URL bukan PostgreSQL: hanya PostgreSQL atau SQLite sementara yang didukung.")
        return 2
    os.environ.setdefault("LONTAR_DATA_DIR", tmp)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bench.seed import campuran, tanam
    from naskah.models import NaskahKeluarPage

    settings.DEBUG = False  # no query log: timings without the debug cursor
    mesin = connection.vendor
    try:
        t0 = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("muat_demo", diam=True)
        print(
            f"basis data: {mesin} ({connection.settings_dict['NAME']}); migrasi + demo {time.perf_counter() - t0:.0f} s"
        )
        user = get_user_model().objects.get(username="pejabat")
        client = Client()
        client.force_login(user)

        hasil: dict[int, dict[str, tuple[float, float, int]]] = {}
        tampil: dict[int, dict[str, int]] = {}
        ada = 0
        for n in ukuran:
            t0 = time.perf_counter()
            tanam(r for i, r in enumerate(campuran(n)) if i >= ada)  # same stream: the first N are kept
            ada = n
            with connection.cursor() as cur:
                cur.execute("ANALYZE")  # fresh planner statistics after a bulk load
            jumlah = NaskahKeluarPage.objects.count()
            print(f"N={n}: {jumlah} naskah tertanam ({time.perf_counter() - t0:.0f} s)")
            hasil[n] = {k: ukur(client, u, opsi.requests, opsi.warmup) for k, u in KOTAK.items()}
            from naskah import akses

            tampil[n] = {k: _qs(user, k).count() for k in KOTAK}
            akses.lupakan(user)

        print()
        print(f"{'kotak':<10} {'N':>8} {'ditampilkan':>11} {'p50 ms':>8} {'p95 ms':>8} {'kueri':>6}")
        for n in ukuran:
            for kotak, (p50, p95, kueri) in hasil[n].items():
                print(f"{kotak:<10} {n:>8} {tampil[n][kotak]:>11} {p50:>8.1f} {p95:>8.1f} {kueri:>6}")
        kecil, besar = ukuran[0], ukuran[-1]
        gagal = []
        print()
        for kotak in KOTAK:
            rasio = hasil[besar][kotak][1] / hasil[kecil][kotak][1]
            kueri_sama = hasil[besar][kotak][2] == hasil[kecil][kotak][2]
            print(
                f"{kotak:<10} rasio p95 N={besar}/N={kecil} = {rasio:.2f} (target ≤ {GOAL_RASIO}); "
                f"kueri {'tetap' if kueri_sama else 'BERUBAH'}"
            )
            if rasio > GOAL_RASIO:
                gagal.append(f"{kotak}: p95 {rasio:.2f} × baseline")
            if not kueri_sama:
                gagal.append(f"{kotak}: jumlah kueri bergantung pada N")
        if opsi.explain:
            for kotak in KOTAK:
                print(f"\n=== {kotak} (N={besar})\n{jelaskan(user, kotak)}")
        for pesan in gagal:
            print(f"TARGET TIDAK TERCAPAI: {pesan}")
        return 1 if gagal else 0
    finally:
        connection.close()
        if admin is not None and not opsi.simpan:
            _hapus_postgres(admin)


if __name__ == "__main__":
    sys.exit(main())
