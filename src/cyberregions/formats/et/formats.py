"""Estonian formats that Django leaves to its (American) defaults: dates with times and
thousands grouping. Estonian writes 7. detsember 2026 23:39 and 1 234 567,5."""

DATETIME_FORMAT = "j. F Y H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
FIRST_DAY_OF_WEEK = 1  # Monday
NUMBER_GROUPING = 3
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space
