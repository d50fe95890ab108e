#!/usr/bin/env bash
# Runs the suite again on PostgreSQL when a server answers; says so clearly when none does.
set -uo pipefail
url="${1:-postgres://postgres@127.0.0.1:5432/test}"
if ! .venv/bin/python - "$url" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1].replace("postgres://", "postgresql://"), connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL does not answer at {sys.argv[1]}: {error}")
    sys.exit(1)
PY
then
  echo "SKIPPED: the PostgreSQL run of the suite (no server answers; the SQLite run above covers the rest)."
  exit 0
fi
echo "Running the suite on PostgreSQL (${url})…"
DATABASE_URL="$url" TEST_DATABASE_NAME="test_cyberregions_$$" CYBERREGIONS_TESTING=1 exec .venv/bin/pytest -q -p no:cacheprovider -m "not browser"
