"""Registration in a real browser, every page checked with axe-core: the form, the duplicates
step, the request, the coordinator's decision and the lists."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from cyberregions.conftest import check_accessibility
from cyberregions.geo.models import Country, Region, RegionMembership
from cyberregions.organisations.models import RegistrationRequest
from cyberregions.testing import make_organisation

from .registration_helpers import verify

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, live_server, user):
    """Give the browser a session of ``user`` (the login form has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_register_see_duplicates_and_be_approved(browser_page, live_server):
    from playwright.sync_api import expect

    User = get_user_model()
    applicant = verify(User.objects.create_user("applicant", "applicant@example.org"))
    coordinator = verify(User.objects.create_user("brittany", "yann@example.org"))
    RegionMembership.objects.create(user=coordinator, region=Region.objects.get(code="FRH0"))
    make_organisation("Armor Cyber Defence", "FR", "FRH0", city="Rennes")
    page = browser_page

    page.goto("/")
    page.get_by_role("link", name="Register your organisation").click()
    expect(page).to_have_url(re.compile(r"/login/"))
    log_in(page, live_server, applicant)
    page.goto("/organisations/register/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Register your organisation")
    check_accessibility(page, "registration form")

    page.get_by_role("textbox", name="Name", exact=True).fill("Armor Cyber Defense")
    page.get_by_role("combobox", name="Country").select_option(
        str(Country.objects.get(iso="FR").pk)
    )
    page.get_by_role("combobox", name="Region").select_option(
        str(Region.objects.get(code="FRH0").pk)
    )
    page.get_by_role("textbox", name="City", exact=True).fill("Rennes")
    page.get_by_role("combobox", name="Actor type").select_option("sme")
    page.locator("main").get_by_role("button", name="Send the registration request").click()
    expect(page.get_by_role("heading", name="This organisation may already be in the atlas"))
    expect(page.get_by_role("link", name="Claim this one instead")).to_be_visible()
    check_accessibility(page, "duplicates step")
    assert not RegistrationRequest.objects.exists()

    page.get_by_label("None of these is my organisation").check()
    page.locator("main").get_by_role("button", name="Send the registration request").click()
    expect(page).to_have_url(re.compile(r"/organisations/registrations/\d+/$"))
    check_accessibility(page, "request as applicant")
    registration = RegistrationRequest.objects.get()

    log_in(page, live_server, coordinator)
    page.goto("/organisations/registrations/")
    check_accessibility(page, "list as coordinator")
    page.get_by_role("link", name="Armor Cyber Defense").click()
    page.locator("main").get_by_role("link", name="Approve").click()
    check_accessibility(page, "approval step")
    page.locator("main").get_by_role("button", name="Approve").click()
    expect(page.get_by_text("The organisation is in the atlas:")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert registration.organisation.name == "Armor Cyber Defense"
