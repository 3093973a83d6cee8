"""Forms of the PPID pages (citizens) and of the admin actions (staff).

Accessibility: `FormulirAksesibel` links each input to its help text and error messages
with `aria-describedby` and marks invalid inputs `aria-invalid`, so screen readers read
the error with the field; templates announce the error summary with role="alert"."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from organisasi.models import Unit

from .models import (
    AlasanKeberatan,
    AlasanPenolakan,
    CaraMemperoleh,
    CaraSalinan,
    HasilKeberatan,
    JenisIdentitas,
    PasalPengecualian,
)

POLA_TELEPON = re.compile(r"^(?:\+62|62|0)[2-9]\d{6,11}$")
POLA_NIK = re.compile(r"^\d{16}$")
EKSTENSI_BERKAS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "csv", "txt", "jpg", "jpeg", "png", "zip"]
MAKS_BERKAS = 20 * 1024 * 1024
MAKS_JUMLAH_BERKAS = 10


class FormulirAksesibel(forms.Form):
    """Sets aria-describedby (help + errors) and aria-invalid on the widgets; the ids
    match those used by templates/ppid/_kolom.html."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tandai()

    def full_clean(self) -> None:
        super().full_clean()
        self._tandai()

    def _tandai(self) -> None:
        galat = getattr(self, "_errors", None) or {}
        for nama, field in self.fields.items():
            id_dasar = self[nama].auto_id
            uraian = []
            if field.help_text:
                uraian.append(f"{id_dasar}_bantuan")
            if nama in galat:
                uraian.append(f"{id_dasar}_galat")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if uraian:
                field.widget.attrs["aria-describedby"] = " ".join(uraian)
            else:
                field.widget.attrs.pop("aria-describedby", None)


def normalkan_telepon(nilai: str) -> str:
    return re.sub(r"[\s\-().]", "", nilai or "")


