from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.fixture
def templates_demo(db: None) -> None:
    """Organisation, letterheads, numbering patterns and the eight demo templates."""
    call_command("muat_demo", diam=True, tanpa_naskah=True, tanpa_tte=True, tanpa_situs=True)
