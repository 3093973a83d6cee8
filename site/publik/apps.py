from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _alur_publikasi(sender: AppConfig, **kwargs: Any) -> None:
    """Every deploy (`migrate`) keeps the "Publikasi" workflow on the Beranda (idempotent)."""
    from .alur import pastikan_alur_publikasi

    pastikan_alur_publikasi()


class PublikConfig(AppConfig):
    name = "publik"
    verbose_name = _("Situs publik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import hubungkan

        hubungkan()
        post_migrate.connect(_alur_publikasi, sender=self, dispatch_uid="publik-alur-publikasi")
