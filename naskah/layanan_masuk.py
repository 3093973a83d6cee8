"""Every state change of an incoming letter: registration (external scan or internal
delivery) with its agenda number, dispositions (dispose, forward, finish, cancel),
reading, and the end of the "Disposisi" workflow (letter finished and archived).

Each function is atomic, re-checks under a row lock, and writes an append-only
JejakNaskah row. Views, the API and the Wagtail workflow actions call these.
"""

from __future__ import annotations

import datetime
import logging
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from organisasi.models import Jabatan, Pegawai

from . import akses
from .alur import alur_disposisi
from .layanan import GalatNaskah, _folder, periksa_klasifikasi
from .models import (
    Disposisi,
    FolderTahunPage,
    Instruksi,
    JejakNaskah,
    NaskahKeluarPage,
    NaskahMasukPage,
    PenghitungAgenda,
    PeranKiriman,
    Sifat,
    StatusDisposisi,
    StatusMasuk,
    Urgensi,
)

if TYPE_CHECKING:
    from organisasi.models import Unit

logger = logging.getLogger(__name__)

AKSI_DISPOSISIKAN = "disposisikan"
AKSI_TERUSKAN = "teruskan"
AKSI_SELESAI = "selesai"
AKSI_BATALKAN = "batalkan"


# --- history ---------------------------------------------------------------------------


def jejak(
    naskah: Any,
    aksi: str,
    user: Any = None,
    *,
    jabatan: Jabatan | None = None,
    disposisi: Disposisi | None = None,
    **data: Any,
) -> JejakNaskah:
    return JejakNaskah.objects.create(
        naskah_id=naskah.pk,
        aksi=aksi,
        user=user if user is not None and getattr(user, "is_authenticated", False) else None,
        jabatan=jabatan,
        disposisi=disposisi,
        data=data,
    )


# --- registration ----------------------------------------------------------------------


def alokasi_agenda(unit: Unit, tahun: int) -> int:
    """The unit's next agenda number for the year (row lock; never reused)."""
    PenghitungAgenda.objects.get_or_create(unit=unit, tahun=tahun)
    penghitung = PenghitungAgenda.objects.select_for_update().get(unit=unit, tahun=tahun)
    penghitung.terakhir += 1
    penghitung.save(update_fields=["terakhir"])
    return penghitung.terakhir


def cari_duplikat(pengirim: str, nomor_surat: str, unit: Unit | None = None) -> list[NaskahMasukPage]:
    """Letters already registered with the same sender and number (case and spacing ignored)."""
    nomor = " ".join(nomor_surat.split())
    nama = " ".join(pengirim.split())
    if not nomor or not nama:
        return []
    qs = NaskahMasukPage.objects.filter(nomor_surat__iexact=nomor, pengirim__iexact=nama)
    if unit is not None:
        qs = qs.filter(unit=unit.opd or unit)
    return list(qs.order_by("pk")[:5])


def _buat_halaman(
    folder: FolderTahunPage, naskah: NaskahMasukPage, user: Any, catatan_jejak: dict[str, Any]
) -> NaskahMasukPage:
    naskah.title = naskah.draft_title = naskah.judul_aman()
    folder.add_child(instance=naskah)
    if naskah.rahasia:  # the neutral title carries the id, known only now
        naskah.title = naskah.draft_title = naskah.judul_aman()
        naskah.save(update_fields=["title", "draft_title"], clean=False)
    revisi = naskah.save_revision(user=user, log_action="wagtail.create", clean=False)
    akses.perbarui_akses(naskah)
    pencatat = akses.jabatan_aktif_user(user)[0] if user is not None and akses.jabatan_aktif_user(user) else None
    jejak(naskah, "diterima", user, jabatan=pencatat, kepada=naskah.tujuan.nama, agenda=naskah.agenda, **catatan_jejak)
    alur_disposisi().start(naskah, None)
    del revisi
    transaction.on_commit(lambda: _notifikasi(naskah.pk, "masuk"))
    return naskah


