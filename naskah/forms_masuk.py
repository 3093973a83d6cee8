"""Forms for incoming letters: registration, and the disposition actions (used by
Lontar's letter page and by the Wagtail workflow action modal)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from organisasi.models import Jabatan, Pegawai

from .models import EKSTENSI_SCAN_LABEL, Disposisi, Instruksi, Sifat, StatusDisposisi, Urgensi


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class RegistrasiForm(forms.Form):
    tujuan = forms.ModelChoiceField(
        label=_("Ditujukan kepada"), queryset=Jabatan.objects.none(), help_text=_("Pejabat yang mendisposisikan.")
    )
    pengirim = forms.CharField(label=_("Pengirim"), max_length=255)
    nomor_surat = forms.CharField(label=_("Nomor surat"), max_length=200)
    tanggal_surat = forms.DateField(label=_("Tanggal surat"), widget=TanggalInput())
    tanggal_terima = forms.DateField(label=_("Tanggal diterima"), widget=TanggalInput(), required=False)
    perihal = forms.CharField(label=_("Hal/perihal"), max_length=255)
    sifat = forms.ChoiceField(label=_("Sifat"), choices=Sifat.choices, initial=Sifat.BIASA)
    urgensi = forms.ChoiceField(label=_("Urgensi"), choices=Urgensi.choices, initial=Urgensi.BIASA)
    klasifikasi = forms.CharField(label=_("Klasifikasi arsip"), max_length=30, required=False)
    ringkasan = forms.CharField(label=_("Ringkasan isi"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    scan = forms.FileField(label=_("Pindaian surat"), help_text=EKSTENSI_SCAN_LABEL)
    abaikan_duplikat = forms.BooleanField(
        label=_("Tetap catat walaupun nomor ini sudah pernah dicatat"), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, opd_ids: set[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from organisasi.models import Unit

        unit = set()
        for opd in opd_ids or set():
            unit |= set(Unit.objects.turunan(Unit(pk=opd)).values_list("pk", flat=True))
        qs = (
            Jabatan.objects.filter(aktif=True, unit_id__in=unit)
            .select_related("unit")
            .order_by("-kepala_unit", "unit__urutan", "nama")
        )
        pilih_tujuan = cast(forms.ModelChoiceField, self.fields["tujuan"])
        pilih_tujuan.queryset = qs
        pilih_tujuan.label_from_instance = lambda j: f"{j.nama} ({j.unit})"  # type: ignore[method-assign,assignment]
        kepala = qs.filter(kepala_unit=True, unit_id__in=opd_ids or set()).first()
        if kepala is not None:
            self.fields["tujuan"].initial = kepala.pk


def _pilihan_bawahan(user: Any) -> tuple[Any, Any]:
    """Jabatan and pegawai below the user's posts (a disposition goes down the tree)."""
    from organisasi.models import Unit

    from . import akses

    unit: set[int] = set()
    for j in akses.jabatan_aktif_user(user) if user is not None else []:
        unit |= set(Unit.objects.turunan(j.unit).values_list("pk", flat=True))
    diri = akses.jabatan_ids(user) if user is not None else set()
    jabatan = (
        Jabatan.objects.filter(aktif=True, unit_id__in=unit)
        .exclude(pk__in=diri)
        .select_related("unit")
        .order_by("unit__urutan", "-kepala_unit", "nama")
    )
    pegawai = (
        Pegawai.objects.filter(aktif=True, jabatan__unit_id__in=unit)
        .exclude(user_id=getattr(user, "pk", 0) or 0)
        .select_related("jabatan")
        .order_by("nama")
    )
    return jabatan, pegawai


class DisposisiForm(forms.Form):
    kepada_jabatan = forms.ModelMultipleChoiceField(
        label=_("Kepada (jabatan)"),
        queryset=Jabatan.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kepada_pegawai = forms.ModelMultipleChoiceField(
        label=_("Kepada (pegawai)"),
        queryset=Pegawai.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    instruksi = forms.MultipleChoiceField(
        label=_("Instruksi"), choices=Instruksi.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    catatan = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    batas_waktu = forms.DateField(label=_("Batas waktu"), widget=TanggalInput(), required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:
            from lontar.middleware import permintaan_sekarang

            request = permintaan_sekarang()
            user = getattr(request, "user", None)
        jabatan, pegawai = _pilihan_bawahan(user)
        kepada_jabatan = cast(forms.ModelMultipleChoiceField, self.fields["kepada_jabatan"])
        kepada_jabatan.queryset = jabatan
        kepada_jabatan.label_from_instance = lambda j: f"{j.nama}"  # type: ignore[method-assign,assignment]
        kepada_pegawai = cast(forms.ModelMultipleChoiceField, self.fields["kepada_pegawai"])
        kepada_pegawai.queryset = pegawai
        kepada_pegawai.label_from_instance = lambda p: (  # type: ignore[method-assign,assignment]
            f"{p.nama} — {p.jabatan.nama if p.jabatan else ''}"
        )


class SelesaiForm(forms.Form):
    tindak_lanjut = forms.CharField(
        label=_("Laporan tindak lanjut"), widget=forms.Textarea(attrs={"rows": 3}), required=True
    )


class SelesaiLampiranForm(SelesaiForm):
    lampiran = forms.FileField(label=_("Lampiran (opsional)"), required=False)


class BatalkanForm(forms.Form):
    disposisi = forms.ModelChoiceField(label=_("Disposisi"), queryset=Disposisi.objects.none())
    alasan = forms.CharField(label=_("Alasan"), required=False, max_length=500)

    def __init__(self, *args: Any, user: Any = None, naskah: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is None:
            from lontar.middleware import permintaan_sekarang

            user = getattr(permintaan_sekarang(), "user", None)
        qs = Disposisi.objects.filter(
            dari_user_id=getattr(user, "pk", None), status=StatusDisposisi.AKTIF, dibaca_pada__isnull=True
        ).select_related("kepada_jabatan", "kepada_user__pegawai")
        if naskah is not None:
            qs = qs.filter(naskah=naskah)
        pilih = cast(forms.ModelChoiceField, self.fields["disposisi"])
        pilih.queryset = qs
        pilih.label_from_instance = lambda d: d.kepada_label  # type: ignore[method-assign,assignment]


FORM_AKSI_ALUR: dict[str, type[forms.Form]] = {
    "disposisikan": DisposisiForm,
    "teruskan": DisposisiForm,
    "selesai": SelesaiForm,
    "batalkan": BatalkanForm,
}


def form_aksi_alur(aksi: str) -> type[forms.Form]:
    return FORM_AKSI_ALUR[aksi]
