"""The plan pages in a real browser, for programme staff: a plan, its timeline (a drawn
chart), the overview of every plan, the differences between two versions and a monitoring
report. Every page opened is checked with axe-core."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.geo.models import Region
from cyberregions.plans import services
from cyberregions.plans.models import ActionPlan

from .helpers import make_action, make_indicator, make_plan, make_report

pytestmark = [
    pytest.mark.browser,
    # Regions come from data migrations; a transactional test empties the tables afterwards,
    # so they are restored before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "programme-staff-pass-7"
VOUCHER = "A voucher covering a diagnostic by a labelled regional provider, of up to EUR"


@pytest.fixture
def plans(transactional_db):
    brittany = Region.objects.get(code="FRH0")
    User = get_user_model()
    staff = User.objects.create_user(
        "staff", "staff@example.org", PASSWORD, is_programme_staff=True
    )
    running = make_plan(brittany, "in_implementation", "Brittany plan in implementation")
    first = make_action(running, 1, cost=300_000, title="Diagnostic voucher")
    second = make_action(
        running,
        2,
        cost=100_000,
        title="Skills criterion",
        start=datetime.date(2025, 6, 1),
        end=datetime.date(2026, 6, 30),
    )
    make_indicator(first, target=180, milestones=[(datetime.date(2025, 12, 31), 60)])
    report = make_report(
        running,
        2025,
        1,
        "accepted",
        [(first, "on_track", 40), (second, "delayed", 10, "The call opened late.")],
    )
    draft = make_plan(brittany, "draft", "Brittany second plan", instrument_name="Training plan")
    make_action(draft, 1, description=f"{VOUCHER} 5,000, decided within six weeks.")
    return {"staff": staff, "running": running, "report": report, "draft": draft}


def freeze_two_versions(draft):
    """Two versions of the draft: submitted, returned, changed, submitted again."""
    from cyberregions.geo.models import RegionMembership

    coordinator = get_user_model().objects.create_user("brittany", "yann@example.org")
    RegionMembership.objects.create(user=coordinator, region=draft.region)
    staff = get_user_model().objects.get(username="staff")
    services.submit_plan(coordinator, draft)
    services.return_plan(staff, ActionPlan.objects.get(pk=draft.pk), "Raise the voucher.")
    action = draft.actions.get()
    services.update_action(
        coordinator, action, {"description": f"{VOUCHER} 10,000, decided within four weeks."}
    )
    services.submit_plan(coordinator, ActionPlan.objects.get(pk=draft.pk))


def test_staff_pages_in_a_browser(browser_page, plans):
    from playwright.sync_api import expect

    freeze_two_versions(plans["draft"])
    page = browser_page
    page.goto("/accounts/login/?next=/plans/overview/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview of every action plan")
    expect(page.locator("#plans-overview-chart canvas")).to_have_count(1)
    check_accessibility(page, "overview")
    save_screenshot(page, "plans-overview")

    page.goto(f"/plans/{plans['running'].pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Brittany plan in implementation")
    check_accessibility(page, "plan page")
    page.locator("main").get_by_role("link", name="Timeline").click()
    expect(page.locator("#plan-timeline canvas")).to_have_count(1)
    expect(page.get_by_role("cell", name="Delayed")).to_be_visible()
    check_accessibility(page, "timeline")
    save_screenshot(page, "plans-timeline")

    page.goto(f"/plans/reports/{plans['report'].pk}/")
    expect(page.get_by_text("The call opened late.")).to_be_visible()
    check_accessibility(page, "report")

    page.goto(f"/plans/{plans['draft'].pk}/versions/")
    expect(page.locator("ins").first).to_be_visible()
    check_accessibility(page, "versions")
    save_screenshot(page, "plans-versions")
