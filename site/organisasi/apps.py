from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    name = "organisasi"
    verbose_name = _("Organisasi")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signal_handlers import siapkan_peran_setelah_migrate

        post_migrate.connect(siapkan_peran_setelah_migrate, sender=self)
