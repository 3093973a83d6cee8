"""The approval chain through the services: submit, paraf, return, resubmit, sign, send."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from naskah import akses, layanan
from naskah.models import Kiriman, NaskahKeluarPage, Notifikasi, StatusNaskah
from templates_surat.models import NomorTerbit

pytestmark = pytest.mark.django_db


def test_rantai_lengkap_sampai_terkirim(buat_naskah, u, commit) -> None:
    naskah = buat_naskah()
    assert naskah.status == StatusNaskah.KONSEP
    assert naskah.get_parent().get_parent().specific.unit.kode == "DISKOMINFO"

    with commit():
        naskah = layanan.ajukan(naskah, u("operator"))
    assert naskah.status == StatusNaskah.DIAJUKAN
    assert layanan.tugas_aktif(naskah).task.specific.jabatan == u("kabid.ikp").pegawai.jabatan
    assert Notifikasi.objects.filter(user=u("kabid.ikp"), naskah=naskah, jenis="tugas").exists()

    with pytest.raises(layanan.GalatNaskah):  # not his task
        layanan.setujui(naskah, u("sek.diskominfo"))
    with commit():
        naskah = layanan.setujui(naskah, u("kabid.ikp"))
    with pytest.raises(layanan.GalatNaskah):
        layanan.kembalikan(naskah, u("sek.diskominfo"), "")  # comment required
    with commit():
        naskah = layanan.kembalikan(naskah, u("sek.diskominfo"), "Perbaiki dasar surat.")
    assert naskah.status == StatusNaskah.DIKEMBALIKAN
    assert Notifikasi.objects.filter(user=u("operator"), jenis="dikembalikan").exists()

    konsep = naskah.get_latest_revision_as_object()
    konsep.isian = {**konsep.isian, "dasar": "Surat Kepala Dinas Kesehatan Nomor 400.7/99/DINKES/2026"}
    konsep.save_revision(user=u("operator"))
    with commit():
        naskah = layanan.ajukan(naskah, u("operator"))
    assert naskah.status == StatusNaskah.DIAJUKAN
    assert layanan.tugas_aktif(naskah).task.specific.jabatan == u("sek.diskominfo").pegawai.jabatan
    with commit():
        naskah = layanan.setujui(naskah, u("sek.diskominfo"))
    with commit():
        naskah = layanan.setujui(naskah, u("pejabat"))

    # eager Celery: signing and sending ran after the approval committed
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte
    assert naskah.live
    assert naskah.nomor.endswith("/DISKOMINFO/" + str(naskah.tanggal_naskah.year))
    assert NomorTerbit.objects.filter(nomor=naskah.nomor).count() == 1
    assert naskah.revisi_final.content["isian"]["dasar"].endswith("400.7/99/DINKES/2026")
    assert naskah.berkas_ttd.name and naskah.hash_final
    assert set(Kiriman.objects.filter(naskah=naskah).values_list("peran", flat=True)) == {"penerima", "tembusan"}
    assert akses.dapat_melihat(u("kadinkes"), naskah)
    assert akses.dapat_melihat(u("sek.dinkes"), naskah)  # Plh Kepala Dinkes today
    assert akses.dapat_melihat(u("sekda"), naskah)
    assert not akses.dapat_melihat(u("staf.dinkes"), naskah)
    assert any("Naskah masuk" in m.subject for m in mail.outbox)
    aksi = set(PageLogEntry.objects.filter(page=naskah).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.workflow.reject"} <= aksi
    assert {layanan.AKSI_TANDA_TANGAN, layanan.AKSI_TERKIRIM} <= aksi


def test_tidak_bisa_diubah_setelah_ditandatangani(buat_naskah, u, commit) -> None:
    naskah = buat_naskah(pemaraf=())
    with commit():
        naskah = layanan.ajukan(naskah, u("operator"))
    with commit():
        naskah = layanan.setujui(naskah, u("pejabat"))
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM
    assert not naskah.permissions_for_user(u("operator")).can_edit()
    with pytest.raises(layanan.GalatNaskah):
        layanan.ajukan(naskah, u("operator"))
    with pytest.raises(layanan.GalatNaskah):
        layanan.setujui(naskah, u("pejabat"))  # twice
    assert NomorTerbit.objects.count() == 1


def test_ajukan_tanpa_penandatangan_ditolak(buat_naskah, u, commit) -> None:
    naskah = buat_naskah(penandatangan=None)
    with pytest.raises(layanan.GalatNaskah) as galat:
        layanan.ajukan(naskah, u("operator"))
    assert "penandatangan" in galat.value.galat
    assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.KONSEP


def test_penandatangan_tanpa_hak_ditolak(buat_naskah, u, commit) -> None:
    naskah = buat_naskah(penandatangan="staf")
    with pytest.raises(layanan.GalatNaskah) as galat:
        layanan.ajukan(naskah, u("operator"))
    assert "tidak berwenang" in " ".join(galat.value.galat["penandatangan"])
