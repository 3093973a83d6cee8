"""The numbering engine (tokens, padding, scopes, yearly reset, preview, voiding) and its admin."""

from __future__ import annotations

import datetime
from typing import Any, cast

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from organisasi.factories import UnitFactory
from organisasi.models import JenisUnit, Unit
from templates_surat import penomoran
from templates_surat.models import JenisNaskah, NomorTerbit, PenghitungNomor, PolaNomor, StatusNomor

pytestmark = pytest.mark.django_db

HARI = datetime.date(2026, 11, 24)
KLASIFIKASI = "800.1.11.1"
NOMOR_URL = "wagtailsnippets_templates_surat_nomorterbit"


@pytest.fixture
def jenis() -> JenisNaskah:
    return JenisNaskah.objects.create(nama="Surat Uji", kode="SU", urutan=900)


def _unit(kode: str, **kwargs: Any) -> Unit:
    return cast(Unit, UnitFactory(kode=kode, **kwargs))


@pytest.fixture
def unit() -> Unit:
    return _unit("DINKES", jenis=JenisUnit.OPD)


def _pola(pola: str = "{klasifikasi}/{urut}/{unit}/{tahun}", **kwargs: Any) -> PolaNomor:
    return PolaNomor.objects.create(nama=f"Pola {PolaNomor.objects.count() + 1}", pola=pola, **kwargs)


def _alokasi(pola: PolaNomor, unit: Unit | None, jenis: JenisNaskah | None, tanggal: datetime.date = HARI) -> str:
    return penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi=KLASIFIKASI, tanggal=tanggal).nomor


# --- Pattern and format ----------------------------------------------------------


@pytest.mark.parametrize(
    ("pola", "tanggal", "harapan"),
    [
        ("{klasifikasi}/{urut}", HARI, "800.1.11.1/7"),
        ("{urut}/{unit}", HARI, "7/DINKES"),
        ("{urut}/{jenis}", HARI, "7/SU"),
        ("{urut}/{bulan_romawi}", HARI, "7/XI"),
        ("{urut}/{bulan_romawi}", datetime.date(2026, 1, 5), "7/I"),
        ("{urut}/{bulan_romawi}", datetime.date(2026, 12, 31), "7/XII"),
        ("{urut}/{bulan}", datetime.date(2026, 3, 2), "7/3"),  # no zero padding
        ("{urut}/{bulan}", HARI, "7/11"),
        ("{urut}/{tahun}", HARI, "7/2026"),
        ("No. {urut}-{tahun}", HARI, "No. 7-2026"),  # literal text is kept
    ],
)
def test_setiap_token(unit: Unit, jenis: JenisNaskah, pola: str, tanggal: datetime.date, harapan: str) -> None:
    hasil = penomoran.format_nomor(
        PolaNomor(pola=pola), urut=7, klasifikasi=KLASIFIKASI, unit=unit, jenis=jenis, tanggal=tanggal
    )
    assert hasil == harapan


@pytest.mark.parametrize(
    ("pola", "digit_urut", "urut", "harapan"),
    [
        ("{urut}", 0, 7, "7"),
        ("{urut}", 3, 7, "007"),
        ("{urut:3}", 0, 7, "007"),
        ("{urut:2}", 4, 7, "07"),  # the width in the pattern wins over digit_urut
        ("{urut:3}", 0, 1234, "1234"),  # never truncated
        ("{urut}", 4, 15, "0015"),
    ],
)
def test_lebar_nomor_urut(pola: str, digit_urut: int, urut: int, harapan: str) -> None:
    hasil = penomoran.format_nomor(
        PolaNomor(pola=pola, digit_urut=digit_urut), urut=urut, klasifikasi="", unit=None, jenis=None, tanggal=HARI
    )
    assert hasil == harapan


