"""Shared by the registration tests: a verified applicant and the form's data."""

from django.apps import apps

from cyberregions.geo.models import Country, Region
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.forms import RegistrationForm
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase


def verify(user):
    """Give ``user`` a verified e-mail address, as sign-up does once the link is followed."""
    if apps.is_installed("allauth.account"):
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    for cached in ("_has_verified_email",):
        if hasattr(user, cached):
            delattr(user, cached)
    return user


class RegistrationTestCase(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        verify(cls.registered)

    def post_data(self, **overrides) -> dict:
        """What the registration form posts for a new Breton company."""
        data = {
            "name": "Brest Quantum Shield",
            "legal_name": "Brest Quantum Shield SAS",
            "registration_number": "",
            "country": Country.objects.get(iso="FR").pk,
            "region": Region.objects.get(code="FRH0").pk,
            "city": "Brest",
            "website": "https://www.bqshield.example/",
            "status": "active",
            "actor_type": "sme",
            "core_business": "on",
            "employees": "14",
            "turnover_eur": "2000000",
            "description": "Post-quantum cryptography audits.",
            "domains": [Domain.objects.get(code="CRY").pk],
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def submit(self, user=None, **overrides):
        """A registration request sent through the service, as the page sends it."""
        user = user or self.registered
        form = RegistrationForm(self.post_data(**overrides), user=user)
        self.assertTrue(form.is_valid(), form.errors)
        return registrations.submit_registration(
            user, registrations.to_data(form.cleaned_data), form.cleaned_data["registration_number"]
        )
