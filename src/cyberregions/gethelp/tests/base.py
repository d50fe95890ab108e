"""The get-help test world: providers in Brittany, in France and remote, with members."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from cyberregions.organisations.models import OrganisationMembership
from cyberregions.testing import PersonaTestCase, make_organisation

from .helpers import give_label, make_profile


class GetHelpTestCase(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        # Armor Cyber Defence (Rennes, Brittany): 24/7, labelled, French and English.
        cls.responder = User.objects.create_user("armor", "soc@armor.example.org")
        OrganisationMembership.objects.create(user=cls.responder, organisation=cls.breton_sme)
        cls.armor = make_profile(
            cls.breton_sme,
            "incident_response",
            "forensics",
            languages=("fr", "en"),
            clients=("sme", "local_admin"),
            available_24_7=True,
            response_hours=2,
        )
        cls.armor_label = give_label(cls.breton_sme)
        # Brest Secure (Brittany): no label.
        cls.brest_org = make_organisation("Brest Secure", "FR", "FRH0", city="Brest")
        cls.responder2 = User.objects.create_user("brest", "help@brest.example.org")
        OrganisationMembership.objects.create(user=cls.responder2, organisation=cls.brest_org)
        cls.brest = make_profile(cls.brest_org, "incident_response", languages=("fr",))
        # Paris Incident Team: the whole of France, no region of its own.
        cls.paris_org = make_organisation("Paris Incident Team", "FR", city="Paris")
        cls.responder3 = User.objects.create_user("paris", "cert@paris.example.org")
        OrganisationMembership.objects.create(user=cls.responder3, organisation=cls.paris_org)
        cls.paris = make_profile(
            cls.paris_org, "incident_response", "audit", languages=("fr",), countries=("FR",)
        )
        # Tallinn: remote only, English.
        cls.tallinn = make_profile(
            cls.estonian_rto,
            "incident_response",
            "audit",
            languages=("en",),
            on_site=False,
            remote=True,
        )
