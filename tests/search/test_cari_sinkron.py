"""The index follows the letters: registering, disposing, withdrawing, deleting; an
engine that is down never stops a letter and the search falls back to the database;
indeks_ulang rebuilds and resumes. Runs on the real pipeline (signals → Celery task,
eager in tests) with the database engine, plus the Elasticsearch fallback with a dead URL."""

from __future__ import annotations

import datetime
import itertools
from io import StringIO
from typing import Any

import pytest
import weasyprint
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

import search
from naskah import layanan_masuk
from naskah.models import NaskahMasukPage
from search import indeks_ulang, mesin
from search.models import DokumenCari, ProsesIndeks, StatusProses
from search.sumber import semua_kunci


def user(nama: str) -> Any:
    return get_user_model().objects.get(username=nama)


def jabatan(nama: str) -> Any:
    return user(nama).pegawai.jabatan


def pdf_dengan_teks(teks: str) -> SimpleUploadedFile:
    isi = weasyprint.HTML(string=f"<html><body><p>{teks}</p></body></html>").write_pdf()
    return SimpleUploadedFile("surat.pdf", isi, content_type="application/pdf")


URUT_NOMOR = itertools.count(101)


@pytest.fixture
def catat(demo: None, django_capture_on_commit_callbacks: Any):  # type: ignore[no-untyped-def]
    """Register an external letter for the Kepala Diskominfo, running the index tasks the
    commit queues (as a worker would)."""

    def _catat(perihal: str, *, sifat: str = "B", teks_scan: str = "", ringkasan: str = "") -> NaskahMasukPage:
        with django_capture_on_commit_callbacks(execute=True):
            return layanan_masuk.daftarkan(
                user("operator"),
                tujuan=jabatan("pejabat"),
                nomor_surat=f"005/{next(URUT_NOMOR)}/BAPPEDA/2026",  # unique: a repeat is refused as duplicate
                tanggal_surat=timezone.localdate() - datetime.timedelta(days=1),
                pengirim="Kepala Bappeda Kota Sukamaju",
                perihal=perihal,
                sifat=sifat,
                ringkasan=ringkasan,
                scan=pdf_dengan_teks(teks_scan or "Surat tanpa isi khusus."),
            )

    return _catat


def ids(hasil: Any) -> set[int]:
    return {h.objek_id for h in hasil.hits}


def test_naskah_masuk_terindeks_termasuk_teks_pdf_dan_hanya_untuk_yang_berhak(catat: Any) -> None:
    naskah = catat(
        "Undangan musyawarah perencanaan pembangunan", teks_scan="Agenda membahas jembatan gantung Cibeureum"
    )
    assert DokumenCari.objects.filter(kunci=f"naskah:{naskah.pk}").exists()
    hasil = search.cari(user("pejabat"), "jembatan gantung")
    assert naskah.pk in ids(hasil)
    assert "<mark>" in hasil.hits[0].cuplikan
    # the perihal too, with a root: "perencanaan" finds "merencanakan"'s root "rencana"
    assert naskah.pk in ids(search.cari(user("pejabat"), "rencana"))
    # another OPD's operator may not read it: not in their results, not in their counts
    lain = search.cari(user("operator.dinkes"), "jembatan gantung")
    assert lain.total == 0 and not lain.hits


def test_disposisi_baru_memberi_akses_cari_dan_pembatalan_mencabutnya(
    catat: Any, django_capture_on_commit_callbacks: Any
) -> None:
    naskah = catat("Permintaan narasumber literasi digital", sifat="R")
    penerima = user("kasi.pip")
    assert naskah.pk not in ids(search.cari(penerima, "narasumber"))
    with django_capture_on_commit_callbacks(execute=True):
        (d,) = layanan_masuk.disposisikan(
            NaskahMasukPage.objects.get(pk=naskah.pk),
            user("pejabat"),
            kepada_jabatan=[jabatan("kasi.pip")],
            instruksi=["dipelajari"],
        )
    dokumen = DokumenCari.objects.get(kunci=f"naskah:{naskah.pk}")
    assert f"j:{jabatan('kasi.pip').pk}" in dokumen.prinsipal
    assert naskah.pk in ids(search.cari(user("kasi.pip"), "narasumber"))
    with django_capture_on_commit_callbacks(execute=True):
        layanan_masuk.batalkan(d, user("pejabat"))
    assert naskah.pk not in ids(search.cari(user("kasi.pip"), "narasumber"))


def test_naskah_rahasia_tidak_dicari_dari_isi_dan_tanpa_cuplikan_isi(catat: Any) -> None:
    naskah = catat(
        "Laporan pemeriksaan khusus", sifat="R", teks_scan="temuan penyimpangan dana hibah", ringkasan="dana hibah"
    )
    pejabat = user("pejabat")
    assert naskah.pk in ids(search.cari(pejabat, "pemeriksaan khusus"))
    assert naskah.pk not in ids(search.cari(pejabat, "penyimpangan"))
    dokumen = DokumenCari.objects.get(kunci=f"naskah:{naskah.pk}")
    assert dokumen.isi == "" and dokumen.pengirim == "" and "hibah" not in dokumen.kata_dasar
    (hit,) = [h for h in search.cari(pejabat, "pemeriksaan").hits if h.objek_id == naskah.pk]
    assert "hibah" not in hit.cuplikan


