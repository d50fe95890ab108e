"""The demo command fills every page: courses, vacancies and needs in each partner territory
that has providers and employers, with gaps that differ by region."""

from io import StringIO

from django.core.management import call_command

from cyberregions.testing import PersonaTestCase, make_organisation

from .. import aggregates
from ..models import Course, SkillsNeed, Vacancy


class DemoCommandTests(PersonaTestCase):
    def test_it_makes_plausible_regional_gaps_and_keeps_an_existing_catalogue(self):
        for region, country in (("FRH0", "FR"), ("ITI1", "IT"), ("EE00", "EE")):
            make_organisation(f"University {region}", country, region, actor_type="university")
            for number in range(6):
                make_organisation(f"Company {region} {number}", country, region)
        out = StringIO()
        call_command("demo_skills", stdout=out)
        self.assertIn("courses", out.getvalue())
        self.assertTrue(Course.objects.public().exists())
        self.assertTrue(Vacancy.objects.exists())
        self.assertEqual(SkillsNeed.objects.values("region").distinct().count(), 3)
        result = aggregates.compute_indicators()
        largest = {
            key: max(result.area(key), key=lambda cell: cell.gap).profile
            for key in ("R:FRH0", "R:ITI1", "R:EE00")
        }
        self.assertGreater(len(set(largest.values())), 1, largest)
        count = Course.objects.count()
        call_command("demo_skills", stdout=StringIO())
        self.assertEqual(Course.objects.count(), count)
