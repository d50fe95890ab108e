"""Reading and writing single spreadsheet cells: numbers, yes/no, years, web addresses, lists,
name keys for duplicate detection, and formula neutralisation.

Plain functions over plain values; a cell that cannot be read raises ``CellError`` with the
reason shown to the person importing.
"""

from __future__ import annotations

import datetime
import decimal
import re
import unicodedata

from django.utils.translation import gettext_lazy as _

# A spreadsheet runs a cell as a formula when it starts with one of these; a tab or a carriage
# return in front hides the sign from a quick look, so they are neutralised too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
MULTI_SEPARATOR = "|"
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
THOUSANDS = re.compile(r"^\d{1,3}([ .,'’]\d{3})+$")
DECIMAL = re.compile(r"^\d+([.,]\d+)?$")
URL = re.compile(r"^(https?)://(?:[^@/\s]*@)?([^/\s:?#]+)(:\d{1,5})?([/?#]\S*)?$", re.I)
HOST = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$")
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "x", "oui", "si", "sì", "ja", "jah", "da", "áno"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "non", "nein", "ei", "ne", "nie"})
# Legal forms dropped before comparing names: "Armor Cyber SAS" and "ARMOR CYBER" are one.
LEGAL_FORMS = frozenset(
    [
        "ab",
        "ag",
        "as",
        "asbl",
        "bv",
        "bvba",
        "cv",
        "doo",
        "eirl",
        "eurl",
        "gmbh",
        "inc",
        "kft",
        "kg",
        "llc",
        "ltd",
        "nv",
        "oy",
        "ou",
        "plc",
        "sa",
        "sarl",
        "sas",
        "sasu",
        "sl",
        "sll",
        "snc",
        "spa",
        "sro",
        "srl",
        "srls",
        "sc",
        "scarl",
        "scrl",
        "ug",
        "vzw",
    ]
)
NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


class CellError(ValueError):
    """A cell whose value cannot be used; ``reason`` says why, for the person importing."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


class Formula(str):
    """The text of a cell that a spreadsheet would compute rather than show."""


def text(value) -> str:
    """A cell as trimmed text; numbers written by spreadsheets lose their useless ``.0``."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = value.translate(SPACES).strip()
        if value[:1] == NEUTRALISER and value[1:2] in FORMULA_STARTS:
            # Written by a neutralising export: the apostrophe is not part of the value.
            return value[1:]
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return str(value).strip()


def number(value, *, allow_fraction: bool = False) -> int | None:
    """A non-negative whole number, or None when empty. Accepts ``1 200``, ``1.200``,
    ``1,200`` (thousands) and, for amounts, a fraction that is rounded (``1500.50``)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number.") % {"value": value})
    if isinstance(value, int):
        result = value
    elif isinstance(value, float):
        if not value.is_integer() and not allow_fraction:
            raise CellError(_("“%(value)s” is not a whole number.") % {"value": value})
        result = _whole(decimal.Decimal(repr(value)))
    else:
        raw = text(value)
        if not raw:
            return None
        compact = raw.replace(" ", "")
        if "," in compact and "." in compact:
            # 1,500,000.50 or 1.500.000,50: the last separator marks the decimals.
            decimals = "," if compact.rfind(",") > compact.rfind(".") else "."
            compact = compact.replace("." if decimals == "," else ",", "")
        if raw.isdigit():
            result = int(raw)
        elif THOUSANDS.match(raw) or THOUSANDS.match(compact):
            result = int(re.sub(r"\D", "", raw))
        elif compact.isdigit():
            result = int(compact)
        elif DECIMAL.match(compact):
            whole, fraction = re.split(r"[.,]", compact)
            if not allow_fraction and int(fraction) != 0:
                raise CellError(_("“%(value)s” is not a whole number.") % {"value": raw})
            result = _whole(decimal.Decimal(f"{whole}.{fraction}"))
        elif compact.startswith("-") and compact[1:].replace(".", "").replace(",", "").isdigit():
            raise CellError(_("“%(value)s” is negative.") % {"value": raw})
        else:
            raise CellError(_("“%(value)s” is not a number.") % {"value": raw})
    if result < 0:
        raise CellError(_("“%(value)s” is negative.") % {"value": value})
    return result


def _whole(amount: decimal.Decimal) -> int:
    """Amounts are rounded half up, as accountants do (2.5 → 3)."""
    return int(amount.quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def decimal_degrees(value, limit: float) -> float | None:
    """A latitude or longitude in decimal degrees, or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        result = float(value)
    else:
        raw = text(value).replace(",", ".")
        if not raw:
            return None
        try:
            result = float(raw)
        except ValueError:
            raise CellError(_("“%(value)s” is not a number.") % {"value": raw}) from None
    if not -limit <= result <= limit:
        raise CellError(
            _("%(value)s lies outside −%(limit)s…%(limit)s.") % {"value": result, "limit": limit}
        )
    return result


