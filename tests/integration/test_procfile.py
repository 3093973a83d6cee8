"""The processes `make run` starts (honcho: gunicorn web, Celery worker and beat)
come up on the embedded default and answer /healthz."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .proses import ROOT, env_tertanam, jalankan, port_bebas, tunggu

pytestmark = pytest.mark.integration


def _ambil(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:  # noqa: S310 - loopback only
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()
    except OSError:
        return 0, b""


def test_procfile_web_worker_beat(tmp_path: Path) -> None:
    env = env_tertanam(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    port = port_bebas()
    env.update({"PORT": str(port), "BIND_ADDRESS": "127.0.0.1", "WEB_CONCURRENCY": "1"})
    log = tmp_path / "honcho.log"
    base = f"http://127.0.0.1:{port}"
    with jalankan([sys.executable, "-m", "honcho", "start", "web", "worker", "beat"], env, log) as proc:
        try:
            tunggu(lambda: _ambil(f"{base}/healthz")[0] == 200, 90, "web tidak menjawab /healthz")
            tunggu(lambda: "ready." in log.read_text(), 60, "worker tidak siap")
            tunggu(lambda: "beat: Starting" in log.read_text(), 60, "beat tidak berjalan")
        except AssertionError:
            print(log.read_text())
            raise
        status, body = _ambil(f"{base}/healthz")
        assert json.loads(body)["checks"]["broker"] == {"status": "ok"}
        status, body = _ambil(f"{base}/admin/login/")
        assert status == 200
        css = [part.split('"')[0] for part in body.decode().split('href="')[1:] if ".css" in part.split('"')[0]]
        assert css and _ambil(f"{base}{css[0]}")[0] == 200  # admin CSS is served
        assert _ambil(f"{base}/")[0] == 200
        assert proc.poll() is None
