"""The one rule that decides who may read a letter, used by every view, download,
API endpoint and (later) search query.

A letter carries access tokens (AksesNaskah rows, recomputed by `perbarui_akses` at
every state change); a user carries tokens too (`token_user`). A user may read a
letter when the two sets meet. The same test is a QuerySet filter (`saring`) for
lists and a check (`dapat_melihat`) for one letter.

Who gets in:
- Biasa/Terbatas: the drafter, every member of the drafting unit, the heads of that
  unit and of every unit above it, superusers; plus the named people below.
- Rahasia/Sangat Rahasia: only named people — the drafter, pemaraf and penandatangan
  (from submission), recipients and tembusan (from sending), later disposition
  holders. Named people are jabatan, so a Plh/Plt in force reads what the post reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from wagtail.models import PagePermissionTester

from organisasi.selectors import jabatan_aktif, pegawai_dari_user

from .models import AksesNaskah, LogAkses, StatusNaskah
from .models.halaman import STATUS_DAPAT_DIUBAH
from .signals import naskah_berubah

if TYPE_CHECKING:
    from .models import NaskahKeluarPage

IZIN_BUAT = "templates_surat.buat_naskah"
_CACHE = "_lontar_akses_naskah"
STATUS_DIAJUKAN = {
    StatusNaskah.DIAJUKAN,
    StatusNaskah.DIKEMBALIKAN,
    StatusNaskah.MENUNGGU_TTE,
    StatusNaskah.TERKIRIM,
}


def _profil(user: Any) -> dict[str, Any]:
    """The user's jabatan (definitive + Plh/Plt today) and tokens, cached on the user object
    for the request."""
    profil = getattr(user, _CACHE, None)
    if profil is not None:
        return profil
    jabatan: list[Any] = []
    pegawai = pegawai_dari_user(user) if user is not None and user.is_authenticated else None
    if pegawai is not None and pegawai.aktif:
        jabatan = jabatan_aktif(pegawai)
    token = {f"u:{user.pk}"} if user is not None and user.is_authenticated else set()
    for j in jabatan:
        token |= {f"j:{j.pk}", f"unit:{j.unit_id}"}
        if j.kepala_unit:
            token.add(f"kepala:{j.unit_id}")
    if user is not None and user.is_authenticated and user.is_superuser:
        token.add("admin")
    profil = {"jabatan": jabatan, "token": sorted(token), "pegawai": pegawai}
    if user is not None:
        setattr(user, _CACHE, profil)
    return profil


def lupakan(user: Any) -> None:
    """Drop the cached profile (after a delegation changes within a request, in tests)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def jabatan_aktif_user(user: Any) -> list[Any]:
    """The user's jabatan today: definitive first, then Plh/Plt."""
    return list(_profil(user)["jabatan"]) if user is not None and user.is_active else []


def token_user(user: Any) -> list[str]:
    return _profil(user)["token"] if user is not None and user.is_active else []


def jabatan_ids(user: Any) -> set[int]:
    return {j.pk for j in _profil(user)["jabatan"]} if user is not None and user.is_active else set()


def unit_ids(user: Any) -> set[int]:
    return {j.unit_id for j in _profil(user)["jabatan"]} if user is not None and user.is_active else set()


def pegawai(user: Any) -> Any:
    return _profil(user)["pegawai"]


def saring(qs: QuerySet, user: Any, kolom: str = "pk") -> QuerySet:
    """Only the letters `user` may read (kolom: the letter id column of qs's model)."""
    token = token_user(user)
    if not token:
        return qs.none()
    return qs.filter(Exists(AksesNaskah.objects.filter(naskah_id=OuterRef(kolom), token__in=token)))


def dapat_melihat(user: Any, naskah: Any) -> bool:
    token = token_user(user)
    return bool(token) and AksesNaskah.objects.filter(naskah_id=naskah.pk, token__in=token).exists()


def dapat_mengubah(user: Any, naskah: NaskahKeluarPage) -> bool:
    """Drafts (konsep or returned) are edited by their drafter or the drafting unit's operators."""
    if naskah.status not in STATUS_DAPAT_DIUBAH or not user.is_active:
        return False
    if naskah.pembuat_id == user.pk:
        return True
    return user.has_perm(IZIN_BUAT) and naskah.unit_id in unit_ids(user) and dapat_melihat(user, naskah)


def _token_disposisi(masuk_ids: list[int]) -> dict[str, str]:
    """Everyone a disposition (not cancelled) was given to, on these incoming letters."""
    from .models import Disposisi, StatusDisposisi

    token: dict[str, str] = {}
    baris = (
        Disposisi.objects.filter(naskah_id__in=masuk_ids)
        .exclude(status=StatusDisposisi.DIBATALKAN)
        .values_list("kepada_jabatan_id", "kepada_user_id")
    )
    for jabatan_id, user_id in baris:
        if jabatan_id:
            token.setdefault(f"j:{jabatan_id}", "disposisi")
        if user_id:
            token.setdefault(f"u:{user_id}", "disposisi")
    return token