def year(value) -> int | None:
    """A founding year between 1800 and 2100; a date cell gives its year."""
    if isinstance(value, datetime.datetime | datetime.date):
        result = value.year
    else:
        raw = text(value)
        if not raw:
            return None
        if re.match(r"^\d{4}-\d{2}-\d{2}", raw):
            raw = raw[:4]
        try:
            result = number(raw)
        except CellError:
            raise CellError(_("“%(value)s” is not a year.") % {"value": raw}) from None
    if result is None:
        return None
    if not 1800 <= result <= 2100:
        raise CellError(_("%(value)s is not a plausible founding year.") % {"value": result})
    return result


def yes_no(value) -> bool | None:
    """``yes``/``no`` in several languages, ``true``/``false``, ``1``/``0``, ``x``; None when
    empty."""
    if isinstance(value, bool):
        return value
    raw = text(value).lower()
    if not raw:
        return None
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise CellError(_("“%(value)s” is neither yes nor no.") % {"value": text(value)})


def web_address(value) -> str:
    """A web address with its scheme (``https://`` is added when missing); empty when empty."""
    raw = text(value)
    if not raw:
        return ""
    candidate = raw if "://" in raw else f"https://{raw}"
    match = URL.match(candidate)
    host = match.group(2).lower().rstrip(".") if match else ""
    if not HOST.match(host):
        raise CellError(_("“%(value)s” is not a web address.") % {"value": raw})
    if len(candidate) > 200:
        raise CellError(_("The web address is longer than 200 characters."))
    return candidate


def web_domain(url: str) -> str:
    """The host of a web address without ``www.``, the key of duplicate detection."""
    if not url:
        return ""
    match = URL.match(url if "://" in url else f"https://{url}")
    if not match:
        return ""
    return match.group(2).lower().rstrip(".").removeprefix("www.")


def several(value) -> list[str]:
    """Values separated by ``|``, trimmed, empty ones dropped, first occurrence kept."""
    result, seen = [], set()
    for part in text(value).split(MULTI_SEPARATOR):
        part = part.strip()
        if part:
            key = part.casefold()
            if key not in seen:
                seen.add(key)
                result.append(part)
    return result


def name_key(name: str) -> str:
    """A comparison key under which very similar names meet: case, accents, punctuation,
    spacing and legal forms (SAS, GmbH, S.r.l.…) do not count."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    words = NON_WORD.sub(" ", folded).replace("_", " ").split()
    kept = words
    # Legal forms may be spelt with dots ("S.r.l.", "d.o.o."): their letters are joined too.
    while kept:
        drop = 1 if kept[-1] in LEGAL_FORMS else _spelt_form(kept)
        if not drop:
            break
        kept = kept[:-drop]
    return " ".join(kept or words)


def _spelt_form(words: list[str]) -> int:
    """How many trailing one-letter words spell a legal form ("s r l" → 3), or 0."""
    letters = 0
    for word in reversed(words):
        if len(word) != 1:
            break
        letters += 1
    for size in range(letters, 1, -1):
        if "".join(words[-size:]) in LEGAL_FORMS:
            return size
    return 0


def neutralise(value):
    """A cell value safe to open in a spreadsheet: text that would run as a formula gets a
    leading apostrophe, which spreadsheets show as text and our import removes again."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return NEUTRALISER + value
    return value
