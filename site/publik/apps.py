from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublikConfig(AppConfig):
    name = "publik"
    verbose_name = _("Situs publik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import hubungkan

        hubungkan()
