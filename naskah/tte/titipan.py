"""The signing passphrase between the official's approval and the worker's signature.

Why held at all: signing runs in a Celery task after the approval commits (the remote
signer may be slow or down), so the passphrase the official typed must reach the
worker. Choices, safest first:
- never in the Celery message (the broker is Redis or a folder, readable by operators)
  and never logged: the task only gets the letter id;
- Fernet-encrypted (AES-128-CBC + HMAC) with a key derived from SECRET_KEY by HKDF, in
  the database row `TitipanSandi`, so a leaked database dump alone reveals nothing;
- for LONTAR_TTE_TITIPAN_MENIT minutes at most (default 30): enough for the retries
  of a short outage; once expired, the row is purged and the official types the
  passphrase again in Antrian TTE — a long outage never keeps a secret around;
- deleted the moment the signature is made or the passphrase is refused.
"""

from __future__ import annotations

import base64
import datetime
from typing import TYPE_CHECKING, Any

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.utils import timezone

from ..models import PercobaanSandi, TitipanSandi

if TYPE_CHECKING:
    from ..models import NaskahKeluarPage

JENDELA_PERCOBAAN = datetime.timedelta(minutes=15)


def _fernet() -> Fernet:
    kunci = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"lontar:titipan-sandi").derive(
        settings.SECRET_KEY.encode()
    )
    return Fernet(base64.urlsafe_b64encode(kunci))


def titipkan(naskah: NaskahKeluarPage, user: Any, sandi: str) -> None:
    """Hold the passphrase for the letter's signature (replacing an older one)."""
    TitipanSandi.objects.update_or_create(
        naskah=naskah,
        defaults={
            "user": user,
            "sandi_terenkripsi": _fernet().encrypt(sandi.encode()).decode(),
            "kedaluwarsa": timezone.now() + datetime.timedelta(minutes=settings.LONTAR_TTE_TITIPAN_MENIT),
        },
    )


def ambil(naskah_id: int) -> str | None:
    """The held passphrase, or None when there is none, it expired, or SECRET_KEY changed."""
    titipan = TitipanSandi.objects.filter(naskah_id=naskah_id, kedaluwarsa__gt=timezone.now()).first()
    if titipan is None:
        return None
    try:
        return _fernet().decrypt(titipan.sandi_terenkripsi.encode()).decode()
    except InvalidToken:
        return None


def ada(naskah_id: int) -> bool:
    return TitipanSandi.objects.filter(naskah_id=naskah_id, kedaluwarsa__gt=timezone.now()).exists()


def hapus(naskah_id: int) -> None:
    TitipanSandi.objects.filter(naskah_id=naskah_id).delete()


def bersihkan() -> int:
    """Delete expired passphrases (beat job)."""
    jumlah, _ = TitipanSandi.objects.filter(kedaluwarsa__lte=timezone.now()).delete()
    return jumlah


def catat_percobaan(user: Any, naskah_id: int | None, *, berhasil: bool, penanda: str, ip: str | None = None) -> None:
    PercobaanSandi.objects.create(user=user, naskah_id=naskah_id, berhasil=berhasil, penanda=penanda, alamat_ip=ip)


def terkunci_sampai(user: Any) -> datetime.datetime | None:
    """When the official may try again after too many wrong passphrases, or None."""
    batas = settings.LONTAR_TTE_BATAS_PERCOBAAN
    sejak = timezone.now() - JENDELA_PERCOBAAN
    gagal = list(
        PercobaanSandi.objects.filter(user=user, berhasil=False, waktu__gte=sejak)
        .order_by("-waktu")
        .values_list("waktu", flat=True)[:batas]
    )
    if len(gagal) < batas:
        return None
    terakhir_berhasil = PercobaanSandi.objects.filter(user=user, berhasil=True, waktu__gte=gagal[-1]).exists()
    if terakhir_berhasil:
        return None
    return gagal[-1] + JENDELA_PERCOBAAN
