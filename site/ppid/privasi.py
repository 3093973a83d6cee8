"""Personal data of requesters (NIK, alamat, e-mail, telepon) is shown only to holders of
`ppid.lihat_data_pemohon`; everyone else — in admin pages, exports and anything logged —
gets masked values. One place decides, so the list, the detail and the CSV agree."""

from __future__ import annotations

from typing import Any

from .models import PermohonanInformasi

IZIN_DATA_PEMOHON = "ppid.lihat_data_pemohon"
TERSAMAR = "••••"


def boleh_lihat_data(user: Any) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(IZIN_DATA_PEMOHON))


def samarkan_nomor(nilai: str, depan: int = 2, belakang: int = 2) -> str:
    """Keep a few leading/trailing characters of an identity or phone number."""
    nilai = nilai or ""
    if len(nilai) <= depan + belakang:
        return TERSAMAR
    return f"{nilai[:depan]}{'•' * (len(nilai) - depan - belakang)}{nilai[-belakang:]}"


def samarkan_email(nilai: str) -> str:
    lokal, _at, domain = (nilai or "").partition("@")
    if not domain:
        return TERSAMAR
    return f"{lokal[:1]}{TERSAMAR}@{domain}"


def data_pemohon(user: Any, permohonan: PermohonanInformasi) -> dict[str, str]:
    """The requester's contact data as `user` may see it."""
    if boleh_lihat_data(user):
        return {
            "nomor_identitas": permohonan.nomor_identitas,
            "alamat": permohonan.alamat,
            "email": permohonan.email,
            "telepon": permohonan.telepon,
        }
    return {
        "nomor_identitas": samarkan_nomor(permohonan.nomor_identitas, 4, 2),
        "alamat": TERSAMAR,
        "email": samarkan_email(permohonan.email),
        "telepon": samarkan_nomor(permohonan.telepon, 4, 2),
    }
