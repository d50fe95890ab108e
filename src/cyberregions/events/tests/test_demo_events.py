"""`cyberregions demo-events`: realistic past and upcoming events on the atlas, among them a
brokerage event with requests, availability and a computed, published schedule."""

from io import StringIO

from django.core.management import CommandError, call_command

from cyberregions.events.models import Event, FeedbackResponse, Meeting, ScheduleRun
from cyberregions.events.scheduling import validate
from cyberregions.events.services import build_instance
from cyberregions.events.tests.test_schedule_service import stored_result
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase, make_organisation

REGIONS = [("FR", "FRH0"), ("IT", "ITI1"), ("EE", "EE00"), ("ES", "ES41"), ("SI", "SI0")]
DOMAINS = ["CRY", "NDS", "IHF", "IDM", "DSP"]


class DemoEventsTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        domains = {d.code: d for d in Domain.objects.filter(code__in=DOMAINS)}
        for n in range(20):
            country, region = REGIONS[n % len(REGIONS)]
            organisation = make_organisation(
                f"Company {n}", country, region, actor_type="rto" if n % 7 == 0 else "sme"
            )
            for kind, code in (("offer", DOMAINS[n % 5]), ("need", DOMAINS[(n + 2) % 5])):
                item = OfferOrNeed.objects.create(
                    organisation=organisation, kind=kind, title=f"{kind} {code} {n}"
                )
                item.domains.add(domains[code])

    def run_demo(self, *args):
        out = StringIO()
        call_command("demo_events", "--participants", "16", *args, stdout=out)
        return out.getvalue()

    def test_it_creates_past_upcoming_and_brokerage_events(self):
        output = self.run_demo()
        self.assertIn("Demo events loaded", output)
        events = Event.objects.filter(slug__startswith="demo-")
        self.assertEqual(events.count(), 5)
        self.assertEqual(events.filter(ends_at__lt=Event.objects.first().created_at).count(), 2)
        self.assertTrue(FeedbackResponse.objects.exists())
        brokerage = events.get(event_type="brokerage")
        self.assertEqual(brokerage.registrations.count(), 16)
        run = ScheduleRun.objects.get(event=brokerage)
        self.assertGreater(run.scheduled, 0)
        self.assertEqual(
            validate(build_instance(brokerage).instance, stored_result(brokerage, run)), []
        )
        self.assertFalse(Meeting.objects.filter(published=False).exists())
        self.assertTrue(brokerage.registrations.filter(unavailable_slots__isnull=False).exists())
        self.assertTrue(
            events.get(slug="demo-peer-review-castilla")
            .registrations.filter(status="waitlisted")
            .exists()
        )

    def test_it_keeps_existing_demo_events_when_asked(self):
        self.run_demo()
        first = set(Event.objects.values_list("pk", flat=True))
        self.assertIn("keeping them", self.run_demo("--if-empty"))
        self.assertEqual(set(Event.objects.values_list("pk", flat=True)), first)
        self.run_demo()  # without --if-empty: replaced
        self.assertFalse(first & set(Event.objects.values_list("pk", flat=True)))

    def test_it_needs_an_atlas(self):
        OfferOrNeed.objects.all().delete()
        with self.assertRaises(CommandError):
            self.run_demo()
        with self.assertRaises(CommandError):
            call_command("demo_events", "--participants", "3", stdout=StringIO())
