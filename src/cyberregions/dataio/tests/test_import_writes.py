"""What an import writes: organisations with their derived fields, tags, offers and needs,
the search index, one audit entry per organisation, and the import record."""

from cyberregions.core.models import AuditEntry
from cyberregions.core.permissions import COMMAND_LINE
from cyberregions.dataio import services
from cyberregions.dataio.models import OrganisationImport
from cyberregions.organisations.models import OfferOrNeed, Organisation
from cyberregions.testing import PersonaTestCase

from .files import csv_bytes

HEADER = [
    "name",
    "country",
    "region",
    "website",
    "actor_type",
    "employees",
    "turnover_eur",
    "core_business",
    "domains",
    "sectors",
    "description",
    "offers",
    "needs",
]
NEW = [
    "Morlaix Quantum Shield",
    "FR",
    "FRH0",
    "morlaix-quantum.example",
    "sme",
    "30",
    "4000000",
    "yes",
    "CRY|NDS",
    "SEC.energy",
    "Post-quantum cryptography for ports.",
    "Audits|Training",
    "Investors",
]


class ImportWriteTests(PersonaTestCase):
    def run_import(self, *rows, actor=COMMAND_LINE, **options):
        data = csv_bytes(list(rows), header=HEADER)
        return services.import_file(actor, filename="atlas.csv", data=data, **options)

    def test_an_organisation_named_like_an_atlas_address_gets_a_slug_of_its_own(self):
        # "/organisations/register/" is the registration page, not this organisation's.
        self.run_import(["Register", *NEW[1:]])
        self.assertEqual(Organisation.objects.get(name="Register").slug, "register-2")

    def test_it_creates_organisations_with_everything_derived(self):
        _plan, counts, record = self.run_import(NEW)
        self.assertEqual(counts["created"], 1)
        organisation = Organisation.objects.get(name="Morlaix Quantum Shield")
        self.assertEqual(organisation.slug, "morlaix-quantum-shield")
        self.assertEqual(organisation.website, "https://morlaix-quantum.example")
        self.assertEqual((organisation.size_class, organisation.helix_group), ("small", "business"))
        self.assertTrue(organisation.core_business)
        self.assertEqual(
            sorted(organisation.domains.values_list("code", flat=True)), ["CRY", "NDS"]
        )
        self.assertEqual(list(organisation.sectors.values_list("code", flat=True)), ["SEC.energy"])
        items = sorted(organisation.items.values_list("kind", "title"))
        self.assertEqual(items, [("need", "Investors"), ("offer", "Audits"), ("offer", "Training")])
        # The search finds it by its offers too.
        self.assertEqual(list(Organisation.objects.search("quantum audits")), [organisation])
        self.assertEqual(
            (record.status, record.source, record.created_count), ("imported", "command_line", 1)
        )

    def test_it_writes_one_audit_entry_per_organisation(self):
        _plan, _counts, record = self.run_import(NEW, actor=self.admin)
        organisation = Organisation.objects.get(name="Morlaix Quantum Shield")
        entry = AuditEntry.objects.get(action="organisation.create")
        self.assertEqual((entry.actor, entry.object_id), (self.admin, str(organisation.pk)))
        self.assertEqual(entry.after["name"], "Morlaix Quantum Shield")
        self.assertEqual(entry.after["country"], organisation.country_id)
        self.assertEqual(entry.reason, f"import #{record.pk}")
        self.assertTrue(AuditEntry.objects.filter(action="organisations.import.run").exists())

    def test_it_updates_only_what_changed_and_keeps_what_the_file_leaves_empty(self):
        self.run_import(NEW)
        row = [
            "Morlaix Quantum Shield",
            "FR",
            "FRH0",
            "",
            "",
            "120",
            "",
            "",
            "CRY",
            "",
            "",
            "Audits|Red teaming",
            "",
        ]
        _plan, counts, _record = self.run_import(row, actor=self.coordinator)
        self.assertEqual((counts["created"], counts["updated"]), (0, 1))
        organisation = Organisation.objects.get(name="Morlaix Quantum Shield")
        self.assertEqual(organisation.employees, 120)
        self.assertEqual(organisation.size_class, "medium")  # derived again
        self.assertEqual(organisation.website, "https://morlaix-quantum.example")  # kept
        self.assertEqual(organisation.turnover_eur, 4_000_000)  # kept
        self.assertEqual(list(organisation.domains.values_list("code", flat=True)), ["CRY"])
        self.assertEqual(organisation.items.filter(kind="offer").count(), 3)  # one added
        entry = AuditEntry.objects.get(action="organisation.update")
        self.assertEqual(entry.actor, self.coordinator)
        self.assertEqual(entry.before["employees"], 30)
        self.assertEqual(entry.after["employees"], 120)
        self.assertEqual(entry.after["items"], 4)
        self.assertNotIn("website", entry.after)

    def test_it_gives_each_new_organisation_a_free_slug(self):
        self.run_import(
            ["Armor Cyber Defence", "BE", "BE3", "", "", "", "", "", "", "", "", "", ""]
        )
        slugs = sorted(
            Organisation.objects.filter(name="Armor Cyber Defence").values_list("slug", flat=True)
        )
        self.assertEqual(slugs, ["armor-cyber-defence", "armor-cyber-defence-2"])

    def test_a_dry_run_writes_nothing(self):
        plan, counts, record = self.run_import(NEW, dry_run=True)
        self.assertEqual((plan.counts()["create"], counts, record), (1, None, None))
        self.assertFalse(Organisation.objects.filter(name="Morlaix Quantum Shield").exists())
        self.assertFalse(OrganisationImport.objects.exists())
        self.assertFalse(OfferOrNeed.objects.exists())
