"""Search by relevance: the search document gets four weighted sections (names, offers,
description, needs; see ``organisations/search.py``).

SQLite: the FTS5 table is rebuilt with one column per section and Porter stemming.
PostgreSQL: a text search configuration of the project's own (English Snowball stemming,
no stop words: "IT" and "OT" are words here), a function building the weighted vector,
used by the organisation's generated column and by the atlas rows' triggers, whose vectors
now keep positions and weights (phrases, scopes and ranking need them).
"""

from django.db import migrations

SQLITE_FORWARD = [
    "DROP TABLE IF EXISTS organisations_search",
    "CREATE VIRTUAL TABLE organisations_search USING fts5(name, offers, description, needs, "
    "tokenize = 'porter unicode61 remove_diacritics 2')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS organisations_search",
    "CREATE VIRTUAL TABLE organisations_search "
    "USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')",
]

SECTION = "E'\\x1f'"
VECTOR_FUNCTION = f"""
CREATE OR REPLACE FUNCTION cyberregions_search_vector(document text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('cyberregions', split_part(document, {SECTION}, 1)), 'A')
        || setweight(to_tsvector('cyberregions', split_part(document, {SECTION}, 2)), 'B')
        || setweight(to_tsvector('cyberregions', split_part(document, {SECTION}, 3)), 'C')
        || setweight(to_tsvector('cyberregions', split_part(document, {SECTION}, 4)), 'D')
$$
"""
COLUMNS = [
    "country_id",
    "region_id",
    "actor_type",
    "size_class",
    "core_business",
    "status",
    "name",
    "founded",
    "employees",
]
COLUMN_LIST = ", ".join(COLUMNS)
NEW_VALUES = ", ".join(f"NEW.{column}" for column in COLUMNS)


def sync_function(vector: str) -> str:
    return f"""
    CREATE OR REPLACE FUNCTION organisations_atlasrow_sync() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM organisations_atlasrow WHERE id = OLD.id;
        ELSIF TG_OP = 'UPDATE' AND OLD.search_document IS NOT DISTINCT FROM NEW.search_document
        THEN
            UPDATE organisations_atlasrow SET ({COLUMN_LIST}) = ({NEW_VALUES}) WHERE id = NEW.id;
        ELSE
            INSERT INTO organisations_atlasrow (id, {COLUMN_LIST}, search_vector)
            VALUES (NEW.id, {NEW_VALUES}, {vector})
            ON CONFLICT (id) DO UPDATE SET ({COLUMN_LIST}, search_vector)
                = ({", ".join(f"EXCLUDED.{column}" for column in COLUMNS)},
                   EXCLUDED.search_vector);
        END IF;
        RETURN NULL;
    END $$
    """


POSTGRES_FORWARD = [
    "CREATE TEXT SEARCH DICTIONARY cyberregions_english_stem "
    "(TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION cyberregions (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION cyberregions ALTER MAPPING FOR asciiword, asciihword, "
    "hword_asciipart, word, hword, hword_part WITH cyberregions_english_stem",
    VECTOR_FUNCTION,
    "DROP INDEX IF EXISTS org_search_vector_gin",
    "ALTER TABLE organisations_organisation DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE organisations_organisation ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (cyberregions_search_vector(search_document)) STORED",
    "CREATE INDEX org_search_vector_gin ON organisations_organisation USING GIN (search_vector)",
    sync_function("cyberregions_search_vector(NEW.search_document)"),
]
POSTGRES_AFTER_DOCUMENTS = [
    "UPDATE organisations_atlasrow a SET search_vector = o.search_vector "
    "FROM organisations_organisation o WHERE o.id = a.id",
]
POSTGRES_BACKWARD = [
    sync_function("strip(to_tsvector('simple', NEW.search_document))"),
    "DROP INDEX IF EXISTS org_search_vector_gin",
    "ALTER TABLE organisations_organisation DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE organisations_organisation ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED",
    "CREATE INDEX org_search_vector_gin ON organisations_organisation USING GIN (search_vector)",
    "UPDATE organisations_atlasrow a SET search_vector = strip(o.search_vector) "
    "FROM organisations_organisation o WHERE o.id = a.id",
    "DROP FUNCTION IF EXISTS cyberregions_search_vector(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS cyberregions",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS cyberregions_english_stem",
]


def forward(apps, schema_editor):
    from cyberregions.organisations.search import rebuild_documents

    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)
    rebuild_documents(schema_editor.connection.alias)
    if vendor == "postgresql":
        for statement in POSTGRES_AFTER_DOCUMENTS:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)
    if vendor == "sqlite":
        schema_editor.execute(
            "INSERT INTO organisations_search(rowid, body) "
            "SELECT id, replace(search_document, char(31), ' ') FROM organisations_organisation"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0006_registration_and_claim_history"),
        ("taxonomy", "0001_initial"),
    ]
    operations = [migrations.RunPython(forward, backward)]
