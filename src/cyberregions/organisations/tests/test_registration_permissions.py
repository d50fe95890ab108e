"""Who may register, see and decide a registration request, page by page: the forbidden
cases answer 302 to the login page, 403, 404 or 405, and the list's queries are pinned."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from cyberregions.geo.models import Region, RegionMembership
from cyberregions.organisations import permissions
from cyberregions.organisations import services_registration as registrations
from cyberregions.organisations.models import Organisation, RegistrationRequest

from .registration_helpers import RegistrationTestCase, verify


class RegistrationPermissionTests(RegistrationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        User = get_user_model()
        cls.tuscan_coordinator = verify(User.objects.create_user("giulia", "g@example.org"))
        RegionMembership.objects.create(user=cls.tuscan_coordinator, region=cls.tuscany)
        cls.other_applicant = verify(User.objects.create_user("marie", "marie@example.org"))

    def test_an_anonymous_user_is_sent_to_login(self):
        registration = self.submit()
        for url in (
            "/organisations/register/",
            "/organisations/registrations/",
            registration.get_absolute_url(),
            f"/organisations/registrations/{registration.pk}/edit/",
            f"/organisations/registrations/{registration.pk}/approve/",
        ):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)
            self.assertIn("login", response["Location"], url)
        response = self.client.post("/organisations/register/", self.post_data())
        self.assertEqual(response.status_code, 302)
        self.assertEqual(RegistrationRequest.objects.count(), 1)

    def test_an_unverified_user_cannot_register(self):
        from django.apps import apps

        if not apps.is_installed("allauth.account"):
            self.skipTest("accounts do not verify e-mail addresses")
        from allauth.account.models import EmailAddress

        unverified = get_user_model().objects.create_user("fresh", "fresh@example.org")
        # As after sign-up, before the link in the mail is followed (an account made by an
        # administrator counts as verified).
        EmailAddress.objects.update_or_create(
            user=unverified, email=unverified.email, defaults={"verified": False}
        )
        self.assertFalse(permissions.can_register_organisation(unverified))
        self.login(unverified)
        self.assertEqual(self.client.get("/organisations/register/").status_code, 403)
        self.assertEqual(
            self.client.post("/organisations/register/", self.post_data()).status_code, 403
        )
        with self.assertRaises(PermissionDenied):
            self.submit(unverified)
        self.assertFalse(RegistrationRequest.objects.exists())

    def test_the_register_page_refuses_wrong_methods(self):
        self.login(self.registered)
        for method in ("put", "patch", "delete"):
            response = getattr(self.client, method)("/organisations/register/")
            self.assertEqual(response.status_code, 405, method)
        self.assertEqual(self.client.post("/organisations/registrations/").status_code, 405)

    def test_a_user_cannot_see_anothers_request(self):
        registration = self.submit()
        self.login(self.other_applicant)
        for suffix in ("", "edit/", "approve/", "refuse/"):
            response = self.client.get(f"{registration.get_absolute_url()}{suffix}")
            self.assertEqual(response.status_code, 404, suffix)
        response = self.client.post(f"{registration.get_absolute_url()}edit/", self.post_data())
        self.assertEqual(response.status_code, 404)
        listed = self.client.get("/organisations/registrations/").context
        self.assertEqual((listed["own"], listed["to_decide"], listed["decided"]), ([], [], []))

    def test_a_coordinator_of_another_region_cannot_decide(self):
        registration = self.submit()
        self.login(self.tuscan_coordinator)
        self.assertEqual(self.client.get(registration.get_absolute_url()).status_code, 404)
        response = self.client.post(f"{registration.get_absolute_url()}approve/", {"reason": ""})
        self.assertEqual(response.status_code, 404)
        with self.assertRaises(PermissionDenied):
            registrations.approve_registration(self.tuscan_coordinator, registration)
        # Nor can programme staff, while Brittany has an active coordinator.
        self.login(self.staff)
        self.assertEqual(self.client.get(registration.get_absolute_url()).status_code, 404)
        with self.assertRaises(PermissionDenied):
            registrations.refuse_registration(self.staff, registration, "No.")
        registration.refresh_from_db()
        self.assertEqual(registration.status, "submitted")
        self.assertFalse(Organisation.objects.filter(name="Brest Quantum Shield").exists())

    def test_the_applicant_cannot_decide_its_own_request(self):
        registration = self.submit()
        self.login(self.registered)
        self.assertEqual(self.client.get(registration.get_absolute_url()).status_code, 200)
        response = self.client.post(f"{registration.get_absolute_url()}approve/")
        self.assertEqual(response.status_code, 403)
        # A coordinator asking for an organisation of its own region does not decide it either.
        verify(self.coordinator)
        own = self.submit(self.coordinator, name="Rennes Blue Team")
        self.assertFalse(permissions.can_decide_registration(self.coordinator, own))
        self.assertTrue(permissions.can_decide_registration(self.admin, own))

    def test_programme_staff_decide_outside_the_partner_territories(self):
        outside = self.submit(region="")
        sub_region = Region.objects.filter(is_partner_territory=False, country__iso="FR").first()
        self.assertIsNone(outside.region)
        no_coordinator = self.submit(
            name="Tallinn Threat Lab",
            country=self.estonian_rto.country.pk,
            region=self.estonian_rto.region.pk,
            city="Tartu",
            website="",
        )
        for registration in (outside, no_coordinator):
            self.assertEqual(set(registrations.deciders(registration)), {self.staff, self.admin})
            self.assertTrue(permissions.can_decide_registration(self.staff, registration))
            self.assertFalse(permissions.can_decide_registration(self.coordinator, registration))
        registrations.approve_registration(self.staff, outside)
        outside.refresh_from_db()
        self.assertIsNone(outside.organisation.region)
        self.assertIsNotNone(sub_region)  # the reference data has regions outside them

    def test_an_inactive_coordinator_leaves_the_decision_to_programme_staff(self):
        registration = self.submit()
        self.coordinator.is_active = False
        self.coordinator.save()
        self.assertFalse(permissions.routed_to_coordinators(registration))
        self.assertEqual(set(registrations.deciders(registration)), {self.staff, self.admin})

    @override_settings(ORGANISATION_REGISTRATIONS_OPEN_PER_USER=10)
    def test_the_list_shows_each_user_what_concerns_them_in_fixed_queries(self):
        breton = self.submit()
        tuscan = self.submit(
            self.other_applicant,
            name="Pisa Secure",
            country=self.tuscan_sme.country.pk,
            region=self.tuscany.pk,
            city="Pisa",
            website="",
        )
        self.login(self.coordinator)
        with self.assertNumQueries(7):
            # Session and user; own requests, coordinated regions, awaiting, decided; the
            # navigation's organisation memberships.
            response = self.client.get("/organisations/registrations/")
        self.assertEqual(response.context["to_decide"], [breton])
        self.assertContains(response, breton.get_absolute_url())
        self.assertNotContains(response, tuscan.get_absolute_url())
        for index in range(5):
            self.submit(name=f"Breton newcomer {index}", city=f"Town {index}", website="")
        with self.assertNumQueries(7):
            response = self.client.get("/organisations/registrations/")
        self.assertEqual(len(response.context["to_decide"]), 6)
        self.login(self.registered)
        response = self.client.get("/organisations/registrations/")
        self.assertEqual(len(response.context["own"]), 6)
        self.assertEqual(response.context["to_decide"], [])
