"""Country names in the reader's language, from CLDR through Babel.

The database keeps each country's English name (the reference); what a page, a chart or an
export prints is CLDR's name for the ISO code in the active language, so that a French reader
reads « Italie » and a Slovenian one « Italija ». NUTS region names are proper names and stay
as the reference gives them."""

import functools

from django.utils import translation
from django.utils.functional import lazy


@functools.lru_cache(maxsize=64)
def territory_names(language: str) -> dict[str, str]:
    """CLDR's territory names in ``language`` (English when Babel does not know it)."""
    from babel import Locale, UnknownLocaleError

    try:
        return dict(Locale.parse(translation.to_locale(language)).territories)
    except (UnknownLocaleError, ValueError):
        return dict(Locale("en").territories)


def country_name(iso: str | None, default: str = "", language: str | None = None) -> str:
    """The name of the country with ISO code ``iso`` in ``language`` (default: the active one);
    ``default``, then the code, when CLDR has no name for it. In English, ``default`` (the
    reference's name) wins when given."""
    if not iso:
        return default
    language = language or translation.get_language() or "en"
    if default and language.split("-")[0] == "en":
        return default
    return territory_names(language).get(iso.upper()) or default or iso


lazy_country_name = lazy(country_name, str)
