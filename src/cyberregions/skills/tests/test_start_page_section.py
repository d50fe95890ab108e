"""The skills section of the start page: what waits for a provider's members and for the
region's coordinator, and nothing of other regions."""

from cyberregions.home.tests.test_start_page import read
from cyberregions.skills.choices import CourseStatus
from cyberregions.testing import PersonaTestCase

from .helpers import make_course, make_vacancy


class SkillsSectionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_course(cls.breton_sme, "Waiting in Brittany", status=CourseStatus.SUBMITTED)
        make_course(cls.tuscan_sme, "Waiting in Tuscany", status=CourseStatus.SUBMITTED)
        make_course(cls.tuscan_sme, "Draft", status=CourseStatus.DRAFT)
        make_course(cls.tuscan_sme, "Old", confirmed_days_ago=400)
        make_vacancy(cls.tuscan_sme)
        make_vacancy(cls.tuscan_sme, days=-3)

    def test_a_member_sees_its_organisation_s_courses_and_open_vacancies(self):
        self.client.force_login(self.member)
        section = read(self.client.get("/me/"))["skills"]
        self.assertEqual(section["Courses to finish or submit"], 1)
        self.assertEqual(section["Courses to confirm (not confirmed for a year)"], 1)
        self.assertEqual(section["Open vacancies"], 1)
        self.assertNotIn("Courses waiting for your validation", section)

    def test_a_coordinator_sees_only_its_region_s_courses_to_validate(self):
        self.client.force_login(self.coordinator)
        section = read(self.client.get("/me/"))["skills"]
        self.assertEqual(section["Courses waiting for your validation"], 1)

    def test_a_visitor_or_a_user_without_role_gets_no_section(self):
        self.client.force_login(self.registered)
        self.assertNotIn("skills", read(self.client.get("/me/")))
