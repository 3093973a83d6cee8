"""Faults and edge cases of the chain: the broker or the signer is down at signing,
a Plh acts for the post, and Wagtail's revision compare between konsep."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from naskah import layanan, tasks
from naskah.models import NaskahKeluarPage, StatusNaskah
from naskah.penanda import GalatPenanda
from organisasi.models import Delegasi
from templates_surat.models import NomorTerbit

pytestmark = pytest.mark.django_db


def _sampai_ttd(buat_naskah, u, commit) -> NaskahKeluarPage:
    naskah = buat_naskah(pemaraf=())
    with commit():
        return layanan.ajukan(naskah, u("operator"))


def test_broker_mati_saat_ttd_naskah_menunggu_lalu_selesai(buat_naskah, u, commit) -> None:
    naskah = _sampai_ttd(buat_naskah, u, commit)
    with mock.patch.object(tasks.tandatangani_naskah, "delay", side_effect=ConnectionError("broker mati")), commit():
        layanan.setujui(naskah, u("pejabat"))
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.MENUNGGU_TTE  # approved and numbered; nothing lost
    assert naskah.nomor and NomorTerbit.objects.count() == 1

    # the beat job picks up letters waiting longer than two minutes once the worker is back
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(
        ditandatangani_pada=timezone.now() - datetime.timedelta(minutes=5)
    )
    with commit():
        assert tasks.proses_antrian_tte.delay().get() == 1
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM
    assert NomorTerbit.objects.count() == 1
    # running the signing again changes nothing (idempotent)
    assert layanan.selesaikan_tte(naskah.pk) is False


def test_penanda_gagal_dicatat_dan_dicoba_ulang(buat_naskah, u, commit) -> None:
    naskah = _sampai_ttd(buat_naskah, u, commit)
    gagal = GalatPenanda("layanan TTE tidak menjawab")
    with (
        mock.patch("naskah.penanda.StempelPersetujuan.tandatangani", side_effect=gagal),
        mock.patch.object(tasks.tandatangani_naskah, "retry", side_effect=RuntimeError("dijadwalkan ulang")) as retry,
        commit(),
    ):
        layanan.setujui(naskah, u("pejabat"))  # the approval itself succeeds; signing is queued
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.MENUNGGU_TTE
    assert "tidak menjawab" in naskah.galat_tte
    assert retry.called
    # the signer is back: the next attempt signs and sends
    assert layanan.selesaikan_tte(naskah.pk) is True
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM and naskah.galat_tte == ""


def test_pdf_final_berubah_ditolak(buat_naskah, u, commit) -> None:
    naskah = _sampai_ttd(buat_naskah, u, commit)
    with mock.patch.object(tasks.tandatangani_naskah, "delay"), commit():
        layanan.setujui(naskah, u("pejabat"))
    naskah.refresh_from_db()
    with naskah.berkas_final.open("ab") as f:
        f.write(b"%% diubah")
    assert layanan.selesaikan_tte(naskah.pk) is False
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.MENUNGGU_TTE and "berubah" in naskah.galat_tte


def test_plh_menandatangani_untuk_jabatan(buat_naskah, u, jab, commit) -> None:
    """sek.dinkes is Plh Kepala Dinas Kesehatan today: the post's task is his to act on."""
    assert Delegasi.objects.filter(pegawai__user__username="sek.dinkes").exists()
    naskah = buat_naskah("operator.dinkes", pemaraf=(), penandatangan="kadinkes", penerima=("pejabat",), tembusan=())
    with commit():
        naskah = layanan.ajukan(naskah, u("operator.dinkes"))
    assert naskah.tugas_jabatan == jab("kadinkes")
    with pytest.raises(layanan.GalatNaskah):
        layanan.setujui(naskah, u("kabid.yankes"))
    with commit():
        layanan.setujui(naskah, u("sek.dinkes"))
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM
    assert naskah.ditandatangani_oleh == u("sek.dinkes")
    assert naskah.nomor.endswith("/DINKES/" + str(naskah.tanggal_naskah.year))


def test_bandingkan_revisi_konsep(buat_naskah, u, client) -> None:
    naskah = buat_naskah()
    pertama = naskah.get_latest_revision()
    konsep = naskah.get_latest_revision_as_object()
    konsep.perihal = "Permohonan dukungan publikasi vaksinasi campak"
    kedua = konsep.save_revision(user=u("operator"))
    client.force_login(u("operator"))
    respons = client.get(f"/admin/naskah/{naskah.pk}/bandingkan/{pertama.pk}...{kedua.pk}/")
    assert respons.status_code == 200
    assert "campak" in respons.content.decode()
    halaman = client.get(f"/admin/naskah/{naskah.pk}/").content.decode()
    assert f"/admin/naskah/{naskah.pk}/bandingkan/{pertama.pk}...{kedua.pk}/" in halaman
    client.force_login(u("staf.dinkes"))  # may not read the letter: no revisions either
    assert client.get(f"/admin/pages/{naskah.pk}/revisions/compare/{pertama.pk}...{kedua.pk}/").status_code != 200
    assert client.get(f"/admin/naskah/{naskah.pk}/bandingkan/{pertama.pk}...{kedua.pk}/").status_code == 404
