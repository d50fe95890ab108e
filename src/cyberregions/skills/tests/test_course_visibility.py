"""Who sees which course: the predicate and the queryset agree for every persona and state."""

from cyberregions.testing import OracleTestCase

from .. import permissions
from ..models import Course
from .helpers import make_course


class CourseVisibilityOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.objects = {}
        for region, provider in (("Brittany", cls.breton_sme), ("Tuscany", cls.tuscan_sme)):
            for state, fields in {
                "draft": {"status": "draft"},
                "submitted": {"status": "submitted"},
                "returned": {"status": "returned"},
                "validated": {"status": "validated"},
                "stale but shown": {"status": "validated", "confirmed_days_ago": 400},
                "hidden": {"status": "validated", "confirmed_days_ago": 500},
            }.items():
                name = f"{state} in {region}"
                cls.objects[name] = make_course(
                    provider, name, slug=name.replace(" ", "-"), **fields
                )

    def test_it_agrees_on_viewing(self):
        self.assert_oracle(permissions.can_view_course, Course.objects.visible_to, self.objects)

    def test_it_agrees_on_editing(self):
        self.assert_oracle(permissions.can_edit_course, Course.objects.editable_by, self.objects)

    def test_it_hides_a_course_past_the_grace_period_from_visitors_only(self):
        hidden = self.objects["hidden in Tuscany"]
        self.assertFalse(Course.objects.public().filter(pk=hidden.pk).exists())
        self.assertTrue(permissions.can_view_course(self.member, hidden))
        stale = self.objects["stale but shown in Tuscany"]
        self.assertTrue(Course.objects.public().filter(pk=stale.pk).exists())
        self.assertTrue(Course.objects.stale().filter(pk=stale.pk).exists())
