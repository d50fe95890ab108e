"""The main pages on a 360 px wide phone: none scrolls sideways (the document is never wider
than the screen), each passes axe-core, the atlas shows its results first with the filters
behind a button, and the map lists its active filters."""

import re

import pytest

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import make_organisation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTH = 360
PAGES = [
    "/",
    "/organisations/",
    "/organisations/map/?country=FR",
    "/vocabularies/",
    "/vocabularies/domains/",
    "/regions/",
    "/regions/FRH0/",
    "/practices/",
    "/plans/",
    "/events/",
    "/analysis/",
    "/accounts/login/",
    "/search/?q=cyber",
]


@pytest.fixture
def organisation(transactional_db):
    organisation = make_organisation(
        "Armor Cyber Defence and Maritime Information Security Services",
        "FR",
        "FRH0",
        city="Rennes",
        latitude=48.11,
        longitude=-1.68,
        description="Penetration testing and incident response for maritime companies.",
        domains=["IHF", "DSP", "SMG"],
        sectors=["SEC.manufacturing-and-supply-chains"],
        technologies=["TUC.industrial-iot-and-control-systems"],
    )
    offer = OfferOrNeed.objects.create(
        organisation=organisation, kind="offer", title="Incident response retainer"
    )
    offer.domains.set(Domain.objects.filter(code__in=["IHF", "DSP"]))
    return organisation


def document_width(page) -> int:
    return page.evaluate("() => document.scrollingElement.scrollWidth")


def test_no_main_page_scrolls_sideways_at_360_px(browser_page, organisation):
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 780})
    for path in [*PAGES, f"/organisations/{organisation.slug}/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert document_width(page) <= WIDTH, f"{path} is {document_width(page)} px wide"
        check_accessibility(page, f"{path} at {WIDTH} px")
    save_screenshot(page, "organisation-phone")


def test_the_atlas_shows_results_first_and_filters_behind_a_button(browser_page, organisation):
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 780})
    page.goto("/organisations/")
    results = page.locator("#atlas-results")
    expect(results).to_be_visible()
    expect(page.locator("#atlas-facets")).to_be_hidden()
    assert results.bounding_box()["y"] < 780  # the first result is on the first screen
    button = page.get_by_role("button", name="Filters")
    expect(button).to_be_visible()
    button.click()
    panel = page.locator("#atlas-filter-panel")
    expect(panel).to_be_visible()
    check_accessibility(page, "atlas filters opened on a phone")
    panel.locator("input[name='country'][value='FR']").check()
    expect(page).to_have_url(re.compile(r"[?&]country=FR"))
    panel.get_by_role("button", name="Close").click()
    expect(panel).to_be_hidden()
    save_screenshot(page, "atlas-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("#atlas-facets")).to_be_visible()  # beside the results on a desktop
    expect(button).to_be_hidden()


def test_the_map_lists_its_filters_on_a_phone(browser_page, organisation):
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": 780})
    page.goto("/organisations/map/?country=FR&domain=IHF")
    filters = page.get_by_role("region", name="Active filters")
    expect(filters).to_contain_text("France")
    expect(filters).to_contain_text("Incident Handling and Digital Forensics")
    check_accessibility(page, "map with filters on a phone")