def _tujuan_sah(tujuan: Jabatan) -> None:
    if not tujuan.aktif:
        raise GalatNaskah(_("Jabatan tujuan tidak aktif."), {"tujuan": [_("Jabatan tidak aktif.")]})


def daftarkan(
    user: Any,
    *,
    tujuan: Jabatan,
    nomor_surat: str,
    tanggal_surat: datetime.date,
    pengirim: str,
    perihal: str,
    sifat: str = Sifat.BIASA,
    urgensi: str = Urgensi.BIASA,
    klasifikasi: str = "",
    ringkasan: str = "",
    scan: Any = None,
    tanggal_terima: datetime.date | None = None,
    abaikan_duplikat: bool = False,
) -> NaskahMasukPage:
    """Register an external letter for `tujuan` (a jabatan in the operator's OPD): agenda
    number on save, then the Disposisi workflow starts with the addressee."""
    if not user.has_perm(akses.IZIN_BUAT) or not akses.jabatan_aktif_user(user):
        raise GalatNaskah(_("Akun Anda tidak terdaftar sebagai operator yang boleh mencatat naskah."), status=403)
    _tujuan_sah(tujuan)
    opd = tujuan.unit.opd or tujuan.unit
    if opd.pk not in akses.opd_ids(user):
        raise GalatNaskah(
            _("Anda hanya dapat mencatat naskah masuk untuk perangkat daerah Anda."),
            {"tujuan": [_("Di luar perangkat daerah Anda.")]},
            status=403,
        )
    galat: dict[str, list[str]] = {}
    for nama, nilai in (("nomor_surat", nomor_surat), ("pengirim", pengirim), ("perihal", perihal)):
        if not (nilai or "").strip():
            galat[nama] = [_("Wajib diisi.")]
    hari_ini = timezone.localdate()
    tanggal_terima = tanggal_terima or hari_ini
    if tanggal_surat and tanggal_surat > hari_ini:
        galat["tanggal_surat"] = [_("Tanggal surat tidak boleh di masa depan.")]
    pesan_klasifikasi = periksa_klasifikasi(klasifikasi, wajib=False)
    if pesan_klasifikasi:
        galat["klasifikasi"] = [pesan_klasifikasi]
    if tanggal_terima > hari_ini or (tanggal_surat and tanggal_terima < tanggal_surat):
        galat["tanggal_terima"] = [_("Tanggal diterima harus antara tanggal surat dan hari ini.")]
    if galat:
        raise GalatNaskah(_("Periksa kembali isian naskah masuk."), galat)
    if not abaikan_duplikat:
        sama = cari_duplikat(pengirim, nomor_surat, opd)
        if sama:
            exc = GalatNaskah(
                _("Naskah dari %(pengirim)s nomor %(nomor)s sudah dicatat (agenda %(agenda)s).")
                % {"pengirim": pengirim, "nomor": nomor_surat, "agenda": sama[0].agenda},
                {"nomor_surat": [_("Sudah dicatat sebelumnya.")]},
                status=409,
            )
            exc.duplikat = sama  # type: ignore[attr-defined]
            raise exc
    naskah = NaskahMasukPage(
        slug=f"m-{uuid.uuid4().hex[:16]}",
        live=False,
        has_unpublished_changes=True,
        owner=None,
        nomor_surat=" ".join(nomor_surat.split()),
        tanggal_surat=tanggal_surat,
        pengirim=" ".join(pengirim.split()),
        perihal=perihal.strip(),
        sifat=sifat,
        urgensi=urgensi,
        klasifikasi=klasifikasi.strip(),
        ringkasan=ringkasan,
        unit=opd,
        tujuan=tujuan,
        tanggal_terima=tanggal_terima,
        pencatat=user,
        tahun_agenda=tanggal_terima.year,
        nomor_agenda=0,
    )
    if scan is not None:
        naskah.scan = scan
    try:
        naskah.full_clean(exclude=["path", "depth", "url_path", "slug", "content_type", "nomor_agenda"])
    except ValidationError as exc:
        raise GalatNaskah(_("Periksa kembali isian naskah masuk."), exc.message_dict) from exc
    with transaction.atomic():
        folder = _folder(opd, tanggal_terima.year)
        folder = FolderTahunPage.objects.select_for_update().get(pk=folder.pk)
        naskah.nomor_agenda = alokasi_agenda(opd, tanggal_terima.year)
        return _buat_halaman(folder, naskah, user, {"sumber": "luar"})


