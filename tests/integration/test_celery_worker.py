"""A real Celery worker takes tasks from the embedded filesystem broker (what
`make run` uses) and, in CI, from Redis."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from celery import Celery

from .proses import env_tertanam, jalankan

pytestmark = pytest.mark.integration

BROKER = ["filesystem"] + (["redis"] if os.environ.get("REDIS_URL") else [])


def _klien(jenis: str, data_dir: Path) -> Celery:
    if jenis == "redis":
        url = os.environ["REDIS_URL"]
        return Celery(broker=url, backend=url)
    antrian = data_dir / "celery"
    for sub in ("queue", "processed", "control", "results"):
        (antrian / sub).mkdir(parents=True, exist_ok=True)
    return Celery(
        broker="filesystem://",
        backend=f"file://{antrian / 'results'}",
        broker_transport_options={
            "data_folder_in": str(antrian / "queue"),
            "data_folder_out": str(antrian / "queue"),
            "processed_folder": str(antrian / "processed"),
            "control_folder": str(antrian / "control"),
            "store_processed": False,
            "polling_interval": 0.1,
        },
    )


@pytest.mark.parametrize("jenis", BROKER)
def test_worker_menjalankan_tugas(jenis: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Celery reads these variables before its configuration; the client below must
    # talk to the same broker as the worker it starts.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    monkeypatch.delenv("CELERY_RESULT_BACKEND", raising=False)
    extra = {"REDIS_URL": os.environ["REDIS_URL"]} if jenis == "redis" else {}
    env = env_tertanam(tmp_path, **extra)
    klien = _klien(jenis, tmp_path)
    cmd = [sys.executable, "-m", "celery", "-A", "lontar", "worker", "--pool", "solo", "--loglevel", "info"]
    env["PYTHONPATH"] = "site:."
    with jalankan(cmd, env, tmp_path / "worker.log") as proc:
        hasil = klien.send_task("lontar.ping")
        try:
            assert hasil.get(timeout=60) == "pong"
        except Exception:
            print((tmp_path / "worker.log").read_text())
            raise
        assert proc.poll() is None
