"""Fixtures of the PPID tests: a minimal unit and staff accounts (without the full demo),
and a valid request form payload."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache

from organisasi.models import Unit


@pytest.fixture(autouse=True)
def _kosongkan_cache() -> None:
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()


@pytest.fixture
def unit(db: None) -> Unit:
    return Unit.objects.create(nama="Dinas Komunikasi dan Informatika", kode="DISKOMINFO", jenis="opd")


def _user(username: str, *izin: str) -> Any:
    user = get_user_model().objects.create_user(username=username, password="x", email=f"{username}@contoh.id")
    for kode in izin:
        app_label, codename = kode.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def petugas(db: None) -> Any:
    """A PPID officer who may see personal data (like the Humas role)."""
    return _user(
        "petugas",
        "wagtailadmin.access_admin",
        "ppid.view_permohonaninformasi",
        "ppid.change_permohonaninformasi",
        "ppid.lihat_data_pemohon",
        "ppid.view_keberatan",
    )


@pytest.fixture
def atasan(db: None) -> Any:
    """Handles requests with masked personal data and answers objections."""
    return _user(
        "atasan",
        "wagtailadmin.access_admin",
        "ppid.view_permohonaninformasi",
        "ppid.change_permohonaninformasi",
        "ppid.view_keberatan",
        "ppid.tanggapi_keberatan",
    )


@pytest.fixture
def data_permohonan() -> dict[str, str]:
    return {
        "nama": "Budi Santoso",
        "jenis_identitas": "nik",
        "nomor_identitas": "3273011204900003",
        "alamat": "Jl. Asia Afrika No. 8, Bandung",
        "email": "budi@contoh.id",
        "telepon": "0812-3456-7890",
        "rincian": "Salinan ringkasan APBD 2026.",
        "tujuan": "Penelitian.",
        "cara_memperoleh": "softcopy",
        "cara_salinan": "email",
        "situs_web": "",
    }


@pytest.fixture
def dip(db: None) -> Any:
    """The DIP page and the demo items on a minimal unit tree — much faster than `demo`."""
    from organisasi.demo import PEMKOT
    from ppid import demo as demo_ppid
    from publik.demo import pastikan_beranda

    pastikan_beranda()
    pemkot = Unit.objects.create(nama=PEMKOT[0], kode=PEMKOT[1], jenis="pemda")
    for kode in ("SETDA", "DISKOMINFO", "DINKES"):
        opd = Unit.objects.create(nama=f"Unit {kode}", kode=kode, jenis="opd", induk=pemkot)
        for sub in {"SETDA": ["HUKUM"], "DINKES": ["P2P"]}.get(kode, []):
            Unit.objects.create(nama=f"Unit {kode}/{sub}", kode=sub, jenis="bidang", induk=opd)
    halaman = demo_ppid._halaman()
    demo_ppid._item()
    return halaman


@pytest.fixture
def pengelola_dip(db: None) -> Any:
    return _user(
        "pengelola",
        "wagtailadmin.access_admin",
        *(f"ppid.{aksi}_informasipublik" for aksi in ("add", "change", "delete", "view")),
    )


@pytest.fixture
def demo(db: None) -> None:
    """The demo with the public site and the PPID samples (DIP page, requests)."""
    from django.core.management import call_command

    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True)
