"""Approval chains on Wagtail workflows: a letter's workflow is built from its own
pemaraf (in order) and penandatangan, out of tasks held by jabatan; and the
finishing action that signs a letter instead of plainly publishing it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Workflow, WorkflowTask

from .models import AlurNaskah, DisposisiTask, ParafTask, TandaTanganTask

if TYPE_CHECKING:
    from organisasi.models import Jabatan

    from .models import NaskahKeluarPage


def _tugas(model: type[ParafTask] | type[TandaTanganTask], jabatan: Jabatan, awalan: str) -> Any:
    tugas = model.objects.filter(jabatan=jabatan).first()
    if tugas is None:
        try:
            with transaction.atomic():
                tugas = model.objects.create(jabatan=jabatan, name=f"{awalan} {jabatan.nama}"[:255])
        except IntegrityError:  # made meanwhile by another request
            tugas = model.objects.get(jabatan=jabatan)
    return tugas


def rantai(naskah: NaskahKeluarPage) -> tuple[list[Jabatan], Jabatan | None]:
    """(pemaraf in order, penandatangan) as the letter holds them now (also unsaved, in the editor)."""
    pemaraf = [p.jabatan for p in sorted(naskah.pemaraf.all(), key=lambda p: p.sort_order or 0) if p.jabatan_id]
    return pemaraf, naskah.penandatangan


def alur_untuk(naskah: NaskahKeluarPage) -> Workflow | None:
    """The workflow for the letter's chain, created on first use; None without a penandatangan."""
    pemaraf, penandatangan = rantai(naskah)
    if penandatangan is None:
        return None
    kunci = "p" + ",".join(str(j.pk) for j in pemaraf) + ";t" + str(penandatangan.pk)
    alur = AlurNaskah.objects.select_related("workflow").filter(kunci=kunci).first()
    if alur is not None:
        return alur.workflow
    tugas = [_tugas(ParafTask, j, _("Paraf")) for j in pemaraf]
    tugas.append(_tugas(TandaTanganTask, penandatangan, _("Tanda tangan")))
    nama = " → ".join([*(f"{_('Paraf')} {j.nama}" for j in pemaraf), f"{_('TTD')} {penandatangan.nama}"])
    try:
        with transaction.atomic():
            workflow = Workflow.objects.create(name=nama[:255], active=True)
            for urutan, t in enumerate(tugas):
                WorkflowTask.objects.create(workflow=workflow, task=t, sort_order=urutan)
            AlurNaskah.objects.create(kunci=kunci, workflow=workflow)
    except IntegrityError:
        return AlurNaskah.objects.select_related("workflow").get(kunci=kunci).workflow
    return workflow


KUNCI_DISPOSISI = "disposisi"


def alur_disposisi() -> Workflow:
    """The "Disposisi" workflow every incoming letter runs (one DisposisiTask), made on first use."""
    alur = AlurNaskah.objects.select_related("workflow").filter(kunci=KUNCI_DISPOSISI).first()
    if alur is not None:
        return alur.workflow
    try:
        with transaction.atomic():
            tugas = DisposisiTask.objects.create(name=_("Disposisi"))
            workflow = Workflow.objects.create(name=_("Disposisi naskah masuk"), active=True)
            WorkflowTask.objects.create(workflow=workflow, task=tugas, sort_order=0)
            AlurNaskah.objects.create(kunci=KUNCI_DISPOSISI, workflow=workflow)
    except IntegrityError:
        return AlurNaskah.objects.select_related("workflow").get(kunci=KUNCI_DISPOSISI).workflow
    return workflow
