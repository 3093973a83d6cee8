"""Isian (the values an operator fills in) for a template: the form generated from
its field definitions, validation of isian JSON, and the render context.

Isian is stored as JSON: dates as ISO strings, a pegawai by NIP, a jabatan by id,
tables as lists of {column: text}. `konteks()` turns it into what placeholders see.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from organisasi.models import Jabatan, Pegawai

if TYPE_CHECKING:
    from .models import TemplateSuratPage

SIFAT = ["Biasa", "Terbatas", "Rahasia", "Sangat Rahasia"]
BATAS_BARIS_TABEL = 2000
STANDAR = {"hal", "sifat", "lampiran", "kepada", "tembusan", "tanggal", "penandatangan", "nomor", "unit", "kop"}


class GalatIsian(Exception):
    """Isian that does not fit the template: `galat` maps a field name to messages."""

    def __init__(self, galat: dict[str, list[str]]) -> None:
        self.galat = galat
        super().__init__("; ".join(f"{nama}: {' '.join(pesan)}" for nama, pesan in galat.items()))


class TabelWidget(forms.Widget):
    """Rows of text inputs with an "add row" button; posts `<name>-<row>-<column>`."""

    template_name = "templates_surat/widgets/tabel.html"

    def __init__(self, kolom: list[tuple[str, str]], attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.kolom = kolom

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        baris = value if isinstance(value, list) else []
        context["widget"].update(
            {
                "kolom": self.kolom,
                "baris": [[(k, str(b.get(k, ""))) for k, _label in self.kolom] for b in baris]
                or [[(k, "") for k, _label in self.kolom]],
            }
        )
        return context

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[dict[str, str]]:
        hasil: list[dict[str, str]] = []
        nomor = 0
        while any(f"{name}-{nomor}-{k}" in data for k, _label in self.kolom):
            if nomor > BATAS_BARIS_TABEL * 5:  # stop reading absurd posts early
                break
            baris = {k: str(data.get(f"{name}-{nomor}-{k}", "")).strip() for k, _label in self.kolom}
            if any(baris.values()):
                hasil.append(baris)
            nomor += 1
        return hasil

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(key.startswith(f"{name}-") for key in data)


class TabelField(forms.Field):
    def __init__(self, *, kolom: list[tuple[str, str]], maks_baris: int | None = None, **kwargs: Any) -> None:
        self.kolom = kolom
        self.maks_baris = min(maks_baris or BATAS_BARIS_TABEL, BATAS_BARIS_TABEL)
        super().__init__(widget=TabelWidget(kolom), **kwargs)

    def to_python(self, value: Any) -> list[dict[str, str]]:
        if not value:
            return []
        if not isinstance(value, list) or not all(isinstance(b, dict) for b in value):
            raise ValidationError(_("Tabel harus berupa daftar baris."), code="invalid")
        nama_kolom = {k for k, _label in self.kolom}
        return [{k: str(b.get(k, "")).strip() for k in nama_kolom} for b in value]

    def validate(self, value: list[dict[str, str]]) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(value) > self.maks_baris:
            raise ValidationError(
                _("Tabel berisi %(n)s baris; batasnya %(maks)s baris per naskah. Bagi isinya ke beberapa lampiran.")
                % {"n": len(value), "maks": self.maks_baris},
                code="terlalu_banyak",
            )


def _field_kolom(d: dict[str, Any]) -> forms.Field:
    umum: dict[str, Any] = {"label": d["label"], "required": bool(d.get("wajib")), "help_text": d.get("bantuan") or ""}
    tipe = d["tipe"]
    if tipe == "teks":
        return forms.CharField(max_length=d.get("maks_panjang") or 500, **umum)
    if tipe == "teks_panjang":
        return forms.CharField(
            max_length=d.get("maks_panjang") or 10_000, widget=forms.Textarea(attrs={"rows": 4}), **umum
        )
    if tipe == "tanggal":
        return forms.DateField(widget=AdminDateInput, **umum)
    if tipe == "angka":
        if d.get("desimal"):
            return forms.DecimalField(max_digits=20, decimal_places=4, **umum)
        return forms.IntegerField(**umum)
    if tipe == "pilihan":
        pilihan = [(p, p) for p in d.get("pilihan", [])]
        return forms.ChoiceField(choices=[("", "---------"), *pilihan], **umum)
    if tipe == "pegawai":
        return forms.ModelChoiceField(Pegawai.objects.aktif().select_related("jabatan"), to_field_name="nip", **umum)
    if tipe == "jabatan":
        return forms.ModelChoiceField(Jabatan.objects.aktif().select_related("unit"), **umum)
    if tipe == "tabel":
        kolom = [(k["nama"], k["label"]) for k in d.get("kolom", [])]
        return TabelField(kolom=kolom, maks_baris=d.get("maks_baris"), **umum)
    raise ValueError(f"tipe kolom tidak dikenal: {tipe}")


class PenandatanganField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Pegawai) -> str:
        return f"{obj.nama} — {obj.jabatan}" if obj.jabatan else obj.nama


class IsianForm(forms.Form):
    """The operator's form: standard letter fields first, then the template's own."""

    hal = forms.CharField(label=_("Hal/perihal"), max_length=255, required=False)
    sifat = forms.ChoiceField(label=_("Sifat"), choices=[(s, s) for s in SIFAT], initial="Biasa")
    lampiran = forms.CharField(label=_("Lampiran"), max_length=100, initial="-", required=False)
    kepada = forms.CharField(
        label=_("Kepada Yth."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Satu penerima per baris."),
    )
    tembusan = forms.CharField(
        label=_("Tembusan"), widget=forms.Textarea(attrs={"rows": 3}), required=False, help_text=_("Satu per baris.")
    )
    tanggal = forms.DateField(label=_("Tanggal naskah"), widget=AdminDateInput)
    penandatangan = PenandatanganField(
        Pegawai.objects.none(), label=_("Penandatangan"), to_field_name="nip", empty_label=None
    )

    def __init__(self, *args: Any, template: TemplateSuratPage, **kwargs: Any) -> None:
        self.template = template
        super().__init__(*args, **kwargs)
        self.fields["tanggal"].initial = timezone.localdate()
        self.fields["tembusan"].initial = template.tembusan_bawaan
        self.fields["penandatangan"].queryset = (  # type: ignore[attr-defined]
            Pegawai.objects.aktif()
            .filter(jabatan__dapat_menandatangani=True, jabatan__aktif=True)
            .select_related("jabatan")
            .order_by("jabatan__unit__urutan", "nama")
        )
        if template.jenis.tata_letak == "surat":  # correspondence always has Hal and Yth.
            self.fields["kepada"].required = True
            self.fields["hal"].required = True
        self.nama_kolom: list[str] = []
        for definisi in template.definisi_kolom:
            self.fields[definisi["nama"]] = _field_kolom(definisi)
            self.nama_kolom.append(definisi["nama"])

    def isian(self) -> dict[str, Any]:
        """The cleaned values as JSON-able isian."""
        return {nama: _ke_json(nilai) for nama, nilai in self.cleaned_data.items()} | {
            "kepada": _baris(self.cleaned_data.get("kepada", "")),
            "tembusan": _baris(self.cleaned_data.get("tembusan", "")),
        }


def _baris(teks: str | list[str]) -> list[str]:
    if isinstance(teks, list):
        return [str(b).strip() for b in teks if str(b).strip()]
    return [b.strip() for b in str(teks).splitlines() if b.strip()]


def _ke_json(nilai: Any) -> Any:
    if isinstance(nilai, datetime.date):
        return nilai.isoformat()
    if isinstance(nilai, Decimal):
        return str(nilai.normalize())
    if isinstance(nilai, Pegawai):
        return nilai.nip
    if isinstance(nilai, Jabatan):
        return nilai.pk
    return nilai


def data_form(template: TemplateSuratPage, isian: dict[str, Any], *, awal: bool = False) -> dict[str, Any]:
    """Isian JSON → the POST-like data the form binds to (inverse of IsianForm.isian);
    with `awal`, the form's initial values instead (tables stay lists of rows)."""
    data: dict[str, Any] = {}
    tabel = {d["nama"] for d in template.definisi_kolom if d["tipe"] == "tabel"}
    for nama, nilai in isian.items():
        if nama in ("kepada", "tembusan") and isinstance(nilai, list):
            data[nama] = "\n".join(str(b) for b in nilai)
        elif nama in tabel and isinstance(nilai, list) and awal:
            data[nama] = nilai
        elif nama in tabel and isinstance(nilai, list):
            for i, baris in enumerate(nilai):
                for kolom, teks in baris.items() if isinstance(baris, dict) else []:
                    data[f"{nama}-{i}-{kolom}"] = teks
        elif nilai is not None:
            data[nama] = nilai
    return data


