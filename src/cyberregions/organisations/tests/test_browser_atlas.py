"""The atlas in a real browser: search and facets through htmx, the detail page, the map, the
language switcher and a coordinator editing an organisation of its region. Every page opened,
and every htmx update, is checked with axe-core."""

import re

import pytest
from django.contrib.auth import get_user_model

from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.testing import make_organisation

pytestmark = [
    pytest.mark.browser,
    # Countries, regions and vocabularies come from data migrations; a transactional test
    # empties the tables afterwards, so they are restored before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COORDINATOR_PASSWORD = "brittany-coordinator-pass-7"


@pytest.fixture
def atlas(transactional_db):
    organisations = {
        "armor": make_organisation(
            "Armor Cyber Defence",
            "FR",
            "FRH0",
            city="Rennes",
            latitude=48.11,
            longitude=-1.68,
            employees=12,
            turnover_eur=1_500_000,
            core_business=True,
            description="Penetration testing and incident response for maritime companies.",
            domains=["IHF", "NDS"],
        ),
        "breizh": make_organisation(
            "Breizh Cyber Lab",
            "FR",
            "FRH0",
            actor_type="rto",
            city="Brest",
            latitude=48.39,
            longitude=-4.49,
            description="Applied research on the security of naval and port systems.",
            domains=["CRY"],
        ),
        "lyon": make_organisation(
            "Lyon Cyber Academy",
            "FR",
            actor_type="training",
            city="Lyon",
            description="Evening courses for security analysts.",
        ),
        "firenze": make_organisation(
            "Firenze Secure Systems",
            "IT",
            "ITI1",
            city="Firenze",
            latitude=43.77,
            longitude=11.26,
            core_business=True,
            description="Cryptography libraries and key management for banks.",
        ),
        "tallinn": make_organisation(
            "Tallinn Cyber Research Institute",
            "EE",
            "EE00",
            actor_type="rto",
            city="Tallinn",
            description="Research on secure e-government systems.",
        ),
    }
    coordinator = get_user_model().objects.create_user(
        "brittany", "yann@example.org", COORDINATOR_PASSWORD
    )
    RegionMembership.objects.create(user=coordinator, region=Region.objects.get(code="FRH0"))
    return {"coordinator": coordinator, **organisations}


def facet(page, name: str, value: str):
    return page.locator(f"#atlas-facets input[name='{name}'][value='{value}']")


def facet_count(page, name: str, value: str) -> str:
    checkbox_id = facet(page, name, value).get_attribute("id")
    return page.locator(f"#atlas-facets label[for='{checkbox_id}'] .facet-count").inner_text()


def result_names(page) -> list[str]:
    return page.locator("#atlas-results tbody tr td:first-child a").all_inner_texts()


def test_search_facets_and_detail(browser_page, atlas):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("European cybersecurity")
    check_accessibility(page, "home page")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Atlas", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"/organisations/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ecosystem atlas")
    expect(page.locator("#atlas-results [role=status]")).to_contain_text("5 organisations")
    check_accessibility(page, "atlas list")
    save_screenshot(page, "atlas-list")

    # htmx swaps the results in place: a marker set on the window survives, a reload would not.
    page.evaluate("() => { window.__sameDocument = true; }")

    page.locator("#id_q").press_sequentially("cyber", delay=20)
    expect(page).to_have_url(re.compile(r"[?&]q=cyber"))
    expect(page.locator("#atlas-results [role=status]")).to_contain_text("4 organisations")
    assert "Firenze Secure Systems" not in result_names(page)
    assert facet_count(page, "country", "FR") == "3"
    assert facet_count(page, "country", "EE") == "1"
    assert facet(page, "country", "IT").count() == 0
    check_accessibility(page, "atlas after searching")

    facet(page, "country", "FR").check()
    expect(page).to_have_url(re.compile(r"[?&]country=FR"))
    expect(page.locator("#atlas-results [role=status]")).to_contain_text("3 organisations")
    expect(facet(page, "country", "FR")).to_be_checked()
    expect(facet(page, "actor_type", "rto")).to_be_visible()
    assert facet_count(page, "actor_type", "rto") == "1"  # Tallinn is no longer counted
    assert facet_count(page, "actor_type", "sme") == "1"
    assert facet_count(page, "actor_type", "training") == "1"
    check_accessibility(page, "atlas after ticking a country")

    facet(page, "actor_type", "rto").check()
    expect(page).to_have_url(re.compile(r"[?&]actor_type=rto"))
    expect(page.locator("#atlas-results [role=status]")).to_contain_text("1 organisation")
    assert result_names(page) == ["Breizh Cyber Lab"]
    # Counts of a facet ignore its own selection: with actor type "rto" and "cyber", France
    # and Estonia have one research organisation each.
    assert facet_count(page, "country", "FR") == "1"
    assert facet_count(page, "country", "EE") == "1"
    assert page.evaluate("() => window.__sameDocument === true"), "the page was reloaded"
    check_accessibility(page, "atlas after ticking an actor type")

    page.get_by_role("link", name="Breizh Cyber Lab").click()
    expect(page).to_have_url(re.compile(r"/organisations/breizh-cyber-lab/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Breizh Cyber Lab")
    expect(page.locator("main")).to_contain_text("Applied research on the security of naval")
    expect(page.locator("main")).to_contain_text("Research and technology organisation")
    expect(page.locator(".org-card")).to_contain_text("Brest")
    expect(page.locator(".org-card")).to_contain_text("Bretagne")
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)  # anonymous visitor
    check_accessibility(page, "organisation detail")


def test_map_draws_a_canvas_and_lists_the_counts(browser_page, atlas):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/organisations/map/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Map of the ecosystems")
    expect(page.locator("#atlas-map canvas").first).to_be_visible()
    # The chart gets its series once the world shapes and the map data have loaded.
    page.wait_for_function(
        """() => {
            const chart = window.echarts.getInstanceByDom(document.getElementById("atlas-map"));
            const option = chart && chart.getOption();
            return option && option.series && option.series.length === 3
                && option.series[1].data.length === 3;
        }"""
    )
    expect(page.locator("#atlas-map-status")).to_have_text("")
    rows = {
        cells[0]: cells[1]
        for cells in (
            row.locator("td").all_inner_texts()
            for row in page.locator("#atlas-map-table tbody tr").all()
        )
    }
    assert rows == {
        "Bretagne (Brittany) (FRH0)": "2",
        "Tuscany (Toscana) (ITI1)": "1",
        "Estonia (Eesti) (EE00)": "1",
        "France": "3",
        "Italy": "1",
        "Estonia": "1",
    }
    check_accessibility(page, "map")
    save_screenshot(page, "atlas-map")

    # Zooming in past the threshold swaps the bubbles for one point per organisation, and the
    # map stays at the zoom the visitor chose; zooming out brings the bubbles back.
    roam = """(factor) => {
        const chart = window.echarts.getInstanceByDom(document.getElementById("atlas-map"));
        chart.dispatchAction({type: "geoRoam", componentType: "geo", geoIndex: 0,
                              zoom: factor, originX: 500, originY: 300});
        const option = chart.getOption();
        return {zoom: option.geo[0].zoom, points: option.series[2].data.length,
                bubbles: option.series[1].data.length};
    }"""
    assert page.evaluate(roam, 1.5) == {"zoom": pytest.approx(4.8), "points": 3, "bubbles": 0}
    assert page.evaluate(roam, 0.5) == {"zoom": pytest.approx(2.4), "points": 0, "bubbles": 3}


def test_language_switcher(browser_page, atlas):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/organisations/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_label("Language").select_option("fr")
    page.locator("form[action$='/i18n/setlang/'] button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_url(re.compile(r"/organisations/$"))
    check_accessibility(page, "atlas in French")

    page.locator("#language-select").select_option("en")
    page.locator("form[action$='/i18n/setlang/'] button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/organisations/$"))
    check_accessibility(page, "atlas back in English")


def test_coordinator_logs_in_and_edits_an_organisation_of_its_region(browser_page, atlas):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/organisations/armor-cyber-defence/")
    check_accessibility(page, "detail before logging in")
    page.get_by_role("link", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    check_accessibility(page, "login form")

    page.get_by_label("Username").fill("brittany")
    page.get_by_label("Password").fill(COORDINATOR_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/organisations/armor-cyber-defence/$"))
    expect(page.get_by_role("link", name="brittany", exact=True)).to_be_visible()
    check_accessibility(page, "detail as coordinator")

    page.locator("main").get_by_role("link", name="Edit", exact=True).click()
    expect(page).to_have_url(re.compile(r"/organisations/armor-cyber-defence/edit/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Armor Cyber Defence")
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value(
        "Armor Cyber Defence"
    )
    expect(page.get_by_role("textbox", name="City", exact=True)).to_have_value("Rennes")
    expect(page.get_by_role("combobox", name="Region")).to_have_value(str(atlas["armor"].region_id))
    check_accessibility(page, "edit form")
