"""The exports of the atlas list (the organisations app's list page). Its columns are the
columns of the import, so that an export imports again, and beside each code its label in the
reader's language (``LABEL_COLUMNS``, which the import ignores)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from cyberregions.organisations.choices import ItemKind
from cyberregions.organisations.filtersets import OrganisationFilterSet
from cyberregions.organisations.models import OfferOrNeed, Organisation

from .exporters import Column, ListExport, choice_label, country_name_of, register


def _codes(name):
    return lambda organisation: [term.code for term in getattr(organisation, name).all()]


def _titles(kind):
    return lambda organisation: [
        item.title for item in organisation.items.all() if item.kind == kind
    ]


ORGANISATION_COLUMNS = [
    Column("slug"),
    Column("name"),
    Column("legal_name"),
    Column("country", "country.iso"),
    Column("country_name", country_name_of("country.iso")),
    Column("region", "region.code"),
    Column("region_name", "region.name"),
    Column("city"),
    Column("latitude"),
    Column("longitude"),
    Column("website"),
    Column("actor_type"),
    Column("actor_type_label", choice_label("actor_type")),
    Column("status"),
    Column("status_label", choice_label("status")),
    Column("employees"),
    Column("turnover_eur"),
    Column("balance_sheet_eur"),
    Column("size_class"),
    Column("size_class_label", choice_label("size_class")),
    Column("founded"),
    Column("core_business"),
    Column("domains", _codes("domains"), many=True),
    Column("sectors", _codes("sectors"), many=True),
    Column("technologies", _codes("technologies"), many=True),
    Column("description"),
    Column("offers", _titles(ItemKind.OFFER), many=True),
    Column("needs", _titles(ItemKind.NEED), many=True),
]

ORGANISATIONS = register(
    ListExport(
        name="organisations",
        title=_("Organisations of the atlas"),
        filterset_class=OrganisationFilterSet,
        queryset=lambda user: Organisation.objects.visible_to(user),
        columns=ORGANISATION_COLUMNS,
        ordering=("name", "id"),
        select_related=("country", "region"),
        prefetch_related=(
            "domains",
            "sectors",
            "technologies",
            Prefetch(
                "items",
                queryset=OfferOrNeed.objects.only("organisation_id", "kind", "title").order_by(
                    "id"
                ),
            ),
        ),
    )
)
