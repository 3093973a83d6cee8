"""Objects → search documents. The only place that knows what a letter, a template or a
public page looks like to the index. `dokumen_untuk(kunci)` reads the object's current
state from the database (None when it is gone or must not be indexed), so index tasks
are idempotent: running one twice gives the same document.

Principals: letters carry naskah.akses's tokens (the AksesNaskah rows every view checks);
live templates `templat:baca`, drafts `templat:kelola`; public pages `publik`."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags

from . import teks
from .mesin.dasar import Dokumen

log = logging.getLogger(__name__)
MAKS_ISI = 100_000
TOKEN_PUBLIK = "publik"  # noqa: S105 - access tokens, not secrets
TOKEN_TEMPLAT_BACA = "templat:baca"  # noqa: S105
TOKEN_TEMPLAT_KELOLA = "templat:kelola"  # noqa: S105


def kunci(koleksi: str, objek_id: int) -> str:
    return f"{koleksi}:{objek_id}"


def pisah_kunci(k: str) -> tuple[str, int]:
    koleksi, _, nilai = k.partition(":")
    return koleksi, int(nilai)


def _teks_dokumen(dok: Any) -> str:
    """All text of a composed letter body (templates_surat.dokumen.Dokumen)."""
    bagian: list[str] = []

    def kumpul(nilai: Any) -> None:
        if isinstance(nilai, str):
            bagian.append(strip_tags(nilai.replace("<br>", " ")))
        elif isinstance(nilai, (list, tuple)):
            for v in nilai:
                kumpul(v)
        elif dataclasses.is_dataclass(nilai) and not isinstance(nilai, type):
            for f in dataclasses.fields(nilai):
                kumpul(getattr(nilai, f.name))

    kumpul(getattr(dok, "judul", ""))
    kumpul(getattr(dok, "isi", []))
    return " ".join(" ".join(bagian).split())


def _isi_naskah_keluar(naskah: Any) -> str:
    from naskah.dokumen import isian_lengkap, template_naskah
    from templates_surat import isian as isian_mod
    from templates_surat.susun import susun

    try:
        template = template_naskah(naskah)
        if template.berkas_docx_id:
            raise ValueError("docx template")
        bersih = isian_mod.validasi(template, isian_lengkap(naskah))
        return _teks_dokumen(susun(template, bersih, nomor=naskah.nomor or None))
    except Exception:  # noqa: BLE001 - an unfinished draft still gets its isian indexed
        nilai = [str(v) for v in (naskah.isian or {}).values() if isinstance(v, (str, int, float))]
        return " ".join(nilai)


def _isi_keluar_dan_lampiran(naskah: Any) -> str:
    """The letter body, then the text layer of its PDF attachments."""
    bagian = [_isi_naskah_keluar(naskah)]
    bagian += [teks.teks_pdf(lampiran.berkas) for lampiran in naskah.lampiran.all()]
    return " ".join(b for b in bagian if b)


def _opd(unit: Any) -> Any:
    return (unit.opd or unit) if unit is not None else None


def _token(page_id: int) -> list[str]:
    from naskah.models import AksesNaskah

    return sorted(AksesNaskah.objects.filter(naskah_id=page_id).values_list("token", flat=True))


def _url(nama: str, pk: int) -> str:
    try:
        return reverse(nama, args=[pk])
    except NoReverseMatch:
        return ""


def naskah_keluar(page: Any) -> Dokumen:
    from naskah.dokumen import konten

    isi_naskah = konten(page)
    opd = _opd(page.unit)
    penerima = [j.nama for j in isi_naskah.penerima.all()] + teks_baris(isi_naskah.penerima_luar)
    penerima += [j.nama for j in isi_naskah.tembusan.all()] + teks_baris(isi_naskah.tembusan_luar)
    rahasia = isi_naskah.rahasia
    tanggal = page.tanggal_naskah or (page.latest_revision_created_at or page.first_published_at)
    if tanggal is not None and hasattr(tanggal, "date"):
        tanggal = tanggal.date()
    return Dokumen(
        koleksi="naskah",
        objek_id=page.pk,
        judul=isi_naskah.perihal or page.judul_aman(),
        url=_url("naskah:detail", page.pk),
        nomor=page.nomor,
        perihal=isi_naskah.perihal,
        isi="" if rahasia else _isi_keluar_dan_lampiran(isi_naskah)[:MAKS_ISI],
        pengirim="" if rahasia else (opd.nama if opd else ""),
        penerima="" if rahasia else "; ".join(penerima),
        unit_id=opd.pk if opd else None,
        unit=opd.nama if opd else "",
        jenis=page.template.jenis.nama if page.template_id else "",
        arah="keluar",
        sifat=isi_naskah.sifat,
        status=page.status,
        klasifikasi=isi_naskah.klasifikasi,
        tanggal=tanggal,
        rahasia=rahasia,
        prinsipal=_token(page.pk),
    )


def naskah_masuk(page: Any, token: list[str] | None = None, opd: Any = None) -> Dokumen:
    rahasia = page.rahasia
    isi = ""
    if not rahasia:
        isi = " ".join(filter(None, [page.ringkasan, teks.teks_pdf(page.scan)]))
    opd = opd or _opd(page.unit)
    return Dokumen(
        koleksi="naskah",
        objek_id=page.pk,
        judul=page.perihal,
        url=_url("naskah:detail_masuk", page.pk),
        nomor=page.nomor_surat,
        perihal=page.perihal,
        isi=isi[:MAKS_ISI],
        pengirim="" if rahasia else page.pengirim,
        penerima="" if rahasia else (page.tujuan.nama if page.tujuan_id else ""),
        unit_id=opd.pk if opd else None,
        unit=opd.nama if opd else "",
        jenis="Naskah masuk",
        arah="masuk",
        sifat=page.sifat,
        status=page.status,
        klasifikasi=page.klasifikasi,
        tanggal=page.tanggal_surat,
        rahasia=rahasia,
        prinsipal=token if token is not None else _token(page.pk),
    )


def template_surat(page: Any) -> Dokumen:
    from templates_surat.susun import susun

    isi = page.ringkasan or ""
    waktu = page.last_published_at or page.latest_revision_created_at or page.first_published_at
    try:
        isi += " " + _teks_dokumen(susun(page, dict(page.isian_contoh or {})))
    except Exception:  # noqa: BLE001 - a template with a broken body is still findable by name
        log.info("isi template %s tidak dapat disusun untuk indeks", page.pk)
    return Dokumen(
        koleksi="template",
        objek_id=page.pk,
        judul=page.title,
        url=_url("wagtailadmin_pages:edit", page.pk),
        perihal=page.title,
        isi=isi.strip()[:MAKS_ISI],
        jenis=page.jenis.nama if page.jenis_id else "",
        status="live" if page.live else "konsep",
        klasifikasi=page.klasifikasi_bawaan,
        tanggal=waktu.date() if waktu else None,
        prinsipal=[TOKEN_TEMPLAT_BACA, TOKEN_TEMPLAT_KELOLA] if page.live else [TOKEN_TEMPLAT_KELOLA],
    )


def _teks_halaman(page: Any) -> str:
    from wagtail.fields import RichTextField, StreamField

    bagian = [page.search_description or ""]
    for f in page._meta.get_fields():
        if isinstance(f, (RichTextField, StreamField)):
            nilai = getattr(page, f.name, None)
            if nilai is None:
                continue
            if isinstance(f, StreamField):
                bagian.append(strip_tags(str(nilai.render_as_block()) if hasattr(nilai, "render_as_block") else nilai))
            else:
                bagian.append(strip_tags(str(nilai)))
    return " ".join(" ".join(bagian).split())


def halaman_publik(page: Any) -> Dokumen:
    tanggal = page.first_published_at.date() if page.first_published_at else None
    return Dokumen(
        koleksi="publik",
        objek_id=page.pk,
        judul=page.title,
        url=page.url or "",
        perihal=page.title,
        isi=_teks_halaman(page)[:MAKS_ISI],
        jenis=str(page.specific_class._meta.verbose_name) if page.specific_class else "",
        status="live",
        tanggal=tanggal,
        prinsipal=[TOKEN_PUBLIK],
    )


def teks_baris(nilai: str) -> list[str]:
    return [b.strip() for b in (nilai or "").splitlines() if b.strip()]


def lengkapi(dok: Dokumen) -> Dokumen:
    dok.kata_dasar = teks.dasar(dok.perihal, dok.isi)
    return dok


# --- what is indexed, per collection ---------------------------------------------------


def _halaman_publik_qs() -> Any:
    from wagtail.models import Page, Site

    akar = [s.root_page for s in Site.objects.select_related("root_page")]
    if not akar:
        return Page.objects.none()
    qs = Page.objects.none()
    for a in akar:
        qs = qs | Page.objects.descendant_of(a, inclusive=True)
    return qs.live().public()


def queryset(koleksi: str) -> Any:
    """Every object of a collection that belongs in the index, by id."""
    from wagtail.models import Page

    from naskah.models import NaskahKeluarPage, NaskahMasukPage
    from templates_surat.models import TemplateSuratPage

    if koleksi == "naskah":
        return Page.objects.type(NaskahKeluarPage, NaskahMasukPage).order_by("pk")
    if koleksi == "template":
        return TemplateSuratPage.objects.order_by("pk")
    if koleksi == "publik":
        return _halaman_publik_qs().order_by("pk")
    raise ValueError(f"koleksi tidak dikenal: {koleksi}")


def koleksi_halaman(page: Any) -> str | None:
    """Which collection a page belongs to (None: not indexed)."""
    from naskah.models import NaskahKeluarPage, NaskahMasukPage
    from templates_surat.models import TemplateSuratPage

    kelas = page.specific_class
    if kelas is None:
        return None
    if issubclass(kelas, (NaskahKeluarPage, NaskahMasukPage)):
        return "naskah"
    if issubclass(kelas, TemplateSuratPage):
        return "template"
    if _halaman_publik_qs().filter(pk=page.pk).exists():
        return "publik"
    return None


def dokumen_untuk(k: str) -> Dokumen | None:
    """The document of one object as it is now; None when it is gone or not indexed."""
    from wagtail.models import Page

    from naskah.models import NaskahKeluarPage, NaskahMasukPage
    from templates_surat.models import TemplateSuratPage

    koleksi, pk = pisah_kunci(k)
    page = Page.objects.filter(pk=pk).first()
    if page is None:
        return None
    spesifik = page.specific
    if koleksi == "naskah":
        if isinstance(spesifik, NaskahKeluarPage):
            return lengkapi(naskah_keluar(spesifik))
        if isinstance(spesifik, NaskahMasukPage):
            return lengkapi(naskah_masuk(spesifik))
        return None
    if koleksi == "template":
        return lengkapi(template_surat(spesifik)) if isinstance(spesifik, TemplateSuratPage) else None
    if koleksi == "publik":
        if not _halaman_publik_qs().filter(pk=pk).exists():
            return None
        return lengkapi(halaman_publik(spesifik))
    return None


def dokumen_batch(daftar_kunci: list[str]) -> list[Dokumen]:
    """The documents of many keys (what exists of them), with fewer queries than one
    `dokumen_untuk` each: incoming letters are read in one query with their access rows
    and units; everything else goes one by one."""
    from naskah.models import AksesNaskah, NaskahMasukPage
    from organisasi.models import Unit

    masuk_ids = [pk for k, pk in map(pisah_kunci, daftar_kunci) if k == "naskah"]
    masuk = {
        p.pk: p
        for p in NaskahMasukPage.objects.filter(pk__in=masuk_ids)
        .select_related("tujuan")
        .defer("latest_revision", "live_revision")
    }
    token: dict[int, list[str]] = {}
    for naskah_id, t in AksesNaskah.objects.filter(naskah_id__in=list(masuk)).values_list("naskah_id", "token"):
        token.setdefault(naskah_id, []).append(t)
    unit = {u.pk: u for u in Unit.objects.all()} if masuk else {}

    def opd(unit_id: int) -> Any:
        node = unit.get(unit_id)
        while node is not None and node.jenis != "opd":
            node = unit.get(node.induk_id) if node.induk_id else None
        return node or unit.get(unit_id)

    hasil: list[Dokumen] = []
    for k in daftar_kunci:
        koleksi, pk = pisah_kunci(k)
        if koleksi == "naskah" and pk in masuk:
            hasil.append(lengkapi(naskah_masuk(masuk[pk], sorted(token.get(pk, [])), opd(masuk[pk].unit_id))))
        else:
            d = dokumen_untuk(k)
            if d is not None:
                hasil.append(d)
    return hasil


def semua_kunci(koleksi: str, mulai_setelah: int = 0, batas: int = 500) -> Iterator[list[str]]:
    """Keys of a collection in id order, in batches (for resumable reindexing)."""
    qs = queryset(koleksi)
    terakhir = mulai_setelah
    while True:
        ids = list(qs.filter(pk__gt=terakhir).values_list("pk", flat=True)[:batas])
        if not ids:
            return
        yield [kunci(koleksi, i) for i in ids]
        terakhir = ids[-1]
