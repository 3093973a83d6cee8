from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from organisasi.peran import IZIN_MODEL, SEMUA_PERAN, siapkan_peran

pytestmark = pytest.mark.django_db


def _kode(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_migrate_membuat_semua_peran_dengan_izinnya() -> None:
    assert set(Group.objects.filter(name__in=SEMUA_PERAN).values_list("name", flat=True)) == set(SEMUA_PERAN)
    for nama in SEMUA_PERAN:
        assert _kode(Group.objects.get(name=nama)) == set(IZIN_MODEL[nama]), nama


def test_siapkan_peran_idempoten_dan_mencabut_izin_liar() -> None:
    operator = Group.objects.get(name="Operator")
    liar = Permission.objects.get(codename="delete_unit")
    operator.permissions.add(liar)

    call_command("siapkan_peran", stdout=open("/dev/null", "w"))  # noqa: SIM115
    siapkan_peran()

    assert liar not in operator.permissions.all()
    assert _kode(operator) == set(IZIN_MODEL["Operator"])
    assert Group.objects.filter(name="Operator").count() == 1


def test_humas_boleh_menyunting_situs_publik_tanpa_menerbitkan() -> None:
    izin = set(GroupPagePermission.objects.filter(group__name="Humas").values_list("permission__codename", flat=True))
    assert {"add_page", "change_page"} <= izin
    assert "publish_page" not in izin
