"""A person with one of each kind of personal data, and a colleague sharing her organisation."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from cyberregions.analysis.models import NeedsSurvey, SurveyInvitation, SurveyResponse
from cyberregions.core import audit
from cyberregions.core.models import Notification, TaskRun
from cyberregions.events.models import FeedbackResponse, Meeting, MeetingRequest
from cyberregions.events.tests.factories import add_item, make_brokerage, make_event, register
from cyberregions.geo.models import RegionMembership
from cyberregions.organisations.models import ClaimRequest, Contact, OrganisationMembership
from cyberregions.organisations.services import save_contact
from cyberregions.plans.models import PlanComment
from cyberregions.plans.tests.helpers import make_plan
from cyberregions.practices.models import Comment, Interest
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase

EMAIL = "ana.moreau@example.org"
FULL_NAME = "Ana Moreau"
USERNAME = "anamoreau"


def give_items(case, person, index: int, organisation, brokerage, practice, plan, survey) -> None:
    """One more item of every kind for ``person`` (``index`` keeps them distinct)."""
    Notification.objects.create(recipient=person, kind="test", title=f"Notice {index}")
    TaskRun.objects.create(
        requested_by=person, kind="import", title=f"Import {index}", task_path="x.y"
    )
    Comment.objects.create(practice=practice, author=person, body=f"Comment {index} by Ana")
    PlanComment.objects.create(plan=plan, author=person, body=f"Plan comment {index}")
    event = make_event(case.coordinator, title=f"Workshop {index} {person.pk}")
    register(event, person, organisation)
    invitation = SurveyInvitation.objects.create(survey=survey, label=f"group {index}")
    SurveyResponse.objects.create(
        survey=survey, invitation=invitation, comment=f"Call {person.email} about point {index}"
    )
    audit.record(person, "test.action", practice, after={"index": index})


class PersonalDataTestCase(PersonaTestCase):
    """``ana`` holds one of each category; ``luca`` (the member persona) acts for the same
    organisation and has data of his own that must never reach her export."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.ana = User.objects.create_user(
            USERNAME, EMAIL, first_name="Ana", last_name="Moreau", language="fr"
        )
        cls.luca = cls.member
        RegionMembership.objects.create(user=cls.ana, region=cls.tuscany)
        OrganisationMembership.objects.create(user=cls.ana, organisation=cls.tuscan_sme)
        cls.ana_contact = save_contact(
            cls.admin,
            Contact(organisation=cls.tuscan_sme),
            {
                "name": FULL_NAME,
                "role": "CEO",
                "email": "Ana.Moreau@example.org",
                "phone": "+39 1",
                "public_consent": True,
            },
        )
        cls.luca_contact = save_contact(
            cls.admin,
            Contact(organisation=cls.tuscan_sme),
            {
                "name": "Luca Bianchi",
                "role": "CTO",
                "email": "luca@example.org",
                "phone": "+39 2",
                "public_consent": False,
            },
        )
        ClaimRequest.objects.create(
            organisation=cls.breton_sme, user=cls.ana, message="I work there too"
        )
        # Brokerage: Ana asked Yann's SME for a meeting (accepted, placed) and Luca asked her.
        cls.brokerage = make_brokerage(cls.coordinator, title="B2B Tuscany")
        cls.ana_registration = register(cls.brokerage, cls.ana, cls.tuscan_sme)
        add_item(cls.ana_registration, "offer", "Key management audits", description="By Ana")
        cls.ana_registration.profile.headline = "Ana's crypto offer"
        cls.ana_registration.profile.save()
        other = register(cls.brokerage, cls.coordinator, cls.breton_sme)
        luca_registration = register(cls.brokerage, cls.luca, cls.tuscan_sme)
        sent = MeetingRequest.objects.create(
            event=cls.brokerage,
            requester=cls.ana_registration,
            recipient=other,
            message="Hello, Ana Moreau here",
            status="accepted",
        )
        Meeting.objects.create(request=sent, slot=cls.brokerage.slots.first(), table=1)
        MeetingRequest.objects.create(
            event=cls.brokerage,
            requester=luca_registration,
            recipient=cls.ana_registration,
            message="Luca's private words",
        )
        FeedbackResponse.objects.create(
            registration=cls.ana_registration,
            overall=5,
            content=4,
            organisation_rating=4,
            comments="Ana enjoyed it",
        )
        cls.practice = make_practice("Cyber vouchers", cls.brittany)
        Interest.objects.create(
            practice=cls.practice,
            region=cls.tuscany,
            user=cls.ana,
            message="We want it",
            contact_consent_at=timezone.now(),
        )
        cls.plan = make_plan(cls.tuscany)
        cls.survey = NeedsSurvey.objects.create(region=cls.tuscany, title="Needs 2026")
        give_items(
            cls, cls.ana, 1, cls.tuscan_sme, cls.brokerage, cls.practice, cls.plan, cls.survey
        )
        give_items(
            cls, cls.luca, 1, cls.tuscan_sme, cls.brokerage, cls.practice, cls.plan, cls.survey
        )
        # Entries quoting her: about her account (before/after hold her values), and another
        # person's note naming her.
        audit.record(
            cls.admin,
            "account.update",
            cls.ana,
            before={"email": "old.ana@example.org", "first_name": "Anna", "language": ""},
            after={"email": EMAIL, "first_name": "Ana", "language": "fr"},
        )
        audit.record(
            cls.admin, "organisation.note", cls.tuscan_sme, reason=f"Asked by {FULL_NAME} ({EMAIL})"
        )
        token_model = _optional_model("accounts", "ApiToken")
        if token_model is not None:
            token_model.objects.create(
                user=cls.ana,
                name="scripts",
                scope="read",
                prefix="abc123",
                secret_hash="f" * 64,
                expires_at=timezone.now() + datetime.timedelta(days=9),
            )


def _optional_model(app_label: str, name: str):
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None
