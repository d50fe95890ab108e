"""The start page, the barrier lens and help in a real browser, each checked with axe-core:
a coordinator logs in and lands on the start page, opens the barrier lens and a help page."""

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import check_accessibility
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.plans.tests.helpers import cite, make_action, make_plan
from cyberregions.practices.tests.helpers import make_practice

pytestmark = [
    pytest.mark.browser,
    # Regions and vocabularies come from data migrations; a transactional test empties the
    # tables afterwards, so they are restored before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "brittany-coordinator-pass-7"


@pytest.fixture
def coordinator(transactional_db):
    brittany = Region.objects.get(code="FRH0")
    make_practice("Cyber voucher for SMEs", brittany, barriers=("skills",))
    make_practice("Breton submitted idea", brittany, status="submitted", barriers=("skills",))
    # A cross-region link (a Breton plan citing a Tuscan practice) draws the coordination chart.
    tuscan = make_practice("Tuscan network", Region.objects.get(code="ITI1"))
    cite(make_action(make_plan(brittany, "endorsed")), tuscan)
    user = get_user_model().objects.create_user("brittany", "yann@example.org", PASSWORD)
    RegionMembership.objects.create(user=user, region=brittany)
    return user


def test_start_page_barrier_lens_and_help(browser_page, coordinator):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("brittany")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your start page")
    expect(page.get_by_role("heading", name="Your region")).to_be_visible()
    check_accessibility(page, "start page")

    page.goto("/barriers/")
    check_accessibility(page, "barrier index")
    page.locator("main").get_by_role("link", name="Lack of skills").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lack of skills")
    expect(page.get_by_role("link", name="Breton submitted idea")).to_be_visible()
    check_accessibility(page, "barrier lens")
    page.get_by_label("Region").select_option("FRH0")
    page.locator("main").get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lack of skills in")
    check_accessibility(page, "barrier lens of a region")
    page.goto("/barriers/coordination/")
    expect(page.locator("#chart-cross_region_links canvas")).to_have_count(1)
    check_accessibility(page, "coordination lens")

    page.locator("footer").get_by_role("link", name="Help").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Help")
    check_accessibility(page, "help index")
    page.get_by_role("link", name="Events and B2B meetings").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events and B2B meetings")
    check_accessibility(page, "help page")
