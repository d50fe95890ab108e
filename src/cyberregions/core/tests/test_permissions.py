"""The role primitives of core.permissions, asked for each persona."""

from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from cyberregions.core import permissions
from cyberregions.geo.models import RegionMembership
from cyberregions.organisations.models import OrganisationMembership
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
        self.assertEqual(permissions.role_names(inactive), ["visitor"])

    def test_it_names_the_roles(self):
        self.assertEqual(permissions.role_names(self.admin), ["administrator"])
        self.assertEqual(permissions.role_names(self.staff), ["programme_staff"])
        self.assertEqual(permissions.role_names(self.coordinator), ["coordinator"])
        self.assertEqual(permissions.role_names(self.member), ["member"])
        self.assertEqual(permissions.role_names(self.registered), ["registered"])
        self.assertEqual(permissions.role_names(self.anonymous), ["visitor"])

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
