"""Agenda harian: the register of one Perangkat Daerah's letters for a date or a range.

- Naskah masuk: every letter the OPD received (`unit` is the OPD), by date received,
  in agenda-number order.
- Naskah keluar: every letter drafted in the OPD or a unit below it and sent
  (status terkirim), by the letter's date, in number order.

The register belongs to the OPD: anyone holding a jabatan there today (Plh/Plt
included) reads it whole, and superusers read every OPD's. Rahasia letters appear
with their neutral title only (`judul_aman`), like everywhere outside the letter.

One function, `baris_agenda`, gives the rows to the admin page, the XLSX and PDF
exports and the REST API; `saringan_agenda` reads and validates their parameters.
"""

from __future__ import annotations

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from wagtail.admin.widgets import AdminDateInput

from organisasi.models import JenisUnit, Unit

from . import akses
from .lembar import html_ke_pdf
from .models import NaskahKeluarPage, NaskahMasukPage, StatusNaskah

BATAS_HARI = 366  # the longest range one request may ask for
JENIS_MASUK, JENIS_KELUAR, JENIS_SEMUA = "masuk", "keluar", "semua"
PILIHAN_JENIS = [
    (JENIS_SEMUA, gettext_lazy("Masuk dan keluar")),
    (JENIS_MASUK, gettext_lazy("Naskah masuk")),
    (JENIS_KELUAR, gettext_lazy("Naskah keluar")),
]
FORMAT_TANGGAL_XLSX = "DD-MM-YYYY"
TEMPLATE_PDF = "naskah/agenda/agenda_pdf.html"


# --- who may read which register ---------------------------------------------------------


def unit_agenda(user: Any) -> QuerySet[Unit]:
    """The OPD whose agenda `user` may read: those of their jabatan today; every OPD
    (and the Pemda itself, for letters to posts above any OPD) for superusers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.filter(jenis__in=[JenisUnit.OPD, JenisUnit.PEMDA])
    return Unit.objects.filter(pk__in=akses.opd_ids(user))


def dapat_melihat_agenda(user: Any, unit: Unit) -> bool:
    return unit_agenda(user).filter(pk=unit.pk).exists()


# --- rows --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarisMasuk:
    pk: int
    nomor_agenda: str
    tanggal_terima: datetime.date
    pengirim: str
    nomor_surat: str
    tanggal_surat: datetime.date
    hal: str
    ditujukan_kepada: str
    sifat: str
    status: str
    rahasia: bool


@dataclass(frozen=True)
class BarisKeluar:
    pk: int
    nomor: str
    tanggal: datetime.date
    hal: str
    sifat: str
    tujuan_internal: list[str]
    tujuan_luar: list[str]
    rahasia: bool


@dataclass
class Agenda:
    unit: Unit | None
    dari: datetime.date
    sampai: datetime.date
    jenis: str
    masuk: list[BarisMasuk] = field(default_factory=list)
    keluar: list[BarisKeluar] = field(default_factory=list)

    @property
    def dengan_masuk(self) -> bool:
        return self.jenis in (JENIS_MASUK, JENIS_SEMUA)

    @property
    def dengan_keluar(self) -> bool:
        return self.jenis in (JENIS_KELUAR, JENIS_SEMUA)

    @property
    def periode(self) -> str:
        if self.dari == self.sampai:
            return self.dari.strftime("%d-%m-%Y")
        return f"{self.dari:%d-%m-%Y} s.d. {self.sampai:%d-%m-%Y}"

    @property
    def nama_berkas(self) -> str:
        kode = (self.unit.kode if self.unit else "unit").lower()
        akhir = "" if self.dari == self.sampai else f"_{self.sampai:%Y-%m-%d}"
        return f"agenda-{kode}-{self.dari:%Y-%m-%d}{akhir}"


def _baris_masuk(unit: Unit, dari: datetime.date, sampai: datetime.date) -> list[BarisMasuk]:
    qs = (
        NaskahMasukPage.objects.filter(unit=unit, tanggal_terima__range=(dari, sampai))
        .select_related("tujuan")
        .order_by("tanggal_terima", "tahun_agenda", "nomor_agenda", "pk")
    )
    return [
        BarisMasuk(
            pk=n.pk,
            nomor_agenda=n.agenda,
            tanggal_terima=n.tanggal_terima,
            pengirim=n.pengirim,
            nomor_surat=n.nomor_surat,
            tanggal_surat=n.tanggal_surat,
            hal=n.judul_aman(),
            ditujukan_kepada=n.tujuan.nama,
            sifat=str(n.get_sifat_display()),
            status=str(n.get_status_display()),
            rahasia=n.rahasia,
        )
        for n in qs
    ]


def _baris_keluar(unit: Unit, dari: datetime.date, sampai: datetime.date) -> list[BarisKeluar]:
    unit_ids = Unit.objects.turunan(unit).values_list("pk", flat=True)
    naskah = list(
        NaskahKeluarPage.objects.filter(
            unit_id__in=list(unit_ids), status=StatusNaskah.TERKIRIM, tanggal_naskah__range=(dari, sampai)
        ).order_by("tanggal_naskah", "terkirim_pada", "pk")
    )
    penerima: dict[int, list[str]] = defaultdict(list)
    through = NaskahKeluarPage.penerima.through
    for naskah_id, nama in (
        through.objects.filter(naskahkeluarpage_id__in=[n.pk for n in naskah])
        .order_by("pk")
        .values_list("naskahkeluarpage_id", "jabatan__nama")
    ):
        penerima[naskah_id].append(nama)
    return [
        BarisKeluar(
            pk=n.pk,
            nomor=n.nomor,
            tanggal=n.tanggal_naskah or dari,
            hal=n.judul_aman(),
            sifat=str(n.get_sifat_display()),
            tujuan_internal=penerima[n.pk],
            tujuan_luar=[b.strip() for b in n.penerima_luar.splitlines() if b.strip()],
            rahasia=n.rahasia,
        )
        for n in naskah
    ]


def baris_agenda(user: Any, unit: Unit, dari: datetime.date, sampai: datetime.date, jenis: str = JENIS_SEMUA) -> Agenda:
    """The OPD's register for [dari, sampai] (`jenis`: masuk, keluar or semua); empty when
    `user` may not read this OPD's agenda."""
    agenda = Agenda(unit=unit, dari=dari, sampai=sampai, jenis=jenis)
    if not dapat_melihat_agenda(user, unit):
        return agenda
    if agenda.dengan_masuk:
        agenda.masuk = _baris_masuk(unit, dari, sampai)
    if agenda.dengan_keluar:
        agenda.keluar = _baris_keluar(unit, dari, sampai)
    return agenda


