"""Letter numbers: pattern checking and formatting, preview, allocation under a row
lock, and voiding. Counters are per pattern + scope (unit and/or jenis) + year, so
they reset every year; a number once issued is never reused."""

from __future__ import annotations

import datetime
import re
import string
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import NomorTerbit, PenghitungNomor, PolaNomor, StatusNomor
from .tanggal import bulan_romawi

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from organisasi.models import Unit

    from .models import JenisNaskah

TOKEN = {"klasifikasi", "urut", "unit", "jenis", "bulan_romawi", "bulan", "tahun"}
_URUT = re.compile(r"^urut(?::(\d{1,2}))?$")


def _token(pola: str) -> list[tuple[str, str | None]]:
    """(name, width) of every {token} in the pattern; raises ValueError on bad braces."""
    hasil = []
    for _teks, nama, spesifikasi, konversi in string.Formatter().parse(pola):
        if nama is None:
            continue
        if konversi:
            raise ValueError(_("Token {%(nama)s} tidak boleh memakai '!'.") % {"nama": nama})
        hasil.append((nama, spesifikasi or None))
    return hasil


def periksa_pola(pola: str) -> None:
    if not pola or not pola.strip():
        raise ValidationError({"pola": _("Pola nomor tidak boleh kosong.")})
    try:
        token = _token(pola)
    except ValueError as exc:
        raise ValidationError({"pola": _("Kurung kurawal pola tidak seimbang: %(galat)s") % {"galat": exc}}) from exc
    asing = sorted({nama for nama, _spec in token if nama not in TOKEN})
    if asing:
        raise ValidationError(
            {
                "pola": _("Token tidak dikenal: %(token)s. Yang tersedia: %(ada)s")
                % {"token": ", ".join(f"{{{t}}}" for t in asing), "ada": ", ".join(f"{{{t}}}" for t in sorted(TOKEN))}
            }
        )
    urut = [spec for nama, spec in token if nama == "urut"]
    if not urut:
        raise ValidationError({"pola": _("Pola harus memuat {urut}.")})
    for nama, spec in token:
        if spec and not (nama == "urut" and spec.isdigit()):
            raise ValidationError({"pola": _("Hanya {urut} yang boleh diberi lebar, mis. {urut:3}.")})


def format_nomor(
    pola: PolaNomor,
    *,
    urut: int | str,
    klasifikasi: str,
    unit: Unit | None,
    jenis: JenisNaskah | None,
    tanggal: datetime.date,
) -> str:
    """Fill the pattern. `urut` may be a string (e.g. blanks for a draft's number)."""
    nilai: dict[str, str] = {
        "bulan_romawi": bulan_romawi(tanggal.month),
        "bulan": str(tanggal.month),
        "tahun": str(tanggal.year),
    }
    token = {nama for nama, _spec in _token(pola.pola)}
    if "klasifikasi" in token:
        if not klasifikasi:
            raise ValueError(_("Token {klasifikasi} memerlukan kode klasifikasi."))
        nilai["klasifikasi"] = klasifikasi
    if "unit" in token:
        if unit is None:
            raise ValueError(_("Token {unit} memerlukan unit kerja."))
        nilai["unit"] = unit.kode
    if "jenis" in token:
        if jenis is None:
            raise ValueError(_("Token {jenis} memerlukan jenis naskah."))
        nilai["jenis"] = jenis.kode

    def isi(cocok: re.Match[str]) -> str:
        nama, spec = cocok.group(1), cocok.group(2)
        if nama == "urut":
            if isinstance(urut, str):
                return urut
            lebar = int(spec) if spec else pola.digit_urut
            return str(urut).zfill(lebar)
        return nilai[nama]

    return re.sub(r"\{(\w+)(?::(\d+))?\}", isi, pola.pola)


def kunci_lingkup(pola: PolaNomor, unit: Unit | None, jenis: JenisNaskah | None) -> str:
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
    """The number the next allocation would get (read only: no lock, no row)."""
    tanggal = tanggal or timezone.localdate()
    terakhir = (
        PenghitungNomor.objects.filter(pola=pola, kunci_lingkup=kunci_lingkup(pola, unit, jenis), tahun=tanggal.year)
        .values_list("terakhir", flat=True)
        .first()
    ) or 0
    return format_nomor(pola, urut=terakhir + 1, klasifikasi=klasifikasi, unit=unit, jenis=jenis, tanggal=tanggal)


def _penghitung(pola: PolaNomor, unit: Unit | None, jenis: JenisNaskah | None, tahun: int) -> PenghitungNomor:
    kunci = kunci_lingkup(pola, unit, jenis)
    baris = PenghitungNomor.objects.select_for_update().filter(pola=pola, kunci_lingkup=kunci, tahun=tahun).first()
    if baris is not None:
        return baris
    try:
        with transaction.atomic():  # savepoint: another process may create the row first
            PenghitungNomor.objects.create(
                pola=pola,
                kunci_lingkup=kunci,
                tahun=tahun,
                unit=unit if pola.per_unit else None,
                jenis=jenis if pola.per_jenis else None,
            )
    except IntegrityError:
        pass
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
    """Take the next number of the scope under a row lock and record it."""
    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        penghitung = _penghitung(pola, unit, jenis, tanggal.year)
        urut = penghitung.terakhir + 1
        nomor = format_nomor(pola, urut=urut, klasifikasi=klasifikasi, unit=unit, jenis=jenis, tanggal=tanggal)
        penghitung.terakhir = urut
        penghitung.save(update_fields=["terakhir"])
        return NomorTerbit.objects.create(
            penghitung=penghitung, urut=urut, nomor=nomor, tanggal=tanggal, referensi=referensi
        )


def batalkan(nomor: NomorTerbit, *, alasan: str, oleh: AbstractBaseUser) -> NomorTerbit:
    """Void a number: it stays in the register with who, when and why; never reused."""
    from wagtail.log_actions import log

    if not alasan or not alasan.strip():
        raise ValidationError({"alasan_batal": _("Alasan pembatalan wajib diisi.")})
    with transaction.atomic():
        terkunci = NomorTerbit.objects.select_for_update().get(pk=nomor.pk)
        if terkunci.status == StatusNomor.BATAL:
            raise ValidationError(_("Nomor %(nomor)s sudah dibatalkan.") % {"nomor": terkunci.nomor})
        terkunci.status = StatusNomor.BATAL
        terkunci.alasan_batal = alasan.strip()
        terkunci.dibatalkan_oleh = oleh  # type: ignore[assignment]
        terkunci.dibatalkan_pada = timezone.now()
        terkunci.save(update_fields=["status", "alasan_batal", "dibatalkan_oleh", "dibatalkan_pada"])
        log(instance=terkunci, action="lontar.nomor.batal", user=oleh, data={"alasan": terkunci.alasan_batal})
    return terkunci
