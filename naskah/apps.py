from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NaskahConfig(AppConfig):
    """Correspondence: outgoing and incoming letters, approval, dispositions, archive."""

    name = "naskah"
    verbose_name = _("Naskah dinas")
    default_auto_field = "django.db.models.BigAutoField"
