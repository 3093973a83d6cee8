"""Checking an uploaded PDF on the public verification page.

Anyone may upload anything here, so `periksa_pdf` never raises: the size is checked
before a byte is parsed, and every odd file ends in a status. Trust is offline and
explicit: the certificates of every CA Lontar has had (an old CA keeps verifying the
letters it signed) plus the PEM files in LONTAR_TTE_AKAR_TEPERCAYA (e.g. the BSrE root);
nothing is fetched from the network.

Certificates are checked at the signing time the signature claims (the timestamp's,
for B-T): a letter stays "sah" after its signer's certificate expires. A certificate
revoked in Lontar's database invalidates every signature it made, except when it was
revoked because it was replaced (ca.ALASAN_DIGANTI): signatures made before that stay
valid, as X.509 "superseded" means.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import OtoritasSertifikat, SertifikatPegawai
from . import ca

if TYPE_CHECKING:
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature

logger = logging.getLogger(__name__)


class StatusVerifikasi(models.TextChoices):
    SAH = "sah", gettext_lazy("Sah")
    DIUBAH = "diubah", gettext_lazy("Diubah setelah ditandatangani")
    PENANDA_TIDAK_DIKENAL = "penanda_tidak_dikenal", gettext_lazy("Penanda tangan tidak dikenal")
    SERTIFIKAT_DICABUT = "sertifikat_dicabut", gettext_lazy("Sertifikat dicabut atau tidak berlaku")
    TANPA_TANDA_TANGAN = "tanpa_tanda_tangan", gettext_lazy("Tanpa tanda tangan elektronik")
    BUKAN_PDF = "bukan_pdf", gettext_lazy("Bukan PDF")
    TERENKRIPSI = "terenkripsi", gettext_lazy("PDF terenkripsi")
    TERLALU_BESAR = "terlalu_besar", gettext_lazy("Berkas terlalu besar")
    RUSAK = "rusak", gettext_lazy("PDF rusak")


# Worst first: the document's status is the worst of its signatures.
_URUTAN = [
    StatusVerifikasi.RUSAK,
    StatusVerifikasi.DIUBAH,
    StatusVerifikasi.SERTIFIKAT_DICABUT,
    StatusVerifikasi.PENANDA_TIDAK_DIKENAL,
    StatusVerifikasi.SAH,
]


def _pesan(status: str) -> str:
    pesan: dict[str, str] = {
        StatusVerifikasi.SAH: _(
            "Tanda tangan elektronik sah: dokumen tidak berubah sejak ditandatangani dan sertifikat "
            "penanda tangan diterbitkan oleh otoritas tepercaya."
        ),
        StatusVerifikasi.DIUBAH: _(
            "Dokumen telah diubah setelah ditandatangani; tanda tangan tidak lagi menjamin isinya."
        ),
        StatusVerifikasi.PENANDA_TIDAK_DIKENAL: _(
            "Dokumen utuh, tetapi sertifikat penanda tangan tidak diterbitkan oleh otoritas yang dipercaya sistem ini."
        ),
        StatusVerifikasi.SERTIFIKAT_DICABUT: _(
            "Sertifikat penanda tangan telah dicabut atau tidak berlaku saat dokumen ditandatangani."
        ),
        StatusVerifikasi.TANPA_TANDA_TANGAN: _("Dokumen ini tidak memuat tanda tangan elektronik."),
        StatusVerifikasi.BUKAN_PDF: _("Berkas ini bukan dokumen PDF."),
        StatusVerifikasi.TERENKRIPSI: _("PDF terenkripsi (dilindungi kata sandi) tidak dapat diperiksa."),
        StatusVerifikasi.TERLALU_BESAR: _("Ukuran berkas melebihi batas %(mb)d MB.")
        % {"mb": settings.LONTAR_TTE_BATAS_UNGGAH_MB},
        StatusVerifikasi.RUSAK: _("PDF rusak atau tidak dapat dibaca."),
    }
    return pesan[status]


@dataclass(frozen=True)
class FaktaTandaTangan:
    """One signature as the verification page shows it."""

    status: str
    nama: str  # subject CN
    nip: str  # NIP (Lontar certificates) or the subject serialNumber
    nomor_seri: str  # certificate serial, hex
    penerbit: str  # issuer CN
    waktu: datetime.datetime | None  # claimed signing time (timestamp time when B-T)
    seluruh_berkas: bool  # nothing was appended after this signature
    sha256_revisi: str  # of the file as it was when signed (up to the end of its byte range)
    bidang: str = ""  # signature field name
    keterangan: str = ""


@dataclass(frozen=True)
class HasilVerifikasi:
    status: str
    pesan: str
    tanda_tangan: list[FaktaTandaTangan] = field(default_factory=list)

    @property
    def sah(self) -> bool:
        return self.status == StatusVerifikasi.SAH


def _hasil(status: str, tanda_tangan: list[FaktaTandaTangan] | None = None) -> HasilVerifikasi:
    return HasilVerifikasi(status=str(status), pesan=_pesan(status), tanda_tangan=tanda_tangan or [])


def periksa_pdf(data: bytes) -> HasilVerifikasi:
    """What the uploaded `data` is worth as a signed letter (see the module docstring)."""
    if len(data) > settings.LONTAR_TTE_BATAS_UNGGAH_MB * 1024 * 1024:
        return _hasil(StatusVerifikasi.TERLALU_BESAR)
    if b"%PDF-" not in data[:1024]:
        return _hasil(StatusVerifikasi.BUKAN_PDF)
    try:
        return _periksa(data)
    except Exception:  # untrusted upload: any parser failure means a damaged file
        logger.info("PDF unggahan tidak dapat diperiksa", exc_info=True)
        return _hasil(StatusVerifikasi.RUSAK)


def _periksa(data: bytes) -> HasilVerifikasi:
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except PdfReadError:
        return _hasil(StatusVerifikasi.RUSAK)
    if reader.encrypted:
        return _hasil(StatusVerifikasi.TERENKRIPSI)
    tanda_tangan = reader.embedded_regular_signatures
    if not tanda_tangan:
        return _hasil(StatusVerifikasi.TANPA_TANDA_TANGAN)
    akar = akar_tepercaya()
    fakta = [_periksa_satu(data, sig, akar) for sig in tanda_tangan]
    status = min((f.status for f in fakta), key=lambda s: _URUTAN.index(StatusVerifikasi(s)))
    return _hasil(status, fakta)


def akar_tepercaya() -> list[Any]:
    """Every Lontar CA certificate plus the PEM files of LONTAR_TTE_AKAR_TEPERCAYA, as
    asn1crypto certificates. An unreadable file is logged and skipped."""
    from asn1crypto import x509 as asn1_x509

    pem_ca = OtoritasSertifikat.objects.values_list("sertifikat_pem", flat=True)
    sertifikat = [ca.sertifikat_x509(pem) for pem in pem_ca]
    for jalur in getattr(settings, "LONTAR_TTE_AKAR_TEPERCAYA", []) or []:
        try:
            with open(jalur, "rb") as f:
                sertifikat += x509.load_pem_x509_certificates(f.read())
        except (OSError, ValueError):
            logger.warning("Akar tepercaya TTE tidak dapat dibaca: %s", jalur, exc_info=True)
    return [asn1_x509.Certificate.load(s.public_bytes(serialization.Encoding.DER)) for s in sertifikat]


def _periksa_satu(data: bytes, sig: EmbeddedPdfSignature, akar: list[Any]) -> FaktaTandaTangan:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    dasar = _fakta_dasar(data, sig)
    waktu = dasar["waktu"]
    try:
        konteks = ValidationContext(trust_roots=akar, allow_fetching=False, moment=waktu)
        hasil = validate_pdf_signature(
            sig,
            konteks,
            key_usage_settings=KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"}),
        )
    except Exception as exc:  # malformed CMS or unsupported algorithm in an upload
        logger.info("Tanda tangan tidak dapat divalidasi", exc_info=True)
        return FaktaTandaTangan(status=StatusVerifikasi.RUSAK, keterangan=str(exc)[:200], **dasar)
    if hasil.timestamp_validity is not None and hasil.timestamp_validity.intact and hasil.timestamp_validity.valid:
        dasar["waktu"] = waktu = hasil.timestamp_validity.timestamp
    jenjang = hasil.modification_level
    aman = {ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING}
    status: str
    if not (hasil.intact and hasil.valid):
        status, keterangan = StatusVerifikasi.DIUBAH, _("Isi yang ditandatangani tidak cocok dengan tanda tangan.")
    elif hasil.coverage is None or hasil.coverage < SignatureCoverageLevel.ENTIRE_REVISION or jenjang not in aman:
        status, keterangan = StatusVerifikasi.DIUBAH, _("Dokumen diubah setelah ditandatangani.")
    else:
        status, keterangan = _status_sertifikat(sig, waktu, trusted=hasil.trusted)
    return FaktaTandaTangan(status=status, keterangan=keterangan, **dasar)


def _status_sertifikat(sig: EmbeddedPdfSignature, waktu: datetime.datetime | None, *, trusted: bool) -> tuple[str, str]:
    """Lontar's own record of the certificate first (revoked, expired at signing time),
    then the chain of trust."""
    cert = sig.signer_cert
    catatan = SertifikatPegawai.objects.filter(nomor_seri=format(cert.serial_number, "x")).first()
    if (
        catatan is not None
        and ca.sertifikat_x509(catatan.sertifikat_pem).public_bytes(serialization.Encoding.DER) != cert.dump()
    ):
        catatan = None  # same serial, different certificate: not ours
    if catatan is not None:
        if catatan.dicabut_pada is not None and (
            catatan.alasan_cabut != ca.ALASAN_DIGANTI or waktu is None or waktu >= catatan.dicabut_pada
        ):
            return StatusVerifikasi.SERTIFIKAT_DICABUT, _("Sertifikat dicabut: %(alasan)s") % {
                "alasan": catatan.alasan_cabut or "-"
            }
        if waktu is not None and not (catatan.berlaku_dari <= waktu <= catatan.berlaku_sampai):
            return StatusVerifikasi.SERTIFIKAT_DICABUT, _("Sertifikat tidak berlaku pada waktu penandatanganan.")
    if not trusted:
        return StatusVerifikasi.PENANDA_TIDAK_DIKENAL, _("Rantai sertifikat tidak berujung pada otoritas tepercaya.")
    return StatusVerifikasi.SAH, ""


def _fakta_dasar(data: bytes, sig: EmbeddedPdfSignature) -> dict[str, Any]:
    cert = sig.signer_cert
    subjek = cert.subject.native
    nomor = str(subjek.get("serial_number", ""))
    rentang = list(sig.byte_range)
    akhir = int(rentang[-2]) + int(rentang[-1]) if len(rentang) == 4 else len(data)
    return {
        "nama": str(subjek.get("common_name", "")),
        "nip": nomor[3:] if nomor.startswith("NIP") else nomor,
        "nomor_seri": format(cert.serial_number, "x"),
        "penerbit": str(cert.issuer.native.get("common_name", "")),
        "waktu": sig.self_reported_timestamp,
        "seluruh_berkas": not data[akhir:].strip(),
        "sha256_revisi": hashlib.sha256(data[:akhir]).hexdigest(),
        "bidang": str(sig.field_name or ""),
    }
