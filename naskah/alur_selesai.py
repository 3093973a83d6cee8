"""WAGTAIL_FINISH_WORKFLOW_ACTION. Imported while Wagtail's models load, so it
imports nothing at module level."""

from __future__ import annotations

from typing import Any


def selesai(workflow_state: Any, user: Any = None) -> None:
    """A letter whose last task is approved is signed (number, frozen revision, final
    PDF, signing queued); any other content is published as Wagtail does."""
    from wagtail.workflows import publish_workflow_state

    from .models import NaskahKeluarPage, NaskahMasukPage

    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    if isinstance(obj, NaskahKeluarPage):
        from . import layanan

        layanan.tandatangani(obj, user, workflow_state)
    elif isinstance(obj, NaskahMasukPage):
        from . import layanan_masuk

        layanan_masuk.selesai_alur(obj, user)
    else:
        publish_workflow_state(workflow_state, user=user)
