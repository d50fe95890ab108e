"""The practices app's own rows of the URL permission table (core/tests/test_url_permissions.py):
name: (arguments, answers for anonymous registered member coordinator staff admin). The older
practices rows stay in the core table."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "practices:organisation_choices": ("-", "login 403 403 200 403 200"),
}


def make_fixtures(case) -> dict[str, object]:
    return {}