def test_contoh_dari_domain(jenis: JenisNaskah) -> None:
    diskominfo = _unit("DISKOMINFO")
    dinkes = _unit("DINKES")
    umum = _pola("{klasifikasi}/{urut}/{unit}/{tahun}")
    bulan = _pola("{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}")
    kwargs: dict[str, Any] = {"jenis": jenis, "tanggal": HARI}
    assert penomoran.format_nomor(umum, urut=15, klasifikasi="000.8.3.3", unit=diskominfo, **kwargs) == (
        "000.8.3.3/15/DISKOMINFO/2026"
    )
    assert penomoran.format_nomor(bulan, urut=7, klasifikasi="800.1.11.1", unit=dinkes, **kwargs) == (
        "800.1.11.1/007/DINKES/XI/2026"
    )


def test_semua_token_sekaligus_lewat_alokasi(unit: Unit, jenis: JenisNaskah) -> None:
    pola = _pola("{klasifikasi}/{urut:3}/{unit}/{jenis}/{bulan_romawi}/{bulan}/{tahun}")
    assert _alokasi(pola, unit, jenis) == "800.1.11.1/001/DINKES/SU/XI/11/2026"


@pytest.mark.parametrize(
    ("pola", "pesan"),
    [
        ("{klasifikasi}/{nomor}/{tahun}", "Token tidak dikenal: {nomor}"),
        ("{urut}/{Unit}/{thn}", "Token tidak dikenal: {Unit}, {thn}"),
        ("{urut!r}", "Token tidak dikenal: {urut!r}"),
        ("{}/{urut}", "Token tidak dikenal: {}"),
        ("{klasifikasi}/{unit}/{tahun}", "harus memuat {urut}"),
        ("urut/tahun", "harus memuat {urut}"),
        ("{klasifikasi}/{urut/{tahun}", "tidak seimbang"),
        ("{klasifikasi}/{urut}/{tahun", "tidak seimbang"),
        ("{klasifikasi}/urut}/{tahun}", "tidak seimbang"),
        ("{{urut}}", "tidak seimbang"),
        ("", "tidak boleh kosong"),
        ("   ", "tidak boleh kosong"),
        ("{urut}/{tahun:2}", "Hanya {urut}"),
        ("{urut:x}", "harus berupa angka"),
        ("{urut:}", "harus berupa angka"),
    ],
)
def test_pola_salah_ditolak(pola: str, pesan: str) -> None:
    with pytest.raises(ValidationError) as err:
        penomoran.periksa_pola(pola)
    assert pesan in " ".join(err.value.message_dict["pola"])
    with pytest.raises(ValidationError) as err:  # the model's clean() says the same
        PolaNomor(nama="Salah", pola=pola).full_clean()
    assert pesan in " ".join(err.value.message_dict["pola"])


@pytest.mark.parametrize(
    "pola",
    [
        "{klasifikasi}/{urut}/{unit}/{tahun}",
        "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}",
        "{urut}",
        "B-{urut:04}/{jenis}/{bulan}.{tahun}",
    ],
)
def test_pola_sah_diterima(pola: str) -> None:
    penomoran.periksa_pola(pola)
    PolaNomor(nama="Sah", pola=pola).full_clean()


def test_token_tanpa_nilai_menyebut_tokennya(unit: Unit, jenis: JenisNaskah) -> None:
    pola = _pola("{klasifikasi}/{urut}/{unit}/{jenis}")
    with pytest.raises(ValueError, match=r"\{unit\}"):
        penomoran.alokasi(pola, unit=None, jenis=jenis, klasifikasi=KLASIFIKASI, tanggal=HARI)
    with pytest.raises(ValueError, match=r"\{klasifikasi\}"):
        penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="", tanggal=HARI)
    with pytest.raises(ValueError, match=r"\{klasifikasi\}"):
        penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="  ", tanggal=HARI)
    with pytest.raises(ValueError, match=r"\{jenis\}"):
        penomoran.alokasi(pola, unit=unit, jenis=None, klasifikasi=KLASIFIKASI, tanggal=HARI)
    with pytest.raises(ValueError, match=r"\{unit\}"):
        penomoran.pratinjau_berikutnya(pola, unit=None, jenis=jenis, klasifikasi=KLASIFIKASI, tanggal=HARI)
    # nothing was taken: no number, and the counter row created on the way was rolled back
    assert NomorTerbit.objects.count() == 0
    assert PenghitungNomor.objects.count() == 0
    assert _alokasi(pola, unit, jenis) == "800.1.11.1/1/DINKES/SU"


