from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TemplatesSuratConfig(AppConfig):
    """Letter templates, jenis naskah, kop surat, numbering and the renderer."""

    name = "templates_surat"
    verbose_name = _("Template surat")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .struktur import pastikan_struktur_setelah_migrate

        post_migrate.connect(pastikan_struktur_setelah_migrate, sender=self)
