from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    """PPID (UU 14/2008, Perki 1/2021): Daftar Informasi Publik, requests for information
    by citizens and objections (keberatan), with working-day deadlines."""

    name = "ppid"
    verbose_name = _("PPID")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from publik.signal_handlers import selalu_bersihkan

        from .models import InformasiPublik

        # the DIP page is served from the public page cache: an edited item shows at once
        post_save.connect(selalu_bersihkan, sender=InformasiPublik, dispatch_uid="ppid-cache-simpan")
        post_delete.connect(selalu_bersihkan, sender=InformasiPublik, dispatch_uid="ppid-cache-hapus")