def terima_internal(keluar: NaskahKeluarPage) -> list[NaskahMasukPage]:
    """A signed internal letter arrives: one NaskahMasukPage per addressed jabatan
    (tembusan are informed through the inbox only). Idempotent."""
    hasil = []
    tanggal = timezone.localdate()
    penandatangan = keluar.penandatangan
    pengirim = f"{penandatangan.nama}" if penandatangan else str(keluar.unit)
    for kiriman in keluar.kiriman.filter(peran=PeranKiriman.PENERIMA).select_related("jabatan__unit"):
        tujuan = kiriman.jabatan
        if NaskahMasukPage.objects.filter(asal=keluar, tujuan=tujuan).exists():
            continue
        opd = tujuan.unit.opd or tujuan.unit
        with transaction.atomic():
            folder = _folder(opd, tanggal.year)
            folder = FolderTahunPage.objects.select_for_update().get(pk=folder.pk)
            naskah = NaskahMasukPage(
                slug=f"m-{uuid.uuid4().hex[:16]}",
                live=False,
                has_unpublished_changes=True,
                owner=None,
                nomor_surat=keluar.nomor,
                tanggal_surat=keluar.tanggal_naskah or tanggal,
                pengirim=pengirim,
                perihal=keluar.perihal,
                sifat=keluar.sifat,
                urgensi=keluar.urgensi,
                klasifikasi=keluar.klasifikasi,
                asal=keluar,
                unit=opd,
                tujuan=tujuan,
                tanggal_terima=tanggal,
                tahun_agenda=tanggal.year,
                nomor_agenda=alokasi_agenda(opd, tanggal.year),
            )
            hasil.append(_buat_halaman(folder, naskah, None, {"sumber": "internal", "asal": keluar.pk}))
    return hasil


# --- dispositions ----------------------------------------------------------------------


def _sudah(d: Disposisi) -> GalatNaskah:
    return GalatNaskah(_("Disposisi ini sudah %(status)s.") % {"status": d.get_status_display().lower()}, status=409)


def _kunci(naskah: NaskahMasukPage) -> NaskahMasukPage:
    # lock the letter row only, not the joined page, jabatan and unit rows
    return NaskahMasukPage.objects.select_for_update(of=("self",)).select_related("tujuan__unit").get(pk=naskah.pk)


def memegang(user: Any, disposisi: Disposisi) -> bool:
    """Is `user` (today, also as Plh/Plt) the holder of this disposition?"""
    if disposisi.kepada_user_id:
        return disposisi.kepada_user_id == user.pk
    return disposisi.kepada_jabatan_id in akses.jabatan_ids(user)


def disposisi_dipegang(naskah: NaskahMasukPage, user: Any) -> list[Disposisi]:
    """The user's active dispositions on this letter."""
    jabatan = akses.jabatan_ids(user)
    return list(
        naskah.disposisi.filter(status=StatusDisposisi.AKTIF)
        .filter(Q(kepada_jabatan_id__in=jabatan) | Q(kepada_user_id=user.pk))
        .order_by("pk")
    )


def _unit_bawahan(unit: Any) -> set[int]:
    """The unit and every unit below it."""
    from organisasi.models import Unit

    hasil = {unit.pk}
    lapis = {unit.pk}
    while lapis:
        lapis = set(Unit.objects.filter(induk_id__in=lapis).values_list("pk", flat=True)) - hasil
        hasil |= lapis
    return hasil


