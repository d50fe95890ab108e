"""Slovenian: the week starts on Monday (Django's Slovenian formats say Sunday)."""

FIRST_DAY_OF_WEEK = 1  # Monday
