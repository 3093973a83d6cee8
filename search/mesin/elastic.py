"""The Elasticsearch engine (8/9; OpenSearch speaks the same API) through elasticsearch.dsl.

Each collection (naskah, template, publik) is searched through an alias
`{prefix}-{koleksi}` pointing at one concrete index: `{prefix}-{koleksi}-0` when the first
document arrives, `{prefix}-{koleksi}-{UTC timestamp}-{hex}` for every rebuild. A rebuild
creates its index next to the live one (`mulai_bangun`), fills it (`simpan_bangun`; live
changes made meanwhile are written to both, see `simpan`) and then swaps the alias in one
atomic call and drops the older indices (`selesai_bangun`). Which indices are being built
is read from the server (ours but not behind the alias), so web and worker processes agree.

Query semantics: see `search.mesin.dasar`.
"""

from __future__ import annotations

import datetime
import functools
import logging
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.dsl import Boolean, Date, Document, Index, Integer, Keyword, Long, Q, Search, Text
from elasticsearch.dsl.query import Query
from elasticsearch.helpers import BulkIndexError, bulk

from .dasar import (
    BUKA,
    FACET,
    KOLEKSI,
    LABEL_SIFAT,
    MAKS_HALAMAN,
    TUTUP,
    Dokumen,
    Faset,
    GalatMesin,
    Hasil,
    Hit,
    Permintaan,
    adalah_nomor,
)

log = logging.getLogger(__name__)

MIN_HURUF_SALAH_KETIK = 5  # words this long or longer tolerate one typo (as the database engine)
JENDELA = MAKS_HALAMAN * 100  # deepest page the facade allows (halaman × per_halaman ≤ this)
UKURAN_FASET = {"jenis": 30, "unit": 30, "sifat": 20, "tahun": 30}
WAKTU_BANGUN = 60.0  # seconds a rebuild request may take
MAKS_MENTAH = 8191  # characters of a keyword (Lucene's term limit is 32766 bytes)
_SUMBER = [
    "koleksi",
    "objek_id",
    "judul",
    "url",
    "nomor",
    "perihal",
    "isi",
    "tanggal",
    "unit",
    "jenis",
    "sifat",
    "status",
]
_GALAT = (ApiError, TransportError, BulkIndexError)


@functools.cache
def kelas_dokumen(analyzer: str) -> type[Document]:
    """The mapping of every collection's index, text fields analysed with `analyzer`."""

    class DokumenCariElastic(Document):
        kunci = Keyword()
        koleksi = Keyword()
        objek_id = Long()
        judul = Text(analyzer=analyzer)
        perihal = Text(analyzer=analyzer)
        isi = Text(analyzer=analyzer)
        # `.mentah`: the whole value, for the "contains" filters (case-insensitive wildcard)
        pengirim = Text(analyzer=analyzer, fields={"mentah": Keyword(ignore_above=MAKS_MENTAH)})
        penerima = Text(analyzer=analyzer, fields={"mentah": Keyword(ignore_above=MAKS_MENTAH)})
        # Indonesian roots computed by the application (search.teks.dasar), one per token.
        kata_dasar = Text(analyzer="standard")
        nomor = Text(analyzer="standard")
        nomor_kunci = Keyword()  # lower-cased nomor, matched by prefix
        url = Keyword(index=False)
        unit_id = Integer()
        unit = Keyword()
        jenis = Keyword()
        arah = Keyword()
        sifat = Keyword()
        status = Keyword()
        klasifikasi = Keyword()
        tanggal = Date(format="yyyy-MM-dd")
        tahun = Integer()
        rahasia = Boolean()
        prinsipal = Keyword()

    return DokumenCariElastic


