"""Who is told what: in-app notification rows (the e-mail is sent by the task)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from organisasi.selectors import pemegang_jabatan

from .models import Disposisi, NaskahKeluarPage, NaskahMasukPage, Notifikasi


def _pemegang(jabatan: Any) -> list[Any]:
    return [p.user for p in pemegang_jabatan(jabatan)]


def _penerima(naskah: NaskahKeluarPage, jenis: str, kunci: str) -> list[tuple[Any, str]]:
    judul = naskah.judul_aman()
    if jenis == "tugas":
        ts = TaskState.objects.filter(pk=kunci).first()
        if ts is None or ts.status != TaskState.STATUS_IN_PROGRESS:
            return []
        task = ts.task.specific
        pesan = _("Menunggu %(aksi)s Anda: %(judul)s") % {"aksi": str(task.label_setujui).lower(), "judul": judul}
        return [(u, pesan) for u in _pemegang(task.jabatan)]
    if jenis == "dikembalikan":
        return [(naskah.pembuat, _("Naskah dikembalikan untuk diperbaiki: %(judul)s") % {"judul": judul})]
    if jenis == "terkirim":
        hasil = [(naskah.pembuat, _("Naskah %(nomor)s telah ditandatangani dan dikirim.") % {"nomor": naskah.nomor})]
        for kiriman in naskah.kiriman.select_related("jabatan"):
            pesan = _("Naskah masuk %(nomor)s: %(judul)s") % {"nomor": naskah.nomor, "judul": judul}
            hasil += [(u, pesan) for u in _pemegang(kiriman.jabatan)]
        return hasil
    return []


def _pemegang_disposisi(d: Disposisi) -> list[Any]:
    if d.kepada_user_id:
        return [d.kepada_user]
    return _pemegang(d.kepada_jabatan) if d.kepada_jabatan_id else []


def _penerima_masuk(naskah: NaskahMasukPage, jenis: str, kunci: str) -> list[tuple[Any, str]]:
    judul = naskah.judul_aman()
    if jenis == "masuk":
        pesan = _("Naskah masuk (agenda %(agenda)s) perlu disposisi: %(judul)s") % {
            "agenda": naskah.agenda,
            "judul": judul,
        }
        return [(u, pesan) for u in _pemegang(naskah.tujuan)]
    d = Disposisi.objects.filter(pk=str(kunci).split(":", 1)[0] or 0, naskah=naskah).first()
    if d is None or d.status != "aktif":
        return []
    if jenis == "disposisi":
        pesan = _("Disposisi dari %(dari)s: %(judul)s") % {"dari": d.dari_jabatan.nama, "judul": judul}
    elif jenis == "pengingat":
        pesan = _("Batas waktu disposisi pada hari kerja berikutnya (%(tanggal)s): %(judul)s") % {
            "tanggal": d.batas_waktu.strftime("%d-%m-%Y") if d.batas_waktu else "-",
            "judul": judul,
        }
    elif jenis == "terlambat":
        pesan = _("Disposisi melewati batas waktu (%(tanggal)s): %(judul)s") % {
            "tanggal": d.batas_waktu.strftime("%d-%m-%Y") if d.batas_waktu else "-",
            "judul": judul,
        }
    else:
        return []
    return [(u, pesan) for u in _pemegang_disposisi(d)]


def buat_notifikasi(naskah_id: int, jenis: str, kunci: str = "") -> list[Notifikasi]:
    naskah: Any = NaskahKeluarPage.objects.filter(pk=naskah_id).select_related("pembuat").first()
    if naskah is None:
        naskah = NaskahMasukPage.objects.filter(pk=naskah_id).select_related("tujuan").first()
    if naskah is None:
        return []
    penerima = _penerima_masuk(naskah, jenis, kunci) if isinstance(naskah, NaskahMasukPage) else None
    baru: list[Notifikasi] = []
    sudah: set[int] = set()
    User = get_user_model()  # noqa: N806
    for user, pesan in penerima if penerima is not None else _penerima(naskah, jenis, kunci):
        if user.pk in sudah or not isinstance(user, User) or not user.is_active:
            continue
        sudah.add(user.pk)
        notif, dibuat = Notifikasi.objects.get_or_create(
            user=user, naskah=naskah, jenis=jenis, kunci=kunci, defaults={"pesan": pesan[:300]}
        )
        if dibuat:
            baru.append(notif)
    return baru
