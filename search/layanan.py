"""The search facade's implementation (re-exported by `search`): query with the reader's
access, index and remove objects, answer from the database while the engine is down."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.utils.translation import gettext as _

from . import mesin as mesin_mod
from .mesin.dasar import FACET, MAKS_HALAMAN, GalatMesin, Hasil, Permintaan
from .sumber import TOKEN_PUBLIK, TOKEN_TEMPLAT_BACA, TOKEN_TEMPLAT_KELOLA, kunci, pisah_kunci

log = logging.getLogger(__name__)
FILTER = ("koleksi", "jenis", "unit", "sifat", "status", "arah", "klasifikasi", "pengirim", "penerima", "nomor")
URUTAN = ("relevansi", "tanggal")


class GalatPermintaan(ValueError):
    """A filter value that cannot be understood (shown to the user, never a 500)."""


def token_pencari(user: Any) -> list[str]:
    """Everything `user` may find: naskah.akses's tokens, public pages, and templates
    (live ones for letter makers, all for template managers)."""
    from naskah import akses

    token = set(akses.token_user(user)) if user is not None and user.is_authenticated else set()
    token.add(TOKEN_PUBLIK)
    if user is not None and user.is_authenticated and user.is_active:
        if user.is_superuser or user.has_perm("templates_surat.change_jenisnaskah"):
            token |= {TOKEN_TEMPLAT_KELOLA, TOKEN_TEMPLAT_BACA}
        elif user.has_perm("templates_surat.buat_naskah"):
            token.add(TOKEN_TEMPLAT_BACA)
    return sorted(token)


def _tanggal(nilai: Any, nama: str) -> datetime.date | None:
    if nilai in (None, ""):
        return None
    if isinstance(nilai, datetime.date):
        return nilai
    try:
        return datetime.date.fromisoformat(str(nilai))
    except ValueError:
        raise GalatPermintaan(
            _("Tanggal “%(nama)s” tidak dikenali; gunakan format TTTT-BB-HH.") % {"nama": nama}
        ) from None


def _bulat(nilai: Any, nama: str, bawah: int = 1, atas: int | None = None) -> int | None:
    if nilai in (None, ""):
        return None
    try:
        angka = int(nilai)
    except (TypeError, ValueError):
        raise GalatPermintaan(_("“%(nama)s” harus berupa angka.") % {"nama": nama}) from None
    if angka < bawah or (atas is not None and angka > atas):
        raise GalatPermintaan(_("“%(nama)s” di luar rentang yang diizinkan.") % {"nama": nama})
    return angka


def permintaan(user: Any, q: str = "", **filter: Any) -> Permintaan:
    """Validate and normalise a query; raises GalatPermintaan with a message for users."""
    tidak_dikenal = set(filter) - {*FILTER, "tahun", "dari", "sampai", "urut", "halaman", "per_halaman"}
    if tidak_dikenal:
        raise GalatPermintaan(_("Saringan tidak dikenal: %(nama)s.") % {"nama": ", ".join(sorted(tidak_dikenal))})
    nilai = {k: (str(filter[k]).strip() or None) if filter.get(k) not in (None, "") else None for k in FILTER}
    unit = _bulat(nilai.pop("unit"), "unit")
    dari = _tanggal(filter.get("dari"), "dari")
    sampai = _tanggal(filter.get("sampai"), "sampai")
    if dari and sampai and dari > sampai:
        raise GalatPermintaan(_("Tanggal “dari” harus sebelum tanggal “sampai”."))
    urut = filter.get("urut") or "relevansi"
    if urut not in URUTAN:
        raise GalatPermintaan(_("Urutan harus “relevansi” atau “tanggal”."))
    return Permintaan(
        token=token_pencari(user),
        q=str(q or ""),
        unit=unit,
        tahun=_bulat(filter.get("tahun"), "tahun", 1900, 2999),
        dari=dari,
        sampai=sampai,
        urut=urut,
        halaman=_bulat(filter.get("halaman"), "halaman", 1, MAKS_HALAMAN) or 1,
        per_halaman=_bulat(filter.get("per_halaman"), "per_halaman", 1, 100) or 20,
        **nilai,
    )


def _saring_hits(user: Any, hasil: Hasil) -> Hasil:
    """Defence in depth: every letter hit passes naskah.akses once more (an index that
    lags behind a withdrawn disposition must not show the letter)."""
    from naskah import akses
    from naskah.models import AksesNaskah

    id_naskah = [h.objek_id for h in hasil.hits if h.koleksi == "naskah"]
    if not id_naskah:
        return hasil
    token = akses.token_user(user)
    boleh = set(
        AksesNaskah.objects.filter(naskah_id__in=id_naskah, token__in=token).values_list("naskah_id", flat=True)
    )
    ditolak = [h for h in hasil.hits if h.koleksi == "naskah" and h.objek_id not in boleh]
    if ditolak:
        hasil.hits = [h for h in hasil.hits if h not in ditolak]
        hasil.total = max(0, hasil.total - len(ditolak))
    return hasil


def cari(user: Any, q: str = "", **filter: Any) -> Hasil:
    """Search as `user`: only what they may read, with snippets and facets. Falls back to
    the database index (with `pemberitahuan`) when the configured engine is down.
    Raises GalatPermintaan for filter values it cannot understand."""
    p = permintaan(user, q, **filter)
    mesin = mesin_mod.aktif()
    try:
        hasil = mesin.cari(p)
    except GalatMesin as exc:
        if mesin.nama == "database":
            raise
        log.warning("mesin pencari %s tidak tersedia: %s", mesin.nama, exc)
        hasil = mesin_mod.database().cari(p)
        hasil.pemberitahuan = _(
            "Indeks pencarian sedang tidak tersedia; hasil di bawah berasal dari pencarian basis data "
            "dan bisa kurang lengkap."
        )
    for nama in FACET:
        hasil.faset.setdefault(nama, [])
    return _saring_hits(user, hasil)


def kunci_objek(obj: Any) -> str | None:
    from wagtail.models import Page

    from .sumber import koleksi_halaman

    if isinstance(obj, Page):
        koleksi = koleksi_halaman(obj)
        return kunci(koleksi, obj.pk) if koleksi else None
    return None


def indeks(obj: Any) -> None:
    """Queue (after commit) the (re)indexing of one object."""
    k = kunci_objek(obj)
    if k:
        antrekan([k])


def hapus(obj: Any) -> None:
    """Queue (after commit) the removal of one object from every index."""
    from wagtail.models import Page

    if isinstance(obj, Page):
        antrekan([kunci(k, obj.pk) for k in ("naskah", "template", "publik")])


def antrekan(daftar_kunci: list[str]) -> None:
    from .signal_handlers import antrekan as _antrekan

    _antrekan(*daftar_kunci)


def perbarui_sekarang(k: str) -> bool:
    """Bring one key in line with the database now: write its document to the database
    index and (when configured) the engine, or remove it everywhere. Returns True when
    a document exists. Raises GalatMesin when the engine is down (the database index is
    updated first, so search keeps working from it)."""
    from .sumber import dokumen_untuk

    pisah_kunci(k)
    dok = dokumen_untuk(k)
    db = mesin_mod.database()
    if dok is None:
        db.hapus([k])
        if mesin_mod.pakai_elastic():
            mesin_mod.mesin_elastic().hapus([k])
        return False
    db.simpan([dok])
    if mesin_mod.pakai_elastic():
        mesin_mod.mesin_elastic().simpan([dok])
    return True
