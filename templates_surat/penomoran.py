"""Letter numbers: pattern checking and formatting, preview, allocation under a row
lock, and voiding. Counters are per pattern + scope (unit and/or jenis) + year, so
they reset every year; a number once issued is never reused.

A pattern is literal text with tokens in braces, e.g. ``{klasifikasi}/{urut:3}/{unit}/{tahun}``
→ ``000.8.3.3/015/DISKOMINFO/2026``. Only ``{urut}`` takes a width (zero padding); without
one, `PolaNomor.digit_urut` applies (0 = no padding). Braces cannot be escaped: letter
numbers never contain them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import NomorTerbit, PenghitungNomor, PolaNomor, StatusNomor
from .tanggal import bulan_romawi

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from organisasi.models import Unit

    from .models import JenisNaskah

TOKEN = {"klasifikasi", "urut", "unit", "jenis", "bulan_romawi", "bulan", "tahun"}
AKSI_BATAL = "lontar.nomor.batal"  # Wagtail log action of a voided number

_LEBAR = re.compile(r"^\d{1,2}$")


class PolaTidakSah(ValueError):
    """The pattern cannot be used; the message says why (in Indonesian)."""


@dataclass(frozen=True)
class _Token:
    nama: str
    lebar: int | None = None  # only for {urut}


def _urai(pola: str) -> list[str | _Token]:
    """Split a pattern into literal text and tokens; raises PolaTidakSah when it is unusable."""
    if not pola or not pola.strip():
        raise PolaTidakSah(_("Pola nomor tidak boleh kosong."))
    bagian: list[str | _Token] = []
    asing: list[str] = []
    i = 0
    while i < len(pola):
        buka, tutup = pola.find("{", i), pola.find("}", i)
        if tutup != -1 and (buka == -1 or tutup < buka):  # a "}" with no "{" before it
            raise PolaTidakSah(_("Kurung kurawal pola tidak seimbang: %(galat)s") % {"galat": pola[: tutup + 1]})
        if buka == -1:
            bagian.append(pola[i:])
            break
        buka_lagi = pola.find("{", buka + 1)
        if tutup == -1 or (buka_lagi != -1 and buka_lagi < tutup):  # a "{" never closed
            raise PolaTidakSah(_("Kurung kurawal pola tidak seimbang: %(galat)s") % {"galat": pola[buka:]})
        if buka > i:
            bagian.append(pola[i:buka])
        isi = pola[buka + 1 : tutup]
        nama, titik_dua, spesifikasi = isi.partition(":")
        if nama not in TOKEN:
            asing.append(f"{{{isi}}}")
        elif titik_dua and nama != "urut":
            raise PolaTidakSah(_("Hanya {urut} yang boleh diberi lebar, mis. {urut:3}."))
        elif titik_dua and not _LEBAR.match(spesifikasi):
            raise PolaTidakSah(_("Lebar {urut} harus berupa angka, mis. {urut:3}."))
        else:
            bagian.append(_Token(nama, int(spesifikasi) if titik_dua else None))
        i = tutup + 1
    if asing:
        raise PolaTidakSah(
            _("Token tidak dikenal: %(token)s. Yang tersedia: %(ada)s")
            % {"token": ", ".join(asing), "ada": ", ".join(f"{{{t}}}" for t in sorted(TOKEN))}
        )
    if not any(isinstance(b, _Token) and b.nama == "urut" for b in bagian):
        raise PolaTidakSah(_("Pola harus memuat {urut}."))
    return bagian


def periksa_pola(pola: str) -> None:
    """Raise ValidationError({"pola": …}) when the pattern is empty, has an unknown token,
    unbalanced braces, a width on a token other than {urut}, or no {urut}."""
    try:
        _urai(pola)
    except PolaTidakSah as exc:
        raise ValidationError({"pola": str(exc)}) from exc


def format_nomor(
    pola: PolaNomor,
    *,
    urut: int | str,
    klasifikasi: str,
    unit: Unit | None,
    jenis: JenisNaskah | None,
    tanggal: datetime.date,
) -> str:
    """Fill the pattern. `urut` may be a string (e.g. blanks for a draft's number).

    Raises ValueError naming the token when a value it needs is missing (no unit for
    {unit}, empty klasifikasi for {klasifikasi}, …) or when the pattern is unusable."""
    hasil: list[str] = []
    for bagian in _urai(pola.pola):
        if isinstance(bagian, str):
            hasil.append(bagian)
        elif bagian.nama == "urut":
            lebar = bagian.lebar if bagian.lebar is not None else pola.digit_urut
            hasil.append(urut if isinstance(urut, str) else str(urut).zfill(lebar))
        elif bagian.nama == "klasifikasi":
            if not klasifikasi or not klasifikasi.strip():
                raise ValueError(_("Token {klasifikasi} memerlukan kode klasifikasi."))
            hasil.append(klasifikasi.strip())
        elif bagian.nama == "unit":
            if unit is None or not unit.kode:
                raise ValueError(_("Token {unit} memerlukan unit kerja."))
            hasil.append(unit.kode)
        elif bagian.nama == "jenis":
            if jenis is None or not jenis.kode:
                raise ValueError(_("Token {jenis} memerlukan jenis naskah."))
            hasil.append(jenis.kode)
        elif bagian.nama == "bulan_romawi":
            hasil.append(bulan_romawi(tanggal.month))
        elif bagian.nama == "bulan":
            hasil.append(str(tanggal.month))
        else:  # tahun
            hasil.append(f"{tanggal.year:04d}")
    return "".join(hasil)


def kunci_lingkup(pola: PolaNomor, unit: Unit | None, jenis: JenisNaskah | None) -> str:
    """The counter's scope key, ``unit:<id|->;jenis:<id|->`` (``-`` when the pattern does not count per it)."""
    bagian_unit = str(unit.pk) if pola.per_unit and unit is not None else "-"
    bagian_jenis = str(jenis.pk) if pola.per_jenis and jenis is not None else "-"
    return f"unit:{bagian_unit};jenis:{bagian_jenis}"


def pratinjau_berikutnya(
    pola: PolaNomor,
    *,
    unit: Unit | None,
    jenis: JenisNaskah | None,
    klasifikasi: str,
    tanggal: datetime.date | None = None,
) -> str:
    """The number the next allocation would get (read only: no lock, no row created).

    Another allocation may come first: this is a preview, not a reservation."""
    tanggal = tanggal or timezone.localdate()
    terakhir = (
        PenghitungNomor.objects.filter(pola=pola, kunci_lingkup=kunci_lingkup(pola, unit, jenis), tahun=tanggal.year)
        .values_list("terakhir", flat=True)
        .first()
    ) or 0
    return format_nomor(pola, urut=terakhir + 1, klasifikasi=klasifikasi, unit=unit, jenis=jenis, tanggal=tanggal)


def _penghitung_terkunci(pola: PolaNomor, unit: Unit | None, jenis: JenisNaskah | None, tahun: int) -> PenghitungNomor:
    """The scope's counter row for the year, created if needed, locked until the transaction ends.

    Two first allocations may race to create the row: the unique constraint lets one
    win; the other's INSERT fails inside its savepoint and it reads the winner's row."""
    kunci = kunci_lingkup(pola, unit, jenis)
    baris = PenghitungNomor.objects.select_for_update().filter(pola=pola, kunci_lingkup=kunci, tahun=tahun).first()
    if baris is not None:
        return baris
    try:
        with transaction.atomic():  # savepoint: the outer transaction survives a lost race
            PenghitungNomor.objects.create(
                pola=pola,
                kunci_lingkup=kunci,
                tahun=tahun,
                unit=unit if pola.per_unit else None,
                jenis=jenis if pola.per_jenis else None,
            )
    except IntegrityError:
        pass  # created meanwhile by another transaction (now committed)
    return PenghitungNomor.objects.select_for_update().get(pola=pola, kunci_lingkup=kunci, tahun=tahun)


def alokasi(
    pola: PolaNomor,
    *,
    unit: Unit | None,
    jenis: JenisNaskah | None,
    klasifikasi: str,
    tanggal: datetime.date | None = None,
    referensi: str = "",
) -> NomorTerbit:
    """Take the next number of the scope and year under a row lock and record it (status TERBIT).

    Atomic: if the number cannot be formatted (ValueError) nothing is taken. On PostgreSQL
    the counter row is locked with SELECT … FOR UPDATE; on SQLite the project's IMMEDIATE
    transactions serialise writers. Call it inside the caller's transaction to tie the
    number to the letter: a rollback there gives the number back, a commit makes it final."""
    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        penghitung = _penghitung_terkunci(pola, unit, jenis, tanggal.year)
        urut = penghitung.terakhir + 1
        nomor = format_nomor(pola, urut=urut, klasifikasi=klasifikasi, unit=unit, jenis=jenis, tanggal=tanggal)
        penghitung.terakhir = urut
        penghitung.save(update_fields=["terakhir"])
        return NomorTerbit.objects.create(
            penghitung=penghitung,
            urut=urut,
            nomor=nomor,
            tanggal=tanggal,
            referensi=referensi,
            status=StatusNomor.TERBIT,
        )


def batalkan(nomor: NomorTerbit, *, alasan: str, oleh: AbstractBaseUser) -> NomorTerbit:
    """Void a number: it stays in the register with who, when and why, and is never reused
    (the counter is not touched). Raises ValidationError without a reason or when the
    number is already void. `nomor` is updated in place and returned."""
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan_batal": _("Alasan pembatalan wajib diisi.")})
    with transaction.atomic():
        terkunci = NomorTerbit.objects.select_for_update().get(pk=nomor.pk)
        if terkunci.status == StatusNomor.BATAL:
            raise ValidationError(_("Nomor %(nomor)s sudah dibatalkan.") % {"nomor": terkunci.nomor})
        terkunci.status = StatusNomor.BATAL
        terkunci.alasan_batal = alasan
        terkunci.dibatalkan_oleh = oleh  # type: ignore[assignment]
        terkunci.dibatalkan_pada = timezone.now()
        kolom = ["status", "alasan_batal", "dibatalkan_oleh", "dibatalkan_pada"]
        terkunci.save(update_fields=kolom)
        log(instance=terkunci, action=AKSI_BATAL, user=oleh, data={"alasan": alasan})
    for nama in kolom:
        setattr(nomor, nama, getattr(terkunci, nama))
    return nomor
