"""The full-text index of organisations, one per engine (see organisations/search.py)."""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS organisations_search "
    "USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')"
)
SQLITE_DROP = "DROP TABLE IF EXISTS organisations_search"
POSTGRES_CREATE = (
    "CREATE INDEX IF NOT EXISTS org_search_document_fts ON organisations_organisation "
    "USING GIN (to_tsvector('simple', search_document))"
)
POSTGRES_DROP = "DROP INDEX IF EXISTS org_search_document_fts"


def create(apps, schema_editor):
    statement = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(
        schema_editor.connection.vendor
    )
    if statement:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    statement = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(
        schema_editor.connection.vendor
    )
    if statement:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
