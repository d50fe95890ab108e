"""The atlas rows follow the organisations through the database triggers, whatever writes."""

from django.db import connection
from django.test import TestCase

from cyberregions.geo.models import Country, Region
from cyberregions.organisations.models import AtlasRow, Organisation
from cyberregions.organisations.services import refresh_search
from cyberregions.testing import make_organisation

COPIED = [field.attname for field in AtlasRow._meta.concrete_fields]


def copy_of(organisation: Organisation) -> dict:
    organisation.refresh_from_db()
    return {name: getattr(organisation, name) for name in COPIED}


def row_of(organisation: Organisation) -> dict:
    return AtlasRow.objects.filter(pk=organisation.pk).values(*COPIED).get()


class AtlasRowTriggerTests(TestCase):
    def setUp(self):
        self.organisation = make_organisation(
            "Armor Cyber Defence", "FR", "FRH0", employees=12, founded=2015
        )

    def test_triggers_exist(self):
        # A SQLite migration that rebuilds the organisation table drops its triggers.
        if connection.vendor == "postgresql":
            sql = (
                "SELECT tgname FROM pg_trigger "
                "WHERE tgrelid = 'organisations_organisation'::regclass AND NOT tgisinternal"
            )
        else:
            sql = (
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND tbl_name = 'organisations_organisation'"
            )
        with connection.cursor() as cursor:
            cursor.execute(sql)
            names = {name for (name,) in cursor.fetchall()}
        self.assertEqual(
            names, {f"organisations_atlasrow_{kind}" for kind in ("insert", "update", "delete")}
        )

    def test_a_new_organisation_gets_its_row(self):
        self.assertEqual(row_of(self.organisation), copy_of(self.organisation))

    def test_save_changes_the_row(self):
        self.organisation.name = "Armor Cyber"
        self.organisation.actor_type = "large"
        self.organisation.employees = 400
        self.organisation.region = None
        self.organisation.country = Country.objects.get(iso="IT")
        self.organisation.status = "closed"
        self.organisation.core_business = True
        self.organisation.founded = None
        self.organisation.save()
        row = row_of(self.organisation)
        self.assertEqual(row, copy_of(self.organisation))
        self.assertEqual(
            (row["name"], row["size_class"], row["region_id"]), ("Armor Cyber", "large", None)
        )

    def test_queryset_update_changes_the_row(self):
        tuscany = Region.objects.get(code="ITI1")
        Organisation.objects.filter(pk=self.organisation.pk).update(
            region=tuscany, country=tuscany.country, founded=1999
        )
        self.assertEqual(row_of(self.organisation), copy_of(self.organisation))
        self.assertEqual(row_of(self.organisation)["region_id"], tuscany.pk)

    def test_bulk_create_and_delete(self):
        country = Country.objects.get(iso="EE")
        created = Organisation.objects.bulk_create(
            [
                Organisation(
                    slug=f"bulk-{number}",
                    name=f"Bulk {number}",
                    country=country,
                    actor_type="university",
                    helix_group="academia",
                )
                for number in range(3)
            ]
        )
        ids = [organisation.pk for organisation in created]
        self.assertEqual(
            sorted(AtlasRow.objects.filter(pk__in=ids).values_list("name", flat=True)),
            ["Bulk 0", "Bulk 1", "Bulk 2"],
        )
        Organisation.objects.filter(pk__in=ids[:2]).delete()
        self.assertEqual(list(AtlasRow.objects.filter(pk__in=ids).values_list("pk")), [(ids[2],)])
        self.organisation.delete()
        self.assertFalse(AtlasRow.objects.filter(pk=self.organisation.pk).exists())

    def test_search_follows_the_search_document(self):
        # The search document changes alone (offers and needs renamed): on PostgreSQL the
        # vector is recomputed by the trigger, on SQLite the FTS table by the application.
        self.assertTrue(Organisation.objects.search("armor").filter(pk=self.organisation.pk))
        self.organisation.description = "Penetration testing for harbours"
        self.organisation.save()
        refresh_search(self.organisation)
        for queryset in (Organisation.objects, AtlasRow.objects):
            with self.subTest(model=queryset.model.__name__):
                self.assertEqual(
                    list(queryset.search("harbour").values_list("pk", flat=True)),
                    [self.organisation.pk],
                )
                self.assertFalse(queryset.search("forensics harbour").exists())
