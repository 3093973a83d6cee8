"""StreamField blocks of the public website.

Humas staff compose pages from these blocks in the Wagtail admin. Every block has its own
small template in `templates/publik/blok/`, so pages stay semantic HTML without a JS
framework. Blocks that list other pages (featured news, upcoming events) query in
`get_context` with one query each (lead image and category joined), so a page's query count
does not grow with the number of news items or events.

Blocks are also rendered without a request (the search index renders StreamFields to
text): every `get_context` works with an empty parent context.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

FITUR_PARAGRAF = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "hr"]
MAKS_OTOMATIS = 12


class TautanValue(blocks.StructValue):
    """A link to an internal page (preferred: follows moves and renames) or an outside URL."""

    def url(self) -> str:
        halaman = self.get("halaman")
        if halaman is not None:
            return str(halaman.url or "")
        return str(self.get("url") or "")

    def teks(self) -> str:
        halaman = self.get("halaman")
        return str(self.get("label") or (halaman.title if halaman is not None else "") or self.url())


class TautanBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("teks tautan"), max_length=80, required=False)
    halaman = blocks.PageChooserBlock(label=_("halaman"), required=False)
    url = blocks.URLBlock(label=_("atau alamat luar"), required=False)

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not value.get("halaman") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"halaman": blocks.BlockValidationError(_("Pilih halaman atau isi alamat luar."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("tautan")
        value_class = TautanValue


class AjakanBlock(blocks.StructBlock):
    """Call to action: a short heading and text with one prominent button."""

    judul = blocks.CharBlock(label=_("judul"), max_length=120)
    teks = blocks.TextBlock(label=_("teks"), required=False)
    tombol = TautanBlock(label=_("tombol"))

    class Meta:
        icon = "pick"
        label = _("ajakan bertindak")
        template = "publik/blok/ajakan.html"


class HeroBlock(blocks.StructBlock):
    judul = blocks.CharBlock(label=_("judul"), max_length=120)
    teks = blocks.TextBlock(label=_("teks"), required=False)
    gambar = ImageChooserBlock(label=_("gambar latar"), required=False)
    tombol = TautanBlock(label=_("tombol"), required=False)

    class Meta:
        icon = "image"
        label = _("hero")
        template = "publik/blok/hero.html"


class TautanCepatBlock(blocks.StructBlock):
    judul = blocks.CharBlock(label=_("judul"), max_length=80, default=_("Tautan cepat"))
    tautan = blocks.ListBlock(TautanBlock(), label=_("tautan"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("tautan cepat")
        template = "publik/blok/tautan_cepat.html"


class LayananItemBlock(blocks.StructBlock):
    nama = blocks.CharBlock(label=_("nama layanan"), max_length=80)
    keterangan = blocks.TextBlock(label=_("keterangan"), required=False)
    tautan = TautanBlock(label=_("tautan"), required=False)


class LayananBlock(blocks.StructBlock):
    judul = blocks.CharBlock(label=_("judul"), max_length=80, default=_("Layanan publik"))
    layanan = blocks.ListBlock(LayananItemBlock(), label=_("layanan"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("sorotan layanan")
        template = "publik/blok/layanan.html"


def _akar(parent_context: dict[str, Any] | None) -> Any:
    """The page whose subtree automatic lists look in: the page being rendered (the home
    page is the Site root), or None when rendered outside a page (search indexing)."""
    return (parent_context or {}).get("page")


class BeritaPilihanBlock(blocks.StructBlock):
    """Featured news: the chosen articles, or (none chosen) the newest `jumlah` ones."""

    judul = blocks.CharBlock(label=_("judul"), max_length=80, default=_("Berita terbaru"))
    berita = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="publik.BeritaPage"),
        label=_("berita pilihan"),
        required=False,
        help_text=_("Kosongkan untuk menampilkan berita terbaru secara otomatis."),
    )
    jumlah = blocks.IntegerBlock(label=_("jumlah berita otomatis"), default=3, min_value=1, max_value=MAKS_OTOMATIS)

    class Meta:
        icon = "doc-full"
        label = _("berita pilihan")
        template = "publik/blok/berita_pilihan.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        from .models import BeritaPage

        context = super().get_context(value, parent_context)
        akar = _akar(parent_context)
        daftar: list[Any] = []
        if akar is not None:
            qs = BeritaPage.objects.untuk_daftar().descendant_of(akar)
            dipilih = [p.pk for p in value.get("berita") or [] if p is not None]
            if dipilih:
                urutan = {pk: i for i, pk in enumerate(dipilih)}
                daftar = sorted(qs.filter(pk__in=dipilih), key=lambda p: urutan[p.pk])
            else:
                daftar = list(qs[: value.get("jumlah") or 3])
        context["daftar_berita"] = daftar
        return context


class AgendaMendatangBlock(blocks.StructBlock):
    judul = blocks.CharBlock(label=_("judul"), max_length=80, default=_("Agenda mendatang"))
    jumlah = blocks.IntegerBlock(label=_("jumlah acara"), default=4, min_value=1, max_value=MAKS_OTOMATIS)

    class Meta:
        icon = "date"
        label = _("agenda mendatang")
        template = "publik/blok/agenda_mendatang.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        from .models import AgendaPage

        context = super().get_context(value, parent_context)
        akar = _akar(parent_context)
        daftar: list[Any] = []
        if akar is not None:
            qs = AgendaPage.objects.mendatang(timezone.now()).descendant_of(akar)
            daftar = list(qs[: value.get("jumlah") or 4])
        context["daftar_agenda"] = daftar
        return context


class JudulBlock(blocks.StructBlock):
    teks = blocks.CharBlock(label=_("teks"), max_length=150)
    tingkat = blocks.ChoiceBlock(
        label=_("tingkat"), choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Subjudul (H3)"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("judul")
        template = "publik/blok/judul.html"


class GambarBlock(blocks.StructBlock):
    """An image with its alternative text (ImageBlock: required unless decorative) and an
    optional visible caption."""

    gambar = ImageBlock(label=_("gambar"))
    keterangan = blocks.CharBlock(label=_("keterangan"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("gambar")
        template = "publik/blok/gambar.html"


class DokumenBlock(blocks.StructBlock):
    dokumen = DocumentChooserBlock(label=_("dokumen"))
    label = blocks.CharBlock(label=_("teks tautan"), max_length=150, required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("tautan dokumen")
        template = "publik/blok/dokumen.html"


class TabelBlock(TypedTableBlock):
    """A table with typed columns: screen readers get real `<th scope="col">` headers and a
    caption, unlike a picture of a spreadsheet."""

    teks = blocks.CharBlock(label=_("teks"))
    angka = blocks.DecimalBlock(label=_("angka"))
    teks_kaya = blocks.RichTextBlock(label=_("teks berformat"), features=["bold", "italic", "link"])

    class Meta:
        icon = "table"
        label = _("tabel")
        template = "publik/blok/tabel.html"


def blok_isi() -> list[tuple[str, blocks.Block]]:
    """Body blocks shared by generic pages and news articles (new instances each call)."""
    return [
        ("judul", JudulBlock()),
        ("paragraf", blocks.RichTextBlock(label=_("paragraf"), features=FITUR_PARAGRAF, icon="pilcrow")),
        ("gambar", GambarBlock()),
        ("dokumen", DokumenBlock()),
        ("tabel", TabelBlock()),
        ("sematan", EmbedBlock(label=_("sematan (video, peta)"), icon="media", template="publik/blok/sematan.html")),
        ("ajakan", AjakanBlock()),
    ]


def blok_beranda() -> list[tuple[str, blocks.Block]]:
    return [
        ("hero", HeroBlock()),
        ("berita_pilihan", BeritaPilihanBlock()),
        ("agenda_mendatang", AgendaMendatangBlock()),
        ("tautan_cepat", TautanCepatBlock()),
        ("layanan", LayananBlock()),
        ("ajakan", AjakanBlock()),
        ("paragraf", blocks.RichTextBlock(label=_("paragraf"), features=FITUR_PARAGRAF, icon="pilcrow")),
    ]


class PlatformSosial(blocks.ChoiceBlock):
    choices = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("x", "X (Twitter)"),
        ("youtube", "YouTube"),
        ("tiktok", "TikTok"),
        ("whatsapp", "WhatsApp"),
    ]


class SosialValue(blocks.StructValue):
    def nama(self) -> str:
        return str(dict(PlatformSosial.choices).get(self.get("platform"), self.get("platform")))


class SosialBlock(blocks.StructBlock):
    platform = PlatformSosial(label=_("platform"))
    url = blocks.URLBlock(label=_("alamat"))

    class Meta:
        icon = "globe"
        label = _("media sosial")
        value_class = SosialValue


class KolomKakiBlock(blocks.StructBlock):
    judul = blocks.CharBlock(label=_("judul kolom"), max_length=60)
    tautan = blocks.ListBlock(TautanBlock(), label=_("tautan"))

    class Meta:
        icon = "list-ul"
        label = _("kolom tautan")
