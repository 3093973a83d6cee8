"""Lontar's own certificate authority and the officials' signing certificates.

Key type: EC P-256 (ECDSA with SHA-256) for the CA and for every official. It gives the
security of RSA-3072 (~128 bit) with 64-byte signatures, key generation in well under a
millisecond (RSA-3072 takes ~0.5 s) and signing in ~0.1 ms; PAdES (ETSI EN 319 142),
Adobe Acrobat/Reader, EU DSS and pyHanko all validate ECDSA signatures. Change
`_kunci_baru` to RSA only if a verifier you must support rejects ECDSA.

Where keys live:
- the CA key: PKCS#8 PEM encrypted with a key from LONTAR_TTE_KUNCI_CA, or, when that is
  empty, derived from SECRET_KEY with HKDF. Rotating SECRET_KEY without setting
  LONTAR_TTE_KUNCI_CA to the old value makes the CA key unreadable (new certificates
  then need `buat_ca --paksa`; signatures already made stay verifiable).
- an official's key: PKCS#8 PEM, PBES2 (PBKDF2-HMAC-SHA256, `ITERASI_PBKDF2` rounds,
  AES-256-CBC) with THEIR passphrase, which Lontar never stores or logs. cryptography's
  BestAvailableEncryption uses only 2048 PBKDF2 rounds, cheap to brute-force from a
  leaked database; PKCS#12 would need the certificate stored twice. 150 000 rounds cost
  ~35 ms per unlock here (once per signature) and 73× more per guess for an attacker;
  the result is standard PKCS#8 that `openssl pkey` reads, so a key can be exported.
"""

from __future__ import annotations

import base64
import datetime
import os
from typing import TYPE_CHECKING

from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import OtoritasSertifikat, SertifikatPegawai
from ..penanda import GalatPenanda, GalatSandi, GalatSertifikat

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

    from organisasi.models import Pegawai

ITERASI_PBKDF2 = 150_000
PANJANG_SANDI_MINIMAL = 8
MASA_CA_HARI = 3650
# Reason recorded when a certificate is replaced (renewal): signatures made before the
# replacement stay valid (X.509 "superseded"); any other reason invalidates them all.
ALASAN_DIGANTI = "diganti"


# --- the CA ---------------------------------------------------------------------------------
def _nama_instansi() -> str:
    return str(getattr(settings, "WAGTAIL_SITE_NAME", "") or "Lontar")


def _sandi_ca() -> bytes:
    """The CA key's encryption passphrase: LONTAR_TTE_KUNCI_CA or HKDF(SECRET_KEY), both
    stretched by HKDF so any length of configured secret gives 32 random-looking bytes."""
    rahasia = getattr(settings, "LONTAR_TTE_KUNCI_CA", "") or settings.SECRET_KEY
    kunci = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"lontar:tte-ca").derive(rahasia.encode())
    return base64.urlsafe_b64encode(kunci)


def _kunci_baru() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def otoritas_aktif() -> OtoritasSertifikat | None:
    """The CA that issues new certificates (at most one is active)."""
    return OtoritasSertifikat.objects.filter(aktif=True).first()


def buat_ca(nama: str | None = None, *, paksa: bool = False) -> OtoritasSertifikat:
    """The active CA, created when there is none (or replaced when `paksa`). A replaced
    CA stays in the table, inactive: letters signed under it still verify."""
    with transaction.atomic():
        ada = OtoritasSertifikat.objects.select_for_update().filter(aktif=True).first()
        if ada is not None and not paksa:
            return ada
        if ada is not None:
            OtoritasSertifikat.objects.filter(pk=ada.pk).update(aktif=False)
        nama = nama or _("CA TTE %(instansi)s") % {"instansi": _nama_instansi()}
        kunci = _kunci_baru()
        subjek = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, nama),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _nama_instansi()),
                x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            ]
        )
        mulai = timezone.now() - datetime.timedelta(minutes=5)
        sampai = mulai + datetime.timedelta(days=MASA_CA_HARI)
        sertifikat = (
            x509.CertificateBuilder()
            .subject_name(subjek)
            .issuer_name(subjek)
            .public_key(kunci.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(mulai)
            .not_valid_after(sampai)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(kunci.public_key()), critical=False)
            .sign(kunci, hashes.SHA256())
        )
        return OtoritasSertifikat.objects.create(
            nama=nama,
            sertifikat_pem=sertifikat.public_bytes(serialization.Encoding.PEM).decode(),
            kunci_pem=kunci.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.BestAvailableEncryption(_sandi_ca()),
            ).decode(),
            aktif=True,
            berlaku_sampai=sampai,
        )


