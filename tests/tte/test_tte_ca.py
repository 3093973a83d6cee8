"""Lontar's CA and the officials' certificates, and the two management commands."""

from __future__ import annotations

import datetime
import io
import sys
import time
from typing import Any

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography import x509
from cryptography.x509.oid import NameOID
from django.core.management import CommandError, call_command
from django.utils import timezone

from naskah.models import OtoritasSertifikat, SertifikatPegawai
from naskah.penanda import GalatSandi, GalatSertifikat
from naskah.tte import ca

SANDI = "sandi-rahasia-123"


def test_buat_ca_idempoten_dan_paksa_membuat_baru(db: None, settings: Any) -> None:
    settings.WAGTAIL_SITE_NAME = "Pemerintah Kota Sukamaju"
    pertama = ca.buat_ca()
    assert ca.buat_ca().pk == pertama.pk == ca.otoritas_aktif().pk
    sertifikat = x509.load_pem_x509_certificate(pertama.sertifikat_pem.encode())
    assert sertifikat.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert sertifikat.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == "Pemerintah Kota Sukamaju"
    assert "ENCRYPTED PRIVATE KEY" in pertama.kunci_pem
    kedua = ca.buat_ca("CA Cadangan", paksa=True)
    assert kedua.pk != pertama.pk and kedua.nama == "CA Cadangan"
    assert list(OtoritasSertifikat.objects.filter(aktif=True)) == [kedua]


def test_kunci_ca_dari_pengaturan_atau_secret_key(db: None, settings: Any) -> None:
    settings.LONTAR_TTE_KUNCI_CA = "kunci-ca-khusus"
    otoritas = ca.buat_ca()
    ca._kunci_ca(otoritas)
    settings.LONTAR_TTE_KUNCI_CA = ""
    with pytest.raises(Exception, match="Kunci CA tidak dapat dibuka"):
        ca._kunci_ca(otoritas)


def test_terbitkan_sertifikat_pegawai(sertifikat: SertifikatPegawai) -> None:
    cert = x509.load_pem_x509_certificate(sertifikat.sertifikat_pem.encode())
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Dr. Ahmad Fauzi, S.Kom., M.T."
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "NIP197508172000031002"
    penggunaan = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert penggunaan.digital_signature and penggunaan.content_commitment and not penggunaan.key_cert_sign
    assert format(cert.serial_number, "x") == sertifikat.nomor_seri
    masa = sertifikat.berlaku_sampai - sertifikat.berlaku_dari
    assert datetime.timedelta(days=729) < masa <= datetime.timedelta(days=730)
    ca_cert = x509.load_pem_x509_certificate(sertifikat.otoritas.sertifikat_pem.encode())
    cert.verify_directly_issued_by(ca_cert)


def test_kunci_pegawai_pkcs8_pbkdf2_mahal_tetapi_cepat_dibuka(sertifikat: SertifikatPegawai) -> None:
    _, _, der = asn1_pem.unarmor(sertifikat.kunci_pem.encode())
    algoritma = asn1_keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"].native
    kdf = algoritma["parameters"]["key_derivation_func"]
    assert kdf["algorithm"] == "pbkdf2" and kdf["parameters"]["iteration_count"] >= 100_000
    assert SANDI not in sertifikat.kunci_pem and SANDI not in sertifikat.sertifikat_pem
    mulai = time.perf_counter()
    ca.buka_kunci(sertifikat, SANDI)
    assert time.perf_counter() - mulai < 0.3  # ~35 ms here; generous for a loaded CI runner
    with pytest.raises(GalatSandi, match="Passphrase salah"):
        ca.buka_kunci(sertifikat, "sandi-yang-keliru")
    with pytest.raises(GalatSandi):
        ca.buka_kunci(sertifikat, "")


