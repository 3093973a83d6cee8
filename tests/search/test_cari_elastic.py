"""Engine-specific tests of search.mesin.elastic.MesinElastic against osmem-server (an
in-memory OpenSearch-API server; it has no `indonesian` analyzer, so the engine runs with
`standard` here). The query semantics shared by every engine are tested elsewhere."""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from search.mesin.dasar import Dokumen, GalatMesin, Permintaan
from search.mesin.elastic import MesinElastic, sumber_dokumen

# the engine reads the perihal vocabulary (typo correction only for unknown words) from the database
pytestmark = pytest.mark.django_db

NODE = "osmem.NodeJson"


@pytest.fixture
def mesin(osmem_server: Any) -> Iterator[MesinElastic]:
    klon = osmem_server.clone()
    try:
        yield MesinElastic(url=klon.url, prefix=f"t{uuid.uuid4().hex[:10]}", analyzer="standard", node_class=NODE)
    finally:
        klon.close()


def dok(objek_id: int, perihal: str = "Surat", koleksi: str = "naskah", **kw: Any) -> Dokumen:
    kw.setdefault("prinsipal", ["unit:1"])
    kw.setdefault("tanggal", datetime.date(2026, 1, objek_id % 28 + 1))
    return Dokumen(koleksi=koleksi, objek_id=objek_id, judul=perihal, perihal=perihal, **kw)


def cari(mesin: MesinElastic, q: str = "", token: list[str] | None = None, **kw: Any) -> list[str]:
    hasil = mesin.cari(Permintaan(token=["unit:1"] if token is None else token, q=q, **kw))
    assert hasil.mesin == "elasticsearch"
    return sorted(h.kunci for h in hasil.hits)


def indeks_koleksi(mesin: MesinElastic, koleksi: str) -> dict[str, list[str]]:
    jawab = mesin.klien.indices.get_alias(index=f"{mesin.alias(koleksi)}-*")
    return {nama: sorted(isi["aliases"]) for nama, isi in jawab.body.items()}


# --- mapping (no server) -------------------------------------------------------------


def test_mapping_pakai_analyzer_indonesian_secara_bawaan() -> None:
    m = MesinElastic(url="http://127.0.0.1:9", prefix="Lontar")
    definisi = m.definisi_indeks("lontar-naskah-0", alias="lontar-naskah").to_dict()
    prop = definisi["mappings"]["properties"]
    for nama in ("judul", "perihal", "isi", "pengirim", "penerima"):
        assert (prop[nama]["type"], prop[nama]["analyzer"]) == ("text", "indonesian"), nama
    assert prop["pengirim"]["fields"]["mentah"]["type"] == "keyword"
    assert prop["kata_dasar"] == {"type": "text", "analyzer": "standard"}
    for nama in ("kunci", "koleksi", "unit", "jenis", "arah", "sifat", "status", "klasifikasi", "prinsipal"):
        assert prop[nama]["type"] == "keyword", nama
    assert prop["nomor_kunci"]["type"] == "keyword"
    assert prop["tanggal"]["type"] == "date"
    assert prop["rahasia"]["type"] == "boolean"
    assert {prop[n]["type"] for n in ("unit_id", "tahun")} == {"integer"}
    assert definisi["aliases"] == {"lontar-naskah": {}}
    assert m.alias("naskah") == "lontar-naskah"  # index names are lower case


def test_mapping_pakai_analyzer_yang_dikonfigurasi() -> None:
    m = MesinElastic(url="http://127.0.0.1:9", analyzer="standard")
    prop = m.definisi_indeks("x").to_dict()["mappings"]["properties"]
    assert prop["isi"]["analyzer"] == "standard"
    assert prop["perihal"]["analyzer"] == "standard"


def test_dokumen_rahasia_hanya_nomor_dan_perihal() -> None:
    d = dok(1, "Nota dinas khusus", nomor="B/1/2026", isi="isi rahasia", pengirim="Kepala", rahasia=True)
    src = sumber_dokumen(d)
    assert (src["isi"], src["pengirim"], src["penerima"]) == ("", "", "")
    assert "rahasia" not in src["kata_dasar"].split()
    assert src["nomor_kunci"] == "b/1/2026"
    assert src["kunci"] == "naskah:1"


# --- against osmem ------------------------------------------------------------------


