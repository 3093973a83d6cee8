"""DOCX → PDF with headless LibreOffice (for uploaded .docx templates).

Each call uses its own temporary profile and HOME, so conversions can run in
parallel and nothing is written outside the temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from pathlib import Path

from . import GalatRender, LibreOfficeTidakTersedia

PESAN_TIDAK_TERSEDIA = (
    "LibreOffice tidak terpasang di server; PDF dari template DOCX unggahan memerlukan LibreOffice "
    "(paket libreoffice-writer-nogui)."
)


def cari_soffice() -> str:
    """Path of `soffice` (env LONTAR_SOFFICE overrides PATH); raises LibreOfficeTidakTersedia."""
    nama = os.environ.get("LONTAR_SOFFICE") or "soffice"
    path = shutil.which(nama)
    if path is None:
        raise LibreOfficeTidakTersedia(PESAN_TIDAK_TERSEDIA)
    return path


def docx_ke_pdf(docx: bytes, *, batas_waktu: int = 120) -> bytes:
    """Convert DOCX bytes to PDF bytes; raises GalatRender on failure or after `batas_waktu` seconds."""
    soffice = cari_soffice()
    if not zipfile.is_zipfile(io.BytesIO(docx)):
        raise GalatRender("Berkas bukan DOCX yang sah, sehingga LibreOffice tidak dapat mengubahnya menjadi PDF.")
    with tempfile.TemporaryDirectory(prefix="lontar-lo-") as tmp:
        folder = Path(tmp)
        masukan = folder / "naskah.docx"
        masukan.write_bytes(docx)
        keluaran = folder / "keluaran"
        perintah = [
            soffice,
            f"-env:UserInstallation={(folder / 'profil').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--infilter=MS Word 2007 XML",  # DOCX only: never guess another format from the content
            "--convert-to",
            "pdf",
            "--outdir",
            str(keluaran),
            str(masukan),
        ]
        env = {**os.environ, "HOME": str(folder), "TMPDIR": str(folder)}
        proses = subprocess.Popen(  # noqa: S603 - fixed argument list, no shell
            perintah, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=folder, start_new_session=True
        )
        try:
            stdout, stderr = proses.communicate(timeout=batas_waktu)
        except subprocess.TimeoutExpired as exc:
            _hentikan(proses)
            raise GalatRender(f"LibreOffice tidak selesai mengonversi DOCX ke PDF dalam {batas_waktu} detik.") from exc
        pdf = keluaran / "naskah.pdf"
        if proses.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            rincian = " ".join((stderr or stdout).decode(errors="replace").split())[-300:]
            raise GalatRender(
                f"LibreOffice gagal mengonversi DOCX ke PDF (kode {proses.returncode})"
                + (f": {rincian}" if rincian else ".")
            )
        return pdf.read_bytes()


def _hentikan(proses: subprocess.Popen[bytes]) -> None:
    """Kill soffice and the soffice.bin it started (same session)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proses.pid, signal.SIGKILL)
    proses.communicate()
