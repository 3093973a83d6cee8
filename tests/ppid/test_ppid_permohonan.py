"""The public request form, status page and e-mail task: stored first, tracking number
and token, e-mail queued and retried; spam and invalid input refused with nothing stored;
what a requester typed is escaped everywhere."""

from __future__ import annotations

import smtplib
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from ppid import layanan
from ppid.models import AksiRiwayat, PermohonanInformasi

URL = "/ppid/permohonan/"
SKRIP = "<script>alert('x')</script>"
pytestmark = pytest.mark.django_db


def _kirim(client: Client, data: dict[str, str], **ubah: str) -> Any:
    return client.post(URL, {**data, **ubah})


def test_permohonan_sah_tersimpan_dengan_nomor_dan_email(
    client: Client, data_permohonan: dict[str, str], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        respons = _kirim(client, data_permohonan)
    assert respons.status_code == 302
    p = PermohonanInformasi.objects.get()
    assert p.nomor.startswith(f"PPID-{p.tanggal_diterima.year}-") and len(p.nomor) == 16
    assert p.telepon == "081234567890"
    selesai = client.get(respons["Location"]).content.decode()
    assert p.nomor in selesai and "Token rahasia" in selesai
    assert client.get("/ppid/permohonan/terkirim/").status_code == 302  # the token is shown once only
    assert len(mail.outbox) == 1 and p.nomor in mail.outbox[0].subject
    assert mail.outbox[0].to == ["budi@contoh.id"]
    assert p.riwayat.filter(aksi=AksiRiwayat.EMAIL, data__jenis="konfirmasi").count() == 1


def test_email_tidak_dikirim_dua_kali() -> None:
    p, _token = layanan.ajukan_permohonan(
        nama="A", jenis_identitas="paspor", nomor_identitas="X123", alamat="Jl. A", email="a@contoh.id",
        telepon="0221234567", rincian="r", tujuan="t", cara_memperoleh="melihat",
    )  # fmt: skip
    from ppid.tasks import kirim_email_pemohon

    assert kirim_email_pemohon.delay(p.pk, "konfirmasi").get() is True
    assert kirim_email_pemohon.delay(p.pk, "konfirmasi").get() is False
    assert len(mail.outbox) == 1


def test_smtp_gagal_permohonan_tetap_tersimpan_dan_dicoba_ulang(
    client: Client, data_permohonan: dict[str, str], django_capture_on_commit_callbacks: Any
) -> None:
    from celery.exceptions import Retry
    from django.core.mail import send_mail as asli

    from ppid.tasks import kirim_email_pemohon

    panggilan: list[int] = []

    def gagal_dua_kali(*args: Any, **kwargs: Any) -> int:
        panggilan.append(1)
        if len(panggilan) <= 3:
            raise smtplib.SMTPServerDisconnected("server mati")
        return asli(*args, **kwargs)

    with mock.patch("ppid.pemberitahuan.send_mail", side_effect=gagal_dua_kali):
        with django_capture_on_commit_callbacks(execute=True):
            respons = _kirim(client, data_permohonan)  # the queued task fails: Retry, not a 500
        assert respons.status_code == 302
        p = PermohonanInformasi.objects.get()
        assert len(panggilan) == 1 and not mail.outbox
        with pytest.raises(Retry):
            kirim_email_pemohon.delay(p.pk, "konfirmasi")
        # the worker's retries (eager here, without backoff sleeping): fails once more, then sent
        hasil = kirim_email_pemohon.apply((p.pk, "konfirmasi"), throw=False)
    assert hasil.get() is True
    assert len(panggilan) == 4
    assert len(mail.outbox) == 1
    assert p.riwayat.filter(aksi=AksiRiwayat.EMAIL).count() == 1


def test_smtp_mati_total_tidak_menghilangkan_permohonan(
    client: Client, data_permohonan: dict[str, str], django_capture_on_commit_callbacks: Any
) -> None:
    with (
        mock.patch("ppid.pemberitahuan.send_mail", side_effect=smtplib.SMTPException("mati")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        respons = _kirim(client, data_permohonan)
    assert respons.status_code == 302
    p = PermohonanInformasi.objects.get()
    assert not p.riwayat.filter(aksi=AksiRiwayat.EMAIL).exists()


@pytest.mark.parametrize(
    ("ubah", "kolom", "pesan"),
    [
        ({"email": "bukan-email"}, "email", "alamat e-mail yang benar"),
        ({"telepon": "12345"}, "telepon", "Nomor telepon tidak valid"),
        ({"telepon": "+1 202 555 0100"}, "telepon", "Nomor telepon tidak valid"),
        ({"nomor_identitas": "32730112"}, "nomor_identitas", "NIK harus terdiri atas 16 digit"),
        ({"rincian": "x" * 3001}, "rincian", "paling banyak 3000"),
        ({"nama": "n" * 151}, "nama", "paling banyak 150"),
        ({"cara_salinan": ""}, "cara_salinan", "Pilih cara mendapatkan salinan"),
        ({"rincian": ""}, "rincian", "harus diisi"),
    ],
)
def test_isian_tidak_sah_ditolak_tanpa_menyimpan(
    client: Client, data_permohonan: dict[str, str], ubah: dict[str, str], kolom: str, pesan: str
) -> None:
    respons = _kirim(client, data_permohonan, **ubah)
    assert respons.status_code == 400
    assert PermohonanInformasi.objects.count() == 0
    galat = " ".join(respons.context["form"].errors[kolom])
    assert pesan.lower() in galat.lower(), galat
    isi = respons.content.decode()
    assert 'role="alert"' in isi
    assert f'aria-describedby="id_{kolom}_' in isi or f"id_{kolom}_galat" in isi
    assert 'aria-invalid="true"' in isi


def test_paspor_tidak_harus_16_digit(client: Client, data_permohonan: dict[str, str]) -> None:
    assert _kirim(client, data_permohonan, jenis_identitas="paspor", nomor_identitas="C1234567").status_code == 302


def test_honeypot_ditolak_tanpa_menyimpan(client: Client, data_permohonan: dict[str, str]) -> None:
    respons = _kirim(client, data_permohonan, situs_web="http://spam.example")
    assert respons.status_code == 400
    assert "tidak dapat diproses" in respons.content.decode()
    assert PermohonanInformasi.objects.count() == 0


def test_batas_per_ip(client: Client, data_permohonan: dict[str, str], settings: Any) -> None:
    settings.LONTAR_PPID_BATAS = {"permohonan": (2, 3600)}
    assert _kirim(client, data_permohonan).status_code == 302
    assert _kirim(client, data_permohonan).status_code == 302
    respons = _kirim(client, data_permohonan)
    assert respons.status_code == 429
    assert "Terlalu banyak permohonan" in respons.content.decode()
    assert PermohonanInformasi.objects.count() == 2
    lain = Client(REMOTE_ADDR="10.0.0.9")
    assert lain.post(URL, data_permohonan).status_code == 302


def test_status_dengan_token_atau_email_dan_skrip_diloloskan(client: Client, data_permohonan: dict[str, str]) -> None:
    data = {**data_permohonan, "nama": SKRIP, "rincian": SKRIP, "alamat": SKRIP}
    p, token = layanan.ajukan_permohonan(**{k: v for k, v in data.items() if k != "situs_web"})
    lain, _t = layanan.ajukan_permohonan(**{**{k: v for k, v in data.items() if k != "situs_web"},
                                          "rincian": "RAHASIA ORANG LAIN", "email": "lain@contoh.id"})  # fmt: skip
    respons = client.post("/ppid/status/", {"nomor": p.nomor, "token": token})
    isi = respons.content.decode()
    assert respons.status_code == 200
    assert SKRIP not in isi and "&lt;script&gt;" in isi
    assert "RAHASIA ORANG LAIN" not in isi and "3273011204900003" not in isi
    assert client.post("/ppid/status/", {"nomor": p.nomor.lower(), "email": "BUDI@contoh.id"}).status_code == 200
    salah = client.post("/ppid/status/", {"nomor": p.nomor, "token": "salah"})
    assert salah.status_code == 400 and "tidak cocok" in salah.content.decode()
    assert client.post("/ppid/status/", {"nomor": lain.nomor, "email": "budi@contoh.id"}).status_code == 400
    assert client.post("/ppid/status/", {"nomor": p.nomor}).status_code == 400


def test_berkas_jawaban_hanya_untuk_pemohon(client: Client, data_permohonan: dict[str, str], petugas: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    p, token = layanan.ajukan_permohonan(**{k: v for k, v in data_permohonan.items() if k != "situs_web"})
    layanan.jawab(petugas, p, "Terlampir.", [SimpleUploadedFile("apbd.pdf", b"%PDF-1.4 isi")])
    berkas = p.berkas.get()
    url = f"/ppid/status/berkas/{berkas.pk}/"
    assert Client().get(url).status_code == 404
    client.post("/ppid/status/", {"nomor": p.nomor, "token": token})
    respons = client.get(url)
    assert respons.status_code == 200 and b"".join(respons.streaming_content) == b"%PDF-1.4 isi"
