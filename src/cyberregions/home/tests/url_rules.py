"""The start page, the barrier lens and help in the URL permission table
(``core/tests/test_url_permissions.py``)."""

from __future__ import annotations

# name: (arguments, answers for anonymous registered member coordinator staff admin)
RULES: dict[str, tuple[str, str]] = {
    "home:me": ("-", "login 200 200 200 200 200"),
    "home:barriers": ("-", "200 200 200 200 200 200"),
    "home:barrier": ("barrier=barrier", "200 200 200 200 200 200"),
    "home:barrier_region": ("barrier=barrier region=region", "200 200 200 200 200 200"),
    "home:help": ("-", "200 200 200 200 200 200"),
    "home:help_module": ("module=help_module", "200 200 200 200 200 200"),
    "api:barrier-lens-list": ("-", "200 200 200 200 200 200"),
    "api:barrier-lens-detail": ("code=barrier", "200 200 200 200 200 200"),
}


def make_fixtures(case) -> dict[str, object]:
    """Nothing to make: the barriers and regions come with the reference data."""
    return {"help_module": "atlas"}
