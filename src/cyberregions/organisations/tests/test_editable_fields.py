"""An organisation's editable fields are declared once (``organisations.fields``): the form,
the API serializer, the audit snapshot and the importer all use exactly that list, so a field
added in one place only fails here."""

from django.test import SimpleTestCase

from cyberregions.core.concurrency import VERSION
from cyberregions.dataio import columns, importer
from cyberregions.organisations import services
from cyberregions.organisations.api import OrganisationSerializer
from cyberregions.organisations.fields import DERIVED_FIELDS, EDITABLE_FIELDS, TAG_FIELDS
from cyberregions.organisations.forms import OrganisationForm
from cyberregions.organisations.models import Organisation


def name_of(attname: str) -> str:
    """``country_id`` → ``country``."""
    return next(
        field.name for field in Organisation._meta.concrete_fields if field.attname == attname
    )


class EditableFieldTests(SimpleTestCase):
    def test_every_declared_field_is_an_editable_model_field(self):
        self.assertEqual(len(set(EDITABLE_FIELDS)), len(EDITABLE_FIELDS))
        for name in EDITABLE_FIELDS:
            self.assertTrue(Organisation._meta.get_field(name).editable, name)
        many_to_many = {field.name for field in Organisation._meta.many_to_many}
        self.assertEqual(set(TAG_FIELDS), many_to_many)
        self.assertFalse(set(DERIVED_FIELDS) & set(EDITABLE_FIELDS))

    def test_the_form_edits_exactly_the_declared_fields(self):
        self.assertEqual(list(OrganisationForm._meta.fields), list(EDITABLE_FIELDS))
        self.assertEqual(list(OrganisationForm.base_fields), list(EDITABLE_FIELDS))

    def test_the_serializer_writes_exactly_the_declared_fields(self):
        fields = OrganisationSerializer().fields
        writable = [name for name, field in fields.items() if not field.read_only]
        self.assertEqual(writable, list(EDITABLE_FIELDS))
        read_only = {name for name, field in fields.items() if field.read_only}
        self.assertEqual(read_only, {"slug", VERSION, *DERIVED_FIELDS})

    def test_the_audit_snapshot_holds_the_declared_fields_with_the_derived_ones(self):
        self.assertEqual(
            list(services.AUDITED_FIELDS), [*EDITABLE_FIELDS, *DERIVED_FIELDS, VERSION]
        )

    def test_the_importer_covers_the_declared_fields(self):
        plain = [name_of(attname) for attname in importer.PLAIN_FIELDS]
        imported = {*plain, *columns.TAG_COLUMNS}
        self.assertFalse(imported & set(importer.NOT_IMPORTED))
        self.assertEqual(imported | set(importer.NOT_IMPORTED), set(EDITABLE_FIELDS))
        self.assertEqual(plain, [name for name in EDITABLE_FIELDS if name in plain])
        # Each plain field has its column in the file, with a help text for the template.
        for name in plain:
            self.assertIn(name, columns.COLUMN_NAMES, name)
