"""Demo data for the get-help module: providers' services, labels (some expiring, some
expired), self-assessments with retakes, and help requests in every state. Written through
the services where a workflow step is involved, so history, audit and notifications are
real. Needs the atlas demo first (``cyberregions demo``)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.geo.models import Region
from cyberregions.organisations.models import Organisation, OrganisationMembership

from . import questionnaires, services
from .choices import LabelStatus, OfferStatus, RequestStatus, Urgency
from .models import (
    Assessment,
    HelpRequest,
    Label,
    LabelStep,
    OrganisationLabel,
    ProviderProfile,
    ServiceCategory,
)
from .permissions import Requester

# Real label schemes, named with their issuers; the demo's holders and numbers are invented.
LABELS = [
    (
        "iso-27001",
        "ISO/IEC 27001 certification",
        "Accredited certification bodies",
        36,
        ["audit", "compliance", "managed_security"],
    ),
    ("passi", "PASSI (security audit providers)", "ANSSI (France)", 36, ["audit", "pentest"]),
    (
        "pris",
        "PRIS (incident response providers)",
        "ANSSI (France)",
        36,
        ["incident_response", "forensics"],
    ),
    (
        "expertcyber",
        "ExpertCyber",
        "Cybermalveillance.gouv.fr with AFNOR (France)",
        24,
        ["incident_response", "backup", "network_cloud"],
    ),
]
LANGUAGES = {
    "FR": "fr",
    "BE": "fr",
    "IT": "it",
    "ES": "es",
    "SI": "sl",
    "EE": "et",
    "SK": "sk",
    "DE": "de",
    "AT": "de",
    "NL": "nl",
    "PT": "pt",
    "PL": "pl",
}
NEEDS = [
    ("Security monitoring for the water utility", "SEC.energy", "lt140k", ["managed_security"]),
    ("Penetration test of the citizen portal", "SEC.government", "lt25k", ["pentest"]),
    ("Backup and recovery plan for schools", "SEC.government", "lt140k", ["backup", "recovery"]),
    (
        "NIS2 readiness of the public transport operator",
        "SEC.transportation",
        "lt140k",
        ["compliance", "audit"],
    ),
    ("Awareness training for 400 municipal staff", "SEC.government", "lt25k", ["awareness"]),
    (
        "Incident response retainer for the hospital group",
        "SEC.health",
        "lt750k",
        ["incident_response", "forensics"],
    ),
]
DESCRIPTIONS = [
    "Our accounting files were encrypted this morning and a ransom note appeared.",
    "We need an audit before answering a public tender that asks for ISO 27001.",
    "A fake invoice was paid last week; we want to train our staff.",
    "Our town hall website is down and the hosting company does not answer.",
    "We want to know whether NIS2 applies to our water utility and what to do.",
    "Our backups have never been tested; we would like help to set up a plan.",
    "A former employee still has access to our cloud tools.",
]


def language_of(country_iso: str) -> str:
    return LANGUAGES.get(country_iso, "en")


def member_of(organisation) -> object:
    """A demo account acting for ``organisation`` (made when the atlas demo has none)."""
    membership = OrganisationMembership.objects.filter(organisation=organisation).first()
    if membership:
        return membership.user
    user, _created = get_user_model().objects.get_or_create(
        username=f"provider-{organisation.slug}"[:150],
        defaults={"email": f"provider-{organisation.pk}@example.org"},
    )
    OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
    return user


def load_gethelp(
    *,
    seed: int = 2026,
    providers: int = 240,
    requests: int = 48,
    assessments: int = 160,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    rng = random.Random(seed)
    say = progress or (lambda message: None)
    today = timezone.localdate()
    categories = {category.code: category for category in ServiceCategory.objects.all()}
    counts = {"providers": 0, "labels": 0, "assessments": 0, "requests": 0}
    with transaction.atomic():
        labels = []
        for code, name, issuer, months, services_ in LABELS:
            label, _created = Label.objects.update_or_create(
                code=code,
                defaults={"name": name, "issuer": issuer, "validity_months": months},
            )
            label.categories.set([categories[c] for c in services_])
            labels.append(label)
        say("labels")
        chosen = list(
            Organisation.objects.filter(core_business=True, provider_profile__isnull=True)
            .select_related("country", "region")
            .order_by("id")[: providers * 3]
        )
        rng.shuffle(chosen)
        codes = list(categories)
        for number, organisation in enumerate(chosen[:providers]):
            responder = number % 3 == 0
            own = list(rng.sample(codes, rng.randint(2, 4)))
            if responder:
                own += ["incident_response", "forensics"]
            profile = ProviderProfile.objects.create(
                organisation=organisation,
                on_site=True,
                remote=rng.random() < 0.3,
                languages=ProviderProfile.pack(["en", language_of(organisation.country.iso)]),
                clients=ProviderProfile.pack(
                    rng.sample(["sme", "local_admin", "essential"], rng.randint(2, 3))
                ),
                available_24_7=responder and rng.random() < 0.6,
                response_hours=rng.choice([2, 4, 8, 24, 48]),
                capacity=rng.randint(2, 8),
            )
            profile.categories.set([categories[c] for c in set(own)])
            if organisation.region_id and organisation.region and organisation.region.parent_id:
                profile.coverage_regions.set([organisation.region.parent_id])
            if rng.random() < 0.4:
                profile.coverage_countries.set([organisation.country_id])
            counts["providers"] += 1
            if rng.random() < 0.6:
                label = rng.choice(labels)
                state = rng.random()
                if state < 0.12:  # expired
                    until = today - datetime.timedelta(days=rng.randint(1, 200))
                elif state < 0.3:  # ends within 60 days: its owners get warned
                    until = today + datetime.timedelta(days=rng.randint(5, 59))
                else:
                    until = today + datetime.timedelta(days=rng.randint(90, 900))
                status = rng.choices(
                    [LabelStatus.VERIFIED, LabelStatus.SUBMITTED, LabelStatus.REFUSED],
                    [8, 2, 1],
                )[0]
                item = OrganisationLabel.objects.create(
                    organisation=organisation,
                    label=label,
                    number=f"DEMO-{label.code.upper()}-{organisation.pk}",
                    valid_from=until - datetime.timedelta(days=30 * label.validity_months),
                    valid_until=until,
                    status=status,
                )
                LabelStep.objects.create(
                    organisation_label=item,
                    step="record",
                    from_state="",
                    to_state=LabelStatus.SUBMITTED,
                )
                if status != LabelStatus.SUBMITTED:
                    LabelStep.objects.create(
                        organisation_label=item,
                        step="verify" if status == LabelStatus.VERIFIED else "refuse",
                        from_state=LabelStatus.SUBMITTED,
                        to_state=status,
                        reason="" if status == LabelStatus.VERIFIED else "Not in the register.",
                    )
                counts["labels"] += 1
        say("providers")
        regions = list(Region.objects.filter(is_partner_territory=True).select_related("country"))
        for number in range(assessments):
            key = "sme" if number % 3 else "local_admin"
            questionnaire = questionnaires.load(key)
            region = rng.choice(regions)
            level = rng.random()
            answers = {}
            for question in questionnaire["questions"]:
                roll = rng.random()
                if roll < 0.07:
                    answers[question["key"]] = "dont_know"
                elif roll < 0.1:
                    answers[question["key"]] = "not_applicable"
                else:
                    options = question["answers"]
                    index = min(
                        len(options) - 1, int((1 - level) * len(options) * rng.random() * 1.6)
                    )
                    answers[question["key"]] = options[index]["key"]
            assessment = services.save_assessment(
                None, questionnaire, answers, country=region.country, region=region
            )
            Assessment.objects.filter(pk=assessment.pk).update(
                created_at=timezone.now() - datetime.timedelta(days=rng.randint(1, 300))
            )
            counts["assessments"] += 1
        say("assessments")
        outcomes = [
            RequestStatus.ROUTED,
            RequestStatus.ACCEPTED,
            RequestStatus.CLOSED,
            RequestStatus.ESCALATED,
            RequestStatus.WITHDRAWN,
            RequestStatus.CLOSED,
        ]
        response_codes = ["incident_response", "audit", "awareness", "backup", "compliance"]
        for number in range(requests):
            region = regions[number % len(regions)]
            wanted = rng.sample(response_codes, rng.randint(1, 2))
            help_request, _created = services.file_request(
                None,
                {
                    "categories": [categories[c] for c in wanted],
                    "urgency": rng.choice(Urgency.values),
                    "country": region.country,
                    "region": region,
                    "entity_type": rng.choice(["sme", "sme", "local_admin", "essential"]),
                    "language": language_of(region.country.iso),
                    "description": rng.choice(DESCRIPTIONS),
                    "contact_name": f"Demo requester {number + 1}",
                    "contact_email": f"requester{number + 1}@example.org",
                    "contact_consent": True,
                },
                f"demo-gethelp-{seed}-{number}",
            )
            counts["requests"] += 1
            target = outcomes[number % len(outcomes)]
            offer = help_request.offers.filter(status=OfferStatus.PENDING).first()
            requester = Requester(help_request.token)
            if help_request.status != RequestStatus.ROUTED:
                continue  # nobody matched: it went to the coordinator
            if target in (RequestStatus.ACCEPTED, RequestStatus.CLOSED) and offer:
                services.accept_offer(member_of(offer.provider.organisation), offer)
                if target == RequestStatus.CLOSED:
                    services.REQUEST_WORKFLOW.transition(
                        requester,
                        help_request,
                        "close",
                        rating=rng.choice([3, 4, 5, 5]),
                        comment="Fast and clear help.",
                    )
            elif target == RequestStatus.ESCALATED:
                services.REQUEST_WORKFLOW.transition(
                    COMMAND_LINE, help_request, "escalate", "No provider accepted in time."
                )
            elif target == RequestStatus.WITHDRAWN:
                services.REQUEST_WORKFLOW.transition(requester, help_request, "withdraw")
        say("requests")
        from cyberregions.taxonomy.models import Sector

        from .models import BuyerNeed, SectorFollow

        sectors = list(Sector.objects.all())
        buyers = list(Organisation.objects.filter(actor_type="public").order_by("id")[: len(NEEDS)])
        for (title, sector_code, band, wanted), buyer in zip(NEEDS, buyers, strict=False):
            need = BuyerNeed.objects.create(
                organisation=buyer,
                sector=Sector.objects.get(code=sector_code),
                title=title,
                description=f"{title}. Demo need published for the platform's demonstration.",
                budget_band=band,
                expected_from=today + datetime.timedelta(days=rng.randint(30, 300)),
            )
            need.categories.set([categories[c] for c in wanted])
        for profile in ProviderProfile.objects.order_by("id")[:60]:
            for sector in rng.sample(sectors, 2):
                SectorFollow.objects.get_or_create(organisation=profile.organisation, sector=sector)
        counts["needs"] = BuyerNeed.objects.count()
        say("public needs")
    counts["by_status"] = {
        status: HelpRequest.objects.filter(status=status).count() for status in RequestStatus.values
    }
    return counts


def clear() -> None:
    from .models import BuyerNeed, SectorFollow

    BuyerNeed.objects.all().delete()
    SectorFollow.objects.all().delete()
    HelpRequest.objects.all().delete()
    Assessment.objects.all().delete()
    OrganisationLabel.objects.all().delete()
    ProviderProfile.objects.all().delete()
