"""Test helpers: the named personas every view is tested against.

Lives at the package top so that it may use every app; no application code imports it.
"""

from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
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


class WSGIApplicationForTests(WSGIHandler):
    """Django's WSGI application for tests that call it directly (schemathesis, raw request
    bodies). Like the test client, it keeps the test's database connection across the request:
    a request's start and end close old connections, which on PostgreSQL would close the
    connection holding the test's transaction. The body is read and the response closed
    while that is held off."""

    def __call__(self, environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return [body]


def api_token(user, scope: str = "read_write") -> str:
    """The secret of a new personal API token of ``user``, for the Authorization header."""
    from cyberregions.accounts.api_tokens import create_token

    return create_token(user, name="test", scope=scope, lifetime_days=30)[1]


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


class OracleTestCase(PersonaTestCase):
    """Brute-force agreement of an app's ``can_…`` predicates with its querysets.

    A rule is written twice: once over one object (``can_view_event(user, event)``, what a
    view asks) and once as a queryset (``Event.objects.visible_to(user)``, what a list shows).
    ``assert_oracle`` asks both for every persona and every object, and fails, naming the
    persona and the object's state, where they disagree. Objects should cover every state and
    visibility combination of the model; most tests put them in Brittany (so that
    ``coordinator`` coordinates the object's region and ``other_coordinator`` another one)
    and some in Tuscany (the region of ``member``'s organisation).
    """

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.other_coordinator = User.objects.create_user("toscana", "gianni@example.org")
        RegionMembership.objects.create(user=cls.other_coordinator, region=cls.tuscany)
        # Inactive: every role it held must be ignored, by the predicate and the queryset alike.
        cls.inactive = User.objects.create_user("gone", "gone@example.org", is_active=False)
        RegionMembership.objects.create(user=cls.inactive, region=cls.brittany)
        OrganisationMembership.objects.create(user=cls.inactive, organisation=cls.breton_sme)

    def personas(self, **extra) -> dict:
        """Name → user for every persona, plus ``extra`` ones a test adds (a participant, the
        command line…). Users are read again so that no membership cache carries over."""
        from django.contrib.auth.models import AnonymousUser

        User = get_user_model()
        named = {
            "anonymous": AnonymousUser(),
            "registered": self.registered,
            "member": self.member,
            "coordinator of the region": self.coordinator,
            "coordinator of another region": self.other_coordinator,
            "programme staff": self.staff,
            "administrator": self.admin,
            "inactive coordinator": self.inactive,
            **extra,
        }
        return {
            name: User.objects.get(pk=user.pk) if isinstance(user, User) else user
            for name, user in named.items()
        }

    def assert_oracle(
        self,
        predicate,
        queryset,
        objects: dict,
        personas: dict | None = None,
        everyone: bool = False,
    ):
        """For each persona and each object (``objects``: state description → object),
        ``predicate(user, obj)`` must equal ``queryset(user).filter(pk=obj.pk).exists()``.

        ``predicate`` is e.g. ``permissions.can_view_event``; ``queryset`` a callable from a
        user to a queryset, e.g. ``Event.objects.visible_to``. Unless the rule lets
        ``everyone`` through, the objects and personas must include both an allowed and a
        refused pair, so that an oracle cannot pass by refusing (or allowing) everything."""
        self.assertTrue(objects, "an oracle needs objects")
        personas = personas if personas is not None else self.personas()
        answers = set()
        for persona, user in personas.items():
            for state, obj in objects.items():
                with self.subTest(persona=persona, object=state):
                    expected = queryset(user).filter(pk=obj.pk).exists()
                    answers.add(expected)
                    self.assertEqual(
                        predicate(user, obj),
                        expected,
                        f"{predicate.__name__} says {not expected} but the queryset says "
                        f"{expected} for {persona} on {state}",
                    )
        self.assertEqual(answers, {True} if everyone else {True, False}, "allowed/refused pairs")