def test_pola_tanpa_urut_di_database_tidak_dialokasikan(unit: Unit) -> None:
    pola = _pola("{klasifikasi}/{tahun}")  # saved without full_clean()
    with pytest.raises(ValueError, match=r"\{urut\}"):
        _alokasi(pola, unit, None)
    assert NomorTerbit.objects.count() == 0


def test_kunci_lingkup(unit: Unit, jenis: JenisNaskah) -> None:
    kunci = penomoran.kunci_lingkup
    assert kunci(PolaNomor(per_unit=True, per_jenis=False), unit, jenis) == f"unit:{unit.pk};jenis:-"
    assert kunci(PolaNomor(per_unit=False, per_jenis=True), unit, jenis) == f"unit:-;jenis:{jenis.pk}"
    assert kunci(PolaNomor(per_unit=True, per_jenis=True), unit, jenis) == f"unit:{unit.pk};jenis:{jenis.pk}"
    assert kunci(PolaNomor(per_unit=False, per_jenis=False), unit, jenis) == "unit:-;jenis:-"
    assert kunci(PolaNomor(per_unit=True, per_jenis=True), None, None) == "unit:-;jenis:-"


# --- Preview and allocation -----------------------------------------------------


def test_pratinjau_sama_dengan_alokasi_berikutnya(unit: Unit, jenis: JenisNaskah) -> None:
    pola = _pola()
    pratinjau = penomoran.pratinjau_berikutnya(pola, unit=unit, jenis=jenis, klasifikasi=KLASIFIKASI, tanggal=HARI)
    assert pratinjau == "800.1.11.1/1/DINKES/2026"
    assert PenghitungNomor.objects.count() == 0  # a preview creates nothing
    assert _alokasi(pola, unit, jenis) == pratinjau

    pratinjau = penomoran.pratinjau_berikutnya(pola, unit=unit, jenis=jenis, klasifikasi=KLASIFIKASI, tanggal=HARI)
    assert pratinjau == "800.1.11.1/2/DINKES/2026"
    assert NomorTerbit.objects.count() == 1
    assert PenghitungNomor.objects.get().terakhir == 1
    assert _alokasi(pola, unit, jenis) == pratinjau


def test_urutan_satu_dua_tiga(unit: Unit, jenis: JenisNaskah) -> None:
    pola = _pola("{urut}/{unit}/{tahun}")
    nomor = [
        penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="", tanggal=HARI, referensi=f"naskah:{i}")
        for i in range(1, 4)
    ]
    assert [n.nomor for n in nomor] == ["1/DINKES/2026", "2/DINKES/2026", "3/DINKES/2026"]
    assert [n.urut for n in nomor] == [1, 2, 3]
    assert {n.status for n in nomor} == {StatusNomor.TERBIT}
    assert [n.referensi for n in nomor] == ["naskah:1", "naskah:2", "naskah:3"]
    assert {n.penghitung_id for n in nomor} == {PenghitungNomor.objects.get().pk}
    penghitung = PenghitungNomor.objects.get()
    assert (penghitung.terakhir, penghitung.tahun, penghitung.unit, penghitung.jenis) == (3, 2026, unit, None)


