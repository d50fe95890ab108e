"""The access helpers of core.permissions, asked for each persona."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from cyberregions.core import permissions
from cyberregions.geo.models import Region, RegionMembership
from cyberregions.organisations.models import ClaimRequest, OrganisationMembership
from cyberregions.testing import PersonaTestCase


class PermissionHelperTests(PersonaTestCase):
    def setUp(self):
        self.anonymous = AnonymousUser()

    def make_inactive_coordinator(self):
        user = type(self.coordinator).objects.create_user("gone", "gone@example.org")
        RegionMembership.objects.create(user=user, region=self.brittany)
        OrganisationMembership.objects.create(user=user, organisation=self.breton_sme)
        user.is_active = False
        user.save()
        return user

    def test_it_knows_who_is_authenticated(self):
        for user in (self.admin, self.staff, self.coordinator, self.member, self.registered):
            self.assertTrue(permissions.is_authenticated(user), user)
        self.assertFalse(permissions.is_authenticated(self.anonymous))
        self.assertFalse(permissions.is_authenticated(None))
        self.assertFalse(permissions.is_authenticated(self.make_inactive_coordinator()))

    def test_it_knows_the_administrator(self):
        self.assertTrue(permissions.is_admin(self.admin))
        for user in (self.staff, self.coordinator, self.member, self.registered, self.anonymous):
            self.assertFalse(permissions.is_admin(user), user)

    def test_it_knows_programme_staff(self):
        self.assertTrue(permissions.is_programme_staff(self.staff))
        self.assertTrue(permissions.is_programme_staff(self.admin))
        for user in (self.coordinator, self.member, self.registered, self.anonymous):
            self.assertFalse(permissions.is_programme_staff(user), user)

    def test_it_ignores_an_inactive_superuser(self):
        self.admin.is_active = False
        self.assertFalse(permissions.is_admin(self.admin))
        self.assertFalse(permissions.is_programme_staff(self.admin))
        self.assertFalse(permissions.can_create_organisation(self.admin))
        self.assertFalse(permissions.can_change_organisation(self.admin, self.tuscan_sme))

    def test_it_lists_coordinated_regions_and_member_organisations(self):
        self.assertEqual(permissions.coordinated_region_ids(self.coordinator), {self.brittany.pk})
        self.assertEqual(permissions.coordinated_region_ids(self.member), frozenset())
        self.assertEqual(permissions.coordinated_region_ids(self.anonymous), frozenset())
        self.assertEqual(permissions.member_organisation_ids(self.member), {self.tuscan_sme.pk})
        self.assertEqual(permissions.member_organisation_ids(self.coordinator), frozenset())
        self.assertEqual(permissions.member_organisation_ids(self.anonymous), frozenset())
        self.assertTrue(permissions.is_coordinator(self.coordinator))
        self.assertFalse(permissions.is_coordinator(self.member))

    def test_it_caches_memberships_on_the_user_object(self):
        permissions.coordinated_region_ids(self.coordinator)
        with self.assertNumQueries(0):
            permissions.coordinated_region_ids(self.coordinator)
            permissions.is_coordinator(self.coordinator)

    def test_an_inactive_user_keeps_no_scoped_role(self):
        inactive = self.make_inactive_coordinator()
        self.assertEqual(permissions.coordinated_region_ids(inactive), frozenset())
        self.assertEqual(permissions.member_organisation_ids(inactive), frozenset())
        self.assertFalse(permissions.can_create_organisation(inactive, self.brittany.pk))
        self.assertFalse(permissions.can_change_organisation(inactive, self.breton_sme))
        self.assertFalse(permissions.can_delete_organisation(inactive, self.breton_sme))
        self.assertFalse(permissions.can_request_claim(inactive, self.tuscan_sme))
        self.assertEqual(permissions.role_names(inactive), ["visitor"])

    def test_it_names_the_roles(self):
        self.assertEqual(permissions.role_names(self.admin), ["administrator"])
        self.assertEqual(permissions.role_names(self.staff), ["programme_staff"])
        self.assertEqual(permissions.role_names(self.coordinator), ["coordinator"])
        self.assertEqual(permissions.role_names(self.member), ["member"])
        self.assertEqual(permissions.role_names(self.registered), ["registered"])
        self.assertEqual(permissions.role_names(self.anonymous), ["visitor"])

    def test_it_decides_who_creates_organisations(self):
        self.assertTrue(permissions.can_create_organisation(self.admin))
        self.assertTrue(permissions.can_create_organisation(self.admin, self.tuscany.pk))
        self.assertTrue(permissions.can_create_organisation(self.coordinator))
        self.assertTrue(permissions.can_create_organisation(self.coordinator, self.brittany.pk))
        self.assertFalse(permissions.can_create_organisation(self.coordinator, self.tuscany.pk))
        for user in (self.staff, self.member, self.registered, self.anonymous):
            self.assertFalse(permissions.can_create_organisation(user), user)
            self.assertFalse(permissions.can_create_organisation(user, self.brittany.pk), user)

    def test_it_decides_who_changes_an_organisation(self):
        expected = {
            "admin": {"breton": True, "tuscan": True, "estonian": True},
            "staff": {"breton": False, "tuscan": False, "estonian": False},
            "coordinator": {"breton": True, "tuscan": False, "estonian": False},
            "member": {"breton": False, "tuscan": True, "estonian": False},
            "registered": {"breton": False, "tuscan": False, "estonian": False},
        }
        organisations = {
            "breton": self.breton_sme,
            "tuscan": self.tuscan_sme,
            "estonian": self.estonian_rto,
        }
        for persona, answers in expected.items():
            user = getattr(self, persona)
            for key, allowed in answers.items():
                self.assertEqual(
                    permissions.can_change_organisation(user, organisations[key]),
                    allowed,
                    f"{persona} on {key}",
                )
        for organisation in organisations.values():
            self.assertFalse(permissions.can_change_organisation(self.anonymous, organisation))

    def test_an_organisation_without_region_is_changed_by_admin_and_members_only(self):
        self.breton_sme.region = None
        self.assertFalse(permissions.can_change_organisation(self.coordinator, self.breton_sme))
        self.assertFalse(permissions.can_delete_organisation(self.coordinator, self.breton_sme))
        self.assertTrue(permissions.can_change_organisation(self.admin, self.breton_sme))
        self.tuscan_sme.region = None
        self.assertTrue(permissions.can_change_organisation(self.member, self.tuscan_sme))

    def test_it_decides_who_deletes_an_organisation(self):
        self.assertTrue(permissions.can_delete_organisation(self.admin, self.tuscan_sme))
        self.assertTrue(permissions.can_delete_organisation(self.coordinator, self.breton_sme))
        self.assertFalse(permissions.can_delete_organisation(self.coordinator, self.tuscan_sme))
        # A member keeps the profile but may not remove the organisation from the atlas.
        self.assertFalse(permissions.can_delete_organisation(self.member, self.tuscan_sme))
        for user in (self.staff, self.registered, self.anonymous):
            self.assertFalse(permissions.can_delete_organisation(user, self.breton_sme), user)

    def test_it_decides_who_sees_private_contacts(self):
        self.assertTrue(permissions.can_see_private_contacts(self.admin, self.tuscan_sme))
        self.assertTrue(permissions.can_see_private_contacts(self.staff, self.tuscan_sme))
        self.assertTrue(permissions.can_see_private_contacts(self.coordinator, self.breton_sme))
        self.assertFalse(permissions.can_see_private_contacts(self.coordinator, self.tuscan_sme))
        self.assertTrue(permissions.can_see_private_contacts(self.member, self.tuscan_sme))
        self.assertFalse(permissions.can_see_private_contacts(self.member, self.breton_sme))
        self.assertFalse(permissions.can_see_private_contacts(self.registered, self.breton_sme))
        self.assertFalse(permissions.can_see_private_contacts(self.anonymous, self.breton_sme))

    def test_it_decides_who_may_claim(self):
        self.assertTrue(permissions.can_request_claim(self.registered, self.tuscan_sme))
        self.assertTrue(permissions.can_request_claim(self.member, self.breton_sme))
        self.assertFalse(permissions.can_request_claim(self.member, self.tuscan_sme))
        self.assertFalse(permissions.can_request_claim(self.anonymous, self.tuscan_sme))

    def test_it_decides_who_decides_a_claim(self):
        breton_claim = ClaimRequest(organisation=self.breton_sme, user=self.registered)
        tuscan_claim = ClaimRequest(organisation=self.tuscan_sme, user=self.registered)
        self.assertTrue(permissions.can_decide_claim(self.admin, tuscan_claim))
        self.assertTrue(permissions.can_decide_claim(self.coordinator, breton_claim))
        self.assertFalse(permissions.can_decide_claim(self.coordinator, tuscan_claim))
        for user in (self.staff, self.member, self.registered, self.anonymous):
            self.assertFalse(permissions.can_decide_claim(user, breton_claim), user)
            self.assertFalse(permissions.can_decide_claim(user, tuscan_claim), user)

    def test_it_gives_the_write_scope(self):
        self.assertEqual(permissions.organisation_write_scope(self.admin), {})
        self.assertEqual(
            permissions.organisation_write_scope(self.coordinator),
            {"region_ids": {self.brittany.pk}, "organisation_ids": frozenset()},
        )
        self.assertEqual(
            permissions.organisation_write_scope(self.anonymous),
            {"region_ids": frozenset(), "organisation_ids": frozenset()},
        )

    def test_the_write_scope_selects_the_editable_organisations(self):
        from cyberregions.organisations.models import Organisation

        def slugs(user):
            return set(Organisation.objects.editable_by(user).values_list("slug", flat=True))

        everything = {self.breton_sme.slug, self.tuscan_sme.slug, self.estonian_rto.slug}
        self.assertEqual(slugs(self.admin), everything)
        self.assertEqual(slugs(self.coordinator), {self.breton_sme.slug})
        self.assertEqual(slugs(self.member), {self.tuscan_sme.slug})
        self.assertEqual(slugs(self.registered), set())
        self.assertEqual(slugs(self.anonymous), set())

    def test_only_the_administrator_manages_reference_data(self):
        self.assertTrue(permissions.can_manage_reference_data(self.admin))
        for user in (self.staff, self.coordinator, self.member, self.registered, self.anonymous):
            self.assertFalse(permissions.can_manage_reference_data(user), user)

    def test_require_refuses_with_permission_denied(self):
        permissions.require(True)
        with self.assertRaises(PermissionDenied):
            permissions.require(False)

    def test_the_api_permission_lets_anyone_read_and_authenticated_users_write(self):
        permission = permissions.ApiPermission()
        factory = RequestFactory()
        view = SimpleNamespace()
        for method in ("get", "head", "options"):
            request = getattr(factory, method)("/api/")
            request.user = self.anonymous
            self.assertTrue(permission.has_permission(request, view), method)
        for method in ("post", "put", "patch", "delete"):
            request = getattr(factory, method)("/api/")
            request.user = self.anonymous
            self.assertFalse(permission.has_permission(request, view), method)
            request.user = self.registered
            self.assertTrue(permission.has_permission(request, view), method)

    def test_a_second_coordinated_region_widens_the_scope(self):
        other = Region.objects.get(code="EE00")
        RegionMembership.objects.create(user=self.coordinator, region=other)
        self.assertTrue(permissions.can_change_organisation(self.coordinator, self.estonian_rto))
        self.assertTrue(permissions.can_create_organisation(self.coordinator, other.pk))
