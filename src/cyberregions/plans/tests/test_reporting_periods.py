"""Semesters, due dates and late reports (pure)."""

import datetime

from django.test import SimpleTestCase

from cyberregions.plans import periods

D = datetime.date


class PeriodTests(SimpleTestCase):
    def test_it_splits_the_year_in_two_semesters(self):
        self.assertEqual(periods.period_of(D(2025, 6, 30)), (2025, 1))
        self.assertEqual(periods.period_of(D(2025, 7, 1)), (2025, 2))
        self.assertEqual(periods.next_period((2025, 2)), (2026, 1))
        self.assertEqual(periods.previous_period((2026, 1)), (2025, 2))
        self.assertEqual(periods.due_date((2025, 1)), D(2025, 7, 31))

    def test_it_lists_the_semesters_from_the_start_of_the_implementation(self):
        self.assertEqual(
            periods.reporting_periods(D(2025, 3, 1), None, D(2026, 2, 1)),
            [(2025, 1), (2025, 2), (2026, 1)],
        )
        self.assertEqual(
            periods.ended_periods(D(2025, 3, 1), None, D(2026, 2, 1)), [(2025, 1), (2025, 2)]
        )
        self.assertEqual(
            periods.reporting_periods(D(2025, 3, 1), D(2025, 8, 1), D(2027, 1, 1)),
            [(2025, 1), (2025, 2)],
        )
        self.assertEqual(periods.reporting_periods(None, None, D(2026, 1, 1)), [])

    def test_a_report_is_late_a_month_after_its_semester_unless_submitted(self):
        start = D(2025, 3, 1)
        self.assertEqual(periods.late_periods(start, None, D(2025, 7, 31), []), [])
        self.assertEqual(periods.late_periods(start, None, D(2025, 8, 1), []), [(2025, 1)])
        self.assertEqual(periods.late_periods(start, None, D(2026, 3, 1), [(2025, 1)]), [(2025, 2)])

    def test_period_keys_read_back(self):
        self.assertEqual(periods.period_key((2025, 2)), "2025-S2")
        self.assertEqual(periods.parse_period_key("2025-s2"), (2025, 2))
        self.assertIsNone(periods.parse_period_key("2025-S3"))
        self.assertIsNone(periods.parse_period_key("nonsense"))