class PermohonanForm(FormulirAksesibel):
    nama = forms.CharField(label=_("Nama lengkap"), max_length=150)
    jenis_identitas = forms.ChoiceField(
        label=_("Jenis identitas"), choices=JenisIdentitas.choices, initial=JenisIdentitas.NIK
    )
    nomor_identitas = forms.CharField(
        label=_("Nomor identitas"), max_length=40, help_text=_("Untuk NIK: 16 digit angka sesuai KTP-el.")
    )
    alamat = forms.CharField(label=_("Alamat"), max_length=500, widget=forms.Textarea(attrs={"rows": 3}))
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Konfirmasi dan pemberitahuan dikirim ke alamat ini."),
        error_messages={"invalid": _("Masukkan alamat e-mail yang benar, mis. nama@contoh.id.")},
    )
    telepon = forms.CharField(
        label=_("Nomor telepon/HP"), max_length=25, help_text=_("Mis. 081234567890 atau +62 22 1234567.")
    )
    rincian = forms.CharField(
        label=_("Rincian informasi yang dibutuhkan"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Sebutkan informasi yang Anda minta sejelas mungkin (paling banyak 3.000 karakter)."),
    )
    tujuan = forms.CharField(
        label=_("Tujuan penggunaan informasi"), max_length=1500, widget=forms.Textarea(attrs={"rows": 3})
    )
    cara_memperoleh = forms.ChoiceField(
        label=_("Cara memperoleh informasi"), choices=CaraMemperoleh.choices, widget=forms.RadioSelect
    )
    cara_salinan = forms.ChoiceField(
        label=_("Cara mendapatkan salinan informasi"),
        choices=[("", _("— tidak perlu salinan —")), *CaraSalinan.choices],
        required=False,
        help_text=_("Wajib bila Anda meminta salinan (softcopy/hardcopy)."),
    )
    # Honeypot: hidden from people (and assistive technology); bots fill every field.
    situs_web = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_nama(self) -> str:
        return " ".join(self.cleaned_data["nama"].split())

    def clean_telepon(self) -> str:
        nomor = normalkan_telepon(self.cleaned_data["telepon"])
        if not POLA_TELEPON.match(nomor):
            raise ValidationError(
                _("Nomor telepon tidak valid. Gunakan nomor Indonesia, mis. 081234567890 atau +62221234567."),
                code="telepon",
            )
        return nomor

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        jenis, nomor = data.get("jenis_identitas"), (data.get("nomor_identitas") or "").replace(" ", "")
        if jenis == JenisIdentitas.NIK and nomor and not POLA_NIK.match(nomor):
            self.add_error("nomor_identitas", _("NIK harus terdiri atas 16 digit angka."))
        elif nomor:
            data["nomor_identitas"] = nomor
        cara = data.get("cara_memperoleh")
        if cara in (CaraMemperoleh.SOFTCOPY, CaraMemperoleh.HARDCOPY) and not data.get("cara_salinan"):
            self.add_error("cara_salinan", _("Pilih cara mendapatkan salinan informasi."))
        if cara == CaraMemperoleh.HARDCOPY and data.get("cara_salinan") == CaraSalinan.EMAIL:
            self.add_error("cara_salinan", _("Salinan hardcopy tidak dapat dikirim melalui e-mail."))
        return data

    @property
    def jebakan_terisi(self) -> bool:
        return bool((self.data.get("situs_web") or "").strip())


class StatusForm(FormulirAksesibel):
    nomor = forms.CharField(label=_("Nomor registrasi"), max_length=20, help_text=_("Mis. PPID-2026-000123."))
    token = forms.CharField(
        label=_("Token rahasia"),
        max_length=40,
        required=False,
        help_text=_("Ditampilkan saat permohonan dikirim. Atau isi alamat e-mail di bawah."),
    )
    email = forms.EmailField(label=_("atau e-mail pemohon"), max_length=254, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not (data.get("token") or "").strip() and not data.get("email") and not self.has_error("email"):
            self.add_error("token", _("Isi token rahasia atau alamat e-mail yang Anda gunakan."))
        return data


class KeberatanForm(FormulirAksesibel):
    nomor = forms.CharField(label=_("Nomor registrasi permohonan"), max_length=20)
    token = forms.CharField(
        label=_("Token rahasia"), max_length=40, help_text=_("Ditampilkan saat permohonan dikirim.")
    )
    alasan = forms.MultipleChoiceField(
        label=_("Alasan keberatan (UU 14/2008 Pasal 35)"),
        choices=AlasanKeberatan.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih sekurang-kurangnya satu alasan keberatan.")},
    )
    uraian = forms.CharField(
        label=_("Kasus posisi"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Uraikan mengapa Anda keberatan (paling banyak 3.000 karakter)."),
    )


# --- admin actions ----------------------------------------------------------------------


class BanyakBerkasInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BanyakBerkasField(forms.FileField):
    """Several files in one input, each checked for type and size."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", BanyakBerkasInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        daftar = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(daftar) > MAKS_JUMLAH_BERKAS:
            raise ValidationError(_("Paling banyak %(n)d berkas.") % {"n": MAKS_JUMLAH_BERKAS})
        hasil = [super(BanyakBerkasField, self).clean(d, initial) for d in daftar]
        for f in hasil:
            FileExtensionValidator(EKSTENSI_BERKAS)(f)
            if f.size > MAKS_BERKAS:
                raise ValidationError(_("Berkas %(nama)s melebihi 20 MB.") % {"nama": f.name})
        return hasil


class TugaskanForm(FormulirAksesibel):
    unit = forms.ModelChoiceField(label=_("Unit yang menguasai informasi"), queryset=Unit.objects.all())
    catatan = forms.CharField(label=_("Catatan"), max_length=500, required=False, widget=forms.Textarea({"rows": 2}))


class PerpanjangForm(FormulirAksesibel):
    alasan = forms.CharField(
        label=_("Alasan perpanjangan"),
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Perpanjangan 7 hari kerja hanya dapat dilakukan satu kali."),
    )


class JawabForm(FormulirAksesibel):
    jawaban = forms.CharField(label=_("Jawaban"), max_length=10000, widget=forms.Textarea({"rows": 6}))
    berkas = BanyakBerkasField(label=_("Berkas informasi"), help_text=_("PDF, dokumen kantor, gambar; ≤ 20 MB."))


class TolakForm(FormulirAksesibel):
    alasan = forms.ChoiceField(label=_("Alasan penolakan"), choices=AlasanPenolakan.choices)
    pasal = forms.ChoiceField(
        label=_("Dasar pengecualian"),
        choices=[("", "—"), *PasalPengecualian.choices],
        required=False,
        help_text=_("Wajib bila informasi dikecualikan."),
    )
    catatan = forms.CharField(
        label=_("Pemberitahuan tertulis"),
        max_length=10000,
        widget=forms.Textarea({"rows": 5}),
        help_text=_("Termasuk hasil uji konsekuensi bila informasi dikecualikan."),
    )


class TanggapiKeberatanForm(FormulirAksesibel):
    hasil = forms.ChoiceField(label=_("Hasil"), choices=HasilKeberatan.choices, widget=forms.RadioSelect)
    tanggapan = forms.CharField(label=_("Tanggapan tertulis"), max_length=10000, widget=forms.Textarea({"rows": 6}))
    berkas = BanyakBerkasField(label=_("Berkas"), help_text=_("PDF, dokumen kantor, gambar; ≤ 20 MB."))
