from celery import shared_task
from django.core.management import call_command


@shared_task(name="publik.tasks.terbitkan_terjadwal", ignore_result=True)
def terbitkan_terjadwal() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones
    (Wagtail's `publish_scheduled`; run every minute by Celery beat). Safe to
    run twice: a page already published is left alone."""
    call_command("publish_scheduled")
