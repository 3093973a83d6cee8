"""Demo signing set-up (`muat_demo`): the local CA, and a certificate for every official
who may sign (definitive holders of a signing jabatan and their Plh/Plt) with the demo
password as passphrase; NIKs for the remote signer's demo. Idempotent."""

from __future__ import annotations

from django.db.models import Q

from organisasi.models import Pegawai

from ..models import SertifikatPegawai
from ..penanda import GalatSertifikat
from . import ca


def nik_demo(pegawai: Pegawai) -> str:
    """A 16-digit, made-up NIK (Kota Sukamaju area code 3279) derived from the NIP."""
    return ("3279" + pegawai.nip[-12:]).ljust(16, "0")[:16]


def muat(sandi: str) -> list[SertifikatPegawai]:
    ca.buat_ca()
    penanda = Pegawai.objects.filter(
        Q(jabatan__dapat_menandatangani=True) | Q(delegasi__jabatan__dapat_menandatangani=True)
    ).distinct()
    hasil = []
    for pegawai in penanda:
        if not pegawai.nik:
            pegawai.nik = nik_demo(pegawai)
            pegawai.save(update_fields=["nik"])
        try:
            sertifikat = ca.sertifikat_berlaku(pegawai)
        except GalatSertifikat:  # none yet, or expired: a fresh one
            sertifikat = ca.terbitkan(pegawai, sandi, ganti=True)
        hasil.append(sertifikat)
    return hasil
