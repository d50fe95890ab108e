"""The search page's rows in the URL permission table (core/tests/test_url_permissions.py)."""

RULES = {
    "search:results": ("-", "200 200 200 200 200 200"),
    "api:search-list": ("-", "200 200 200 200 200 200"),
}


def make_fixtures(case) -> dict[str, object]:
    return {}
