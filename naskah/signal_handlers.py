"""Letters follow Wagtail's workflow events, whichever screen triggered them (the
page editor's action menu, the workflow views, Lontar's inbox or the API)."""

from __future__ import annotations

from typing import Any

from wagtail.signals import task_submitted, workflow_cancelled, workflow_rejected

from .models import NaskahKeluarPage, StatusNaskah


def _naskah(workflow_state: Any) -> NaskahKeluarPage | None:
    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    return obj if isinstance(obj, NaskahKeluarPage) else None


def saat_tugas_dimulai(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    from . import layanan

    naskah = _naskah(instance.workflow_state)
    if naskah is None:
        return
    layanan.ubah_status(naskah, StatusNaskah.DIAJUKAN, getattr(instance.task.specific, "jabatan_id", None))
    layanan.notifikasi(naskah.pk, "tugas", str(instance.pk))


def saat_dikembalikan(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    from . import layanan

    naskah = _naskah(instance)
    if naskah is None:
        return
    layanan.ubah_status(naskah, StatusNaskah.DIKEMBALIKAN)
    layanan.notifikasi(naskah.pk, "dikembalikan", str(instance.current_task_state_id))


def saat_dibatalkan(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    from . import layanan

    naskah = _naskah(instance)
    if naskah is not None and naskah.status in (StatusNaskah.DIAJUKAN, StatusNaskah.DIKEMBALIKAN):
        layanan.ubah_status(naskah, StatusNaskah.KONSEP)


def hubungkan() -> None:
    task_submitted.connect(saat_tugas_dimulai, dispatch_uid="naskah_tugas_dimulai")
    workflow_rejected.connect(saat_dikembalikan, dispatch_uid="naskah_dikembalikan")
    workflow_cancelled.connect(saat_dibatalkan, dispatch_uid="naskah_dibatalkan")
