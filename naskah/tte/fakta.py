"""What the public verification page (QR code) may say about a signed letter: facts
from the database, and the stored signed PDF checked again (pyHanko) — cached by its
hash, the file never changes. Rahasia letters show no perihal."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext as _

from ..models import NaskahKeluarPage, StatusNaskah


@dataclasses.dataclass(frozen=True)
class FaktaVerifikasi:
    sah: bool
    keterangan: str
    nomor: str
    perihal: str  # "" for Rahasia / Sangat Rahasia
    rahasia: bool
    penanda_nama: str
    penanda_jabatan: str
    waktu: datetime.datetime | None
    hash_dokumen: str
    naskah: NaskahKeluarPage


def _status_berkas(naskah: NaskahKeluarPage) -> tuple[bool, str]:
    kunci = f"lontar:verifikasi:{naskah.pk}:{naskah.hash_ttd}"
    tersimpan = cache.get(kunci)
    if tersimpan is not None:
        return bool(tersimpan[0]), str(tersimpan[1])
    with naskah.berkas_ttd.open("rb") as f:
        data = f.read()
    if hashlib.sha256(data).hexdigest() != naskah.hash_ttd:
        hasil = (False, _("Berkas bertanda tangan di server tidak sama dengan yang ditandatangani."))
    else:
        from .verifikasi import periksa_pdf

        periksa = periksa_pdf(data)
        hasil = (periksa.status == "sah", str(periksa.pesan))
    cache.set(kunci, list(hasil), 3600)
    return hasil


def fakta_kode(kode: str) -> FaktaVerifikasi | None:
    """The facts behind a verification code, or None when no letter carries it."""
    if not kode or len(kode) > 32:
        return None
    naskah: Any = (
        NaskahKeluarPage.objects.filter(kode_verifikasi=kode)
        .select_related("penandatangan", "ditandatangani_oleh__pegawai")
        .first()
    )
    if naskah is None:
        return None
    pegawai = getattr(naskah.ditandatangani_oleh, "pegawai", None)
    if naskah.status != StatusNaskah.TERKIRIM or not naskah.berkas_ttd:
        sah, keterangan = False, _("Naskah ini sudah disetujui tetapi tanda tangan elektroniknya belum selesai.")
    else:
        sah, keterangan = _status_berkas(naskah)
    return FaktaVerifikasi(
        sah=sah,
        keterangan=keterangan,
        nomor=naskah.nomor,
        perihal="" if naskah.rahasia else naskah.perihal,
        rahasia=naskah.rahasia,
        penanda_nama=pegawai.nama if pegawai else "",
        penanda_jabatan=naskah.penandatangan.nama if naskah.penandatangan else "",
        waktu=naskah.ditandatangani_pada,
        hash_dokumen=naskah.hash_ttd,
        naskah=naskah,
    )
