"""Demo content of the public website (Kota Sukamaju, a fictional city).

`pastikan_beranda()` keeps the Site root (created by migration 0002, re-created here after a
test database flush). `muat()` adds the pages, news, agenda, images and menu the demo shows;
it is idempotent: what exists (found by slug / title) is left exactly as it is, so a second
`muat_demo` changes no row. Illustrations are generated (publik.demo_gambar; CC0).
Everything is published directly (`revision.publish()`), bypassing the Publikasi workflow:
the demo is the starting state, not an edit.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.index import class_is_indexed, insert_or_update_object
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from . import demo_isi as isi
from .demo_gambar import LISENSI, Ilustrasi, koleksi_publik, pastikan_gambar
from .models import (
    AgendaIndexPage,
    AgendaPage,
    BeritaIndexPage,
    BeritaPage,
    HalamanPage,
    HomePage,
    KategoriBerita,
    NavigasiSitus,
)

JUDUL_BERANDA = "Pemerintah Kota Sukamaju"
INTRO_BERANDA = (
    "<p>Selamat datang di situs resmi Pemerintah Kota Sukamaju: berita, informasi publik, "
    "dan layanan permohonan informasi.</p>"
)
__all__ = ["JUDUL_BERANDA", "LISENSI", "muat", "pastikan_beranda"]


@transaction.atomic
def pastikan_beranda() -> HomePage:
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    beranda = HomePage.objects.first()
    if beranda is None:
        root = Page.get_first_root_node()
        if root is None:  # an emptied database (e.g. after a test flush)
            Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
            root = Page.add_root(title="Root", slug="root")
        beranda = root.add_child(instance=HomePage(title=JUDUL_BERANDA, slug="beranda", intro=INTRO_BERANDA))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=beranda, is_default_site=True, site_name=JUDUL_BERANDA
        )
    elif site.root_page_id != beranda.pk:
        site.root_page = beranda
        site.save(update_fields=["root_page"])
    return beranda


_dibuat: list[Any] = []  # objects created in this muat(), indexed once at the end


@contextmanager
def _indeks_sekali() -> Iterator[None]:
    """Index each created object once instead of on each of its saves.

    Publishing a page saves it three times (add_child, save_revision, publish) and every save
    updates Wagtail's search index and reference index: for ~40 demo pages and their images
    that tripled the time of `muat_demo`, which the tests run again and again. Inside this
    block the search-index receivers of the demo's models are disconnected and reference-index
    updates disabled (Wagtail's own switch); afterwards each created object is indexed once.
    The demo runs single-threaded (a command, a test fixture), so the global switch is safe.
    """
    from modelsearch import signal_handlers as penanda_indeks

    model = [HalamanPage, BeritaIndexPage, BeritaPage, AgendaIndexPage, AgendaPage, HomePage, get_image_model()]
    for m in model:
        post_save.disconnect(penanda_indeks.post_save_signal_handler, sender=m)
    _dibuat.clear()
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for m in model:
            post_save.connect(penanda_indeks.post_save_signal_handler, sender=m)
    for obj in _dibuat:
        obj.refresh_from_db()
        if class_is_indexed(type(obj)):
            insert_or_update_object(obj)
        ReferenceIndex.create_or_update_for_object(obj)
    _dibuat.clear()


def _terbitkan(induk: Page, halaman: Page) -> Page:
    """Add `halaman` under `induk` unless a child with its slug exists; publish it."""
    ada = induk.get_children().filter(slug=halaman.slug).first()
    if ada is not None:
        return ada.specific
    induk.add_child(instance=halaman)
    halaman.save_revision(clean=False).publish()  # add_child has just validated it
    _dibuat.append(halaman)
    return halaman


def _stream(bagian: list[tuple[str, Any]]) -> str:
    """StreamField raw JSON (chooser values as primary keys)."""
    return json.dumps([{"type": jenis, "value": nilai} for jenis, nilai in bagian])


def _tautan(label: str, halaman: Page | None = None, url: str = "") -> dict[str, Any]:
    return {"label": label, "halaman": halaman.pk if halaman else None, "url": url}


def _halaman(beranda: HomePage, koleksi: Collection) -> dict[str, Page]:
    hasil: dict[str, Page] = {}
    for data in isi.HALAMAN:
        induk = hasil[data["induk"]] if data.get("induk") else beranda
        bagian: list[tuple[str, Any]] = []
        for jenis, nilai in data["isi"]:
            if jenis == "gambar":
                g = pastikan_gambar(
                    Ilustrasi(nilai["judul"], nilai["teks"], nilai["palet"], nilai["berkas"]), koleksi, _dibuat
                )
                nilai = {
                    "gambar": {"image": g.pk, "decorative": False, "alt_text": nilai["teks"]},
                    "keterangan": nilai["keterangan"],
                }
            bagian.append((jenis, nilai))
        hasil[data["slug"]] = _terbitkan(
            induk,
            HalamanPage(
                title=data["judul"],
                slug=data["slug"],
                intro=data["intro"],
                search_description=data["intro"],
                isi=_stream(bagian),
            ),
        )
    return hasil


def _kategori() -> dict[str, KategoriBerita]:
    hasil = {}
    for slug, nama, keterangan in isi.KATEGORI:
        kategori = KategoriBerita.objects.filter(slug=slug).first()
        if kategori is None:
            kategori = KategoriBerita.objects.create(slug=slug, nama=nama, keterangan=keterangan)
        hasil[slug] = kategori
    return hasil


def _berita(indeks: BeritaIndexPage, koleksi: Collection) -> None:
    kategori = _kategori()
    hari_ini = timezone.localdate()
    for nomor, data in enumerate(isi.BERITA, start=1):
        if indeks.get_children().filter(slug=data["slug"]).exists():
            continue
        gambar = pastikan_gambar(
            Ilustrasi(f"Ilustrasi berita: {data['judul']}", data["judul"], data["palet"], f"berita-{nomor:02d}.jpg"),
            koleksi,
            _dibuat,
        )
        paragraf = "".join(f"<p>{p}</p>" for p in data["isi"])
        berita = BeritaPage(
            title=data["judul"],
            slug=data["slug"],
            tanggal=hari_ini - datetime.timedelta(days=data["hari_lalu"]),
            penulis=data.get("penulis", "Tim Humas Diskominfo"),
            kategori=kategori[data["kategori"]],
            gambar_utama=gambar,
            intro=data["intro"],
            search_description=data["intro"],
            isi=_stream([("paragraf", paragraf)]),
        )
        berita.tags.set(data.get("tag", []))
        _terbitkan(indeks, berita)


def _agenda(indeks: AgendaIndexPage) -> None:
    hari_ini = timezone.localdate()
    for data in isi.AGENDA:
        tanggal = hari_ini + datetime.timedelta(days=data["hari_lagi"])
        mulai = timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(*data["jam"])))
        _terbitkan(
            indeks,
            AgendaPage(
                title=data["judul"],
                slug=data["slug"],
                mulai=mulai,
                selesai=mulai + datetime.timedelta(hours=data["durasi_jam"]),
                tempat=data["tempat"],
                penyelenggara=data["penyelenggara"],
                deskripsi=data["deskripsi"],
                search_description=data["deskripsi"].removeprefix("<p>").split("</p>")[0][:160],
            ),
        )


def _isi_beranda(beranda: HomePage, halaman: dict[str, Page], koleksi: Collection, berita: Page, agenda: Page) -> None:
    if beranda.isi:
        return  # Humas own the home page once it has content
    hero = pastikan_gambar(Ilustrasi(*isi.HERO_GAMBAR), koleksi, _dibuat)
    layanan = halaman["layanan-publik"]
    beranda.isi = _stream(
        [
            (
                "hero",
                {
                    "judul": "Sukamaju melayani, warga berdaya",
                    "teks": "Informasi pemerintahan, berita, agenda kegiatan dan layanan publik Kota Sukamaju "
                    "dalam satu tempat.",
                    "gambar": hero.pk,
                    "tombol": _tautan("Lihat layanan publik", layanan),
                },
            ),
            (
                "tautan_cepat",
                {
                    "judul": "Tautan cepat",
                    "tautan": [
                        _tautan("Profil kota", halaman["profil"]),
                        _tautan("Visi dan misi", halaman["visi-dan-misi"]),
                        _tautan("Struktur organisasi", halaman["struktur-organisasi"]),
                        _tautan("Berita", berita),
                        _tautan("Agenda", agenda),
                        _tautan("Kontak", halaman["kontak"]),
                    ],
                },
            ),
            ("berita_pilihan", {"judul": "Berita terbaru", "berita": [], "jumlah": 6}),
            ("agenda_mendatang", {"judul": "Agenda mendatang", "jumlah": 4}),
            (
                "layanan",
                {
                    "judul": "Layanan unggulan",
                    "layanan": [
                        {"nama": nama, "keterangan": keterangan, "tautan": _tautan("", layanan)}
                        for nama, keterangan in isi.LAYANAN_UNGGULAN
                    ],
                },
            ),
            (
                "ajakan",
                {
                    "judul": "Butuh informasi publik?",
                    "teks": "Ajukan permohonan informasi kepada PPID Kota Sukamaju; jawaban paling lambat "
                    "10 hari kerja.",
                    "tombol": _tautan("Hubungi kami", halaman["kontak"]),
                },
            ),
        ]
    )
    beranda.search_description = "Situs resmi Pemerintah Kota Sukamaju: berita, agenda, dan layanan publik."
    beranda.save_revision().publish()
    _dibuat.append(beranda)


def _navigasi(site: Site, beranda: HomePage, halaman: dict[str, Page], berita: Page, agenda: Page) -> None:
    nav = NavigasiSitus.objects.filter(site=site).first()
    if nav is not None and (nav.menu or nav.alamat):
        return
    nav = nav or NavigasiSitus(site=site)
    nav.menu = _stream(
        [
            ("tautan", _tautan("Beranda", beranda)),
            ("tautan", _tautan("Profil", halaman["profil"])),
            ("tautan", _tautan("Berita", berita)),
            ("tautan", _tautan("Agenda", agenda)),
            ("tautan", _tautan("Layanan", halaman["layanan-publik"])),
            ("tautan", _tautan("Kontak", halaman["kontak"])),
        ]
    )
    nav.alamat = isi.ALAMAT
    nav.telepon = "(0263) 555-0123"
    nav.surel = "humas@sukamajukota.go.id"
    nav.jam_layanan = "Senin–Jumat, 08.00–16.00 WIB"
    nav.kolom_kaki = _stream(
        [
            (
                "kolom",
                {
                    "judul": "Tentang kota",
                    "tautan": [
                        _tautan("Profil", halaman["profil"]),
                        _tautan("Visi dan misi", halaman["visi-dan-misi"]),
                        _tautan("Struktur organisasi", halaman["struktur-organisasi"]),
                    ],
                },
            ),
            (
                "kolom",
                {
                    "judul": "Informasi",
                    "tautan": [
                        _tautan("Berita", berita),
                        _tautan("Agenda", agenda),
                        _tautan("Layanan publik", halaman["layanan-publik"]),
                    ],
                },
            ),
        ]
    )
    nav.media_sosial = _stream(
        [
            ("sosial", {"platform": "instagram", "url": "https://www.instagram.com/sukamajukota"}),
            ("sosial", {"platform": "youtube", "url": "https://www.youtube.com/@sukamajukota"}),
            ("sosial", {"platform": "x", "url": "https://x.com/sukamajukota"}),
        ]
    )
    nav.save()
    _dibuat.append(nav)


@transaction.atomic
def muat() -> HomePage:
    """Fill the public site with the demo content (idempotent)."""
    beranda = pastikan_beranda()
    with _indeks_sekali():
        _muat_isi(beranda)
    return beranda


def _muat_isi(beranda: HomePage) -> None:
    koleksi = koleksi_publik()
    halaman = _halaman(beranda, koleksi)
    berita = _terbitkan(
        beranda,
        BeritaIndexPage(
            title="Berita",
            slug="berita",
            intro="<p>Kabar terbaru dari Pemerintah Kota Sukamaju.</p>",
            search_description="Berita terbaru Pemerintah Kota Sukamaju.",
        ),
    )
    _berita(berita, koleksi)
    agenda = _terbitkan(
        beranda,
        AgendaIndexPage(
            title="Agenda",
            slug="agenda",
            intro="<p>Kegiatan pemerintah kota yang terbuka untuk warga.</p>",
            search_description="Agenda kegiatan Pemerintah Kota Sukamaju.",
        ),
    )
    _agenda(agenda)
    beranda.refresh_from_db()
    _isi_beranda(beranda, halaman, koleksi, berita, agenda)
    site = Site.objects.get(is_default_site=True)
    _navigasi(site, beranda, halaman, berita, agenda)
