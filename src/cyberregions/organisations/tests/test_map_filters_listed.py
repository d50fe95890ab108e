"""The map lists its active filters (in the reader's language), says when there are none,
tells its script whether to open on the selection, and names countries in the reader's
language while keeping the English name the map's shapes are matched on."""

from django.conf import settings
from django.test import TestCase

from cyberregions.organisations.filtersets import reset_vocabulary_cache
from cyberregions.testing import make_organisation


class MapFiltersListedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_organisation(
            "Armor Crypto", "FR", "FRH0", domains=["CRY"], latitude=48.1, longitude=-1.7
        )
        make_organisation("Firenze Sec", "IT", "ITI1", latitude=43.8, longitude=11.2)

    def setUp(self):
        reset_vocabulary_cache()

    def test_it_lists_the_active_filters_in_the_readers_language(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
        page = self.client.get("/organisations/map/?country=FR&domain=CRY").content.decode()
        self.assertIn("France", page)
        self.assertIn("Cryptologie (cryptographie et cryptanalyse)", page)
        self.assertIn('data-filtered="1"', page)

    def test_it_says_when_no_filter_is_active(self):
        page = self.client.get("/organisations/map/").content.decode()
        self.assertIn("None: the map shows every organisation of the atlas.", page)
        self.assertIn('data-filtered="0"', page)

    def test_it_names_countries_for_the_reader_and_for_the_shapes(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
        data = self.client.get("/organisations/map/data.json").json()
        italy = next(row for row in data["countries"] if row["code"] == "IT")
        self.assertEqual((italy["name"], italy["label"]), ("Italy", "Italien"))
        page = self.client.get("/organisations/map/").content.decode()
        self.assertIn("Italien", page)

    def test_it_refuses_bad_filters_and_writes(self):
        self.assertEqual(
            self.client.get("/organisations/map/data.json?country=XX").status_code, 400
        )
        self.assertEqual(self.client.post("/organisations/map/").status_code, 405)
