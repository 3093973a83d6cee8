from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from .models import Unit


class UnitQuerySet(models.QuerySet):
    def aktif(self) -> UnitQuerySet:
        return self.filter(aktif=True)

    def turunan(self, unit: Unit, termasuk_diri: bool = True) -> UnitQuerySet:
        """`unit` and every unit below it (the tree is shallow: a query per level)."""
        ids: set[int] = {unit.pk} if termasuk_diri else set()
        level = [unit.pk]
        while level:
            level = list(self.model._default_manager.filter(induk_id__in=level).values_list("pk", flat=True))
            ids.update(level)
        return self.filter(pk__in=ids)


class JabatanQuerySet(models.QuerySet):
    def aktif(self) -> JabatanQuerySet:
        return self.filter(aktif=True)

    def penandatangan(self) -> JabatanQuerySet:
        return self.aktif().filter(dapat_menandatangani=True)


class PegawaiQuerySet(models.QuerySet):
    def aktif(self) -> PegawaiQuerySet:
        return self.filter(aktif=True, user__is_active=True)


class DelegasiQuerySet(models.QuerySet):
    def berlaku(self, tanggal: datetime.date | None = None) -> DelegasiQuerySet:
        tanggal = tanggal or timezone.localdate()
        return self.filter(mulai__lte=tanggal, selesai__gte=tanggal)