def sertifikat_x509(pem: str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pem.encode())


def sidik_jari(pem: str) -> str:
    """SHA-256 fingerprint as colon-separated hex, as browsers and openssl show it."""
    return sertifikat_x509(pem).fingerprint(hashes.SHA256()).hex(":").upper()


def _kunci_ca(otoritas: OtoritasSertifikat) -> ec.EllipticCurvePrivateKey:
    try:
        kunci = serialization.load_pem_private_key(otoritas.kunci_pem.encode(), password=_sandi_ca())
    except ValueError as exc:
        raise GalatPenanda(
            _(
                "Kunci CA tidak dapat dibuka (SECRET_KEY atau LONTAR_TTE_KUNCI_CA berubah?). "
                "Kembalikan nilai lama, atau buat CA baru dengan `manage.py buat_ca --paksa`."
            )
        ) from exc
    if not isinstance(kunci, ec.EllipticCurvePrivateKey):
        raise GalatPenanda(_("Jenis kunci CA tidak didukung."))
    return kunci


# --- officials' certificates ----------------------------------------------------------------
def _enkripsi_kunci(kunci: PrivateKeyTypes, sandi: str) -> str:
    """PKCS#8 EncryptedPrivateKeyInfo (PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) as PEM,
    with `ITERASI_PBKDF2` rounds instead of BestAvailableEncryption's 2048."""
    polos = kunci.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    garam, iv = os.urandom(16), os.urandom(16)
    kunci_aes = PBKDF2HMAC(hashes.SHA256(), 32, garam, ITERASI_PBKDF2).derive(sandi.encode())
    pengisi = padding.PKCS7(128).padder()
    isi = pengisi.update(polos) + pengisi.finalize()
    enkriptor = Cipher(algorithms.AES(kunci_aes), modes.CBC(iv)).encryptor()
    sandi_teks = enkriptor.update(isi) + enkriptor.finalize()
    info = asn1_keys.EncryptedPrivateKeyInfo(
        {
            "encryption_algorithm": {
                "algorithm": "pbes2",
                "parameters": {
                    "key_derivation_func": {
                        "algorithm": "pbkdf2",
                        "parameters": {
                            "salt": ("specified", garam),
                            "iteration_count": ITERASI_PBKDF2,
                            "prf": {"algorithm": "sha256", "parameters": None},
                        },
                    },
                    "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
                },
            },
            "encrypted_data": sandi_teks,
        }
    )
    return asn1_pem.armor("ENCRYPTED PRIVATE KEY", info.dump()).decode()


def _periksa_panjang(sandi: str) -> None:
    if len(sandi) < PANJANG_SANDI_MINIMAL:
        raise GalatSandi(_("Passphrase minimal %(n)d karakter.") % {"n": PANJANG_SANDI_MINIMAL})


