"""The pieces of ``core.concurrency`` that need no model of their own: reading ``If-Match``,
the refusal message, and the guard that keeps the version claim inside a transaction."""

from types import SimpleNamespace

from django.test import SimpleTestCase

from cyberregions.core.concurrency import (
    Change,
    PreconditionFailed,
    StaleVersion,
    claim_version,
    etag,
    expected_version_from,
)

ROW = SimpleNamespace(pk=12, version=3)


class IfMatchTests(SimpleTestCase):
    def test_the_etag_names_the_row_and_its_version(self):
        self.assertEqual(etag(ROW), '"12.3"')

    def test_no_header_or_a_star_expects_nothing(self):
        for header in (None, "", "  ", "*"):
            self.assertIsNone(expected_version_from(header, ROW), header)

    def test_the_current_tag_alone_or_among_others_is_the_expected_version(self):
        for header in ('"12.3"', '"7.1", "12.3"', ' "12.3" '):
            self.assertEqual(expected_version_from(header, ROW), 3, header)

    def test_anything_else_fails_the_precondition(self):
        for header in ('"12.2"', '"12.4"', '"13.3"', 'W/"12.3"', "12.3", '"abc"', "garbage"):
            with self.assertRaises(PreconditionFailed, msg=header):
                expected_version_from(header, ROW)


class StaleVersionMessageTests(SimpleTestCase):
    def test_it_names_each_change_with_its_current_value(self):
        error = StaleVersion(ROW, 2, 4, [Change("city", "City", "Brest")])
        self.assertIn("your version 2, now 4", error.message)
        self.assertIn("City is now “Brest”", error.message)
        self.assertIn("Your input is still in the form", error.message)

    def test_a_deleted_row_says_so(self):
        self.assertIn("deleted", StaleVersion(ROW, 2, None, []).message)


class ClaimOutsideTransactionTests(SimpleTestCase):
    def test_it_refuses_to_run_outside_a_transaction(self):
        # Outside a transaction the row would not stay locked until the save.
        with self.assertRaises(RuntimeError):
            claim_version(ROW, 3)
