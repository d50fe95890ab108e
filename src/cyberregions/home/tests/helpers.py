"""Shared fixtures of the start page and barrier lens tests: something waiting in every
queue, in Brittany (the coordinator's region) and in Tuscany (another region)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from cyberregions.analysis.models import NeedsSurvey
from cyberregions.core.models import Notification
from cyberregions.events.models import MeetingRequest
from cyberregions.events.tests.factories import make_brokerage, make_event, register
from cyberregions.organisations.models import ClaimRequest, RegistrationRequest
from cyberregions.plans.models import MonitoringReport
from cyberregions.plans.tests.helpers import make_plan
from cyberregions.practices.tests.helpers import make_practice
from cyberregions.testing import PersonaTestCase


class StartPageTestCase(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.asker = User.objects.create_user("asker", "asker@example.org")
        cls.partner = User.objects.create_user("partner", "partner@example.org")
        # Waiting for programme staff.
        make_practice("Breton voucher", cls.brittany, status="submitted")
        make_practice("Tuscan academy", cls.tuscany, status="resubmitted")
        make_practice("Breton draft", cls.brittany, status="draft")
        make_plan(cls.brittany, "submitted", "Brittany plan")
        # Implementation since 2025: semesters ended without a report are due, then late.
        running = make_plan(cls.tuscany, "in_implementation", "Tuscany plan")
        MonitoringReport.objects.create(plan=running, year=2025, semester=1, status="submitted")
        cls.breton_running = make_plan(
            cls.brittany,
            "in_implementation",
            "Brittany second plan",
            instrument_name="Second instrument",
            implementation_started_on=timezone.localdate() - datetime.timedelta(days=400),
        )
        # Registrations: Brittany's are decided by its coordinator; without a region, staff.
        RegistrationRequest.objects.create(
            applicant=cls.asker, name="Breton newcomer", region=cls.brittany, status="submitted"
        )
        RegistrationRequest.objects.create(
            applicant=cls.asker, name="Somewhere newcomer", status="submitted"
        )
        # Claims: one in Brittany, one in Tuscany.
        ClaimRequest.objects.create(organisation=cls.breton_sme, user=cls.asker)
        ClaimRequest.objects.create(organisation=cls.tuscan_sme, user=cls.asker)
        # Events: one run by Brittany's coordinator, a brokerage where the member is asked.
        make_event(cls.coordinator, title="Rennes workshop", days=20)
        make_event(None, region="ITI1", title="Firenze seminar", days=25)
        cls.b2b = make_brokerage(cls.coordinator, slots=2, tables=1, slug="b2b-days")
        cls.member_registration = register(cls.b2b, cls.member, cls.tuscan_sme)
        partner_registration = register(cls.b2b, cls.partner, cls.breton_sme)
        MeetingRequest.objects.create(
            event=cls.b2b, requester=partner_registration, recipient=cls.member_registration
        )
        NeedsSurvey.objects.create(region=cls.brittany, title="Breton needs", status="open")
        Notification.objects.create(recipient=cls.member, kind="test", title="Hello")
        Notification.objects.create(
            recipient=cls.member, kind="test", title="Read", read_at=timezone.now()
        )
