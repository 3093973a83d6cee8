"""Renderers: one `Dokumen` → DOCX (`docx.py`), HTML (`html.py`), PDF/A (`pdf.py`);
`libreoffice.py` converts uploaded DOCX templates to PDF."""

from __future__ import annotations


class GalatRender(Exception):
    """An output could not be produced; the message is shown to the user."""


class LibreOfficeTidakTersedia(GalatRender):
    """`soffice` is not installed on this server."""
