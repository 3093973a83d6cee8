"""The remote signer: a client for a BSrE-style "Esign Client Service".

Indonesia's Balai Sertifikasi Elektronik (BSSN) signs documents for officials who
hold a certificate there; an institution reaches it through an HTTP API with Basic
authentication: `POST /api/sign/pdf` (multipart: file, nik, passphrase, tampilan, …)
returns the signed PDF, `GET /api/user/status/{nik}` tells whether the official's
certificate is active, `POST /api/sign/verify` checks a signed file. What Lontar
sends and expects is written down in docs/tte-bsre.md.

Why the checks here: the service holds the key, so Lontar cannot sign by itself; it
must (1) never leak the passphrase (no logs, no exception text, no repr, no chained
requests exception, whose `.request.body` carries it), (2) tell a refused passphrase
(GalatSandi, the official retypes it) from a missing certificate (GalatSertifikat, an
administrator acts) from an outage (GalatPenanda, the letter waits and is retried),
(3) accept only a PDF that is the letter it sent plus an incremental signature, and
(4) stop hammering a service that is down (circuit breaker, naskah.tte.pemutus).
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

import requests
from django.conf import settings
from django.utils.translation import gettext as _

from naskah.penanda import GalatPenanda, GalatSandi, GalatSertifikat

from .pemutus import PemutusSirkuit, SirkuitTerbuka

if TYPE_CHECKING:
    from naskah.models import NaskahKeluarPage
    from organisasi.models import Pegawai

    from .posisi import Posisi

logger = logging.getLogger(__name__)

# Error codes of the Esign Client Service (as public integrations report them) and
# the one our fake adds for an inactive certificate; see docs/tte-bsre.md.
KODE_NIK_TIDAK_TERDAFTAR = 2011
KODE_SERTIFIKAT_TIDAK_AKTIF = 2021
KODE_PASSPHRASE_SALAH = 2031
# User status: the certificate may sign only in state ISSUE.
STATUS_AKTIF = "ISSUE"

# The connection must open quickly even when signing itself may take long.
BATAS_SAMBUNG_DETIK = 5.0


def pemutus() -> PemutusSirkuit:
    """The breaker of the remote signer, configured from settings on every call (so a
    settings change or override takes effect at once; the state is in the cache)."""
    jeda = float(settings.LONTAR_BSRE_JEDA)
    return PemutusSirkuit(
        "bsre",
        batas=settings.LONTAR_BSRE_BATAS_GAGAL,
        jeda=jeda,
        lama_uji=max(jeda, float(settings.LONTAR_BSRE_TIMEOUT) + BATAS_SAMBUNG_DETIK),
    )


def status_layanan() -> dict[str, Any]:
    """For the admin page: the breaker state (keadaan "tertutup" / "terbuka" /
    "setengah terbuka", terbuka, gagal_berturut, terbuka_sampai, batas, jeda) and the
    service URL."""
    return {**pemutus().status(), "url": settings.LONTAR_BSRE_URL}


class _GangguanTransport(Exception):
    """Internal: a failure that counts against the breaker (no connection, timeout,
    HTTP 5xx). Carries a passphrase-free message."""


def _samarkan(teks: str, *rahasia: str) -> str:
    """`teks` with every secret replaced, cut to a readable length: a service may
    echo what it was sent in its error message."""
    for nilai in rahasia:
        if nilai:
            teks = teks.replace(nilai, "***")
    return teks[:300]


def _nik_tersamar(nik: str) -> str:
    return f"…{nik[-4:]}" if nik else "-"


class PenandaBsre:
    """PAdES signatures made by a BSrE-style remote service (naskah.penanda.Penanda)."""

    nama = "bsre"
    butuh_sandi = True

    def __repr__(self) -> str:
        return f"<PenandaBsre {settings.LONTAR_BSRE_URL}>"

    # --- Penanda protocol ----------------------------------------------------------------
    def periksa_sandi(self, pegawai: Pegawai, sandi: str) -> None:
        """The official has a NIK and an active certificate at the service. The
        passphrase itself can only be checked by signing, so it is not checked here."""
        nik = self._nik(pegawai)
        status = self.status_pengguna(nik)
        self._pastikan_aktif(status)

    def tandatangani(
        self,
        pdf: bytes,
        *,
        naskah: NaskahKeluarPage,
        sandi: str,
        posisi: Posisi | None = None,
    ) -> bytes:
        """Send the letter to the service and return the signed PDF. The visible
        signature goes where the template printed the signature block
        (naskah.tte.posisi.posisi_ttd) unless `posisi` is given; its QR code points
        to the public verification page of the letter."""
        pegawai = self._pegawai_naskah(naskah)
        nik = self._nik(pegawai)
        if posisi is None:
            from .posisi import posisi_ttd

            try:
                posisi = posisi_ttd(pdf)
            except ValueError as exc:
                raise GalatPenanda(_("PDF naskah tidak dapat dibaca: %(galat)s") % {"galat": exc}) from None
        x1, y1, x2, y2 = (float(v) for v in posisi.kotak)
        data = {
            "nik": nik,
            "passphrase": sandi,
            "tampilan": "visible",
            "image": "false",
            "linkQR": f"{settings.LONTAR_URL_PUBLIK}/verifikasi/{naskah.kode_verifikasi}/",
            "page": str(int(posisi.halaman) + 1),
            "xAxis": f"{min(x1, x2):.2f}",
            "yAxis": f"{min(y1, y2):.2f}",
            "width": f"{abs(x2 - x1):.2f}",
            "height": f"{abs(y2 - y1):.2f}",
            "reason": _("Naskah dinas %(nomor)s ditandatangani secara elektronik") % {"nomor": naskah.nomor or "-"},
        }
        berkas = {"file": ("naskah.pdf", pdf, "application/pdf")}
        respons = self._kirim("post", "/api/sign/pdf", sandi=sandi, data=data, files=berkas)
        del data  # the passphrase does not outlive the request in this frame

        if respons.status_code != 200:
            raise self._galat_dari_respons(respons, sandi)
        hasil = respons.content
        self._periksa_hasil(pdf, hasil)
        logger.info(
            "TTE BSrE: naskah %s ditandatangani (NIK %s, id_dokumen %s, %d bita)",
            getattr(naskah, "pk", None),
            _nik_tersamar(nik),
            respons.headers.get("id_dokumen", "-"),
            len(hasil),
        )
        return hasil

    # --- other endpoints ------------------------------------------------------------------
    def status_pengguna(self, nik: str) -> dict[str, Any]:
        """`GET /api/user/status/{nik}`: the JSON the service returns (status_code,
        status, message). An unknown NIK raises GalatSertifikat."""
        respons = self._kirim("get", f"/api/user/status/{nik}")
        if respons.status_code == 404:
            raise GalatSertifikat(_("NIK %(nik)s tidak terdaftar di layanan TTE.") % {"nik": _nik_tersamar(nik)})
        if respons.status_code != 200:
            raise self._galat_dari_respons(respons, "")
        isi = self._json(respons)
        if isi.get("status_code") == KODE_NIK_TIDAK_TERDAFTAR:
            raise GalatSertifikat(_("NIK %(nik)s tidak terdaftar di layanan TTE.") % {"nik": _nik_tersamar(nik)})
        return isi

    def verifikasi(self, pdf: bytes) -> dict[str, Any]:
        """`POST /api/sign/verify`: the service's JSON summary of the signatures."""
        respons = self._kirim("post", "/api/sign/verify", files={"signed_file": ("naskah.pdf", pdf, "application/pdf")})
        if respons.status_code != 200:
            raise self._galat_dari_respons(respons, "")
        return self._json(respons)

    # --- transport ------------------------------------------------------------------------
    def _kirim(self, metode: str, jalur: str, *, sandi: str = "", **kwargs: Any) -> requests.Response:
        """One HTTP call through the breaker. Transport failures and 5xx count
        against it; any other answer means the service is up and closes it."""
        sirkuit = pemutus()
        try:
            sirkuit.izinkan()
        except SirkuitTerbuka as exc:
            raise GalatPenanda(
                _("Layanan TTE tidak tersedia sampai %(waktu)s (%(n)d kegagalan berturut-turut); dicoba lagi nanti.")
                % {"waktu": f"{exc.sampai:%d-%m-%Y %H:%M:%S}", "n": sirkuit.batas}
            ) from None
        batas = float(settings.LONTAR_BSRE_TIMEOUT)
        try:
            respons = self._http(metode, jalur, (min(BATAS_SAMBUNG_DETIK, batas), batas), **kwargs)
            if respons.status_code >= 500:
                raise _GangguanTransport(
                    _("Layanan TTE mengalami gangguan (HTTP %(kode)d).") % {"kode": respons.status_code}
                )
        except _GangguanTransport as exc:
            sirkuit.gagal()
            logger.warning("TTE BSrE %s %s: %s", metode.upper(), jalur.split("/status/")[0], exc)
            raise GalatPenanda(str(exc)) from None
        sirkuit.berhasil()
        return respons

    def _http(self, metode: str, jalur: str, batas: tuple[float, float], **kwargs: Any) -> requests.Response:
        """The request itself; every requests exception becomes _GangguanTransport
        with a message that names the failure, never the request body."""
        url = f"{settings.LONTAR_BSRE_URL}{jalur}"
        akun = (settings.LONTAR_BSRE_USER, settings.LONTAR_BSRE_PASSWORD)
        try:
            return requests.request(metode, url, auth=akun, timeout=batas, allow_redirects=False, **kwargs)
        except requests.Timeout:
            pesan = _("Layanan TTE tidak menjawab dalam %(detik)s detik.") % {"detik": settings.LONTAR_BSRE_TIMEOUT}
        except requests.ConnectionError:
            pesan = _("Layanan TTE di %(url)s tidak dapat dihubungi.") % {"url": settings.LONTAR_BSRE_URL}
        except requests.RequestException as exc:
            pesan = _("Permintaan ke layanan TTE gagal (%(jenis)s).") % {"jenis": type(exc).__name__}
        raise _GangguanTransport(pesan)

    # --- interpretation -------------------------------------------------------------------
    @staticmethod
    def _json(respons: requests.Response) -> dict[str, Any]:
        try:
            isi = respons.json()
        except ValueError:
            raise GalatPenanda(_("Layanan TTE mengirim respons tidak sah (bukan JSON).")) from None
        if not isinstance(isi, dict):
            raise GalatPenanda(_("Layanan TTE mengirim respons tidak sah (bukan objek JSON)."))
        return isi

    @staticmethod
    def _galat_dari_respons(respons: requests.Response, sandi: str) -> GalatPenanda:
        """Map a 4xx answer `{"error": "...", "status_code": <code>}` to our errors."""
        try:
            isi = respons.json()
        except ValueError:
            isi = {}
        if not isinstance(isi, dict):
            isi = {}
        kode = isi.get("status_code")
        pesan_layanan = _samarkan(str(isi.get("error") or isi.get("message") or ""), sandi)
        kecil = pesan_layanan.lower()
        if kode == KODE_PASSPHRASE_SALAH or "passphrase" in kecil:
            return GalatSandi(_("Passphrase TTE salah."))
        if kode == KODE_NIK_TIDAK_TERDAFTAR or "tidak terdaftar" in kecil or "not registered" in kecil:
            return GalatSertifikat(_("NIK penanda tangan tidak terdaftar di layanan TTE."))
        if kode == KODE_SERTIFIKAT_TIDAK_AKTIF or any(
            kata in kecil for kata in ("sertifikat", "certificate", "expired", "kedaluwarsa", "revoke", "dicabut")
        ):
            return GalatSertifikat(
                _("Sertifikat elektronik penanda tangan tidak aktif: %(pesan)s") % {"pesan": pesan_layanan}
            )
        if respons.status_code in (401, 403):
            return GalatPenanda(
                _("Akun aplikasi Lontar ditolak layanan TTE (HTTP %(kode)d); periksa LONTAR_BSRE_USER/PASSWORD.")
                % {"kode": respons.status_code}
            )
        return GalatPenanda(
            _("Layanan TTE menolak permintaan (HTTP %(kode)d): %(pesan)s")
            % {"kode": respons.status_code, "pesan": pesan_layanan or "-"}
        )

    @staticmethod
    def _pastikan_aktif(status: dict[str, Any]) -> None:
        keadaan = str(status.get("status") or "").upper()
        if keadaan == STATUS_AKTIF:
            return
        pesan = {
            "EXPIRED": _("Sertifikat elektronik penanda tangan sudah kedaluwarsa."),
            "REVOKE": _("Sertifikat elektronik penanda tangan sudah dicabut."),
            "REVOKED": _("Sertifikat elektronik penanda tangan sudah dicabut."),
            "SUSPEND": _("Sertifikat elektronik penanda tangan sedang dibekukan."),
            "NOT_REGISTERED": _("NIK penanda tangan tidak terdaftar di layanan TTE."),
        }.get(keadaan)
        raise GalatSertifikat(
            pesan or _("Sertifikat elektronik penanda tangan tidak aktif (status: %(s)s).") % {"s": keadaan or "-"}
        )

    @staticmethod
    def _periksa_hasil(asli: bytes, hasil: bytes) -> None:
        """The answer must be the letter we sent plus an incremental update holding a
        new signature: anything else (a different document, a re-written file, an
        error page with status 200) is refused."""
        if not hasil.startswith(b"%PDF-"):
            raise GalatPenanda(_("Layanan TTE mengirim respons tidak sah (bukan PDF)."))
        if not hasil.startswith(asli) or len(hasil) <= len(asli):
            raise GalatPenanda(_("Layanan TTE mengirim respons tidak sah (PDF berbeda dari naskah yang dikirim)."))
        from pyhanko.pdf_utils.reader import PdfFileReader

        try:
            sebelum = len(PdfFileReader(io.BytesIO(asli), strict=False).embedded_signatures)
            tanda = PdfFileReader(io.BytesIO(hasil), strict=False).embedded_signatures
        except Exception as exc:  # noqa: BLE001 - any parse failure means an unusable answer
            raise GalatPenanda(
                _("Layanan TTE mengirim respons tidak sah (PDF rusak: %(jenis)s).") % {"jenis": type(exc).__name__}
            ) from None
        if len(tanda) <= sebelum:
            raise GalatPenanda(_("Layanan TTE mengirim respons tidak sah (tidak ada tanda tangan baru)."))
        rentang = list(tanda[-1].byte_range)
        if len(rentang) != 4 or int(rentang[2]) + int(rentang[3]) != len(hasil):
            raise GalatPenanda(
                _("Layanan TTE mengirim respons tidak sah (tanda tangan tidak mencakup seluruh berkas).")
            )

    # --- who signs ------------------------------------------------------------------------
    @staticmethod
    def _pegawai_naskah(naskah: NaskahKeluarPage) -> Pegawai:
        from organisasi.models import Pegawai

        if naskah.ditandatangani_oleh_id is None:
            raise GalatPenanda(_("Naskah belum memiliki penanda tangan."))
        pegawai = Pegawai.objects.filter(user_id=naskah.ditandatangani_oleh_id).first()
        if pegawai is None:
            raise GalatSertifikat(_("Akun penanda tangan tidak terhubung dengan data pegawai."))
        return pegawai

    @staticmethod
    def _nik(pegawai: Pegawai) -> str:
        nik = (pegawai.nik or "").strip()
        if not nik:
            raise GalatSertifikat(
                _(
                    "%(nama)s belum memiliki NIK di data pegawai; NIK diperlukan untuk tanda tangan "
                    "elektronik melalui BSrE. Minta admin kepegawaian melengkapinya."
                )
                % {"nama": pegawai.nama}
            )
        return nik
