from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

DIPERIKSA = ("jenis", "kop", "pola_nomor", "klasifikasi_bawaan", "kolom", "isi", "isian_contoh", "berkas_docx")


class TemplateSuratForm(WagtailAdminPageForm):
    """Checks placeholders, fields and the sample isian on every save, drafts included
    (Wagtail defers model validation for drafts; a broken template must not wait
    until someone approves it to be reported)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors or not all(nama in data for nama in ("jenis", "kop", "isi")):
            return data
        from .susun import periksa_template

        kandidat = copy.copy(self.instance)
        for nama in DIPERIKSA:
            if nama in data:
                setattr(kandidat, nama, data[nama])
        try:
            periksa_template(kandidat)
        except ValidationError as exc:
            for nama, galat in exc.error_dict.items():
                for item in galat:
                    self.add_error(nama if nama in self.fields else None, item)
        return data
