"""Shared pytest fixtures: a real Chromium driven through Playwright, and axe-core checks.

The browser tests (``@pytest.mark.browser``) use Debian's Chromium at ``/usr/bin/chromium``
(``make browser`` installs it when running as root); Playwright's own browser downloads are
never used. When no browser can be had, the tests skip and say why.

Pages are served by pytest-django's ``live_server`` on 127.0.0.1. Its server thread wraps the
application in Django's ``StaticFilesHandler`` (as ``StaticLiveServerTestCase`` does), so
``/static/`` is answered by the staticfiles finders: the npm packages that ``STATICFILES_DIRS``
maps from ``node_modules`` under ``vendor/``, and the project's own ``static/``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings

CHROMIUM = Path(os.environ.get("CYBERREGIONS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SCRIPT = Path(django_settings.NODE_MODULES_DIR) / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Set CYBERREGIONS_SCREENSHOTS to a directory (outside the repository) to keep screenshots.
SCREENSHOT_DIR = os.environ.get("CYBERREGIONS_SCREENSHOTS", "")
# Anything that is not the live server is refused: the tests never reach the internet.
NOT_LOCAL = re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)(:\d+)?/)")

# The live server listens on 127.0.0.1 (pytest-django's default is "localhost", which may
# resolve to ::1 first). ``--liveserver`` on the command line still wins.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


@pytest.fixture(scope="module")
def chromium_browser():
    """One headless Chromium per test module; Playwright stops with it."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"Chromium not found at {CHROMIUM}: browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("The playwright Python package is not installed: browser tests skipped")
    # Playwright's synchronous API keeps an asyncio loop running in this thread while it is
    # open. Django then (1) refuses ORM calls from the tests unless DJANGO_ALLOW_ASYNC_UNSAFE is
    # set, and (2) keeps database connections per context instead of per thread, handing the
    # tests fresh connection objects that lack what setup_databases() stored on the originals
    # (the serialized contents that ``serialized_rollback`` restores). So the variable is set
    # while the browser is open, and the thread's own connections are put back in place.
    from django.db import connections

    originals = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in originals.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser_page(chromium_browser, live_server):
    """A fresh page (own cookies) on the live server; relative URLs go to it.

    ``bypass_csp`` lets ``check_accessibility`` add axe-core as a script tag: the site's
    Content Security Policy forbids inline scripts. JavaScript errors on any page fail the
    test.
    """
    context = chromium_browser.new_context(
        base_url=live_server.url,
        bypass_csp=True,
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
        service_workers="block",
    )
    context.set_default_timeout(10_000)
    context.route(NOT_LOCAL, lambda route: route.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    try:
        yield page
    finally:
        context.close()
    if errors:
        pytest.fail("JavaScript errors in the browser:\n" + "\n".join(errors), pytrace=False)


def check_accessibility(page, label: str = "") -> None:
    """Run axe-core (WCAG 2.0 and 2.1, levels A and AA) on the page as it is now; fail listing
    every violation with the nodes concerned."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        if not AXE_SCRIPT.is_file():
            pytest.fail(f"axe-core not found at {AXE_SCRIPT}: run `npm ci`", pytrace=False)
        page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        """async (tags) => {
            const results = await window.axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            });
            return results.violations.map((violation) => ({
                id: violation.id,
                impact: violation.impact,
                help: violation.help,
                helpUrl: violation.helpUrl,
                nodes: violation.nodes.map((node) => ({
                    target: node.target,
                    summary: node.failureSummary,
                })),
            }));
        }""",
        AXE_TAGS,
    )
    if not violations:
        return
    lines = [f"{len(violations)} accessibility violation(s) on {label or page.url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}")
            for detail in (node["summary"] or "").splitlines():
                lines.append(f"        {detail}")
    pytest.fail("\n".join(lines), pytrace=False)


def save_screenshot(page, name: str) -> Path | None:
    """Keep a full-page screenshot when CYBERREGIONS_SCREENSHOTS names a directory."""
    if not SCREENSHOT_DIR:
        return None
    path = Path(SCREENSHOT_DIR) / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path
