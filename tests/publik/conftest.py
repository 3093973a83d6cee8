from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db: None) -> None:
    """The demo with the public site's content (pages, news, agenda, menu, DIP)."""
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True)
