"""Every state change of a PPID request or objection. Each function is atomic, re-reads
the row under a lock, and writes one append-only `RiwayatPermohonan` row; views, the admin
and the demo call only these.

Deadlines are working days (`organisasi.hari_kerja`, holidays from LONTAR_HARI_LIBUR):
answer 10 after registration, +7 once on extension; objection within 30 after the answer
(or after an unanswered deadline); the atasan PPID answers within 30.

History rows and log lines carry the tracking number and codes only — never the
requester's personal data."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from organisasi.hari_kerja import tambah_hari_kerja
from organisasi.models import Unit

from .models import (
    AksiRiwayat,
    AlasanKeberatan,
    AlasanPenolakan,
    BerkasJawaban,
    CaraMemperoleh,
    HasilKeberatan,
    Keberatan,
    PasalPengecualian,
    PenghitungNomor,
    PermohonanInformasi,
    RiwayatPermohonan,
    StatusKeberatan,
    StatusPermohonan,
)
from .models.permohonan import PERPANJANGAN, TENGGAT_JAWAB, TENGGAT_KEBERATAN

logger = logging.getLogger(__name__)

IZIN_KELOLA = "ppid.change_permohonaninformasi"
IZIN_TANGGAPI_KEBERATAN = "ppid.tanggapi_keberatan"


class GalatPPID(Exception):
    """A refused action, with a message for the user and optional per-field errors."""

    def __init__(self, pesan: str, galat: dict[str, list[str]] | None = None, status: int = 400) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.galat = galat or {}
        self.status = status


# --- tokens and history ----------------------------------------------------------------


def hash_token(token: str) -> str:
    """The token is 96 random bits, so a plain SHA-256 is enough (no password stretching)."""
    return hashlib.sha256(token.strip().encode()).hexdigest()


def catat(
    permohonan: PermohonanInformasi,
    aksi: str,
    user: Any = None,
    *,
    keberatan: Keberatan | None = None,
    **data: Any,
) -> RiwayatPermohonan:
    return RiwayatPermohonan.objects.create(
        permohonan=permohonan,
        keberatan=keberatan,
        aksi=aksi,
        user=user if user is not None and getattr(user, "is_authenticated", False) else None,
        data=data,
    )


def _tgl(tanggal: Any) -> str:
    return date_format(tanggal, "j F Y")


def _antrekan_email(permohonan_id: int, jenis: str) -> None:
    """After commit: a broker outage must not turn a stored request into an error page;
    `tasks.kirim_email_tertunda` picks up what was not sent."""
    from .tasks import kirim_email_pemohon

    def _kirim() -> None:
        try:
            kirim_email_pemohon.delay(permohonan_id, jenis)
        except Exception:
            logger.exception("E-mail PPID (%s) untuk permohonan %s gagal diantrekan", jenis, permohonan_id)

    transaction.on_commit(_kirim)


# --- requests ------------------------------------------------------------------------


def _alokasi_nomor(tahun: int) -> str:
    PenghitungNomor.objects.get_or_create(tahun=tahun)
    penghitung = PenghitungNomor.objects.select_for_update().get(tahun=tahun)
    penghitung.terakhir += 1
    penghitung.save(update_fields=["terakhir"])
    return f"PPID-{tahun}-{penghitung.terakhir:06d}"


@transaction.atomic
def ajukan_permohonan(
    *,
    nama: str,
    jenis_identitas: str,
    nomor_identitas: str,
    alamat: str,
    email: str,
    telepon: str,
    rincian: str,
    tujuan: str,
    cara_memperoleh: str,
    cara_salinan: str = "",
) -> tuple[PermohonanInformasi, str]:
    """Register a citizen's request: stored first, then the confirmation e-mail is queued.
    Returns the request and its secret token (shown once; only its hash is kept)."""
    sekarang = timezone.now()
    tanggal = timezone.localdate(sekarang)
    token = secrets.token_urlsafe(12)
    if cara_memperoleh == CaraMemperoleh.MELIHAT:
        cara_salinan = ""
    tenggat = tambah_hari_kerja(tanggal, TENGGAT_JAWAB)
    permohonan = PermohonanInformasi(
        nomor=_alokasi_nomor(tanggal.year),
        token_hash=hash_token(token),
        nama=nama.strip(),
        jenis_identitas=jenis_identitas,
        nomor_identitas=nomor_identitas.strip(),
        alamat=alamat.strip(),
        email=email.strip(),
        telepon=telepon.strip(),
        rincian=rincian.strip(),
        tujuan=tujuan.strip(),
        cara_memperoleh=cara_memperoleh,
        cara_salinan=cara_salinan,
        diajukan_pada=sekarang,
        tanggal_diterima=tanggal,
        tenggat_awal=tenggat,
        tenggat=tenggat,
    )
    try:
        permohonan.full_clean()
    except ValidationError as exc:
        raise GalatPPID(_("Periksa kembali isian permohonan."), exc.message_dict) from exc
    permohonan.save()
    catat(permohonan, AksiRiwayat.DIAJUKAN, tenggat=tenggat.isoformat())
    _antrekan_email(permohonan.pk, "konfirmasi")
    return permohonan, token


def cari_permohonan(nomor: str, *, token: str = "", email: str = "") -> PermohonanInformasi | None:
    """The request with this number whose token (or e-mail) matches; None otherwise, without
    telling which part was wrong."""
    permohonan = PermohonanInformasi.objects.filter(nomor=(nomor or "").strip().upper()).first()
    if token.strip():
        diharapkan, diberikan = (permohonan.token_hash if permohonan else "x" * 64), hash_token(token)
    elif email.strip():
        diharapkan = permohonan.email.strip().lower() if permohonan else "\0"
        diberikan = email.strip().lower()
    else:
        return None
    cocok = hmac.compare_digest(diharapkan.encode(), diberikan.encode())
    return permohonan if permohonan is not None and cocok else None


def _kunci(permohonan: PermohonanInformasi) -> PermohonanInformasi:
    return PermohonanInformasi.objects.select_for_update().get(pk=permohonan.pk)


def _wajib_izin(user: Any, izin: str) -> None:
    if not (user is not None and user.is_active and user.has_perm(izin)):
        raise GalatPPID(_("Anda tidak berwenang melakukan tindakan ini."), status=403)


def _wajib_terbuka(permohonan: PermohonanInformasi) -> None:
    if not permohonan.terbuka:
        raise GalatPPID(
            _("Permohonan %(nomor)s sudah selesai (%(status)s).")
            % {"nomor": permohonan.nomor, "status": permohonan.get_status_display()},
            status=409,
        )


def _wajib_teks(nama: str, nilai: str, pesan: str) -> str:
    nilai = (nilai or "").strip()
    if not nilai:
        raise GalatPPID(pesan, {nama: [pesan]})
    return nilai


@transaction.atomic
def tugaskan(user: Any, permohonan: PermohonanInformasi, unit: Unit, catatan: str = "") -> PermohonanInformasi:
    """Pass the request to the unit that holds the information (status → diproses)."""
    _wajib_izin(user, IZIN_KELOLA)
    p = _kunci(permohonan)
    _wajib_terbuka(p)
    p.unit = unit
    p.status = StatusPermohonan.DIPROSES
    p.save(update_fields=["unit", "status"])
    catat(p, AksiRiwayat.DITUGASKAN, user, unit=unit.nama, catatan=catatan.strip()[:500])
    return p


@transaction.atomic
def perpanjang(user: Any, permohonan: PermohonanInformasi, alasan: str) -> PermohonanInformasi:
    """Extend the deadline once by 7 working days (Pasal 22 ayat (8)), with a reason."""
    _wajib_izin(user, IZIN_KELOLA)
    alasan = _wajib_teks("alasan", alasan, _("Alasan perpanjangan wajib diisi."))
    p = _kunci(permohonan)
    _wajib_terbuka(p)
    if p.diperpanjang:
        raise GalatPPID(_("Jangka waktu permohonan ini sudah pernah diperpanjang."), status=409)
    lama = p.tenggat
    p.tenggat = tambah_hari_kerja(lama, PERPANJANGAN)
    p.alasan_perpanjangan = alasan
    if p.status == StatusPermohonan.DITERIMA:
        p.status = StatusPermohonan.DIPROSES
    p.save(update_fields=["tenggat", "alasan_perpanjangan", "status"])
    catat(p, AksiRiwayat.DIPERPANJANG, user, dari=lama.isoformat(), ke=p.tenggat.isoformat())
    _antrekan_email(p.pk, "diperpanjang")
    return p


def _simpan_berkas(
    permohonan: PermohonanInformasi, berkas: Iterable[UploadedFile], keberatan: Keberatan | None = None
) -> list[str]:
    nama: list[str] = []
    for f in berkas:
        judul = (f.name or "berkas").rsplit("/", 1)[-1][:150]
        BerkasJawaban.objects.create(permohonan=permohonan, keberatan=keberatan, berkas=f, nama=judul)
        nama.append(judul)
    return nama


@transaction.atomic
def jawab(
    user: Any, permohonan: PermohonanInformasi, jawaban: str, berkas: Iterable[UploadedFile] = ()
) -> PermohonanInformasi:
    """Answer the request (written notice + files); the requester sees it on the status page."""
    _wajib_izin(user, IZIN_KELOLA)
    jawaban = _wajib_teks("jawaban", jawaban, _("Isi jawaban wajib diisi."))
    p = _kunci(permohonan)
    _wajib_terbuka(p)
    p.status = StatusPermohonan.DIJAWAB
    p.jawaban = jawaban
    p.diselesaikan_pada = timezone.now()
    p.save(update_fields=["status", "jawaban", "diselesaikan_pada"])
    nama = _simpan_berkas(p, berkas)
    catat(p, AksiRiwayat.DIJAWAB, user, berkas=nama, terlambat=p.tenggat < timezone.localdate())
    _antrekan_email(p.pk, "dijawab")
    return p


@transaction.atomic
def tolak(
    user: Any, permohonan: PermohonanInformasi, alasan: str, catatan: str, pasal: str = ""
) -> PermohonanInformasi:
    """Refuse with a legal reason; an exemption must name its Pasal 17 ground."""
    _wajib_izin(user, IZIN_KELOLA)
    if alasan not in AlasanPenolakan.values:
        raise GalatPPID(_("Pilih alasan penolakan."), {"alasan": [_("Pilih alasan penolakan.")]})
    if alasan == AlasanPenolakan.DIKECUALIKAN and pasal not in PasalPengecualian.values:
        pesan = _("Sebutkan dasar pengecualian (Pasal 17 UU 14/2008).")
        raise GalatPPID(pesan, {"pasal": [pesan]})
    catatan = _wajib_teks("catatan", catatan, _("Pemberitahuan tertulis kepada pemohon wajib diisi."))
    p = _kunci(permohonan)
    _wajib_terbuka(p)
    p.status = StatusPermohonan.DITOLAK
    p.alasan_penolakan = alasan
    p.pasal_pengecualian = pasal if alasan == AlasanPenolakan.DIKECUALIKAN else ""
    p.jawaban = catatan
    p.diselesaikan_pada = timezone.now()
    p.save(update_fields=["status", "alasan_penolakan", "pasal_pengecualian", "jawaban", "diselesaikan_pada"])
    catat(p, AksiRiwayat.DITOLAK, user, alasan=alasan, pasal=p.pasal_pengecualian)
    _antrekan_email(p.pk, "ditolak")
    return p


# --- objections ----------------------------------------------------------------------


def periksa_jendela_keberatan(permohonan: PermohonanInformasi) -> None:
    """Raise GalatPPID with a clear reason when an objection cannot be filed today."""
    hari_ini = timezone.localdate()
    if Keberatan.objects.filter(permohonan=permohonan).exists():
        raise GalatPPID(_("Keberatan untuk permohonan ini sudah diajukan."), status=409)
    if permohonan.terbuka and hari_ini <= permohonan.tenggat:
        raise GalatPPID(
            _(
                "Permohonan Anda masih dalam jangka waktu jawaban (sampai %(tenggat)s). Keberatan dapat "
                "diajukan setelah ada jawaban atau setelah jangka waktu tersebut lewat."
            )
            % {"tenggat": _tgl(permohonan.tenggat)},
            status=409,
        )
    batas = permohonan.batas_keberatan()
    if hari_ini > batas:
        raise GalatPPID(
            _(
                "Jangka waktu pengajuan keberatan (30 hari kerja) telah berakhir pada %(batas)s. "
                "Keberatan tidak dapat diajukan lagi."
            )
            % {"batas": _tgl(batas)},
            status=409,
        )


@transaction.atomic
def ajukan_keberatan(permohonan: PermohonanInformasi, alasan: Iterable[str], uraian: str) -> Keberatan:
    """File the requester's objection (Pasal 35) to the atasan PPID: 30 working days to answer."""
    p = _kunci(permohonan)
    periksa_jendela_keberatan(p)
    kode = [a for a in dict.fromkeys(alasan) if a in AlasanKeberatan.values]
    if not kode:
        raise GalatPPID(_("Pilih sekurang-kurangnya satu alasan keberatan."), {"alasan": [_("Pilih alasan.")]})
    uraian = _wajib_teks("uraian", uraian, _("Uraikan kasus posisi keberatan Anda."))
    hari_ini = timezone.localdate()
    keberatan = Keberatan.objects.create(
        permohonan=p,
        nomor=f"{p.nomor}-K",
        alasan=kode,
        uraian=uraian,
        tenggat=tambah_hari_kerja(hari_ini, TENGGAT_KEBERATAN),
    )
    catat(p, AksiRiwayat.KEBERATAN, keberatan=keberatan, alasan=kode, tenggat=keberatan.tenggat.isoformat())
    _antrekan_email(p.pk, "keberatan")
    return keberatan


