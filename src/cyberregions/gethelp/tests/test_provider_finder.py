"""The provider finder: filters, nearest coverage first, valid labels only, bad input."""

from django.urls import reverse

from cyberregions.geo.models import Country, Region

from ..choices import LabelStatus
from ..models import ProviderProfile
from .base import GetHelpTestCase
from .helpers import category, give_label


class ProviderFinderTests(GetHelpTestCase):
    def names(self, rows):
        return [row.organisation.name for row in rows]

    def test_it_sorts_region_then_country_then_remote(self):
        rows = ProviderProfile.objects.finder(
            category=category("incident_response"),
            country=Country.objects.get(iso="FR"),
            region=Region.objects.get(code="FRH0"),
        )
        self.assertEqual(
            [(row.organisation.name, row.proximity) for row in rows],
            [
                ("Armor Cyber Defence", 0),
                ("Brest Secure", 0),
                ("Paris Incident Team", 1),
                ("Tallinn Cyber Research Institute", 2),
            ],
        )

    def test_it_filters_by_language_service_and_valid_label(self):
        france = Country.objects.get(iso="FR")
        self.assertEqual(
            self.names(ProviderProfile.objects.finder(country=france, language="en")),
            ["Armor Cyber Defence", "Tallinn Cyber Research Institute"],
        )
        self.assertEqual(
            self.names(ProviderProfile.objects.finder(category=category("audit"), country=france)),
            ["Paris Incident Team", "Tallinn Cyber Research Institute"],
        )
        self.assertEqual(
            self.names(ProviderProfile.objects.finder(labelled=True)), ["Armor Cyber Defence"]
        )

    def test_it_stops_counting_an_expired_or_unverified_label(self):
        self.armor_label.valid_until = self.armor_label.valid_from
        self.armor_label.save()
        give_label(self.brest_org, status=LabelStatus.SUBMITTED)
        self.assertEqual(list(ProviderProfile.objects.finder(labelled=True)), [])

    def test_it_leaves_out_providers_not_taking_requests_and_places_not_covered(self):
        ProviderProfile.objects.filter(pk=self.tallinn.pk).update(is_active=False)
        italy = Country.objects.get(iso="IT")
        self.assertEqual(list(ProviderProfile.objects.finder(country=italy)), [])

    def test_it_shows_the_page_with_filters_and_pinned_queries(self):
        url = reverse("gethelp:providers")
        with self.assertNumQueries(9):
            response = self.client.get(
                url, {"service": "incident_response", "country": "FR", "region": "FRH0"}
            )
        self.assertContains(response, "Armor Cyber Defence")
        self.assertContains(response, "Covers your region")
        self.assertContains(response, "Valid label")

    def test_it_says_which_filter_value_is_unknown(self):
        response = self.client.get(
            reverse("gethelp:providers"), {"service": "astrology", "language": "tlh"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Select a valid choice", count=2)
        self.assertContains(response, "No provider matches")


class SubRegionTests(GetHelpTestCase):
    def test_it_counts_an_organisation_in_a_nuts3_subregion_as_in_its_region(self):
        from cyberregions.testing import make_organisation

        from .helpers import make_profile

        quimper = make_organisation("Quimper Cyber", "FR", "FRH02", city="Quimper")
        make_profile(quimper, "incident_response", languages=("fr",))
        rows = ProviderProfile.objects.finder(
            category=category("incident_response"), region=Region.objects.get(code="FRH0")
        )
        proximity = {row.organisation.name: row.proximity for row in rows}
        self.assertEqual(proximity["Quimper Cyber"], 0)

    def test_it_offers_coordinators_and_members_their_own_links(self):
        from django.urls import reverse

        self.login(self.coordinator)
        page = self.client.get(reverse("gethelp:index"))
        self.assertContains(page, reverse("gethelp:demand", args=["FRH0"]))
        self.login(self.responder)
        page = self.client.get(reverse("gethelp:index"))
        self.assertContains(page, reverse("gethelp:services_edit", args=[self.breton_sme.slug]))
