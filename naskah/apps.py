from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NaskahConfig(AppConfig):
    """Correspondence: outgoing and incoming letters, approval, dispositions, archive."""

    name = "naskah"
    verbose_name = _("Naskah dinas")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import hubungkan
        from .struktur import pastikan_setelah_migrate

        hubungkan()
        post_migrate.connect(pastikan_setelah_migrate, sender=self)