@transaction.atomic
def tanggapi_keberatan(
    user: Any, keberatan: Keberatan, hasil: str, tanggapan: str, berkas: Iterable[UploadedFile] = ()
) -> Keberatan:
    """The atasan PPID's written answer to an objection."""
    _wajib_izin(user, IZIN_TANGGAPI_KEBERATAN)
    if hasil not in HasilKeberatan.values:
        raise GalatPPID(_("Pilih hasil keberatan."), {"hasil": [_("Pilih hasil keberatan.")]})
    tanggapan = _wajib_teks("tanggapan", tanggapan, _("Tanggapan wajib diisi."))
    k = Keberatan.objects.select_for_update().get(pk=keberatan.pk)
    if k.status != StatusKeberatan.DIAJUKAN:
        raise GalatPPID(_("Keberatan ini sudah ditanggapi."), status=409)
    k.status = StatusKeberatan.DITANGGAPI
    k.hasil = hasil
    k.tanggapan = tanggapan
    k.ditanggapi_pada = timezone.now()
    k.ditanggapi_oleh = user
    k.save(update_fields=["status", "hasil", "tanggapan", "ditanggapi_pada", "ditanggapi_oleh"])
    nama = _simpan_berkas(k.permohonan, berkas, keberatan=k)
    catat(k.permohonan, AksiRiwayat.KEBERATAN_DITANGGAPI, user, keberatan=k, hasil=hasil, berkas=nama)
    _antrekan_email(k.permohonan_id, "keberatan_ditanggapi")
    return k
