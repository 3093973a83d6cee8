from celery import shared_task


@shared_task(name="lontar.ping")
def ping() -> str:
    """Round-trip check used by the health view's deep mode and by the tests."""
    return "pong"
