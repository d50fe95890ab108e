"""The columns of an organisation import, shared by the importer, the template and the export
of the atlas (so that an export can be imported again)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ImportColumn:
    name: str
    help: str
    required: bool = False
    example: str = ""


IMPORT_COLUMNS = [
    ImportColumn("name", _("Name of the organisation."), required=True, example="Armor Cyber"),
    ImportColumn(
        "country", _("ISO 3166 alpha-2 code of the country (FR, IT…)."), True, example="FR"
    ),
    ImportColumn(
        "region",
        _("NUTS code of the region (FRH0…); the region chosen for the import when empty."),
        example="FRH0",
    ),
    ImportColumn("city", _("City."), example="Rennes"),
    ImportColumn(
        "website",
        _("Web address; https:// is added when missing. Used to recognise duplicates."),
        example="https://armor-cyber.example",
    ),
    ImportColumn(
        "actor_type",
        _("Kind of actor, by code or label (sme, rto, university…); “other” when empty."),
        example="sme",
    ),
    ImportColumn("employees", _("Number of employees (a whole number)."), example="12"),
    ImportColumn("turnover_eur", _("Annual turnover in euros."), example="1500000"),
    ImportColumn("balance_sheet_eur", _("Balance-sheet total in euros."), example="800000"),
    ImportColumn("founded", _("Year founded (1800–2100)."), example="2015"),
    ImportColumn(
        "core_business", _("Is cybersecurity its core business? yes or no."), example="yes"
    ),
    ImportColumn(
        "domains",
        _("JRC domains by code or label, separated by |."),
        example="IHF|NDS",
    ),
    ImportColumn(
        "sectors", _("Sectors by code or label, separated by |."), example="SEC.transportation"
    ),
    ImportColumn("technologies", _("Technologies and use cases by code or label, separated by |.")),
    ImportColumn("description", _("What the organisation does.")),
    ImportColumn(
        "offers",
        _("What it offers to the ecosystem, separated by |."),
        example="Penetration testing",
    ),
    ImportColumn("needs", _("What it needs from the ecosystem, separated by |.")),
    # Optional columns that an export of the atlas carries, so that it imports again.
    ImportColumn(
        "slug",
        _("Identifier of an organisation already in the atlas (from an export); matched first."),
    ),
    ImportColumn("legal_name", _("Registered legal name.")),
    ImportColumn("status", _("active, inactive or closed; active when empty.")),
    ImportColumn("latitude", _("Latitude in decimal degrees.")),
    ImportColumn("longitude", _("Longitude in decimal degrees.")),
]
COLUMN_NAMES = [column.name for column in IMPORT_COLUMNS]
REQUIRED_COLUMNS = [column.name for column in IMPORT_COLUMNS if column.required]
TEMPLATE_COLUMNS = COLUMN_NAMES[: COLUMN_NAMES.index("needs") + 1]
# Labels an export writes beside the codes, in the reader's language: ignored on import.
LABEL_COLUMNS = (
    "country_name",
    "region_name",
    "actor_type_label",
    "status_label",
    "size_class_label",
    "domain_labels",
    "sector_labels",
    "technology_labels",
)
# Derived from other columns: accepted in a file (an export has them) and ignored.
DERIVED_COLUMNS = ("size_class", "helix_group", *LABEL_COLUMNS)
TAG_COLUMNS = ("domains", "sectors", "technologies")
ITEM_COLUMNS = ("offers", "needs")


def normalise_header(header: str) -> str:
    """``Actor Type``, ``actor-type`` and `` ACTOR_TYPE `` all name ``actor_type``."""
    return "_".join(header.strip().lower().replace("-", " ").replace("_", " ").split())
