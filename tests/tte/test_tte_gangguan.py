"""Signer outages in the letter chain with the remote (BSrE-style) signer: the fake
service is stopped while an official signs; the approval goes through, the letter waits
in "menunggu TTE" with the reason (Antrian TTE), other work goes on, the worker's
retries are cut short by the circuit breaker, and once the service is back the letter
is signed exactly once. An administrator can also switch to the local signer."""

from __future__ import annotations

from typing import Any
from unittest import mock
from urllib.parse import urlsplit

import palsu_bsre_bantu as bantu
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from palsu_bsre_bantu import NIK_PEJABAT, SANDI

from naskah import layanan, tasks
from naskah.models import NaskahKeluarPage, PengaturanTte, StatusNaskah
from naskah.penanda import GalatPenanda
from naskah.tte import bsre
from naskah.tte.verifikasi import periksa_pdf
from organisasi.models import Pegawai
from templates_surat.models import NomorTerbit, TemplateSuratPage

pytestmark = pytest.mark.django_db

layanan_bsre = bantu.layanan_bsre


@pytest.fixture(autouse=True)
def _penanda_bsre(settings: Any, layanan_bsre: Any) -> None:
    settings.LONTAR_PENANDA = "bsre"


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _diajukan(capture: Any, perihal: str = "Undangan rapat koordinasi TTE", pemaraf: tuple[str, ...] = ()) -> Any:
    naskah = layanan.buat_konsep(
        _user("operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal=perihal,
        isian={"dasar": "Rencana kerja 2026.", "isi_pokok": "Mohon hadir pada rapat koordinasi."},
        penerima=[_user("kadinkes").pegawai.jabatan],
        pemaraf=[_user(u).pegawai.jabatan for u in pemaraf],
        penandatangan=_user("pejabat").pegawai.jabatan,
    )
    with capture(execute=True):
        return layanan.ajukan(naskah, _user("operator"))


def test_layanan_mati_naskah_menunggu_lalu_ditandatangani_sekali(
    demo: None, layanan_bsre: Any, django_capture_on_commit_callbacks: Any, client: Any, settings: Any
) -> None:
    Pegawai.objects.filter(user__username="pejabat").update(nik=NIK_PEJABAT)
    capture = django_capture_on_commit_callbacks
    naskah = _diajukan(capture)
    port = urlsplit(layanan_bsre.url).port
    layanan_bsre.berhenti()  # the national service goes down

    retry = mock.Mock(side_effect=RuntimeError("dijadwalkan ulang"))
    with mock.patch.object(tasks.tandatangani_naskah, "retry", retry), capture(execute=True):
        layanan.setujui(naskah, _user("pejabat"), sandi=SANDI)  # the approval itself goes through
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.MENUNGGU_TTE and naskah.nomor
    assert "tidak dapat dihubungi" in naskah.galat_tte or "tidak tersedia" in naskah.galat_tte, naskah.galat_tte
    assert retry.called  # the worker schedules a retry with backoff

    # everything else goes on: another letter is drafted, submitted and initialled
    lain = _diajukan(capture, perihal="Laporan bulanan layanan publik", pemaraf=("kabid.ikp",))
    with capture(execute=True):
        layanan.setujui(lain, _user("kabid.ikp"))
    assert NaskahKeluarPage.objects.get(pk=lain.pk).status == StatusNaskah.DIAJUKAN

    # the signing official sees it waiting, with the reason
    client.force_login(_user("pejabat"))
    antrian = client.get(reverse("naskah:antrian_tte")).content.decode()
    assert naskah.nomor in antrian and naskah.galat_tte[:40] in antrian

    # the breaker opens after repeated failures: further retries do not call the service
    for _ in range(settings.LONTAR_BSRE_BATAS_GAGAL):
        with pytest.raises(GalatPenanda):  # raised for Celery's retry
            layanan.selesaikan_tte(naskah.pk)
    assert bsre.status_layanan()["terbuka"]

    # the service comes back on the same address; after the pause the retry signs, once
    layanan_bsre.mulai(port=port)
    bsre.pemutus().reset()  # stands for LONTAR_BSRE_JEDA seconds passing
    assert tasks.tandatangani_naskah.delay(naskah.pk).get() is True
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM and naskah.penanda_tte == "bsre" and naskah.galat_tte == ""
    assert layanan_bsre.tanda_tangan[NIK_PEJABAT] == 1
    # a late duplicate retry and the beat job change nothing
    assert tasks.tandatangani_naskah.delay(naskah.pk).get() is False
    tasks.proses_antrian_tte.delay().get()
    assert layanan_bsre.tanda_tangan[NIK_PEJABAT] == 1
    assert NomorTerbit.objects.count() == 1
    with naskah.berkas_ttd.open("rb") as f:
        assert periksa_pdf(f.read()).status == "penanda_tidak_dikenal"  # the fake's CA is not trusted here


def test_admin_beralih_ke_penanda_lokal(
    demo: None, layanan_bsre: Any, sertifikat: Any, django_capture_on_commit_callbacks: Any, client: Any
) -> None:
    from naskah.tte import titipan

    Pegawai.objects.filter(user__username="pejabat").update(nik=NIK_PEJABAT)
    capture = django_capture_on_commit_callbacks
    naskah = _diajukan(capture)
    layanan_bsre.berhenti()
    with (
        mock.patch.object(tasks.tandatangani_naskah, "retry", side_effect=RuntimeError("nanti")),
        capture(execute=True),
    ):
        layanan.setujui(naskah, _user("pejabat"), sandi=SANDI)
    assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.MENUNGGU_TTE

    # the administrator switches to the local signer in Pengaturan TTE
    client.force_login(_user("admin"))
    assert client.get(reverse("naskah:antrian_tte")).status_code == 200
    pengaturan = PengaturanTte.load()
    pengaturan.penanda = "lokal"
    pengaturan.save()
    # the held passphrase was for the remote service: the official gives the local one
    titipan.hapus(naskah.pk)
    client.force_login(_user("pejabat"))
    with capture(execute=True):
        client.post(reverse("naskah:sandi_tte", args=[naskah.pk]), {"sandi": "sandi-rahasia-123"})
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM and naskah.penanda_tte == "lokal"
    with naskah.berkas_ttd.open("rb") as f:
        assert periksa_pdf(f.read()).status == "sah"
