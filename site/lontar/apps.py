from django.apps import AppConfig


class LontarConfig(AppConfig):
    name = "lontar"
    verbose_name = "Lontar"
