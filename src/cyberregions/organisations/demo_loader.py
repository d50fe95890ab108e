"""Writing the generated demo ecosystem into the database, fast: bulk inserts in batches,
tags through the many-to-many tables, then one rebuild of the search index."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cyberregions.geo.models import Country, Region, RegionMembership
from cyberregions.taxonomy.models import Domain, NistFunction, Sector, Technology

from . import search
from .demo.generator import DEFAULT_ORGANISATIONS, TaxonomyCodes, generate_ecosystem
from .models import ClaimRequest, Contact, OfferOrNeed, Organisation, OrganisationMembership

BATCH = 2000
THROUGH_COLUMNS = {
    "domains": "domain_id",
    "sectors": "sector_id",
    "technologies": "technology_id",
    "nist_functions": "nistfunction_id",
}
DEMO_PASSWORD = "demo-cyberregions"  # noqa: S105 — documented in the README; demo only

# (username, first name, last name, role, scope) — the personas of the README.
DEMO_ACCOUNTS = [
    ("admin", "Ada", "Admin", "administrator", None),
    ("staff", "Paula", "Programme", "programme_staff", None),
    ("brittany", "Yann", "Le Goff", "coordinator", "FRH0"),
    ("wallonia", "Sophie", "Dubois", "coordinator", "BE3"),
    ("tuscany", "Giulia", "Bianchi", "coordinator", "ITI1"),
    ("castilla", "Javier", "García", "coordinator", "ES41"),
    ("slovenia", "Maja", "Novak", "coordinator", "SI0"),
    ("estonia", "Kadri", "Tamm", "coordinator", "EE00"),
    ("kosice", "Peter", "Horváth", "coordinator", "SK042"),
    ("member", "Luca", "Rossi", "member", "ITI1"),
]


def taxonomy_codes() -> TaxonomyCodes:
    def labels(model):
        return dict(model.objects.values_list("code", "label"))

    domains, sectors = labels(Domain), labels(Sector)
    technologies, functions = labels(Technology), labels(NistFunction)
    return TaxonomyCodes(
        domains=list(domains),
        sectors=list(sectors),
        technologies=list(technologies),
        nist_functions=list(functions),
        labels={**domains, **sectors, **technologies, **functions},
    )


@transaction.atomic
def load_demo(
    organisations: int = DEFAULT_ORGANISATIONS,
    seed: int = 2018,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Replace the atlas with a generated ecosystem; returns the counts written."""
    started = time.perf_counter()
    ClaimRequest.objects.all().delete()
    OrganisationMembership.objects.all().delete()
    Organisation.objects.all().delete()

    countries = dict(Country.objects.values_list("iso", "id"))
    regions = dict(Region.objects.values_list("code", "id"))
    term_ids = {
        "domains": dict(Domain.objects.values_list("code", "id")),
        "sectors": dict(Sector.objects.values_list("code", "id")),
        "technologies": dict(Technology.objects.values_list("code", "id")),
        "nist_functions": dict(NistFunction.objects.values_list("code", "id")),
    }
    counts = {"organisations": 0, "offers_needs": 0, "contacts": 0}
    batch: list = []
    for record in generate_ecosystem(
        organisations=organisations, seed=seed, taxonomy=taxonomy_codes(), progress=progress
    ):
        batch.append(record)
        if len(batch) >= BATCH:
            _write_batch(batch, countries, regions, term_ids, counts)
            batch = []
    if batch:
        _write_batch(batch, countries, regions, term_ids, counts)
    search.rebuild_index()
    counts["users"] = _demo_accounts()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def _write_batch(records, countries, regions, term_ids, counts) -> None:
    now = timezone.now()
    objects = []
    for record in records:
        organisation = Organisation(
            slug=record.key,
            name=record.name,
            legal_name=record.legal_name,
            country_id=countries[record.country],
            region_id=regions.get(record.region_code) if record.region_code else None,
            city=record.city,
            latitude=record.latitude,
            longitude=record.longitude,
            website=record.website,
            founded=record.founded,
            status=record.status,
            actor_type=record.actor_type,
            employees=record.employees,
            turnover_eur=record.turnover_eur,
            balance_sheet_eur=record.balance_sheet_eur,
            core_business=record.core_business,
            description=record.description,
            products_services="\n".join(record.products_services),
            created_at=now,
            updated_at=now,
        )
        organisation.derive()
        items = [("offer", f"{item.title} {item.description}") for item in record.offers]
        items += [("need", f"{item.title} {item.description}") for item in record.needs]
        organisation.search_document = search.document_for(organisation, items, record.domains)
        objects.append(organisation)
    Organisation.objects.bulk_create(objects, batch_size=BATCH)
    if objects[0].pk is None:
        # Engines that do not return ids from bulk inserts: read them back by slug.
        ids = dict(
            Organisation.objects.filter(slug__in=[o.slug for o in objects]).values_list(
                "slug", "id"
            )
        )
        for organisation in objects:
            organisation.pk = organisation.id = ids[organisation.slug]
    counts["organisations"] += len(objects)

    for field, ids in term_ids.items():
        through = getattr(Organisation, field).through
        column = THROUGH_COLUMNS[field]
        rows = [
            through(organisation_id=organisation.pk, **{column: ids[code]})
            for organisation, record in zip(objects, records, strict=True)
            for code in getattr(record, field)
            if code in ids
        ]
        through.objects.bulk_create(rows, batch_size=5000)

    items, item_records = [], []
    contacts = []
    for organisation, record in zip(objects, records, strict=True):
        for kind, entries in (("offer", record.offers), ("need", record.needs)):
            for entry in entries:
                items.append(
                    OfferOrNeed(
                        organisation_id=organisation.pk,
                        kind=kind,
                        title=entry.title,
                        description=entry.description,
                    )
                )
                item_records.append(entry)
        for contact in record.contacts:
            contacts.append(
                Contact(
                    organisation_id=organisation.pk,
                    name=contact.name,
                    role=contact.role,
                    email=contact.email,
                    phone=contact.phone,
                    public_consent=contact.public_consent,
                    consent_recorded_at=now if contact.public_consent else None,
                )
            )
    OfferOrNeed.objects.bulk_create(items, batch_size=BATCH)
    if items and items[0].pk is None:
        raise RuntimeError("The database did not return ids for offers and needs.")
    for field in ("domains", "sectors", "technologies"):
        column = THROUGH_COLUMNS[field]
        through = getattr(OfferOrNeed, field).through
        ids = term_ids[field]
        rows = [
            through(offerorneed_id=item.pk, **{column: ids[code]})
            for item, entry in zip(items, item_records, strict=True)
            for code in getattr(entry, field)
            if code in ids
        ]
        through.objects.bulk_create(rows, batch_size=5000)
    Contact.objects.bulk_create(contacts, batch_size=BATCH)
    counts["offers_needs"] += len(items)
    counts["contacts"] += len(contacts)


def _demo_accounts() -> int:
    from allauth.account.models import EmailAddress

    User = get_user_model()
    created = 0
    for username, first, last, role, scope in DEMO_ACCOUNTS:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@demo.cyberregions.eu",
            },
        )
        user.is_superuser = user.is_staff = role == "administrator"
        user.is_programme_staff = role == "programme_staff"
        user.set_password(DEMO_PASSWORD)
        user.save()
        # Mandatory e-mail verification: the demo addresses count as verified.
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        created += int(was_created)
        if role == "coordinator":
            RegionMembership.objects.get_or_create(user=user, region=Region.objects.get(code=scope))
        if role == "member":
            organisation = (
                Organisation.objects.filter(
                    region__code=scope, actor_type="sme", core_business=True
                )
                .order_by("name")
                .first()
            )
            if organisation:
                OrganisationMembership.objects.get_or_create(user=user, organisation=organisation)
    return created
