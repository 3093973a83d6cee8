"""`muat_demo` loads the demo organisation and is idempotent."""

from __future__ import annotations

import io

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core import serializers
from django.core.management import call_command

from organisasi.models import Jabatan, JenisUnit, Unit
from organisasi.peran import SEMUA_PERAN

pytestmark = pytest.mark.django_db

PERAN_AKUN = {
    "operator": "Operator",
    "pejabat": "Pejabat",
    "staf": "Staf",
    "arsiparis": "Arsiparis",
    "humas": "Humas",
    "admin": "Administrator",
}


def _snapshot() -> dict[str, str]:
    """Every row of every model, serialised, so a second load can be compared field by field."""
    hasil = {}
    for model in apps.get_models():
        if model._meta.app_label in {"sessions", "wagtailsearch", "admin"}:
            continue
        hasil[model._meta.label] = serializers.serialize("json", model._base_manager.order_by("pk"))
    return hasil


def test_muat_demo_dua_kali_tidak_mengubah_apa_pun() -> None:
    out = io.StringIO()
    call_command("muat_demo", stdout=out)
    pertama = _snapshot()
    call_command("muat_demo", stdout=io.StringIO())
    assert _snapshot() == pertama
    assert "operator" in out.getvalue()


def test_organisasi_demo_lengkap(demo: None) -> None:
    opd = Unit.objects.filter(jenis=JenisUnit.OPD)
    assert {u.kode for u in opd} >= {"SETDA", "DISKOMINFO", "DINKES"}
    for unit in opd:
        jabatan = Jabatan.objects.filter(unit__in=Unit.objects.turunan(unit))
        assert jabatan.filter(unit=unit, kepala_unit=True, pegawai__isnull=False).exists(), unit
        assert jabatan.filter(jenis__in=["administrator"], pegawai__isnull=False).exists(), unit
        assert jabatan.filter(jenis__in=["pelaksana", "fungsional"], pegawai__isnull=False).exists(), unit


def test_akun_per_peran_bisa_masuk_dengan_sandi_demo(demo: None, demo_password: str) -> None:
    assert set(PERAN_AKUN.values()) == set(SEMUA_PERAN)
    for username, peran in PERAN_AKUN.items():
        user = authenticate(username=username, password=demo_password)
        assert user is not None, username
        assert user.groups.filter(name=peran).exists()
        assert user.pegawai.jabatan.unit.opd.kode == "DISKOMINFO"
    assert authenticate(username="operator", password="salah") is None
    assert get_user_model().objects.filter(is_superuser=True).count() == 0
