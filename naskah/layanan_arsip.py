"""Archive services: a final letter gets its Arsip row (klasifikasi → JRA due dates);
the arsiparis records transfers and disposals. Nothing is ever deleted."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import akses
from .layanan import GalatNaskah
from .layanan_masuk import jejak
from .models import (
    AksiArsip,
    Arsip,
    Klasifikasi,
    NasibAkhir,
    NaskahKeluarPage,
    NaskahMasukPage,
    StatusArsip,
    TindakanArsip,
)


def _tambah_tahun(tanggal: datetime.date, tahun: int) -> datetime.date:
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def cari_klasifikasi(kode: str) -> Klasifikasi | None:
    """The klasifikasi for a code, or its nearest ancestor (000.1.2.3 → 000.1.2 → 000.1 → 000)."""
    kode = (kode or "").strip()
    calon = []
    while kode:
        calon.append(kode)
        kode = kode.rsplit(".", 1)[0] if "." in kode else ""
    if not calon:
        return None
    ditemukan = {k.kode: k for k in Klasifikasi.objects.filter(kode__in=calon)}
    return next((ditemukan[c] for c in calon if c in ditemukan), None)


def tanggal_jatuh_tempo(
    klasifikasi: Klasifikasi | None, tanggal_final: datetime.date
) -> tuple[datetime.date | None, datetime.date | None]:
    if klasifikasi is None:
        return None, None
    aktif = _tambah_tahun(tanggal_final, klasifikasi.retensi_aktif)
    return aktif, _tambah_tahun(aktif, klasifikasi.retensi_inaktif)


def arsipkan(naskah: Any) -> Arsip:
    """Idempotent: the letter's Arsip row, made when it becomes final."""
    ada = Arsip.objects.filter(naskah_id=naskah.pk).first()
    if ada is not None:
        return ada
    if isinstance(naskah, NaskahMasukPage):
        jenis, unit_id = "masuk", naskah.unit_id
        tanggal = timezone.localdate(naskah.selesai_pada) if naskah.selesai_pada else timezone.localdate()
    elif isinstance(naskah, NaskahKeluarPage):
        jenis, unit_id = "keluar", (naskah.unit.opd or naskah.unit).pk
        tanggal = naskah.tanggal_naskah or timezone.localdate()
    else:
        raise TypeError(f"bukan naskah: {naskah!r}")
    klasifikasi = cari_klasifikasi(naskah.klasifikasi)
    aktif, inaktif = tanggal_jatuh_tempo(klasifikasi, tanggal)
    with transaction.atomic():
        arsip, _dibuat = Arsip.objects.get_or_create(
            naskah_id=naskah.pk,
            defaults={
                "jenis": jenis,
                "unit_id": unit_id,
                "kode_klasifikasi": naskah.klasifikasi,
                "klasifikasi": klasifikasi,
                "tanggal_final": tanggal,
                "jatuh_tempo_aktif": aktif,
                "jatuh_tempo_inaktif": inaktif,
                "nasib_akhir": klasifikasi.nasib_akhir if klasifikasi else "",
            },
        )
    return arsip


# --- retention report and the arsiparis' actions ----------------------------------------

IZIN_LAPORAN = "naskah.view_arsip"
IZIN_TINDAKAN = "naskah.add_tindakanarsip"

# aksi → (status it applies to, nasib akhir that allow it, status after)
_TRANSISI: dict[str, tuple[str, tuple[str, ...], str]] = {
    AksiArsip.PINDAH_INAKTIF: (StatusArsip.AKTIF, (), StatusArsip.INAKTIF),
    AksiArsip.MUSNAH: (StatusArsip.INAKTIF, (NasibAkhir.MUSNAH, NasibAkhir.DINILAI_KEMBALI), StatusArsip.MUSNAH),
    AksiArsip.PERMANEN: (StatusArsip.INAKTIF, (NasibAkhir.PERMANEN, NasibAkhir.DINILAI_KEMBALI), StatusArsip.PERMANEN),
}


