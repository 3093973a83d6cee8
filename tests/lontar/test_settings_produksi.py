"""Production settings refuse to start without their required variables and pass
`check --deploy` cleanly when they are set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    buang = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in buang}
    base["DJANGO_SETTINGS_MODULE"] = "lontar.settings.production"
    base.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=base,
        cwd=ROOT,
        timeout=120,
    )


def test_produksi_menolak_tanpa_variabel_wajib(tmp_path: Path) -> None:
    hasil = _manage("check", env={"LONTAR_DATA_DIR": str(tmp_path)})
    assert hasil.returncode != 0
    baris = [b for b in hasil.stderr.splitlines() if b.strip()]
    assert baris == [
        "Lontar (produksi) tidak dapat dijalankan: variabel lingkungan wajib belum diisi: "
        "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL"
    ]


def test_produksi_menyebut_hanya_yang_kurang(tmp_path: Path) -> None:
    hasil = _manage(
        "check", env={"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "lontar.example.go.id", "LONTAR_DATA_DIR": str(tmp_path)}
    )
    assert hasil.returncode != 0
    assert hasil.stderr.strip().endswith("variabel lingkungan wajib belum diisi: DATABASE_URL")


def test_check_deploy_tanpa_peringatan(tmp_path: Path) -> None:
    hasil = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": "k8#Qz!v2@Lp9$wX4^rT7&yB1*eN6(mJ3)uH5_sD0+fG8=cV2-aZ4",
            "ALLOWED_HOSTS": "lontar.sukamajukota.go.id",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "LONTAR_DATA_DIR": str(tmp_path),
        },
    )
    assert hasil.returncode == 0, hasil.stderr
    assert "System check identified no issues (0 silenced)." in hasil.stdout
