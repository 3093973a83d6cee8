"""Inline markup (see `dokumen.MarkupInline`) → runs, plain text or sanitised HTML.

The markup is escaped text with only <strong>, <em>, <u> and <br>. Every renderer
reads it through `ke_run`, so nothing but those four tags can ever reach an output:
other tags are dropped (their text kept, as text), entities are decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

from django.utils.safestring import SafeString, mark_safe

_SPASI = re.compile(r"[ \t\r\n\f]+")  # not \s: keep no-break spaces
_KONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")  # not allowed in XML 1.0


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting, or a line break (`baris_baru`)."""

    teks: str
    tebal: bool = False
    miring: bool = False
    garis_bawah: bool = False
    baris_baru: bool = False


class _Pengurai(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.run: list[Run] = []
        self._buka = {"strong": 0, "em": 0, "u": 0}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.run.append(Run("", baris_baru=True))
        elif tag in self._buka:
            self._buka[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.run.append(Run("", baris_baru=True))

    def handle_endtag(self, tag: str) -> None:
        if self._buka.get(tag):
            self._buka[tag] -= 1

    def handle_data(self, data: str) -> None:
        teks = _SPASI.sub(" ", _KONTROL.sub("", data))
        if teks.startswith(" ") and self.run and self.run[-1].teks.endswith(" "):
            teks = teks[1:]
        if not teks:
            return
        gaya = (self._buka["strong"] > 0, self._buka["em"] > 0, self._buka["u"] > 0)
        if self.run and not self.run[-1].baris_baru:
            akhir = self.run[-1]
            if (akhir.tebal, akhir.miring, akhir.garis_bawah) == gaya:
                self.run[-1] = Run(akhir.teks + teks, *gaya)
                return
        self.run.append(Run(teks, *gaya))


def _rapikan(run: list[Run]) -> list[Run]:
    """Drop spaces at the start and end of each line, as HTML rendering does."""
    hasil: list[Run] = []
    awal_baris = True
    for r in run:
        if r.baris_baru:
            _pangkas_akhir(hasil)
            hasil.append(r)
            awal_baris = True
            continue
        teks = r.teks.lstrip(" ") if awal_baris else r.teks
        if teks:
            hasil.append(Run(teks, r.tebal, r.miring, r.garis_bawah))
            awal_baris = False
    _pangkas_akhir(hasil)
    return hasil


def _pangkas_akhir(hasil: list[Run]) -> None:
    while hasil and not hasil[-1].baris_baru:
        akhir = hasil[-1]
        teks = akhir.teks.rstrip(" ")
        if teks:
            hasil[-1] = Run(teks, akhir.tebal, akhir.miring, akhir.garis_bawah)
            return
        hasil.pop()


@lru_cache(maxsize=4096)
def _urai(markup: str) -> tuple[Run, ...]:
    pengurai = _Pengurai()
    pengurai.feed(markup)
    pengurai.close()
    return tuple(_rapikan(pengurai.run))


def ke_run(markup: str) -> list[Run]:
    """Inline markup → runs (text decoded, never containing markup)."""
    if not markup:
        return []
    return list(_urai(markup))


def ke_teks(markup: str) -> str:
    """Inline markup → plain text; <br> becomes a newline."""
    return "".join("\n" if r.baris_baru else r.teks for r in ke_run(markup))


def ke_html(markup: str, *, kapital: bool = False) -> SafeString:
    """Inline markup → HTML with only the allowed tags re-emitted (safe to embed)."""
    bagian: list[str] = []
    for r in ke_run(markup):
        if r.baris_baru:
            bagian.append("<br>")
            continue
        teks = escape(r.teks.upper() if kapital else r.teks, quote=False)
        if r.garis_bawah:
            teks = f"<u>{teks}</u>"
        if r.miring:
            teks = f"<em>{teks}</em>"
        if r.tebal:
            teks = f"<strong>{teks}</strong>"
        bagian.append(teks)
    return mark_safe("".join(bagian))  # noqa: S308 - every text piece escaped above
