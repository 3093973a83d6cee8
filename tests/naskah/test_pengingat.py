"""Working days and disposition reminders, with the clock frozen (time_machine).

The week used: Wednesday 4 March 2026 (letter registered and disposed, deadline Monday
9 March), Thursday 5, Friday 6, Saturday 7, Monday 9, Tuesday 10, Wednesday 11 March.
No holiday falls in it; holidays are given explicitly through override_settings.
"""

from __future__ import annotations

import datetime
import itertools
import zoneinfo
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from naskah import layanan_masuk, tasks
from naskah.models import Disposisi, NaskahMasukPage, Notifikasi
from naskah.pengingat import kirim_pengingat
from organisasi.hari_kerja import hari_kerja, hari_kerja_berikutnya, hari_kerja_sebelumnya, tambah_hari_kerja
from organisasi.models import Delegasi, JenisDelegasi

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
D = datetime.date
LEBARAN_2026 = ["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24"]
_NOMOR = itertools.count(1)


def saat(tanggal: datetime.date, jam: int = 9) -> datetime.datetime:
    return datetime.datetime(tanggal.year, tanggal.month, tanggal.day, jam, tzinfo=WIB)


# --- working days (no database) ----------------------------------------------------------


@override_settings(LONTAR_HARI_LIBUR=[])
def test_akhir_pekan_bukan_hari_kerja() -> None:
    assert hari_kerja(D(2026, 3, 6))  # Friday
    assert not hari_kerja(D(2026, 3, 7))
    assert not hari_kerja(D(2026, 3, 8))
    assert hari_kerja_berikutnya(D(2026, 3, 6)) == D(2026, 3, 9)
    assert hari_kerja_berikutnya(D(2026, 3, 7)) == D(2026, 3, 9)
    assert hari_kerja_sebelumnya(D(2026, 3, 9)) == D(2026, 3, 6)
    assert tambah_hari_kerja(D(2026, 3, 4), 0) == D(2026, 3, 4)


@override_settings(LONTAR_HARI_LIBUR=[*LEBARAN_2026, "2026-04-03"])
def test_hari_libur_dan_cuti_bersama_dilewati() -> None:
    assert not hari_kerja(D(2026, 3, 18))
    assert hari_kerja_berikutnya(D(2026, 3, 17)) == D(2026, 3, 25)
    assert hari_kerja_sebelumnya(D(2026, 3, 25)) == D(2026, 3, 17)
    # A PPID request received on Friday 13 March: 10 working days later, over Lebaran and Good Friday.
    assert tambah_hari_kerja(D(2026, 3, 13), 10) == D(2026, 4, 6)
    assert tambah_hari_kerja(D(2026, 4, 6), -10) == D(2026, 3, 13)


@override_settings(LONTAR_HARI_LIBUR=["17-08-2026"])
def test_tanggal_libur_salah_ditolak_dengan_jelas() -> None:
    with pytest.raises(ImproperlyConfigured, match="17-08-2026"):
        hari_kerja(D(2026, 8, 17))


# --- reminders ----------------------------------------------------------------------------


@pytest.fixture
def jam(db: None) -> Iterator[Any]:
    """Frozen at Wednesday 4 March 2026, 09:00 WIB — before the demo is loaded."""
    with time_machine.travel(saat(D(2026, 3, 4)), tick=False) as traveller:
        yield traveller


@pytest.fixture
def dunia(jam: Any, demo: None) -> Any:
    return jam


def _naskah(u: Any) -> NaskahMasukPage:
    return layanan_masuk.daftarkan(
        u("operator"),
        tujuan=u("pejabat").pegawai.jabatan,
        nomor_surat=f"005/{next(_NOMOR)}/BAPPEDA/2026",
        tanggal_surat=D(2026, 3, 2),
        pengirim="Badan Perencanaan Pembangunan Daerah",
        perihal="Undangan rapat koordinasi RKPD",
    )