def terbitkan(pegawai: Pegawai, sandi: str, *, hari: int = 730, ganti: bool = False) -> SertifikatPegawai:
    """Issue a signing certificate to `pegawai` from the active CA (created if none),
    with a new key encrypted by `sandi`. An existing unrevoked certificate is revoked
    first when `ganti` (or when it has expired anyway), else GalatSertifikat."""
    _periksa_panjang(sandi)
    if hari < 1:
        raise GalatSertifikat(_("Masa berlaku sertifikat minimal 1 hari."))
    otoritas = buat_ca()
    kunci_ca = _kunci_ca(otoritas)
    sertifikat_ca = sertifikat_x509(otoritas.sertifikat_pem)
    with transaction.atomic():
        lama = SertifikatPegawai.objects.select_for_update().filter(pegawai=pegawai, dicabut_pada__isnull=True).first()
        if lama is not None:
            if not ganti and lama.berlaku_sampai > timezone.now():
                raise GalatSertifikat(
                    _(
                        "%(nama)s sudah memiliki sertifikat elektronik yang berlaku sampai %(tanggal)s; "
                        "gunakan opsi ganti untuk menerbitkan yang baru."
                    )
                    % {"nama": pegawai.nama, "tanggal": _tanggal(lama.berlaku_sampai)}
                )
            cabut(lama, ALASAN_DIGANTI)
        kunci = _kunci_baru()
        mulai = timezone.now() - datetime.timedelta(minutes=5)
        sampai = min(mulai + datetime.timedelta(days=hari), otoritas.berlaku_sampai)
        subjek = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, pegawai.nama),
                x509.NameAttribute(NameOID.SERIAL_NUMBER, f"NIP{pegawai.nip}"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, _nama_instansi()),
                x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            ]
        )
        seri = x509.random_serial_number()
        sertifikat = (
            x509.CertificateBuilder()
            .subject_name(subjek)
            .issuer_name(sertifikat_ca.subject)
            .public_key(kunci.public_key())
            .serial_number(seri)
            .not_valid_before(mulai)
            .not_valid_after(sampai)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(kunci.public_key()), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(kunci_ca.public_key()),
                critical=False,
            )
            .sign(kunci_ca, hashes.SHA256())
        )
        return SertifikatPegawai.objects.create(
            pegawai=pegawai,
            otoritas=otoritas,
            nomor_seri=format(seri, "x"),
            sertifikat_pem=sertifikat.public_bytes(serialization.Encoding.PEM).decode(),
            kunci_pem=_enkripsi_kunci(kunci, sandi),
            berlaku_dari=mulai,
            berlaku_sampai=sampai,
        )


def cabut(sertifikat: SertifikatPegawai, alasan: str) -> SertifikatPegawai:
    """Revoke (idempotent: the first revocation's time and reason are kept)."""
    if sertifikat.dicabut_pada is None:
        sertifikat.dicabut_pada = timezone.now()
        sertifikat.alasan_cabut = (alasan or "")[:200]
        sertifikat.save(update_fields=["dicabut_pada", "alasan_cabut"])
    return sertifikat


def _tanggal(waktu: datetime.datetime) -> str:
    from templates_surat.tanggal import tanggal_indonesia

    return tanggal_indonesia(timezone.localtime(waktu).date())


def sertifikat_berlaku(pegawai: Pegawai) -> SertifikatPegawai:
    """The certificate `pegawai` signs with now, or GalatSertifikat saying why not."""
    sertifikat = SertifikatPegawai.objects.filter(pegawai=pegawai, dicabut_pada__isnull=True).first()
    sekarang = timezone.now()
    if sertifikat is None:
        terakhir = SertifikatPegawai.objects.filter(pegawai=pegawai).order_by("-dicabut_pada").first()
        if terakhir is not None and terakhir.dicabut_pada is not None:
            raise GalatSertifikat(
                _("Sertifikat elektronik %(nama)s dicabut pada %(tanggal)s (%(alasan)s).")
                % {
                    "nama": pegawai.nama,
                    "tanggal": _tanggal(terakhir.dicabut_pada),
                    "alasan": terakhir.alasan_cabut or _("tanpa alasan"),
                }
            )
        raise GalatSertifikat(
            _("%(nama)s belum memiliki sertifikat elektronik. Hubungi administrator TTE.") % {"nama": pegawai.nama}
        )
    if sertifikat.berlaku_sampai <= sekarang:
        raise GalatSertifikat(
            _("Sertifikat elektronik %(nama)s kedaluwarsa pada %(tanggal)s.")
            % {"nama": pegawai.nama, "tanggal": _tanggal(sertifikat.berlaku_sampai)}
        )
    if sertifikat.berlaku_dari > sekarang:
        raise GalatSertifikat(
            _("Sertifikat elektronik %(nama)s baru berlaku pada %(tanggal)s.")
            % {"nama": pegawai.nama, "tanggal": formats.date_format(timezone.localtime(sertifikat.berlaku_dari))}
        )
    return sertifikat


def buka_kunci(sertifikat: SertifikatPegawai, sandi: str) -> ec.EllipticCurvePrivateKey:
    """The official's private key, or GalatSandi when the passphrase is wrong."""
    try:
        kunci = serialization.load_pem_private_key(sertifikat.kunci_pem.encode(), password=sandi.encode())
    except (ValueError, TypeError):  # TypeError: empty passphrase for an encrypted key
        raise GalatSandi(_("Passphrase salah.")) from None
    if not isinstance(kunci, ec.EllipticCurvePrivateKey):
        raise GalatPenanda(_("Jenis kunci sertifikat tidak didukung."))
    return kunci
