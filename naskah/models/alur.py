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


def butuh_sandi() -> bool:
    """Whether the active signer needs the official's passphrase at the final approval."""
    from ..penanda import penanda_aktif

    return bool(penanda_aktif().butuh_sandi)


class TandaTanganForm(CatatanOpsionalForm):
    sandi = forms.CharField(
        label=_("Passphrase TTE"),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        required=True,
        help_text=_("Passphrase sertifikat elektronik Anda. Tidak disimpan; hanya dipakai untuk tanda tangan ini."),
    )


def ip_klien(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


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
            layanan.aksi_tugas(
                task_state,
                user,
                action_name,
                comment=kwargs.get("comment", ""),
                sandi=kwargs.get("sandi", ""),
                ip=ip_klien(permintaan_sekarang()),
            )
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

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        aksi = super().get_actions(obj, user)
        if aksi and butuh_sandi():  # one approve action, in a modal that asks for the passphrase
            return [("reject", _("Kembalikan"), True), ("approve", self.label_setujui, True)]
        return aksi

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == "approve" and butuh_sandi():
            return TandaTanganForm
        return super().get_form_for_action(action)

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


class DisposisiTask(Task):
    """The one task of the "Disposisi" workflow. Held by the letter's addressee (the head
    of the receiving unit, or their Plh/Plt), who disposes; every disposition holder acts
    on their own branch through it too (teruskan, selesai). It completes when every
    branch is done (see naskah.layanan_masuk)."""

    class Meta:
        verbose_name = _("disposisi naskah masuk")
        verbose_name_plural = _("disposisi naskah masuk")

    @classmethod
    def get_description(cls) -> Any:
        return _("Pimpinan unit penerima mendisposisikan; penerima disposisi meneruskan atau menindaklanjuti.")

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return bool(self.get_actions(obj, user))

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self.get_actions(obj, user)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        from ..layanan_masuk import aksi_alur

        return aksi_alur(obj, user)

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        from ..forms_masuk import form_aksi_alur

        return form_aksi_alur(action)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        # Wagtail's "awaiting your review" panel works out the actions of every listed
        # letter one by one (a dozen queries each). Incoming letters are listed instead by
        # Lontar's dashboard panel and "Disposisi untuk saya" (a fixed number of queries);
        # the action menu and modal of this task stay available on each letter.
        return TaskState.objects.none()

    def on_action(self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any) -> Any:
        from django.contrib import messages

        from lontar.middleware import permintaan_sekarang

        from .. import layanan_masuk
        from ..layanan import GalatNaskah

        request = permintaan_sekarang()
        try:
            layanan_masuk.aksi_dari_alur(task_state, user, action_name, kwargs)
        except GalatNaskah as exc:
            if request is None:
                raise
            messages.error(request, exc.pesan)
        else:
            if request is not None:
                messages.success(request, _("Disposisi tersimpan."))
        return None
