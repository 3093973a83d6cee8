from typing import Any

from django.apps import AppConfig, apps
from django.contrib.auth.management import create_permissions


def siapkan_peran_setelah_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """Keep the role groups and their permissions in step with the code after
    every `migrate` (idempotent). Permissions of apps migrated after this one
    are created first so every role gets all of its permissions."""
    from .peran import siapkan_peran

    using = kwargs.get("using", "default")
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    siapkan_peran(using=using)