def _disposisi(u: Any, jab: Any, kepada: tuple[str, ...], batas: datetime.date | None, **kw: Any) -> list[Disposisi]:
    return layanan_masuk.disposisikan(
        _naskah(u),
        u("pejabat"),
        kepada_jabatan=[jab(x) for x in kepada],
        instruksi=["ditindaklanjuti"],
        batas_waktu=batas,
        **kw,
    )


def _jalankan(jam: Any, commit: Any, tanggal: datetime.date, jam_ke: int = 9) -> dict[str, Any]:
    jam.move_to(saat(tanggal, jam_ke))
    with commit():
        return kirim_pengingat()


def _penerima(jenis: str, kunci: str | None = None) -> set[str]:
    qs = Notifikasi.objects.filter(jenis=jenis)
    if kunci is not None:
        qs = qs.filter(kunci=kunci)
    return set(qs.values_list("user__username", flat=True))


@override_settings(LONTAR_HARI_LIBUR=[])
def test_pengingat_sehari_kerja_sebelum_batas_juga_untuk_plh(dunia, u, jab, commit) -> None:
    # humas acts as Plh Kepala Bidang IKP from Thursday to the end of next week.
    Delegasi.objects.create(
        jabatan=jab("kabid.ikp"),
        pegawai=u("humas").pegawai,
        jenis=JenisDelegasi.PLH,
        mulai=D(2026, 3, 5),
        selesai=D(2026, 3, 13),
    )
    [d] = _disposisi(u, jab, ("kabid.ikp",), D(2026, 3, 9))  # due Monday

    hasil = _jalankan(dunia, commit, D(2026, 3, 5))  # Thursday: Monday is two working days away
    assert hasil == {"tanggal": "2026-03-05", "hari_kerja": True, "pengingat": 0, "terlambat": 0}
    assert not Notifikasi.objects.filter(jenis__in=["pengingat", "terlambat"]).exists()

    mail.outbox.clear()
    hasil = _jalankan(dunia, commit, D(2026, 3, 6))  # Friday: Monday is the next working day
    assert hasil["pengingat"] == 1
    assert _penerima("pengingat", f"{d.pk}:2026-03-09") == {"kabid.ikp", "humas"}
    notif = Notifikasi.objects.get(jenis="pengingat", user=u("kabid.ikp"))
    assert notif.naskah_id == d.naskah_id and "09-03-2026" in notif.pesan
    assert sorted(m.to[0] for m in mail.outbox) == ["humas@sukamajukota.go.id", "kabid.ikp@sukamajukota.go.id"]

    # Later the same day (the job runs hourly): nothing queued, nothing new; the task itself
    # is idempotent too.
    assert _jalankan(dunia, commit, D(2026, 3, 6), 15)["pengingat"] == 0
    assert tasks.kirim_notifikasi(d.naskah_id, "pengingat", f"{d.pk}:2026-03-09") == 0
    assert Notifikasi.objects.filter(jenis="pengingat").count() == 2

    # Saturday: not a working day, nothing is sent; Monday: due today, not yet late.
    assert _jalankan(dunia, commit, D(2026, 3, 7)) == {
        "tanggal": "2026-03-07",
        "hari_kerja": False,
        "pengingat": 0,
        "terlambat": 0,
    }
    assert _jalankan(dunia, commit, D(2026, 3, 9))["terlambat"] == 0
    assert not Notifikasi.objects.filter(jenis="terlambat").exists()

    # Tuesday, through the beat task: overdue, for the holder and the Plh.
    dunia.move_to(saat(D(2026, 3, 10)))
    with commit():
        hasil = tasks.ingatkan_disposisi.delay().get()
    assert hasil["terlambat"] == 1
    assert _penerima("terlambat", f"{d.pk}:2026-03-10") == {"kabid.ikp", "humas"}
    with commit():
        assert tasks.ingatkan_disposisi.delay().get()["terlambat"] == 0
    assert Notifikasi.objects.filter(jenis="terlambat").count() == 2

    # Wednesday: still open, one more notice for the new day.
    assert _jalankan(dunia, commit, D(2026, 3, 11))["terlambat"] == 1
    assert _penerima("terlambat", f"{d.pk}:2026-03-11") == {"kabid.ikp", "humas"}
    assert Notifikasi.objects.filter(jenis="pengingat").count() == 2


