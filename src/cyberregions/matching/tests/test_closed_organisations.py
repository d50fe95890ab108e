"""Closed (and inactive) organisations stay in the atlas but are never suggested as partners:
the one rule of which organisations count (``Organisation.objects.counted``)."""

from django.core.cache import cache

from cyberregions.organisations.filtersets import vocabulary_choices
from cyberregions.organisations.models import OfferOrNeed
from cyberregions.taxonomy.models import Domain
from cyberregions.testing import PersonaTestCase, make_organisation


class ClosedOrganisationTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        crypto = Domain.objects.get(code="CRY")
        need = OfferOrNeed.objects.create(
            organisation=cls.breton_sme, kind="need", title="Post-quantum encryption"
        )
        need.domains.add(crypto)
        for name, status in (("Open Crypto", "active"), ("Gone Crypto", "closed")):
            organisation = make_organisation(name, "IT", "ITI1", status=status)
            offer = OfferOrNeed.objects.create(
                organisation=organisation, kind="offer", title="Post-quantum encryption library"
            )
            offer.domains.add(crypto)

    def setUp(self):
        cache.clear()
        vocabulary_choices()

    def test_it_never_suggests_a_closed_organisation(self):
        response = self.client.get(f"/matching/organisations/{self.breton_sme.slug}/")
        names = [suggestion.name for suggestion in response.context["suggestions"]]
        self.assertIn("Open Crypto", names)
        self.assertNotIn("Gone Crypto", names)
