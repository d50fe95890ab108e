"""The analysis pages in a real browser: every chart is drawn by charts.js from the page's
JSON, the pages pass axe-core, and a stakeholder answers the survey through a link."""

import pytest
from django.contrib.auth import get_user_model

from cyberregions.analysis import indicators, services
from cyberregions.analysis.choices import SurveyStatus
from cyberregions.analysis.models import SurveyResponse
from cyberregions.conftest import check_accessibility, save_screenshot
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.testing import make_organisation

from .base import item

pytestmark = [
    pytest.mark.browser,
    # Countries, regions and vocabularies come from data migrations; a transactional test
    # empties the tables afterwards, so they are restored before each test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COORDINATOR_PASSWORD = "brittany-coordinator-pass-7"
DASHBOARD_CHARTS = [
    "chart-actor-types",
    "chart-sizes",
    "chart-domains",
    "chart-specialisation",
    "chart-gaps",
    "chart-map",
]


@pytest.fixture
def ecosystem(transactional_db):
    indicators.reset_reference()
    armor = make_organisation(
        "Armor Cyber Defence",
        "FR",
        "FRH0",
        employees=12,
        turnover_eur=1_500_000,
        core_business=True,
        domains=["IHF", "NDS"],
        sectors=["SEC.transportation"],
    )
    lab = make_organisation("Breizh Cyber Lab", "FR", "FRH0", actor_type="rto", domains=["CRY"])
    make_organisation(
        "Firenze Secure Systems",
        "IT",
        "ITI1",
        employees=8,
        turnover_eur=900_000,
        core_business=True,
        domains=["CRY"],
    )
    item(armor, "offer", "Penetration tests", ["NDS"])
    item(lab, "need", "Quantum-safe key exchange", ["CRY"])
    coordinator = get_user_model().objects.create_user(
        "brittany", "y@example.org", COORDINATOR_PASSWORD
    )
    brittany = Region.objects.get(code="FRH0")
    RegionMembership.objects.create(user=coordinator, region=brittany)
    services.add_swot_item(coordinator, brittany, {"quadrant": "strength", "text": "Naval base"})
    survey = services.create_survey(coordinator, brittany, "Needs of 2025")
    services.set_survey_status(coordinator, survey, SurveyStatus.OPEN)
    yield {"invitation": services.create_invitations(coordinator, survey)[0], "survey": survey}
    indicators.reset_reference()


def drawn(page, element_id: str) -> bool:
    return page.evaluate(
        """(id) => {
            const chart = window.echarts.getInstanceByDom(document.getElementById(id));
            const option = chart && chart.getOption();
            return Boolean(option && option.series && option.series.length);
        }""",
        element_id,
    )


def test_dashboard_overview_and_comparison_draw_their_charts(browser_page, ecosystem):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/analysis/regions/FRH0/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Territorial analysis of Bretagne")
    page.wait_for_function("() => window.echarts !== undefined")
    page.wait_for_function(
        """() => { const c = window.echarts.getInstanceByDom(document.getElementById("chart-map"));
                   const o = c && c.getOption(); return o && o.series && o.series.length; }"""
    )
    for chart_id in DASHBOARD_CHARTS:
        assert drawn(page, chart_id), chart_id
    expect(page.locator("#swot")).to_contain_text("Naval base")
    check_accessibility(page, "region dashboard")
    save_screenshot(page, "analysis-dashboard")

    page.goto("/analysis/")
    expect(page.locator("#market-table")).to_contain_text("12,000")
    assert drawn(page, "chart-eu-countries")
    check_accessibility(page, "EU overview")

    page.goto("/analysis/compare/?regions=FRH0&regions=ITI1")
    expect(page.locator("#comparison-table thead")).to_contain_text("Tuscany")
    assert drawn(page, "chart-compare-density") and drawn(page, "chart-compare-specialisation")
    check_accessibility(page, "comparison")

    page.goto("/analysis/regions/FRH0/report/")
    expect(page.locator("svg.report-chart")).to_have_count(5)
    check_accessibility(page, "HTML report")


def test_a_stakeholder_answers_through_an_invitation_link(browser_page, ecosystem):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(f"/analysis/answer/{ecosystem['invitation'].token}/")
    check_accessibility(page, "survey questionnaire")
    page.get_by_role("group", name="Lack of coordination").get_by_label("Strongly").check()
    page.get_by_role("group", name="Market fragmentation").get_by_label("Slightly").check()
    page.get_by_role("group", name="Lack of skills").get_by_label("Critically").check()
    page.get_by_label("Cryptology", exact=False).select_option("3")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you")
    check_accessibility(page, "survey thanks")
    assert SurveyResponse.objects.count() == 1
    page.goto(f"/analysis/answer/{ecosystem['invitation'].token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This survey link cannot be used")


def test_the_coordinator_keeps_the_swot_and_runs_the_survey(browser_page, ecosystem):
    from playwright.sync_api import expect

    page = browser_page
    page.goto("/accounts/login/?next=/analysis/regions/FRH0/")
    page.get_by_label("Username").fill("brittany")
    page.get_by_label("Password").fill(COORDINATOR_PASSWORD)
    page.locator("main").get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Edit the SWOT").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("SWOT of Bretagne (Brittany)")
    check_accessibility(page, "SWOT page")
    page.get_by_label("Quadrant").select_option("weakness")
    page.get_by_label("Statement").fill("Few training centres")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("#swot-table")).to_contain_text("Few training centres")

    page.goto("/analysis/regions/FRH0/surveys/")
    check_accessibility(page, "survey list")
    page.get_by_role("link", name="Needs of 2025").click()
    expect(page.locator("#invitation-table")).to_contain_text("/analysis/answer/")
    check_accessibility(page, "survey page")
    page.get_by_label("Number of links").fill("2")
    page.get_by_role("button", name="Create").click()
    expect(page.locator("#invitation-table tbody tr")).to_have_count(3)
