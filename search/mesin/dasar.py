"""What every search engine behind the facade speaks: a document (`Dokumen`), a query
(`Permintaan`) and an answer (`Hasil`). Engines: `database` (the default, no server) and
`elasticsearch` (elasticsearch.dsl; OpenSearch speaks the same API).

Query semantics every engine implements the same way (one behavioural test suite runs
against all of them):
- `q` is split into words (`kata_kueri`); every word must match somewhere (AND). A word
  matches a document when it occurs in nomor, perihal, pengirim/penerima or isi, or when
  its Indonesian root (`stem`) occurs among the document's roots (`kata_dasar`), or, for
  words of 5+ letters without digits that no perihal contains, when it is one edit away
  from a perihal word (typos; the first letter may be the wrong one too). Roots shorter
  than 4 letters are not used (Sastrawi's `pengadaan` → `ada` would match everything).
- A word that looks like a letter number (digits and `.`/`/`/`-`, e.g. `000.8.3.3/15`)
  matches the nomor by prefix (exact numbers are prefixes of themselves).
- Filters are exact (`jenis`, `unit`, `sifat`, `status`, `tahun`, `koleksi`, `arah`),
  prefix (`klasifikasi`), contains (`pengirim`, `penerima`) or a date range (`dari`,
  `sampai`, inclusive, on `tanggal`).
- Only documents sharing a token with `Permintaan.token` are ever counted or returned.
- Secret documents (`rahasia`) are indexed with nomor and perihal only: their body and
  parties never reach the engine, so no snippet of them can be shown to anyone.
- Snippets are HTML: the text escaped, matches wrapped in `<mark>…</mark>`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

KOLEKSI = ("naskah", "template", "publik")
LABEL_SIFAT = {"B": "Biasa", "T": "Terbatas", "R": "Rahasia", "SR": "Sangat Rahasia"}
FACET = ("jenis", "unit", "sifat", "tahun")
PER_HALAMAN = 20
MAKS_HALAMAN = 500
MAKS_KUERI = 500  # characters of q that are used; longer queries are cut, not refused
MAKS_KATA = 12

# Private-use characters mark matches inside engine output before escaping.
BUKA, TUTUP = "\ue000", "\ue001"

_POLA_NOMOR = re.compile(r"^(?=.*\d)[\w]+([./-][\w]*)+$")
_KATA = re.compile(r"[^\W_]+(?:[./-][^\W_]+)*[./-]?", re.UNICODE)


class GalatMesin(Exception):
    """The engine cannot answer (down, timeout, refused)."""


@dataclass
class Dokumen:
    """One searchable thing, flattened. `kunci` is "<koleksi>:<objek_id>"."""

    koleksi: str
    objek_id: int
    judul: str
    url: str = ""
    nomor: str = ""
    perihal: str = ""
    isi: str = ""
    pengirim: str = ""
    penerima: str = ""
    unit_id: int | None = None
    unit: str = ""
    jenis: str = ""
    arah: str = ""
    sifat: str = ""
    status: str = ""
    klasifikasi: str = ""
    tanggal: datetime.date | None = None
    rahasia: bool = False
    prinsipal: list[str] = field(default_factory=list)
    kata_dasar: str = ""  # filled by search.teks.dasar() from perihal + isi

    @property
    def kunci(self) -> str:
        return f"{self.koleksi}:{self.objek_id}"

    @property
    def tahun(self) -> int | None:
        return self.tanggal.year if self.tanggal else None

    def sebagai_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tanggal"] = self.tanggal.isoformat() if self.tanggal else None
        data["tahun"] = self.tahun
        data["kunci"] = self.kunci
        return data


@dataclass
class Permintaan:
    token: list[str]
    q: str = ""
    koleksi: str | None = None
    jenis: str | None = None
    unit: int | None = None
    sifat: str | None = None
    status: str | None = None
    arah: str | None = None
    klasifikasi: str | None = None
    pengirim: str | None = None
    penerima: str | None = None
    nomor: str | None = None
    tahun: int | None = None
    dari: datetime.date | None = None
    sampai: datetime.date | None = None
    urut: str = "relevansi"  # or "tanggal" (newest first)
    halaman: int = 1
    per_halaman: int = PER_HALAMAN

    @property
    def kata(self) -> list[str]:
        return kata_kueri(self.q)


@dataclass
class Hit:
    kunci: str
    koleksi: str
    objek_id: int
    judul: str
    url: str
    nomor: str
    perihal: str
    tanggal: datetime.date | None
    unit: str
    jenis: str
    sifat: str
    status: str
    cuplikan: str  # HTML with <mark>
    skor: float = 0.0


@dataclass
class Faset:
    nilai: str
    label: str
    jumlah: int


@dataclass
class Hasil:
    total: int
    hits: list[Hit]
    faset: dict[str, list[Faset]]
    halaman: int = 1
    per_halaman: int = PER_HALAMAN
    mesin: str = ""
    pemberitahuan: str = ""  # e.g. "index unavailable, database results shown"
    total_pasti: bool = True  # False: more than `total` matched (counts and facets are over the first `total`)

    @property
    def jumlah_halaman(self) -> int:
        return max(1, -(-self.total // self.per_halaman))


class Mesin(Protocol):
    nama: str

    def simpan(self, dokumen: list[Dokumen]) -> None: ...
    def hapus(self, kunci: list[str]) -> None: ...
    def cari(self, permintaan: Permintaan) -> Hasil: ...
    def jumlah(self, koleksi: str) -> int: ...
    def sehat(self) -> bool: ...
    # zero-downtime rebuild: documents written between mulai and selesai go to the new
    # generation; selesai makes it the live one and drops what the rebuild did not touch.
    def mulai_bangun(self, koleksi: str) -> str: ...
    def simpan_bangun(self, target: str, dokumen: list[Dokumen]) -> None: ...
    def selesai_bangun(self, koleksi: str, target: str) -> None: ...


def kata_kueri(q: str) -> list[str]:
    """The words of a query, lower-cased, without query-syntax characters; at most
    MAKS_KATA words from the first MAKS_KUERI characters."""
    teks = (q or "").lower()
    if len(teks) > MAKS_KUERI:
        # cut at a word boundary: a word cut in half would have to match as well
        potong = teks[:MAKS_KUERI]
        teks = potong.rsplit(None, 1)[0] if " " in potong else potong  # one huge word stays a word
    hasil: list[str] = []
    for cocok in _KATA.finditer(teks):
        kata = cocok.group(0)
        if not adalah_nomor(kata):
            kata = kata.rstrip("./-")
            hasil.extend(k for k in re.split(r"[./-]", kata) if k)
        else:
            hasil.append(kata)
    unik = list(dict.fromkeys(hasil))
    return unik[:MAKS_KATA]


def adalah_nomor(kata: str) -> bool:
    """`000.8.3.3/15`, `B/12/2026`, `400.3.1` look like letter numbers."""
    return bool(_POLA_NOMOR.match(kata)) and any(c in kata for c in "./-")
