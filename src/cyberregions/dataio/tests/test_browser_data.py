"""In a real browser: Swagger UI at /api/docs/ under the site's Content Security Policy, the
export menu of the atlas following the filters, and the data pages and import steps checked
with axe-core."""

import re

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import NOT_LOCAL, check_accessibility, save_screenshot
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.testing import make_organisation

from .files import csv_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "brittany-coordinator-pass-7"


@pytest.fixture
def atlas(transactional_db):
    make_organisation("Armor Cyber Defence", "FR", "FRH0", city="Rennes", domains=["IHF"])
    make_organisation("Firenze Secure Systems", "IT", "ITI1", city="Firenze", domains=["CRY"])
    user = get_user_model().objects.create_user("brittany", "yann@example.org", PASSWORD)
    RegionMembership.objects.create(user=user, region=Region.objects.get(code="FRH0"))


def test_swagger_ui_renders_under_the_content_security_policy(chromium_browser, live_server, atlas):
    from playwright.sync_api import expect

    context = chromium_browser.new_context(base_url=live_server.url, bypass_csp=False)
    context.route(NOT_LOCAL, lambda route: route.abort())
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    try:
        response = page.goto("/api/docs/")
        assert "script-src 'self'" in response.headers["content-security-policy"]
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("cyberregions API")
        expect(
            page.locator(".opblock-summary-path", has_text="/api/organisation-imports/").first
        ).to_be_visible()
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_export_menu_follows_the_filters(browser_page, atlas):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/organisations/")
    page.get_by_role("button", name="Export").click()
    csv_link = page.get_by_role("link", name="CSV (spreadsheets)")
    expect(csv_link).to_be_visible()
    expect(csv_link).to_have_attribute("href", "/data/export/organisations.csv")
    check_accessibility(page, "atlas with the export menu open")
    page.keyboard.press("Escape")
    page.locator("input[name=country][value=IT]").check()
    expect(page).to_have_url(re.compile(r"[?&]country=IT"))
    hidden_link = page.locator("a[data-export-base='/data/export/organisations.csv']")
    expect(hidden_link).to_have_attribute(
        "href",
        re.compile(r"^/data/export/organisations\.csv\?(scope=offers&)?country=IT(&sort=name)?$"),
    )
    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
        csv_link.click()
    text = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: PTH123, SIM115
    assert "Firenze Secure Systems" in text
    assert "Armor Cyber Defence" not in text


def test_the_data_pages_and_an_import_in_the_browser(browser_page, atlas, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data in and out")
    check_accessibility(page, "data page")
    save_screenshot(page, "data-page")

    page.goto("/accounts/login/?next=/data/import/")
    page.get_by_label("Username").fill("brittany")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import organisations")
    check_accessibility(page, "import form")

    source = tmp_path / "brittany.csv"
    header = ["name", "country", "region", "employees"]
    source.write_bytes(
        csv_bytes([["Lannion Cyber", "FR", "", "7"], ["Bad", "XX", "", "x"]], header=header)
    )
    page.locator("#id_file").set_input_files(str(source))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Import of brittany.csv")
    expect(page.locator("main")).to_contain_text("Unknown country")
    check_accessibility(page, "import preview with errors")
    save_screenshot(page, "import-preview")

    page.get_by_label("Import only the valid rows").check()
    page.get_by_role("button", name="Import", exact=True).click()
    # The import runs as a task (immediately in the test run): its progress page links back.
    expect(page.locator("#task-run-status")).to_contain_text("Finished")
    check_accessibility(page, "import progress page")
    page.get_by_role("link", name="See what was imported").click()
    expect(page.locator("main [role=status]")).to_contain_text("1 created")
    check_accessibility(page, "import result")
