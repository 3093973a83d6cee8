"""A small stand-in for a BSrE-style Esign Client Service, for tests and the demo.

Why: the real service needs an institution account, registered officials and the
network; tests must run offline and must be able to make the service slow, down or
unreachable on purpose. This fake speaks the same HTTP API as naskah.tte.bsre expects
(docs/tte-bsre.md), with Basic authentication, and signs for real: PAdES with pyHanko,
under a CA it creates at start, with a visible stamp (QR code to `linkQR`, the
signer's name and time, DejaVu Sans embedded) at the requested coordinates.

The stamp is rendered by WeasyPrint and imported as the signature appearance, rather
than with pyHanko's QRStampStyle + an OpenType font engine, because those need the
`qrcode` and `uharfbuzz` packages, which Lontar does not install; segno (already a
dependency) draws the QR code.

Test controls on a `LayananPalsu`: `latensi_ms` (delay before each answer), `mati`
(answer 503 to everything), `panggilan` (requests received, including refused ones)
and `tanda_tangan` (successful signatures per NIK). Start it on loopback with
`mulai()` → base URL, stop it with `berhenti()`; or run `manage.py bsre_palsu`.
"""

from __future__ import annotations

import base64
import binascii
import collections
import datetime
import hmac
import io
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from zoneinfo import ZoneInfo

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import content
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import BoxConstraints
from pyhanko.pdf_utils.reader import PdfFileReader

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_TEBAL = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
ZONA = ZoneInfo("Asia/Jakarta")
NAMA_CA = "BSrE Palsu Lontar (hanya untuk uji)"

Tanggapan = tuple[str, list[tuple[str, str]], bytes]
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass
class Pengguna:
    """An official registered at the service. `status` as the real user-status
    endpoint reports it: ISSUE (may sign), EXPIRED, REVOKE, SUSPEND, …"""

    nama: str
    passphrase: str
    status: str = "ISSUE"


def muat_pengguna(berkas: str | Path) -> dict[str, Pengguna]:
    """Users from a JSON file: {"<NIK>": {"nama": …, "passphrase": …, "status": "ISSUE"}}."""
    data = json.loads(Path(berkas).read_text(encoding="utf-8"))
    return {str(nik): Pengguna(**isi) for nik, isi in data.items()}


def pengguna_dari_pegawai() -> dict[str, Pengguna]:
    """For the demo: every active Pegawai with a NIK, passphrase LONTAR_DEMO_PASSWORD."""
    from django.conf import settings

    from organisasi.models import Pegawai

    return {
        p.nik: Pengguna(nama=p.nama, passphrase=settings.LONTAR_DEMO_PASSWORD)
        for p in Pegawai.objects.filter(aktif=True).exclude(nik="")
    }


# --- keys and certificates --------------------------------------------------------------
def _nama(cn: str, **lain: str) -> x509.Name:
    atribut = [x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if "serial" in lain:
        atribut.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, lain["serial"]))
    atribut.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, lain.get("o", "Balai Sertifikasi Elektronik (uji)")))
    return x509.Name(atribut)


def _buat_ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    kunci = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kini = datetime.datetime.now(datetime.UTC)
    nama = _nama(NAMA_CA)
    sertifikat = (
        x509.CertificateBuilder()
        .subject_name(nama)
        .issuer_name(nama)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(kini - datetime.timedelta(days=1))
        .not_valid_after(kini + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )  # keyCertSign, cRLSign
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(kunci.public_key()), critical=False)
        .sign(kunci, hashes.SHA256())
    )
    return kunci, sertifikat


def _terbitkan(
    ca_kunci: rsa.RSAPrivateKey, ca: x509.Certificate, nik: str, nama: str
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    kunci = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kini = datetime.datetime.now(datetime.UTC)
    sertifikat = (
        x509.CertificateBuilder()
        .subject_name(_nama(nama, serial=f"NIK{nik}"))
        .issuer_name(ca.subject)
        .public_key(kunci.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(kini - datetime.timedelta(days=1))
        .not_valid_after(kini + datetime.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True
        )  # digitalSignature, nonRepudiation
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_kunci.public_key()), critical=False)
        .sign(ca_kunci, hashes.SHA256())
    )
    return kunci, sertifikat


