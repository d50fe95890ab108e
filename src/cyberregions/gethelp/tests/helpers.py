"""Objects the get-help tests share: a provider with services and a label, a request."""

from __future__ import annotations

import datetime
import secrets

from django.utils import timezone

from cyberregions.geo.models import Country, Region

from ..choices import LabelStatus
from ..models import Label, OrganisationLabel, ProviderProfile, ServiceCategory


def category(code: str) -> ServiceCategory:
    return ServiceCategory.objects.get(code=code)


def make_profile(
    organisation, *codes, languages=("en",), clients=("sme",), regions=(), countries=(), **fields
):
    profile = ProviderProfile.objects.create(
        organisation=organisation,
        languages=ProviderProfile.pack(languages),
        clients=ProviderProfile.pack(clients),
        **fields,
    )
    profile.categories.set(ServiceCategory.objects.filter(code__in=codes or ["incident_response"]))
    profile.coverage_regions.set(Region.objects.filter(code__in=regions))
    profile.coverage_countries.set(Country.objects.filter(iso__in=countries))
    return profile


def make_label(code="qualified-responder", name="Qualified incident responder") -> Label:
    label, _created = Label.objects.get_or_create(
        code=code, defaults={"name": name, "issuer": "National agency", "validity_months": 24}
    )
    return label


def give_label(organisation, status=LabelStatus.VERIFIED, days_left=365, label=None, number=None):
    today = timezone.localdate()
    return OrganisationLabel.objects.create(
        organisation=organisation,
        label=label or make_label(),
        number=number or secrets.token_hex(4),
        valid_from=today - datetime.timedelta(days=100),
        valid_until=today + datetime.timedelta(days=days_left),
        status=status,
    )


def request_data(**overrides) -> dict:
    data = {
        "categories": [category("incident_response")],
        "urgency": "high",
        "country": Country.objects.get(iso="FR"),
        "region": Region.objects.get(code="FRH0"),
        "entity_type": "sme",
        "language": "fr",
        "description": "Our files are encrypted.",
        "contact_name": "Anne Martin",
        "contact_email": "anne@example.org",
        "contact_consent": True,
    }
    data.update(overrides)
    return data


def post_data(**overrides) -> dict:
    data = {
        "submission_key": secrets.token_urlsafe(24),
        "categories": ["incident_response"],
        "urgency": "high",
        "country": "FR",
        "region": "FRH0",
        "entity_type": "sme",
        "language": "fr",
        "description": "Our files are encrypted.",
        "contact_name": "Anne Martin",
        "contact_email": "anne@example.org",
        "contact_consent": "on",
    }
    data.update(overrides)
    return data
