"""Turning indicator dictionaries into what pages show: labelled table rows, chart
specifications for the browser (read by ``static/analysis/charts.js`` from ``json_script``)
and static SVG charts for the printed report. Each chart comes with the table of its figures.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import definitions, svgcharts
from .indicators import reference


def _number(value, places: int) -> str:
    """Localised, rounded half-even (Django's number_format cuts digits, it does not round)."""
    return number_format(round(value, places), places, force_grouping=True)


def fmt_count(value) -> str:
    return "–" if value is None else _number(value, 0)


def fmt_decimal(value, places: int = 1) -> str:
    return "–" if value is None else _number(value, places)


def fmt_share(value) -> str:
    return "–" if value is None else f"{_number(value * 100, 1)} %"


def fmt_gap(value) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else ""
    return f"{sign}{_number(value * 100, 1)} pt"


def fmt_eur(value) -> str:
    if value is None:
        return "–"
    if value >= 1_000_000_000:
        return _("EUR %(value)s bn") % {"value": _number(value / 1e9, 2)}
    if value >= 1_000_000:
        return _("EUR %(value)s m") % {"value": _number(value / 1e6, 1)}
    return _("EUR %(value)s") % {"value": _number(value, 0)}


FORMATS = {
    "count": fmt_count,
    "per_million": fmt_decimal,
    "share": fmt_share,
    "index": lambda value: fmt_decimal(value, 2),
    "eur": fmt_eur,
}


def formatted(key: str, value) -> str:
    return FORMATS[definitions.unit(key)](value)


def headline(summary: dict, keys=definitions.HEADLINE) -> list[dict]:
    """One row per headline indicator: label, definition, raw and formatted value."""
    return [
        {
            "key": key,
            "label": definitions.label(key),
            "definition": definitions.definition(key),
            "value": summary[key],
            "display": formatted(key, summary[key]),
        }
        for key in keys
    ]


def breakdown(summary: dict, key: str, vocabulary: str, *, skip_zero: bool = False) -> list:
    """(code, label, value, formatted) for a dictionary indicator, in vocabulary order."""
    labels = reference().labels[vocabulary]
    rows = []
    for code, value in summary[key].items():
        if skip_zero and not value:
            continue
        rows.append(
            {
                "code": code,
                "label": str(labels.get(code, code)),
                "value": value,
                "display": formatted(key, value),
            }
        )
    return rows


def presence(summary: dict) -> list[dict]:
    return [
        {"code": code, "label": definitions.PRESENCE_LABELS[code], "value": count}
        for code, count in summary["presence"].items()
    ]


def gap_rows(summary: dict) -> list[dict]:
    labels = reference().labels["domains"]
    rows = []
    for code, gap in sorted(summary["gaps"].items(), key=lambda item: (-item[1], item[0])):
        rows.append(
            {
                "code": code,
                "label": labels.get(code, code),
                "supply": summary["supply"][code],
                "demand": summary["demand"][code],
                "gap": gap,
                "display": fmt_gap(gap),
            }
        )
    return rows


def biggest_gaps(summary: dict) -> list[dict]:
    labels = reference().labels["domains"]
    return [
        {"code": code, "label": labels.get(code, code), "display": fmt_gap(gap)}
        for code, gap in summary["biggest_gaps"]
    ]


def region_tables(summary: dict) -> dict:
    """Every table of a region's analysis (dashboard and report share them)."""
    return {
        "headline": headline(summary),
        "actor_types": breakdown(summary, "by_actor_type", "actor_types"),
        "helix": breakdown(summary, "by_helix", "helix_groups"),
        "sizes": breakdown(summary, "by_size_class", "size_classes"),
        "domains": breakdown(summary, "domains", "domains"),
        "specialisation": breakdown(summary, "specialisation", "domains"),
        "specialisation_mentions": breakdown(summary, "specialisation_mentions", "domains"),
        "sectors": breakdown(summary, "sectors", "sectors"),
        "nist": breakdown(summary, "nist_functions", "nist_functions"),
        "presence": presence(summary),
        "gaps": gap_rows(summary),
        "biggest_gaps": biggest_gaps(summary),
    }


def _bar(title: str, rows: list[dict]) -> dict:
    return {
        "type": "bar",
        "title": str(title),
        "labels": [str(row["label"]) for row in rows],
        "values": [row["value"] for row in rows],
    }


def region_charts(scope, tables: dict) -> dict:
    """Chart specifications of the region dashboard, keyed by the id of their element."""
    return {
        "chart-actor-types": _bar(_("Organisations by actor type"), tables["actor_types"]),
        "chart-sizes": _bar(_("Cybersecurity companies by EU size class"), tables["sizes"]),
        "chart-domains": {
            "type": "treemap",
            "title": _("Organisations by JRC domain"),
            "items": [
                {"name": str(row["label"]), "value": row["value"]}
                for row in tables["domains"]
                if row["value"]
            ],
        },
        "chart-specialisation": {
            "type": "radar",
            "title": _("Specialisation index by domain, per organisation (EU = 1)"),
            "axes": [row["code"] for row in tables["specialisation"]],
            "axis_labels": [str(row["label"]) for row in tables["specialisation"]],
            "series": [
                {
                    "name": scope.name,
                    "values": [round(row["value"] or 0, 3) for row in tables["specialisation"]],
                },
                {"name": _("EU"), "values": [1] * len(tables["specialisation"])},
            ],
        },
        "chart-gaps": {
            "type": "gap",
            "title": _("Supply–demand gap by domain (percentage points)"),
            "labels": [str(row["label"]) for row in tables["gaps"]],
            "values": [round(row["gap"] * 100, 2) for row in tables["gaps"]],
        },
        "chart-map": {
            "type": "map",
            "title": scope.name,
            "points": (
                [
                    {
                        "name": scope.name,
                        "lon": scope.longitude,
                        "lat": scope.latitude,
                        "value": next(
                            row["value"]
                            for row in tables["headline"]
                            if row["key"] == "organisations"
                        ),
                    }
                ]
                if scope.latitude is not None and scope.longitude is not None
                else []
            ),
        },
    }


def region_svgs(tables: dict) -> dict:
    """Static charts of the printed report."""

    def rows(name):
        return [(str(row["label"]), row["value"]) for row in tables[name]]

    return {
        "actor_types": svgcharts.bar_chart(
            rows("actor_types"), _("Organisations by actor type"), fmt_count
        ),
        "sizes": svgcharts.bar_chart(
            rows("sizes"), _("Cybersecurity companies by EU size class"), fmt_count
        ),
        "domains": svgcharts.bar_chart(
            rows("domains"), _("Organisations by JRC domain"), fmt_count
        ),
        "specialisation": svgcharts.bar_chart(
            rows("specialisation"),
            _("Specialisation index by domain, per organisation (EU = 1)"),
            lambda value: fmt_decimal(value, 2),
            reference=1.0,
        ),
        "gaps": svgcharts.diverging_chart(
            [(str(row["label"]), row["gap"]) for row in tables["gaps"]],
            _("Supply–demand gap by domain"),
            fmt_gap,
        ),
    }


def comparison(results: list[tuple], eu: tuple | None = None) -> dict:
    """Side-by-side rows (one per headline indicator, one column per region, and the EU's
    figures in ``eu`` of each row when given) and charts."""
    scopes = [scope for scope, _summary in results]
    eu_summary = eu[1] if eu else None
    rows = []
    for key in definitions.HEADLINE:
        rows.append(
            {
                "key": key,
                "label": definitions.label(key),
                "definition": definitions.definition(key),
                "cells": [formatted(key, summary[key]) for _scope, summary in results],
                "eu": formatted(key, eu_summary[key]) if eu_summary else "",
            }
        )
    labels = reference().labels["domains"]
    codes = reference().vocabularies["domains"]
    specialisation_rows = [
        {
            "code": code,
            "label": labels[code],
            "cells": [
                fmt_decimal(summary["specialisation"][code], 2) for _scope, summary in results
            ],
            "eu": fmt_decimal(eu_summary["specialisation"][code], 2) if eu_summary else "",
        }
        for code in codes
    ]
    names = [scope.name for scope in scopes]
    charts = {
        "chart-compare-density": {
            "type": "grouped",
            "title": _("Per million inhabitants"),
            "labels": names,
            "series": [
                {
                    "name": str(definitions.label(key)),
                    "values": [
                        round(summary[key], 1) if summary[key] is not None else None
                        for _scope, summary in results
                    ],
                }
                for key in ("organisations_per_million", "cyber_companies_per_million")
            ],
        },
        "chart-compare-specialisation": {
            "type": "radar",
            "title": _("Specialisation index by domain, per organisation (EU = 1)"),
            "axes": codes,
            "axis_labels": [labels[code] for code in codes],
            "series": [
                {
                    "name": scope.name,
                    "values": [round(summary["specialisation"][c] or 0, 3) for c in codes],
                }
                for scope, summary in results
            ],
        },
    }
    return {
        "scopes": scopes,
        "eu": eu[0] if eu else None,
        "rows": rows,
        "specialisation": specialisation_rows,
        "specialisation_definition": definitions.definition("specialisation"),
        "charts": charts,
    }
