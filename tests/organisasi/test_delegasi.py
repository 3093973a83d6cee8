"""Plh/Plt: who may act for a jabatan on a given day."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from organisasi.factories import DelegasiFactory, JabatanFactory, PegawaiFactory
from organisasi.models import Delegasi, Jabatan, Pegawai
from organisasi.selectors import jabatan_aktif, pegawai_dari_user, pemegang_jabatan

pytestmark = pytest.mark.django_db

HARI = datetime.date(2026, 11, 24)


def test_plh_memegang_jabatan_hanya_dalam_rentang_tanggal() -> None:
    kepala = JabatanFactory(nama="Kepala Dinas Uji", kepala_unit=True, dapat_menandatangani=True)
    definitif = PegawaiFactory(jabatan=kepala)
    sekretaris = PegawaiFactory(jabatan=JabatanFactory(unit=kepala.unit, atasan=kepala))
    DelegasiFactory(jabatan=kepala, pegawai=sekretaris, mulai=HARI, selesai=HARI + datetime.timedelta(days=2))

    assert pemegang_jabatan(kepala, HARI - datetime.timedelta(days=1)) == [definitif]
    assert set(pemegang_jabatan(kepala, HARI)) == {definitif, sekretaris}
    assert set(pemegang_jabatan(kepala, HARI + datetime.timedelta(days=2))) == {definitif, sekretaris}
    assert pemegang_jabatan(kepala, HARI + datetime.timedelta(days=3)) == [definitif]

    assert jabatan_aktif(sekretaris, HARI) == [sekretaris.jabatan, kepala]
    assert jabatan_aktif(sekretaris, HARI + datetime.timedelta(days=3)) == [sekretaris.jabatan]


def test_pegawai_nonaktif_tidak_memegang_jabatan() -> None:
    jabatan = JabatanFactory()
    PegawaiFactory(jabatan=jabatan, aktif=False)
    assert pemegang_jabatan(jabatan, HARI) == []


def test_delegasi_tumpang_tindih_dan_tanggal_terbalik_ditolak() -> None:
    kepala = JabatanFactory()
    a, b = PegawaiFactory(), PegawaiFactory()
    DelegasiFactory(jabatan=kepala, pegawai=a, mulai=HARI, selesai=HARI + datetime.timedelta(days=5))

    tumpang = Delegasi(
        jabatan=kepala, pegawai=b, mulai=HARI + datetime.timedelta(days=3), selesai=HARI + datetime.timedelta(days=8)
    )
    with pytest.raises(ValidationError, match="bertumpang tindih"):
        tumpang.full_clean()

    terbalik = Delegasi(jabatan=JabatanFactory(), pegawai=b, mulai=HARI, selesai=HARI - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as err:
        terbalik.full_clean()
    assert "selesai" in err.value.message_dict


def test_delegasi_kepada_pemegang_definitif_ditolak() -> None:
    pegawai = PegawaiFactory()
    delegasi = Delegasi(jabatan=pegawai.jabatan, pegawai=pegawai, mulai=HARI, selesai=HARI)
    with pytest.raises(ValidationError) as err:
        delegasi.full_clean()
    assert "pegawai" in err.value.message_dict


def test_demo_memuat_plh_kepala_dinkes(demo: None) -> None:
    kadinkes = Jabatan.objects.get(nama="Kepala Dinas Kesehatan")
    nama = {p.user.username for p in pemegang_jabatan(kadinkes)}
    assert nama == {"kadinkes", "sek.dinkes"}
    sek = Pegawai.objects.get(user__username="sek.dinkes")
    assert pegawai_dari_user(sek.user) == sek
