"""Events and B2B meetings in a real browser: the calendar, an event page, the atlas block of
partner suggestions, a participant's pages (with the htmx search of the catalogue) and the
organiser's pages. Every page opened, and every htmx update, is checked with axe-core (WCAG 2.1
AA). The pages left out here to keep the suite fast share these pages' partials (tables,
forms, navigation)."""

import re

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.events import services
from cyberregions.events.models import MeetingRequest
from cyberregions.events.tests.factories import add_item, make_brokerage, register
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.organisations.models import OfferOrNeed, OrganisationMembership
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import make_organisation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "events-browser-pass-42"


@pytest.fixture
def brokerage(transactional_db):
    User = get_user_model()
    coordinator = User.objects.create_user("brittany", "yann@example.org", PASSWORD)
    RegionMembership.objects.create(user=coordinator, region=Region.objects.get(code="FRH0"))
    member = User.objects.create_user("luca", "luca@example.org", PASSWORD)
    firenze = make_organisation("Firenze Secure Systems", "IT", "ITI1", domains=["CRY"])
    armor = make_organisation("Armor Cyber Defence", "FR", "FRH0", domains=["CRY", "IHF"])
    tallinn = make_organisation("Tallinn Cyber Research", "EE", "EE00", actor_type="rto")
    OrganisationMembership.objects.create(user=member, organisation=firenze)
    need = OfferOrNeed.objects.create(organisation=armor, kind="need", title="Ship encryption")
    need.domains.add(Domain.objects.get(code="CRY"))
    offer = OfferOrNeed.objects.create(organisation=firenze, kind="offer", title="Crypto library")
    offer.domains.add(Domain.objects.get(code="CRY"))
    event = make_brokerage(coordinator, slots=4, tables=2, title="Rennes B2B days")
    tuscan = register(event, member, firenze)
    breton = register(event, User.objects.create_user("armor"), armor)
    estonian = register(event, User.objects.create_user("tallinn"), tallinn)
    add_item(tuscan, "tech_offer", "Post-quantum key management", ["CRY"])
    add_item(breton, "tech_request", "Quantum-safe encryption for ships", ["CRY"])
    add_item(estonian, "rnd_partner", "Research on e-government identity", ["IDM"])
    for requester, recipient, status in (
        (tuscan, breton, "accepted"),
        (estonian, tuscan, "pending"),
        (breton, estonian, "accepted"),
    ):
        MeetingRequest.objects.create(
            event=event, requester=requester, recipient=recipient, status=status
        )
    services.schedule_meetings(coordinator, event, time_limit=5)
    services.publish_schedule(coordinator, event)
    return {"event": event, "tuscan": tuscan, "breton": breton, "armor": armor}


def log_in(page, username):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()


def visit(page, url, heading, label):
    from playwright.sync_api import expect

    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    check_accessibility(page, label)


def test_events_and_b2b_pages_are_accessible(browser_page, brokerage):
    from playwright.sync_api import expect

    page = browser_page
    event = brokerage["event"]
    base = f"/events/{event.slug}"
    visit(page, "/events/", "Upcoming events", "calendar")
    visit(page, f"{base}/", "Rennes B2B days", "event page")

    # The atlas shows the partner suggestions once htmx has loaded them.
    page.goto(f"/organisations/{brokerage['armor'].slug}/")
    expect(page.locator("#partner-suggestions")).to_contain_text("Firenze Secure Systems")
    check_accessibility(page, "organisation page with partner suggestions")

    log_in(page, "luca")
    visit(page, f"{base}/b2b/", "My B2B meetings", "participant's requests")
    visit(page, f"{base}/b2b/profile/", "My cooperation profile", "participant's profile")
    visit(page, f"{base}/b2b/availability/", "My availability", "availability")
    visit(page, f"{base}/b2b/participants/", "Participants", "catalogue")
    page.locator("#id_q").press_sequentially("ships", delay=20)
    expect(page).to_have_url(re.compile(r"[?&]q=ships"))
    expect(page.locator("#participant-results [role=status]")).to_contain_text("1 participant")
    check_accessibility(page, "catalogue after searching")
    save_screenshot(page, "b2b-catalogue")

    page.context.clear_cookies()
    log_in(page, "brittany")
    for suffix, heading in (
        ("b2b/organiser/", "Meeting schedule"),
        ("b2b/organiser/grid/", "Meeting grid"),
        ("b2b/organiser/requests/", "Meeting requests"),
        ("registrations/", "Registrations and attendance"),
    ):
        visit(page, f"{base}/{suffix}", heading, suffix)
    save_screenshot(page, "b2b-organiser")
