"""The export of the action-plans list: the plans the reader may see, with the list's filters,
as CSV, XLSX and JSON (see ``cyberregions.dataio.exporters``); labels in the reader's language
beside the codes."""

from django.utils.translation import gettext_lazy as _

from cyberregions.dataio.exporters import (
    Column,
    ListExport,
    choice_label,
    country_name_of,
    register,
)

from .filtersets import PlanFilterSet
from .models import ActionPlan

PLAN_COLUMNS = [
    Column("id"),
    Column("title"),
    Column("region", "region.code"),
    Column("region_name", "region.name"),
    Column("country", "region.country.iso"),
    Column("country_name", country_name_of("region.country.iso")),
    Column("partner", "partner_label"),
    Column("instrument_name"),
    Column("managing_authority"),
    Column("instrument_type"),
    Column("instrument_type_label", choice_label("instrument_type")),
    Column("status"),
    Column("status_label", choice_label("status")),
    Column("endorsing_authority"),
    Column("endorsed_on"),
    Column("implementation_started_on"),
    Column("completed_on"),
]

PLANS = register(
    ListExport(
        name="plans",
        title=_("Action plans"),
        filterset_class=PlanFilterSet,
        queryset=lambda user: ActionPlan.objects.visible_to(user),
        columns=PLAN_COLUMNS,
        ordering=("region__name", "title", "id"),
        select_related=("region", "region__country", "partner"),
    )
)