def test_konsep_dihapus_hilang_dari_indeks(demo: None, django_capture_on_commit_callbacks: Any) -> None:
    from naskah import layanan
    from naskah.models import NaskahKeluarPage
    from templates_surat.models import TemplateSuratPage

    with django_capture_on_commit_callbacks(execute=True):
        konsep = layanan.buat_konsep(
            user("operator"),
            TemplateSuratPage.objects.get(slug="surat-dinas"),
            perihal="Permohonan pemeliharaan jaringan fiber",
            isian={"dasar": "Rencana kerja 2026", "isi_pokok": "Kami mohon dukungan pemeliharaan jaringan."},
            penerima=[jabatan("kadinkes")],
        )
    assert konsep.pk in ids(search.cari(user("operator"), "pemeliharaan"))
    with django_capture_on_commit_callbacks(execute=True):
        NaskahKeluarPage.objects.get(pk=konsep.pk).delete()
    assert not DokumenCari.objects.filter(kunci=f"naskah:{konsep.pk}").exists()
    assert search.cari(user("operator"), "pemeliharaan").total == 0


def test_halaman_publik_terbit_dan_ditarik(demo: None, django_capture_on_commit_callbacks: Any) -> None:
    from wagtail.models import Site

    beranda = Site.objects.get(is_default_site=True).root_page.specific
    beranda.title = "Beranda Pemerintah Kota Sukamaju"
    with django_capture_on_commit_callbacks(execute=True):
        beranda.save_revision().publish()
    from django.contrib.auth.models import AnonymousUser

    warga = AnonymousUser()  # citizens: the public token only
    hasil = search.cari(warga, "sukamaju", koleksi="publik")
    assert beranda.pk in ids(hasil)
    assert search.cari(warga, "").total == hasil.total  # nothing but public pages for citizens
    with django_capture_on_commit_callbacks(execute=True):
        beranda.unpublish()
    assert search.cari(warga, "sukamaju").total == 0


