"""Working-day deadlines (with a configured holiday), the +7 extension, the overdue flag
and filter, admin actions with history rows, masked personal data, and objections within
and outside the 30-working-day window."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from organisasi.models import Unit
from ppid import layanan
from ppid.models import AksiRiwayat, Keberatan, PermohonanInformasi, StatusPermohonan

pytestmark = pytest.mark.django_db
SKRIP = "<script>alert('x')</script>"
WIB = datetime.timezone(datetime.timedelta(hours=7))


def _ajukan(data: dict[str, str], **ubah: str) -> tuple[PermohonanInformasi, str]:
    return layanan.ajukan_permohonan(**{**{k: v for k, v in data.items() if k != "situs_web"}, **ubah})


def _pada(tanggal: str) -> Any:
    return time_machine.travel(datetime.datetime.fromisoformat(tanggal).replace(hour=9, tzinfo=WIB), tick=False)


@override_settings(LONTAR_HARI_LIBUR=["2026-08-17"])
def test_tenggat_10_hari_kerja_melewati_libur_dan_perpanjangan_7(data_permohonan: dict[str, str], petugas: Any) -> None:
    with _pada("2026-08-07"):  # Friday; Mon 17 Aug is Independence Day
        p, _t = _ajukan(data_permohonan)
    # 10 working days: 10,11,12,13,14, (17 libur) 18,19,20,21,24
    assert p.tenggat == datetime.date(2026, 8, 24)
    with _pada("2026-08-20"):
        p = layanan.perpanjang(petugas, p, "Informasi tersebar di tiga OPD.")
        assert p.tenggat == datetime.date(2026, 9, 2)  # +7: 25,26,27,28,31,1,2
        assert p.diperpanjang and p.tenggat_awal == datetime.date(2026, 8, 24)
        with pytest.raises(layanan.GalatPPID, match="sudah pernah diperpanjang"):
            layanan.perpanjang(petugas, p, "lagi")
    assert p.riwayat.filter(aksi=AksiRiwayat.DIPERPANJANG).count() == 1


@override_settings(LONTAR_HARI_LIBUR=[])
def test_terlambat_ditandai_dan_disaring(data_permohonan: dict[str, str], petugas: Any, client: Client) -> None:
    with _pada("2026-03-02"):
        lama, _t = _ajukan(data_permohonan)
    with _pada("2026-03-16"):
        baru, _t = _ajukan(data_permohonan, email="baru@contoh.id")
        assert lama.tenggat == datetime.date(2026, 3, 16) and not lama.terlambat()
    with _pada("2026-03-17"):
        lama.refresh_from_db()
        assert lama.terlambat() and not baru.terlambat()
        assert list(PermohonanInformasi.objects.terlambat()) == [lama]
        client.force_login(petugas)
        isi = client.get("/admin/ppid/permohonan/", {"terlambat": "ya"}).content.decode()
        assert lama.nomor in isi and baru.nomor not in isi and "Terlambat" in isi
        layanan.jawab(petugas, lama, "Terlambat tapi dijawab.")
        assert not PermohonanInformasi.objects.terlambat().exists()


def test_aksi_admin_dengan_riwayat(data_permohonan: dict[str, str], petugas: Any, unit: Unit, client: Client) -> None:
    p, _t = _ajukan(data_permohonan)
    client.force_login(petugas)
    url = f"/admin/ppid/permohonan/{p.pk}/"
    assert (
        client.post(url + "tugaskan/", {"tugaskan-unit": unit.pk, "tugaskan-catatan": "Mohon data"}).status_code == 302
    )
    galat = client.post(url + "tolak/", {"tolak-alasan": "dikecualikan", "tolak-catatan": "Rahasia."})
    assert galat.status_code == 400 and "Pasal 17" in galat.content.decode()
    berkas = SimpleUploadedFile("jawaban.pdf", b"%PDF-1.4")
    assert client.post(url + "jawab/", {"jawab-jawaban": "Terlampir.", "jawab-berkas": [berkas]}).status_code == 302
    p.refresh_from_db()
    assert p.status == StatusPermohonan.DIJAWAB and p.unit == unit and p.berkas.count() == 1
    assert list(p.riwayat.exclude(aksi=AksiRiwayat.EMAIL).values_list("aksi", flat=True)) == [
        "diajukan", "ditugaskan", "dijawab",
    ]  # fmt: skip
    assert p.riwayat.get(aksi="ditugaskan").user == petugas
    assert client.post(url + "tolak/", {"tolak-alasan": "tidak_dikuasai", "tolak-catatan": "x"}).status_code == 409
    with pytest.raises(ValueError, match="tidak diubah"):
        p.riwayat.first().save()  # type: ignore[union-attr]


def test_tolak_dengan_dasar_hukum(data_permohonan: dict[str, str], petugas: Any) -> None:
    p, _t = _ajukan(data_permohonan)
    p = layanan.tolak(petugas, p, "dikecualikan", "Hasil uji konsekuensi: ...", pasal="17h")
    assert p.status == StatusPermohonan.DITOLAK
    assert "Pasal 17 huruf h" in p.alasan_penolakan_lengkap()
    assert p.riwayat.filter(aksi="ditolak", data__pasal="17h").exists()


def test_data_pribadi_disamarkan_tanpa_izin(
    data_permohonan: dict[str, str], petugas: Any, atasan: Any, client: Client
) -> None:
    p, _t = _ajukan(data_permohonan, nama=SKRIP, rincian=SKRIP)
    client.force_login(atasan)
    isi = client.get(f"/admin/ppid/permohonan/{p.pk}/").content.decode()
    for rahasia in ("3273011204900003", "budi@contoh.id", "081234567890", "Asia Afrika"):
        assert rahasia not in isi
    assert "disamarkan" in isi
    assert SKRIP not in isi and "&lt;script&gt;" in isi
    ekspor = client.get("/admin/ppid/permohonan/ekspor/").content.decode("utf-8-sig")
    assert "3273011204900003" not in ekspor and "budi@contoh.id" not in ekspor and "3273" in ekspor

    client.force_login(petugas)
    isi = client.get(f"/admin/ppid/permohonan/{p.pk}/").content.decode()
    assert "3273011204900003" in isi and "budi@contoh.id" in isi
    assert SKRIP not in isi
    assert "3273011204900003" in client.get("/admin/ppid/permohonan/ekspor/").content.decode("utf-8-sig")
    daftar = client.get("/admin/ppid/permohonan/").content.decode()
    assert SKRIP not in daftar and "&lt;script&gt;" in daftar


def test_tanpa_izin_ditolak(data_permohonan: dict[str, str], client: Client, django_user_model: Any) -> None:
    p, _t = _ajukan(data_permohonan)
    biasa = django_user_model.objects.create_user("biasa", password="x")
    client.force_login(biasa)
    assert client.get("/admin/ppid/permohonan/").status_code in (302, 403)
    assert client.post(f"/admin/ppid/permohonan/{p.pk}/perpanjang/", {"perpanjang-alasan": "x"}).status_code in (
        302, 403,
    )  # fmt: skip
    with pytest.raises(layanan.GalatPPID):
        layanan.perpanjang(biasa, p, "x")


@override_settings(LONTAR_HARI_LIBUR=[])
def test_keberatan_dalam_dan_luar_jendela(
    data_permohonan: dict[str, str], petugas: Any, atasan: Any, client: Client
) -> None:
    with _pada("2026-03-02"):
        p, token = _ajukan(data_permohonan)
        belum = client.post("/ppid/keberatan/", {"nomor": p.nomor, "token": token, "alasan": ["tidak_ditanggapi"],
                                                 "uraian": "Belum dijawab."})  # fmt: skip
        assert belum.status_code == 409 and "masih dalam jangka waktu" in belum.content.decode()
    with _pada("2026-03-05"):
        p = layanan.jawab(petugas, p, "Informasi terlampir.")
    data = {"nomor": p.nomor, "token": token, "alasan": ["tidak_sesuai"], "uraian": SKRIP}
    with _pada("2026-04-16"):  # 30 working days after Thu 5 March = Thu 16 April
        assert p.batas_keberatan() == datetime.date(2026, 4, 16)
    with _pada("2026-04-17"):
        lewat = client.post("/ppid/keberatan/", data)
        assert lewat.status_code == 409 and "telah berakhir" in lewat.content.decode()
        assert not Keberatan.objects.exists()
    with _pada("2026-04-16"):
        assert client.post("/ppid/keberatan/", {**data, "token": "salah"}).status_code == 400
        ok = client.post("/ppid/keberatan/", data)
        assert ok.status_code == 200
        k = Keberatan.objects.get()
        assert k.tenggat == datetime.date(2026, 5, 28)  # +30 working days
        assert client.post("/ppid/keberatan/", data).status_code == 409
    with _pada("2026-05-29"):
        assert k.terlambat()
        client.force_login(atasan)
        isi = client.get("/admin/ppid/keberatan/", {"terlambat": "ya"}).content.decode()
        assert k.nomor in isi and "Terlambat" in isi
        detail = client.get(f"/admin/ppid/keberatan/{k.pk}/").content.decode()
        assert SKRIP not in detail and "&lt;script&gt;" in detail
        respons = client.post(
            f"/admin/ppid/keberatan/{k.pk}/", {"tanggapi-hasil": "dikabulkan", "tanggapi-tanggapan": "Diberikan."}
        )
        assert respons.status_code == 302
    k.refresh_from_db()
    assert k.hasil == "dikabulkan" and p.riwayat.filter(aksi="keberatan_ditanggapi", user=atasan).exists()


@override_settings(LONTAR_HARI_LIBUR=[])
def test_keberatan_setelah_tenggat_tanpa_jawaban(data_permohonan: dict[str, str], client: Client) -> None:
    with _pada("2026-03-02"):
        p, token = _ajukan(data_permohonan)
    with _pada("2026-03-17"):  # deadline 16 March passed unanswered
        respons = client.post(
            "/ppid/keberatan/",
            {"nomor": p.nomor, "token": token, "alasan": ["tidak_ditanggapi", "terlambat"], "uraian": "Tidak dijawab."},
        )
        assert respons.status_code == 200
    assert Keberatan.objects.get().alasan == ["tidak_ditanggapi", "terlambat"]
