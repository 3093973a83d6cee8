"""Benchmark of the public website's page cache (publik.cache) over real HTTP.

    .venv/bin/python bench/publik.py [--detik 5] [--konkurensi 8] [--workers 2] [--threads 4]

A throwaway SQLite database in a temporary folder is migrated and loaded with the demo
(`muat_demo`, without letters and certificates); then for each mode a real gunicorn (gthread
workers, `--pythonpath site`) is started on a free loopback port and loaded for `--detik`
seconds per page by `--konkurensi` threads, each on its own keep-alive `http.client`
connection (wrk is not installed; a Python loop with threads is enough at these rates and is
the same for every mode). Pages: the home page and the first live news article.

Modes, all in this run, same database, same server settings:
  polos       plain Wagtail serving: the same URLconf with Wagtail's `serve` not wrapped by
              the Lontar page cache (the baseline)
  cache-mati  Lontar's URLconf with the page cache kept from storing anything
              (LONTAR_CACHE_PUBLIK_DETIK = 0: publik.cache has no on/off switch)
  cache       Lontar's URLconf with the page cache on (anonymous visitors; warm)

Prints requests/s, p50/p95 latency and errors per mode and page, and the ratio of each mode
to the baseline. Goal: cache ≥ 20 × polos on every page. Exits 1 when missed.

The page cache lives in Django's default cache: LocMemCache per gunicorn worker here (no
REDIS_URL), Redis when REDIS_URL is set in the environment.

Figures on the development machine (2 cores shared with other test runs, so absolute rates are
low and noisy; 2 workers × 4 threads, 8 client threads, 5 s, LocMem):
  mode        halaman      req/s   p50 ms   p95 ms    hit  × polos
  polos       beranda         10    799.2   1285.2     0%      1.0
  polos       berita          11    624.2   1165.4     0%      1.0
  cache-mati  beranda          7   1111.3   2051.7     0%      0.7
  cache-mati  berita          13    579.9   1046.1     0%      1.2
  cache       beranda        474     11.1     46.9   100%     46.6
  cache       berita         749      7.8     30.5   100%     68.0
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
GOAL_RASIO = 20.0
MODE = ("polos", "cache-mati", "cache")

# Settings and URLconf of the benchmark, written to the temporary folder (on the server's
# --pythonpath). LONTAR_BENCH_MODE picks the mode.
SETTINGS = """
import os
from lontar.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
_MODE = os.environ.get("LONTAR_BENCH_MODE", "cache")
if _MODE == "cache-mati":
    # publik.cache has no on/off setting (yet): a lifetime of 0 s stores nothing, so every
    # request goes through the wrapper (key, version read, cache miss) and renders the page.
    LONTAR_CACHE_PUBLIK_DETIK = 0
if _MODE == "polos":
    ROOT_URLCONF = "bench_urls_polos"
