"""Index updates follow the objects: saves, revisions (drafts), publishing, moves,
workflow transitions, access changes and deletions queue `indeks_dokumen` tasks after
the transaction commits. Nothing here may break the save that triggered it."""

from __future__ import annotations

import functools
import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Revision
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    task_approved,
    task_rejected,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

log = logging.getLogger(__name__)
KOLEKSI_MODEL = {
    ("naskah", "naskahkeluarpage"): "naskah",
    ("naskah", "naskahmasukpage"): "naskah",
    ("templates_surat", "templatesuratpage"): "template",
}


def _kirim(kunci: str) -> None:
    from .tasks import indeks_dokumen

    try:
        indeks_dokumen.delay(kunci)
    except Exception:  # broker down or, in eager mode, an indexing failure: never the save's problem
        log.exception("antrean indeks gagal untuk %s", kunci)


def antrekan(*kunci: str) -> None:
    for k in dict.fromkeys(kunci):
        transaction.on_commit(functools.partial(_kirim, k))


def _kunci_model(model: Any, pk: Any) -> str | None:
    koleksi = KOLEKSI_MODEL.get((model._meta.app_label, model._meta.model_name))
    return f"{koleksi}:{pk}" if koleksi and pk else None


def saat_disimpan(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    k = _kunci_model(sender, instance.pk)
    if k:
        antrekan(k)


def saat_revisi(sender: Any, instance: Revision, raw: bool = False, **kwargs: Any) -> None:
    if raw or instance.content_type_id is None:
        return
    model = instance.content_type.model_class()
    if model is not None:
        k = _kunci_model(model, instance.object_id)
        if k:
            antrekan(k)


def saat_halaman_berubah(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Publish/unpublish/move of any page: letters and templates by their model, other
    pages as public pages (the task decides whether they still belong in the index)."""
    page = instance.specific if isinstance(instance, Page) else instance
    k = _kunci_model(type(page), page.pk)
    antrekan(k or f"publik:{page.pk}")
    if k is None:
        for turunan in Page.objects.descendant_of(page).values_list("pk", flat=True)[:5000]:
            antrekan(f"publik:{turunan}")


def saat_dihapus(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page) and instance.pk:
        antrekan(f"naskah:{instance.pk}", f"template:{instance.pk}", f"publik:{instance.pk}")


def saat_alur(sender: Any, instance: Any, **kwargs: Any) -> None:
    state = getattr(instance, "workflow_state", instance)
    obj = getattr(state, "content_object", None)
    if obj is not None:
        k = _kunci_model(type(getattr(obj, "specific", obj)), obj.pk)
        if k:
            antrekan(k)


def saat_naskah_berubah(sender: Any, naskah_id: int, **kwargs: Any) -> None:
    antrekan(f"naskah:{naskah_id}")


def hubungkan() -> None:
    from naskah.models import NaskahKeluarPage, NaskahMasukPage
    from naskah.signals import naskah_berubah
    from templates_surat.models import TemplateSuratPage

    for model in (NaskahKeluarPage, NaskahMasukPage, TemplateSuratPage):
        post_save.connect(saat_disimpan, sender=model, dispatch_uid=f"search-simpan-{model.__name__}")
    post_save.connect(saat_revisi, sender=Revision, dispatch_uid="search-revisi")
    post_delete.connect(saat_dihapus, dispatch_uid="search-hapus")
    page_published.connect(saat_halaman_berubah, dispatch_uid="search-terbit")
    page_unpublished.connect(saat_halaman_berubah, dispatch_uid="search-tarik")
    post_page_move.connect(saat_halaman_berubah, dispatch_uid="search-pindah")
    for sinyal in (workflow_submitted, workflow_approved, workflow_rejected, workflow_cancelled):
        sinyal.connect(saat_alur, dispatch_uid=f"search-alur-{id(sinyal)}")
    for sinyal in (task_approved, task_rejected):
        sinyal.connect(saat_alur, dispatch_uid=f"search-tugas-{id(sinyal)}")
    naskah_berubah.connect(saat_naskah_berubah, dispatch_uid="search-naskah-berubah")
