"""Two holders of the penandatangan's post (the definitive holder and a Plh) approve
the last task at the same moment, in two processes: one signs, the other gets a clear
error; one number is taken, the letter is signed once.

Runs on the configured database (PostgreSQL in CI: the task state row is locked with
SELECT … FOR UPDATE; SQLite locally: IMMEDIATE transactions serialise the writers)."""

from __future__ import annotations

import datetime
import multiprocessing
import traceback
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from naskah import layanan
from naskah.models import NaskahKeluarPage, StatusNaskah
from organisasi.models import Delegasi, Pegawai
from templates_surat.models import NomorTerbit, TemplateSuratPage

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _setujui(naskah_id: int, username: str, mulai: Barrier, antrean: Any) -> None:
    connections.close_all()  # our own connection to the test database
    try:
        user = get_user_model().objects.get(username=username)
        naskah = NaskahKeluarPage.objects.get(pk=naskah_id)
        mulai.wait(timeout=60)
        try:
            layanan.setujui(naskah, user)
            antrean.put(("ok", username))
        except layanan.GalatNaskah as exc:
            antrean.put(("ditolak", exc.pesan))
    except BaseException:
        antrean.put(("galat", traceback.format_exc()))
        raise
    finally:
        connections.close_all()


def test_dua_pejabat_menyetujui_bersamaan() -> None:
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
    User = get_user_model()  # noqa: N806
    pejabat = Pegawai.objects.get(user__username="pejabat")
    plh = Pegawai.objects.get(user__username="sek.diskominfo")
    hari_ini = timezone.localdate()
    Delegasi.objects.create(
        jabatan=pejabat.jabatan, pegawai=plh, mulai=hari_ini, selesai=hari_ini + datetime.timedelta(days=1)
    )
    naskah = layanan.buat_konsep(
        User.objects.get(username="operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal="Uji persetujuan bersamaan",
        isian={"dasar": "Uji", "isi_pokok": "Uji dua klik di dua tempat."},
        penerima=[Pegawai.objects.get(user__username="kadinkes").jabatan],
        penandatangan=pejabat.jabatan,
    )
    naskah = layanan.ajukan(naskah, User.objects.get(username="operator"))
    assert naskah.tugas_jabatan_id == pejabat.jabatan_id
    connections.close_all()

    konteks = multiprocessing.get_context("fork")
    antrean = konteks.Queue()
    mulai = konteks.Barrier(2)
    proses = [
        konteks.Process(target=_setujui, args=(naskah.pk, username, mulai, antrean))
        for username in ("pejabat", "sek.diskominfo")
    ]
    for p in proses:
        p.start()
    hasil = sorted(antrean.get(timeout=300) for _ in proses)
    for p in proses:
        p.join(timeout=60)

    assert [h[0] for h in hasil] == ["ditolak", "ok"], hasil
    assert "sudah" in hasil[0][1]  # "Tugas ini sudah diproses…" or "sudah ditandatangani"
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM
    assert NomorTerbit.objects.filter(referensi=f"naskah:{naskah.pk}").count() == 1
    assert NomorTerbit.objects.count() == 1
