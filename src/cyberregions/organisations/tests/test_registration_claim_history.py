"""Claims are decided through the workflow engine, as registrations are: each decision
writes a history row (who, from which state to which, why) and the engine offers only the
steps its rules allow."""

from cyberregions.organisations import services
from cyberregions.organisations.models import ClaimHistory

from .registration_helpers import RegistrationTestCase


class ClaimHistoryTests(RegistrationTestCase):
    def history(self, claim):
        return list(
            ClaimHistory.objects.filter(claim=claim).values_list(
                "step", "from_state", "to_state", "actor", "reason"
            )
        )

    def test_each_decision_writes_the_claims_history(self):
        accepted = services.request_claim(self.registered, self.breton_sme, "CEO.")
        services.accept_claim(self.coordinator, accepted, "Checked.")
        self.assertEqual(
            self.history(accepted),
            [("accepted", "pending", "accepted", self.coordinator.pk, "Checked.")],
        )
        refused = services.request_claim(self.registered, self.tuscan_sme)
        services.refuse_claim(self.admin, refused, "Unknown here.")
        self.assertEqual(
            self.history(refused),
            [("refused", "pending", "refused", self.admin.pk, "Unknown here.")],
        )
        # A refused decision leaves no history row.
        with self.assertRaises(services.ClaimError):
            services.accept_claim(self.admin, refused)
        self.assertEqual(len(self.history(refused)), 1)

    def test_the_engine_offers_the_decisions_to_those_who_decide(self):
        claim = services.request_claim(self.registered, self.breton_sme)
        workflow = services.CLAIM_WORKFLOW
        self.assertEqual(workflow.available(self.coordinator, claim), ["accepted", "refused"])
        for user in (self.registered, self.member, self.staff):
            self.assertEqual(workflow.available(user, claim), [], user)
        services.accept_claim(self.coordinator, claim)
        claim.refresh_from_db()
        self.assertEqual(workflow.available(self.coordinator, claim), [])
