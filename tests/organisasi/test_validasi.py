"""Bad input in the organisation admin gives a form error and saves nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from organisasi.factories import JabatanFactory, PegawaiFactory, UnitFactory, UserFactory
from organisasi.models import Jabatan, JenisUnit, Pegawai, Unit

pytestmark = pytest.mark.django_db


def _edit_url(model: type, pk: int) -> str:
    return reverse(f"wagtailsnippets_organisasi_{model._meta.model_name}:edit", args=[pk])


def _add_url(model: type) -> str:
    return reverse(f"wagtailsnippets_organisasi_{model._meta.model_name}:add")


def _post_unit(client, url: str, unit: Unit, **ubah):  # type: ignore[no-untyped-def]
    data = {
        "nama": unit.nama,
        "nama_singkat": unit.nama_singkat,
        "kode": unit.kode,
        "jenis": unit.jenis,
        "induk": unit.induk_id or "",
        "urutan": unit.urutan,
        "aktif": "on",
    }
    data.update(ubah)
    return client.post(url, data)


def test_unit_tidak_boleh_dipindah_ke_bawah_sub_unitnya(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    dinas = Unit.objects.get(kode="DISKOMINFO")
    bidang = Unit.objects.get(kode="IKP", induk=dinas)
    seksi = Unit.objects.get(kode="PIP", induk=bidang)
    # Make the OPD's jenis irrelevant: the loop check fires before the level check.
    response = _post_unit(client, _edit_url(Unit, bidang.pk), bidang, induk=seksi.pk)

    assert response.status_code == 200
    assert "Unit tidak boleh dipindahkan ke bawah sub-unitnya sendiri." in response.content.decode()
    bidang.refresh_from_db()
    assert bidang.induk_id == dinas.pk


def test_unit_tidak_boleh_menjadi_induk_dirinya(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    bidang = Unit.objects.get(kode="APTIKA")
    response = _post_unit(client, _edit_url(Unit, bidang.pk), bidang, induk=bidang.pk)
    assert response.status_code == 200
    assert "Unit tidak boleh menjadi induk dirinya sendiri." in response.content.decode()
    bidang.refresh_from_db()
    assert bidang.induk.kode == "DISKOMINFO"


def test_jenis_unit_harus_di_bawah_induknya(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    seksi = Unit.objects.get(kode="PIP")
    jumlah = Unit.objects.count()
    response = _post_unit(
        client,
        _add_url(Unit),
        Unit(nama="Dinas Baru", kode="BARU", jenis=JenisUnit.OPD, induk=seksi, urutan=0),
    )
    assert response.status_code == 200
    assert "Jenis unit harus berada di bawah jenis unit induknya" in response.content.decode()
    assert Unit.objects.count() == jumlah


def _post_jabatan(client, url: str, jabatan: Jabatan, **ubah):  # type: ignore[no-untyped-def]
    data = {
        "nama": jabatan.nama,
        "unit": jabatan.unit_id,
        "atasan": jabatan.atasan_id or "",
        "jenis": jabatan.jenis,
        "aktif": "on",
    }
    if jabatan.kepala_unit:
        data["kepala_unit"] = "on"
    if jabatan.dapat_menandatangani:
        data["dapat_menandatangani"] = "on"
    data.update(ubah)
    return client.post(url, data)


def test_rantai_atasan_yang_berputar_ditolak(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    kadis = Jabatan.objects.get(nama="Kepala Dinas Komunikasi dan Informatika")
    kasi = Jabatan.objects.get(nama="Kepala Seksi Pengelolaan Informasi Publik")  # kadis ← kabid ← kasi
    atasan_semula = kadis.atasan_id

    response = _post_jabatan(client, _edit_url(Jabatan, kadis.pk), kadis, atasan=kasi.pk)

    assert response.status_code == 200
    assert "Rantai atasan berputar" in response.content.decode()
    kadis.refresh_from_db()
    assert kadis.atasan_id == atasan_semula


def test_dua_kepala_aktif_dalam_satu_unit_ditolak(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    kadis = Jabatan.objects.get(nama="Kepala Dinas Kesehatan")
    jumlah = Jabatan.objects.count()
    baru = Jabatan(nama="Kepala Dinas Kedua", unit=kadis.unit, jenis=kadis.jenis, kepala_unit=True)
    response = _post_jabatan(client, _add_url(Jabatan), baru)
    assert response.status_code == 200
    assert "sudah memiliki jabatan kepala unit" in response.content.decode()
    assert Jabatan.objects.count() == jumlah


def test_nip_ganda_ditolak_tanpa_menyimpan(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    lama = Pegawai.objects.get(user__username="staf")
    user_baru = UserFactory(username="pegawai.baru")
    jumlah = Pegawai.objects.count()

    response = client.post(
        _add_url(Pegawai),
        {"user": user_baru.pk, "nip": lama.nip, "nama": "Pegawai Baru", "golongan": "III/a", "aktif": "on"},
    )

    assert response.status_code == 200
    assert "NIP ini sudah terdaftar untuk pegawai lain." in response.content.decode()
    assert Pegawai.objects.count() == jumlah


def test_format_nip_diperiksa(masuk_sebagai) -> None:
    client = masuk_sebagai("admin")
    user_baru = UserFactory(username="pegawai.baru2")
    response = client.post(
        _add_url(Pegawai), {"user": user_baru.pk, "nip": "1985-02", "nama": "X", "golongan": "", "aktif": "on"}
    )
    assert response.status_code == 200
    assert "NIP terdiri atas 18 angka" in response.content.decode()
    assert not Pegawai.objects.filter(user=user_baru).exists()


def test_unit_valid_tersimpan_dan_tercatat_di_riwayat(masuk_sebagai) -> None:
    from wagtail.models import ModelLogEntry

    client = masuk_sebagai("admin")
    dinkes = Unit.objects.get(kode="DINKES")
    response = _post_unit(
        client,
        _add_url(Unit),
        Unit(nama="Bidang Kesehatan Masyarakat", kode="KESMAS", jenis=JenisUnit.BIDANG, induk=dinkes, urutan=5),
    )
    assert response.status_code == 302
    unit = Unit.objects.get(kode="KESMAS", induk=dinkes)
    entri = ModelLogEntry.objects.filter(object_id=str(unit.pk), action="wagtail.create")
    assert entri.count() == 1
    assert entri.get().user.username == "admin"


def test_factories_membangun_pohon_yang_valid() -> None:
    pegawai = PegawaiFactory()
    pegawai.full_clean()
    assert pegawai.jabatan.unit.induk.jenis == JenisUnit.PEMDA
    assert JabatanFactory(unit=pegawai.jabatan.unit).unit == pegawai.jabatan.unit
    assert UnitFactory().induk == pegawai.jabatan.unit.induk
