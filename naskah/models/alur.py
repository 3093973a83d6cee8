"""Custom Wagtail workflow tasks held by a *jabatan*: whoever holds it on the day
(definitive holder or Plh/Plt) may act. One task per jabatan and kind, reused by
every chain (see naskah.alur)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState


class CatatanWajibForm(forms.Form):
    comment = forms.CharField(
        label=_("Catatan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=True,
        help_text=_("Jelaskan apa yang harus diperbaiki."),
    )


class CatatanOpsionalForm(forms.Form):
    comment = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TugasJabatan(Task):
    jabatan = models.ForeignKey(
        "organisasi.Jabatan", verbose_name=_("jabatan"), on_delete=models.PROTECT, related_name="+"
    )

    admin_form_fields = [*Task.admin_form_fields, "jabatan"]
    label_setujui = _("Setujui")

    class Meta:
        abstract = True
        constraints = [models.UniqueConstraint(fields=["jabatan"], name="%(class)s_satu_per_jabatan")]

    def _memegang(self, user: Any) -> bool:
        from ..akses import jabatan_ids

        return self.jabatan_id in jabatan_ids(user)

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return False  # reviewers read, approve or return; they do not edit the drafter's konsep

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return True  # a letter under review is not edited

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        if not self._memegang(user):
            return []
        return [
            ("reject", _("Kembalikan"), True),
            ("approve", self.label_setujui, False),
            ("approve", _("%(aksi)s dengan catatan") % {"aksi": self.label_setujui}, True),
        ]

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        return CatatanWajibForm if action == "reject" else CatatanOpsionalForm

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        if self._memegang(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> Any:
        """Every action goes through naskah.layanan: locks, re-checks and clear errors there."""
        from django.contrib import messages

        from lontar.middleware import permintaan_sekarang

        from .. import layanan

        try:
            layanan.aksi_tugas(task_state, user, action_name, comment=kwargs.get("comment", ""))
        except layanan.GalatNaskah as exc:
            request = permintaan_sekarang()
            if request is None:
                raise
            messages.error(request, exc.pesan)
        return None


class ParafTask(TugasJabatan):
    label_setujui = _("Paraf")

    class Meta:
        verbose_name = _("paraf naskah")
        verbose_name_plural = _("paraf naskah")

    @classmethod
    def get_description(cls) -> Any:
        return _("Pemegang jabatan (atau Plh/Plt-nya) memaraf atau mengembalikan konsep.")


class TandaTanganTask(TugasJabatan):
    label_setujui = _("Tandatangani")

    class Meta:
        verbose_name = _("tanda tangan naskah")
        verbose_name_plural = _("tanda tangan naskah")

    @classmethod
    def get_description(cls) -> Any:
        return _("Pemegang jabatan penandatangan menyetujui dan menandatangani; nomor diberikan saat itu.")


class AlurNaskah(models.Model):
    """The Wagtail workflow for one chain (pemaraf in order, then penandatangan),
    made once and shared by every letter with that chain."""

    kunci = models.CharField(max_length=255, unique=True)
    workflow = models.OneToOneField("wagtailcore.Workflow", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return self.kunci
