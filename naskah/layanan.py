"""Every state change of an outgoing letter: create a konsep, submit, approve/return
a task, sign (number + frozen revision + final PDF), finish signing, send.

Each function is atomic and leaves a history row (Wagtail's page log, shown on the
letter's history). Views, the API and Wagtail's own workflow actions all call these.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from organisasi.models import Jabatan
from templates_surat import isian as isian_mod
from templates_surat.engine import GalatTemplate
from templates_surat.models import TemplateSuratPage
from templates_surat.penomoran import alokasi
from templates_surat.render import GalatRender

from . import akses
from .alur import alur_untuk, rantai
from .dokumen import isian_lengkap, render_naskah, template_naskah
from .models import (
    FolderTahunPage,
    FolderUnitPage,
    Kiriman,
    NaskahIndexPage,
    NaskahKeluarPage,
    PemarafNaskah,
    PeranKiriman,
    Sifat,
    StatusNaskah,
    TandaTanganTask,
    Urgensi,
)
from .models.halaman import STATUS_DAPAT_DIUBAH

if TYPE_CHECKING:
    from organisasi.models import Unit

logger = logging.getLogger(__name__)

AKSI_TANDA_TANGAN = "lontar.naskah.tandatangan"
AKSI_TTE = "lontar.naskah.tte"
AKSI_TERKIRIM = "lontar.naskah.terkirim"
AKSI_GALAT_TTE = "lontar.naskah.galat_tte"


class GalatNaskah(Exception):
    """A request the letter's state or the user's role does not allow; the message
    says why (shown to the user as is). `galat` maps fields to messages when known."""

    def __init__(self, pesan: str, galat: dict[str, list[str]] | None = None, status: int = 400) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.galat = galat or {}
        self.status = status


# --- folders -------------------------------------------------------------------------


def _folder(unit: Unit, tahun: int) -> FolderTahunPage:
    """The year folder of a Perangkat Daerah, created on first use (parents locked:
    treebeard path allocation is not safe under concurrent inserts otherwise)."""
    opd = unit.opd or unit
    folder_unit = FolderUnitPage.objects.filter(unit=opd).first()
    if folder_unit is None:
        from .struktur import pastikan_indeks

        indeks = NaskahIndexPage.objects.select_for_update().first() or pastikan_indeks()
        folder_unit = FolderUnitPage.objects.filter(unit=opd).first() or indeks.add_child(
            instance=FolderUnitPage(title=opd.nama, slug=f"unit-{opd.pk}", unit=opd)
        )
    folder_tahun = FolderTahunPage.objects.child_of(folder_unit).filter(tahun=tahun).first()
    if folder_tahun is not None:
        return folder_tahun
    folder_unit = FolderUnitPage.objects.select_for_update().get(pk=folder_unit.pk)
    return FolderTahunPage.objects.child_of(folder_unit).filter(tahun=tahun).first() or folder_unit.add_child(
        instance=FolderTahunPage(title=str(tahun), slug=str(tahun), tahun=tahun)
    )


# --- konsep ----------------------------------------------------------------------------


def _jabatan_pembuat(user: Any) -> Jabatan:
    jabatan = akses.jabatan_aktif_user(user)
    if not user.has_perm(akses.IZIN_BUAT) or not jabatan:
        raise GalatNaskah(_("Akun Anda tidak terdaftar sebagai pegawai yang boleh membuat naskah."), status=403)
    return jabatan[0]


def buat_konsep(
    user: Any,
    template: TemplateSuratPage,
    *,
    perihal: str = "",
    sifat: str = Sifat.BIASA,
    urgensi: str = Urgensi.BIASA,
    klasifikasi: str = "",
    isian: dict[str, Any] | None = None,
    penerima: list[Jabatan] | None = None,
    penerima_luar: str = "",
    tembusan: list[Jabatan] | None = None,
    tembusan_luar: str | None = None,
    pemaraf: list[Jabatan] | None = None,
    penandatangan: Jabatan | None = None,
) -> NaskahKeluarPage:
    """A new letter draft from a live template, in the drafter's unit folder."""
    jabatan = _jabatan_pembuat(user)
    if not template.live or template.live_revision_id is None:
        raise GalatNaskah(_("Template belum terbit."), status=404)
    with transaction.atomic():
        folder = _folder(jabatan.unit, timezone.localdate().year)
        folder = FolderTahunPage.objects.select_for_update().get(pk=folder.pk)
        naskah = NaskahKeluarPage(
            slug=f"n-{uuid.uuid4().hex[:16]}",
            live=False,  # a letter goes live only when it is signed
            has_unpublished_changes=True,
            owner=user,
            template=template,
            template_revisi_id=template.live_revision_id,
            unit=jabatan.unit,
            pembuat=user,
            perihal=perihal,
            sifat=sifat,
            urgensi=urgensi,
            klasifikasi=klasifikasi or template.klasifikasi_bawaan,
            isian=isian or {},
            penerima_luar=penerima_luar,
            tembusan_luar=template.tembusan_bawaan if tembusan_luar is None else tembusan_luar,
            penandatangan=penandatangan,
        )
        naskah.penerima = penerima or []
        naskah.tembusan = tembusan or []
        naskah.pemaraf = [PemarafNaskah(jabatan=j, sort_order=i) for i, j in enumerate(pemaraf or [])]
        if isian is not None:  # the admin creates an empty konsep and fills it in the editor
            _periksa_isian(naskah, wajib=False)
        naskah.title = naskah.judul_aman()
        folder.add_child(instance=naskah)
        if naskah.rahasia:  # the neutral title carries the id, known only now
            naskah.title = naskah.draft_title = naskah.judul_aman()
            naskah.save(update_fields=["title", "draft_title"], clean=False)
        naskah.save_revision(user=user, log_action="wagtail.create")
        akses.perbarui_akses(naskah)
    return naskah