def token_naskah_masuk(naskah: Any) -> dict[str, str]:
    """Incoming letter: its addressee (and Plh), the registering operator, disposition
    holders; for Biasa/Terbatas also the receiving unit and the heads above it."""
    token: dict[str, str] = {f"j:{naskah.tujuan_id}": "tujuan"}
    if naskah.pencatat_id:
        token[f"u:{naskah.pencatat_id}"] = "pencatat"
    if not naskah.rahasia:
        token[f"unit:{naskah.unit_id}"] = "unit"
        token.setdefault(f"unit:{naskah.tujuan.unit_id}", "unit")
        for unit in naskah.tujuan.unit.jalur:
            token.setdefault(f"kepala:{unit.pk}", "atasan")
        token["admin"] = "admin"
    for t, s in _token_disposisi([naskah.pk]).items():
        token.setdefault(t, s)
    return token


def token_naskah(naskah: Any) -> dict[str, str]:
    """Every token that may read `naskah` in its current state → why."""
    from .models import NaskahMasukPage

    if isinstance(naskah, NaskahMasukPage):
        return token_naskah_masuk(naskah)
    token: dict[str, str] = {f"u:{naskah.pembuat_id}": "pembuat"}
    if not naskah.rahasia:
        token[f"unit:{naskah.unit_id}"] = "unit"
        for unit in naskah.unit.jalur:
            token[f"kepala:{unit.pk}"] = "atasan"
        token["admin"] = "admin"
    if naskah.status in STATUS_DIAJUKAN:
        for pemaraf in naskah.pemaraf.all():
            token.setdefault(f"j:{pemaraf.jabatan_id}", "pemaraf")
        if naskah.penandatangan_id:
            token.setdefault(f"j:{naskah.penandatangan_id}", "penandatangan")
    if naskah.status == StatusNaskah.TERKIRIM:
        for kiriman in naskah.kiriman.all():
            token.setdefault(f"j:{kiriman.jabatan_id}", kiriman.peran)
        # disposition holders of the copies received by each addressee read the original too
        diterima = getattr(naskah, "naskah_masuk", None)  # (bench/seed plans with a stand-in without it)
        masuk_ids = list(diterima.values_list("pk", flat=True)) if diterima is not None else []
        for t, s in _token_disposisi(masuk_ids).items():
            token.setdefault(t, s)
    return token


def perbarui_akses(naskah: Any) -> None:
    """Bring the letter's access rows in line with its state (derived data)."""
    token = token_naskah(naskah)
    with transaction.atomic():
        AksesNaskah.objects.filter(naskah_id=naskah.pk).exclude(token__in=list(token)).delete()
        AksesNaskah.objects.bulk_create(
            [AksesNaskah(naskah_id=naskah.pk, token=t, sumber=s) for t, s in token.items()],
            ignore_conflicts=True,
        )
    naskah_berubah.send(sender=type(naskah), naskah_id=naskah.pk)


def catat_akses(user: Any, naskah: Any, aksi: str, request: Any = None) -> None:
    """Log a view/download of a secret letter (every one of them)."""
    if naskah.rahasia:
        ip = request.META.get("REMOTE_ADDR") if request is not None else None
        LogAkses.objects.create(naskah_id=naskah.pk, user=user, aksi=aksi, alamat_ip=ip)


class IzinNaskah(PagePermissionTester):
    """Wagtail's page permissions for a letter, from the rule above: nobody publishes,
    moves or copies letters by hand; only readers see revisions; only drafters edit."""

    def can_edit(self) -> bool:
        return dapat_mengubah(self.user, self.page)

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return (
            self.page.status == StatusNaskah.KONSEP
            and self.page.pembuat_id == self.user.pk
            and not self.page.workflow_in_progress
        )

    def can_view_revisions(self) -> bool:
        return dapat_melihat(self.user, self.page)

    def can_publish(self) -> bool:
        return False

    def can_unpublish(self) -> bool:
        return False

    def can_add_subpage(self) -> bool:
        return False

    def can_move(self) -> bool:
        return False

    def can_copy(self) -> bool:
        return False

    def can_lock(self) -> bool:
        return False

    def can_unlock(self) -> bool:
        return False

    def can_set_view_restrictions(self) -> bool:
        return False

    def can_submit_for_moderation(self) -> bool:
        return dapat_mengubah(self.user, self.page) and super().can_submit_for_moderation()


def opd_ids(user: Any) -> set[int]:
    """The Perangkat Daerah of each of the user's jabatan today."""
    hasil = set()
    for j in _profil(user)["jabatan"] if user is not None and user.is_active else []:
        opd = j.unit.opd or j.unit
        hasil.add(opd.pk)
    return hasil


def dapat_ubah_registrasi(user: Any, naskah: Any) -> bool:
    """An incoming letter's registration data is corrected by the receiving unit's
    operators (or its registrar) until it is disposed."""
    from .models import StatusMasuk

    if naskah.status != StatusMasuk.BARU or naskah.asal_id or not user.is_active:
        return False
    if naskah.pencatat_id == user.pk:
        return True
    return user.has_perm(IZIN_BUAT) and naskah.unit_id in opd_ids(user) and dapat_melihat(user, naskah)


class IzinNaskahMasuk(IzinNaskah):
    """Incoming letters: registration edited by the unit's operators while new; the
    disposition task's holders open the editor to act (its fields stay read-only)."""

    def can_edit(self) -> bool:
        if dapat_ubah_registrasi(self.user, self.page):
            return True
        task = self.page.current_workflow_task if self.page.pk else None
        return bool(task and task.specific.user_can_access_editor(self.page, self.user))

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return False

    def can_submit_for_moderation(self) -> bool:
        return False