def boleh_lihat_laporan(user: Any) -> bool:
    return bool(user is not None and user.is_active and (user.is_superuser or user.has_perm(IZIN_LAPORAN)))


def boleh_bertindak(user: Any) -> bool:
    """The Arsiparis role (its group holds IZIN_TINDAKAN, see organisasi.peran) or a superuser."""
    return bool(user is not None and user.is_active and (user.is_superuser or user.has_perm(IZIN_TINDAKAN)))


def arsip_terlihat(user: Any) -> QuerySet[Arsip]:
    """The archive an arsiparis keeps: the records of their Perangkat Daerah (all for superusers)."""
    if not boleh_lihat_laporan(user):
        return Arsip.objects.none()
    if user.is_superuser:
        return Arsip.objects.all()
    return Arsip.objects.filter(unit_id__in=akses.opd_ids(user))


def jatuh_tempo_pindah(tanggal: datetime.date | None = None, qs: QuerySet[Arsip] | None = None) -> QuerySet[Arsip]:
    """Active records whose active retention ended by `tanggal` (today by default): to transfer."""
    tanggal = tanggal or timezone.localdate()
    return (Arsip.objects.all() if qs is None else qs).filter(status=StatusArsip.AKTIF, jatuh_tempo_aktif__lte=tanggal)


def jatuh_tempo_akhir(tanggal: datetime.date | None = None, qs: QuerySet[Arsip] | None = None) -> QuerySet[Arsip]:
    """Inactive records whose inactive retention ended by `tanggal`: due for their final disposition."""
    tanggal = tanggal or timezone.localdate()
    return (Arsip.objects.all() if qs is None else qs).filter(
        status=StatusArsip.INAKTIF, jatuh_tempo_inaktif__lte=tanggal
    )


def jatuh_tempo(tanggal: datetime.date | None = None, qs: QuerySet[Arsip] | None = None) -> QuerySet[Arsip]:
    """Every record needing the arsiparis by `tanggal`: transfer or final disposition."""
    tanggal = tanggal or timezone.localdate()
    return (Arsip.objects.all() if qs is None else qs).filter(
        Q(status=StatusArsip.AKTIF, jatuh_tempo_aktif__lte=tanggal)
        | Q(status=StatusArsip.INAKTIF, jatuh_tempo_inaktif__lte=tanggal)
    )


def aksi_tersedia(arsip: Arsip, tanggal: datetime.date | None = None) -> list[str]:
    """The actions the record's state, fate and due dates allow today (for forms)."""
    tanggal = tanggal or timezone.localdate()
    hasil = []
    for aksi, (status, nasib, _sesudah) in _TRANSISI.items():
        tempo = arsip.jatuh_tempo_aktif if status == StatusArsip.AKTIF else arsip.jatuh_tempo_inaktif
        if arsip.status == status and (not nasib or arsip.nasib_akhir in nasib) and tempo and tempo <= tanggal:
            hasil.append(str(aksi))
    return hasil


