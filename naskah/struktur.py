"""The "Naskah" folder at the top of the page tree (outside every Site, behind a
login restriction as defence in depth), kept after every `migrate`."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from wagtail.models import Page, PageViewRestriction

from .models import NaskahIndexPage

SLUG_INDEKS = "naskah"


def pastikan_indeks() -> NaskahIndexPage:
    indeks = NaskahIndexPage.objects.first()
    if indeks is None:
        root = Page.get_first_root_node()
        indeks = root.add_child(instance=NaskahIndexPage(title="Naskah", slug=SLUG_INDEKS))
    if not PageViewRestriction.objects.filter(page=indeks).exists():
        PageViewRestriction.objects.create(page=indeks, restriction_type=PageViewRestriction.LOGIN)
    return indeks


def pastikan_setelah_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from .klasifikasi_awal import pastikan

    pastikan()  # a flushed database (tests) gets the klasifikasi list back
    if Page.get_first_root_node() is None:
        return
    pastikan_indeks()