def _periksa_isian(naskah: NaskahKeluarPage, *, wajib: bool) -> None:
    """Check the template fields; with `wajib`, also what a letter needs to be submitted."""
    galat: dict[str, list[str]] = {}
    try:
        isian_mod.validasi(template_naskah(naskah), isian_lengkap(naskah))
    except isian_mod.GalatIsian as exc:
        standar = {"hal": "perihal", "kepada": "penerima", "penandatangan": "penandatangan"}
        for nama, pesan in exc.galat.items():
            if nama in standar:
                if wajib:
                    galat.setdefault(standar[nama], []).extend(pesan)
            else:
                galat.setdefault(f"isian.{nama}" if nama != "__all__" else "isian", []).extend(pesan)
    if wajib:
        pemaraf, penandatangan = rantai(naskah)
        if penandatangan is None:
            galat.setdefault("penandatangan", []).append(_("Pilih penandatangan sebelum mengajukan."))
        elif not (penandatangan.dapat_menandatangani and penandatangan.aktif):
            galat.setdefault("penandatangan", []).append(
                _("%(jabatan)s tidak berwenang menandatangani naskah.") % {"jabatan": penandatangan.nama}
            )
        if penandatangan is not None and penandatangan in pemaraf:
            galat.setdefault("pemaraf", []).append(_("Penandatangan tidak perlu menjadi pemaraf juga."))
        if len({j.pk for j in pemaraf}) != len(pemaraf):
            galat.setdefault("pemaraf", []).append(_("Setiap pemaraf hanya boleh dipilih satu kali."))
        if not naskah.perihal.strip():
            galat.setdefault("perihal", []).append(_("Hal/perihal wajib diisi."))
        pesan_klasifikasi = periksa_klasifikasi(naskah.klasifikasi, wajib=True)
        if pesan_klasifikasi:
            galat.setdefault("klasifikasi", []).append(pesan_klasifikasi)
    if galat:
        raise GalatNaskah(_("Naskah belum lengkap: periksa isian yang ditandai."), galat)


def periksa_klasifikasi(kode: str, *, wajib: bool) -> str:
    """Why the code is not acceptable ("" when it is). Every final letter is archived under
    a klasifikasi of Permendagri 83/2022 whose JRA rule gives its retention."""
    from .layanan_arsip import cari_klasifikasi

    kode = (kode or "").strip()
    if not kode:
        return _("Klasifikasi arsip wajib diisi.") if wajib else ""
    if cari_klasifikasi(kode) is None:
        return _("Kode klasifikasi %(kode)s tidak dikenal (lihat daftar klasifikasi arsip).") % {"kode": kode}
    return ""


def periksa_siap_ajukan(naskah: NaskahKeluarPage) -> None:
    _periksa_isian(naskah, wajib=True)


# --- approval -----------------------------------------------------------------------------


