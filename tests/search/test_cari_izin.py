"""Search never shows a letter to someone naskah.akses does not let read it, and finds
every letter they may read: the real pipeline (demo organisation and letters made
through the services, signed and sent by the eager Celery worker, indexed with
search.layanan.perbarui_sekarang) on the database engine, for every demo account, a
superuser and an anonymous visitor.

Checked both through the facade `search.cari` (which re-checks every letter hit) and
on the engine alone (`search.mesin.database().cari`), so the engine's own principal
filter is tested too, not only the facade's defence in depth."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

import search
from naskah import akses
from naskah import demo as demo_naskah
from naskah.models import NaskahKeluarPage, NaskahMasukPage
from search import layanan, sumber, teks
from search import mesin as mesin_mod
from search.mesin.dasar import Hit
from templates_surat.models import TemplateSuratPage

pytestmark = pytest.mark.django_db

KATA = ["koordinasi", "permohonan", "vaksinasi", "data", "undangan", "laporan", "pemberitahuan", "000.7.2", "siber"]


@dataclass
class Demo:
    pengguna: list[Any]  # every account, a superuser and an anonymous visitor
    naskah: list[Any]  # every letter (outgoing, incoming and the copies received), specific pages
    draf_templat: TemplateSuratPage


def _semua_pengguna() -> list[Any]:
    return [*get_user_model().objects.order_by("username"), AnonymousUser()]


def _nama(user: Any) -> str:
    return user.username if user.is_authenticated else "(anonim)"


def _semua_naskah() -> list[Any]:
    return [p.specific for p in Page.objects.type(NaskahKeluarPage, NaskahMasukPage).order_by("pk")]


@pytest.fixture
def terindeks(demo: None, django_capture_on_commit_callbacks: Any, settings: Any) -> Demo:
    """The demo with its letters (approved ones signed and sent, so their recipients get
    incoming copies), one template back to draft, a superuser; all of it indexed."""
    settings.LONTAR_SEARCH_BACKEND = "database"
    mesin_mod.lupakan()
    with django_capture_on_commit_callbacks(execute=True):
        demo_naskah.muat()
        demo_naskah.muat_masuk()
        draf = TemplateSuratPage.objects.live().exclude(slug="surat-dinas").order_by("pk").first()
        assert draf is not None
        draf.unpublish()
        get_user_model().objects.create_superuser("root", "root@sukamajukota.go.id", "root-uji")
    for koleksi in ("naskah", "template", "publik"):
        for daftar in sumber.semua_kunci(koleksi):
            for k in daftar:
                layanan.perbarui_sekarang(k)
    naskah = _semua_naskah()
    assert len(naskah) >= 10
    assert any(n.status == "terkirim" for n in naskah if isinstance(n, NaskahKeluarPage))
    assert any(n.rahasia for n in naskah if isinstance(n, NaskahKeluarPage))
    assert any(n.rahasia for n in naskah if isinstance(n, NaskahMasukPage))
    draf.refresh_from_db()
    return Demo(_semua_pengguna(), naskah, draf)


def _hits(user: Any, q: str = "", **filter: Any) -> list[Hit]:
    """Every hit of a query through the facade, page by page."""
    hits: list[Hit] = []
    halaman = 1
    while True:
        hasil = search.cari(user, q, per_halaman=100, halaman=halaman, **filter)
        hits += hasil.hits
        if halaman >= hasil.jumlah_halaman:
            assert hasil.total == len(hits), (_nama(user), q, hasil.total, len(hits))
            return hits
        halaman += 1


def _hits_mesin(user: Any, q: str = "", **filter: Any) -> set[int]:
    """The letters the engine itself returns for the user's tokens (no facade re-check)."""
    p = layanan.permintaan(user, q, koleksi="naskah", per_halaman=100, **filter)
    hasil = mesin_mod.database().cari(p)
    assert hasil.total <= 100
    assert hasil.total == len(hasil.hits)
    return {h.objek_id for h in hasil.hits}