# --- parameters --------------------------------------------------------------------------


def _unit_pilihan(request: Any) -> QuerySet[Unit]:
    return unit_agenda(getattr(request, "user", None))


class AgendaForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        dari, sampai = data.get("dari"), data.get("sampai")
        if dari and sampai:
            if sampai < dari:
                self.add_error("sampai", _("Tanggal sampai tidak boleh sebelum tanggal dari."))
            elif (sampai - dari).days >= BATAS_HARI:
                self.add_error("sampai", _("Rentang paling panjang %(hari)s hari.") % {"hari": BATAS_HARI})
        return data


class AgendaFilter(django_filters.FilterSet):
    """The agenda's parameters, validated by django-filter. Its `qs` would be the incoming
    part only; the rows come from `baris_agenda`, as the register spans two models."""

    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Perangkat daerah"), queryset=_unit_pilihan, empty_label=None, required=True
    )
    dari = django_filters.DateFilter(
        label=gettext_lazy("Dari tanggal"),
        field_name="tanggal_terima",
        lookup_expr="gte",
        widget=AdminDateInput,
        required=True,
    )
    sampai = django_filters.DateFilter(
        label=gettext_lazy("Sampai tanggal"),
        field_name="tanggal_terima",
        lookup_expr="lte",
        widget=AdminDateInput,
        required=True,
    )
    jenis = django_filters.ChoiceFilter(
        label=gettext_lazy("Jenis"), choices=PILIHAN_JENIS, empty_label=None, required=True, method="semua"
    )

    class Meta:
        model = NaskahMasukPage
        form = AgendaForm
        fields = ["unit", "dari", "sampai", "jenis"]

    def semua(self, queryset: Any, name: str, value: str) -> Any:
        return queryset


@dataclass
class Saringan:
    filter: AgendaFilter
    unit_asing: bool  # a unit was asked for that the user may not read (or that does not exist)

    def agenda(self, user: Any) -> Agenda | None:
        if not self.filter.is_valid():
            return None
        data = self.filter.form.cleaned_data
        return baris_agenda(user, data["unit"], data["dari"], data["sampai"], data["jenis"])


