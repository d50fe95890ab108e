"""Claiming an organisation: request, decision by the region's coordinator, membership."""

from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction

from cyberregions.core.models import AuditEntry
from cyberregions.geo.models import RegionMembership
from cyberregions.organisations import permissions, services
from cyberregions.organisations.models import ClaimRequest, OrganisationMembership
from cyberregions.testing import PersonaTestCase


def claim_url(organisation):
    return f"/organisations/{organisation.slug}/claim/"


def decide_url(claim):
    return f"/organisations/claims/{claim.pk}/"


class ClaimTests(PersonaTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tuscan_coordinator = get_user_model().objects.create_user("giulia", "g@example.org")
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)

    def request_breton_claim(self):
        return services.request_claim(self.registered, self.breton_sme, "I am the CEO.")

    def messages(self, response):
        return [str(message) for message in get_messages(response.wsgi_request)]

    # Requesting ------------------------------------------------------------------------------

    def test_a_registered_user_requests_a_claim(self):
        self.login(self.registered)
        self.assertEqual(self.client.get(claim_url(self.breton_sme)).status_code, 200)
        response = self.client.post(claim_url(self.breton_sme), {"message": "I am the CEO."})
        self.assertRedirects(response, f"/organisations/{self.breton_sme.slug}/")
        claim = ClaimRequest.objects.get()
        self.assertEqual(
            (claim.user, claim.organisation, claim.status, claim.message),
            (self.registered, self.breton_sme, "pending", "I am the CEO."),
        )
        entry = AuditEntry.objects.get(action="claim.request")
        self.assertEqual((entry.actor, entry.object_id), (self.registered, str(claim.pk)))

    def test_a_visitor_is_sent_to_login(self):
        response = self.client.post(claim_url(self.breton_sme), {"message": "hi"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        self.assertFalse(ClaimRequest.objects.exists())

    def test_a_member_cannot_claim_its_own_organisation(self):
        self.login(self.member)
        self.assertEqual(self.client.get(claim_url(self.tuscan_sme)).status_code, 403)
        self.assertEqual(self.client.post(claim_url(self.tuscan_sme)).status_code, 403)
        self.assertFalse(ClaimRequest.objects.exists())

    def test_one_pending_claim_per_user_and_organisation(self):
        self.login(self.registered)
        self.client.post(claim_url(self.breton_sme), {"message": "first"})
        response = self.client.post(claim_url(self.breton_sme), {"message": "second"}, follow=True)
        self.assertIn(
            "You already have a pending request for this organisation.", self.messages(response)
        )
        self.assertEqual(ClaimRequest.objects.count(), 1)
        with self.assertRaises(services.ClaimError):
            services.request_claim(self.registered, self.breton_sme)
        # the database holds the rule too, whatever the code path.
        with self.assertRaises(IntegrityError), transaction.atomic():
            ClaimRequest.objects.create(organisation=self.breton_sme, user=self.registered)
        # another organisation, or another user, is another claim.
        services.request_claim(self.registered, self.tuscan_sme)
        services.request_claim(self.member, self.breton_sme)
        self.assertEqual(ClaimRequest.objects.count(), 3)

    def test_a_refused_claim_may_be_asked_again(self):
        claim = self.request_breton_claim()
        services.refuse_claim(self.coordinator, claim, "Unknown person.")
        again = services.request_claim(self.registered, self.breton_sme, "With proof.")
        self.assertEqual(again.status, "pending")

    def test_claim_pages_refuse_wrong_methods_and_unknown_slugs(self):
        self.login(self.registered)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)(claim_url(self.breton_sme))
            self.assertEqual(response.status_code, 405, method)
        self.assertEqual(self.client.get("/organisations/nobody/claim/").status_code, 404)

    # Deciding --------------------------------------------------------------------------------

    def test_the_coordinator_accepts_and_the_user_becomes_member(self):
        claim = self.request_breton_claim()
        self.login(self.coordinator)
        self.assertEqual(self.client.get(decide_url(claim)).status_code, 200)
        response = self.client.post(decide_url(claim), {"decision": "accept", "reason": ""})
        self.assertRedirects(response, "/organisations/claims/")
        claim.refresh_from_db()
        self.assertEqual((claim.status, claim.decided_by), ("accepted", self.coordinator))
        self.assertIsNotNone(claim.decided_at)
        self.assertTrue(
            OrganisationMembership.objects.filter(
                user=self.registered, organisation=self.breton_sme
            ).exists()
        )
        decision = AuditEntry.objects.get(action="claim.accepted")
        self.assertEqual(decision.before, {"status": "pending"})
        self.assertEqual(decision.after, {"status": "accepted"})
        self.assertTrue(AuditEntry.objects.filter(action="membership.create").exists())
        user = get_user_model().objects.get(pk=self.registered.pk)
        self.assertTrue(permissions.can_change_organisation(user, self.breton_sme))

    def test_refusing_requires_a_reason(self):
        claim = self.request_breton_claim()
        self.login(self.coordinator)
        response = self.client.post(decide_url(claim), {"decision": "refuse", "reason": "  "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("reason", response.context["form"].errors)
        claim.refresh_from_db()
        self.assertEqual(claim.status, "pending")
        with self.assertRaises(services.ClaimError):
            services.refuse_claim(self.coordinator, claim, "")
        response = self.client.post(
            decide_url(claim), {"decision": "refuse", "reason": "Not an employee."}
        )
        self.assertEqual(response.status_code, 302)
        claim.refresh_from_db()
        self.assertEqual((claim.status, claim.decision_reason), ("refused", "Not an employee."))
        self.assertFalse(OrganisationMembership.objects.filter(user=self.registered).exists())
        entry = AuditEntry.objects.get(action="claim.refused")
        self.assertEqual(entry.reason, "Not an employee.")

    def test_an_unknown_decision_is_a_form_error(self):
        claim = self.request_breton_claim()
        self.login(self.coordinator)
        response = self.client.post(decide_url(claim), {"decision": "maybe"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("decision", response.context["form"].errors)

    def test_only_the_regions_coordinator_or_the_administrator_decides(self):
        claim = self.request_breton_claim()
        for user in (
            self.tuscan_coordinator,
            self.member,
            self.staff,
            self.registered,  # the claimant itself
        ):
            self.login(user)
            self.assertEqual(self.client.get(decide_url(claim)).status_code, 403, user)
            response = self.client.post(decide_url(claim), {"decision": "accept"})
            self.assertEqual(response.status_code, 403, user)
        self.client.logout()
        response = self.client.post(decide_url(claim), {"decision": "accept"})
        self.assertTrue(response["Location"].startswith("/accounts/login/"))
        claim.refresh_from_db()
        self.assertEqual(claim.status, "pending")
        self.assertFalse(OrganisationMembership.objects.filter(user=self.registered).exists())
        self.login(self.admin)
        self.client.post(decide_url(claim), {"decision": "accept"})
        claim.refresh_from_db()
        self.assertEqual((claim.status, claim.decided_by), ("accepted", self.admin))

    def test_the_service_refuses_an_outsider_too(self):
        from django.core.exceptions import PermissionDenied

        claim = self.request_breton_claim()
        with self.assertRaises(PermissionDenied):
            services.accept_claim(self.tuscan_coordinator, claim)
        with self.assertRaises(PermissionDenied):
            services.refuse_claim(self.member, claim, "No.")

    def test_a_decided_claim_cannot_be_decided_again(self):
        claim = self.request_breton_claim()
        services.accept_claim(self.coordinator, claim)
        self.login(self.admin)
        response = self.client.post(
            decide_url(claim), {"decision": "refuse", "reason": "Changed my mind."}, follow=True
        )
        self.assertIn("This request has already been decided.", self.messages(response))
        claim.refresh_from_db()
        self.assertEqual((claim.status, claim.decided_by), ("accepted", self.coordinator))
        with self.assertRaises(services.ClaimError):
            services.accept_claim(self.admin, claim)
        with self.assertRaises(services.ClaimError):
            services.refuse_claim(self.admin, claim, "No.")
        self.assertEqual(AuditEntry.objects.filter(action__startswith="claim.").count(), 2)
        self.assertContains(self.client.get(decide_url(claim)), "already decided")

    def test_decide_refuses_wrong_methods_and_unknown_claims(self):
        claim = self.request_breton_claim()
        self.login(self.coordinator)
        for method in ("put", "patch", "delete"):
            self.assertEqual(getattr(self.client, method)(decide_url(claim)).status_code, 405)
        self.assertEqual(self.client.get("/organisations/claims/999999/").status_code, 404)

    # The list of claims ----------------------------------------------------------------------

    def test_the_claim_list_shows_each_user_what_concerns_them(self):
        breton = self.request_breton_claim()
        tuscan = services.request_claim(self.staff, self.tuscan_sme)

        def listed(user):
            self.login(user)
            response = self.client.get("/organisations/claims/")
            self.assertEqual(response.status_code, 200)
            return set(response.context["claims"])

        self.assertEqual(listed(self.admin), {breton, tuscan})
        self.assertEqual(listed(self.coordinator), {breton})
        self.assertEqual(listed(self.tuscan_coordinator), {tuscan})
        self.assertEqual(listed(self.registered), {breton})
        self.assertEqual(listed(self.member), set())
        self.client.logout()
        self.assertEqual(self.client.get("/organisations/claims/").status_code, 302)
        self.login(self.admin)
        self.assertEqual(self.client.post("/organisations/claims/").status_code, 405)
