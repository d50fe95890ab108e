"""EU enterprise size class (Commission Recommendation 2003/361/EC, Annex, Article 2).

Pure function, no Django import. An enterprise belongs to a class when its staff headcount is
below the class ceiling AND it does not exceed EITHER the turnover ceiling OR the balance-sheet
ceiling (it may exceed one of the two financial ceilings and keep its class)::

    class    staff      turnover        balance-sheet total
    micro    < 10       <= EUR 2 M   or <= EUR 2 M
    small    < 50       <= EUR 10 M  or <= EUR 10 M
    medium   < 250      <= EUR 50 M  or <= EUR 43 M
    large    anything that is none of the three

The classes are tested in order micro, small, medium; an enterprise that meets none is large.

Missing data (``None``) is handled with three-valued logic: each test is true, false or
undecided, and the answer is ``"unknown"`` as soon as the first test that is not plainly false
is undecided. Consequences:

* staff unknown: ``"unknown"``, unless the finances alone prove "large" (turnover above
  EUR 50 M *and* balance sheet above EUR 43 M);
* staff known but turnover and balance sheet both unknown: ``"unknown"`` (no SME class can be
  confirmed), except with 250 staff or more, which is ``"large"`` whatever the finances;
* one financial value known: it decides when it is within the ceiling (the "or" is then true)
  and leaves the class undecided when it is above it (the other value might still be within).
"""

from __future__ import annotations

from numbers import Real

MICRO = "micro"
SMALL = "small"
MEDIUM = "medium"
LARGE = "large"
UNKNOWN = "unknown"

# (class, staff headcount must be below, turnover ceiling, balance-sheet ceiling), in test order.
CEILINGS: tuple[tuple[str, int, int, int], ...] = (
    (MICRO, 10, 2_000_000, 2_000_000),
    (SMALL, 50, 10_000_000, 10_000_000),
    (MEDIUM, 250, 50_000_000, 43_000_000),
)

SME_CLASSES = frozenset({MICRO, SMALL, MEDIUM})


def _check(value: Real | None, name: str) -> Real | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number or None, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative")
    return value


def _or(a: bool | None, b: bool | None) -> bool | None:
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


def _and(a: bool | None, b: bool | None) -> bool | None:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def _le(value: Real | None, ceiling: int) -> bool | None:
    return None if value is None else value <= ceiling


def size_class(
    employees: Real | None,
    turnover: Real | None,
    balance_sheet: Real | None,
) -> str:
    """Return "micro", "small", "medium", "large" or "unknown" for an enterprise.

    ``employees`` is the staff headcount (annual work units), ``turnover`` the annual turnover
    and ``balance_sheet`` the annual balance-sheet total, both in euros; each may be ``None``.
    """
    employees = _check(employees, "employees")
    turnover = _check(turnover, "turnover")
    balance_sheet = _check(balance_sheet, "balance_sheet")
    for name, staff_below, turnover_max, balance_max in CEILINGS:
        staff_ok = None if employees is None else employees < staff_below
        finance_ok = _or(_le(turnover, turnover_max), _le(balance_sheet, balance_max))
        member = _and(staff_ok, finance_ok)
        if member is True:
            return name
        if member is None:
            return UNKNOWN
    return LARGE


def is_sme(employees: Real | None, turnover: Real | None, balance_sheet: Real | None) -> bool:
    """True when the enterprise is provably a micro, small or medium-sized enterprise."""
    return size_class(employees, turnover, balance_sheet) in SME_CLASSES
