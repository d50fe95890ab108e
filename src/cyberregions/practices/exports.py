"""The exports of the good-practices library (see ``cyberregions.dataio.exporters``):

- the list export, the practices the reader may see with the library's filters, as CSV, XLSX
  and JSON under ``/data/export/practices.…``;
- the open data (``/practices/export.csv`` and ``.json``): published practices only, whoever
  asks, with their public contact only when its person consented, and their address.
"""

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from cyberregions.dataio import exporters
from cyberregions.dataio.exporters import (
    Column,
    ListExport,
    choice_label,
    country_name_of,
    register,
    term_labels,
)

from .filtersets import PracticeFilterSet
from .models import Practice


def _codes(name):
    return lambda practice: [term.code for term in getattr(practice, name).all()]


PRACTICE_COLUMNS = [
    Column("slug"),
    Column("title"),
    Column("status"),
    Column("status_label", choice_label("status")),
    Column("region", "region.code"),
    Column("region_name", "region.name"),
    Column("country", "region.country.iso"),
    Column("country_name", country_name_of("region.country.iso")),
    Column(
        "main_institution",
        lambda practice: str(practice.main_institution) if practice.main_institution else "",
    ),
    Column("barriers", _codes("barriers"), many=True),
    Column("domains", _codes("domains"), many=True),
    Column("barrier_labels", term_labels("barrier", _codes("barriers")), many=True),
    Column("domain_labels", term_labels("domain", _codes("domains")), many=True),
    Column("policy_instruments", lambda practice: practice.instrument_list, many=True),
    Column("summary"),
    Column("budget_eur"),
    Column("staff_fte"),
    Column("start_date"),
    Column("end_date"),
    Column("keywords", lambda practice: practice.keyword_list, many=True),
    Column("published_at"),
]

PRACTICES = register(
    ListExport(
        name="practices",
        title=_("Good practices"),
        filterset_class=PracticeFilterSet,
        queryset=lambda user: Practice.objects.visible_to(user),
        columns=PRACTICE_COLUMNS,
        ordering=("title", "id"),
        select_related=("region", "region__country", "main_institution"),
        prefetch_related=("barriers", "domains"),
    )
)


def _public_contact(field_name):
    return lambda practice: getattr(practice, field_name) if practice.contact_public_consent else ""


OPEN_DATA_COLUMNS = [
    Column("slug"),
    Column("title"),
    Column("region_code", "region.code"),
    Column("region", "region.name"),
    Column("country", "region.country.iso"),
    Column("country_name", country_name_of("region.country.iso")),
    Column(
        "main_institution",
        lambda practice: str(practice.main_institution) if practice.main_institution else "",
    ),
    Column("barriers", _codes("barriers"), many=True),
    Column("domains", _codes("domains"), many=True),
    Column("policy_instruments", lambda practice: practice.instrument_list, many=True),
    Column("summary"),
    Column("budget_eur"),
    Column(
        "staff_fte",
        lambda practice: float(practice.staff_fte) if practice.staff_fte is not None else None,
    ),
    Column("start_date"),
    Column("end_date"),
    Column("keywords", lambda practice: practice.keyword_list, many=True),
    Column("links", lambda practice: practice.link_list, many=True),
    Column("contact_name", _public_contact("contact_name")),
    Column("contact_email", _public_contact("contact_email")),
    Column("published_at"),
]


def open_data_export(site: str) -> ListExport:
    """The open data of the library; ``site`` (``https://host``) makes each practice's
    address absolute."""
    return ListExport(
        name="good-practices",
        title=_("Good practices"),
        filterset_class=PracticeFilterSet,
        # Published practices only, even for their coordinators: open data is what is public.
        queryset=lambda user: Practice.objects.published(),
        columns=[
            *OPEN_DATA_COLUMNS,
            Column("url", lambda practice: site + practice.get_absolute_url()),
        ],
        ordering=("title", "id"),
        select_related=("region", "region__country", "main_institution"),
        prefetch_related=("barriers", "domains"),
    )


def open_data_response(request, fmt: str):
    """The open data in ``fmt`` (``csv`` or ``json``, ``{"practices": [...]}``), streamed."""
    export = open_data_export(request.build_absolute_uri("/").rstrip("/"))
    try:
        queryset = exporters.filtered_queryset(export, request.GET, request.user)
    except exporters.InvalidFilters as error:
        return JsonResponse(dict(error.errors), status=400)
    return exporters.response(
        export,
        queryset,
        fmt,
        filename="good-practices",
        meta={} if fmt == "json" else None,
        json_key="practices",
    )
