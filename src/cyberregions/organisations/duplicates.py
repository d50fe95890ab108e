"""Likely duplicates of an organisation someone is about to register.

Three signs, each cheap and explainable to the applicant: the same VAT number (normalised
with python-stdnum), the same website domain (lower-case host without ``www.``), and a similar
name in the same city (rapidfuzz's token-set ratio of at least ``NAME_SIMILARITY``). The atlas
itself keeps no VAT number, so that sign is looked up among the registration requests: an
approved one points at the organisation it created.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, utils
from stdnum.eu import vat
from stdnum.util import clean

NAME_SIMILARITY = 90
# ISO 3166 codes whose VAT prefix differs.
VAT_PREFIX = {"GR": "EL"}

SAME_NUMBER = _("same VAT number")
SAME_DOMAIN = _("same website domain")
SIMILAR_NAME = _("similar name in the same city")


def normalise_vat(value: str, country_iso: str = "") -> str:
    """``FR 40 303.265-045`` → ``FR40303265045``; the country's prefix is added when missing.
    Raises ``ValueError`` when the result is not a valid EU VAT number."""
    number = clean(value or "", " -./,").upper().strip()
    if not number:
        return ""
    if not number[:2].isalpha() and country_iso:
        number = VAT_PREFIX.get(country_iso, country_iso) + number
    # stdnum's errors are ValueErrors; an unknown country prefix is one too.
    number = vat.compact(number)
    if not vat.is_valid(number):
        raise ValueError(number)
    return number


def normalise_domain(url: str) -> str:
    """``https://WWW.Example.org/about`` → ``example.org``; ``""`` when there is no host."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = f"https://{url}"
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".").lower()
    return host[4:] if host.startswith("www.") else host


def fold(text: str) -> str:
    """Lower case without accents or extra spaces: ``Saint-Étienne `` → ``saint-etienne``."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def similar_names(name: str, other: str) -> bool:
    score = fuzz.token_set_ratio(name, other, processor=utils.default_process)
    return score >= NAME_SIMILARITY


@dataclass
class Duplicate:
    """An organisation (or a request still being decided) that may be the one registered."""

    reasons: list = field(default_factory=list)
    organisation: object = None
    pending_request: object = None


def find_duplicates(
    *,
    name: str,
    city: str,
    country,
    website: str = "",
    registration_number: str = "",
    exclude_request=None,
) -> list[Duplicate]:
    """The likely duplicates of an organisation with these fields, organisations first."""
    from .choices import RegistrationStatus
    from .models import Organisation, RegistrationRequest

    found: dict[tuple, Duplicate] = {}

    def add(reason, organisation=None, pending=None):
        key = ("organisation", organisation.pk) if organisation else ("request", pending.pk)
        duplicate = found.setdefault(
            key, Duplicate(organisation=organisation, pending_request=pending)
        )
        if reason not in duplicate.reasons:
            duplicate.reasons.append(reason)

    requests = RegistrationRequest.objects.exclude(
        status__in=[RegistrationStatus.REFUSED, RegistrationStatus.DRAFT]
    ).select_related("organisation")
    if exclude_request is not None:
        requests = requests.exclude(pk=exclude_request.pk)
    domain = normalise_domain(website)
    conditions = []
    if registration_number:
        conditions.append(("registration_number", registration_number, SAME_NUMBER))
    if domain:
        conditions.append(("website_domain", domain, SAME_DOMAIN))
    for column, value, reason in conditions:
        for request in requests.filter(**{column: value}):
            if request.status == RegistrationStatus.APPROVED:
                if request.organisation is not None:
                    add(reason, organisation=request.organisation)
            else:
                add(reason, pending=request)

    if domain:
        # Narrowed in the database, decided on the normalised host.
        for organisation in Organisation.objects.filter(website__icontains=domain):
            if normalise_domain(organisation.website) == domain:
                add(SAME_DOMAIN, organisation=organisation)

    if city and name and country is not None:
        wanted_city = fold(city)
        candidates = (
            Organisation.objects.filter(country=country)
            .exclude(city="")
            .values_list("pk", "name", "city")
        )
        similar = [
            pk
            for pk, other_name, other_city in candidates
            if fold(other_city) == wanted_city and similar_names(name, other_name)
        ]
        for organisation in Organisation.objects.filter(pk__in=similar):
            add(SIMILAR_NAME, organisation=organisation)

    return sorted(found.values(), key=lambda duplicate: duplicate.organisation is None)