def test_penghitung_per_unit(jenis: JenisNaskah) -> None:
    a, b = _unit("A"), _unit("B")
    pola = _pola("{urut}/{unit}")  # per_unit=True is the default
    hasil = [_alokasi(pola, a, jenis), _alokasi(pola, b, jenis), _alokasi(pola, a, jenis), _alokasi(pola, b, jenis)]
    assert hasil == ["1/A", "1/B", "2/A", "2/B"]
    assert PenghitungNomor.objects.filter(pola=pola).count() == 2


def test_penghitung_bersama_bila_tidak_per_unit(jenis: JenisNaskah) -> None:
    a, b = _unit("A"), _unit("B")
    pola = _pola("{urut}/{unit}", per_unit=False)
    assert [_alokasi(pola, a, jenis), _alokasi(pola, b, jenis), _alokasi(pola, a, jenis)] == ["1/A", "2/B", "3/A"]
    penghitung = PenghitungNomor.objects.get(pola=pola)
    assert (penghitung.kunci_lingkup, penghitung.unit) == ("unit:-;jenis:-", None)


def test_penghitung_per_jenis(jenis: JenisNaskah) -> None:
    a, b = _unit("A"), _unit("B")
    lain = JenisNaskah.objects.create(nama="Undangan Uji", kode="UU", urutan=901)
    per_jenis = _pola("{urut}/{jenis}", per_unit=False, per_jenis=True)
    assert [_alokasi(per_jenis, a, jenis), _alokasi(per_jenis, a, lain), _alokasi(per_jenis, b, jenis)] == [
        "1/SU",
        "1/UU",
        "2/SU",
    ]
    per_unit_dan_jenis = _pola("{urut}/{unit}/{jenis}", per_unit=True, per_jenis=True)
    hasil = [
        _alokasi(per_unit_dan_jenis, a, jenis),
        _alokasi(per_unit_dan_jenis, a, lain),
        _alokasi(per_unit_dan_jenis, b, jenis),
        _alokasi(per_unit_dan_jenis, a, jenis),
    ]
    assert hasil == ["1/A/SU", "1/A/UU", "1/B/SU", "2/A/SU"]


def test_penghitung_diulang_setiap_tahun(unit: Unit, jenis: JenisNaskah) -> None:
    pola = _pola("{urut}/{tahun}")
    assert _alokasi(pola, unit, jenis) == "1/2026"
    assert _alokasi(pola, unit, jenis) == "2/2026"
    assert _alokasi(pola, unit, jenis, datetime.date(2027, 1, 2)) == "1/2027"
    assert _alokasi(pola, unit, jenis, datetime.date(2027, 1, 3)) == "2/2027"
    assert _alokasi(pola, unit, jenis, datetime.date(2026, 12, 31)) == "3/2026"  # 2026 continues
    tahun = dict(PenghitungNomor.objects.filter(pola=pola).values_list("tahun", "terakhir"))
    assert tahun == {2026: 3, 2027: 2}


def test_rollback_pemanggil_mengembalikan_nomor(unit: Unit, jenis: JenisNaskah) -> None:
    """Allocated inside the signing transaction: if that fails, the number was never taken."""
    pola = _pola("{urut}/{unit}")

    class Gagal(Exception):
        pass

    with pytest.raises(Gagal), transaction.atomic():
        assert _alokasi(pola, unit, jenis) == "1/DINKES"
        raise Gagal
    assert _alokasi(pola, unit, jenis) == "1/DINKES"


# --- Voiding --------------------------------------------------------------------


@pytest.fixture
def pembatal() -> Any:
    return get_user_model().objects.create_user("pembatal")


