"""Test helpers: the named personas every view is tested against.

Lives at the package top so that it may use every app; no application code imports it.
"""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils.text import slugify

from cyberregions.geo.models import Country, Region, RegionMembership
from cyberregions.organisations.models import Organisation, OrganisationMembership
from cyberregions.organisations.services import refresh_search
from cyberregions.taxonomy.models import Domain, Sector, Technology


def make_organisation(name: str, country: str, region: str | None = None, **fields) -> Organisation:
    tags = {key: fields.pop(key) for key in ("domains", "sectors", "technologies") if key in fields}
    organisation = Organisation(
        slug=fields.pop("slug", None) or slugify(name),
        name=name,
        country=Country.objects.get(iso=country),
        region=Region.objects.get(code=region) if region else None,
        actor_type=fields.pop("actor_type", "sme"),
        **fields,
    )
    organisation.save()
    models = {"domains": Domain, "sectors": Sector, "technologies": Technology}
    for key, codes in tags.items():
        getattr(organisation, key).set(models[key].objects.filter(code__in=codes))
    refresh_search(organisation)
    return organisation


class PersonaTestCase(TestCase):
    """An administrator, programme staff, the coordinator of Brittany, a member of an SME in
    Tuscany, a registered user without roles, and the anonymous visitor (no login)."""

    @classmethod
    def setUpTestData(cls):
        User = get_user_model()
        # No password: hashing with Argon2 costs half a second a class; tests log in with
        # force_login, and the hashing tests set a password themselves.
        cls.admin = User.objects.create_superuser("admin", "admin@example.org", None)
        cls.staff = User.objects.create_user("staff", "staff@example.org", is_programme_staff=True)
        cls.coordinator = User.objects.create_user("brittany", "yann@example.org")
        cls.member = User.objects.create_user("luca", "luca@example.org")
        cls.registered = User.objects.create_user("nobody", "nobody@example.org")
        cls.brittany = Region.objects.get(code="FRH0")
        cls.tuscany = Region.objects.get(code="ITI1")
        RegionMembership.objects.create(user=cls.coordinator, region=cls.brittany)
        cls.breton_sme = make_organisation(
            "Armor Cyber Defence",
            "FR",
            "FRH0",
            city="Rennes",
            employees=12,
            turnover_eur=1_500_000,
            core_business=True,
            description="Penetration testing and incident response for maritime companies.",
            domains=["IHF", "NDS"],
            sectors=["SEC.transportation"],
        )
        cls.tuscan_sme = make_organisation(
            "Firenze Secure Systems",
            "IT",
            "ITI1",
            city="Firenze",
            employees=8,
            turnover_eur=900_000,
            core_business=True,
            description="Cryptography libraries and key management for banks.",
            domains=["CRY"],
        )
        cls.estonian_rto = make_organisation(
            "Tallinn Cyber Research Institute",
            "EE",
            "EE00",
            actor_type="rto",
            city="Tallinn",
            description="Research on secure e-government systems.",
        )
        OrganisationMembership.objects.create(user=cls.member, organisation=cls.tuscan_sme)

    def login(self, user):
        self.client.force_login(user)
        return user
