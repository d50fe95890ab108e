"""can_view_registration and can_decide_registration agree with RegistrationRequest's
visible_to and decidable_by, for every persona, state and routing of a request."""

from cyberregions.geo.models import Region
from cyberregions.organisations import permissions
from cyberregions.organisations.choices import RegistrationStatus
from cyberregions.organisations.models import RegistrationRequest
from cyberregions.testing import OracleTestCase


class RegistrationOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        outside = Region.objects.filter(is_partner_territory=False).first()
        places = {
            "Brittany (active coordinator)": cls.brittany,
            "Tuscany (active coordinator)": cls.tuscany,
            "Estonia (no coordinator)": Region.objects.get(code="EE00"),
            "a region outside the partner territories": outside,
            "no region": None,
        }
        cls.registrations = {}
        for place, region in places.items():
            for applicant in (cls.registered, cls.member, cls.coordinator, cls.inactive):
                for status in RegistrationStatus:
                    registration = RegistrationRequest.objects.create(
                        applicant=applicant, name="X", region=region, status=status
                    )
                    cls.registrations[f"{status} by {applicant} in {place}"] = registration

    def fresh(self):
        """The objects as a view has them: without the list's annotation."""
        return {
            name: RegistrationRequest.objects.select_related("region").get(pk=item.pk)
            for name, item in self.registrations.items()
        }

    def test_it_agrees_on_who_sees_a_request(self):
        self.assert_oracle(
            permissions.can_view_registration,
            RegistrationRequest.objects.visible_to,
            self.fresh(),
        )

    def test_it_agrees_on_who_decides_a_request(self):
        self.assert_oracle(
            permissions.can_decide_registration,
            RegistrationRequest.objects.decidable_by,
            self.fresh(),
        )

    def test_the_lists_annotation_agrees_with_the_rule(self):
        annotated = {item.pk: item for item in RegistrationRequest.objects.with_routing()}
        for name, registration in self.fresh().items():
            with self.subTest(name):
                self.assertEqual(
                    permissions.routed_to_coordinators(registration),
                    annotated[registration.pk].routed_to_coordinators,
                )
