"""The placeholder engine: `{{ placeholders }}` in template text, rendered in a sandbox.

Jinja2's SandboxedEnvironment (no access to Python internals such as `__class__`
or `__globals__`), StrictUndefined (a missing value is an error naming it, never an
empty string) and autoescaping (a value typed by a user can never become markup).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .tanggal import bulan_romawi, hari_indonesia, tanggal_indonesia


@dataclass
class GalatTemplate(Exception):
    """A template that cannot be rendered; `lokasi` names the block, `baris` the line."""

    pesan: str
    lokasi: str = ""
    baris: int | None = None

    def __str__(self) -> str:
        tempat = self.lokasi
        if self.baris:
            tempat = f"{tempat}, baris {self.baris}" if tempat else f"baris {self.baris}"
        return f"{tempat}: {self.pesan}" if tempat else self.pesan


def _sebagai_tanggal(nilai: Any) -> datetime.date:
    if isinstance(nilai, datetime.datetime):
        return nilai.date()
    if isinstance(nilai, datetime.date):
        return nilai
    return datetime.date.fromisoformat(str(nilai))


def _rupiah(nilai: Any) -> str:
    try:
        angka = Decimal(str(nilai))
    except InvalidOperation:
        return str(nilai)
    bulat = f"{angka:,.0f}".replace(",", ".")
    return f"Rp{bulat}"


@lru_cache(maxsize=1)
def lingkungan() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        {
            "tanggal": lambda v: tanggal_indonesia(_sebagai_tanggal(v)),
            "hari": lambda v: hari_indonesia(_sebagai_tanggal(v)),
            "bulan_romawi": lambda v: bulan_romawi(_sebagai_tanggal(v).month),
            "rupiah": _rupiah,
        }
    )
    return env


def _parse(sumber: str, lokasi: str) -> nodes.Template:
    try:
        return lingkungan().parse(sumber)
    except TemplateSyntaxError as exc:
        raise GalatTemplate(f"kesalahan sintaks: {exc.message}", lokasi, exc.lineno) from exc


def periksa(sumber: str, lokasi: str = "") -> set[str]:
    """Check the syntax and return the top-level names the text uses."""
    return set(meta.find_undeclared_variables(_parse(sumber, lokasi)))


def render(sumber: str, konteks: dict[str, Any], lokasi: str = "") -> Markup:
    """Render `sumber`; the result is escaped markup (safe to embed in HTML)."""
    if "{" not in sumber:  # no placeholders: the template's own text, as Jinja would output it
        return Markup(sumber)  # noqa: S704 - template text is written by administrators
    try:
        template = lingkungan().from_string(sumber)
        return Markup(template.render(konteks))  # noqa: S704 - autoescaped sandbox output
    except TemplateSyntaxError as exc:
        raise GalatTemplate(f"kesalahan sintaks: {exc.message}", lokasi, exc.lineno) from exc
    except UndefinedError as exc:
        raise GalatTemplate(f"isian tidak tersedia: {exc.message}", lokasi) from exc
    except SecurityError as exc:
        raise GalatTemplate(f"tidak diizinkan: {exc}", lokasi) from exc
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise GalatTemplate(f"tidak dapat diolah: {exc}", lokasi) from exc
