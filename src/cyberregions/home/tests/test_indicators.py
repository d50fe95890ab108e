"""The barrier lens's indicators over time and the profile completeness: pure functions."""

from __future__ import annotations

from cyberregions.home import completeness, indicators

BRITTANY, TUSCANY, ESTONIA = 1, 2, 3
FR, IT, EE = 10, 20, 30


def as_tuples(series):
    return [(f.year, f.value, f.total) for f in series]


def test_it_counts_cross_region_links_per_year():
    rows = [
        (2024, BRITTANY, TUSCANY),
        (2024, BRITTANY, BRITTANY),
        (2025, TUSCANY, ESTONIA),
        (None, BRITTANY, TUSCANY),  # a plan without an endorsement date is left out
    ]
    assert as_tuples(indicators.cross_region_links(rows)) == [(2024, 1, 2), (2025, 1, 1)]
    # Brittany gives or takes: its own citation and its link with Tuscany.
    assert as_tuples(indicators.cross_region_links(rows, BRITTANY)) == [(2024, 1, 2)]
    assert as_tuples(indicators.cross_region_links(rows, ESTONIA)) == [(2025, 1, 1)]


def test_it_finds_joint_events_from_participants_and_host():
    rows = [
        # Event 1 in Brittany, a Tuscan participant: joint.
        (1, 2024, BRITTANY, TUSCANY, IT),
        # Event 2 in Brittany, Breton participants only: not joint.
        (2, 2024, BRITTANY, BRITTANY, FR),
        (2, 2024, BRITTANY, BRITTANY, FR),
        # Event 3 in Tuscany without participants: counted, not joint.
        (3, 2025, TUSCANY, None, None),
        # Event 4: a participant whose region is unknown, from another country than another.
        (4, 2025, ESTONIA, None, FR),
        (4, 2025, ESTONIA, None, EE),
    ]
    assert as_tuples(indicators.joint_events(rows)) == [(2024, 1, 2), (2025, 1, 2)]
    assert as_tuples(indicators.joint_events(rows, TUSCANY)) == [(2024, 1, 1), (2025, 0, 1)]


def test_it_counts_cross_border_meetings_and_their_share():
    rows = [
        (2025, BRITTANY, FR, TUSCANY, IT),
        (2025, BRITTANY, FR, BRITTANY, FR),
        (2025, None, None, TUSCANY, IT),  # a side without a country is not cross-border
        (2026, TUSCANY, IT, ESTONIA, EE),
    ]
    series = indicators.cross_border_meetings(rows)
    assert as_tuples(series) == [(2025, 1, 3), (2026, 1, 1)]
    assert series[0].percent == 33.3
    assert series[1].share == 1.0
    assert as_tuples(indicators.cross_border_meetings(rows, BRITTANY)) == [(2025, 1, 2)]
    assert indicators.cross_border_meetings([]) == []


def test_a_share_without_a_total_is_none():
    assert indicators.YearFigure(2025, 3).share is None
    assert indicators.YearFigure(2025, 0, 0).percent is None


def test_it_counts_items_per_year():
    assert as_tuples(indicators.counts_by_year([2024, 2025, 2024, None])) == [
        (2024, 2, None),
        (2025, 1, None),
    ]


def test_it_scores_a_profile_and_names_what_is_missing():
    empty = completeness.completeness({})
    assert empty.percent == 0
    assert empty.missing == completeness.CHECKS
    facts = {
        "description": "We secure ports.",
        "website": "https://example.org",
        "city": "  ",  # blank text is missing
        "founded": 2010,
        "employees": 0,  # zero employees is not an answer
        "products_services": "Audits",
        "domains": 2,
        "offers_or_needs": 1,
        "contacts": 1,
    }
    done = completeness.completeness(facts)
    assert done.missing == ("city", "employees")
    assert done.percent == 78
    full = completeness.completeness(dict(facts, city="Brest", employees=4))
    assert full.percent == 100 and full.missing == ()