@override_settings(LONTAR_HARI_LIBUR=[])
def test_disposisi_selesai_atau_dibatalkan_tidak_diingatkan(dunia, u, jab, commit) -> None:
    ikp, sekretaris, aptika = _disposisi(u, jab, ("kabid.ikp", "sek.diskominfo", "admin"), D(2026, 3, 9))
    [perorangan] = _disposisi(u, jab, (), D(2026, 3, 9), kepada_user=[u("staf")])
    layanan_masuk.selesaikan(aptika, u("admin"), tindak_lanjut="Aplikasi undangan sudah disiapkan.")
    layanan_masuk.batalkan(sekretaris, u("pejabat"), "Salah tujuan.")
    tanpa_batas = _disposisi(u, jab, ("kabid.ikp",), None)
    assert tanpa_batas[0].batas_waktu is None

    assert _jalankan(dunia, commit, D(2026, 3, 6))["pengingat"] == 2
    assert _penerima("pengingat") == {"kabid.ikp", "staf"}
    assert set(Notifikasi.objects.filter(jenis="pengingat").values_list("kunci", flat=True)) == {
        f"{ikp.pk}:2026-03-09",
        f"{perorangan.pk}:2026-03-09",
    }

    layanan_masuk.selesaikan(perorangan, u("staf"), tindak_lanjut="Sudah dihadiri.")
    assert _jalankan(dunia, commit, D(2026, 3, 10))["terlambat"] == 1
    assert _penerima("terlambat") == {"kabid.ikp"}


@override_settings(LONTAR_HARI_LIBUR=["2026-03-06"])
def test_hari_libur_memajukan_pengingat(dunia, u, jab, commit) -> None:
    [d] = _disposisi(u, jab, ("kabid.ikp",), D(2026, 3, 9))
    # Friday 6 March is a holiday: Thursday is the last working day before Monday.
    assert _jalankan(dunia, commit, D(2026, 3, 5))["pengingat"] == 1
    assert _penerima("pengingat", f"{d.pk}:2026-03-09") == {"kabid.ikp"}
    assert _jalankan(dunia, commit, D(2026, 3, 6))["hari_kerja"] is False
    assert Notifikasi.objects.filter(jenis="pengingat").count() == 1


@override_settings(LONTAR_HARI_LIBUR=LEBARAN_2026)
def test_batas_setelah_libur_lebaran_dan_batas_di_hari_libur(dunia, u, jab, commit) -> None:
    [setelah] = _disposisi(u, jab, ("kabid.ikp",), D(2026, 3, 25))  # first working day after Lebaran
    [di_libur] = _disposisi(u, jab, ("sek.diskominfo",), D(2026, 3, 20))  # a cuti bersama day

    assert _jalankan(dunia, commit, D(2026, 3, 16))["pengingat"] == 0
    assert _jalankan(dunia, commit, D(2026, 3, 17))["pengingat"] == 2
    assert set(Notifikasi.objects.filter(jenis="pengingat").values_list("kunci", flat=True)) == {
        f"{setelah.pk}:2026-03-25",
        f"{di_libur.pk}:2026-03-20",
    }
    # During the holiday nothing, not even the overdue notice for the 20th.
    assert _jalankan(dunia, commit, D(2026, 3, 23))["terlambat"] == 0
    assert _jalankan(dunia, commit, D(2026, 3, 25))["terlambat"] == 1
    assert _penerima("terlambat") == {"sek.diskominfo"}
