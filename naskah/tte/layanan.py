"""State changes around the electronic signature: the passphrase given at the final
approval or again in Antrian TTE (checked, attempts limited and logged, held briefly
for the worker), and the queue the signing official sees."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import akses
from ..layanan import GalatNaskah, antrekan_tte
from ..models import NaskahKeluarPage, StatusNaskah
from ..penanda import GalatPenanda, GalatSandi, GalatSertifikat, Penanda, penanda_aktif
from . import titipan

if TYPE_CHECKING:
    from django.db.models import QuerySet

logger = logging.getLogger(__name__)

AKSI_SANDI_ULANG = "lontar.naskah.sandi_tte"


def _galat_sandi(pesan: str, status: int = 400) -> GalatNaskah:
    return GalatNaskah(pesan, {"sandi": [pesan]}, status=status)


def periksa_sandi(user: Any, sandi: str, naskah_id: int | None, *, ip: str | None = None) -> Penanda:
    """Check the official's passphrase as far as the active signer can before anything is
    recorded. Commits its attempt row itself (call it outside the approval's transaction)
    so refused attempts count even though the approval is not made.

    An unreachable signer does not stop the approval: the letter waits in "menunggu TTE"."""
    penanda = penanda_aktif()
    if not penanda.butuh_sandi:
        return penanda
    if not sandi:
        raise _galat_sandi(_("Masukkan passphrase TTE Anda untuk menandatangani."))
    sampai = titipan.terkunci_sampai(user)
    if sampai is not None:
        raise _galat_sandi(
            _("Terlalu banyak passphrase salah. Coba lagi setelah pukul %(jam)s.")
            % {"jam": formats.time_format(timezone.localtime(sampai), "H:i")},
            status=429,
        )
    pegawai = akses.pegawai(user)
    if pegawai is None:
        raise _galat_sandi(_("Akun Anda tidak terhubung dengan data pegawai; TTE tidak dapat dibuat."))
    try:
        penanda.periksa_sandi(pegawai, sandi)
    except GalatSandi as exc:
        titipan.catat_percobaan(user, naskah_id, berhasil=False, penanda=penanda.nama, ip=ip)
        logger.warning("Passphrase TTE ditolak untuk pengguna %s (naskah %s).", user.pk, naskah_id)
        raise _galat_sandi(str(exc) or _("Passphrase salah.")) from exc
    except GalatSertifikat as exc:
        raise _galat_sandi(str(exc)) from exc
    except GalatPenanda as exc:
        logger.warning("Penanda %s tidak dapat memeriksa passphrase: %s", penanda.nama, exc)
        return penanda
    titipan.catat_percobaan(user, naskah_id, berhasil=True, penanda=penanda.nama, ip=ip)
    return penanda


def masukkan_sandi_ulang(naskah: NaskahKeluarPage, user: Any, sandi: str, *, ip: str | None = None) -> None:
    """Antrian TTE: the signing official gives the passphrase again for a letter still
    waiting (held passphrase expired, refused, or the signer was switched); the
    signature is queued again."""
    if naskah.status != StatusNaskah.MENUNGGU_TTE:
        raise GalatNaskah(_("Naskah ini tidak sedang menunggu TTE."), status=409)
    if naskah.ditandatangani_oleh_id != user.pk:
        raise GalatNaskah(_("Hanya pejabat yang menyetujui naskah ini yang dapat menandatanganinya."), status=403)
    periksa_sandi(user, sandi, naskah.pk, ip=ip)
    with transaction.atomic():
        titipan.titipkan(naskah, user, sandi)
        NaskahKeluarPage.objects.filter(pk=naskah.pk).update(galat_tte="")
        log(instance=naskah, action=AKSI_SANDI_ULANG, user=user, data={})
        transaction.on_commit(lambda: antrekan_tte(naskah.pk))


def antrian(user: Any, *, semua: bool = False) -> QuerySet[NaskahKeluarPage]:
    """Letters waiting for a signature: the user's own, or every one (`semua`, admins)."""
    qs = NaskahKeluarPage.objects.filter(status=StatusNaskah.MENUNGGU_TTE)
    if not semua:
        qs = qs.filter(ditandatangani_oleh=user)
    return qs.select_related("penandatangan", "ditandatangani_oleh").order_by("ditandatangani_pada")
