"""The search form of the "Cari naskah" admin page: one box plus the facade's filters.

The form only checks what a browser can get wrong (dates, numbers); every value is then
passed to `search.layanan.cari`, which validates the rest and raises GalatPermintaan with
a message shown as a form error."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from naskah.models import Sifat, StatusMasuk, StatusNaskah

# Filters of search.layanan.cari the form carries (besides q, halaman and per_halaman).
SARINGAN = (
    "nomor",
    "pengirim",
    "penerima",
    "unit",
    "jenis",
    "sifat",
    "status",
    "klasifikasi",
    "dari",
    "sampai",
    "tahun",
    "koleksi",
)
JENIS_MASUK = "Naskah masuk"  # the `jenis` search.sumber gives incoming letters
KOLEKSI = [
    ("naskah", _("Naskah")),
    ("template", _("Template surat")),
    ("publik", _("Halaman publik")),
]
URUT = [("relevansi", _("Relevansi")), ("tanggal", _("Tanggal terbaru"))]
STATUS_TEMPLATE = [("live", _("Terbit"))]


def label_status() -> dict[str, str]:
    """Status values of every collection with their labels (letters out and in, templates)."""
    label: dict[str, str] = {}
    for nilai, teks in [*StatusNaskah.choices, *StatusMasuk.choices, *STATUS_TEMPLATE]:
        label.setdefault(str(nilai), str(teks))
    return label


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CariForm(forms.Form):
    q = forms.CharField(
        label=_("Kata kunci"),
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("Perihal, nomor, pengirim, isi naskah…"), "autofocus": True}),
    )
    nomor = forms.CharField(label=_("Nomor"), required=False, max_length=200)
    pengirim = forms.CharField(label=_("Pengirim"), required=False, max_length=200)
    penerima = forms.CharField(label=_("Penerima"), required=False, max_length=200)
    unit = forms.ChoiceField(label=_("Perangkat daerah"), required=False)
    jenis = forms.ChoiceField(label=_("Jenis naskah"), required=False)
    sifat = forms.ChoiceField(label=_("Sifat"), required=False, choices=[("", "---------"), *Sifat.choices])
    status = forms.ChoiceField(label=_("Status"), required=False)
    klasifikasi = forms.CharField(label=_("Klasifikasi (awalan)"), required=False, max_length=30)
    dari = forms.DateField(label=_("Dari tanggal"), required=False, widget=TanggalInput())
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=TanggalInput())
    tahun = forms.IntegerField(label=_("Tahun"), required=False, min_value=1900, max_value=2999)
    koleksi = forms.ChoiceField(label=_("Cari di"), required=False, choices=[("", _("Semua")), *KOLEKSI])
    urut = forms.ChoiceField(label=_("Urutkan"), required=False, choices=URUT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from organisasi.models import JenisUnit, Unit
        from templates_surat.models import JenisNaskah

        kosong = [("", "---------")]
        units = Unit.objects.filter(jenis=JenisUnit.OPD).order_by("urutan", "nama").values_list("pk", "nama")
        self._pilihan("unit", [*kosong, *((str(pk), nama) for pk, nama in units)])
        jenis = [(n, n) for n in JenisNaskah.objects.order_by("urutan", "nama").values_list("nama", flat=True)]
        self._pilihan("jenis", [*kosong, *jenis, (JENIS_MASUK, _("Naskah masuk"))])
        self._pilihan("status", [*kosong, *label_status().items()])

    def _pilihan(self, nama: str, pilihan: list[tuple[str, Any]]) -> None:
        """Set a select's options; a submitted value that is not among them (a facet link
        to a kind of page, a unit no longer listed) is kept as an option of its own so
        the facade, not the form, decides whether it means anything."""
        nilai = self.data.get(nama) if self.is_bound else None
        if nilai and nilai not in {str(k) for k, _label in pilihan}:
            pilihan = [*pilihan, (nilai, nilai)]
        cast(forms.ChoiceField, self.fields[nama]).choices = pilihan

    def saringan(self) -> dict[str, Any]:
        """The cleaned filters that are set, as keyword arguments of search.cari."""
        data = self.cleaned_data
        return {k: data[k] for k in (*SARINGAN, "urut") if data.get(k) not in (None, "")}

    def ada_kueri(self) -> bool:
        """A search was asked for: words or at least one filter (sorting alone is not one)."""
        data = getattr(self, "cleaned_data", {})
        return bool((data.get("q") or "").strip()) or any(data.get(k) not in (None, "") for k in SARINGAN)

    def kolom_saringan(self) -> list[forms.BoundField]:
        """The filter fields, in order, for the filter panel (q and urut are shown apart)."""
        return [self[k] for k in SARINGAN]
