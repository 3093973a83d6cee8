"""Dashboard panels for officials and operators (anyone holding a jabatan) on the
Wagtail admin home: this month's letters of their Perangkat Daerah, open and overdue
dispositions per unit, and letters per month per unit (inline SVG + a table).

Rows are the OPD itself (letters handled at the head's level) and each unit directly
below it, which counts its whole subtree (a bidang includes its seksi). A user whose
jabatan sits at the Pemda level sees one row per OPD. Only letters the user may read
are counted (naskah.akses.saring), so a staff member sees smaller numbers than the head.

Every number comes from three aggregate queries (GROUP BY unit and month) plus one
query for the unit tree, whatever the number of letters. The three panels share one
`DataDasbor`, computed once per request when the first panel renders.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from organisasi.models import Unit

from . import akses
from .models import Disposisi, NaskahKeluarPage, NaskahMasukPage, StatusDisposisi, StatusNaskah

JUMLAH_BULAN = 6
# Okabe–Ito: told apart with the common forms of colour blindness; the table below the
# chart carries the same numbers for screen readers and for more units than colours.
WARNA = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442")


def _bulan_terakhir(hari_ini: datetime.date, n: int = JUMLAH_BULAN) -> list[datetime.date]:
    """The first day of the last `n` months, oldest first, this month last."""
    tahun, bulan = hari_ini.year, hari_ini.month
    hasil = []
    for _i in range(n):
        hasil.append(datetime.date(tahun, bulan, 1))
        tahun, bulan = (tahun, bulan - 1) if bulan > 1 else (tahun - 1, 12)
    return hasil[::-1]


def _kunci_bulan(nilai: datetime.date | datetime.datetime) -> tuple[int, int]:
    if isinstance(nilai, datetime.datetime):
        nilai = timezone.localtime(nilai) if timezone.is_aware(nilai) else nilai
    return nilai.year, nilai.month


@dataclass
class Baris:
    """One row: a unit (with its subtree) of one OPD."""

    unit_id: int
    nama: str
    warna: str
    masuk: list[int]
    keluar: list[int]
    aktif: int = 0
    terlambat: int = 0
    unit_aktif: bool = True

    @property
    def per_bulan(self) -> list[int]:
        return [m + k for m, k in zip(self.masuk, self.keluar, strict=True)]

    @property
    def jumlah(self) -> int:
        return sum(self.masuk) + sum(self.keluar)


@dataclass
class RingkasanOpd:
    opd_id: int
    nama: str
    bulan: list[datetime.date]
    baris: list[Baris] = field(default_factory=list)

    @property
    def masuk_bulan_ini(self) -> int:
        return sum(b.masuk[-1] for b in self.baris)

    @property
    def keluar_bulan_ini(self) -> int:
        return sum(b.keluar[-1] for b in self.baris)

    @property
    def aktif(self) -> int:
        return sum(b.aktif for b in self.baris)

    @property
    def terlambat(self) -> int:
        return sum(b.terlambat for b in self.baris)

    @property
    def per_bulan(self) -> list[int]:
        return [sum(kolom) for kolom in zip(*(b.per_bulan for b in self.baris), strict=True)] or [0] * len(self.bulan)

    @property
    def jumlah(self) -> int:
        return sum(self.per_bulan)

    @cached_property
    def grafik(self) -> dict[str, Any]:
        return grafik_batang(self.bulan, self.baris)


def _skala(maks: int) -> int:
    """A round top for the y axis: 1, 2, 5, 10, 20, 50, … ≥ maks."""
    dasar = 1
    while True:
        for kali in (1, 2, 5):
            if dasar * kali >= maks:
                return dasar * kali
        dasar *= 10


def grafik_batang(bulan: list[datetime.date], baris: list[Baris]) -> dict[str, Any]:
    """Geometry of a stacked bar chart (one bar per month, one segment per unit) in
    whole SVG units; the template draws it."""
    kiri, atas, tinggi_plot, bawah, lebar_kolom, lebar_batang = 40, 16, 160, 28, 72, 40
    total = [sum(b.per_bulan[i] for b in baris) for i in range(len(bulan))]
    skala = _skala(max(total, default=0) or 1)
    dasar_y = atas + tinggi_plot

    def y(nilai: float) -> int:
        return round(dasar_y - nilai * tinggi_plot / skala)

    batang = []
    for i, awal in enumerate(bulan):
        x = kiri + i * lebar_kolom + (lebar_kolom - lebar_batang) // 2
        segmen, kumulatif = [], 0
        for b in baris:
            n = b.per_bulan[i]
            if n:
                y_atas, y_bawah = y(kumulatif + n), y(kumulatif)
                segmen.append(
                    {"y": y_atas, "tinggi": max(y_bawah - y_atas, 1), "warna": b.warna, "nama": b.nama, "n": n}
                )
                kumulatif += n
        batang.append(
            {
                "bulan": awal,
                "x": x,
                "lebar": lebar_batang,
                "tengah": x + lebar_batang // 2,
                "total": total[i],
                "y_total": y(total[i]) - 4,
                "segmen": segmen,
            }
        )
    garis = [{"nilai": v, "y": y(v)} for v in sorted({0, skala // 2, skala})]
    return {
        "lebar": kiri + lebar_kolom * len(bulan) + 8,
        "tinggi": dasar_y + bawah,
        "kiri": kiri,
        "kanan": kiri + lebar_kolom * len(bulan),
        "dasar_y": dasar_y,
        "y_label": dasar_y + 18,
        "batang": batang,
        "garis": garis,
    }


class DataDasbor:
    """The dashboard numbers of one user, computed on first use."""

    def __init__(self, user: Any, hari_ini: datetime.date | None = None) -> None:
        self.user = user
        self.hari_ini = hari_ini or timezone.localdate()
        self.bulan = _bulan_terakhir(self.hari_ini)

    @cached_property
    def opd(self) -> list[RingkasanOpd]:
        opd_ids = akses.opd_ids(self.user)
        if not opd_ids:
            return []
        ringkasan, peta = self._baris(opd_ids)
        if peta:
            self._hitung_naskah(peta)
            self._hitung_disposisi(peta)
        return ringkasan

    def _baris(self, opd_ids: set[int]) -> tuple[list[RingkasanOpd], dict[int, Baris]]:
        """Rows of each OPD and unit id → its row (the OPD's subtree), from one query."""
        semua: list[Mapping[str, Any]] = list(
            Unit.objects.order_by("urutan", "nama").values("pk", "induk_id", "nama", "nama_singkat", "aktif")
        )
        anak: dict[int | None, list[Mapping[str, Any]]] = {}
        for u in semua:
            anak.setdefault(u["induk_id"], []).append(u)
        per_id = {u["pk"]: u for u in semua}

        def leluhur(unit_id: int) -> set[int]:
            hasil: set[int] = set()
            induk = per_id[unit_id]["induk_id"]
            while induk is not None and induk not in hasil and induk in per_id:
                hasil.add(induk)
                induk = per_id[induk]["induk_id"]
            return hasil

        def turunan(unit_id: int) -> set[int]:
            hasil, lapis = {unit_id}, [unit_id]
            while lapis:
                lapis = [a["pk"] for i in lapis for a in anak.get(i, []) if a["pk"] not in hasil]
                hasil.update(lapis)
            return hasil

        # An OPD inside another one of the user's (a Pemda-level post and an OPD post) is a row there.
        teratas = [i for i in opd_ids if i in per_id and not leluhur(i) & opd_ids]
        ringkasan: list[RingkasanOpd] = []
        peta: dict[int, Baris] = {}
        for opd_id in sorted(teratas, key=lambda i: per_id[i]["nama"]):
            opd = per_id[opd_id]
            r = RingkasanOpd(opd_id=opd_id, nama=opd["nama"], bulan=self.bulan)
            nama = _("%(unit)s (pimpinan)") % {"unit": opd["nama_singkat"] or opd["nama"]}
            r.baris.append(self._baris_baru(opd_id, nama))
            peta[opd_id] = r.baris[0]
            for sub in anak.get(opd_id, []):
                b = self._baris_baru(sub["pk"], sub["nama_singkat"] or sub["nama"], sub["aktif"])
                r.baris.append(b)
                peta.update(dict.fromkeys(turunan(sub["pk"]), b))
            ringkasan.append(r)
        return ringkasan, peta

    def _baris_baru(self, unit_id: int, nama: str, aktif: bool = True) -> Baris:
        n = len(self.bulan)
        return Baris(unit_id, nama, warna="", masuk=[0] * n, keluar=[0] * n, unit_aktif=aktif)

    def _indeks(self, nilai: datetime.date | datetime.datetime | None) -> int | None:
        if nilai is None:
            return None
        kunci = _kunci_bulan(nilai)
        for i, awal in enumerate(self.bulan):
            if (awal.year, awal.month) == kunci:
                return i
        return None

    def _hitung_naskah(self, peta: dict[int, Baris]) -> None:
        awal = self.bulan[0]
        masuk = (
            akses.saring(NaskahMasukPage.objects.filter(unit_id__in=list(peta), tanggal_terima__gte=awal), self.user)
            .annotate(bulan=TruncMonth("tanggal_terima"))
            .values("unit_id", "tujuan__unit_id", "bulan")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for baris in masuk:
            i = self._indeks(baris["bulan"])
            b = peta.get(baris["tujuan__unit_id"]) or peta.get(baris["unit_id"])
            if i is not None and b is not None:
                b.masuk[i] += baris["n"]
        mulai = timezone.make_aware(datetime.datetime.combine(awal, datetime.time.min))
        keluar = (
            akses.saring(
                NaskahKeluarPage.objects.filter(
                    unit_id__in=list(peta), status=StatusNaskah.TERKIRIM, terkirim_pada__gte=mulai
                ),
                self.user,
            )
            .annotate(bulan=TruncMonth("terkirim_pada"))
            .values("unit_id", "bulan")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for baris in keluar:
            i = self._indeks(baris["bulan"])
            b = peta.get(baris["unit_id"])
            if i is not None and b is not None:
                b.keluar[i] += baris["n"]

    def _hitung_disposisi(self, peta: dict[int, Baris]) -> None:
        """Open dispositions by the unit of their recipient (the jabatan's, or the named
        person's), on letters the user may read."""
        baris = (
            akses.saring(Disposisi.objects.filter(status=StatusDisposisi.AKTIF), self.user, kolom="naskah_id")
            .annotate(unit=Coalesce("kepada_jabatan__unit_id", "kepada_user__pegawai__jabatan__unit_id"))
            .filter(unit__in=list(peta))
            .values("unit")
            .annotate(aktif=Count("pk"), terlambat=Count("pk", filter=Q(batas_waktu__lt=self.hari_ini)))
            .order_by()
        )
        for r in baris:
            b = peta[r["unit"]]
            b.aktif += r["aktif"]
            b.terlambat += r["terlambat"]

    @cached_property
    def tampil(self) -> list[RingkasanOpd]:
        """The OPDs with their rows, leaving out inactive units without any number."""
        for r in self.opd:
            r.baris = [b for b in r.baris if b.unit_aktif or b.jumlah or b.aktif]
            for i, b in enumerate(r.baris):
                b.warna = WARNA[i % len(WARNA)]
        return self.opd


class _PanelDasbor(Component):
    def __init__(self, data: DataDasbor) -> None:
        self.data = data

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"opd": self.data.tampil, "bulan": self.data.bulan, "hari_ini": self.data.hari_ini}

    def render_html(self, parent_context: Any = None) -> SafeString:
        if not self.data.tampil:
            return SafeString("")
        return super().render_html(parent_context)


class PanelRingkasanBulan(_PanelDasbor):
    name = "dasbor_ringkasan"
    order = 60  # after PanelNaskah (50), before Wagtail's own panels
    template_name = "naskah/panels/dasbor_ringkasan.html"


class PanelDisposisiUnit(_PanelDasbor):
    name = "dasbor_disposisi"
    order = 70
    template_name = "naskah/panels/dasbor_disposisi.html"


class PanelGrafikNaskah(_PanelDasbor):
    name = "dasbor_grafik"
    order = 80
    template_name = "naskah/panels/dasbor_grafik.html"


def panel_dasbor(user: Any) -> list[_PanelDasbor]:
    data = DataDasbor(user)
    return [PanelRingkasanBulan(data), PanelDisposisiUnit(data), PanelGrafikNaskah(data)]