def _asn1(sertifikat: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(sertifikat.public_bytes(serialization.Encoding.DER))


def _penanda_rsa(kunci: rsa.RSAPrivateKey, **kwargs: Any) -> Any:
    """A pyHanko SimpleSigner that keeps the loaded key. pyHanko re-parses the key for
    every raw signature, and loading an RSA-2048 key validates it (~130 ms, twice per
    PDF with the size estimate): most of the fake's signing time otherwise."""
    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from pyhanko.sign import signers
    from pyhanko.sign.general import get_pyca_cryptography_hash

    class PenandaRsa(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mekanisme = self.get_signature_mechanism_for_digest(digest_algorithm)
            if mekanisme.signature_algo != "rsassa_pkcs1v15":
                return super().sign_raw(data, digest_algorithm)
            return kunci.sign(data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))

    return PenandaRsa(**kwargs)


# --- the visible stamp -------------------------------------------------------------------
class _HalamanPdf(content.PdfContent):
    """pyHanko content that imports page 1 of an in-memory PDF (pyHanko's own
    ImportedPdfPage only reads from a file name)."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data

    def render(self) -> bytes:
        xobj = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        nama = b"/Stempel" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[nama.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return nama + b" Do"


def _font_face(keluarga: str, berkas: Path, tebal: bool) -> str:
    if not berkas.exists():
        return ""
    return (
        f"@font-face{{font-family:{keluarga};font-weight:{'bold' if tebal else 'normal'};src:url({berkas.as_uri()})}}"
    )


def gambar_stempel(lebar: float, tinggi: float, *, nama: str, waktu: datetime.datetime, tautan: str) -> bytes:
    """A one-page PDF of `lebar`×`tinggi` points: QR code of `tautan` on the left, who
    signed and when on the right, in DejaVu Sans (embedded by WeasyPrint)."""
    import segno
    from weasyprint import HTML

    ukuran_qr = max(10.0, min(tinggi, lebar / 2) - 6)
    huruf = max(4.5, min(8.0, tinggi / 7.5))
    qr = segno.make(tautan or "-", error="m").svg_data_uri(border=1, dark="#000000") if tautan else ""
    gaya = (
        _font_face("TteSans", FONT, False)
        + _font_face("TteSans", FONT_TEBAL, True)
        + f"@page{{size:{lebar:.2f}pt {tinggi:.2f}pt;margin:0}}"
        f"body{{margin:0;font-family:TteSans,sans-serif;font-size:{huruf:.1f}pt;line-height:1.2;color:#0d2a5c}}"
        ".k{position:absolute;top:0;left:0;right:0;bottom:0;border:0.6pt solid #0d2a5c;border-radius:2pt;"
        "display:flex;align-items:center;padding:2pt;box-sizing:border-box;background:#fff}"
        f"img{{width:{ukuran_qr:.1f}pt;height:{ukuran_qr:.1f}pt;margin-right:3pt;flex:none}}"
        "p{margin:0}"
    )
    teks = (
        "<p>Ditandatangani secara elektronik oleh</p>"
        f"<p><b>{escape(nama)}</b></p>"
        f"<p>{waktu.astimezone(ZONA):%d-%m-%Y %H:%M:%S} WIB</p>"
        "<p><i>BSrE uji (bukan sertifikat resmi)</i></p>"
    )
    gambar = f'<img src="{qr}">' if qr else ""
    html = f"<html><head><style>{gaya}</style></head><body><div class=k>{gambar}<div>{teks}</div></div></body></html>"
    return HTML(string=html, base_url="/").write_pdf()


# --- multipart ---------------------------------------------------------------------------
def urai_multipart(jenis: str, badan: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data → {name: (filename, bytes)}, byte-exact (PDF parts must
    not be touched, so no email.parser line handling)."""
    batas = ""
    for bagian in jenis.split(";")[1:]:
        kunci, _, nilai = bagian.strip().partition("=")
        if kunci.lower() == "boundary":
            batas = nilai.strip('"')
    if not batas:
        return {}
    hasil: dict[str, tuple[str | None, bytes]] = {}
    for potong in badan.split(b"--" + batas.encode("latin-1"))[1:]:
        if potong.startswith(b"--"):
            break
        kepala, _, isi = potong.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        isi = isi.removesuffix(b"\r\n")
        nama, berkas = None, None
        for baris in kepala.decode("utf-8", "replace").split("\r\n"):
            if baris.lower().startswith("content-disposition:"):
                for param in baris.split(";")[1:]:
                    k, _, v = param.strip().partition("=")
                    if k == "name":
                        nama = v.strip('"')
                    elif k == "filename":
                        berkas = v.strip('"')
        if nama is not None:
            hasil[nama] = (berkas, isi)
    return hasil


# --- the service -------------------------------------------------------------------------
class _Peladen(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    block_on_close = False


class _PenanganDiam(WSGIRequestHandler):
    """No access log: the fake runs inside test output (and requests are not logged
    anywhere, so nothing sent can leak from here)."""

    def log_message(self, format: str, *args: Any) -> None:
        return None


def _json(kode_http: str, isi: dict[str, Any], kepala: Iterable[tuple[str, str]] = ()) -> Tanggapan:
    return kode_http, [("Content-Type", "application/json"), *kepala], json.dumps(isi).encode()


def _galat(kode_http: str, pesan: str, kode: int) -> Tanggapan:
    return _json(kode_http, {"error": pesan, "status_code": kode})


class LayananPalsu:
    """The fake service: a WSGI application plus its own CA and test controls."""

    def __init__(
        self,
        pengguna: dict[str, Pengguna] | None = None,
        *,
        akun: tuple[str, str] = ("lontar", ""),
        latensi_ms: int = 0,
    ) -> None:
        self.pengguna: dict[str, Pengguna] = dict(pengguna or {})
        self.akun = akun
        self.latensi_ms = latensi_ms
        self.mati = False
        self.panggilan = 0
        self.tanda_tangan: collections.Counter[str] = collections.Counter()
        # The text fields of the last sign request, without the passphrase (for tests).
        self.bidang_terakhir: dict[str, str] = {}
        self._kunci_ca, self._ca = _buat_ca()
        self.ca_pem: str = self._ca.public_bytes(serialization.Encoding.PEM).decode()
        self.ca_sertifikat = _asn1(self._ca)
        self._penanda: dict[str, Any] = {}
        self._kunci = threading.Lock()
        self._peladen: _Peladen | None = None
        self._benang: threading.Thread | None = None
        self.url = ""

    # --- life cycle ----------------------------------------------------------------------
    def mulai(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a background thread; return the base URL (port 0 = any free port)."""
        self._peladen = make_server(host, port, self, server_class=_Peladen, handler_class=_PenanganDiam)
        self.url = f"http://{host}:{self._peladen.server_port}"
        self._benang = threading.Thread(target=self._peladen.serve_forever, name="bsre-palsu", daemon=True)
        self._benang.start()
        return self.url

    def layani_selamanya(self, host: str, port: int) -> None:
        """Serve in this thread until interrupted (the management command)."""
        self._peladen = make_server(host, port, self, server_class=_Peladen, handler_class=_PenanganDiam)
        self.url = f"http://{host}:{self._peladen.server_port}"
        try:
            self._peladen.serve_forever()
        finally:
            self._peladen.server_close()

    def berhenti(self) -> None:
        """Stop listening (new connections are refused); requests in flight finish
        in their own daemon threads."""
        if self._peladen is not None:
            self._peladen.shutdown()
            self._peladen.server_close()
            self._peladen = None
        if self._benang is not None:
            self._benang.join(timeout=5)
            self._benang = None

    def __enter__(self) -> LayananPalsu:
        self.mulai()
        return self

    def __exit__(self, *exc: object) -> None:
        self.berhenti()

    def atur_ulang_hitungan(self) -> None:
        with self._kunci:
            self.panggilan = 0
            self.tanda_tangan.clear()
            self.bidang_terakhir = {}

    # --- WSGI ----------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        with self._kunci:
            self.panggilan += 1
        status, kepala, badan = self._tangani(environ)
        start_response(status, [*kepala, ("Content-Length", str(len(badan)))])
        return [badan]

    def _tangani(self, environ: dict[str, Any]) -> Tanggapan:
        if self.mati:
            return _galat("503 Service Unavailable", "Service Unavailable", 503)
        if self.latensi_ms:
            time.sleep(self.latensi_ms / 1000)
        if not self._akun_sah(environ.get("HTTP_AUTHORIZATION", "")):
            return _json(
                "401 Unauthorized",
                {"error": "Unauthorized", "status_code": 401},
                [("WWW-Authenticate", 'Basic realm="esign"')],
            )
        metode = environ.get("REQUEST_METHOD", "GET")
        jalur = environ.get("PATH_INFO", "")
        if metode == "GET" and jalur.startswith("/api/user/status/"):
            return self._status(jalur.removeprefix("/api/user/status/").strip("/"))
        if metode == "POST" and jalur in ("/api/sign/pdf", "/api/sign/verify"):
            panjang = int(environ.get("CONTENT_LENGTH") or 0)
            bidang = urai_multipart(environ.get("CONTENT_TYPE", ""), environ["wsgi.input"].read(panjang))
            return self._tandatangani(bidang) if jalur == "/api/sign/pdf" else self._verifikasi(bidang)
        return _galat("404 Not Found", "Not Found", 404)

    def _akun_sah(self, kepala: str) -> bool:
        jenis, _, sandi = kepala.partition(" ")
        if jenis.lower() != "basic":
            return False
        try:
            nama, _, kata = base64.b64decode(sandi).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return hmac.compare_digest(nama, self.akun[0]) and hmac.compare_digest(kata, self.akun[1])

    # --- endpoints -----------------------------------------------------------------------
    def _status(self, nik: str) -> Tanggapan:
        pengguna = self.pengguna.get(nik)
        if pengguna is None:
            return _json("200 OK", {"status_code": 2011, "status": "NOT_REGISTERED", "message": "User tidak terdaftar"})
        return _json(
            "200 OK",
            {"status_code": 1111, "status": pengguna.status, "message": f"Status Sertifikat Anda {pengguna.status}"},
        )

    def _tandatangani(self, bidang: dict[str, tuple[str | None, bytes]]) -> Tanggapan:
        def teks(nama: str, bawaan: str = "") -> str:
            return bidang[nama][1].decode("utf-8", "replace") if nama in bidang else bawaan

        pdf = bidang.get("file", (None, b""))[1]
        nik, sandi = teks("nik"), teks("passphrase")
        with self._kunci:
            self.bidang_terakhir = {k: teks(k) for k in bidang if k not in ("file", "passphrase")}
        if not pdf or not nik or not sandi:
            return _galat("400 Bad Request", "Parameter file, nik dan passphrase wajib diisi", 400)
        pengguna = self.pengguna.get(nik)
        if pengguna is None:
            return _galat("400 Bad Request", "User tidak terdaftar", 2011)
        if pengguna.status.upper() != "ISSUE":
            return _galat("400 Bad Request", f"Sertifikat user tidak aktif ({pengguna.status})", 2021)
        if not hmac.compare_digest(sandi.encode(), pengguna.passphrase.encode()):
            return _galat("400 Bad Request", "Passphrase anda salah", 2031)
        if not pdf.startswith(b"%PDF-"):
            return _galat("400 Bad Request", "Dokumen bukan PDF", 2041)
        try:
            hasil = self._tanda_pdf(
                pdf,
                nik=nik,
                pengguna=pengguna,
                tampak=teks("tampilan", "invisible").lower() == "visible",
                halaman=teks("halaman"),
                page=teks("page", "1"),
                kotak=(teks("xAxis", "0"), teks("yAxis", "0"), teks("width", "0"), teks("height", "0")),
                tautan=teks("linkQR"),
                alasan=teks("reason"),
                lokasi=teks("location"),
            )
        except Exception as exc:  # noqa: BLE001 - the fake answers like the service: 500 + JSON
            return _galat("500 Internal Server Error", f"Gagal menandatangani: {type(exc).__name__}", 500)
        with self._kunci:
            self.tanda_tangan[nik] += 1
        return "200 OK", [("Content-Type", "application/pdf"), ("id_dokumen", uuid.uuid4().hex)], hasil

    def _penanda_untuk(self, nik: str, nama: str) -> Any:
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        with self._kunci:
            if nik not in self._penanda:
                kunci, sertifikat = _terbitkan(self._kunci_ca, self._ca, nik, nama)
                der = kunci.private_bytes(
                    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
                self._penanda[nik] = _penanda_rsa(
                    kunci,
                    signing_cert=_asn1(sertifikat),
                    signing_key=asn1_keys.PrivateKeyInfo.load(der),
                    cert_registry=SimpleCertificateStore.from_certs([self.ca_sertifikat]),
                )
            return self._penanda[nik]

    def _tanda_pdf(
        self,
        pdf: bytes,
        *,
        nik: str,
        pengguna: Pengguna,
        tampak: bool,
        halaman: str,
        page: str,
        kotak: tuple[str, str, str, str],
        tautan: str,
        alasan: str,
        lokasi: str,
    ) -> bytes:
        from pyhanko.sign import fields, signers
        from pyhanko.stamp import StaticStampStyle

        penulis = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        jumlah_halaman = int(penulis.root["/Pages"]["/Count"])
        if halaman.upper() == "FIRST":
            indeks = 0
        elif halaman.upper() == "LAST":
            indeks = jumlah_halaman - 1
        else:
            indeks = min(max(int(float(page or "1")) - 1, 0), jumlah_halaman - 1)
        nama_bidang = f"TTE_BSrE_{uuid.uuid4().hex[:8]}"
        meta = signers.PdfSignatureMetadata(
            field_name=nama_bidang,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=alasan or None,
            location=lokasi or None,
            name=pengguna.nama,
        )
        x, y, lebar, tinggi = (float(v or 0) for v in kotak)
        gaya = None
        kotak_bidang = None
        if tampak and lebar > 0 and tinggi > 0:
            kotak_bidang = (round(x), round(y), round(x + lebar), round(y + tinggi))
            stempel = gambar_stempel(
                kotak_bidang[2] - kotak_bidang[0],
                kotak_bidang[3] - kotak_bidang[1],
                nama=pengguna.nama,
                waktu=datetime.datetime.now(datetime.UTC),
                tautan=tautan,
            )
            gaya = StaticStampStyle(background=_HalamanPdf(stempel), border_width=0, background_opacity=1.0)
        penanda_pdf = signers.PdfSigner(
            meta,
            self._penanda_untuk(nik, pengguna.nama),
            stamp_style=gaya,
            new_field_spec=fields.SigFieldSpec(sig_field_name=nama_bidang, on_page=indeks, box=kotak_bidang),
        )
        keluaran = penanda_pdf.sign_pdf(penulis)
        return bytes(keluaran.getvalue())

    def _verifikasi(self, bidang: dict[str, tuple[str | None, bytes]]) -> Tanggapan:
        from pyhanko.sign.validation import validate_pdf_signature
        from pyhanko_certvalidator import ValidationContext

        nama_berkas, data = bidang.get("signed_file", (None, b""))
        if not data.startswith(b"%PDF-"):
            return _galat("400 Bad Request", "Dokumen bukan PDF", 2041)
        try:
            tanda = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
        except Exception:  # noqa: BLE001 - an unreadable file is reported, not raised
            return _galat("400 Bad Request", "Dokumen tidak dapat dibaca", 2042)
        rincian = []
        for sig in tanda:
            status = validate_pdf_signature(sig, ValidationContext(trust_roots=[self.ca_sertifikat]))
            sertifikat = status.signing_cert
            rincian.append(
                {
                    "info_signer": {
                        "signer_name": sertifikat.subject.native.get("common_name", ""),
                        "signer_dn": sertifikat.subject.human_friendly,
                        "issuer_dn": sertifikat.issuer.human_friendly,
                        "serial": str(sertifikat.serial_number),
                    },
                    "signature_document": {
                        "signed_in": status.signer_reported_dt.isoformat() if status.signer_reported_dt else None,
                        "reason": str(sig.sig_object.get("/Reason", "")),
                        "location": str(sig.sig_object.get("/Location", "")),
                        "document_integrity": bool(status.intact),
                        "signature_valid": bool(status.valid),
                        "trusted": bool(status.trusted),
                        "coverage": status.coverage.name if status.coverage else None,
                    },
                }
            )
        if not rincian:
            kesimpulan = "NO_SIGNATURE"
        elif all(r["signature_document"]["signature_valid"] and r["signature_document"]["trusted"] for r in rincian):
            kesimpulan = "VALID"
        else:
            kesimpulan = "INVALID"
        return _json(
            "200 OK",
            {
                "nama_dokumen": nama_berkas or "",
                "jumlah_signature": len(rincian),
                "conclusion": kesimpulan,
                "details": rincian,
            },
        )
