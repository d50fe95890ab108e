"""The atlas rows: a narrow copy of each organisation's filter and sort columns, written by
triggers so that no write path (forms, imports, bulk loads, the admin, raw SQL) can leave it
behind. On PostgreSQL the rows also get their own search vector, stripped of word positions
(nothing ranks or matches phrases), and a GIN index that points at these narrow rows; the
organisation keeps its vector for the searches of the API and the exports, where an index on
country and actor type narrows a search before any row is read.

A SQLite migration that rebuilds ``organisations_organisation`` drops its triggers; the
suite checks that they exist (``test_atlas_rows``).
"""

import django.db.models.deletion
from django.db import migrations, models

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
VECTOR = "strip(to_tsvector('simple', {}.search_document))"
TRIGGERS = ("insert", "update", "delete")

POSTGRES_FORWARD = [
    "ALTER TABLE organisations_atlasrow ADD COLUMN search_vector tsvector",
    f"""
    CREATE FUNCTION organisations_atlasrow_sync() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM organisations_atlasrow WHERE id = OLD.id;
        ELSIF TG_OP = 'UPDATE' AND OLD.search_document IS NOT DISTINCT FROM NEW.search_document
        THEN
            UPDATE organisations_atlasrow SET ({COLUMN_LIST}) = ({NEW_VALUES}) WHERE id = NEW.id;
        ELSE
            INSERT INTO organisations_atlasrow (id, {COLUMN_LIST}, search_vector)
            VALUES (NEW.id, {NEW_VALUES}, {VECTOR.format("NEW")})
            ON CONFLICT (id) DO UPDATE SET ({COLUMN_LIST}, search_vector)
                = ({", ".join(f"EXCLUDED.{column}" for column in COLUMNS)},
                   EXCLUDED.search_vector);
        END IF;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER organisations_atlasrow_insert AFTER INSERT ON organisations_organisation "
    "FOR EACH ROW EXECUTE FUNCTION organisations_atlasrow_sync()",
    f"CREATE TRIGGER organisations_atlasrow_update AFTER UPDATE OF {COLUMN_LIST}, "
    "search_document ON organisations_organisation "
    "FOR EACH ROW EXECUTE FUNCTION organisations_atlasrow_sync()",
    "CREATE TRIGGER organisations_atlasrow_delete AFTER DELETE ON organisations_organisation "
    "FOR EACH ROW EXECUTE FUNCTION organisations_atlasrow_sync()",
    f"INSERT INTO organisations_atlasrow (id, {COLUMN_LIST}, search_vector) "
    f"SELECT id, {COLUMN_LIST}, {VECTOR.format('o')} FROM organisations_organisation o",
    "CREATE INDEX org_atlas_search_vector_gin ON organisations_atlasrow USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS organisations_atlasrow_{kind} ON organisations_organisation"
        for kind in TRIGGERS
    ),
    "DROP FUNCTION IF EXISTS organisations_atlasrow_sync()",
]

SQLITE_FORWARD = [
    "CREATE TRIGGER organisations_atlasrow_insert AFTER INSERT ON organisations_organisation "
    f"BEGIN INSERT OR REPLACE INTO organisations_atlasrow (id, {COLUMN_LIST}) "
    f"VALUES (NEW.id, {NEW_VALUES}); END",
    f"CREATE TRIGGER organisations_atlasrow_update AFTER UPDATE OF {COLUMN_LIST} "
    "ON organisations_organisation "
    f"BEGIN INSERT OR REPLACE INTO organisations_atlasrow (id, {COLUMN_LIST}) "
    f"VALUES (NEW.id, {NEW_VALUES}); END",
    "CREATE TRIGGER organisations_atlasrow_delete AFTER DELETE ON organisations_organisation "
    "BEGIN DELETE FROM organisations_atlasrow WHERE id = OLD.id; END",
    f"INSERT INTO organisations_atlasrow (id, {COLUMN_LIST}) "
    f"SELECT id, {COLUMN_LIST} FROM organisations_organisation",
]
SQLITE_BACKWARD = [f"DROP TRIGGER IF EXISTS organisations_atlasrow_{kind}" for kind in TRIGGERS]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("geo", "0002_load_reference"),
        ("organisations", "0003_postgres_search_vector"),
    ]

    operations = [
        migrations.CreateModel(
            name="AtlasRow",
            fields=[
                ("id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("actor_type", models.CharField(max_length=12)),
                ("size_class", models.CharField(max_length=8)),
                ("core_business", models.BooleanField()),
                ("status", models.CharField(max_length=10)),
                ("name", models.CharField(max_length=200)),
                ("founded", models.PositiveSmallIntegerField(null=True)),
                ("employees", models.PositiveIntegerField(null=True)),
                (
                    "country",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="geo.country",
                    ),
                ),
                (
                    "region",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="geo.region",
                    ),
                ),
            ],
            options={
                "default_permissions": (),
                "indexes": [
                    models.Index(
                        fields=[
                            "country",
                            "region",
                            "actor_type",
                            "size_class",
                            "core_business",
                            "id",
                        ],
                        name="org_atlas_facets_idx",
                    )
                ],
            },
        ),
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