def test_sertifikat_ganda_ditolak_kecuali_ganti(sertifikat: SertifikatPegawai) -> None:
    pegawai = sertifikat.pegawai
    with pytest.raises(GalatSertifikat, match="sudah memiliki sertifikat"):
        ca.terbitkan(pegawai, SANDI)
    baru = ca.terbitkan(pegawai, "passphrase-baru-456", hari=30, ganti=True)
    sertifikat.refresh_from_db()
    assert sertifikat.dicabut_pada is not None and sertifikat.alasan_cabut == ca.ALASAN_DIGANTI
    assert ca.sertifikat_berlaku(pegawai) == baru
    # an expired certificate does not block a new one
    SertifikatPegawai.objects.filter(pk=baru.pk).update(berlaku_sampai=timezone.now() - datetime.timedelta(days=1))
    ca.terbitkan(pegawai, SANDI)


def test_sandi_terlalu_pendek(demo: None, otoritas: Any, pengguna_demo: Any) -> None:
    with pytest.raises(GalatSandi, match="minimal 8 karakter"):
        ca.terbitkan(pengguna_demo("pejabat").pegawai, "pendek")
    assert not SertifikatPegawai.objects.exists()


def test_sertifikat_berlaku_pesan_jelas(sertifikat: SertifikatPegawai, pengguna_demo: Any) -> None:
    with pytest.raises(GalatSertifikat, match="belum memiliki sertifikat elektronik"):
        ca.sertifikat_berlaku(pengguna_demo("kadinkes").pegawai)
    SertifikatPegawai.objects.filter(pk=sertifikat.pk).update(
        berlaku_sampai=timezone.make_aware(datetime.datetime(2026, 3, 2, 12))
    )
    with pytest.raises(GalatSertifikat, match="kedaluwarsa pada 2 Maret 2026"):
        ca.sertifikat_berlaku(sertifikat.pegawai)
    ca.cabut(sertifikat, "pensiun")
    with pytest.raises(GalatSertifikat, match=r"dicabut pada .* \(pensiun\)"):
        ca.sertifikat_berlaku(sertifikat.pegawai)


def test_perintah_buat_ca(db: None) -> None:
    keluaran = io.StringIO()
    call_command("buat_ca", stdout=keluaran)
    call_command("buat_ca", stdout=keluaran)
    teks = keluaran.getvalue()
    assert teks.count("CA baru dibuat.") == 1 and "CA sudah ada." in teks
    sidik = ca.sidik_jari(ca.otoritas_aktif().sertifikat_pem)
    assert teks.count(f"SHA-256: {sidik}") == 2 and "Subjek: " in teks
    call_command("buat_ca", "--paksa", stdout=io.StringIO())
    assert OtoritasSertifikat.objects.count() == 2


def test_perintah_terbitkan_sertifikat(demo: None, monkeypatch: Any, pengguna_demo: Any) -> None:
    nip = pengguna_demo("pejabat").pegawai.nip
    monkeypatch.setattr(sys, "stdin", io.StringIO(SANDI + "\n"))
    keluaran = io.StringIO()
    call_command("terbitkan_sertifikat", nip, "--sandi-stdin", "--hari", "90", stdout=keluaran)
    assert "Sertifikat diterbitkan untuk Dr. Ahmad Fauzi" in keluaran.getvalue()
    sertifikat = ca.sertifikat_berlaku(pengguna_demo("pejabat").pegawai)
    ca.buka_kunci(sertifikat, SANDI)
    assert sertifikat.berlaku_sampai - sertifikat.berlaku_dari <= datetime.timedelta(days=90)

    # interactive: typed twice; a mismatch or an existing certificate is refused
    jawaban = iter(["passphrase-baru-456", "passphrase-lain-789"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(jawaban))
    with pytest.raises(CommandError, match="tidak sama"):
        call_command("terbitkan_sertifikat", nip)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "passphrase-baru-456")
    with pytest.raises(CommandError, match="sudah memiliki sertifikat"):
        call_command("terbitkan_sertifikat", nip, stdout=io.StringIO())
    call_command("terbitkan_sertifikat", nip, "--ganti", stdout=io.StringIO())
    ca.buka_kunci(ca.sertifikat_berlaku(pengguna_demo("pejabat").pegawai), "passphrase-baru-456")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("terbitkan_sertifikat", "199901012020011001", "--sandi-stdin")