def test_nomor_batal_tetap_tercatat_dan_tidak_dipakai_ulang(unit: Unit, jenis: JenisNaskah, pembatal: Any) -> None:
    pola = _pola("{urut}/{unit}")
    pertama = penomoran.alokasi(pola, unit=unit, jenis=jenis, klasifikasi="", tanggal=HARI)
    _alokasi(pola, unit, jenis)

    hasil = penomoran.batalkan(pertama, alasan="  Salah ketik tujuan surat ", oleh=pembatal)
    assert hasil is pertama  # updated in place
    pertama.refresh_from_db()
    assert pertama.status == StatusNomor.BATAL
    assert pertama.nomor == "1/DINKES"  # the number itself stays as issued
    assert pertama.alasan_batal == "Salah ketik tujuan surat"
    assert pertama.dibatalkan_oleh == pembatal
    assert pertama.dibatalkan_pada is not None
    assert PenghitungNomor.objects.get(pola=pola).terakhir == 2  # voiding never decrements

    assert _alokasi(pola, unit, jenis) == "3/DINKES"
    assert list(NomorTerbit.objects.filter(penghitung__pola=pola).order_by("urut").values_list("nomor", "status")) == [
        ("1/DINKES", StatusNomor.BATAL),
        ("2/DINKES", StatusNomor.TERBIT),
        ("3/DINKES", StatusNomor.TERBIT),
    ]

    log = ModelLogEntry.objects.get(object_id=str(pertama.pk), action=penomoran.AKSI_BATAL)
    assert log.user_id == pembatal.pk
    assert log.data == {"alasan": "Salah ketik tujuan surat"}
    assert log.message == "Nomor dibatalkan: Salah ketik tujuan surat"
    assert log.comment == "Salah ketik tujuan surat"


@pytest.mark.parametrize("alasan", ["", "   \n"])
def test_batal_tanpa_alasan_ditolak(unit: Unit, pembatal: Any, alasan: str) -> None:
    nomor = penomoran.alokasi(_pola(), unit=unit, jenis=None, klasifikasi=KLASIFIKASI, tanggal=HARI)
    with pytest.raises(ValidationError) as err:
        penomoran.batalkan(nomor, alasan=alasan, oleh=pembatal)
    assert "wajib diisi" in " ".join(err.value.message_dict["alasan_batal"])
    nomor.refresh_from_db()
    assert nomor.status == StatusNomor.TERBIT
    assert not ModelLogEntry.objects.filter(action=penomoran.AKSI_BATAL).exists()


def test_batal_dua_kali_ditolak(unit: Unit, pembatal: Any) -> None:
    nomor = penomoran.alokasi(_pola(), unit=unit, jenis=None, klasifikasi=KLASIFIKASI, tanggal=HARI)
    basi = NomorTerbit.objects.get(pk=nomor.pk)  # another copy, loaded before the void
    penomoran.batalkan(nomor, alasan="Naskah batal dikirim", oleh=pembatal)
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        penomoran.batalkan(nomor, alasan="lagi", oleh=pembatal)
    with pytest.raises(ValidationError, match="sudah dibatalkan"):
        penomoran.batalkan(basi, alasan="lagi", oleh=pembatal)  # the database decides, not the stale copy
    nomor.refresh_from_db()
    assert nomor.alasan_batal == "Naskah batal dikirim"
    assert ModelLogEntry.objects.filter(action=penomoran.AKSI_BATAL).count() == 1


# --- Admin ----------------------------------------------------------------------


def _pengguna(username: str, *izin: str, superuser: bool = False) -> Client:
    model = get_user_model()
    if superuser:
        user = model.objects.create_superuser(username, f"{username}@lontar.test", "x")
    else:
        user = model.objects.create_user(username)
        kode = ["access_admin", *(i.split(".")[1] for i in izin)]
        user.user_permissions.set(Permission.objects.filter(codename__in=kode))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def nomor(unit: Unit) -> NomorTerbit:
    pola = PolaNomor.objects.create(nama="Umum", pola="{klasifikasi}/{urut}/{unit}/{tahun}")
    return penomoran.alokasi(pola, unit=unit, jenis=None, klasifikasi="000.1", tanggal=HARI, referensi="naskah:1")


