"""The letter editor: Wagtail's page form plus the template's own fields, generated
from the template version the letter was started from (same fields and validation
as "Buat naskah"), packed into the `isian` JSON on save."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel

from organisasi.models import Jabatan
from templates_surat import isian as isian_mod

AWALAN = "isian__"


class NaskahKeluarForm(WagtailAdminPageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["penandatangan"].queryset = Jabatan.objects.penandatangan().select_related("unit")
        self.fields["penandatangan"].label_from_instance = lambda j: f"{j.nama} ({j.unit})"
        for nama in ("penerima", "tembusan"):
            field = self.fields[nama]
            field.widget = forms.SelectMultiple(attrs={"size": 8})
            field.widget.choices = field.choices
            field.help_text = _("Tahan Ctrl (atau Cmd) untuk memilih lebih dari satu jabatan.")
        self.fields["isian"] = forms.JSONField(required=False, widget=forms.HiddenInput)
        self.nama_isian: list[str] = []
        naskah = self.instance
        if not getattr(naskah, "template_revisi_id", None):
            return
        from .dokumen import template_naskah

        self.template_surat = template_naskah(naskah)
        awal = isian_mod.data_form(self.template_surat, naskah.isian or {}, awal=True)
        for definisi in self.template_surat.definisi_kolom:
            nama = definisi["nama"]
            field = isian_mod._field_kolom(definisi)
            field.initial = awal.get(nama)
            self.fields[AWALAN + nama] = field
            self.nama_isian.append(nama)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["isian"] = {
            nama: isian_mod._ke_json(data.get(AWALAN + nama))
            for nama in self.nama_isian
            if data.get(AWALAN + nama) not in (None, "", [])
        }
        if "action-submit" in self.data or "action-resubmit" in self.data:
            self._periksa_ajukan(data)
        return data

    def save(self, commit: bool = True) -> Any:
        # The hidden `isian` input is not posted, and Django keeps model defaults for
        # omitted fields: set the packed isian explicitly.
        if self.nama_isian:
            self.instance.isian = self.cleaned_data.get("isian") or {}
        return super().save(commit=commit)

    def _periksa_ajukan(self, data: dict[str, Any]) -> None:
        """What a letter needs before it goes to the officials (the API path runs
        naskah.layanan.periksa_siap_ajukan on the saved letter)."""
        ttd = data.get("penandatangan")
        if ttd is None:
            self.add_error("penandatangan", _("Pilih penandatangan sebelum mengajukan."))
        elif not (ttd.dapat_menandatangani and ttd.aktif):
            self.add_error("penandatangan", _("%(jabatan)s tidak berwenang menandatangani naskah.") % {"jabatan": ttd})
        if not (data.get("perihal") or "").strip():
            self.add_error("perihal", _("Hal/perihal wajib diisi."))
        if not data.get("penerima") and not (data.get("penerima_luar") or "").strip():
            self.add_error("penerima", _("Isi paling sedikit satu penerima."))
        formset = self.formsets.get("pemaraf")
        if formset is not None and formset.is_valid():
            pilihan = [
                f.cleaned_data["jabatan"]
                for f in formset.forms
                if f.cleaned_data.get("jabatan") and not f.cleaned_data.get("DELETE")
            ]
            if len({j.pk for j in pilihan}) != len(pilihan):
                self.add_error(None, _("Setiap pemaraf hanya boleh dipilih satu kali."))
            if ttd is not None and ttd in pilihan:
                self.add_error(None, _("Penandatangan tidak perlu menjadi pemaraf juga."))


class IsianPanel(FieldPanel):
    """Renders the template's own fields (added by NaskahKeluarForm) in place of the JSON."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "naskah/panels/isian.html"

        def is_shown(self) -> bool:
            return bool(getattr(self.form, "nama_isian", None))

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["isian_fields"] = [self.form[AWALAN + nama] for nama in self.form.nama_isian]
            return context


class NaskahMasukForm(WagtailAdminPageForm):
    """The page editor for an incoming letter: registration fields are read-only for
    everyone but the unit's operators while the letter is new."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .akses import dapat_ubah_registrasi

        user = self.for_user
        if self.instance.pk and (user is None or not dapat_ubah_registrasi(user, self.instance)):
            for field in self.fields.values():
                field.disabled = True
