"""A practice's editable fields are declared once (``services.practices.PRACTICE_FIELDS``):
the form edits exactly those and the audit snapshot records exactly those (with the figures,
which the form's formset edits)."""

from django.test import SimpleTestCase

from cyberregions.practices.forms import PracticeForm
from cyberregions.practices.models import Practice
from cyberregions.practices.services.practices import PRACTICE_FIELDS, snapshot


class PracticeFieldTests(SimpleTestCase):
    def test_the_form_edits_exactly_the_declared_fields(self):
        self.assertEqual(list(PracticeForm._meta.fields), PRACTICE_FIELDS)
        self.assertEqual(list(PracticeForm.base_fields), PRACTICE_FIELDS)

    def test_the_audit_snapshot_records_exactly_the_declared_fields(self):
        recorded = snapshot(Practice(title="Vouchers"))
        self.assertEqual(list(recorded), [*PRACTICE_FIELDS, "figures"])
