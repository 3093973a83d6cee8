#!/usr/bin/env python
"""Django's command-line utility for Lontar.

`site/` holds the project package (`lontar`) and the site apps; it is a folder on
sys.path, never a package (the standard library already has a `site` module).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> None:
    for path in (ROOT / "site", ROOT):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