def validasi(template: TemplateSuratPage, isian: dict[str, Any]) -> dict[str, Any]:
    """Check isian JSON against the template; return the normalised isian or raise GalatIsian."""
    if not isinstance(isian, dict):
        raise GalatIsian({"__all__": [str(_("Isian harus berupa objek JSON."))]})
    form = IsianForm(data_form(template, isian), template=template)
    if not form.is_valid():
        raise GalatIsian({nama: [str(p) for p in pesan] for nama, pesan in form.errors.items()})
    return form.isian()


def _pegawai(p: Pegawai) -> dict[str, str]:
    return {
        "nama": p.nama,
        "nip": p.nip,
        "pangkat": p.pangkat,
        "golongan": p.golongan,
        "jabatan": p.jabatan.nama if p.jabatan else "",
        "unit": p.jabatan.unit.nama if p.jabatan else "",
    }


def konteks(template: TemplateSuratPage, isian: dict[str, Any]) -> dict[str, Any]:
    """What placeholders see: dates as dates, pegawai/jabatan as dicts of their text."""
    tipe = {d["nama"]: d["tipe"] for d in template.definisi_kolom}
    hasil: dict[str, Any] = {}
    nip = [isian[n] for n, t in tipe.items() if t == "pegawai" and isian.get(n)]
    if isian.get("penandatangan"):
        nip.append(isian["penandatangan"])
    pegawai = {p.nip: p for p in Pegawai.objects.filter(nip__in=nip).select_related("jabatan__unit")}
    for nama, nilai in isian.items():
        jenis = "pegawai" if nama == "penandatangan" else "tanggal" if nama == "tanggal" else tipe.get(nama)
        if nilai in (None, ""):
            hasil[nama] = ""
        elif jenis == "tanggal":
            hasil[nama] = datetime.date.fromisoformat(str(nilai))
        elif jenis == "pegawai":
            hasil[nama] = _pegawai(pegawai[nilai]) if nilai in pegawai else {"nama": "", "nip": str(nilai)}
        elif jenis == "jabatan":
            jabatan = Jabatan.objects.select_related("unit").filter(pk=nilai).first()
            hasil[nama] = {"nama": jabatan.nama, "unit": jabatan.unit.nama} if jabatan else {"nama": "", "unit": ""}
        else:
            hasil[nama] = nilai
    return hasil