def saringan_agenda(params: Any, request: Any) -> Saringan:
    """The parameters with their defaults: the user's (first) OPD, today, both kinds;
    `tanggal` is one day (dari = sampai); only dari or sampai is that one day."""
    data = {k: params.get(k, "") for k in ("unit", "tanggal", "dari", "sampai", "jenis")}
    if data["tanggal"]:
        data["dari"] = data["dari"] or data["tanggal"]
        data["sampai"] = data["sampai"] or data["tanggal"]
    hari_ini = timezone.localdate().isoformat()
    data["dari"] = data["dari"] or data["sampai"] or hari_ini
    data["sampai"] = data["sampai"] or data["dari"]
    data["jenis"] = data["jenis"] or JENIS_SEMUA
    pilihan = unit_agenda(getattr(request, "user", None))
    unit_asing = False
    if data["unit"]:
        unit_asing = not (str(data["unit"]).isdigit() and pilihan.filter(pk=int(data["unit"])).exists())
    else:
        pertama = pilihan.order_by("urutan", "nama").first()
        data["unit"] = str(pertama.pk) if pertama else ""
    return Saringan(AgendaFilter(data, request=request), unit_asing)


# --- XLSX --------------------------------------------------------------------------------


def _kolom_masuk() -> list[tuple[str, float]]:
    return [
        (_("Nomor agenda"), 14),
        (_("Tanggal diterima"), 14),
        (_("Pengirim"), 34),
        (_("Nomor surat"), 28),
        (_("Tanggal surat"), 14),
        (_("Hal"), 48),
        (_("Ditujukan kepada"), 36),
        (_("Sifat"), 14),
        (_("Status"), 18),
    ]


def _kolom_keluar() -> list[tuple[str, float]]:
    return [
        (_("Nomor"), 30),
        (_("Tanggal"), 14),
        (_("Hal"), 48),
        (_("Sifat"), 14),
        (_("Tujuan internal"), 40),
        (_("Tujuan luar"), 40),
    ]


def nilai_masuk(b: BarisMasuk) -> list[Any]:
    return [
        b.nomor_agenda,
        b.tanggal_terima,
        b.pengirim,
        b.nomor_surat,
        b.tanggal_surat,
        b.hal,
        b.ditujukan_kepada,
        b.sifat,
        b.status,
    ]


def nilai_keluar(b: BarisKeluar) -> list[Any]:
    return [b.nomor, b.tanggal, b.hal, b.sifat, "; ".join(b.tujuan_internal), "; ".join(b.tujuan_luar)]


def _lembar_kerja(wb: Workbook, judul: str, kolom: list[tuple[str, float]], baris: list[list[Any]]) -> None:
    ws = wb.create_sheet(judul[:31])
    tebal, latar = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    for i, (label, lebar) in enumerate(kolom, start=1):
        sel = ws.cell(row=1, column=i, value=label)
        sel.font, sel.fill = tebal, latar
        sel.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = lebar
    for r, nilai in enumerate(baris, start=2):
        for c, v in enumerate(nilai, start=1):
            sel = ws.cell(row=r, column=c, value=v)
            if isinstance(v, datetime.date):
                sel.number_format = FORMAT_TANGGAL_XLSX
            elif isinstance(v, str):
                sel.data_type = "s"  # text typed as "=…" stays text, never a formula
            sel.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    if baris:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}{len(baris) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def judul_agenda(agenda: Agenda) -> str:
    nama = agenda.unit.nama if agenda.unit else ""
    return _("Agenda harian %(unit)s, %(periode)s") % {"unit": nama, "periode": agenda.periode}


def agenda_xlsx(agenda: Agenda) -> bytes:
    """One sheet per kind: a header row (frozen, filterable), real dates, set widths."""
    wb = Workbook()
    wb.remove(wb.active)
    if agenda.dengan_masuk:
        _lembar_kerja(wb, _("Naskah masuk"), _kolom_masuk(), [nilai_masuk(b) for b in agenda.masuk])
    if agenda.dengan_keluar:
        _lembar_kerja(wb, _("Naskah keluar"), _kolom_keluar(), [nilai_keluar(b) for b in agenda.keluar])
    wb.properties.title = judul_agenda(agenda)
    wb.properties.creator = "Lontar"
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


# --- PDF ---------------------------------------------------------------------------------


def agenda_pdf(agenda: Agenda) -> bytes:
    """A4 landscape; header rows repeat on every page."""
    html = render_to_string(
        TEMPLATE_PDF,
        {
            "agenda": agenda,
            "judul": judul_agenda(agenda),
            "kolom_masuk": [k for k, _l in _kolom_masuk()],
            "kolom_keluar": [k for k, _l in _kolom_keluar()],
            "dicetak": timezone.localtime().strftime("%d-%m-%Y %H:%M"),
        },
    )
    return html_ke_pdf(html)