def _periksa_tujuan(
    dari: Jabatan, user: Any, kepada_jabatan: Iterable[Jabatan], kepada_user: Iterable[Any]
) -> tuple[list[Jabatan], list[Any]]:
    jabatan = list(dict.fromkeys(kepada_jabatan))
    orang = list(dict.fromkeys(kepada_user))
    if not jabatan and not orang:
        raise GalatNaskah(_("Pilih sedikitnya satu penerima disposisi."), {"kepada": [_("Wajib diisi.")]})
    bawahan = _unit_bawahan(dari.unit)
    diri = akses.jabatan_ids(user)
    galat: list[str] = []
    for j in jabatan:
        if j.pk == dari.pk or j.pk in diri:
            galat.append(_("Tidak dapat mendisposisikan kepada diri sendiri (%(jabatan)s).") % {"jabatan": j.nama})
        elif not j.aktif:
            galat.append(_("%(jabatan)s tidak aktif.") % {"jabatan": j.nama})
        elif j.unit_id not in bawahan:
            galat.append(_("%(jabatan)s berada di luar unit Anda.") % {"jabatan": j.nama})
    for u in orang:
        pegawai = Pegawai.objects.filter(user=u, aktif=True).select_related("jabatan").first()
        if u.pk == user.pk:
            galat.append(_("Tidak dapat mendisposisikan kepada diri sendiri."))
        elif pegawai is None or pegawai.jabatan_id is None:
            galat.append(_("%(nama)s bukan pegawai aktif.") % {"nama": u.get_username()})
        elif pegawai.jabatan is None or pegawai.jabatan.unit_id not in bawahan:
            galat.append(_("%(nama)s berada di luar unit Anda.") % {"nama": pegawai.nama})
    if galat:
        raise GalatNaskah(" ".join(galat), {"kepada": galat}, status=400)
    return jabatan, orang


def _periksa_isi(instruksi: list[str], catatan: str, batas_waktu: datetime.date | None) -> list[str]:
    sah = set(Instruksi.values)
    instruksi = list(dict.fromkeys(instruksi or []))
    salah = [i for i in instruksi if i not in sah]
    if salah:
        raise GalatNaskah(_("Instruksi tidak dikenal: %(kode)s.") % {"kode": ", ".join(salah)}, {"instruksi": salah})
    if not instruksi and not (catatan or "").strip():
        raise GalatNaskah(_("Pilih instruksi atau tulis catatan."), {"instruksi": [_("Wajib diisi.")]})
    if batas_waktu is not None and batas_waktu < timezone.localdate():
        raise GalatNaskah(_("Batas waktu tidak boleh sebelum hari ini."), {"batas_waktu": [_("Tanggal sudah lewat.")]})
    return instruksi


