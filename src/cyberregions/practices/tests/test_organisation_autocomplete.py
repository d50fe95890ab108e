"""The practice form's "other organisations": an autocomplete (a JSON endpoint and a small
static module) over the multi-select, which keeps working without JavaScript."""

import re

from cyberregions.testing import make_organisation

from .helpers import PracticeTestCase

URL = "/practices/organisations.json"


class OrganisationAutocompleteTests(PracticeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.rennes = make_organisation("Rennes Cyber Lab", "FR", "FRH0")
        cls.pisa = make_organisation("Pisa Cyber Lab", "IT", "ITI1")

    def test_it_suggests_the_organisations_the_user_may_choose(self):
        self.login(self.coordinator)
        response = self.client.get(URL, {"q": "cyber lab"})
        self.assertEqual(response.status_code, 200)
        names = [row["name"] for row in response.json()["results"]]
        self.assertEqual(names, ["Rennes Cyber Lab"])  # not Tuscany's: not the user's region
        [row] = response.json()["results"]
        self.assertEqual(row["id"], self.rennes.pk)
        self.assertEqual(self.client.get(URL, {"q": "c"}).json()["results"], [])  # too short

    def test_it_is_for_people_who_write_practices(self):
        self.assertEqual(self.client.get(URL, {"q": "lab"}).status_code, 302)
        self.login(self.member)
        self.assertEqual(self.client.get(URL, {"q": "lab"}).status_code, 403)
        self.login(self.coordinator)
        self.assertEqual(self.client.post(URL, {"q": "lab"}).status_code, 405)

    def test_the_form_keeps_its_select_and_loads_the_module(self):
        self.login(self.coordinator)
        response = self.client.get("/practices/new/")
        html = response.content.decode()
        select = re.search(r'<select name="other_organisations"[^>]*>', html).group(0)
        self.assertIn(f'data-autocomplete-url="{URL}"', select)
        self.assertIn("multiple", select)
        self.assertIn("practices/organisation-picker.js", html)
        self.assertNotRegex(html, r"<script(?![^>]*\bsrc=)[^>]*>\s*\S")
