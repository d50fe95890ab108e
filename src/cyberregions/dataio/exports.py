"""The exports of the atlas list (the organisations app's list page). Its columns are the
columns of the import, so that an export imports again, and beside each code its label in the
reader's language (``LABEL_COLUMNS``, which the import ignores)."""

from django.utils.translation import gettext_lazy as _

from cyberregions.organisations.choices import ItemKind
from cyberregions.organisations.filtersets import OrganisationFilterSet
from cyberregions.organisations.models import OfferOrNeed, Organisation

from .columns import TAG_COLUMNS
from .exporters import (
    Column,
    ListExport,
    choice_label,
    country_name_of,
    register,
    term_labels,
)


def _codes(name):
    return lambda organisation: organisation.export_tags[name]


def _titles(kind):
    return lambda organisation: organisation.export_items[kind]


def load_tags_and_items(organisations: list) -> None:
    """Gives each organisation of a chunk its tag codes and offer or need titles (as
    ``export_tags`` and ``export_items``), in four queries of plain values: model instances
    for every tag cost most of an export's time."""
    by_id = {organisation.pk: organisation for organisation in organisations}
    for organisation in organisations:
        organisation.export_tags = {name: [] for name in TAG_COLUMNS}
        organisation.export_items = {ItemKind.OFFER: [], ItemKind.NEED: []}
    for name in TAG_COLUMNS:
        through = Organisation._meta.get_field(name).remote_field.through
        target = Organisation._meta.get_field(name).m2m_reverse_field_name()
        pairs = (
            through.objects.filter(organisation_id__in=by_id)
            .order_by(f"{target}__position", f"{target}__code")
            .values_list("organisation_id", f"{target}__code")
        )
        for organisation_id, code in pairs:
            by_id[organisation_id].export_tags[name].append(code)
    items = (
        OfferOrNeed.objects.filter(organisation_id__in=by_id)
        .order_by("id")
        .values_list("organisation_id", "kind", "title")
    )
    for organisation_id, kind, title in items:
        by_id[organisation_id].export_items[kind].append(title)


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
    Column("domain_labels", term_labels("domain", _codes("domains")), many=True),
    Column("sector_labels", term_labels("sector", _codes("sectors")), many=True),
    Column("technology_labels", term_labels("technology", _codes("technologies")), many=True),
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
        only=(
            *(column.key for column in ORGANISATION_COLUMNS if column.value is None),
            "country__iso",
            "region__code",
            "region__name",
        ),
        load_chunk=load_tags_and_items,
    )
)
