from __future__ import annotations

import pytest
from django.test import Client

from lontar import health
from lontar.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_healthz_ok_semua_komponen(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"] == {name: {"status": "ok"} for name in ("database", "broker", "search")}


def test_healthz_503_saat_broker_mati(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Redis port nobody listens on: the check must fail fast, not hang. Celery
    # prefers the CELERY_BROKER_URL environment variable over its configuration.
    mati = "redis://127.0.0.1:9/0"
    monkeypatch.setenv("CELERY_BROKER_URL", mati)
    monkeypatch.setattr(celery_app.conf, "broker_url", mati)
    response = client.get("/healthz")
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "error"
    assert data["checks"]["broker"]["status"] == "error"
    assert data["checks"]["database"] == {"status": "ok"}


def test_healthz_503_saat_database_gagal(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def gagal() -> None:
        raise ConnectionError("tidak dapat terhubung")

    monkeypatch.setitem(health.CHECKS, "database", gagal)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "status": "error",
        "detail": "ConnectionError: tidak dapat terhubung",
    }


def test_healthz_hanya_get(client: Client) -> None:
    assert client.post("/healthz").status_code == 405


def test_healthz_503_saat_mesin_pencari_mati(client: Client, settings: pytest.FixtureRequest) -> None:
    from search import mesin

    settings.LONTAR_SEARCH_BACKEND = "elasticsearch"  # type: ignore[attr-defined]
    settings.LONTAR_SEARCH_URL = "http://127.0.0.1:9"  # type: ignore[attr-defined]
    settings.LONTAR_SEARCH_TIMEOUT = 1  # type: ignore[attr-defined]
    mesin.lupakan()
    try:
        response = client.get("/healthz")
    finally:
        mesin.lupakan()
    assert response.status_code == 503
    data = response.json()
    assert data["checks"]["search"]["status"] == "error"
    assert "elasticsearch" in data["checks"]["search"]["detail"]
