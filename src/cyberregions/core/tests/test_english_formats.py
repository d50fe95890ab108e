"""English pages write dates in European order, as the standing requirements ask; French keeps
its own."""

import datetime

from django.test import SimpleTestCase
from django.utils import formats, translation


class EnglishFormatTests(SimpleTestCase):
    moment = datetime.datetime(2026, 12, 7, 23, 39)

    def test_english_dates_are_in_european_order(self):
        with translation.override("en"):
            self.assertEqual(formats.date_format(self.moment, "DATE_FORMAT"), "7 December 2026")
            self.assertEqual(formats.date_format(self.moment, "SHORT_DATE_FORMAT"), "07/12/2026")
            self.assertEqual(
                formats.date_format(self.moment, "DATETIME_FORMAT"), "7 December 2026, 23:39"
            )

    def test_french_keeps_its_own(self):
        with translation.override("fr"):
            self.assertEqual(formats.date_format(self.moment, "DATE_FORMAT"), "7 décembre 2026")