def ajukan(naskah: NaskahKeluarPage, user: Any) -> NaskahKeluarPage:
    """Start (or, after a return, resume) the approval workflow."""
    with transaction.atomic():
        naskah = NaskahKeluarPage.objects.select_for_update().get(pk=naskah.pk)
        if not akses.dapat_mengubah(user, naskah):
            if naskah.status not in STATUS_DAPAT_DIUBAH and akses.dapat_melihat(user, naskah):
                raise GalatNaskah(_("Naskah ini sudah diajukan atau ditandatangani."), status=409)
            raise GalatNaskah(_("Anda tidak dapat mengajukan naskah ini."), status=403)
        konsep = naskah.get_latest_revision_as_object()
        periksa_siap_ajukan(konsep)
        state = naskah.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            if state.workflow_id == getattr(alur_untuk(konsep), "pk", None):
                state.resume(user=user)
                return _segarkan(naskah)
            state.cancel(user=user)  # the chain changed while returned: start again with the new one
        workflow = alur_untuk(konsep)
        if workflow is None:  # checked above; keeps the type checker honest
            raise GalatNaskah(_("Pilih penandatangan sebelum mengajukan."))
        workflow.start(naskah, user)
    return _segarkan(naskah)


def _segarkan(naskah: NaskahKeluarPage) -> NaskahKeluarPage:
    return NaskahKeluarPage.objects.get(pk=naskah.pk)


def aksi_tugas(
    task_state: TaskState, user: Any, aksi: str, *, comment: str = "", sandi: str = "", ip: str | None = None
) -> None:
    """Approve ("approve") or return ("reject", comment required) the current task.
    Approving the signature task takes the official's TTE passphrase (`sandi`) when the
    signer needs one: checked first, then held for the signing worker.

    The task state is locked and re-read: a second click, a second tab or a second
    official acting at the same moment gets a clear error, never a second approval."""
    comment = (comment or "").strip()
    penanda = None
    if aksi == "approve" and isinstance(task_state.task.specific, TandaTanganTask):
        from .tte.layanan import periksa_sandi

        penanda = periksa_sandi(user, sandi, int(task_state.workflow_state.object_id), ip=ip)
    with transaction.atomic():
        terkunci = TaskState.objects.select_for_update().filter(pk=task_state.pk).first()
        if terkunci is None or terkunci.status != TaskState.STATUS_IN_PROGRESS:
            raise GalatNaskah(_("Tugas ini sudah diproses sebelumnya; muat ulang halaman."), status=409)
        terkunci = terkunci.specific
        task = terkunci.task.specific
        naskah = terkunci.workflow_state.content_object.specific
        if aksi not in {nama for nama, _label, _modal in task.get_actions(naskah, user)}:
            raise GalatNaskah(_("Tugas ini bukan untuk Anda."), status=403)
        if aksi == "reject":
            if not comment:
                raise GalatNaskah(_("Catatan wajib diisi saat mengembalikan naskah."), {"catatan": [_("Wajib diisi.")]})
            terkunci.reject(user=user, comment=comment)
        elif aksi == "approve":
            terkunci.approve(user=user, comment=comment)
            if penanda is not None and penanda.butuh_sandi:
                from .tte import titipan

                titipan.titipkan(naskah, user, sandi)
        else:
            raise GalatNaskah(_("Aksi tidak dikenal."))


def tugas_aktif(naskah: NaskahKeluarPage) -> TaskState | None:
    state = naskah.current_workflow_state
    if state is None or state.current_task_state is None:
        return None
    ts = state.current_task_state
    return ts if ts.status == TaskState.STATUS_IN_PROGRESS else None


def aksi_tersedia(naskah: NaskahKeluarPage, user: Any) -> set[str]:
    """What `user` may do to the letter now: "ajukan", "setujui", "kembalikan"."""
    aksi = set()
    if naskah.status in STATUS_DAPAT_DIUBAH and akses.dapat_mengubah(user, naskah):
        aksi.add("ajukan")
    tugas = tugas_aktif(naskah) if naskah.status == StatusNaskah.DIAJUKAN else None
    if tugas is not None:
        nama = {n for n, _label, _modal in tugas.task.specific.get_actions(naskah, user)}
        aksi |= {a for a, t in (("setujui", "approve"), ("kembalikan", "reject")) if t in nama}
    return aksi


def setujui(
    naskah: NaskahKeluarPage, user: Any, catatan: str = "", *, sandi: str = "", ip: str | None = None
) -> NaskahKeluarPage:
    ts = tugas_aktif(naskah)
    if ts is None:
        raise GalatNaskah(_("Naskah ini tidak sedang menunggu persetujuan."), status=409)
    aksi_tugas(ts, user, "approve", comment=catatan, sandi=sandi, ip=ip)
    return _segarkan(naskah)


def kembalikan(naskah: NaskahKeluarPage, user: Any, catatan: str) -> NaskahKeluarPage:
    ts = tugas_aktif(naskah)
    if ts is None:
        raise GalatNaskah(_("Naskah ini tidak sedang menunggu persetujuan."), status=409)
    aksi_tugas(ts, user, "reject", comment=catatan)
    return _segarkan(naskah)


