"""Signing behind one interface. `penanda_aktif()` returns the backend chosen by
`LONTAR_PENANDA` (a name or a dotted path) unless an administrator picked one in
Pengaturan TTE. The built-in `StempelPersetujuan` stamps an
"approved by" note on the last page and records it in the PDF metadata; PAdES
backends (local CA, remote BSrE-style service) implement the same `Penanda`."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from organisasi.models import Pegawai

    from .models import NaskahKeluarPage


class GalatPenanda(Exception):
    """The signer is unreachable or failed; the letter stays "menunggu TTE" and the
    signature is retried with backoff."""


class GalatSandi(GalatPenanda):
    """The passphrase was refused. Not retried: the official enters it again."""


class GalatSertifikat(GalatPenanda):
    """No usable certificate (none issued, expired, revoked, unknown NIK). Not retried
    until an administrator fixes it."""


class Penanda(Protocol):
    nama: str
    # True when the official must give a passphrase at the final approval.
    butuh_sandi: bool

    def periksa_sandi(self, pegawai: Pegawai, sandi: str) -> None:
        """Check before the approval is recorded, as far as the backend can without
        signing: raise GalatSandi / GalatSertifikat (or GalatPenanda when unreachable)."""
        ...

    def tandatangani(self, pdf: bytes, *, naskah: NaskahKeluarPage, sandi: str) -> bytes:
        """The signed PDF; raise GalatSandi, GalatSertifikat or GalatPenanda."""
        ...


NAMA_PENANDA = {
    "lokal": "naskah.tte.lokal.PenandaLokal",
    "bsre": "naskah.tte.bsre.PenandaBsre",
    "stempel": "naskah.penanda.StempelPersetujuan",
}


def penanda(nama: str) -> Penanda:
    """The signer called `nama` ("lokal", "bsre", "stempel") or at a dotted path."""
    kelas = import_string(NAMA_PENANDA.get(nama, nama))
    return kelas()


def penanda_aktif() -> Penanda:
    """The administrator's choice (Pengaturan TTE) when made, else LONTAR_PENANDA."""
    from .models import PengaturanTte

    pilihan = PengaturanTte.load().penanda
    return penanda(pilihan or getattr(settings, "LONTAR_PENANDA", "lokal"))


class StempelPersetujuan:
    """Not a cryptographic signature: a visible, dated approval stamp with the signer's
    name, jabatan and NIP, and the same facts in the document metadata."""

    nama = "stempel"
    butuh_sandi = False

    def periksa_sandi(self, pegawai: Pegawai, sandi: str) -> None:
        return None

    def tandatangani(self, pdf: bytes, *, naskah: NaskahKeluarPage, sandi: str = "") -> bytes:
        from pypdf import PdfReader, PdfWriter
        from pypdf.errors import PdfReadError

        try:
            reader = PdfReader(io.BytesIO(pdf))
            writer = PdfWriter(clone_from=reader)
        except PdfReadError as exc:
            raise GalatPenanda(f"PDF tidak dapat dibaca: {exc}") from exc
        teks = self._teks(naskah)
        stempel = self._stempel(teks, writer.pages[-1].mediabox)
        writer.pages[-1].merge_page(stempel)
        writer.add_metadata({"/LontarDisetujuiOleh": teks, "/LontarNomor": naskah.nomor or ""})
        keluar = io.BytesIO()
        writer.write(keluar)
        return keluar.getvalue()

    @staticmethod
    def _teks(naskah: NaskahKeluarPage) -> str:
        from organisasi.models import Pegawai

        pegawai = Pegawai.objects.filter(user_id=naskah.ditandatangani_oleh_id).select_related("jabatan").first()
        waktu = timezone.localtime(naskah.ditandatangani_pada or timezone.now())
        nama = pegawai.nama if pegawai else str(naskah.ditandatangani_oleh_id)
        jabatan = naskah.penandatangan.nama if naskah.penandatangan is not None else ""
        nip = f", NIP {pegawai.nip}" if pegawai else ""
        return f"Disetujui secara elektronik oleh {nama}{nip} ({jabatan}) pada {waktu:%d-%m-%Y %H:%M} WIB"

    @staticmethod
    def _stempel(teks: str, kotak: Any) -> Any:
        from pypdf import PdfReader
        from weasyprint import HTML

        lebar_mm = float(kotak.width) / 72 * 25.4
        tinggi_mm = float(kotak.height) / 72 * 25.4
        html = (
            f"<style>@page{{size:{lebar_mm:.1f}mm {tinggi_mm:.1f}mm;margin:0}}"
            "p{position:absolute;left:20mm;right:20mm;bottom:8mm;margin:0;padding:1.5mm 2mm;"
            "border:0.4mm solid #1b5e20;color:#1b5e20;font:7.5pt sans-serif}</style>"
            f"<p>{_escape(teks)}</p>"
        )
        return PdfReader(io.BytesIO(HTML(string=html).write_pdf())).pages[0]


def _escape(teks: str) -> str:
    from django.utils.html import escape

    return str(escape(teks))