def sumber_dokumen(dok: Dokumen) -> dict[str, Any]:
    """The `_source` indexed for one document (secret ones: nomor and perihal only)."""
    from search.teks import dasar

    data = dok.sebagai_dict()
    if dok.rahasia:
        data.update(isi="", pengirim="", penerima="", kata_dasar=dasar(dok.perihal))
    elif not data["kata_dasar"]:
        data["kata_dasar"] = dasar(dok.perihal, dok.isi)
    data["nomor_kunci"] = (dok.nomor or "").lower()
    return data


class MesinElastic:
    nama = "elasticsearch"

    def __init__(
        self,
        url: str = "http://127.0.0.1:9200",
        prefix: str = "lontar",
        analyzer: str = "indonesian",
        timeout: float = 5.0,
        node_class: str = "",
        refresh: bool = True,
    ) -> None:
        self.url = url
        self.prefix = prefix.lower()
        self.analyzer = analyzer or "indonesian"
        self.timeout = timeout
        self.node_class = node_class
        self.refresh = refresh
        self._klien: Elasticsearch | None = None
        self._kunci = threading.Lock()

    # --- client and index names ------------------------------------------------------

    @property
    def klien(self) -> Elasticsearch:
        if self._klien is None:
            with self._kunci:
                if self._klien is None:
                    opsi: dict[str, Any] = {
                        "request_timeout": self.timeout,
                        "retry_on_timeout": False,
                        "max_retries": 1,
                    }
                    if self.node_class:
                        from django.utils.module_loading import import_string

                        opsi["node_class"] = import_string(self.node_class)
                    self._klien = Elasticsearch(self.url, **opsi)
        return self._klien

    def alias(self, koleksi: str) -> str:
        return f"{self.prefix}-{koleksi}"

    def definisi_indeks(self, nama: str, alias: str | None = None) -> Index:
        """A concrete index (settings + mapping, optionally its alias); `.to_dict()` is
        what `create` sends."""
        indeks = Index(nama, using=self.klien)
        indeks.settings(max_result_window=JENDELA)
        indeks.document(kelas_dokumen(self.analyzer))
        if alias:
            indeks.aliases(**{alias: {}})
        return indeks

    def _indeks_koleksi(self, koleksi: str) -> tuple[list[str], list[str]]:
        """(indices behind the alias, indices being built) of one collection, oldest first."""
        alias = self.alias(koleksi)
        pola = re.compile(re.escape(alias) + r"-(0|\d{14}-[0-9a-f]{6})")
        jawab = self.klien.indices.get_alias(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
        hidup: list[str] = []
        bangun: list[str] = []
        for nama, isi in sorted(jawab.body.items()):
            if not pola.fullmatch(nama):
                continue
            (hidup if alias in (isi.get("aliases") or {}) else bangun).append(nama)
        return hidup, bangun

    def _pastikan_alias(self, koleksi: str) -> None:
        """Create the first concrete index with the alias (a fixed name, so two processes
        racing to create it end up with one index)."""
        alias = self.alias(koleksi)
        try:
            self.definisi_indeks(f"{alias}-0", alias=alias).create(using=self.klien)
        except ApiError as exc:
            if exc.meta.status != 400 or "already_exists" not in str(exc):
                raise

    @property
    def klien_bangun(self) -> Elasticsearch:
        """The client for rebuild batches: the search timeout is too short for them."""
        return self.klien.options(request_timeout=max(self.timeout, WAKTU_BANGUN))

    def _bulk(
        self, aksi: list[dict[str, Any]], refresh: bool, klien: Elasticsearch | None = None, **opsi: Any
    ) -> list[Any]:
        if not aksi:
            return []
        _, galat = bulk(klien or self.klien, aksi, refresh=refresh, raise_on_error=False, stats_only=False, **opsi)
        return galat if isinstance(galat, list) else []

    # --- Mesin: writing ---------------------------------------------------------------

    def simpan(self, dokumen: list[Dokumen]) -> None:
        with _jaga():
            for koleksi, daftar in _per_koleksi(dokumen, lambda d: d.koleksi).items():
                hidup, bangun = self._indeks_koleksi(koleksi)
                if not hidup:
                    self._pastikan_alias(koleksi)
                sumber = [(d.kunci, sumber_dokumen(d)) for d in daftar]
                # require_alias: never let a write auto-create a concrete index named like the alias
                aksi = [{"_index": self.alias(koleksi), "_id": k, "_source": s} for k, s in sumber]
                galat = self._bulk(aksi, self.refresh, require_alias=True)
                aksi = [{"_index": t, "_id": k, "_source": s} for t in bangun for k, s in sumber]
                galat += self._bulk(aksi, self.refresh)
                if galat:
                    raise GalatMesin(f"bulk index failed for {len(galat)} item(s): {galat[0]}")

    def hapus(self, kunci: list[str]) -> None:
        with _jaga():
            for koleksi, daftar in _per_koleksi(kunci, lambda k: k.partition(":")[0]).items():
                if koleksi not in KOLEKSI:
                    continue
                hidup, bangun = self._indeks_koleksi(koleksi)
                aksi = [{"_op_type": "delete", "_index": t, "_id": k} for t in [*hidup, *bangun] for k in daftar]
                galat = [g for g in self._bulk(aksi, self.refresh) if _status(g) != 404]
                if galat:
                    raise GalatMesin(f"bulk delete failed for {len(galat)} item(s): {galat[0]}")

    def mulai_bangun(self, koleksi: str) -> str:
        stempel = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S")
        target = f"{self.alias(koleksi)}-{stempel}-{uuid.uuid4().hex[:6]}"
        with _jaga():
            self.definisi_indeks(target).create(using=self.klien_bangun)
        return target

    def simpan_bangun(self, target: str, dokumen: list[Dokumen]) -> None:
        if not any(target.startswith(self.alias(k) + "-") for k in KOLEKSI):
            raise ValueError(f"{target!r} is not an index of {self.prefix!r}")
        aksi = [{"_op_type": "index", "_index": target, "_id": d.kunci, "_source": sumber_dokumen(d)} for d in dokumen]
        with _jaga():
            galat = self._bulk(aksi, refresh=False, klien=self.klien_bangun)
            if galat:
                raise GalatMesin(f"bulk index failed for {len(galat)} item(s): {galat[0]}")

    def selesai_bangun(self, koleksi: str, target: str) -> None:
        alias = self.alias(koleksi)
        with _jaga():
            self.klien_bangun.indices.refresh(index=target)
            hidup, bangun = self._indeks_koleksi(koleksi)
            if target not in hidup and target not in bangun:
                raise GalatMesin(f"index {target} does not exist")
            aksi: list[dict[str, Any]] = [{"remove": {"index": i, "alias": alias}} for i in hidup if i != target]
            aksi.append({"add": {"index": target, "alias": alias}})
            self.klien.indices.update_aliases(actions=aksi)
            # Drop the previous generations and abandoned older rebuilds; a newer rebuild
            # that is still running (its name sorts after target) is left alone.
            for nama in [*hidup, *bangun]:
                if nama < target:
                    self.klien.indices.delete(index=nama, ignore_unavailable=True)

    # --- Mesin: reading -------------------------------------------------------------

    def jumlah(self, koleksi: str) -> int:
        with _jaga():
            try:
                return int(self.klien.count(index=self.alias(koleksi))["count"])
            except NotFoundError:
                return 0

    def sehat(self) -> bool:
        try:
            return bool(self.klien.ping())
        except Exception:
            log.warning("elasticsearch tidak sehat", exc_info=True)
            return False

    def kueri(self, p: Permintaan) -> Search:
        """The search for a query (without executing it)."""
        indeks = [self.alias(p.koleksi)] if p.koleksi in KOLEKSI else [self.alias(k) for k in KOLEKSI]
        s = Search(using=self.klien, index=indeks).params(ignore_unavailable=True, allow_no_indices=True)
        s = s.query(Q("bool", must=[_klausa_kata(w) for w in p.kata] or [Q("match_all")], filter=_saringan(p)))
        urutan: list[Any] = [
            {"tanggal": {"order": "desc", "missing": "_last"}},
            {"objek_id": {"order": "desc"}},
            {"kunci": {"order": "asc"}},
        ]
        if p.urut != "tanggal" and p.kata:
            urutan.insert(0, {"_score": {"order": "desc"}})
        s = s.sort(*urutan)
        mulai = (max(1, p.halaman) - 1) * p.per_halaman
        ukuran = p.per_halaman if mulai + p.per_halaman <= JENDELA else 0
        s = s.extra(from_=mulai if ukuran else 0, size=ukuran, track_total_hits=True)
        s = s.source(includes=_SUMBER)
        s = s.highlight_options(pre_tags=[BUKA], post_tags=[TUTUP], require_field_match=True)
        s = s.highlight("perihal", number_of_fragments=0).highlight("isi", fragment_size=160, number_of_fragments=2)
        s.aggs.bucket("jenis", "terms", field="jenis", size=UKURAN_FASET["jenis"])
        s.aggs.bucket("unit", "terms", field="unit_id", size=UKURAN_FASET["unit"]).bucket(
            "label", "terms", field="unit", size=1
        )
        s.aggs.bucket("sifat", "terms", field="sifat", size=UKURAN_FASET["sifat"])
        s.aggs.bucket("tahun", "terms", field="tahun", size=UKURAN_FASET["tahun"], order={"_key": "desc"})
        return s

    def cari(self, p: Permintaan) -> Hasil:
        hasil = Hasil(total=0, hits=[], faset={f: [] for f in FACET}, halaman=p.halaman, per_halaman=p.per_halaman)
        hasil.mesin = self.nama
        if not p.token:
            return hasil
        with _jaga():
            try:
                jawab = self.kueri(p).execute().to_dict()
            except NotFoundError:
                return hasil
        hits = jawab.get("hits") or {}
        total = hits.get("total") or 0
        hasil.total = int(total["value"] if isinstance(total, dict) else total)
        hasil.hits = [_hit(h, p.kata) for h in hits.get("hits") or []]
        hasil.faset = _faset(jawab.get("aggregations") or {})
        return hasil


# --- query building (structured clauses only: user text never reaches query_string) --


def _klausa_kata(kata: str) -> Query:
    """What one query word must match (see dasar.py)."""
    from search.teks import stem

    from .basisdata import kata_dikenal

    if adalah_nomor(kata):
        return Q("prefix", nomor_kunci=kata.lower())
    should = [
        Q(
            "multi_match",
            query=kata,
            fields=["perihal^3", "nomor^3", "judul^2", "pengirim", "penerima", "isi"],
            type="best_fields",
        ),
        Q("term", kata_dasar={"value": stem(kata), "boost": 0.8}),
    ]
    if len(kata) >= MIN_HURUF_SALAH_KETIK and kata.isalpha() and not kata_dikenal(kata):
        should.append(
            Q(
                "match",
                perihal={
                    "query": kata,
                    "fuzziness": 1,
                    "prefix_length": 0,  # the first letter may be the typo ("tunting" → stunting)
                    "fuzzy_transpositions": True,
                    "boost": 0.5,
                },
            )
        )
    return Q("bool", should=should, minimum_should_match=1)


def _saringan(p: Permintaan) -> list[Query]:
    saring: list[Query] = [Q("terms", prinsipal=list(p.token))]
    for nama in ("koleksi", "jenis", "sifat", "status", "arah"):
        nilai = getattr(p, nama)
        if nilai:
            saring.append(Q("term", **{nama: nilai}))
    if p.unit is not None:
        saring.append(Q("term", unit_id=p.unit))
    if p.tahun is not None:
        saring.append(Q("term", tahun=p.tahun))
    if p.klasifikasi:
        saring.append(Q("prefix", klasifikasi=p.klasifikasi))
    if p.nomor:
        saring.append(Q("prefix", nomor_kunci=p.nomor.strip().lower()))
    for nama in ("pengirim", "penerima"):
        nilai = getattr(p, nama)
        if nilai:
            pola = "*" + re.sub(r"([\\*?])", r"\\\1", nilai.strip()) + "*"
            saring.append(Q("wildcard", **{f"{nama}.mentah": {"value": pola, "case_insensitive": True}}))
    rentang = {}
    if p.dari:
        rentang["gte"] = p.dari.isoformat()
    if p.sampai:
        rentang["lte"] = p.sampai.isoformat()
    if rentang:
        saring.append(Q("range", tanggal=rentang))
    return saring


# --- answers --------------------------------------------------------------------------


def _hit(h: dict[str, Any], kata: list[str]) -> Hit:
    from search.teks import cuplikan_html, tandai

    src = h.get("_source") or {}
    sorot = h.get("highlight") or {}
    isi = [f for f in sorot.get("isi") or [] if BUKA in f]
    if isi:
        cuplikan = " … ".join(cuplikan_html(f) for f in isi)
    elif sorot.get("perihal"):
        cuplikan = cuplikan_html(sorot["perihal"][0])
    else:  # matched through roots only (or no words): the body where tandai() marks, else perihal
        cuplikan = tandai(src.get("isi") or "", kata)
        if not cuplikan or (kata and "<mark>" not in cuplikan):
            cuplikan = tandai(src.get("perihal") or "", kata) or cuplikan
    tanggal = src.get("tanggal")
    return Hit(
        kunci=h.get("_id") or f"{src.get('koleksi')}:{src.get('objek_id')}",
        koleksi=src.get("koleksi") or "",
        objek_id=int(src.get("objek_id") or 0),
        judul=src.get("judul") or "",
        url=src.get("url") or "",
        nomor=src.get("nomor") or "",
        perihal=src.get("perihal") or "",
        tanggal=datetime.date.fromisoformat(tanggal[:10]) if tanggal else None,
        unit=src.get("unit") or "",
        jenis=src.get("jenis") or "",
        sifat=src.get("sifat") or "",
        status=src.get("status") or "",
        cuplikan=cuplikan,
        skor=float(h.get("_score") or 0.0),
    )


def _faset(aggs: dict[str, Any]) -> dict[str, list[Faset]]:
    faset: dict[str, list[Faset]] = {}
    for nama in UKURAN_FASET:
        daftar: list[Faset] = []
        for b in (aggs.get(nama) or {}).get("buckets") or []:
            nilai = str(b.get("key_as_string", b["key"]) if nama != "tahun" else b["key"])
            if nilai == "":
                continue
            label = LABEL_SIFAT.get(nilai, nilai) if nama == "sifat" else nilai
            if nama == "unit":
                label_b = (b.get("label") or {}).get("buckets") or []
                label = str(label_b[0]["key"]) if label_b else nilai
            daftar.append(Faset(nilai=nilai, label=label, jumlah=int(b["doc_count"])))
        if nama == "unit":  # same order as the database engine: count, then name
            daftar.sort(key=lambda f: (-f.jumlah, f.label))
        faset[nama] = daftar
    return faset


# --- helpers ----------------------------------------------------------------------------


@contextmanager
def _jaga() -> Iterator[None]:
    """Engine failures (down, timeout, refused, 5xx, bulk rejections) → GalatMesin."""
    try:
        yield
    except _GALAT as exc:
        raise GalatMesin(f"elasticsearch: {exc}") from exc


def _status(galat: dict[str, Any]) -> int | None:
    for isi in galat.values():
        if isinstance(isi, dict) and "status" in isi:
            return int(isi["status"])
    return None


def _per_koleksi(daftar: list[Any], koleksi_dari: Callable[[Any], str]) -> dict[str, list[Any]]:
    kelompok: dict[str, list[Any]] = {}
    for x in daftar:
        kelompok.setdefault(koleksi_dari(x), []).append(x)
    return kelompok
