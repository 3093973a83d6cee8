"""Dashboard panels of naskah.panel_dasbor on the Wagtail admin home (imported by
naskah.wagtail_hooks)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks

from . import akses
from .panel_dasbor import panel_dasbor


@hooks.register("construct_homepage_panels")
def panel_dasbor_pegawai(request: Any, panels: list[Any]) -> None:
    """Officials and operators (anyone holding a jabatan today, Plh/Plt included)."""
    if akses.jabatan_ids(request.user):
        panels.extend(panel_dasbor(request.user))