def disposisikan(
    naskah: NaskahMasukPage,
    user: Any,
    *,
    kepada_jabatan: Iterable[Jabatan] = (),
    kepada_user: Iterable[Any] = (),
    instruksi: list[str] | None = None,
    catatan: str = "",
    batas_waktu: datetime.date | None = None,
    induk: Disposisi | None = None,
) -> list[Disposisi]:
    """The addressee disposes the letter (induk None) or a holder forwards their
    disposition (induk = theirs) to one or more jabatan/people below them."""
    with transaction.atomic():
        naskah = _kunci(naskah)
        if naskah.status == StatusMasuk.SELESAI:
            raise GalatNaskah(_("Naskah ini sudah selesai."), status=409)
        if induk is None:
            if naskah.tujuan_id not in akses.jabatan_ids(user):
                raise GalatNaskah(
                    _("Hanya %(jabatan)s yang dapat mendisposisikan naskah ini.") % {"jabatan": naskah.tujuan.nama},
                    status=403,
                )
            dari = naskah.tujuan
        else:
            induk = (
                Disposisi.objects.select_for_update(of=("self",))  # the nullable join is not locked
                .select_related("kepada_jabatan__unit")
                .get(pk=induk.pk)
            )
            if induk.naskah_id != naskah.pk or not memegang(user, induk):
                raise GalatNaskah(_("Disposisi ini bukan untuk Anda."), status=403)
            if induk.status != StatusDisposisi.AKTIF:
                raise GalatNaskah(
                    _("Disposisi ini sudah %(status)s.") % {"status": induk.get_status_display().lower()}, status=409
                )
            dari = induk.kepada_jabatan or _jabatan_utama(user)
        instruksi = _periksa_isi(instruksi or [], catatan, batas_waktu)
        jabatan, orang = _periksa_tujuan(dari, user, kepada_jabatan, kepada_user)
        if induk is not None and induk.batas_waktu and batas_waktu and batas_waktu > induk.batas_waktu:
            raise GalatNaskah(
                _("Batas waktu tidak boleh melewati batas waktu disposisi Anda (%(tanggal)s).")
                % {"tanggal": induk.batas_waktu.strftime("%d-%m-%Y")},
                {"batas_waktu": [_("Melewati batas waktu induk.")]},
            )
        sekarang = timezone.now()
        batas = batas_waktu if batas_waktu is not None else getattr(induk, "batas_waktu", None)
        tujuan: list[tuple[Jabatan | None, Any]] = [(j, None) for j in jabatan] + [(None, u) for u in orang]
        baru = [
            Disposisi(
                naskah=naskah,
                induk=induk,
                dari_user=user,
                dari_jabatan=dari,
                kepada_jabatan=j,
                kepada_user=u,
                instruksi=instruksi,
                catatan=catatan.strip(),
                batas_waktu=batas,
                dibuat_pada=sekarang,
            )
            for j, u in tujuan
        ]
        for d in baru:
            d.save()
            jejak(
                naskah,
                AKSI_TERUSKAN if induk else AKSI_DISPOSISIKAN,
                user,
                jabatan=dari,
                disposisi=d,
                kepada=d.kepada_label,
                instruksi=instruksi,
                batas_waktu=d.batas_waktu.isoformat() if d.batas_waktu else None,
            )
        if induk is not None and induk.dibaca_pada is None:
            _tandai_dibaca(induk, user)
        if naskah.status == StatusMasuk.BARU:
            NaskahMasukPage.objects.filter(pk=naskah.pk).update(status=StatusMasuk.DIDISPOSISI)
            naskah.status = StatusMasuk.DIDISPOSISI
        _perbarui_akses(naskah)
    for d in baru:
        notifikasi_disposisi(d.pk, "disposisi")
    return baru


def _jabatan_utama(user: Any) -> Jabatan:
    jabatan = akses.jabatan_aktif_user(user)
    if not jabatan:
        raise GalatNaskah(_("Akun Anda tidak memegang jabatan aktif."), status=403)
    return jabatan[0]


def teruskan(disposisi: Disposisi, user: Any, **data: Any) -> list[Disposisi]:
    return disposisikan(disposisi.naskah, user, induk=disposisi, **data)


def _perbarui_akses(naskah: NaskahMasukPage) -> None:
    akses.perbarui_akses(naskah)
    if naskah.asal_id:
        akses.perbarui_akses(NaskahKeluarPage.objects.get(pk=naskah.asal_id))


def _tandai_dibaca(disposisi: Disposisi, user: Any) -> None:
    sekarang = timezone.now()
    n = Disposisi.objects.filter(pk=disposisi.pk, dibaca_pada__isnull=True).update(
        dibaca_pada=sekarang, dibaca_oleh=user
    )
    if n:
        disposisi.dibaca_pada = sekarang
        jejak(disposisi.naskah, "dibaca", user, jabatan=disposisi.kepada_jabatan, disposisi=disposisi)


def tandai_dibaca(naskah: NaskahMasukPage, user: Any) -> None:
    """The holder opened the letter: their unread dispositions become read (no longer cancellable)."""
    for d in disposisi_dipegang(naskah, user):
        if d.dibaca_pada is None:
            with transaction.atomic():
                _tandai_dibaca(d, user)