def _boleh(user: Any) -> set[int]:
    qs = Page.objects.type(NaskahKeluarPage, NaskahMasukPage)
    return set(akses.saring(qs, user).values_list("pk", flat=True))


def test_kueri_kosong_menemukan_tepat_naskah_yang_boleh_dibaca(terindeks: Demo) -> None:
    salah: list[tuple[str, str, Any]] = []  # (user, problem, letters)
    per_id = {n.pk: n for n in terindeks.naskah}
    jumlah_boleh = {}
    for user in terindeks.pengguna:
        boleh = _boleh(user)
        jumlah_boleh[_nama(user)] = len(boleh)
        hits = _hits(user, "", koleksi="naskah")
        dapat = {h.objek_id for h in hits}
        for h in hits:
            assert h.koleksi == "naskah" and h.kunci == f"naskah:{h.objek_id}"
            if h.objek_id not in per_id or not akses.dapat_melihat(user, per_id[h.objek_id]):
                salah.append((_nama(user), "hit not readable", h.objek_id))
        if boleh - dapat:
            salah.append((_nama(user), "readable letters not found", sorted(boleh - dapat)))
        mesin = _hits_mesin(user, "")
        if mesin != boleh:
            salah.append((_nama(user), "engine alone differs (leaked, missing)", (mesin - boleh, boleh - mesin)))
        tanpa_saring = _hits(user, "")
        if {h.objek_id for h in tanpa_saring if h.koleksi == "naskah"} != dapat:
            salah.append((_nama(user), "letters differ without the koleksi filter", None))
    assert not salah, "\n".join(map(str, salah))
    # the case is meaningful: some read everything they may, nobody reads everything, some read nothing
    assert jumlah_boleh["(anonim)"] == 0
    assert max(jumlah_boleh.values()) < len(terindeks.naskah)
    assert sum(1 for n in jumlah_boleh.values() if n) >= 10, jumlah_boleh


def test_kueri_kata_hanya_naskah_yang_boleh_dibaca(terindeks: Demo) -> None:
    # What each word finds when every token of every letter is held: the reference.
    semua_token = sorted({t for n in terindeks.naskah for t in akses.token_naskah(n)})
    salah: list[tuple[str, str, str, Any]] = []
    for q in KATA:
        p = layanan.permintaan(None, q, koleksi="naskah", per_halaman=100)
        p.token = semua_token
        rujukan = {h.objek_id for h in mesin_mod.database().cari(p).hits}
        assert rujukan, f"{q!r} must find some letter"
        for user in terindeks.pengguna:
            boleh = _boleh(user)
            dapat = {h.objek_id for h in _hits(user, q, koleksi="naskah")}
            if dapat != rujukan & boleh:
                salah.append((_nama(user), q, "facade", (dapat - boleh, (rujukan & boleh) - dapat)))
            mesin = _hits_mesin(user, q)
            if mesin != rujukan & boleh:
                salah.append((_nama(user), q, "engine", (mesin - boleh, (rujukan & boleh) - mesin)))
    assert not salah, "\n".join(map(str, salah))


def test_templat_konsep_hanya_untuk_pengelola_templat(terindeks: Demo) -> None:
    hidup = set(TemplateSuratPage.objects.live().values_list("pk", flat=True))
    draf = terindeks.draf_templat.pk
    assert hidup and draf not in hidup
    peran = {"kelola": 0, "buat": 0, "lain": 0}
    for user in terindeks.pengguna:
        dapat = {h.objek_id for h in _hits(user, "", koleksi="template")}
        aktif = user.is_authenticated and user.is_active
        if aktif and (user.is_superuser or user.has_perm("templates_surat.change_jenisnaskah")):
            peran["kelola"] += 1
            assert dapat == hidup | {draf}, _nama(user)
        elif aktif and user.has_perm("templates_surat.buat_naskah"):
            peran["buat"] += 1
            assert dapat == hidup, _nama(user)
        else:
            peran["lain"] += 1
            assert dapat == set(), _nama(user)
        judul = terindeks.draf_templat.title
        assert (draf in {h.objek_id for h in _hits(user, judul, koleksi="template")}) == (dapat == hidup | {draf})
    assert all(peran.values()), peran