"""

URLS_POLOS = '''
"""lontar.urls with every view of publik.urls_situs unwrapped from the page cache."""
from django.urls import URLPattern, URLResolver, include, path, re_path

from lontar.urls import urlpatterns as _lontar
from publik import urls_situs


def _polos(p):
    return re_path(p.pattern.regex.pattern, getattr(p.callback, "__wrapped__", p.callback), name=p.name)


urlpatterns = []
for p in _lontar:
    if isinstance(p, URLResolver) and p.urlconf_module is urls_situs:
        urlpatterns.append(path("", include([_polos(q) for q in urls_situs.urlpatterns])))
    else:
        urlpatterns.append(p)
'''


@dataclass
class Hasil:
    permintaan: int
    galat: int
    detik: float
    lat_ms: list[float]
    hit: int

    @property
    def rps(self) -> float:
        return self.permintaan / self.detik

    def persen(self, p: float) -> float:
        if not self.lat_ms:
            return float("nan")
        return statistics.quantiles(self.lat_ms, n=100)[int(p) - 1] if len(self.lat_ms) > 1 else self.lat_ms[0]


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def beban(port: int, path: str, detik: float, konkurensi: int) -> Hasil:
    """`konkurensi` threads, each with a keep-alive connection, GET `path` until the deadline."""
    selesai = time.perf_counter() + detik
    kunci = threading.Lock()
    total = Hasil(0, 0, 0.0, [], 0)

    def pekerja() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        lat: list[float] = []
        galat = hit = 0
        while time.perf_counter() < selesai:
            mulai = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": "localhost"})
                resp = conn.getresponse()
                resp.read()
            except (OSError, http.client.HTTPException):
                galat += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            lat.append((time.perf_counter() - mulai) * 1000)
            if resp.status != 200:
                galat += 1
            if resp.getheader("X-Cache-Publik") == "hit":
                hit += 1
            if resp.will_close:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with kunci:
            total.lat_ms.extend(lat)
            total.galat += galat
            total.hit += hit

    mulai = time.perf_counter()
    threads = [threading.Thread(target=pekerja) for _ in range(konkurensi)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total.detik = time.perf_counter() - mulai
    total.permintaan = len(total.lat_ms)
    return total


def tunggu_siap(port: int, proc: subprocess.Popen[bytes], batas: float = 60) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn berhenti saat mulai (lihat log di folder sementara)")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz", headers={"Host": "localhost"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn tidak siap dalam 60 s")


def server(mode: str, tmp: Path, env: dict[str, str], opsi: argparse.Namespace) -> tuple[subprocess.Popen[bytes], int]:
    port = port_bebas()
    cmd = [
        str(VENV_BIN / "gunicorn"),
        "lontar.wsgi",
        "--pythonpath",
        f"site,.,{tmp}",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(opsi.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(opsi.threads),
        "--keep-alive",
        "30",
        "--log-level",
        "warning",
    ]
    log = (tmp / f"gunicorn-{mode}.log").open("wb")
    proc = subprocess.Popen(
        cmd,
        cwd=AKAR,
        env={**env, "LONTAR_BENCH_MODE": mode},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    tunggu_siap(port, proc)
    return proc, port


def hentikan(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def siapkan_data(tmp: Path, env: dict[str, str]) -> dict[str, str]:
    """Migrate and load the demo into the throwaway database; returns {name: path} of the pages."""
    skrip = textwrap.dedent(
        """
        import django
        django.setup()
        from django.apps import apps
        from django.core.management import call_command
        call_command("migrate", verbosity=0, interactive=False)
        call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True)
        berita = apps.get_model("publik", "BeritaPage").objects.live().public().order_by("path").first()
        assert berita is not None, "data demo tanpa berita"
        print("beranda=/")
        print("berita=" + berita.url)
        """
    )
    keluaran = subprocess.run(
        [sys.executable, "-c", skrip],
        cwd=AKAR,
        env={**env, "PYTHONPATH": os.pathsep.join([str(AKAR / "site"), str(AKAR), str(tmp)])},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(baris.split("=", 1) for baris in keluaran.splitlines() if "=" in baris)


def main() -> int:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--detik", type=float, default=5.0, help="seconds of load per mode and page")
    argumen.add_argument("--konkurensi", type=int, default=8, help="client threads (keep-alive connections)")
    argumen.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    argumen.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    argumen.add_argument("--pemanasan", type=float, default=1.0, help="seconds of warm-up per mode and page")
    opsi = argumen.parse_args()

    with tempfile.TemporaryDirectory(prefix="lontar-bench-publik-") as nama_tmp:
        tmp = Path(nama_tmp)
        (tmp / "bench_settings.py").write_text(SETTINGS)
        (tmp / "bench_urls_polos.py").write_text(URLS_POLOS)
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "CELERY_BROKER_URL"}
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "bench_settings",
                "LONTAR_DATA_DIR": str(tmp),
                "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
                "PATH": f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
            }
        )
        t0 = time.perf_counter()
        halaman = siapkan_data(tmp, env)
        print(f"migrasi + demo {time.perf_counter() - t0:.0f} s; halaman: {halaman}")
        print(
            f"gunicorn gthread {opsi.workers}×{opsi.threads}, {opsi.konkurensi} koneksi keep-alive, "
            f"{opsi.detik:.0f} s per halaman; cache Django: {'Redis' if os.environ.get('REDIS_URL') else 'LocMem'}"
        )

        hasil: dict[tuple[str, str], Hasil] = {}
        for mode in MODE:
            proc, port = server(mode, tmp, env, opsi)
            try:
                for nama, path in halaman.items():
                    # warm-up on every connection: each worker has rendered (and cached) the page
                    pemanasan = beban(port, path, opsi.pemanasan, opsi.konkurensi)
                    if pemanasan.galat or not pemanasan.permintaan:
                        raise RuntimeError(f"{mode} {path}: galat saat pemanasan (lihat {tmp}/gunicorn-{mode}.log)")
                    hasil[mode, nama] = beban(port, path, opsi.detik, opsi.konkurensi)
            finally:
                hentikan(proc)

        print()
        print(
            f"{'mode':<11} {'halaman':<8} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'hit':>6} {'galat':>6} {'× polos':>8}"
        )
        gagal = []
        for mode in MODE:
            for nama in halaman:
                h = hasil[mode, nama]
                rasio = h.rps / hasil["polos", nama].rps
                hit = f"{100 * h.hit / max(h.permintaan, 1):.0f}%"
                print(
                    f"{mode:<11} {nama:<8} {h.rps:>9.0f} {h.persen(50):>8.1f} {h.persen(95):>8.1f} "
                    f"{hit:>6} {h.galat:>6} {rasio:>8.1f}"
                )
                if h.galat:
                    gagal.append(f"{mode} {nama}: {h.galat} galat")
        print()
        for nama in halaman:
            rasio = hasil["cache", nama].rps / hasil["polos", nama].rps
            print(f"{nama}: rasio cache/polos = {rasio:.1f}× (target ≥ {GOAL_RASIO:.0f}×)")
            if rasio < GOAL_RASIO:
                gagal.append(f"{nama}: cache {rasio:.1f}× polos, kurang dari {GOAL_RASIO:.0f}×")
            if hasil["cache", nama].hit < hasil["cache", nama].permintaan:
                gagal.append(f"{nama}: tidak semua permintaan dilayani dari cache")
        for pesan in gagal:
            print(f"TARGET TIDAK TERCAPAI: {pesan}")
        return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
