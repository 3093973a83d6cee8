"""Helpers to run Lontar's real processes (Celery worker, honcho) in tests."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin"


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_LUAR = {
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def env_tertanam(data_dir: Path, **extra: str) -> dict[str, str]:
    """The embedded default of `make run`: no DATABASE_URL/REDIS_URL/broker from outside."""
    env = {k: v for k, v in os.environ.items() if k not in _LUAR}
    env.update(
        {
            "LONTAR_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "lontar.settings.dev",
            "PATH": f"{VENV_BIN}:{env.get('PATH', '')}",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


@contextmanager
def jalankan(cmd: list[str], env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()


def tunggu(kondisi, batas: float, pesan: str) -> None:  # type: ignore[no-untyped-def]
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if kondisi():
            return
        time.sleep(0.3)
    raise AssertionError(pesan)
