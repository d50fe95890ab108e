"""Duplicates: the same website domain, or a very similar name in the same country, inside the
file (flagged) and against the atlas (matched to the organisation, which is updated)."""

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.testing import PersonaTestCase, make_organisation

from .files import csv_bytes, errors_of, plan

HEADER = ["name", "country", "region", "website", "employees", "domains", "offers"]


class ImportDuplicateTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.breton_sme.website = "https://www.armor-cyber.example/fr/"
        cls.breton_sme.save()

    def check(self, *rows, actor=COMMAND_LINE):
        return plan(csv_bytes(list(rows), header=HEADER), actor)

    def test_rows_repeating_an_earlier_row_are_flagged(self):
        result = self.check(
            ["Quimper Secure", "FR", "FRH0", "https://quimper.example", "", "", ""],
            ["Quimper Labs", "FR", "FRH0", "http://WWW.quimper.example/about", "", "", ""],
            ["QUIMPER  SECURE S.A.S.", "FR", "FRH0", "", "", "", ""],
            ["Quimper Secure", "BE", "BE3", "", "", "", ""],  # another country: not a duplicate
        )
        self.assertEqual(errors_of(result), {(3, "website"), (4, "name")})
        reasons = {error.row: error.reason for error in result.errors}
        self.assertIn("row 2", reasons[3])
        self.assertIn("row 2", reasons[4])
        self.assertEqual([planned.row for planned in result.rows], [2, 5])

    def test_a_row_matching_an_organisation_of_the_atlas_updates_it(self):
        result = self.check(
            ["Armor Cyber Defence SAS", "FR", "FRH0", "", "40", "CRY", "Red teaming"],
            ["Firenze Secure Systems S.r.l.", "IT", "ITI1", "", "", "", ""],
            ["Armour Cyber", "FR", "FRH0", "armor-cyber.example", "", "", ""],
        )
        self.assertEqual(errors_of(result), {(4, "name")})  # row 2 already matched Armor
        armor, firenze = result.rows
        self.assertEqual((armor.action, armor.organisation_id), ("update", self.breton_sme.pk))
        self.assertEqual(sorted(armor.changes), ["domains", "employees", "name", "offers"])
        self.assertEqual((firenze.action, firenze.organisation_id), ("update", self.tuscan_sme.pk))
        self.assertEqual(firenze.changes, ["name"])

    def test_matching_by_website_domain(self):
        result = self.check(["Armor Group", "FR", "FRH0", "armor-cyber.example", "", "", ""])
        self.assertEqual(result.rows[0].organisation_id, self.breton_sme.pk)

    def test_a_row_that_says_nothing_new_is_unchanged(self):
        result = self.check(["Armor Cyber Defence", "fr", "frh0", "", "12", "ihf|NDS", ""])
        self.assertEqual(result.errors, [])
        self.assertEqual(result.counts()["unchanged"], 1)
        # A name that differs in case only matches, and is a change the file asks for.
        result = self.check(["ARMOR Cyber Defence", "FR", "FRH0", "", "12", "IHF|NDS", ""])
        self.assertEqual((result.rows[0].action, result.rows[0].changes), ("update", ["name"]))

    def test_a_row_matching_several_organisations_is_flagged(self):
        make_organisation(
            "Armor Cyber Defense", "FR", "FRH0", slug="armor-2", website="https://a2.example"
        )
        make_organisation(
            "Second Armor", "FR", "FRH0", slug="armor-3", website="https://a3.example"
        )
        result = self.check(["ARMOR CYBER DEFENCE", "FR", "FRH0", "a3.example", "", "", ""])
        self.assertEqual(errors_of(result), {(2, "name")})
        self.assertIn("Armor Cyber Defence; Second Armor", result.errors[0].reason)

    def test_the_slug_of_an_export_is_matched_first(self):
        header = ["slug", *HEADER]
        data = csv_bytes(
            [["firenze-secure-systems", "Renamed", "IT", "ITI1", "", "", "", ""]], header=header
        )
        result = plan(data, COMMAND_LINE)
        self.assertEqual(result.rows[0].organisation_id, self.tuscan_sme.pk)
        self.assertEqual(result.rows[0].changes, ["name"])

    def test_a_coordinator_may_not_update_an_organisation_of_another_region(self):
        result = self.check(
            ["Firenze Secure Systems", "IT", "", "", "3", "", ""], actor=self.coordinator
        )
        self.assertEqual(errors_of(result), {(2, "region")})
        self.assertIn("Firenze Secure Systems", result.errors[0].reason)
