"""The "Publikasi" workflow: Humas submit a public page, the Redaktur Publikasi approve it (it
goes live, or at its scheduled time) or request changes with a comment (it stays a draft)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site, TaskState, Workflow, WorkflowState

from publik import tasks
from publik.alur import GRUP_REDAKTUR, NAMA_ALUR, NAMA_TUGAS, pastikan_alur_publikasi
from publik.models import HalamanPage

pytestmark = pytest.mark.django_db

AWAL = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def _draf(judul: str = "Pengumuman Seleksi Terbuka JPT Pratama", **kolom: object) -> HalamanPage:
    """A page Humas wrote and saved as a draft."""
    beranda = Site.objects.get(is_default_site=True).root_page
    halaman = beranda.add_child(instance=HalamanPage(title=judul, live=False, owner=_user("humas"), **kolom))
    halaman.save_revision(user=_user("humas"))
    return halaman


def _ajukan(halaman: HalamanPage) -> WorkflowState:
    """Humas submit the page (what "Kirim"/submit in the editor does)."""
    alur = halaman.get_workflow()
    assert alur is not None and alur.name == NAMA_ALUR
    return alur.start(halaman, _user("humas"))


def _aksi(client: Client, halaman: Page, aksi: str, komentar: str = "") -> None:
    """The redaktur's action from the admin (the workflow action view the dashboard uses)."""
    task_state = TaskState.objects.get(workflow_state__object_id=str(halaman.pk), status=TaskState.STATUS_IN_PROGRESS)
    url = reverse("wagtailadmin_pages:workflow_action", args=[halaman.pk, aksi, task_state.pk])
    respons = client.post(url, {"comment": komentar} if komentar else {})
    assert respons.status_code == 302, respons.content[:500]


def test_penyiapan_idempoten(demo: None) -> None:
    pastikan_alur_publikasi(anggota=["pejabat"])
    pastikan_alur_publikasi(anggota=["pejabat"])
    alur = Workflow.objects.get(name=NAMA_ALUR)
    assert [t.name for t in alur.tasks] == [NAMA_TUGAS]
    tugas = alur.tasks.get().specific
    assert [g.name for g in tugas.groups.all()] == [GRUP_REDAKTUR]
    beranda = Site.objects.get(is_default_site=True).root_page
    assert beranda.get_workflow() == alur
    assert _user("pejabat").groups.filter(name=GRUP_REDAKTUR).exists()
    assert not _user("humas").groups.filter(name=GRUP_REDAKTUR).exists()
    # every page of the public site inherits it
    assert _draf().get_workflow() == alur


def test_ajukan_setujui_terbit_dan_tampil(demo: None, client: Client) -> None:
    halaman = _draf()
    assert client.get(halaman.url).status_code == 404  # a draft is not served
    _ajukan(halaman)
    client.force_login(_user("pejabat"))
    _aksi(client, halaman, "approve")
    halaman.refresh_from_db()
    assert halaman.live
    assert not halaman.has_unpublished_changes
    assert WorkflowState.objects.get(object_id=str(halaman.pk)).status == WorkflowState.STATUS_APPROVED
    client.logout()
    respons = Client().get(halaman.url)
    assert respons.status_code == 200
    assert "Pengumuman Seleksi Terbuka JPT Pratama" in respons.content.decode()


def test_kembalikan_dengan_komentar_tetap_draf(demo: None, client: Client) -> None:
    halaman = _draf()
    _ajukan(halaman)
    client.force_login(_user("pejabat"))
    komentar = "Lengkapi jadwal seleksi dan tautan pengumuman resmi."
    _aksi(client, halaman, "reject", komentar)
    halaman.refresh_from_db()
    assert not halaman.live
    assert halaman.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(halaman.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state=state).comment == komentar
    assert Client().get(halaman.url).status_code == 404
    # Humas see the comment where they work on the page
    humas = Client()
    humas.force_login(_user("humas"))
    riwayat = humas.get(reverse("wagtailadmin_pages:history", args=[halaman.pk]))
    assert riwayat.status_code == 200
    assert komentar in riwayat.content.decode()


def test_humas_tidak_dapat_terbit_langsung(demo: None, client: Client) -> None:
    halaman = _draf()
    humas = _user("humas")
    assert not halaman.permissions_for_user(humas).can_publish()
    client.force_login(humas)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[halaman.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html  # submitting to the workflow is what Humas do
    # nor may they act on the redaktur's task
    state = _ajukan(halaman)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[halaman.pk, "approve", task_state.pk])
    respons = client.post(url)
    assert respons.status_code in (302, 403)  # Wagtail: "permission denied" message + dashboard
    assert respons.status_code == 403 or respons["Location"] == reverse("wagtailadmin_home")
    halaman.refresh_from_db()
    assert not halaman.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # the bulk publish action refuses the page too
    client.post(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={halaman.pk}",
        {"include_descendants": "on"},
    )
    halaman.refresh_from_db()
    assert not halaman.live


def test_setujui_dengan_jadwal_tayang_dan_kedaluwarsa(demo: None, client: Client) -> None:
    """Approved with a future go-live: live only once terbitkan_terjadwal runs after that time;
    with an expiry: unpublished once it runs after that one."""
    with time_machine.travel(AWAL, tick=False):
        halaman = _draf(go_live_at=AWAL + datetime.timedelta(hours=2), expire_at=AWAL + datetime.timedelta(days=3))
        halaman.save_revision(user=_user("humas"))
        _ajukan(halaman)
        client.force_login(_user("pejabat"))
        _aksi(client, halaman, "approve")
        halaman.refresh_from_db()
        assert not halaman.live
        assert halaman.get_latest_revision().approved_go_live_at == AWAL + datetime.timedelta(hours=2)
        tasks.terbitkan_terjadwal()
        halaman.refresh_from_db()
        assert not halaman.live

    with time_machine.travel(AWAL + datetime.timedelta(hours=1, minutes=59), tick=False):
        tasks.terbitkan_terjadwal()
        halaman.refresh_from_db()
        assert not halaman.live

    with time_machine.travel(AWAL + datetime.timedelta(hours=2, minutes=1), tick=False):
        tasks.terbitkan_terjadwal()
        halaman.refresh_from_db()
        assert halaman.live
        assert Client().get(halaman.url).status_code == 200
        tasks.terbitkan_terjadwal()  # twice is harmless
        halaman.refresh_from_db()
        assert halaman.live

    with time_machine.travel(AWAL + datetime.timedelta(days=3, minutes=1), tick=False):
        assert timezone.now() > halaman.expire_at
        tasks.terbitkan_terjadwal()
        halaman.refresh_from_db()
        assert not halaman.live
        assert halaman.expired
        assert Client().get(halaman.url).status_code == 404