def test_simpan_cari_hapus_jumlah(mesin: MesinElastic) -> None:
    assert mesin.sehat()
    assert mesin.jumlah("naskah") == 0
    assert cari(mesin, "apa saja") == []  # no index yet: no hits, no error
    mesin.simpan([dok(1, "Undangan rapat"), dok(2, "Laporan kegiatan"), dok(3, "Brosur", koleksi="publik")])
    assert (mesin.jumlah("naskah"), mesin.jumlah("publik"), mesin.jumlah("template")) == (2, 1, 0)
    assert indeks_koleksi(mesin, "naskah") == {f"{mesin.alias('naskah')}-0": [mesin.alias("naskah")]}
    assert cari(mesin, "rapat") == ["naskah:1"]
    assert cari(mesin) == ["naskah:1", "naskah:2", "publik:3"]
    assert cari(mesin, koleksi="publik") == ["publik:3"]
    mesin.simpan([dok(1, "Undangan apel")])  # reindex replaces (doc id = kunci)
    assert cari(mesin, "rapat") == []
    mesin.hapus(["naskah:1", "template:1", "publik:1", "naskah:999"])  # missing ones are ignored
    assert mesin.jumlah("naskah") == 1
    assert cari(mesin, "apel") == []


def test_filter_prinsipal(mesin: MesinElastic) -> None:
    mesin.simpan(
        [dok(1, "Undangan rapat", prinsipal=["unit:1", "user:7"]), dok(2, "Undangan rapat", prinsipal=["u:2"])]
    )
    assert cari(mesin, "rapat", token=["user:8", "unit:9"]) == []
    assert cari(mesin, "", token=["user:8"]) == []
    assert cari(mesin, "rapat", token=[]) == []
    assert cari(mesin, "rapat", token=["user:7"]) == ["naskah:1"]
    hasil = mesin.cari(Permintaan(token=["nobody"], q=""))
    assert hasil.total == 0
    assert all(not daftar for daftar in hasil.faset.values())


def test_sorotan_mark_dan_html_di_escape(mesin: MesinElastic) -> None:
    mesin.simpan(
        [dok(1, "Permohonan izin <b>cuti</b>", isi="Dengan hormat, <script>alert(1)</script> izin cuti tahunan.")]
    )
    hit = mesin.cari(Permintaan(token=["unit:1"], q="tahunan")).hits[0]
    assert "<mark>tahunan</mark>" in hit.cuplikan
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hit.cuplikan
    assert "<script>" not in hit.cuplikan
    # a word found only in perihal: the perihal highlight, escaped
    hit = mesin.cari(Permintaan(token=["unit:1"], q="permohonan")).hits[0]
    assert "<mark>Permohonan</mark>" in hit.cuplikan
    assert "<b>" not in hit.cuplikan


def test_cuplikan_kata_dasar_lewat_tandai(mesin: MesinElastic) -> None:
    # `standard` does not stem: the match comes from kata_dasar, the snippet from tandai()
    mesin.simpan([dok(1, "Surat", isi="Kami memohon bantuan anggaran.")])
    hasil = mesin.cari(Permintaan(token=["unit:1"], q="permohonan"))
    assert [h.kunci for h in hasil.hits] == ["naskah:1"]
    assert "<mark>memohon</mark>" in hasil.hits[0].cuplikan


def test_nomor_prefix_salah_ketik_faset_urut(mesin: MesinElastic) -> None:
    tahun_lalu = {"tanggal": datetime.date(2025, 3, 1)}
    mesin.simpan(
        [
            dok(
                1,
                "Undangan rapat koordinasi",
                nomor="000.8.3.3/15",
                unit_id=5,
                unit="Bagian Umum",
                jenis="undangan",
                **tahun_lalu,
            ),
            dok(2, "Laporan koordinasi", nomor="000.8.4/2", unit_id=6, unit="Dinas Kominfo", jenis="laporan"),
            dok(
                3,
                "Undangan senam",
                nomor="005/1",
                unit_id=5,
                unit="Bagian Umum",
                jenis="undangan",
                sifat="B",
                tanggal=datetime.date(2025, 6, 1),
            ),
        ]
    )
    assert cari(mesin, "000.8.3") == ["naskah:1"]
    assert cari(mesin, "000.8") == ["naskah:1", "naskah:2"]
    assert cari(mesin, "koordniasi") == ["naskah:1", "naskah:2"]  # transposition
    assert cari(mesin, "rapta") == ["naskah:1"]  # 5 letters: one typo allowed
    assert cari(mesin, "oordinasi") == ["naskah:1", "naskah:2"]  # the first letter too
    assert cari(mesin, "rapa") == []  # shorter words must be exact
    assert cari(mesin, "undangan koordinasi") == ["naskah:1"]  # every word must match
    hasil = mesin.cari(Permintaan(token=["unit:1"], q="", urut="tanggal"))
    assert [h.kunci for h in hasil.hits] == ["naskah:2", "naskah:3", "naskah:1"]
    assert [(f.nilai, f.label, f.jumlah) for f in hasil.faset["unit"]] == [
        ("5", "Bagian Umum", 2),
        ("6", "Dinas Kominfo", 1),
    ]
    assert [(f.nilai, f.jumlah) for f in hasil.faset["jenis"]] == [("undangan", 2), ("laporan", 1)]
    assert [(f.nilai, f.label, f.jumlah) for f in hasil.faset["sifat"]] == [("B", "Biasa", 1)]
    assert [(f.nilai, f.jumlah) for f in hasil.faset["tahun"]] == [("2026", 1), ("2025", 2)]  # newest year first
    assert [
        h.kunci for h in mesin.cari(Permintaan(token=["unit:1"], tahun=2025, dari=datetime.date(2025, 4, 1))).hits
    ] == ["naskah:3"]
    hasil = mesin.cari(Permintaan(token=["unit:1"], q="undangan", unit=5, per_halaman=1, halaman=2))
    assert hasil.total == 2 and len(hasil.hits) == 1
    assert [(f.nilai, f.jumlah) for f in hasil.faset["unit"]] == [("5", 2)]
    hasil = mesin.cari(Permintaan(token=["unit:1"], q="undangan", halaman=500, per_halaman=100))
    assert hasil.total == 2 and hasil.hits == []  # deep pages: empty, never a 400


