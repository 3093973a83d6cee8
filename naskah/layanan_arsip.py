"""Archive services: a final letter gets its Arsip row (klasifikasi → JRA due dates);
the arsiparis records transfers and disposals. Nothing is ever deleted."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Arsip, Klasifikasi, NaskahKeluarPage, NaskahMasukPage


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
