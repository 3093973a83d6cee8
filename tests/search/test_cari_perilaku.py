"""One behavioural suite for every search engine (`mesin`: database and Elasticsearch on
osmem-server), checking the query semantics documented in search/mesin/dasar.py against
the seeded corpus in korpus.py.

Expectations are written by hand and name letters by their nomor. `persis`: exactly
these letters; `atas`: each of these is among the first three; `ada`: each is found;
`tidak`: none of these is found. Filter expectations are computed from the corpus in
Python (exact, prefix, contains and date-range rules are simple enough to restate)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from korpus import ISI_RAHASIA, SEMUA, UNIT, cari, korpus, teks_rahasia

from search.mesin.dasar import FACET, Dokumen, Hasil, Mesin, kata_kueri
from search.teks import kata

KORPUS = korpus()
PER_NOMOR = {d.nomor: d for d in KORPUS}
SEMUA_NOMOR = frozenset(PER_NOMOR)
MAKS = 100  # one page holds every letter of the corpus

VAKSINASI = {"000.7.2/61/DISKOMINFO/2025", "000.7.3/70/DISKOMINFO/2025", "400.7/88/DINKES/2026", "440/301/DINKES/2025"}
BANJIR = {
    *("360/19/SETDA/2026", "360/23/DINKES/2026", "300.2/45/BPBD/2025", "360/77/BPBD/2026"),
    *("360/81/BPBD/2026", "360/41/KEC-SKT/2026", "900.1.3/71/BPKAD/2026"),
}
STUNTING_PERIHAL = {"000.5.2/88/SETDA/2025", "400.5/908/BAPPEDA-JB/2025"}
STUNTING_ISI = {"400.7.2/33/DINKES/2026", "400.3.8/30/DISDIKBUD/2026"}
KOORDINASI_PERIHAL = {
    *STUNTING_PERIHAL,
    *("360/19/SETDA/2026", "000.7.2/61/DISKOMINFO/2025", "300.2/46/BPBD/2025"),
}
PPID = {
    *("000.9.2/7/DISKOMINFO/2026", "07/LSM-PA/III/2026", "12/PIP/2025"),
    *("045/KI-JB/XI/2025", "000.8.3.3/90/DISKOMINFO/2025"),
}
KEPEGAWAIAN_PERIHAL = {"000.8.3.3/15/DISKOMINFO/2026", "800.1.11.1/203/BKPSDM/2025", "800.1.11.1/57/BKPSDM/2026"}
# Letters without any word rooted in "mohon" (permohonan, memohon, dimohon, pemohon, mohon).
TANPA_MOHON = {"100.3.4/21/SETDA/2025", "360/19/SETDA/2026", "400.7/12/DINKES/2025", "300.2.1/9/BPBD/2026"}
XSS = "000.8.4/9/DISKOMINFO/2026"
PANJANG = "000.9.5/2/DISKOMINFO/2026"


@dataclass(frozen=True)
class Kasus:
    id: str
    q: str
    filter: dict[str, Any] = field(default_factory=dict)
    persis: frozenset[str] | None = None
    atas: tuple[str, ...] = ()
    ada: tuple[str, ...] = ()
    tidak: tuple[str, ...] = ()


def K(  # noqa: N802 - a table of cases reads better with one-letter constructors
    id: str, q: str, persis: set[str] | None = None, atas: Any = (), ada: Any = (), tidak: Any = (), **f: Any
) -> Any:
    kasus = Kasus(id, q, f, frozenset(persis) if persis is not None else None, tuple(atas), tuple(ada), tuple(tidak))
    for n in (*(kasus.persis or ()), *kasus.atas, *kasus.ada, *kasus.tidak):
        assert n in PER_NOMOR, f"{id}: unknown nomor {n}"
    return pytest.param(kasus, id=id)


# fmt: off
KUERI = [
    # --- letter numbers: prefix on nomor, case-insensitive, exact numbers included ---------
    K("nomor-persis", "000.8.3.3/15/DISKOMINFO/2026", {"000.8.3.3/15/DISKOMINFO/2026"}),
    K("nomor-huruf-kecil", "000.8.3.3/15/diskominfo/2026", {"000.8.3.3/15/DISKOMINFO/2026"}),
    K("nomor-awalan", "000.8.3.3/15", {"000.8.3.3/15/DISKOMINFO/2026", "000.8.3.3/15/DISKOMINFO/2025"}),
    K("nomor-klasifikasi", "400.7", {
        *("400.7/88/DINKES/2026", "400.7/12/DINKES/2025", "400.7.2/19/DINKES/2026", "400.7.4/6/DINKES/2025"),
        *("400.7.2/33/DINKES/2026", "400.7/1120/KEMENKES/2025", "400.7/150/DINKES/2026"),
    }),
    K("nomor-klasifikasi-panjang", "000.8.3.3", {
        *("000.8.3.3/15/DISKOMINFO/2026", "000.8.3.3/15/DISKOMINFO/2025", "000.8.3.3/31/DISKOMINFO/2026"),
        *("000.8.3.3/27/DISKOMINFO/2026", "000.8.3.3/90/DISKOMINFO/2025"),
    }),
    K("nomor-bkpsdm", "800.1.11.1/203/BKPSDM/2025", {"800.1.11.1/203/BKPSDM/2025"}),
    K("nomor-masuk-tanda-hubung", "0231/PLN/UP3-SKM/2026", {"0231/PLN/UP3-SKM/2026"}),
    K("nomor-huruf-di-depan", "b/1123", {"B/1123/VIII/2025/RES-SKM"}),
    K("nomor-dan-kata", "000.8.3.3 sosialisasi", {"000.8.3.3/31/DISKOMINFO/2026"}),
    K("nomor-tidak-ada", "999.9/1", set()),
    K("kata-dalam-nomor", "diskominfo", {
        *("000.8.3.3/15/DISKOMINFO/2026", "000.8.3.3/15/DISKOMINFO/2025", "000.8.3.3/31/DISKOMINFO/2026"),
        *("000.9.2/7/DISKOMINFO/2026", "000.8.2/44/DISKOMINFO/2025", "000.7.2/61/DISKOMINFO/2025"),
        *("400.14.2/3/DISKOMINFO/2025", "000.7.3/70/DISKOMINFO/2025", XSS, PANJANG),
        *("000.8.3.3/27/DISKOMINFO/2026", "000.8.3.3/90/DISKOMINFO/2025"),
    }),
    # --- perihal and body words ------------------------------------------------------------
    K("perihal-stunting", "stunting", {*STUNTING_PERIHAL, *STUNTING_ISI}, atas=STUNTING_PERIHAL),
    K("perihal-vaksinasi", "Vaksinasi", VAKSINASI),
    K("perihal-dua-kata", "pemadaman listrik", {"000.3.2/56/SETDA/2026", "0231/PLN/UP3-SKM/2026"}),
    K("perihal-kurikulum", "kurikulum", {"400.3.5/12/DISDIKBUD/2025"}),
    K("perihal-rahasia", "gratifikasi", {"R-17/INSP-JB/2026"}),
    K("perihal-di-atas-isi-cuaca", "cuaca", {"300.2/45/BPBD/2025", "300.2.1/9/BPBD/2026", "B-122/KSUK/2026"},
      atas=("300.2.1/9/BPBD/2026", "B-122/KSUK/2026")),
    K("perihal-di-atas-isi-logistik", "logistik", atas=("360/77/BPBD/2026",), persis={
        "300.2/46/BPBD/2025", "360/77/BPBD/2026", "360/81/BPBD/2026", "400.7/1120/KEMENKES/2025"}),
    K("perihal-di-atas-isi-pensiun", "pensiun", atas=("800.1.15/901/KR.III/2026",), persis={
        "800.1.11.1/203/BKPSDM/2025", "800.1.11.1/57/BKPSDM/2026", "800.1.15/901/KR.III/2026"}),
    K("perihal-di-atas-isi-posyandu", "posyandu", atas=("400.7.2/19/DINKES/2026",),
      persis={"000.5.2/88/SETDA/2025", "400.7.2/19/DINKES/2026", "400.7.2/33/DINKES/2026"}),
    K("isi-leptospirosis", "leptospirosis", {"400.7/150/DINKES/2026"}),
    K("isi-genset", "genset", {"000.3.2/56/SETDA/2026"}, tidak=("0231/PLN/UP3-SKM/2026",)),
    K("isi-ppid", "PPID", PPID),
    K("isi-akhir-naskah-panjang", "rekapitulasi", {PANJANG}),
    K("isi-bukan-rahasia", "tuberkulosis", {"UN/2290/FKM/2025"}, tidak=("400.7.4/6/DINKES/2025",)),
    K("isi-xss", "xss", {XSS}),
    # --- Indonesian roots: permohonan, memohon, dimohon find each other ---------------------------
    K("akar-memohon", "memohon", tidak=TANPA_MOHON,
      ada=("000.9.2/7/DISKOMINFO/2026", "440/301/DINKES/2025", "000.8.3.3/15/DISKOMINFO/2025")),
    K("akar-dimohon", "dimohon", ada=("000.9.2/7/DISKOMINFO/2026", "300.1.4/7/SETDA/2025", "045/KI-JB/XI/2025"),
      tidak=TANPA_MOHON),
    K("akar-permohonan", "permohonan", ada=("440/301/DINKES/2025", "000.5.2/88/SETDA/2025", "PW.01/3312/DPR-RI/2026"),
      tidak=TANPA_MOHON),
    K("akar-selektif", "dimohon rekonsiliasi", {"900.1.15/21/BPKAD/2025"}),
    K("akar-memohon-vaksinasi", "memohon vaksinasi", {"400.7/88/DINKES/2026", "440/301/DINKES/2025"}),
    K("akar-kebanjiran", "kebanjiran", BANJIR),
    K("akar-disosialisasikan", "disosialisasikan", {"000.8.3.3/31/DISKOMINFO/2026", "400.3.5/12/DISDIKBUD/2025"}),
    K("akar-penganggaran", "penganggaran",
      ada=("000.9.2/7/DISKOMINFO/2026", "900.1.3/9/BPKAD/2026", "900.1.3/60/BPKAD/2025", "07/LSM-PA/III/2026"),
      tidak=("100.3.4/21/SETDA/2025", "400.7/88/DINKES/2026")),
    # --- typos: one edit from a perihal word (5+ letters) -------------------------------------
    K("salah-ketik-hilang-huruf", "koordinsi", ada=KOORDINASI_PERIHAL, tidak=("400.7/88/DINKES/2026",)),
    K("salah-ketik-ganti-huruf", "stuntimg", ada=STUNTING_PERIHAL, atas=STUNTING_PERIHAL,
      tidak=("360/19/SETDA/2026",)),
    K("salah-ketik-hilang-akhir", "pemadamn", ada=("000.3.2/56/SETDA/2026", "0231/PLN/UP3-SKM/2026")),
    K("salah-ketik-tambah-huruf", "vaksinnasi", ada=VAKSINASI, tidak=("400.7/12/DINKES/2025",)),
    K("salah-ketik-tukar-huruf", "vaksniasi", ada=VAKSINASI, tidak=("400.7/12/DINKES/2025",)),
    K("salah-ketik-kepegawaian", "kepegawain", ada=KEPEGAWAIAN_PERIHAL, tidak=("360/19/SETDA/2026",)),
    K("salah-ketik-kurikulum", "kurikulm", {"400.3.5/12/DISDIKBUD/2025"}),
    K("salah-ketik-huruf-pertama", "tunting", ada=STUNTING_PERIHAL),
    K("dua-salah-ketik-tidak", "kordinsi", set()),
    # --- several words: all must match ------------------------------------------------------
    K("semua-kata-stunting", "rapat koordinasi stunting", STUNTING_PERIHAL),
    K("semua-kata-rapat-banjir", "rapat banjir", {"360/19/SETDA/2026"}),
    K("semua-kata-vaksinasi-sekolah", "vaksinasi sekolah", {"400.7/88/DINKES/2026", "440/301/DINKES/2025"}),
    K("semua-kata-informasi-anggaran", "informasi publik anggaran",
      {"000.9.2/7/DISKOMINFO/2026", "07/LSM-PA/III/2026"}),
    K("semua-kata-pengadaan", "pengadaan barang dan jasa", {"027/45/DINKES/2025", "000.3.3/25/BPKAD/2026"}),
    K("semua-kata-tanpa-hasil", "stunting listrik", set()),
    # --- parties: pengirim / penerima ----------------------------------------------------
    K("pengirim-tirta", "tirta", {"690/77/TIRTA/2026"}),
    K("pengirim-wartawan", "wartawan", {"31/PWI-SKM/2026"}),
    K("pengirim-perorangan", "Fauzi", {"12/PIP/2025"}),
    K("penerima-camat", "camat", {
        *("100.3.4/21/SETDA/2025", "000.5.2/88/SETDA/2025", "360/19/SETDA/2026", "400.7/12/DINKES/2025"),
        *("300.2/45/BPBD/2025", "360/41/KEC-SKT/2026"),
    }),
    K("pengirim-penerima-kepolisian", "kepolisian resor", {"300.1.4/7/SETDA/2025", "B/1123/VIII/2025/RES-SKM"}),
    # --- words together with filters ---------------------------------------------------
    K("kata-dan-jenis", "banjir", {"360/23/DINKES/2026", "360/81/BPBD/2026"}, jenis="Surat Tugas"),
    K("kata-dan-unit", "rapat", {"000.5.2/88/SETDA/2025", "360/19/SETDA/2026", "300.1.4/7/SETDA/2025"}, unit=1),
    K("kata-dan-tahun", "libur", {"100.3.4/40/SETDA/2026"}, tahun=2026),
    K("kata-dan-status", "imunisasi", {"400.7/1120/KEMENKES/2025"}, status="didisposisi"),
    K("kata-dan-arah", "informasi publik", {"07/LSM-PA/III/2026", "12/PIP/2025", "045/KI-JB/XI/2025"}, arah="masuk"),
    K("kata-dan-pengirim", "pemadaman", {"0231/PLN/UP3-SKM/2026"}, pengirim="PLN"),
    K("kata-dan-tanggal", "banjir", {"360/19/SETDA/2026", "360/41/KEC-SKT/2026"},
      dari=datetime.date(2026, 1, 27), sampai=datetime.date(2026, 1, 28)),
]
# fmt: on


def _nomor(hasil: Hasil) -> list[str]:
    return [h.nomor for h in hasil.hits]


def _jelaskan(nomor: Any) -> str:
    return ", ".join(f"{n} ({PER_NOMOR[n].perihal})" if n in PER_NOMOR else n for n in sorted(nomor))


def _cuplikan_aman(hasil: Hasil) -> None:
    """Snippets are escaped HTML whose only tags are <mark>…</mark>."""
    for h in hasil.hits:
        tanpa_mark = h.cuplikan.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in tanpa_mark and ">" not in tanpa_mark, (h.nomor, h.cuplikan)


@pytest.mark.parametrize("kasus", KUERI)
def test_kueri(mesin: Mesin, kasus: Kasus) -> None:
    hasil = cari(mesin, kasus.q, per_halaman=MAKS, **kasus.filter)
    dapat = _nomor(hasil)
    assert hasil.total == len(dapat), (hasil.total, dapat)
    assert len(set(dapat)) == len(dapat), dapat
    if kasus.persis is not None:
        assert set(dapat) == kasus.persis, (
            f"missing: {_jelaskan(kasus.persis - set(dapat))}; unexpected: {_jelaskan(set(dapat) - kasus.persis)}"
        )
    for n in kasus.atas:
        assert n in dapat[:3], f"{n} not in the top 3: {dapat[:5]}"
    hilang = [n for n in kasus.ada if n not in dapat]
    assert not hilang, f"not found: {_jelaskan(hilang)}"
    salah = [n for n in kasus.tidak if n in dapat]
    assert not salah, f"found but must not be: {_jelaskan(salah)}"
    _cuplikan_aman(hasil)


# --- filters (expected sets restated in Python) ---------------------------------------------


def _isi_kata(d: Dokumen) -> set[str]:
    return set(kata(" ".join([d.nomor, d.perihal, d.pengirim, d.penerima, d.isi])))


def F(id: str, harap: Callable[[Dokumen], bool], urut: str = "relevansi", **f: Any) -> Any:  # noqa: N802
    return pytest.param(f, harap, urut, id=id)


# fmt: off
SARINGAN = [
    F("jenis", lambda d: d.jenis == "Surat Edaran", jenis="Surat Edaran"),
    F("jenis-naskah-masuk", lambda d: d.jenis == "Naskah masuk", jenis="Naskah masuk"),
    F("unit", lambda d: d.unit_id == 5, unit=5),
    F("sifat-terbatas", lambda d: d.sifat == "T", sifat="T"),
    F("sifat-rahasia", lambda d: d.sifat == "R", sifat="R"),
    F("status", lambda d: d.status == "didisposisi", status="didisposisi"),
    F("arah-masuk", lambda d: d.arah == "masuk", arah="masuk"),
    F("arah-keluar", lambda d: d.arah == "keluar", arah="keluar"),
    F("klasifikasi-awalan", lambda d: d.klasifikasi.startswith("400"), klasifikasi="400"),
    F("klasifikasi-awalan-panjang", lambda d: d.klasifikasi.startswith("000.8.3"), klasifikasi="000.8.3"),
    F("klasifikasi-persis", lambda d: d.klasifikasi.startswith("900.1.3"), klasifikasi="900.1.3"),
    F("pengirim-memuat", lambda d: "Kesehatan" in d.pengirim, pengirim="Kesehatan"),
    F("pengirim-memuat-huruf-kecil", lambda d: "kepolisian resor" in d.pengirim.lower(), pengirim="kepolisian resor"),
    F("pengirim-memuat-sebagian-kata", lambda d: "Kesehat" in d.pengirim, pengirim="Kesehat"),
    F("pengirim-dengan-kurung", lambda d: "PLN (Persero)" in d.pengirim, pengirim="PLN (Persero)"),
    F("penerima-memuat", lambda d: "Camat" in d.penerima, penerima="Camat"),
    F("penerima-titik-koma", lambda d: "Kesehatan; Kepala" in d.penerima, penerima="Kesehatan; Kepala"),
    # wildcard characters of LIKE and of the engines are plain characters in filter values
    F("pengirim-bintang", lambda d: False, pengirim="*"),
    F("pengirim-tanda-tanya", lambda d: False, pengirim="Tirt?"),
    F("pengirim-persen", lambda d: False, pengirim="%"),
    F("penerima-garis-bawah", lambda d: False, penerima="Camat_se"),
    F("klasifikasi-bintang", lambda d: False, klasifikasi="4*"),
    F("klasifikasi-garis-bawah", lambda d: False, klasifikasi="400_7"),
    F("tahun", lambda d: d.tahun == 2025, tahun=2025),
    F("tanggal-rentang-inklusif", lambda d: datetime.date(2026, 2, 2) <= d.tanggal <= datetime.date(2026, 2, 16),
      dari=datetime.date(2026, 2, 2), sampai=datetime.date(2026, 2, 16)),
    F("tanggal-dari", lambda d: d.tanggal >= datetime.date(2026, 5, 1), dari=datetime.date(2026, 5, 1)),
    F("tanggal-sampai", lambda d: d.tanggal <= datetime.date(2025, 2, 4), sampai=datetime.date(2025, 2, 4)),
    F("koleksi-naskah", lambda d: True, koleksi="naskah"),
    F("koleksi-lain", lambda d: False, koleksi="template"),
    F("beberapa-saringan", lambda d: d.unit_id == 3 and d.tahun == 2026 and d.arah == "keluar",
      unit=3, tahun=2026, arah="keluar"),
    F("urut-tanggal-undangan", lambda d: d.jenis == "Surat Undangan", urut="tanggal", jenis="Surat Undangan"),
    F("urut-tanggal-semua", lambda d: True, urut="tanggal"),
    F("urut-tanggal-unit", lambda d: d.unit_id == 2, urut="tanggal", unit=2),
    # unknown values find nothing
    F("jenis-tidak-dikenal", lambda d: False, jenis="tidak-ada"),
    F("unit-tidak-dikenal", lambda d: False, unit=999),
    F("sifat-tidak-dikenal", lambda d: False, sifat="X"),
    F("status-tidak-dikenal", lambda d: False, status="hilang"),
    F("klasifikasi-tidak-dikenal", lambda d: False, klasifikasi="999"),
    F("pengirim-tidak-dikenal", lambda d: False, pengirim="Pengirim Yang Tidak Ada"),
    F("tahun-tanpa-surat", lambda d: False, tahun=1999),
]
# fmt: on


@pytest.mark.parametrize(("filter", "harap", "urut"), SARINGAN)
def test_saringan_tanpa_kata(mesin: Mesin, filter: dict[str, Any], harap: Callable[[Dokumen], bool], urut: str) -> None:
    hasil = cari(mesin, "", per_halaman=MAKS, urut=urut, **filter)
    cocok = [d for d in KORPUS if harap(d)]
    assert hasil.total == len(cocok)
    assert sorted(_nomor(hasil)) == sorted(d.nomor for d in cocok)
    if urut == "tanggal":  # the corpus has one letter per day: the order is fully determined
        assert _nomor(hasil) == [d.nomor for d in sorted(cocok, key=lambda d: d.tanggal, reverse=True)]
    _faset_sesuai(hasil, cocok)


# --- facets ----------------------------------------------------------------------------


def _faset_harap(dokumen: list[Dokumen]) -> dict[str, dict[str, int]]:
    return {
        "jenis": dict(Counter(d.jenis for d in dokumen)),
        "unit": dict(Counter(str(d.unit_id) for d in dokumen)),
        "sifat": dict(Counter(d.sifat for d in dokumen)),
        "tahun": dict(Counter(str(d.tahun) for d in dokumen)),
    }


def _faset_sesuai(hasil: Hasil, dokumen: list[Dokumen]) -> None:
    assert set(FACET) <= set(hasil.faset)
    dapat = {nama: {f.nilai: f.jumlah for f in hasil.faset[nama] if f.jumlah} for nama in FACET}
    assert dapat == _faset_harap(dokumen)
    for f in hasil.faset["unit"]:
        assert f.label == UNIT[int(f.nilai)][0], f


@pytest.mark.parametrize(
    ("token", "filter"),
    [
        pytest.param(None, {}, id="semua"),
        pytest.param(None, {"unit": 2}, id="unit"),
        pytest.param(None, {"jenis": "Surat Edaran"}, id="jenis"),
        pytest.param(None, {"tahun": 2026, "arah": "masuk"}, id="tahun-arah"),
        pytest.param(["unit:3"], {}, id="token-unit"),
        pytest.param(["j:11"], {}, id="token-jabatan-rahasia"),
        pytest.param(["u:7", "j:41"], {"sifat": "B"}, id="token-orang-sifat"),
    ],
)
def test_faset_menghitung_yang_boleh_dilihat(mesin: Mesin, token: list[str] | None, filter: dict[str, Any]) -> None:
    hasil = cari(mesin, "", token=token, per_halaman=5, **filter)
    milik = set(SEMUA if token is None else token)
    sama = {k: v for k, v in filter.items() if k != "unit"}
    cocok = [
        d
        for d in KORPUS
        if milik & set(d.prinsipal)
        and all(getattr(d, k) == v for k, v in sama.items())
        and filter.get("unit", d.unit_id) == d.unit_id
    ]
    assert cocok, "the case must count something"
    assert hasil.total == len(cocok)
    assert len(hasil.hits) == min(5, len(cocok))
    _faset_sesuai(hasil, cocok)


def test_faset_kueri_kata(mesin: Mesin) -> None:
    hasil = cari(mesin, "banjir", per_halaman=3)
    assert hasil.total == len(BANJIR)
    _faset_sesuai(hasil, [PER_NOMOR[n] for n in BANJIR])


# --- order and pages --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "filter", "per_halaman"),
    [
        pytest.param("", {}, 7, id="semua"),
        pytest.param("", {"urut": "tanggal"}, 9, id="semua-urut-tanggal"),
        pytest.param("permohonan", {}, 5, id="kata"),
        pytest.param("permohonan", {"urut": "tanggal"}, 4, id="kata-urut-tanggal"),
        pytest.param("", {"arah": "masuk"}, 6, id="saringan"),
    ],
)
def test_halaman_tidak_bertumpuk(mesin: Mesin, q: str, filter: dict[str, Any], per_halaman: int) -> None:
    semua = cari(mesin, q, per_halaman=MAKS, **filter)
    assert semua.total > 2 * per_halaman
    dilihat: list[str] = []
    jumlah_halaman = -(-semua.total // per_halaman)
    for halaman in range(1, jumlah_halaman + 1):
        hasil = cari(mesin, q, per_halaman=per_halaman, halaman=halaman, **filter)
        assert hasil.total == semua.total
        assert hasil.jumlah_halaman == jumlah_halaman
        assert len(hasil.hits) == (per_halaman if halaman < jumlah_halaman else semua.total - len(dilihat))
        baru = [h.kunci for h in hasil.hits]
        assert not set(baru) & set(dilihat), f"page {halaman} repeats {set(baru) & set(dilihat)}"
        dilihat += baru
    assert dilihat == [h.kunci for h in semua.hits]  # the pages are the one-page order cut in pieces
    lewat = cari(mesin, q, per_halaman=per_halaman, halaman=jumlah_halaman + 1, **filter)
    assert lewat.hits == [] and lewat.total == semua.total


@pytest.mark.parametrize("q", ["banjir", "permohonan", "rapat koordinasi"])
def test_urut_tanggal_dengan_kata(mesin: Mesin, q: str) -> None:
    relevan = cari(mesin, q, per_halaman=MAKS)
    terbaru = cari(mesin, q, per_halaman=MAKS, urut="tanggal")
    assert sorted(_nomor(relevan)) == sorted(_nomor(terbaru))
    tanggal = [h.tanggal for h in terbaru.hits]
    assert tanggal == sorted(tanggal, reverse=True)
    assert tanggal == [PER_NOMOR[h.nomor].tanggal for h in terbaru.hits]


# --- snippets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "nomor", "tanda"),
    [
        pytest.param("leptospirosis", "400.7/150/DINKES/2026", "leptospirosis", id="isi"),
        pytest.param("genset", "000.3.2/56/SETDA/2026", "genset", id="isi-genset"),
        pytest.param("rekapitulasi", PANJANG, "rekapitulasi", id="akhir-isi-panjang"),
        pytest.param("kurikulum", "400.3.5/12/DISDIKBUD/2025", "kurikulum", id="perihal-dan-isi"),
        pytest.param("gratifikasi", "R-17/INSP-JB/2026", "gratifikasi", id="perihal-rahasia"),
        pytest.param("alert", XSS, "alert", id="isi-dengan-html"),
    ],
)
def test_cuplikan_menandai_kata(mesin: Mesin, q: str, nomor: str, tanda: str) -> None:
    hasil = cari(mesin, q)
    hit = next(h for h in hasil.hits if h.nomor == nomor)
    assert re.search(f"<mark>{tanda}</mark>", hit.cuplikan, re.IGNORECASE), hit.cuplikan
    _cuplikan_aman(hasil)


@pytest.mark.parametrize("q", ["alert", "script", "xss", "peramban", "penetrasi"])
def test_cuplikan_html_dari_dokumen_di_escape(mesin: Mesin, q: str) -> None:
    hasil = cari(mesin, q)
    hit = next(h for h in hasil.hits if h.nomor == XSS)
    assert "<script" not in hit.cuplikan.lower()
    if q in ("alert", "script", "xss"):  # the match is next to the markup: it is in the snippet
        assert "&lt;" in hit.cuplikan and "&gt;" in hit.cuplikan, hit.cuplikan
        tanpa_mark = hit.cuplikan.replace("<mark>", "").replace("</mark>", "")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in tanpa_mark, hit.cuplikan
    _cuplikan_aman(hasil)


# --- secret letters -------------------------------------------------------------------


RAHASIA = [d for d in KORPUS if d.rahasia]


def _cocok_terindeks(d: Dokumen, w: str) -> bool:
    """Whether the indexed (secret: nomor and perihal only) document may match `w`
    through its own words, their roots, or a one-letter typo of a perihal word."""
    from search.teks import satu_salah_ketik, stem

    sendiri = _isi_kata(d) | set(d.kata_dasar.split())
    perihal = kata(d.perihal)
    return (
        w in sendiri
        or stem(w) in sendiri
        or any(satu_salah_ketik(w, p) or satu_salah_ketik(stem(w), p) for p in perihal)
    )


@pytest.mark.parametrize("dok", RAHASIA, ids=[d.nomor for d in RAHASIA])
def test_rahasia_ditemukan_dari_nomor_dan_perihal_saja(mesin: Mesin, dok: Dokumen) -> None:
    assert dok.isi == dok.pengirim == dok.penerima == ""
    rahasia = teks_rahasia(dok.nomor)
    kata_rahasia = {w for w in kata(rahasia) if len(w) >= 5 and not _cocok_terindeks(dok, w)}
    assert len(kata_rahasia) >= 5

    dari_nomor = cari(mesin, dok.nomor)
    assert _nomor(dari_nomor) == [dok.nomor]
    kata_perihal = max(kata(dok.perihal), key=len)
    dari_perihal = cari(mesin, kata_perihal, per_halaman=MAKS)
    assert dok.nomor in _nomor(dari_perihal)
    for hasil in (dari_nomor, dari_perihal):
        hit = next(h for h in hasil.hits if h.nomor == dok.nomor)
        bocor = kata_rahasia & set(kata(hit.cuplikan))
        assert not bocor, f"snippet of a secret letter shows {bocor}: {hit.cuplikan}"
        assert hit.perihal == dok.perihal

    for w in sorted(kata_rahasia):
        hasil = cari(mesin, w, per_halaman=MAKS)
        assert dok.nomor not in _nomor(hasil), f"secret letter found by a word of its body: {w}"


def test_rahasia_tidak_ditemukan_dari_isi(mesin: Mesin) -> None:
    for q in ("auditor", "injeksi", "pelicin", "rekening pribadi", "kredensial", "rotasi"):
        hasil = cari(mesin, q, per_halaman=MAKS)
        assert not {h.nomor for h in hasil.hits} & {d.nomor for d in RAHASIA}, q
    assert [h.nomor for h in cari(mesin, "auditor").hits] == []
    assert ISI_RAHASIA.keys() == {d.nomor for d in RAHASIA}


# --- principals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(["unit:3"], id="unit"),
        pytest.param(["kepala:5", "u:7"], id="kepala-dan-pembuat"),
        pytest.param(["j:11"], id="jabatan-dengan-rahasia"),
        pytest.param(["admin"], id="admin-tanpa-rahasia"),
        pytest.param(["j:41", "unit:6"], id="campuran"),
    ],
)
@pytest.mark.parametrize("q", ["", "permohonan", "banjir", "000.8", "rapat koordinasi"])
def test_prinsipal_membatasi_hasil(mesin: Mesin, token: list[str], q: str) -> None:
    semua = {h.nomor for h in cari(mesin, q, per_halaman=MAKS).hits}
    boleh = {d.nomor for d in KORPUS if set(token) & set(d.prinsipal)}
    hasil = cari(mesin, q, token=token, per_halaman=MAKS)
    assert set(_nomor(hasil)) == semua & boleh
    assert hasil.total == len(semua & boleh)
    _faset_sesuai(hasil, [PER_NOMOR[n] for n in semua & boleh])


@pytest.mark.parametrize("dok", RAHASIA, ids=[d.nomor for d in RAHASIA])
def test_admin_dan_unit_tidak_melihat_rahasia(mesin: Mesin, dok: Dokumen) -> None:
    token = ["admin", f"unit:{dok.unit_id}", f"kepala:{dok.unit_id}"]
    assert not set(token) & set(dok.prinsipal)
    for q in (dok.nomor, dok.perihal, ""):
        hasil = cari(mesin, q, token=token, per_halaman=MAKS, sifat=dok.sifat)
        assert dok.nomor not in _nomor(hasil)
        assert all(f.nilai != dok.sifat for f in hasil.faset["sifat"]), hasil.faset["sifat"]
        assert hasil.total == len(hasil.hits) == 0


@pytest.mark.parametrize("token", [[], ["u:999"], ["unit:99", "j:999"], ["publik"]])
def test_token_tanpa_irisan_tidak_melihat_apa_pun(mesin: Mesin, token: list[str]) -> None:
    for q in ("", "permohonan", "000.8.3.3/15", "banjir"):
        hasil = cari(mesin, q, token=token, per_halaman=MAKS)
        assert hasil.total == 0 and hasil.hits == []
        assert all(f.jumlah == 0 for daftar in hasil.faset.values() for f in daftar)


# --- query syntax is never interpreted ---------------------------------------------------------


def J(id: str, q: str, seperti: str | None = None, kosong: bool = False) -> Any:  # noqa: N802
    """`seperti`: the same hits as this plain query; `kosong`: no hits."""
    return pytest.param(q, seperti, kosong, id=id)


SINTAKS = [
    J("kutip", '"'),
    J("kurung", "("),
    J("bintang", "*"),
    J("titik-dua", ":"),
    J("garis-miring-terbalik", "\\"),
    J("kurawal", "{"),
    J("tilde", "~"),
    J("apostrof", "'"),
    J("hanya-tanda-baca", "!?.,;-+=/&|<>[]^%$#@"),
    J("emoji", "🙂🚀🌊"),
    J("operator-saja", "AND OR NOT", kosong=True),
    J("operator-or", "rapat OR banjir", kosong=True),
    J("tanda-minus", "rapat -banjir", seperti="rapat banjir"),
    J("wildcard", "rapat*", seperti="rapat"),
    J("kutip-terbuka", '"rapat koordinasi', seperti="rapat koordinasi"),
    J("medan-dan-kurung", "rapat:(banjir", seperti="rapat banjir"),
    J("tilde-fuzzy", "banjir~2", seperti="banjir 2"),
    J("tilde-di-akhir-kata", "banjir~", seperti="banjir"),
    J("boost", "banjir^5", seperti="banjir 5"),
    J("kata-dan-emoji", "banjir 🌊", seperti="banjir"),
    J("apostrof-dalam-kata", "jum'at banjir", seperti="jum at banjir"),
    J("kueri-5000-huruf", ("banjir " * 800)[:5000], seperti="banjir"),
    J("kata-5000-huruf", "x" * 5000, kosong=True),
    J("sql", "banjir'; DROP TABLE search_dokumencari; --", seperti="banjir drop table search_dokumencari"),
    J("persen-garis-bawah", "100% stunting_", seperti="100 stunting"),
    J("html", "<b>banjir</b>", seperti="b banjir b"),
]


@pytest.mark.parametrize(("q", "seperti", "kosong"), SINTAKS)
def test_sintaks_kueri_tidak_ditafsirkan(mesin: Mesin, q: str, seperti: str | None, kosong: bool) -> None:
    hasil = cari(mesin, q, per_halaman=MAKS)
    assert isinstance(hasil, Hasil)
    assert set(FACET) <= set(hasil.faset)
    assert hasil.total == len(hasil.hits)
    if not kata_kueri(q):  # no words at all: the empty query
        assert hasil.total == len(KORPUS)
    if kosong:
        assert hasil.total == 0
    if seperti is not None:
        assert sorted(_nomor(hasil)) == sorted(_nomor(cari(mesin, seperti, per_halaman=MAKS)))
    _cuplikan_aman(hasil)


def test_sintaks_pembanding_bermakna(mesin: Mesin) -> None:
    """The plain queries the syntax cases are compared with do find letters."""
    assert set(_nomor(cari(mesin, "banjir", per_halaman=MAKS))) == BANJIR
    assert _nomor(cari(mesin, "rapat banjir")) == ["360/19/SETDA/2026"]
    assert cari(mesin, "rapat", per_halaman=MAKS).total == 9
    assert cari(mesin, "", per_halaman=MAKS).total == len(SEMUA_NOMOR) == len(KORPUS)
