"""StreamField blocks of a letter template: typed field definitions (`kolom`) and
the body (`isi`) whose text may contain `{{ placeholders }}`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from . import engine

NAMA_KOLOM = r"^[a-z][a-z0-9_]*$"
NAMA_KOLOM_PESAN = _("Gunakan huruf kecil, angka dan garis bawah, diawali huruf (mis. nama_acara).")

# --- Field definitions ----------------------------------------------------------------


class KolomDasarBlock(blocks.StructBlock):
    nama = blocks.RegexBlock(
        regex=NAMA_KOLOM,
        error_messages={"invalid": NAMA_KOLOM_PESAN},
        label=_("nama placeholder"),
        help_text=_("Dipakai di isi sebagai {{ nama }}."),
    )
    label = blocks.CharBlock(label=_("label"), max_length=120)
    wajib = blocks.BooleanBlock(label=_("wajib diisi"), required=False, default=True)
    bantuan = blocks.CharBlock(label=_("teks bantuan"), required=False, max_length=255)

    class Meta:
        icon = "form"


class KolomTeksBlock(KolomDasarBlock):
    maks_panjang = blocks.IntegerBlock(label=_("panjang maksimum"), required=False, min_value=1, max_value=2000)


class KolomPilihanBlock(KolomDasarBlock):
    pilihan = blocks.ListBlock(blocks.CharBlock(max_length=120), label=_("pilihan"), min_num=1)


class KolomAngkaBlock(KolomDasarBlock):
    desimal = blocks.BooleanBlock(label=_("boleh desimal"), required=False)


class KolomTabelBlock(KolomDasarBlock):
    kolom = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("nama", blocks.RegexBlock(regex=NAMA_KOLOM, error_messages={"invalid": NAMA_KOLOM_PESAN})),
                ("label", blocks.CharBlock(max_length=80)),
            ]
        ),
        label=_("kolom tabel"),
        min_num=1,
        max_num=8,
    )
    maks_baris = blocks.IntegerBlock(label=_("baris maksimum"), required=False, min_value=1, max_value=2000)


class KolomStreamBlock(blocks.StreamBlock):
    teks = KolomTeksBlock(label=_("Teks singkat"))
    teks_panjang = KolomTeksBlock(label=_("Teks panjang"))
    tanggal = KolomDasarBlock(label=_("Tanggal"))
    angka = KolomAngkaBlock(label=_("Angka"))
    pilihan = KolomPilihanBlock(label=_("Pilihan"))
    pegawai = KolomDasarBlock(label=_("Pegawai"))
    jabatan = KolomDasarBlock(label=_("Jabatan"))
    tabel = KolomTabelBlock(label=_("Tabel (baris berulang)"))

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        terlihat: dict[str, int] = {}
        galat: dict[int, ValidationError] = {}
        for i, child in enumerate(value):
            nama = child.value["nama"]
            if nama in terlihat:
                galat[i] = StructBlockValidationError(
                    block_errors={
                        "nama": ValidationError(_("Nama placeholder '%(nama)s' dipakai dua kali.") % {"nama": nama})
                    }
                )
            terlihat[nama] = i
        if galat:
            raise StreamBlockValidationError(block_errors=galat)
        return value


# --- Body blocks -------------------------------------------------------------------------


def _periksa_teks(teks: str, label: str) -> None:
    try:
        engine.periksa(teks)
    except engine.GalatTemplate as exc:
        raise ValidationError(str(engine.GalatTemplate(exc.pesan, str(label), exc.baris))) from exc


class TeksTemplateBlock(blocks.TextBlock):
    """Plain text with placeholders; the syntax is checked when the template is saved."""

    def clean(self, value: str) -> str:
        value = super().clean(value)
        _periksa_teks(value, self.label or "teks")
        return value


class CharTemplateBlock(blocks.CharBlock):
    def clean(self, value: str) -> str:
        value = super().clean(value)
        _periksa_teks(value, self.label or "teks")
        return value


class ParagrafBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=["bold", "italic"], **kwargs)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        _periksa_teks(value.source, self.label or "paragraf")
        return value


class DaftarBlock(blocks.StructBlock):
    bernomor = blocks.BooleanBlock(label=_("bernomor"), required=False, default=True)
    butir = blocks.ListBlock(TeksTemplateBlock(rows=2), label=_("butir"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Daftar")


class RincianBlock(blocks.ListBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            blocks.StructBlock(
                [
                    ("label", CharTemplateBlock(label=_("label"), max_length=100)),
                    ("nilai", TeksTemplateBlock(label=_("nilai"), rows=1)),
                ]
            ),
            **kwargs,
        )


class TabelIsiBlock(blocks.StructBlock):
    sumber = blocks.RegexBlock(
        regex=NAMA_KOLOM,
        error_messages={"invalid": NAMA_KOLOM_PESAN},
        label=_("kolom isian tabel"),
        help_text=_("Nama placeholder sebuah kolom isian bertipe Tabel."),
    )
    nomor_urut = blocks.BooleanBlock(label=_("kolom No."), required=False, default=True)

    class Meta:
        icon = "table"
        label = _("Tabel")


class TandaTanganBlock(blocks.StructBlock):
    atas_nama = TeksTemplateBlock(
        label=_("baris a.n./u.b. (opsional)"),
        required=False,
        rows=2,
        help_text=_("Mis. a.n. Wali Kota Sukamaju — jabatan penandatangan dicetak di bawahnya."),
    )

    class Meta:
        icon = "edit"
        label = _("Blok tanda tangan")


class IsiStreamBlock(blocks.StreamBlock):
    judul = CharTemplateBlock(label=_("Subjudul"), icon="title")
    paragraf = ParagrafBlock(label=_("Paragraf"))
    daftar = DaftarBlock()
    rincian = RincianBlock(label=_("Rincian (label : nilai)"), icon="list-ul")
    tabel = TabelIsiBlock()
    tanda_tangan = TandaTanganBlock()

    class Meta:
        block_counts = {"tanda_tangan": {"max_num": 1}}
