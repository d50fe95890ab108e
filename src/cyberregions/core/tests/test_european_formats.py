"""Dates and numbers are European in every language, English included: day before month,
a 24-hour clock, weeks from Monday, and grouped thousands."""

import datetime
import re

from django.conf import settings
from django.test import SimpleTestCase
from django.utils import formats, timezone, translation

LANGUAGES = [code for code, _name in settings.LANGUAGES]
EVENING = datetime.datetime(2026, 7, 12, 20, 15, tzinfo=datetime.UTC)


class EuropeanFormatsTests(SimpleTestCase):
    def formatted(self, name: str) -> str:
        return formats.date_format(timezone.localtime(EVENING), name)

    def test_it_puts_the_day_before_the_month_in_every_language(self):
        for language in LANGUAGES:
            with self.subTest(language=language), translation.override(language):
                short = self.formatted("SHORT_DATETIME_FORMAT")
                self.assertRegex(short, r"^12\D+0?7\D+2026")
                self.assertLess(self.formatted("DATE_FORMAT").find("12"), 3)
                self.assertRegex(self.formatted("DATETIME_FORMAT"), r"\b12\b.*2026")

    def test_it_uses_a_24_hour_clock_in_every_language(self):
        for language in LANGUAGES:
            with self.subTest(language=language), translation.override(language):
                for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT"):
                    text = self.formatted(name)
                    self.assertIn("22:15", text)  # Brussels summer time
                    self.assertIsNone(re.search(r"[ap]\.?\s?m\.?|p\.l\.|e\.l\.", text, re.I))

    def test_it_starts_weeks_on_monday_and_groups_thousands(self):
        for language in LANGUAGES:
            with self.subTest(language=language), translation.override(language):
                self.assertEqual(formats.get_format("FIRST_DAY_OF_WEEK"), 1)
                grouped = formats.number_format(1234567, force_grouping=True)
                self.assertNotEqual(grouped, "1234567")

    def test_english_reads_12_july_not_july_12(self):
        with translation.override("en"):
            self.assertEqual(self.formatted("SHORT_DATETIME_FORMAT"), "12/07/2026 22:15")
            self.assertEqual(self.formatted("DATE_FORMAT"), "12 July 2026")
