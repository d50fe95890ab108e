"""Every rule of organisations.permissions agrees with its queryset, for every persona and
every state of an organisation, a contact and a claim (see ``testing.OracleTestCase``)."""

from django.utils import timezone

from cyberregions.organisations import permissions
from cyberregions.organisations.choices import ClaimStatus, Status
from cyberregions.organisations.models import ClaimRequest, Contact, Organisation
from cyberregions.testing import OracleTestCase, make_organisation


class OrganisationOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.without_region = make_organisation("Paris Secure", "FR")
        cls.organisations = {
            "Breton, active": cls.breton_sme,
            "Tuscan (member's), active": cls.tuscan_sme,
            "Estonian, active": cls.estonian_rto,
            "no region, active": cls.without_region,
        }
        for status in (Status.INACTIVE, Status.CLOSED):
            for region in ("FRH0", "ITI1", None):
                name = f"{region or 'no region'} {status}"
                cls.organisations[name] = make_organisation(
                    name.title(), "FR" if region != "ITI1" else "IT", region, status=status
                )

    def test_it_agrees_on_who_sees_an_organisation(self):
        self.assert_oracle(
            permissions.can_view_organisation,
            Organisation.objects.visible_to,
            self.organisations,
            everyone=True,
        )

    def test_it_agrees_on_who_changes_an_organisation(self):
        self.assert_oracle(
            permissions.can_change_organisation,
            Organisation.objects.editable_by,
            self.organisations,
        )

    def contacts(self) -> dict:
        contacts = {}
        for name, organisation in self.organisations.items():
            for public in (True, False):
                contact = Contact.objects.create(
                    organisation=organisation,
                    name=f"Contact of {name}",
                    public_consent=public,
                    consent_recorded_at=timezone.now() if public else None,
                )
                contacts[f"{'public' if public else 'private'} contact of {name}"] = contact
        return contacts

    def test_it_agrees_on_who_sees_a_contact(self):
        self.assert_oracle(
            permissions.can_view_contact, Contact.objects.visible_to, self.contacts()
        )

    def test_it_agrees_on_who_changes_a_contact(self):
        self.assert_oracle(
            permissions.can_change_contact, Contact.objects.editable_by, self.contacts()
        )

    def test_it_agrees_on_who_sees_a_claim(self):
        claims = {}
        for name, organisation in self.organisations.items():
            for claimant in (self.registered, self.member, self.inactive):
                for status in ClaimStatus:
                    claim = ClaimRequest.objects.create(
                        organisation=organisation, user=claimant, status=status
                    )
                    claims[f"{status} claim of {claimant} on {name}"] = claim
        self.assert_oracle(permissions.can_view_claim, ClaimRequest.objects.visible_to, claims)
