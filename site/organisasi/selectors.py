"""Reads about who holds which jabatan on a given day (definitive or Plh/Plt).

Later apps assign work to a *jabatan*; these functions tell who may act on it.
"""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from .models import Delegasi, Jabatan, Pegawai


def pegawai_dari_user(user: AbstractBaseUser | AnonymousUser) -> Pegawai | None:
    if not user.is_authenticated:
        return None
    try:
        return Pegawai.objects.select_related("jabatan__unit").get(user_id=user.pk)
    except Pegawai.DoesNotExist:
        return None


def jabatan_aktif(pegawai: Pegawai, tanggal: datetime.date | None = None) -> list[Jabatan]:
    """The pegawai's own jabatan, then those delegated to them on `tanggal`."""
    hasil: list[Jabatan] = []
    if pegawai.jabatan_id is not None and pegawai.jabatan is not None and pegawai.jabatan.aktif:
        hasil.append(pegawai.jabatan)
    for delegasi in Delegasi.objects.berlaku(tanggal).filter(pegawai=pegawai).select_related("jabatan__unit"):
        if delegasi.jabatan not in hasil:
            hasil.append(delegasi.jabatan)
    return hasil


def pemegang_jabatan(jabatan: Jabatan, tanggal: datetime.date | None = None) -> list[Pegawai]:
    """Everyone who may act for `jabatan` on `tanggal`: the holder(s) and any Plh/Plt."""
    delegasi = Delegasi.objects.berlaku(tanggal).filter(jabatan=jabatan).values("pegawai_id")
    return list(
        Pegawai.objects.aktif().filter(Q(jabatan=jabatan) | Q(pk__in=delegasi)).select_related("user").order_by("nama")
    )
