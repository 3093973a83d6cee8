"""Text helpers shared by every engine: Indonesian roots (Sastrawi), words, typo
distance, snippets, and the OCR-free text layer of uploaded PDFs."""

from __future__ import annotations

import functools
import html
import logging
import re
from typing import Any

from .mesin.dasar import BUKA, TUTUP

log = logging.getLogger(__name__)
MAKS_TEKS_PDF = 200_000
_KATA = re.compile(r"[^\W_]+", re.UNICODE)


@functools.cache
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=200_000)
def stem(kata: str) -> str:
    """The Indonesian root of one lower-case word: permohonan, memohon, dimohon → mohon."""
    if len(kata) < 4 or not kata.isalpha():
        return kata
    akar = _stemmer().stem(kata) or kata
    return akar if len(akar) >= 4 else kata  # pengadaan → "ada" would match every letter


def kata(teks: str) -> list[str]:
    return _KATA.findall((teks or "").lower())


def dasar(*teks: str) -> str:
    """The distinct roots of some texts, space separated (indexed as `kata_dasar`)."""
    akar: dict[str, None] = {}
    for t in teks:
        for k in kata(t):
            akar.setdefault(stem(k), None)
    return " ".join(akar)


def satu_salah_ketik(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance ≤ 1 (one letter added, dropped, changed or two swapped)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        beda = [i for i in range(la) if a[i] != b[i]]
        if len(beda) == 1:
            return True
        return len(beda) == 2 and beda[1] == beda[0] + 1 and a[beda[0]] == b[beda[1]] and a[beda[1]] == b[beda[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def cuplikan_html(teks: str) -> str:
    """Engine output with BUKA/TUTUP markers → escaped HTML with <mark> around matches."""
    aman = html.escape(teks or "", quote=False)
    return aman.replace(BUKA, "<mark>").replace(TUTUP, "</mark>")


def tandai(teks: str, kata_cari: list[str], panjang: int = 220) -> str:
    """A snippet of `teks` around the first matching word, matches marked (for engines
    that cannot highlight a column themselves)."""
    if not teks:
        return ""
    akar = {stem(k) for k in kata_cari}
    kunci = set(kata_cari)
    posisi: list[tuple[int, int]] = []
    for m in _KATA.finditer(teks):
        w = m.group(0).lower()
        if w in kunci or stem(w) in akar or any(w.startswith(k) and len(k) >= 3 for k in kunci):
            posisi.append(m.span())
    if not posisi:
        potong = teks[:panjang]
        return html.escape(potong + ("…" if len(teks) > panjang else ""), quote=False)
    mulai = max(0, posisi[0][0] - panjang // 3)
    akhir = min(len(teks), mulai + panjang)
    bagian: list[str] = []
    kursor = mulai
    for a, b in posisi:
        if a < mulai or b > akhir:
            continue
        bagian.append(teks[kursor:a] + BUKA + teks[a:b] + TUTUP)
        kursor = b
    bagian.append(teks[kursor:akhir])
    hasil = ("…" if mulai else "") + "".join(bagian) + ("…" if akhir < len(teks) else "")
    return cuplikan_html(hasil)


def teks_pdf(berkas: Any) -> str:
    """The text layer of a PDF (no OCR); '' for images, broken or encrypted files."""
    if not berkas:
        return ""
    nama = (getattr(berkas, "name", "") or "").lower()
    if not nama.endswith(".pdf"):
        return ""
    try:
        from pypdf import PdfReader

        with berkas.open("rb") as f:
            pembaca = PdfReader(f)
            if pembaca.is_encrypted:
                return ""
            potongan: list[str] = []
            total = 0
            for halaman in pembaca.pages:
                t = halaman.extract_text() or ""
                potongan.append(t)
                total += len(t)
                if total >= MAKS_TEKS_PDF:
                    break
        return " ".join(" ".join(potongan).split())[:MAKS_TEKS_PDF]
    except Exception:  # a broken upload must not stop indexing
        log.warning("teks PDF tidak terbaca: %s", nama, exc_info=True)
        return ""