def _teks_tersembunyi(naskah: Any) -> str:
    """What a secret letter says beyond its nomor and perihal: the body and the parties
    (what search.sumber would index if the letter were not secret)."""
    if isinstance(naskah, NaskahMasukPage):
        return " ".join([naskah.ringkasan or "", teks.teks_pdf(naskah.scan), naskah.pengirim, naskah.tujuan.nama])
    from naskah.dokumen import konten

    isi = konten(naskah)
    pihak = [j.nama for j in [*isi.penerima.all(), *isi.tembusan.all()]]
    return " ".join([sumber._isi_naskah_keluar(isi), *pihak])


def _dapat_cocok_sendiri(naskah: Any, w: str) -> bool:
    """Whether `w` may match the secret letter through what is indexed of it (nomor,
    perihal, their roots and one-letter typos of perihal words)."""
    nomor = naskah.nomor_surat if isinstance(naskah, NaskahMasukPage) else naskah.nomor
    sendiri = set(teks.kata(f"{nomor or ''} {naskah.perihal}")) | set(teks.dasar(naskah.perihal).split())
    return (
        w in sendiri or teks.stem(w) in sendiri or any(teks.satu_salah_ketik(w, p) for p in teks.kata(naskah.perihal))
    )


def test_naskah_rahasia_tidak_ditemukan_dari_isinya(terindeks: Demo) -> None:
    rahasia = [n for n in terindeks.naskah if n.rahasia]
    assert len(rahasia) >= 2
    salah: list[tuple[str, str, str]] = []
    for naskah in rahasia:
        tersembunyi = _teks_tersembunyi(naskah)
        kata = sorted({w for w in teks.kata(tersembunyi) if len(w) >= 5 and w.isalpha()})
        kata = [w for w in kata if not _dapat_cocok_sendiri(naskah, w)]
        assert len(kata) >= 8, (naskah.perihal, kata)
        pembaca = [u for u in terindeks.pengguna if akses.dapat_melihat(u, naskah)]
        assert pembaca, naskah.perihal
        bukan = [u for u in terindeks.pengguna if u not in pembaca]
        # readers find it by its perihal; nobody finds it by a word of its body or parties
        q_perihal = max(teks.kata(naskah.perihal), key=len)
        for user in terindeks.pengguna:
            hits = _hits(user, q_perihal, koleksi="naskah")
            ditemukan = [h for h in hits if h.objek_id == naskah.pk]
            if (user in pembaca) != bool(ditemukan):
                salah.append((_nama(user), naskah.perihal, f"perihal word {q_perihal!r}: found={bool(ditemukan)}"))
            for h in ditemukan:
                bocor = set(kata) & set(teks.kata(h.cuplikan))
                if bocor:
                    salah.append((_nama(user), naskah.perihal, f"snippet shows {sorted(bocor)}"))
        for w in kata:
            for user in [*pembaca, *bukan[:3]]:
                if naskah.pk in {h.objek_id for h in _hits(user, w, koleksi="naskah")}:
                    salah.append((_nama(user), naskah.perihal, f"found by the hidden word {w!r}"))
            p = layanan.permintaan(None, w, koleksi="naskah", per_halaman=100)
            p.token = sorted(akses.token_naskah(naskah))
            if naskah.pk in {h.objek_id for h in mesin_mod.database().cari(p).hits}:
                salah.append(("(its own tokens)", naskah.perihal, f"engine finds it by the hidden word {w!r}"))
    assert not salah, "\n".join(map(str, salah))