def ubah_status(naskah: NaskahKeluarPage, status: str, tugas_jabatan_id: int | None = None) -> None:
    """Status follows the workflow (see signal_handlers); access follows the status."""
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(status=status, tugas_jabatan_id=tugas_jabatan_id)
    naskah.status = status
    naskah.tugas_jabatan_id = tugas_jabatan_id
    akses.perbarui_akses(naskah)


# --- signing -------------------------------------------------------------------------------


def tandatangani(naskah: NaskahKeluarPage, user: Any, workflow_state: WorkflowState) -> NaskahKeluarPage:
    """The last task was approved (inside its transaction): take the number, freeze the
    approved revision, render the final PDF/A, publish, and queue the signature.

    Any failure raises and rolls the whole approval back: no number is used up."""
    terkunci = NaskahKeluarPage.objects.select_for_update().get(pk=naskah.pk)
    if terkunci.status != StatusNaskah.DIAJUKAN:
        raise GalatNaskah(_("Naskah ini sudah ditandatangani."), status=409)
    revisi = workflow_state.current_task_state.revision
    isi = revisi.as_object()
    template = isi.template
    tanggal = timezone.localdate()
    nomor = None
    if template.pola_nomor_id:
        try:
            nomor = alokasi(
                template.pola_nomor,
                unit=isi.unit.opd or isi.unit,
                jenis=template.jenis,
                klasifikasi=isi.klasifikasi or template.klasifikasi_bawaan,
                tanggal=tanggal,
                referensi=f"naskah:{naskah.pk}",
            )
        except ValueError as exc:
            raise GalatNaskah(_("Nomor naskah tidak dapat dibuat: %(galat)s") % {"galat": exc}) from exc
    penanda = akses.pegawai(user)
    try:
        berkas = render_naskah(
            isi, "pdf", final=True, nomor=nomor.nomor if nomor else "", tanggal=tanggal, penanda=penanda
        )
    except (isian_mod.GalatIsian, GalatTemplate, GalatRender) as exc:
        raise GalatNaskah(_("PDF final tidak dapat dibuat: %(galat)s") % {"galat": exc}) from exc
    revisi.publish(user=user, skip_permission_checks=True, log_action=True)
    final = ContentFile(berkas.isi, name=f"naskah-{naskah.pk}.pdf")
    terkunci.berkas_final.save(final.name, final, save=False)
    perubahan = {
        "status": StatusNaskah.MENUNGGU_TTE,
        "nomor": nomor.nomor if nomor else "",
        "nomor_terbit": nomor,
        "tanggal_naskah": tanggal,
        "revisi_final": revisi,
        "ditandatangani_oleh": user,
        "ditandatangani_pada": timezone.now(),
        "berkas_final": terkunci.berkas_final.name,
        "hash_final": hashlib.sha256(berkas.isi).hexdigest(),
        "galat_tte": "",
        "kode_verifikasi": secrets.token_urlsafe(12),
        "tugas_jabatan": None,
    }
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(**perubahan)
    terkunci.refresh_from_db()
    akses.perbarui_akses(terkunci)
    log(
        instance=terkunci,
        action=AKSI_TANDA_TANGAN,
        user=user,
        revision=revisi,
        data={"nomor": perubahan["nomor"], "hash": perubahan["hash_final"]},
    )
    transaction.on_commit(lambda: antrekan_tte(naskah.pk))
    return terkunci


def antrekan_tte(naskah_id: int) -> None:
    """Queue the signature; if the broker is unreachable the beat job picks it up later."""
    from .tasks import tandatangani_naskah

    try:
        tandatangani_naskah.delay(naskah_id)
    except Exception:  # noqa: BLE001 - broker down: the letter stays "menunggu TTE" and is retried by beat
        logger.warning("Antrean TTE tidak tersedia untuk naskah %s; dicoba lagi oleh jadwal.", naskah_id)


