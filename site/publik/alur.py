"""The "Publikasi" workflow: no public page goes live without an editor's approval.

Humas write and edit pages under the Beranda but hold no `publish_page` (organisasi.peran), so
Wagtail offers them only "submit" for the workflow assigned to the Beranda. The task is held by
the "Redaktur Publikasi" group: approving publishes the page (or schedules it when it has a
future `go_live_at`: `publik.tasks.terbitkan_terjadwal` makes it live later); requesting changes
sends it back to Humas with the comment, as a draft.

`pastikan_alur_publikasi()` is idempotent and meant to run on every deploy (it is called by
`muat_demo`): the group's permissions are kept exactly as declared here, the task and workflow
are created when missing, and an administrator's later choices (another workflow on the Beranda,
other groups on the task, a deactivated workflow) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from organisasi.peran import pastikan_koleksi_publik

from .models import HomePage

GRUP_REDAKTUR = "Redaktur Publikasi"
NAMA_TUGAS = "Persetujuan redaktur"
NAMA_ALUR = "Publikasi"

# Model permissions of the group: the admin, where the "Menunggu tinjauan Anda" panel and the
# workflow actions are.
IZIN_MODEL_REDAKTUR = ["wagtailadmin.access_admin"]
# Page permissions on the Beranda (inherited by every public page). `publish_page` is what
# approving the task needs to make the page live; `change_page` lets the editor correct a page
# while reviewing it; locks follow Wagtail's usual moderation.
IZIN_HALAMAN_REDAKTUR = ["change_page", "publish_page", "lock_page", "unlock_page"]


def _izin_model(kode: str) -> Permission:
    app_label, codename = kode.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def pastikan_grup_redaktur(beranda: HomePage) -> Group:
    """The editors' group with exactly the permissions above."""
    grup, _created = Group.objects.get_or_create(name=GRUP_REDAKTUR)
    grup.permissions.set([_izin_model(kode) for kode in IZIN_MODEL_REDAKTUR])
    izin = list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=IZIN_HALAMAN_REDAKTUR))
    GroupPagePermission.objects.filter(group=grup, page=beranda).exclude(permission__in=izin).delete()
    for permission in izin:
        GroupPagePermission.objects.get_or_create(group=grup, page=beranda, permission=permission)
    return grup


def pastikan_alur(beranda: HomePage, grup: Group) -> Workflow:
    """Task, workflow and its assignment to the Beranda, each created only when missing."""
    tugas = GroupApprovalTask.objects.filter(name=NAMA_TUGAS).first()
    if tugas is None:
        tugas = GroupApprovalTask.objects.create(name=NAMA_TUGAS)
        tugas.groups.set([grup])
    alur, dibuat = Workflow.objects.get_or_create(name=NAMA_ALUR, defaults={"active": True})
    if dibuat or not alur.workflow_tasks.exists():
        WorkflowTask.objects.get_or_create(workflow=alur, task=tugas, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=beranda, defaults={"workflow": alur})
    return alur


@transaction.atomic
def pastikan_alur_publikasi(anggota: Iterable[str] = ()) -> Workflow | None:
    """Set up the "Publikasi" workflow on the Beranda; `anggota` are usernames added to the
    editors' group (the demo adds the Kepala Diskominfo). Returns None when there is no Beranda
    yet (an emptied database): nothing to attach the workflow to."""
    beranda = HomePage.objects.first()
    if beranda is None:
        return None
    grup = pastikan_grup_redaktur(beranda)
    alur = pastikan_alur(beranda, grup)
    pastikan_koleksi_publik()  # Humas' uploads are public media
    for user in get_user_model().objects.filter(username__in=list(anggota)):
        user.groups.add(grup)
    return alur