def selesaikan(
    disposisi: Disposisi,
    user: Any,
    *,
    tindak_lanjut: str,
    lampiran: Any = None,
    balasan: NaskahKeluarPage | None = None,
) -> Disposisi:
    """The holder reports what they did; their branch is done once every forward below it is."""
    tindak_lanjut = (tindak_lanjut or "").strip()
    if not tindak_lanjut:
        raise GalatNaskah(_("Tuliskan laporan tindak lanjut."), {"tindak_lanjut": [_("Wajib diisi.")]})
    with transaction.atomic():
        naskah = _kunci(disposisi.naskah)
        d = Disposisi.objects.select_for_update().get(pk=disposisi.pk)
        if not memegang(user, d):
            raise GalatNaskah(
                _("Disposisi ini bukan untuk Anda; hanya penerimanya yang dapat menyelesaikannya."), status=403
            )
        if d.status != StatusDisposisi.AKTIF:
            raise GalatNaskah(
                _("Disposisi ini sudah %(status)s.") % {"status": d.get_status_display().lower()}, status=409
            )
        if d.anak.filter(status=StatusDisposisi.AKTIF).exists():
            raise GalatNaskah(
                _("Masih ada disposisi lanjutan yang belum selesai; tunggu atau batalkan dulu."), status=409
            )
        if lampiran is not None:
            d.lampiran = lampiran
            try:
                d.full_clean(validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                raise GalatNaskah(_("Lampiran ditolak."), exc.message_dict) from exc
        if balasan is not None and not akses.dapat_melihat(user, balasan):
            raise GalatNaskah(_("Naskah balasan tidak ditemukan."), status=404)
        d.status = StatusDisposisi.SELESAI
        d.selesai_pada = timezone.now()
        d.selesai_oleh = user
        d.tindak_lanjut = tindak_lanjut
        if balasan is not None:
            d.balasan = balasan
        if d.dibaca_pada is None:
            d.dibaca_pada, d.dibaca_oleh = d.selesai_pada, user
        d.save()
        jejak(
            naskah,
            AKSI_SELESAI,
            user,
            jabatan=d.kepada_jabatan,
            disposisi=d,
            tindak_lanjut=tindak_lanjut[:500],
            lampiran=bool(d.lampiran),
            balasan=d.balasan_id,
        )
        _periksa_tuntas(naskah, user)
    return d


def mulai_balasan(disposisi: Disposisi, user: Any, template: Any) -> NaskahKeluarPage:
    """A holder starts the reply letter from a template; it is linked to their disposition."""
    from .layanan import buat_konsep

    d = Disposisi.objects.select_related("naskah", "dari_jabatan").get(pk=disposisi.pk)
    if not memegang(user, d):
        raise GalatNaskah(_("Disposisi ini bukan untuk Anda."), status=403)
    if d.status != StatusDisposisi.AKTIF:
        raise _sudah(d)
    if d.balasan_id:
        raise GalatNaskah(_("Naskah balasan untuk disposisi ini sudah dibuat."), status=409)
    naskah = d.naskah
    asal = naskah.asal
    with transaction.atomic():
        konsep = buat_konsep(
            user,
            template,
            perihal=f"Balasan: {naskah.perihal}"[:255],  # the letter itself is Indonesian, whatever the UI language
            sifat=naskah.sifat,
            klasifikasi=naskah.klasifikasi,
            penerima_luar="" if asal is not None else naskah.pengirim,
            penerima=[asal.penandatangan] if asal is not None and asal.penandatangan else [],
        )
        Disposisi.objects.filter(pk=d.pk).update(balasan=konsep)
        jejak(naskah, "balasan", user, jabatan=d.kepada_jabatan, disposisi=d, naskah_balasan=konsep.pk)
    return konsep


def batalkan(disposisi: Disposisi, user: Any, alasan: str = "") -> Disposisi:
    """Withdraw a disposition its recipient has not opened yet (by whoever gave it)."""
    with transaction.atomic():
        naskah = _kunci(disposisi.naskah)
        d = Disposisi.objects.select_for_update().get(pk=disposisi.pk)
        if d.dari_user_id != user.pk and d.dari_jabatan_id not in akses.jabatan_ids(user):
            raise GalatNaskah(_("Hanya pemberi disposisi yang dapat membatalkannya."), status=403)
        if d.status != StatusDisposisi.AKTIF:
            raise GalatNaskah(
                _("Disposisi ini sudah %(status)s.") % {"status": d.get_status_display().lower()}, status=409
            )
        if d.dibaca_pada is not None:
            raise GalatNaskah(
                _("Disposisi sudah dibuka penerimanya pada %(waktu)s dan tidak dapat dibatalkan.")
                % {"waktu": timezone.localtime(d.dibaca_pada).strftime("%d-%m-%Y %H:%M")},
                status=409,
            )
        d.status = StatusDisposisi.DIBATALKAN
        d.dibatalkan_pada = timezone.now()
        d.save(update_fields=["status", "dibatalkan_pada"])
        jejak(naskah, AKSI_BATALKAN, user, jabatan=d.dari_jabatan, disposisi=d, alasan=alasan.strip()[:500])
        if not naskah.disposisi.exclude(status=StatusDisposisi.DIBATALKAN).exists():
            NaskahMasukPage.objects.filter(pk=naskah.pk).update(status=StatusMasuk.BARU)
            naskah.status = StatusMasuk.BARU
        _perbarui_akses(naskah)
        _periksa_tuntas(naskah, user)  # the withdrawn branch was the last open one
    return d


def _periksa_tuntas(naskah: NaskahMasukPage, user: Any) -> None:
    """Every branch done → the workflow's task completes → the letter is finished."""
    if naskah.disposisi.filter(status=StatusDisposisi.AKTIF).exists():
        return
    if not naskah.disposisi.filter(status=StatusDisposisi.SELESAI).exists():
        return
    _selesaikan_tugas(naskah, user)


def _selesaikan_tugas(naskah: NaskahMasukPage, user: Any) -> None:
    state = naskah.current_workflow_state
    ts = state.current_task_state if state is not None else None
    if ts is None or ts.status != TaskState.STATUS_IN_PROGRESS:
        return
    TaskState.objects.select_for_update().filter(pk=ts.pk).first()
    ts.approve(user=user, comment=_("Semua disposisi selesai."))


def selesaikan_naskah(naskah: NaskahMasukPage, user: Any, catatan: str = "") -> NaskahMasukPage:
    """The addressee closes a letter that needs no (more) disposition, e.g. "arsipkan"."""
    with transaction.atomic():
        naskah = _kunci(naskah)
        if naskah.tujuan_id not in akses.jabatan_ids(user):
            raise GalatNaskah(
                _("Hanya %(jabatan)s yang dapat menyelesaikan naskah ini.") % {"jabatan": naskah.tujuan.nama},
                status=403,
            )
        if naskah.status == StatusMasuk.SELESAI:
            raise GalatNaskah(_("Naskah ini sudah selesai."), status=409)
        if naskah.disposisi.filter(status=StatusDisposisi.AKTIF).exists():
            raise GalatNaskah(_("Masih ada disposisi yang belum selesai."), status=409)
        jejak(naskah, "ditutup", user, jabatan=naskah.tujuan, catatan=catatan.strip()[:500])
        _selesaikan_tugas(naskah, user)
    return NaskahMasukPage.objects.get(pk=naskah.pk)


def selesai_alur(naskah: NaskahMasukPage, user: Any) -> None:
    """WAGTAIL_FINISH_WORKFLOW_ACTION for incoming letters: finished and archived."""
    sekarang = timezone.now()
    NaskahMasukPage.objects.filter(pk=naskah.pk).update(status=StatusMasuk.SELESAI, selesai_pada=sekarang)
    naskah.status, naskah.selesai_pada = StatusMasuk.SELESAI, sekarang
    jejak(naskah, "selesai_naskah", user)
    from .layanan_arsip import arsipkan

    arsipkan(naskah)


# --- the Wagtail workflow actions -------------------------------------------------------


def aksi_alur(naskah: Any, user: Any) -> list[tuple[str, Any, bool]]:
    """The actions `user` has on this letter's Disposisi task (Wagtail's action menu)."""
    naskah = getattr(naskah, "specific", naskah)
    if not isinstance(naskah, NaskahMasukPage) or naskah.status == StatusMasuk.SELESAI or not user.is_active:
        return []
    aksi: list[tuple[str, Any, bool]] = []
    pemegang_tujuan = naskah.tujuan_id in akses.jabatan_ids(user)
    dipegang = disposisi_dipegang(naskah, user)
    if pemegang_tujuan:
        aksi.append((AKSI_DISPOSISIKAN, _("Disposisikan"), True))
    if dipegang:
        aksi.append((AKSI_TERUSKAN, _("Teruskan"), True))
        aksi.append((AKSI_SELESAI, _("Tindak lanjut / Selesai"), True))
    elif pemegang_tujuan and not naskah.disposisi.filter(status=StatusDisposisi.AKTIF).exists():
        aksi.append((AKSI_SELESAI, _("Selesai / arsipkan"), True))
    if Disposisi.objects.filter(
        naskah=naskah, dari_user=user, status=StatusDisposisi.AKTIF, dibaca_pada__isnull=True
    ).exists():
        aksi.append((AKSI_BATALKAN, _("Batalkan disposisi"), True))
    return aksi


def aksi_dari_alur(task_state: TaskState, user: Any, aksi: str, data: dict[str, Any]) -> None:
    """A Wagtail workflow action (menu/modal) → the service above."""
    naskah = task_state.workflow_state.content_object.specific
    if aksi not in {nama for nama, _l, _m in aksi_alur(naskah, user)}:
        raise GalatNaskah(_("Aksi ini tidak tersedia untuk Anda."), status=403)
    isi: dict[str, Any] = {
        "kepada_jabatan": list(data.get("kepada_jabatan") or []),
        "kepada_user": [p.user for p in data.get("kepada_pegawai") or []],
        "instruksi": list(data.get("instruksi") or []),
        "catatan": data.get("catatan") or "",
        "batas_waktu": data.get("batas_waktu"),
    }
    if aksi == AKSI_DISPOSISIKAN:
        disposisikan(naskah, user, **isi)
    elif aksi == AKSI_TERUSKAN:
        disposisikan(naskah, user, induk=disposisi_dipegang(naskah, user)[0], **isi)
    elif aksi == AKSI_SELESAI:
        dipegang = disposisi_dipegang(naskah, user)
        if dipegang:
            selesaikan(dipegang[0], user, tindak_lanjut=data.get("tindak_lanjut") or "")
        else:
            selesaikan_naskah(naskah, user, data.get("tindak_lanjut") or "")
    elif aksi == AKSI_BATALKAN:
        d = data.get("disposisi")
        if d is None or d.naskah_id != naskah.pk:
            raise GalatNaskah(_("Pilih disposisi yang dibatalkan."), {"disposisi": [_("Wajib diisi.")]})
        batalkan(d, user, data.get("alasan") or "")


# --- notifications -----------------------------------------------------------------------


def _notifikasi(naskah_id: int, jenis: str, kunci: str = "") -> None:
    from .layanan import _notifikasi as antrekan

    antrekan(naskah_id, jenis, kunci)


def notifikasi_disposisi(disposisi_id: int, jenis: str, kunci: str = "") -> None:
    d = Disposisi.objects.only("naskah_id").get(pk=disposisi_id)
    transaction.on_commit(lambda: _notifikasi(d.naskah_id, jenis, kunci or str(disposisi_id)))