def _periksa_transisi(arsip: Arsip, aksi: str, hari_ini: datetime.date) -> str:
    """The status after `aksi`, or GalatNaskah (409) saying why the record does not allow it."""
    status, nasib, sesudah = _TRANSISI[aksi]
    label = AksiArsip(aksi).label
    if arsip.status != status:
        raise GalatNaskah(
            _("Arsip ini berstatus %(status)s; tindakan “%(aksi)s” hanya untuk arsip %(perlu)s.")
            % {"status": arsip.get_status_display().lower(), "aksi": label, "perlu": StatusArsip(status).label.lower()},
            {"aksi": [_("Tindakan tidak sesuai dengan status arsip.")]},
            status=409,
        )
    if nasib and arsip.nasib_akhir not in nasib:
        raise GalatNaskah(
            _("Nasib akhir arsip ini menurut JRA adalah %(nasib)s; tindakan “%(aksi)s” tidak diperbolehkan.")
            % {"nasib": arsip.get_nasib_akhir_display().lower() or _("belum ditetapkan"), "aksi": label},
            {"aksi": [_("Tindakan tidak sesuai dengan nasib akhir arsip.")]},
            status=409,
        )
    tempo = arsip.jatuh_tempo_aktif if status == StatusArsip.AKTIF else arsip.jatuh_tempo_inaktif
    if tempo is None:
        raise GalatNaskah(
            _("Arsip ini belum memiliki klasifikasi dengan aturan retensi; tetapkan klasifikasinya lebih dahulu."),
            {"aksi": [_("Jatuh tempo retensi belum diketahui.")]},
            status=409,
        )
    if tempo > hari_ini:
        raise GalatNaskah(
            _("Retensi %(tahap)s arsip ini baru berakhir pada %(tanggal)s.")
            % {
                "tahap": _("aktif") if status == StatusArsip.AKTIF else _("inaktif"),
                "tanggal": tempo.strftime("%d-%m-%Y"),
            },
            {"aksi": [_("Belum jatuh tempo.")]},
            status=409,
        )
    return sesudah


def catat_tindakan(
    arsip: Arsip,
    user: Any,
    aksi: str,
    *,
    nomor_berita_acara: str = "",
    berita_acara: Any = None,
    catatan: str = "",
) -> TindakanArsip:
    """Record what the arsiparis did to a record: transfer to inactive, destruction (with its
    berita acara number and PDF) or permanent keeping. Atomic under a row lock; writes a
    TindakanArsip row and a JejakNaskah row and moves the record's status. The letter page
    itself is never deleted. Anything the record's state does not allow raises GalatNaskah
    and changes nothing."""
    if not boleh_bertindak(user):
        raise GalatNaskah(_("Hanya arsiparis yang dapat mencatat tindakan arsip."), status=403)
    if aksi not in _TRANSISI:
        raise GalatNaskah(_("Tindakan arsip tidak dikenal."), {"aksi": [_("Pilih tindakan yang tersedia.")]})
    nomor_berita_acara = (nomor_berita_acara or "").strip()
    catatan = (catatan or "").strip()
    with transaction.atomic():
        terkunci = Arsip.objects.select_for_update().filter(pk=arsip.pk).first()
        if terkunci is None or not arsip_terlihat(user).filter(pk=arsip.pk).exists():
            raise GalatNaskah(_("Arsip ini bukan bagian dari arsip unit Anda."), status=403)
        sesudah = _periksa_transisi(terkunci, aksi, timezone.localdate())
        galat: dict[str, list[str]] = {}
        if aksi == AksiArsip.MUSNAH:
            if not nomor_berita_acara:
                galat["nomor_berita_acara"] = [_("Nomor berita acara pemusnahan wajib diisi.")]
            if not berita_acara:
                galat["berita_acara"] = [_("Unggah berkas PDF berita acara pemusnahan.")]
        if galat:
            raise GalatNaskah(" ".join(p for daftar in galat.values() for p in daftar), galat)
        tindakan = TindakanArsip(
            arsip=terkunci,
            aksi=aksi,
            user=user,
            nomor_berita_acara=nomor_berita_acara,
            berita_acara=berita_acara or "",
            catatan=catatan,
        )
        try:
            tindakan.full_clean()
        except ValidationError as exc:
            galat = {k: [str(p) for p in v] for k, v in exc.message_dict.items()}
            raise GalatNaskah(" ".join(p for daftar in galat.values() for p in daftar), galat) from exc
        tindakan.save()
        Arsip.objects.filter(pk=terkunci.pk).update(status=sesudah)
        jejak(
            terkunci.naskah,  # the letter page (kept: disposal is a recorded state)
            f"arsip_{aksi}",
            user,
            arsip=terkunci.pk,
            status_sebelum=terkunci.status,
            status=sesudah,
            nomor_berita_acara=nomor_berita_acara,
            tindakan=tindakan.pk,
        )
    arsip.status = sesudah
    return tindakan
