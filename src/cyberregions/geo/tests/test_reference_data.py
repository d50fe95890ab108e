"""The countries, partner territories and partners loaded by the data migration."""

from django.test import TestCase

from cyberregions.geo.models import Country, Partner, Region
from cyberregions.geo.reference import load_geography

TERRITORIES = {
    # code: (country, NUTS level, capital starts with)
    "FRH0": ("FR", 2, "Rennes"),
    "BE3": ("BE", 1, "Namur"),
    "ITI1": ("IT", 2, "Firenze"),
    "ES41": ("ES", 2, "Valladolid"),
    "SI0": ("SI", 1, "Ljubljana"),
    "EE00": ("EE", 2, "Tallinn"),
    "SK042": ("SK", 3, "Košice"),
}


def snapshot():
    """Every column of every row the loader writes."""

    def table(model):
        fields = [field.attname for field in model._meta.concrete_fields]
        return sorted(model.objects.values_list(*fields))

    return table(Country), table(Region), table(Partner)


class GeographyReferenceTests(TestCase):
    def test_it_holds_the_27_member_states_with_populations(self):
        self.assertEqual(Country.objects.count(), 27)
        self.assertFalse(Country.objects.filter(population__isnull=True).exists())
        self.assertFalse(Country.objects.filter(is_eu_member=False).exists())
        self.assertEqual(Country.objects.get(iso="FR").population, 68402000)
        self.assertEqual(Country.objects.get(iso="GR").nuts, "EL")
        self.assertFalse(Country.objects.filter(iso="GB").exists())
        self.assertTrue(all(c.population > 400_000 for c in Country.objects.all()))

    def test_it_holds_the_seven_partner_territories(self):
        territories = Region.objects.filter(is_partner_territory=True).select_related("country")
        self.assertEqual({region.code for region in territories}, set(TERRITORIES))
        for region in territories:
            iso, level, capital = TERRITORIES[region.code]
            self.assertEqual((region.country.iso, region.level), (iso, level), region.code)
            self.assertTrue(region.capital.startswith(capital), region.capital)
            self.assertIsNone(region.parent, region.code)
            self.assertTrue(region.population and region.population_date, region.code)
            self.assertTrue(region.population_source, region.code)

    def test_each_territory_has_plausible_coordinates_for_its_capital(self):
        brittany = Region.objects.get(code="FRH0")
        self.assertAlmostEqual(brittany.latitude, 48.1173, places=3)
        self.assertAlmostEqual(brittany.longitude, -1.6778, places=3)
        for region in Region.objects.filter(is_partner_territory=True):
            # Every partner capital lies within continental Europe's box.
            self.assertTrue(35 < region.latitude < 70, region.code)
            self.assertTrue(-10 < region.longitude < 30, region.code)

    def test_sub_regions_hang_below_their_territory(self):
        self.assertEqual(Region.objects.get(code="FRH03").parent.code, "FRH0")
        self.assertEqual(Region.objects.get(code="SI041").parent.code, "SI04")
        self.assertEqual(Region.objects.get(code="SI04").parent.code, "SI0")
        self.assertEqual(Region.objects.filter(is_partner_territory=False).count(), 47)
        for region in Region.objects.filter(is_partner_territory=False).select_related("parent"):
            self.assertTrue(region.code.startswith(region.parent.code), region.code)
            self.assertGreater(region.level, region.parent.level, region.code)
            self.assertEqual(region.country_id, region.parent.country_id, region.code)

    def test_it_holds_the_nine_partners_with_their_roles(self):
        partners = {partner.key: partner for partner in Partner.objects.select_related("territory")}
        self.assertEqual(len(partners), 9)
        self.assertEqual(
            [key for key, partner in partners.items() if partner.role == "lead partner"],
            ["P1-BDI"],
        )
        self.assertEqual(
            [key for key, partner in partners.items() if partner.role == "advisory partner"],
            ["P9-ECSO"],
        )
        self.assertEqual(sum(partner.role == "partner" for partner in partners.values()), 7)
        self.assertIsNone(partners["P9-ECSO"].territory)
        self.assertEqual(partners["P8-KOSICE-IT-VALLEY"].territory.code, "SK042")
        self.assertEqual(partners["P7-RIA"].territory.code, "EE00")
        # Brittany has two partners; every territory at least one.
        self.assertEqual(Partner.objects.filter(territory__code="FRH0").count(), 2)
        for code in TERRITORIES:
            self.assertTrue(Partner.objects.filter(territory__code=code).exists(), code)

    def test_loading_again_creates_nothing_and_changes_no_row(self):
        before = snapshot()
        created = load_geography(Country, Region, Partner)
        self.assertEqual(created, {"countries": 0, "regions": 0, "partners": 0})
        after = snapshot()
        self.assertEqual(before, after)

    def test_loading_restores_an_edited_row(self):
        Country.objects.filter(iso="FR").update(population=1)
        Region.objects.filter(code="FRH0").update(capital="Paris")
        self.assertEqual(load_geography(Country, Region, Partner)["countries"], 0)
        self.assertEqual(Country.objects.get(iso="FR").population, 68402000)
        self.assertEqual(Region.objects.get(code="FRH0").capital, "Rennes")

    def test_loading_into_an_empty_table_creates_the_missing_rows(self):
        Partner.objects.filter(key="P9-ECSO").delete()
        self.assertEqual(load_geography(Country, Region, Partner)["partners"], 1)
        self.assertTrue(Partner.objects.filter(key="P9-ECSO").exists())
