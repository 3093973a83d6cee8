"""The numbering engine: tokens, padding, scopes, yearly reset, voiding."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from organisasi.factories import UnitFactory
from organisasi.models import Unit
from templates_surat import penomoran
from templates_surat.models import JenisNaskah, NomorTerbit, PolaNomor, StatusNomor

pytestmark = pytest.mark.django_db

HARI = datetime.date(2026, 11, 24)


@pytest.fixture
def jenis() -> JenisNaskah:
    return JenisNaskah.objects.get(kode="ST")


def _pola(pola: str = "{klasifikasi}/{urut}/{unit}/{tahun}", **kwargs: object) -> PolaNomor:
    return PolaNomor.objects.create(nama=f"Pola {PolaNomor.objects.count()}", pola=pola, **kwargs)


def _alokasi(pola: PolaNomor, unit, jenis, tanggal=HARI) -> str:  # type: ignore[no-untyped-def]
    return penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="800.1.11.1", tanggal=tanggal).nomor


def test_semua_token(jenis: JenisNaskah) -> None:
    unit = UnitFactory(kode="DISKOMINFO")
    pola = _pola("{klasifikasi}/{urut:3}/{unit}/{jenis}/{bulan_romawi}/{bulan}/{tahun}")
    assert _alokasi(pola, unit, jenis) == "800.1.11.1/001/DISKOMINFO/ST/XI/11/2026"


def test_digit_urut_dan_tanpa_padding(jenis: JenisNaskah) -> None:
    unit = UnitFactory(kode="DINKES")
    assert _alokasi(_pola(digit_urut=4), unit, jenis) == "800.1.11.1/0001/DINKES/2026"
    assert _alokasi(_pola(), unit, jenis) == "800.1.11.1/1/DINKES/2026"


@pytest.mark.parametrize(
    ("pola", "pesan"),
    [
        ("{klasifikasi}/{nomor}/{tahun}", "Token tidak dikenal: {nomor}"),
        ("{klasifikasi}/{unit}/{tahun}", "harus memuat {urut}"),
        ("{klasifikasi}/{urut/{tahun}", "tidak seimbang"),
        ("", "tidak boleh kosong"),
        ("{urut}/{tahun:2}", "Hanya {urut}"),
    ],
)
def test_pola_salah_ditolak(pola: str, pesan: str) -> None:
    with pytest.raises(ValidationError) as err:
        PolaNomor(nama="Salah", pola=pola).full_clean()
    assert pesan in " ".join(err.value.message_dict["pola"])


def test_pratinjau_sama_dengan_alokasi_berikutnya(jenis: JenisNaskah) -> None:
    unit = UnitFactory(kode="SETDA")
    pola = _pola()
    _alokasi(pola, unit, jenis)
    pratinjau = penomoran.pratinjau_berikutnya(pola, unit=unit, jenis=jenis, klasifikasi="800.1.11.1", tanggal=HARI)
    assert pratinjau == "800.1.11.1/2/SETDA/2026"
    assert NomorTerbit.objects.count() == 1  # preview takes nothing
    assert _alokasi(pola, unit, jenis) == pratinjau


def test_lingkup_per_unit_per_jenis_dan_bersama(jenis: JenisNaskah) -> None:
    a, b = UnitFactory(kode="A"), UnitFactory(kode="B")
    und = JenisNaskah.objects.get(kode="UND")
    per_unit = _pola("{urut}/{unit}")
    assert [_alokasi(per_unit, a, jenis), _alokasi(per_unit, b, jenis), _alokasi(per_unit, a, jenis)] == [
        "1/A",
        "1/B",
        "2/A",
    ]
    bersama = _pola("{urut}/{unit}", per_unit=False)
    assert [_alokasi(bersama, a, jenis), _alokasi(bersama, b, jenis)] == ["1/A", "2/B"]
    per_jenis = _pola("{urut}/{jenis}", per_unit=False, per_jenis=True)
    assert [_alokasi(per_jenis, a, jenis), _alokasi(per_jenis, a, und), _alokasi(per_jenis, b, jenis)] == [
        "1/ST",
        "1/UND",
        "2/ST",
    ]


def test_penghitung_diulang_setiap_tahun(jenis: JenisNaskah) -> None:
    unit = UnitFactory(kode="C")
    pola = _pola("{urut}/{tahun}")
    assert _alokasi(pola, unit, jenis) == "1/2026"
    assert _alokasi(pola, unit, jenis) == "2/2026"
    assert _alokasi(pola, unit, jenis, datetime.date(2027, 1, 2)) == "1/2027"
    assert _alokasi(pola, unit, jenis) == "3/2026"


def test_token_tanpa_nilai_menjelaskan_kekurangannya(jenis: JenisNaskah) -> None:
    with pytest.raises(ValueError, match=r"\{unit\}"):
        penomoran.alokasi(_pola(), unit=None, jenis=jenis, klasifikasi="000", tanggal=HARI)
    with pytest.raises(ValueError, match=r"\{klasifikasi\}"):
        penomoran.alokasi(_pola(), unit=UnitFactory(kode="D"), jenis=jenis, klasifikasi="", tanggal=HARI)
    assert NomorTerbit.objects.count() == 0


def test_nomor_batal_tetap_tercatat_dan_tidak_dipakai_ulang(jenis: JenisNaskah) -> None:
    admin = get_user_model().objects.create_user("pembatal")
    unit = UnitFactory(kode="E")
    pola = _pola("{urut}/{unit}")
    pertama = penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="-", tanggal=HARI)

    with pytest.raises(ValidationError):
        penomoran.batalkan(pertama, alasan="  ", oleh=admin)
    batal = penomoran.batalkan(pertama, alasan="Salah ketik tujuan surat", oleh=admin)
    assert batal.status == StatusNomor.BATAL
    assert batal.dibatalkan_oleh == admin
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        penomoran.batalkan(batal, alasan="lagi", oleh=admin)

    assert _alokasi(pola, unit, jenis) == "2/E"
    assert NomorTerbit.objects.filter(nomor="1/E", status=StatusNomor.BATAL).exists()


def test_admin_membatalkan_nomor_dengan_alasan(templates_demo: None) -> None:
    from wagtail.models import ModelLogEntry

    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    pola = PolaNomor.objects.get(nama="Umum")
    unit = Unit.objects.get(kode="DISKOMINFO", induk__kode="PEMKOT")
    nomor = penomoran.alokasi(pola, unit=unit, jenis=None, klasifikasi="000.1", tanggal=HARI)
    url = reverse("wagtailsnippets_templates_surat_nomorterbit:edit", args=[nomor.pk])

    kosong = client.post(url, {"alasan_batal": ""})
    assert kosong.status_code == 200
    nomor.refresh_from_db()
    assert nomor.status == StatusNomor.TERBIT

    assert client.post(url, {"alasan_batal": "Naskah dibatalkan sebelum dikirim"}).status_code == 302
    nomor.refresh_from_db()
    assert nomor.status == StatusNomor.BATAL
    assert ModelLogEntry.objects.filter(object_id=str(nomor.pk), action="lontar.nomor.batal").count() == 1

    lagi = client.post(url, {"alasan_batal": "lagi"})
    assert "sudah dibatalkan" in lagi.content.decode()

    daftar = client.get(reverse("wagtailsnippets_templates_surat_polanomor:list")).content.decode()
    assert f"000.1.2.3/1/SETDA/{timezone.localdate().year}" in daftar  # example of the next number

    operator = Client()
    operator.force_login(get_user_model().objects.get(username="operator"))
    assert operator.post(url, {"alasan_batal": "x"}).status_code in (302, 403)
