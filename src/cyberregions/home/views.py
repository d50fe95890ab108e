"""The start page (``/me/``), the barrier lens (``/barriers/…``) and help (``/help/…``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cyberregions.core.permissions import require
from cyberregions.geo.models import Region
from cyberregions.taxonomy.models import Barrier

from . import lens, permissions, sections

# Start page -----------------------------------------------------------------------------


@login_required
@require_GET
def start_page(request):
    require(permissions.can_view_start_page(request.user))
    return render(request, "home/me.html", {"sections": sections.sections_for(request.user)})


# Barrier lens ---------------------------------------------------------------------------

INDICATOR_LABELS = {
    "cross_region_links": {
        "title": _("Cross-region links"),
        "value": _("Citations of another region's practice"),
        "total": _("All citations"),
        "help": _(
            "Actions of endorsed action plans that cite a good practice of another region, "
            "counted in the year the plan was endorsed."
        ),
    },
    "joint_events": {
        "title": _("Joint events"),
        "value": _("Events with participants from several regions"),
        "total": _("All published events"),
        "help": _(
            "Published events whose confirmed participants come from at least two regions "
            "(or countries, when a region is unknown), counted in the year they start."
        ),
    },
    "cross_border_meetings": {
        "title": _("Cross-border B2B meetings"),
        "value": _("Meetings between two countries"),
        "total": _("All meetings"),
        "help": _(
            "Published meetings of B2B brokerage events whose two sides are in different "
            "countries, counted in the year of the meeting."
        ),
    },
}


def _indicator_tables(lens_) -> list[dict]:
    return [
        {"key": key, "rows": rows, **INDICATOR_LABELS[key]}
        for key, rows in lens_.indicators.items()
    ]


def _indicator_charts(tables: list[dict]) -> dict[str, dict]:
    """The specs that ``analysis/charts.js`` draws (grouped bars per year), keyed by the id of
    each chart's element; the table under each chart has the same figures."""
    return {
        f"chart-{table['key']}": {
            "type": "grouped",
            "labels": [str(row.year) for row in table["rows"]],
            "series": [
                {"name": str(table["value"]), "values": [row.value for row in table["rows"]]},
                {"name": str(table["total"]), "values": [row.total for row in table["rows"]]},
            ],
        }
        for table in tables
        if table["rows"]
    }


@require_GET
def barrier_index(request):
    require(permissions.can_view_barrier_lens(request.user))
    return render(request, "home/barrier_index.html", {"rows": lens.summary(request.user)})


@require_GET
def barrier_lens(request, barrier, region=None):
    require(permissions.can_view_barrier_lens(request.user))
    barrier_ = get_object_or_404(Barrier, code=barrier)
    region_ = None
    wanted = region or request.GET.get("region", "").strip()
    if wanted:
        region_ = Region.objects.filter(code=wanted.upper()).first()
        if region_ is None:
            raise Http404
    result = lens.barrier_lens(request.user, barrier_, region_)
    tables = _indicator_tables(result)
    context = {
        "lens": result,
        "barrier": barrier_,
        "region": region_,
        "barriers": Barrier.objects.all(),
        "indicator_tables": tables,
        "charts": _indicator_charts(tables),
        "partner_regions": Region.objects.filter(is_partner_territory=True).order_by("name"),
        "skills_pending": barrier_.code == lens.SKILLS,
    }
    return render(request, "home/barrier.html", context)


# Help -----------------------------------------------------------------------------------

# Module key: (title, one line said on the index). The page is ``home/help/<key>.html``.
HELP_MODULES = {
    "atlas": (_("The atlas"), _("Find organisations, filter them and keep your own profile.")),
    "analysis": (
        _("Territorial analysis"),
        _("Read a region's figures, compare regions, run needs surveys and a SWOT."),
    ),
    "practices": (
        _("Good practices"),
        _("Describe what worked, have it validated and learn from other regions."),
    ),
    "plans": (
        _("Action plans"),
        _("Write a plan, have it validated and endorsed, report on it every semester."),
    ),
    "events": (
        _("Events and B2B meetings"),
        _("Register for events, describe what you offer and seek, and request meetings."),
    ),
    "accounts": (
        _("Your account and your data"),
        _("Sign in safely, choose your notifications, export or erase your data."),
    ),
    "data": (_("Imports and exports"), _("Bring organisations in from a file, take lists out.")),
    "barriers": (
        _("The barrier lens"),
        _("See what addresses each of the three barriers, in every region."),
    ),
}


@require_GET
def help_index(request):
    require(permissions.can_view_help(request.user))
    modules = [
        {"key": key, "title": title, "summary": summary}
        for key, (title, summary) in HELP_MODULES.items()
    ]
    return render(request, "home/help/index.html", {"modules": modules})


@require_GET
def help_page(request, module):
    require(permissions.can_view_help(request.user))
    if module not in HELP_MODULES:
        raise Http404
    title, summary = HELP_MODULES[module]
    return render(
        request,
        f"home/help/{module}.html",
        {"module": module, "title": title, "summary": summary},
    )