def test_admin_daftar_pola_menampilkan_contoh_nomor() -> None:
    _unit("SETDA", jenis=JenisUnit.OPD, urutan=0)
    PolaNomor.objects.create(nama="Umum", pola="{klasifikasi}/{urut:3}/{unit}/{tahun}")
    PolaNomor.objects.create(nama="Per jenis", pola="{urut}/{jenis}", per_jenis=True)
    admin = _pengguna("admin", superuser=True)
    html = admin.get(reverse("wagtailsnippets_templates_surat_polanomor:list")).content.decode()
    assert "Contoh nomor berikutnya" in html
    assert f"000.1.2.3/001/SETDA/{timezone.localdate().year}" in html
    primer = JenisNaskah.objects.order_by("urutan", "nama").first()
    assert primer is not None
    assert f"1/{primer.kode}" in html
    cari = admin.get(reverse("wagtailsnippets_templates_surat_polanomor:list"), {"q": "jenis"}).content.decode()
    assert "Per jenis" in cari
    assert "000.1.2.3/001/SETDA" not in cari


def test_admin_register_hanya_baca(nomor: NomorTerbit) -> None:
    admin = _pengguna("admin", superuser=True)  # not even a superuser adds, edits or deletes a number
    daftar = admin.get(reverse(f"{NOMOR_URL}:list"))
    assert daftar.status_code == 200
    html = daftar.content.decode()
    assert "000.1/1/DINKES/2026" in html
    assert reverse(f"{NOMOR_URL}:add") not in html
    assert reverse(f"{NOMOR_URL}:edit", args=[nomor.pk]) not in html
    assert reverse(f"{NOMOR_URL}:delete", args=[nomor.pk]) not in html
    assert reverse(f"{NOMOR_URL}:inspect", args=[nomor.pk]) in html
    assert reverse(f"{NOMOR_URL}:batalkan", args=[nomor.pk]) in html

    for url, data in [
        (reverse(f"{NOMOR_URL}:add"), {"nomor": "palsu", "urut": 9, "tanggal": "2026-11-24"}),
        (reverse(f"{NOMOR_URL}:edit", args=[nomor.pk]), {"nomor": "ubah", "alasan_batal": "x"}),
        (reverse(f"{NOMOR_URL}:delete", args=[nomor.pk]), {}),
    ]:
        assert admin.get(url).status_code in (302, 403)
        assert admin.post(url, data).status_code in (302, 403)
    assert list(NomorTerbit.objects.values_list("nomor", "status")) == [("000.1/1/DINKES/2026", StatusNomor.TERBIT)]

    inspeksi = admin.get(reverse(f"{NOMOR_URL}:inspect", args=[nomor.pk])).content.decode()
    assert reverse(f"{NOMOR_URL}:batalkan", args=[nomor.pk]) in inspeksi


def test_admin_saring_dan_cari(nomor: NomorTerbit, unit: Unit, pembatal: Any) -> None:
    lama = penomoran.alokasi(
        nomor.penghitung.pola, unit=unit, jenis=None, klasifikasi="000.2", tanggal=datetime.date(2025, 5, 1)
    )
    penomoran.batalkan(lama, alasan="uji", oleh=pembatal)
    admin = _pengguna("admin", superuser=True)
    url = reverse(f"{NOMOR_URL}:list")

    def tampil(**params: str) -> tuple[bool, bool]:
        html = admin.get(url, params).content.decode()
        return "000.1/1/DINKES/2026" in html, "000.2/1/DINKES/2025" in html

    assert tampil() == (True, True)
    assert tampil(tahun="2025") == (False, True)
    assert tampil(tahun="2026") == (True, False)
    assert tampil(status=StatusNomor.BATAL) == (False, True)
    assert tampil(status=StatusNomor.TERBIT) == (True, False)
    assert tampil(q="000.2") == (False, True)
    assert tampil(q="naskah:1") == (True, False)


