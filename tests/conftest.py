from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client


@pytest.fixture(autouse=True)
def _lupakan_akar_situs() -> None:
    """Wagtail caches the Site root paths (in Redis in CI). Transactional tests flush and
    recreate the Site with a new id without Site signals, so a cached path would point
    at a Site that no longer exists in the next test: start every test without it."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()
    # Likewise the public page cache (publik.cache): a page cached by an earlier test
    # must not answer for another test's database.
    from publik.cache import ganti_versi

    ganti_versi()
    # Likewise the per-process ContentType cache: after a flush, post_migrate makes the
    # content types again with new ids, and a cached old id fails page validation.
    ContentType.objects.clear_cache()


@pytest.fixture
def demo(db: None) -> None:
    """The demo organisation, roles, templates and public root as `make run` loads them
    (without the sample letters, signing certificates and public-site content: tests make
    what they need; tests/publik and tests/ppid load the public site too)."""
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)


@pytest.fixture
def masuk_sebagai(demo: None, client: Client):  # type: ignore[no-untyped-def]
    """Log the test client in as a demo account (by username)."""

    def _masuk(username: str) -> Client:
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return client

    return _masuk


@pytest.fixture
def demo_password() -> str:
    return settings.LONTAR_DEMO_PASSWORD
