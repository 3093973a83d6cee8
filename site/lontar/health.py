"""`/healthz`: is the database, the Celery broker and the search backend reachable?

Answers JSON with one entry per component; HTTP 503 when any of them fails, so a
load balancer or monitoring probe can act on the status code alone.
"""

import logging
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _cek_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cek_broker() -> None:
    from lontar.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=3)


def _cek_search() -> None:
    from search import mesin

    aktif = mesin.aktif()
    if not aktif.sehat():
        raise ConnectionError(f"mesin pencari {aktif.nama} tidak menjawab")


CHECKS: dict[str, Callable[[], None]] = {
    "database": _cek_database,
    "broker": _cek_broker,
    "search": _cek_search,
}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    hasil: dict[str, dict[str, str]] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - any failure is reported, not raised
            logger.warning("healthz: %s gagal: %s", name, exc)
            hasil[name] = {"status": "error", "detail": f"{type(exc).__name__}: {exc}"[:300]}
        else:
            hasil[name] = {"status": "ok"}
    ok = all(item["status"] == "ok" for item in hasil.values())
    return JsonResponse({"status": "ok" if ok else "error", "checks": hasil}, status=200 if ok else 503)
