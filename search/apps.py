from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The one search facade over letters, templates and public pages."""

    name = "search"
    verbose_name = _("Pencarian")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import hubungkan

        hubungkan()
