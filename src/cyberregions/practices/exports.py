"""The export of the good-practices library list: the practices the reader may see, with the
library's filters, as CSV, XLSX and JSON (see ``cyberregions.dataio.exporters``)."""

from django.utils.translation import gettext_lazy as _

from cyberregions.dataio.exporters import Column, ListExport, register

from .filtersets import PracticeFilterSet
from .models import Practice


def _codes(name):
    return lambda practice: [term.code for term in getattr(practice, name).all()]


PRACTICE_COLUMNS = [
    Column("slug"),
    Column("title"),
    Column("status"),
    Column("region", "region.code"),
    Column("country", "region.country.iso"),
    Column(
        "main_institution",
        lambda practice: str(practice.main_institution) if practice.main_institution else "",
    ),
    Column("barriers", _codes("barriers"), many=True),
    Column("domains", _codes("domains"), many=True),
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
