"""Bulk INSERT (COPY on PostgreSQL), UPDATE and DELETE on the default connection, for imports
of 100,000 rows: the ORM's ``bulk_create`` builds a model instance and prepares every value of
every row through Python calls, which costs more than the database's own work at that size.

Values must already be in the form the driver takes: both SQLite and PostgreSQL take Python
strings, numbers, booleans and None as they are; dates and JSON go through the field's
``get_db_prep_save`` or ``connection.ops`` first.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

POSTGRES_MAX_PARAMS = 65_535


def max_params() -> int:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        try:
            import sqlite3

            return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        except AttributeError:  # Python < 3.11
            return connection.features.max_query_params or 999
    return POSTGRES_MAX_PARAMS


def insert_rows(model, columns: Sequence[str], rows: Sequence[Sequence]) -> None:
    """INSERT ``rows`` (tuples in the order of ``columns``, attribute names) into ``model``:
    COPY on PostgreSQL, one prepared statement run for every row (``executemany``) elsewhere."""
    if not rows:
        return
    quote = connection.ops.quote_name
    fields = {field.attname: field.column for field in model._meta.concrete_fields}
    table = quote(model._meta.db_table)
    names = ", ".join(quote(fields[name]) for name in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)


def update_rows(
    model, columns: Sequence[str], rows: Sequence[Sequence], check: str | None = None
) -> int:
    """UPDATE ``model`` by primary key: each row holds the values of ``columns``, then the key,
    then, with ``check``, the value that column must still hold (a row whose ``check`` column
    moved on is left alone). Returns how many rows were changed."""
    if not rows:
        return 0
    quote = connection.ops.quote_name
    fields = {field.attname: field.column for field in model._meta.concrete_fields}
    statement = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(fields[name])} = %s" for name in columns),
        quote(model._meta.pk.column),
    )
    if check is not None:
        statement += f" AND {quote(fields[check])} = %s"
    with connection.cursor() as cursor:
        cursor.executemany(statement, rows)
        # Both drivers sum the counts of the statements an executemany ran.
        return cursor.rowcount


def delete_where_in(model, column: str, values: Sequence) -> None:
    if not values:
        return
    quote = connection.ops.quote_name
    size = max(1, min(5000, max_params() - 1))
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            chunk = values[start : start + size]
            cursor.execute(
                "DELETE FROM {} WHERE {} IN ({})".format(
                    quote(model._meta.db_table), quote(column), ", ".join(["%s"] * len(chunk))
                ),
                list(chunk),
            )
