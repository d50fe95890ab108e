"""The rules of organisations.permissions, asked for each persona."""

from django.contrib.auth.models import AnonymousUser

from cyberregions.geo.models import Region, RegionMembership
from cyberregions.organisations import permissions
from cyberregions.organisations.models import ClaimRequest, OrganisationMembership
from cyberregions.testing import PersonaTestCase


class OrganisationPermissionTests(PersonaTestCase):
    def setUp(self):
        self.anonymous = AnonymousUser()

    def test_an_inactive_superuser_changes_nothing(self):
        self.admin.is_active = False
        self.assertFalse(permissions.can_create_organisation(self.admin))
        self.assertFalse(permissions.can_change_organisation(self.admin, self.tuscan_sme))

    def test_an_inactive_user_keeps_no_right_on_organisations(self):
        inactive = type(self.coordinator).objects.create_user("gone", "gone@example.org")
        RegionMembership.objects.create(user=inactive, region=self.brittany)
        OrganisationMembership.objects.create(user=inactive, organisation=self.breton_sme)
        inactive.is_active = False
        inactive.save()
        self.assertFalse(permissions.can_create_organisation(inactive, self.brittany.pk))
        self.assertFalse(permissions.can_change_organisation(inactive, self.breton_sme))
        self.assertFalse(permissions.can_delete_organisation(inactive, self.breton_sme))
        self.assertFalse(permissions.can_request_claim(inactive, self.tuscan_sme))

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

    def test_a_second_coordinated_region_widens_the_scope(self):
        other = Region.objects.get(code="EE00")
        RegionMembership.objects.create(user=self.coordinator, region=other)
        self.assertTrue(permissions.can_change_organisation(self.coordinator, self.estonian_rto))
        self.assertTrue(permissions.can_create_organisation(self.coordinator, other.pk))