def test_saringan_pengirim_penerima_mengandung(mesin: MesinElastic) -> None:
    mesin.simpan(
        [
            dok(1, pengirim="Dinas Kesehatan Kota", penerima="Camat Utara; Lurah Baru", klasifikasi="000.8.3"),
            dok(2, pengirim="Bagian Umum", penerima="Sekretaris Daerah", klasifikasi="400.1"),
        ]
    )
    assert cari(mesin, pengirim="dinas kes") == ["naskah:1"]
    assert cari(mesin, pengirim="KESEHAT") == ["naskah:1"]
    assert cari(mesin, penerima="lurah") == ["naskah:1"]
    assert cari(mesin, pengirim="*") == []  # wildcard characters are literal
    assert cari(mesin, pengirim="Bagian?Umum") == []
    assert cari(mesin, klasifikasi="000.8") == ["naskah:1"]
    assert cari(mesin, klasifikasi="000.9") == []


def test_bangun_ulang_ganti_alias(mesin: MesinElastic) -> None:
    alias = mesin.alias("naskah")
    mesin.simpan([dok(1, "Undangan rapat"), dok(2, "Nota hilang")])
    lama = f"{alias}-0"
    target = mesin.mulai_bangun("naskah")
    assert target.startswith(alias + "-") and target != lama
    mesin.simpan_bangun(target, [dok(1, "Undangan rapat")])  # naskah:2 no longer exists
    # until selesai_bangun the live index answers, including the vanished document
    assert cari(mesin, "hilang") == ["naskah:2"]
    assert mesin.jumlah("naskah") == 2
    # a change during the rebuild reaches both the live and the new index
    mesin.simpan([dok(3, "Surat edaran baru")])
    assert cari(mesin, "edaran") == ["naskah:3"]
    mesin.hapus(["naskah:1"])
    mesin.selesai_bangun("naskah", target)
    assert indeks_koleksi(mesin, "naskah") == {target: [alias]}
    assert cari(mesin, "hilang") == []
    assert cari(mesin) == ["naskah:3"]
    assert mesin.jumlah("naskah") == 1


def test_bangun_ulang_pertama_tanpa_alias(mesin: MesinElastic) -> None:
    target = mesin.mulai_bangun("template")
    assert mesin.jumlah("template") == 0
    mesin.simpan_bangun(target, [dok(1, "Templat undangan", koleksi="template")])
    assert cari(mesin, "undangan") == []
    mesin.selesai_bangun("template", target)
    assert cari(mesin, "undangan") == ["template:1"]
    with pytest.raises(ValueError):
        mesin.simpan_bangun("indeks-lain", [dok(2, koleksi="template")])


def test_mesin_mati() -> None:
    m = MesinElastic(url="http://127.0.0.1:9", prefix="mati", analyzer="standard", timeout=2, node_class=NODE)
    mulai = time.monotonic()
    with pytest.raises(GalatMesin):
        m.cari(Permintaan(token=["unit:1"], q="rapat"))
    assert time.monotonic() - mulai < 3
    assert m.sehat() is False
    with pytest.raises(GalatMesin):
        m.simpan([dok(1)])
    with pytest.raises(GalatMesin):
        m.hapus(["naskah:1"])
    with pytest.raises(GalatMesin):
        m.jumlah("naskah")
    with pytest.raises(GalatMesin):
        m.mulai_bangun("naskah")
