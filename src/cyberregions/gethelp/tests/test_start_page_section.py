"""Get help's section of the start page: offers waiting for a provider, escalations and
labels for the region's coordinator, nothing of other regions."""

from cyberregions.gethelp.choices import LabelStatus
from cyberregions.home.tests.test_start_page import read
from cyberregions.testing import PersonaTestCase

from .helpers import give_label


class HelpSectionTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        give_label(cls.breton_sme, status=LabelStatus.SUBMITTED)
        give_label(cls.tuscan_sme, status=LabelStatus.SUBMITTED)
        give_label(cls.breton_sme, status=LabelStatus.VERIFIED)

    def test_a_coordinator_sees_its_region_s_labels_to_verify(self):
        self.client.force_login(self.coordinator)
        section = read(self.client.get("/me/"))["gethelp"]
        self.assertEqual(section["Labels waiting for your verification"], 1)
        self.assertEqual(section["Help requests escalated to your region"], 0)

    def test_a_member_sees_the_offers_waiting_and_no_region_queue(self):
        self.client.force_login(self.member)
        section = read(self.client.get("/me/"))["gethelp"]
        self.assertEqual(section, {"Help requests waiting for your answer": 0})

    def test_a_user_without_role_gets_no_section(self):
        self.client.force_login(self.registered)
        self.assertNotIn("gethelp", read(self.client.get("/me/")))
