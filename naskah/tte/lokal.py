"""The local signer: PAdES signatures made with the certificates of Lontar's own CA.

PAdES baseline B-B (B-T when a timestamp server is configured), SHA-256, ECDSA,
written as an incremental update so the PDF/A the letter was approved as stays byte
for byte inside the signed range; the CA certificate travels in the signature so any
verifier that trusts it can check the chain offline.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.utils.translation import gettext as _

from ..penanda import GalatPenanda
from . import ca
from .posisi import Posisi, posisi_ttd
from .stempel import GayaStempel, Stempel, stempel_untuk

if TYPE_CHECKING:
    from organisasi.models import Pegawai

    from ..models import NaskahKeluarPage, SertifikatPegawai

NAMA_FIELD = "TTE"
# Room for the CMS container without a timestamp (an ECDSA signature and two
# certificates take ~1.5 kB): fixing it skips pyHanko's dummy signing pass. With a TSA
# the size is estimated (the token's size depends on the server).
RUANG_CMS = 8192


def tandatangani_pdf(
    pdf: bytes,
    *,
    sertifikat: SertifikatPegawai,
    sandi: str,
    stempel: Stempel,
    posisi: Posisi | None = None,
    tsa_url: str = "",
) -> bytes:
    """`pdf` signed with `sertifikat` (key unlocked with `sandi`) and a visible stamp at
    `posisi` (default: the template's signature space). Raises GalatSandi for a wrong
    passphrase and GalatPenanda for anything else that stops the signature."""
    from aiohttp import ClientError
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers, timestamps
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    kunci = ca.buka_kunci(sertifikat, sandi)
    tsa_url = tsa_url or getattr(settings, "LONTAR_TTE_TSA_URL", "")
    try:
        if posisi is None:
            posisi = posisi_ttd(pdf)
        kunci_asn1 = asn1_keys.PrivateKeyInfo.load(
            kunci.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        penanda = signers.SimpleSigner(
            signing_cert=_asn1(sertifikat.sertifikat_pem),
            signing_key=kunci_asn1,
            cert_registry=SimpleCertificateStore.from_certs([_asn1(sertifikat.otoritas.sertifikat_pem)]),
        )
        meta = signers.PdfSignatureMetadata(
            field_name=NAMA_FIELD,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            name=stempel.nama,
            reason=_("Penandatanganan naskah dinas elektronik"),
            location=str(getattr(settings, "WAGTAIL_SITE_NAME", "") or "Lontar"),
        )
        kotak = tuple(round(v, 2) for v in posisi.kotak)
        pdf_signer = signers.PdfSigner(
            meta,
            penanda,
            timestamper=timestamps.HTTPTimeStamper(tsa_url, timeout=10) if tsa_url else None,
            stamp_style=GayaStempel(stempel=stempel),
            new_field_spec=fields.SigFieldSpec(NAMA_FIELD, on_page=posisi.halaman, box=kotak),  # type: ignore[arg-type]
        )
        penulis = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        keluaran = pdf_signer.sign_pdf(penulis, bytes_reserved=None if tsa_url else RUANG_CMS)
        return bytes(keluaran.getbuffer())
    except (ClientError, TimeoutError, OSError) as exc:
        if not tsa_url:
            raise GalatPenanda(_("PDF tidak dapat ditandatangani: %(galat)s") % {"galat": exc}) from exc
        raise GalatPenanda(
            _("Server cap waktu (TSA) tidak dapat dihubungi: %(galat)s") % {"galat": str(exc) or type(exc).__name__}
        ) from exc
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise GalatPenanda(_("PDF tidak dapat ditandatangani: %(galat)s") % {"galat": exc}) from exc


def _asn1(pem: str) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(ca.sertifikat_x509(pem).public_bytes(serialization.Encoding.DER))


class PenandaLokal:
    """naskah.penanda.Penanda backed by Lontar's CA. The passphrase unlocks the
    official's key, so it is needed at every signature (`butuh_sandi`)."""

    nama = "lokal"
    butuh_sandi = True

    def periksa_sandi(self, pegawai: Pegawai, sandi: str) -> None:
        ca.buka_kunci(ca.sertifikat_berlaku(pegawai), sandi)

    def tandatangani(self, pdf: bytes, *, naskah: NaskahKeluarPage, sandi: str) -> bytes:
        stempel = stempel_untuk(naskah)
        from organisasi.models import Pegawai

        pegawai = Pegawai.objects.get(user_id=naskah.ditandatangani_oleh_id)
        sertifikat = ca.sertifikat_berlaku(pegawai)
        return tandatangani_pdf(pdf, sertifikat=sertifikat, sandi=sandi, stempel=stempel)
