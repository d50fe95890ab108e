"""The get-help rules written twice agree: ``can_view_request`` with
``HelpRequest.objects.visible_to`` and ``can_view_label`` with
``OrganisationLabel.objects.visible_to``, for every persona and state."""

from django.contrib.auth import get_user_model

from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.geo.models import Country, Region
from cyberregions.testing import OracleTestCase

from .. import permissions, services
from ..choices import LabelStatus
from ..models import HelpRequest, OrganisationLabel
from .helpers import give_label, make_profile, request_data


class VisibilityOracleTests(OracleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        make_profile(cls.breton_sme, "incident_response", languages=("fr",))
        make_profile(cls.tuscan_sme, "incident_response", languages=("it",))
        cls.filer = get_user_model().objects.create_user("filer", "filer@example.org")
        cls.routed_breton, _ = services.file_request(None, request_data(), "oracle-one-123456")
        cls.routed_tuscan, _ = services.file_request(
            None,
            request_data(
                country=Country.objects.get(iso="IT"),
                region=Region.objects.get(code="ITI1"),
                language="it",
            ),
            "oracle-two-123456",
        )
        cls.escalated_own, _ = services.file_request(
            cls.filer, request_data(language="fi"), "oracle-three-12345"
        )
        cls.no_region, _ = services.file_request(
            None, request_data(region=None, language="fi"), "oracle-four-123456"
        )
        services.REQUEST_WORKFLOW.transition(COMMAND_LINE, cls.routed_breton, "escalate")

    def test_it_agrees_on_help_requests(self):
        self.assert_oracle(
            permissions.can_view_request,
            HelpRequest.objects.visible_to,
            {
                "escalated in Brittany, offered to a Breton provider": self.routed_breton,
                "routed in Tuscany to a Tuscan provider": self.routed_tuscan,
                "escalated, filed by a signed-in person": self.escalated_own,
                "without a region": self.no_region,
            },
            personas=self.personas(filer=self.filer),
        )

    def test_it_agrees_on_labels(self):
        objects = {
            "verified, Brittany": give_label(self.breton_sme),
            "submitted, Brittany": give_label(self.breton_sme, status=LabelStatus.SUBMITTED),
            "submitted, Tuscany": give_label(self.tuscan_sme, status=LabelStatus.SUBMITTED),
            "refused, Estonia (no coordinator)": give_label(
                self.estonian_rto, status=LabelStatus.REFUSED
            ),
        }
        self.assert_oracle(
            permissions.can_view_label, OrganisationLabel.objects.visible_to, objects
        )
        self.assertTrue(
            OrganisationLabel.objects.visible_to(self.staff)
            .filter(organisation=self.estonian_rto)
            .exists()
        )