def test_admin_membatalkan_nomor_dengan_alasan(nomor: NomorTerbit) -> None:
    admin = _pengguna("administrator", "templates_surat.view_nomorterbit", "templates_surat.change_nomorterbit")
    url = reverse(f"{NOMOR_URL}:batalkan", args=[nomor.pk])

    formulir = admin.get(url)
    assert formulir.status_code == 200
    assert "Batalkan nomor 000.1/1/DINKES/2026" in formulir.content.decode()

    kosong = admin.post(url, {"alasan": "   "})
    assert kosong.status_code == 200  # the form again, with the error
    nomor.refresh_from_db()
    assert nomor.status == StatusNomor.TERBIT

    jadi = admin.post(url, {"alasan": "Naskah dibatalkan sebelum dikirim"})
    assert jadi.status_code == 302
    assert jadi["Location"] == reverse(f"{NOMOR_URL}:inspect", args=[nomor.pk])
    nomor.refresh_from_db()
    assert (nomor.status, nomor.alasan_batal) == (StatusNomor.BATAL, "Naskah dibatalkan sebelum dikirim")
    assert nomor.dibatalkan_oleh is not None and nomor.dibatalkan_oleh.username == "administrator"
    assert ModelLogEntry.objects.filter(object_id=str(nomor.pk), action="lontar.nomor.batal").count() == 1

    lagi = admin.post(url, {"alasan": "lagi"})
    assert lagi.status_code == 200
    assert "sudah dibatalkan" in lagi.content.decode()
    assert admin.get(url).status_code == 302  # nothing left to void: back to the number
    assert ModelLogEntry.objects.filter(object_id=str(nomor.pk), action="lontar.nomor.batal").count() == 1

    # no void button for a void number; the history shows who voided it and why
    assert url not in admin.get(reverse(f"{NOMOR_URL}:list")).content.decode()
    riwayat = admin.get(reverse(f"{NOMOR_URL}:history", args=[nomor.pk])).content.decode()
    assert "Nomor dibatalkan" in riwayat
    assert "Naskah dibatalkan sebelum dikirim" in riwayat


def test_admin_membatalkan_butuh_izin_ubah(nomor: NomorTerbit) -> None:
    url = reverse(f"{NOMOR_URL}:batalkan", args=[nomor.pk])
    pembaca = _pengguna("pembaca", "templates_surat.view_nomorterbit")
    assert pembaca.get(reverse(f"{NOMOR_URL}:list")).status_code == 200  # may read the register
    assert url not in pembaca.get(reverse(f"{NOMOR_URL}:list")).content.decode()
    assert url not in pembaca.get(reverse(f"{NOMOR_URL}:inspect", args=[nomor.pk])).content.decode()
    for klien in (pembaca, _pengguna("operator")):
        assert klien.get(url).status_code in (302, 403)
        assert klien.post(url, {"alasan": "x"}).status_code in (302, 403)
    nomor.refresh_from_db()
    assert nomor.status == StatusNomor.TERBIT


def test_admin_pola_yang_sudah_menerbitkan_nomor_tidak_dapat_dihapus(nomor: NomorTerbit) -> None:
    admin = _pengguna("admin", superuser=True)
    dipakai = nomor.penghitung.pola
    baru = PolaNomor.objects.create(nama="Belum dipakai", pola="{urut}")
    hapus = "wagtailsnippets_templates_surat_polanomor:delete"

    assert admin.get(reverse(hapus, args=[dipakai.pk])).status_code == 302
    tolak = admin.post(reverse(hapus, args=[dipakai.pk]), follow=True)
    assert "tidak dapat dihapus" in tolak.content.decode()
    assert PolaNomor.objects.filter(pk=dipakai.pk).exists()

    assert admin.get(reverse(hapus, args=[baru.pk])).status_code == 200
    assert admin.post(reverse(hapus, args=[baru.pk])).status_code == 302
    assert not PolaNomor.objects.filter(pk=baru.pk).exists()
