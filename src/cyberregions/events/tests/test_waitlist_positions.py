"""Waiting-list positions: a waiting registration is told how many people registered before
it and still wait, never those who came after; the demo's registrations are dated in the past
and served first come, first served, like real ones."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from cyberregions.events.models import Event, Registration
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase, make_organisation

from .test_demo_events import DOMAINS, REGIONS


class DemoWaitlistTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        domains = {d.code: d for d in Domain.objects.filter(code__in=DOMAINS)}
        for n in range(20):
            country, region = REGIONS[n % len(REGIONS)]
            organisation = make_organisation(f"Company {n}", country, region)
            for kind, code in (("offer", DOMAINS[n % 5]), ("need", DOMAINS[(n + 2) % 5])):
                item = OfferOrNeed.objects.create(
                    organisation=organisation, kind=kind, title=f"{kind} {code} {n}"
                )
                item.domains.add(domains[code])

    def test_it_dates_demo_registrations_in_the_past_and_confirms_the_first_comers(self):
        call_command("demo_events", "--participants", "16", stdout=StringIO())
        now = timezone.now()
        self.assertFalse(Registration.objects.filter(registered_at__gt=now).exists())
        for event in Event.objects.filter(capacity__isnull=False):
            registrations = list(event.registrations.order_by("registered_at", "id"))
            statuses = [registration.status for registration in registrations]
            # Every confirmed registration came before every waiting one.
            self.assertEqual(statuses, sorted(statuses, key=lambda s: s != "confirmed"), event)

    def test_it_counts_only_those_ahead_on_the_waiting_list(self):
        call_command("demo_events", "--participants", "16", stdout=StringIO())
        event = (
            Event.objects.filter(registrations__status="waitlisted")
            .distinct()
            .order_by("starts_at")
            .first()
        )
        waiting = list(event.registrations.waitlisted())
        self.assertGreater(len(waiting), 1)
        last = waiting[-1]
        later = timezone.now() + datetime.timedelta(minutes=1)
        self.assertLess(max(r.registered_at for r in waiting), later)
        self.client.force_login(last.user)
        response = self.client.get(event.get_absolute_url())
        self.assertEqual(response.context["waitlist_position"], len(waiting))
        self.assertEqual(
            [Registration.objects.waitlist_position(r) for r in waiting],
            list(range(1, len(waiting) + 1)),
        )