def selesaikan_tte(naskah_id: int) -> bool:
    """Sign the final PDF through the active signer and send the letter. Returns True
    when it signed.

    Idempotent and single: the letter row is locked (a second worker skips it), so no
    letter is signed twice. A refused passphrase or an unusable certificate is recorded
    and not retried (the official acts in Antrian TTE); an unreachable signer is
    recorded and raised so the task retries with backoff."""
    from .penanda import GalatPenanda, GalatSandi, GalatSertifikat, penanda_aktif
    from .tte import titipan

    gangguan: GalatPenanda | None = None
    with transaction.atomic():
        naskah = NaskahKeluarPage.objects.select_for_update(skip_locked=True).filter(pk=naskah_id).first()
        if naskah is None or naskah.status != StatusNaskah.MENUNGGU_TTE:
            return False
        with naskah.berkas_final.open("rb") as f:
            pdf = f.read()
        if hashlib.sha256(pdf).hexdigest() != naskah.hash_final:
            _galat_tte(naskah, _("PDF final berubah sejak disetujui; penandatanganan ditolak."))
            return False
        penanda = penanda_aktif()
        sandi = ""
        if penanda.butuh_sandi:
            sandi = titipan.ambil(naskah_id) or ""
            if not sandi:
                _galat_tte(naskah, _("Passphrase TTE perlu dimasukkan kembali oleh penanda tangan (Antrian TTE)."))
                return False
        try:
            ditandatangani = penanda.tandatangani(pdf, naskah=naskah, sandi=sandi)
        except GalatSandi as exc:
            titipan.hapus(naskah_id)
            titipan.catat_percobaan(naskah.ditandatangani_oleh, naskah_id, berhasil=False, penanda=penanda.nama)
            _galat_tte(naskah, _("Passphrase ditolak: %(galat)s Masukkan kembali di Antrian TTE.") % {"galat": exc})
            return False
        except GalatSertifikat as exc:
            titipan.hapus(naskah_id)
            _galat_tte(naskah, str(exc))
            return False
        except GalatPenanda as exc:
            _galat_tte(naskah, str(exc))
            gangguan = exc
        else:
            berkas = ContentFile(ditandatangani, name=f"naskah-{naskah_id}-ttd.pdf")
            naskah.berkas_ttd.save(berkas.name, berkas, save=False)
            NaskahKeluarPage.objects.filter(pk=naskah_id).update(
                berkas_ttd=naskah.berkas_ttd.name,
                hash_ttd=hashlib.sha256(ditandatangani).hexdigest(),
                penanda_tte=penanda.nama,
                galat_tte="",
            )
            titipan.hapus(naskah_id)
            log(instance=naskah, action=AKSI_TTE, user=naskah.ditandatangani_oleh, data={"penanda": penanda.nama})
            kirim(naskah)
    if gangguan is not None:
        raise gangguan
    return True


def _galat_tte(naskah: NaskahKeluarPage, pesan: str) -> None:
    """Record why the signature is not made yet (once per distinct reason in the history)."""
    if naskah.galat_tte == pesan[:2000]:
        return
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(galat_tte=pesan[:2000])
    naskah.galat_tte = pesan[:2000]
    log(instance=naskah, action=AKSI_GALAT_TTE, user=None, data={"galat": pesan[:500]})


def kirim(naskah: NaskahKeluarPage) -> None:
    """Deliver a signed letter: one inbox entry per internal recipient and tembusan."""
    sekarang = timezone.now()
    tujuan: dict[int, str] = {}
    for j in naskah.penerima.all():
        tujuan[j.pk] = PeranKiriman.PENERIMA
    for j in naskah.tembusan.all():
        tujuan.setdefault(j.pk, PeranKiriman.TEMBUSAN)
    Kiriman.objects.bulk_create(
        [Kiriman(naskah=naskah, jabatan_id=j, peran=p, dikirim_pada=sekarang) for j, p in tujuan.items()],
        ignore_conflicts=True,
    )
    NaskahKeluarPage.objects.filter(pk=naskah.pk).update(status=StatusNaskah.TERKIRIM, terkirim_pada=sekarang)
    naskah.status = StatusNaskah.TERKIRIM
    akses.perbarui_akses(naskah)
    log(instance=naskah, action=AKSI_TERKIRIM, user=None, data={"jabatan": sorted(tujuan)})
    from .layanan_arsip import arsipkan
    from .layanan_masuk import terima_internal

    terima_internal(naskah)
    arsipkan(naskah)
    transaction.on_commit(lambda: _notifikasi(naskah.pk, "terkirim"))


def _notifikasi(naskah_id: int, jenis: str, kunci: str = "") -> None:
    from .tasks import kirim_notifikasi

    try:
        kirim_notifikasi.delay(naskah_id, jenis, kunci)
    except Exception:  # noqa: BLE001 - broker down: the letter is sent, only the notice is late
        logger.warning("Notifikasi %s naskah %s tidak dapat diantrekan.", jenis, naskah_id)


def notifikasi(naskah_id: int, jenis: str, kunci: str = "") -> None:
    transaction.on_commit(lambda: _notifikasi(naskah_id, jenis, kunci))


def tandai_dibaca(naskah: NaskahKeluarPage, user: Any) -> None:
    from .models import Bacaan

    Bacaan.objects.get_or_create(naskah=naskah, user=user)
