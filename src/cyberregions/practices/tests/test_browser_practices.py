"""The library in a real browser: cards and table, a practice's page, the printable page, and a
coordinator submitting a draft. Every page opened is checked with axe-core."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.practices.models import PracticeFigure
from cyberregions.testing import make_organisation

from .helpers import make_practice

pytestmark = [
    pytest.mark.browser,
    # Regions and vocabularies come from data migrations; a transactional test empties the
    # tables afterwards, so they are restored before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "brittany-coordinator-pass-7"


@pytest.fixture
def library(transactional_db):
    brittany = Region.objects.get(code="FRH0")
    agency = make_organisation("Rennes Cyber Agency", "FR", "FRH0", actor_type="public")
    published = make_practice(
        "Cyber voucher for SMEs",
        brittany,
        barriers=("fragmentation", "skills"),
        domains=("SMG",),
        main_institution=agency,
        start_date=datetime.date(2019, 3, 1),
        budget_eur=1_200_000,
        evidence="Uptake monitored every year.",
    )
    PracticeFigure.objects.create(practice=published, label="SMEs diagnosed", value=420)
    make_practice("Tuscan academy", Region.objects.get(code="ITI1"), domains=("EDU",))
    draft = make_practice("Regional incident line", brittany, status="draft")
    coordinator = get_user_model().objects.create_user("brittany", "yann@example.org", PASSWORD)
    RegionMembership.objects.create(user=coordinator, region=brittany)
    return {"published": published, "draft": draft}


def test_library_pages_and_submission(browser_page, library):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/practices/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Good practices")
    expect(page.get_by_text("2 good practices")).to_be_visible()
    check_accessibility(page, "library cards")
    page.get_by_role("link", name="Table").click()
    expect(page.locator("table caption")).to_have_count(1)
    check_accessibility(page, "library table")

    page.get_by_role("link", name="Cyber voucher for SMEs").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cyber voucher for SMEs")
    expect(page.get_by_role("cell", name="SMEs diagnosed")).to_be_visible()
    check_accessibility(page, "practice page")
    save_screenshot(page, "practice-page")

    page.get_by_role("link", name="Printable page").click()
    expect(page).to_have_url(re.compile(r"/print/$"))
    check_accessibility(page, "printable page")

    page.goto("/accounts/login/?next=/practices/regional-incident-line/")
    page.get_by_label("Username").fill("brittany")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Regional incident line")
    check_accessibility(page, "draft as coordinator")

    page.locator("main").get_by_role("link", name="Submit for validation").click()
    check_accessibility(page, "submit step")
    page.locator("main").get_by_role("button", name="Submit for validation").click()
    expect(page.get_by_text("The practice has been submitted to programme staff.")).to_be_visible()
    expect(page.locator("main .badge").first).to_have_text("Submitted")
    check_accessibility(page, "after submission")