def test_mesin_mati_naskah_tetap_tersimpan_dan_pencarian_jatuh_ke_basis_data(
    catat: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.LONTAR_SEARCH_BACKEND = "elasticsearch"
    settings.LONTAR_SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    settings.LONTAR_SEARCH_TIMEOUT = 1
    mesin.lupakan()
    try:
        naskah = catat("Undangan sosialisasi keterbukaan informasi")  # saves; the index task retries and gives up
        assert NaskahMasukPage.objects.filter(pk=naskah.pk).exists()
        assert DokumenCari.objects.filter(kunci=f"naskah:{naskah.pk}").exists()  # the database index is written first
        hasil = search.cari(user("pejabat"), "sosialisasi")
        assert hasil.mesin == "database"
        assert "tidak tersedia" in hasil.pemberitahuan
        assert naskah.pk in ids(hasil)
        rows = indeks_ulang.status()
        assert all(not r["sehat"] for r in rows)
    finally:
        mesin.lupakan()


def test_mesin_mati_naskah_keluar_tetap_ditandatangani_dan_dikirim(
    demo: None, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from naskah import layanan
    from naskah.models import NaskahKeluarPage, StatusNaskah
    from templates_surat.models import TemplateSuratPage

    settings.LONTAR_SEARCH_BACKEND = "elasticsearch"
    settings.LONTAR_SEARCH_URL = "http://127.0.0.1:9"
    settings.LONTAR_SEARCH_TIMEOUT = 1
    mesin.lupakan()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            naskah = layanan.buat_konsep(
                user("operator"),
                TemplateSuratPage.objects.get(slug="surat-dinas"),
                perihal="Permohonan narasumber pelatihan keamanan informasi",
                klasifikasi="000.1.2.3",
                isian={"dasar": "Program kerja 2026", "isi_pokok": "Kami mohon kesediaan narasumber."},
                penerima=[jabatan("kadinkes")],
                penandatangan=jabatan("pejabat"),
            )
        with django_capture_on_commit_callbacks(execute=True):
            naskah = layanan.ajukan(naskah, user("operator"))
        with django_capture_on_commit_callbacks(execute=True):
            naskah = layanan.setujui(naskah, user("pejabat"))
        naskah = NaskahKeluarPage.objects.get(pk=naskah.pk)
        assert naskah.status == StatusNaskah.TERKIRIM and naskah.nomor
        # found from the database index, with the notice, by its number
        hasil = search.cari(user("pejabat"), naskah.nomor)
        assert naskah.pk in ids(hasil) and hasil.pemberitahuan
        # the recipient's incoming copy is searchable by the recipient
        assert search.cari(user("kadinkes"), "narasumber", arah="masuk").total == 1
    finally:
        mesin.lupakan()


def test_indeks_ulang_membangun_ulang_dan_membuang_dokumen_yatim(catat: Any) -> None:
    a = catat("Undangan apel kesiapsiagaan bencana")
    b = catat("Permohonan data statistik sektoral")
    # an orphan document (its page is gone without a signal) and a stale one
    mesin.database().simpan(
        [mesin.Dokumen(koleksi="naskah", objek_id=999_999, judul="yatim", perihal="yatim", prinsipal=["admin"])]
    )
    DokumenCari.objects.filter(kunci=f"naskah:{a.pk}").update(perihal="basi")
    keluar = StringIO()
    call_command("indeks_ulang", "--model", "naskah", "--batch", "1", stdout=keluar, stderr=StringIO())
    assert "objek diindeks" in keluar.getvalue()
    assert not DokumenCari.objects.filter(kunci="naskah:999999").exists()
    assert DokumenCari.objects.get(kunci=f"naskah:{a.pk}").perihal == "Undangan apel kesiapsiagaan bencana"
    jumlah = sum(len(k) for k in semua_kunci("naskah"))
    assert DokumenCari.objects.filter(koleksi="naskah").count() == jumlah
    assert b.pk in ids(search.cari(user("pejabat"), "statistik sektoral"))
    proses = ProsesIndeks.objects.get(koleksi="naskah")
    assert proses.status == StatusProses.SELESAI and proses.persen == 100


def test_indeks_ulang_yang_terhenti_dilanjutkan(catat: Any, monkeypatch: Any) -> None:
    for perihal in ("Surat satu koordinasi", "Surat dua koordinasi", "Surat tiga koordinasi"):
        catat(perihal)
    proses = indeks_ulang.mulai("naskah")
    asli = mesin.database().simpan_bangun
    panggilan = {"n": 0}

    def gagal_kedua(self: Any, target: str, dokumen: list[Any]) -> None:
        panggilan["n"] += 1
        if panggilan["n"] == 2:
            raise mesin.GalatMesin("mesin mati di tengah jalan")
        asli(target, dokumen)

    from search.mesin.basisdata import MesinDatabase

    monkeypatch.setattr(MesinDatabase, "simpan_bangun", gagal_kedua)
    with pytest.raises(mesin.GalatMesin):
        indeks_ulang.jalankan(proses.pk, batas=1)
    proses.refresh_from_db()
    assert proses.status == StatusProses.GAGAL and proses.selesai == 1 and "mati" in proses.galat
    # while unfinished, the old generation still answers
    assert search.cari(user("pejabat"), "koordinasi").total >= 3
    monkeypatch.setattr(MesinDatabase, "simpan_bangun", lambda self, t, d: asli(t, d))
    assert indeks_ulang.mulai("naskah").pk == proses.pk  # resumed, not doubled
    indeks_ulang.jalankan(proses.pk, batas=1)
    proses.refresh_from_db()
    assert proses.status == StatusProses.SELESAI
    assert proses.selesai == sum(len(k) for k in semua_kunci("naskah"))
    assert search.cari(user("pejabat"), "koordinasi").total >= 3


def test_tugas_indeks_idempoten(catat: Any) -> None:
    from search.tasks import indeks_dokumen

    naskah = catat("Pemberitahuan jadwal uji kompetensi")
    kunci = f"naskah:{naskah.pk}"
    assert indeks_dokumen.apply(args=[kunci]).get() is True
    assert indeks_dokumen.apply(args=[kunci]).get() is True
    assert DokumenCari.objects.filter(kunci=kunci).count() == 1
    prinsipal = DokumenCari.objects.get(kunci=kunci).prinsipal
    assert prinsipal and len(prinsipal) == len(set(prinsipal))
    assert indeks_dokumen.apply(args=["naskah:987654"]).get() is False


@pytest.mark.parametrize(
    "filter, pesan",
    [
        ({"dari": "kemarin"}, "Tanggal"),
        ({"unit": "dinkes"}, "angka"),
        ({"dari": "2026-05-01", "sampai": "2026-01-01"}, "sebelum"),
        ({"urut": "acak"}, "Urutan"),
        ({"halaman": "0"}, "rentang"),
        ({"warna": "merah"}, "tidak dikenal"),
    ],
)
def test_saringan_salah_memberi_pesan_jelas(demo: None, filter: dict[str, str], pesan: str) -> None:
    from search.layanan import GalatPermintaan

    with pytest.raises(GalatPermintaan, match=pesan):
        search.cari(user("operator"), "rapat", **filter)


def test_kueri_aneh_tidak_pernah_gagal(catat: Any) -> None:
    catat("Undangan rapat evaluasi")
    for q in ['"', "((", "*:*", "AND OR NOT", "\\", "a" * 5000, "rapat " * 1000, "🙂", "'; DROP TABLE x; --"]:
        hasil = search.cari(user("pejabat"), q)
        assert hasil.total >= 0 and isinstance(hasil.hits, list)
