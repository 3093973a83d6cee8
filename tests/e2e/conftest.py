"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("LONTAR_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), f"Chromium tidak ditemukan di {CHROMIUM}: jalankan `bash .ci/system-deps`."
    # Playwright's sync API keeps an event loop running in this thread; the ORM calls
    # of the tests stay synchronous and safe. Set only while the browser is open.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    # Office browsers often send en-US: Lontar must still open in Indonesian.
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    _tutup(context)


@pytest.fixture
def tutup():  # type: ignore[no-untyped-def]
    """For tests that open their own browser contexts: close them the same safe way."""
    return _tutup


def _tutup(context) -> None:  # type: ignore[no-untyped-def]
    """Close a browser context without leaving a request in flight: Wagtail's editor pings the
    server on a timer, and a request still running while the test database is flushed
    (TRUNCATE) can deadlock with it. Leave every page first, let the server finish, then close."""
    for p in context.pages:
        # a page that cannot navigate any more is closed anyway
        with contextlib.suppress(Exception):
            p.goto("about:blank")
    time.sleep(0.5)
    context.close()


@pytest.fixture
def masuk(page, live_server, settings):  # type: ignore[no-untyped-def]
    """Log a demo account in through the admin login form; returns the page."""

    def _masuk(username: str, password: str | None = None):  # type: ignore[no-untyped-def]
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password or settings.LONTAR_DEMO_PASSWORD)
        page.click("button[type=submit]")
        return page

    return _masuk
