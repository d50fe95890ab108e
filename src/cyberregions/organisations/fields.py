"""The fields of an organisation that people edit, declared once.

The edit form, the API serializer, the audit snapshot and the importer all derive their
fields from ``EDITABLE_FIELDS``; ``test_editable_fields`` fails when one of them lists a field
the others do not. Adding a field: add it here, then give the importer a column for it (or
name it in ``dataio.importer.NOT_IMPORTED``).
"""

EDITABLE_FIELDS = (
    "name",
    "legal_name",
    "country",
    "region",
    "city",
    "latitude",
    "longitude",
    "website",
    "founded",
    "status",
    "actor_type",
    "core_business",
    "employees",
    "turnover_eur",
    "balance_sheet_eur",
    "description",
    "products_services",
    "domains",
    "sectors",
    "technologies",
    "nist_functions",
)
# Many-to-many: written after the row, with ``.set()``.
TAG_FIELDS = ("domains", "sectors", "technologies", "nist_functions")
# Set on every save from the editable fields (``Organisation.derive``); never typed.
DERIVED_FIELDS = ("helix_group", "size_class")
