"""Shared fixtures of the practices tests: practices in a given state, more personas."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify

from cyberregions.geo.models import Region, RegionMembership
from cyberregions.practices.models import Practice
from cyberregions.taxonomy.models import Barrier, Domain
from cyberregions.testing import PersonaTestCase


def make_practice(
    title: str,
    region: Region,
    status: str = "published",
    barriers=("skills",),
    domains=(),
    **fields,
) -> Practice:
    """A practice written straight to the database in ``status`` (no workflow, no audit)."""
    practice = Practice(
        slug=fields.pop("slug", None) or slugify(title),
        title=title,
        region=region,
        summary=fields.pop("summary", f"Summary of {title}."),
        status=status,
        published_at=timezone.now() if status == "published" else None,
        **fields,
    )
    practice.save()
    practice.barriers.set(Barrier.objects.filter(code__in=barriers))
    practice.domains.set(Domain.objects.filter(code__in=domains))
    return practice


# A fast hasher for the personas' passwords: the suite stays quick on a busy machine.
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class PracticeTestCase(PersonaTestCase):
    """The personas, plus a coordinator of Tuscany (another region) and practices of Brittany
    in the main states."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.tuscan_coordinator = User.objects.create_user("giulia", "giulia@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)
        cls.estonia = Region.objects.get(code="EE00")
        cls.published = make_practice(
            "Cyber voucher for SMEs",
            cls.brittany,
            barriers=("fragmentation", "skills"),
            domains=("SMG",),
            main_institution=cls.breton_sme,
            start_date=datetime.date(2019, 3, 1),
            end_date=datetime.date(2021, 12, 31),
            author=cls.coordinator,
        )
        cls.draft = make_practice(
            "Regional incident line",
            cls.brittany,
            status="draft",
            barriers=("coordination",),
            domains=("IHF",),
            author=cls.coordinator,
        )
        cls.submitted = make_practice(
            "Cyber campus network",
            cls.brittany,
            status="submitted",
            barriers=("coordination",),
            author=cls.coordinator,
        )
        cls.tuscan_published = make_practice(
            "Competence centre vouchers", cls.tuscany, domains=("CRY",), author=None
        )

    def personas(self):
        """(name, user or None) for every persona, the visitor included."""
        return [
            ("visitor", None),
            ("registered", self.registered),
            ("member", self.member),
            ("tuscan coordinator", self.tuscan_coordinator),
            ("coordinator", self.coordinator),
            ("staff", self.staff),
            ("admin", self.admin),
        ]

    def as_persona(self, user):
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
