from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TemplatesSuratConfig(AppConfig):
    """Letter templates, jenis naskah, kop surat, numbering and the renderer."""

    name = "templates_surat"
    verbose_name = _("Template surat")
    default_auto_field = "django.db.models.BigAutoField"
