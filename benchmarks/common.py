"""What every benchmark process does before it measures: Django set up on the database it was
given, the way a deployment runs it (DEBUG off, so that no query is kept in memory and no
template keeps its debug data), with a throw-away key that no site uses."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str, **environment: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-" + secrets.token_hex(24))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cyberregions.settings")
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
