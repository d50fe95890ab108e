"""The demo_practices command: ~40 practices across the partner territories, in every state,
led by organisations of the atlas; kept when the library is not empty."""

from io import StringIO

from django.core.management import call_command

from cyberregions.practices.demo_data import PRACTICES
from cyberregions.practices.models import Investigation, Practice, Transition
from cyberregions.testing import make_organisation

from .helpers import PracticeTestCase


class DemoCommandTests(PracticeTestCase):
    def test_it_creates_the_demo_library(self):
        make_organisation("Région Bretagne", "FR", "FRH0", actor_type="public")
        Practice.objects.all().delete()
        out = StringIO()
        call_command("demo_practices", stdout=out)
        self.assertEqual(Practice.objects.count(), len(PRACTICES))
        self.assertGreaterEqual(len(PRACTICES), 38)
        self.assertEqual(
            set(Practice.objects.values_list("region__code", flat=True)),
            {"FRH0", "BE3", "ITI1", "ES41", "SI0", "EE00", "SK042"},
        )
        states = set(Practice.objects.values_list("status", flat=True))
        self.assertEqual(
            states,
            {
                "draft",
                "submitted",
                "changes_requested",
                "resubmitted",
                "validated",
                "published",
                "rejected",
            },
        )
        # atlas organisations lead practices where the region has some.
        self.assertTrue(Practice.objects.filter(main_institution__name="Région Bretagne").exists())
        # every published practice has the workflow steps that led there.
        for practice in Practice.objects.published():
            self.assertEqual(
                list(
                    Transition.objects.filter(practice=practice).values_list("to_state", flat=True)
                ),
                ["submitted", "validated", "published"],
            )
        self.assertEqual(Investigation.objects.count(), 3)
        self.assertIn("good practices", out.getvalue())
        # a second run keeps the library as it is.
        call_command("demo_practices", stdout=StringIO())
        self.assertEqual(Practice.objects.count(), len(PRACTICES))
