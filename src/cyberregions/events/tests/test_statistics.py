"""The organiser's figures: requests, acceptance rate, meetings per participant, share across
regions, scheduled weight against the upper bound."""

from cyberregions.events import services
from cyberregions.events.models import MeetingRequest
from cyberregions.events.stats import meeting_statistics
from cyberregions.events.tests.factories import make_brokerage, make_user, register
from cyberregions.testing import PersonaTestCase, make_organisation


class StatisticsTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = make_brokerage(cls.coordinator, slots=2, tables=1)
        tuscan = register(cls.event, cls.member, cls.tuscan_sme)
        breton = register(cls.event, make_user("breton"), cls.breton_sme)
        brest = register(cls.event, make_user("brest"), make_organisation("Brest", "FR", "FRH0"))
        estonian = register(cls.event, make_user("tallinn"), cls.estonian_rto)
        register(cls.event, make_user("late"), None, status="waitlisted")
        for requester, recipient, status in (
            (tuscan, breton, "accepted"),  # across regions
            (breton, brest, "accepted"),  # both in Brittany
            (tuscan, estonian, "accepted"),  # across regions; cannot fit (one table, 2 slots)
            (estonian, brest, "declined"),
            (brest, tuscan, "pending"),
            (estonian, breton, "cancelled"),
        ):
            MeetingRequest.objects.create(
                event=cls.event, requester=requester, recipient=recipient, status=status
            )

    def test_before_scheduling_only_requests_count(self):
        stats = meeting_statistics(self.event)
        self.assertEqual(
            (stats["sent"], stats["accepted"], stats["declined"], stats["pending"]), (5, 3, 1, 1)
        )
        self.assertEqual(stats["acceptance_rate"], 0.75)
        self.assertEqual(stats["participants"], 4)
        self.assertEqual(stats["meetings"], 0)
        self.assertIsNone(stats["cross_region_share"])
        self.assertIsNone(stats["bound_ratio"])

    def test_after_scheduling_every_figure_is_filled(self):
        run = services.schedule_meetings(self.coordinator, self.event, time_limit=5)
        stats = meeting_statistics(self.event)
        self.assertEqual(stats["meetings"], 2)
        self.assertEqual(stats["meetings_per_participant"], 1.0)
        self.assertEqual((stats["meetings_min"], stats["meetings_max"]), (0, 2))
        self.assertEqual(
            stats["distribution"],
            [
                {"meetings": 0, "participants": 1},
                {"meetings": 1, "participants": 2},
                {"meetings": 2, "participants": 1},
            ],
        )
        # The optimum keeps the two cross-region meetings (weight 1.3 each) over the
        # Breton pair (1.0): the Tuscan SME meets both others in the two slots.
        self.assertEqual(stats["cross_region"], 2)
        self.assertEqual(stats["cross_region_share"], 1.0)
        self.assertEqual(stats["table_occupancy"], 1.0)
        self.assertEqual(stats["bound_ratio"], run.objective / run.upper_bound)
        self.assertTrue(run.optimal)
        self.assertAlmostEqual(stats["scheduled_share"], 2 / 3)
