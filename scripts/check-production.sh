#!/usr/bin/env bash
# Starts the production command of docs/deployment.md once (gunicorn, production settings, a
# scratch SQLite database), fetches /healthz through it on 127.0.0.1 and stops it again.
# Fails when the server does not start or /healthz does not answer 200 with status "ok".
# The server is stopped and the scratch directory removed whatever happens.
#
# Usage: scripts/check-production.sh [path/to/venv/bin]   (default: .venv/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.venv/bin}"
START_TIMEOUT=20

SCRATCH="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT INT TERM

# Production-like settings: the switch on, a secret of its own, loopback only, a database in
# the scratch directory. Whatever the calling shell had for these is not used.
unset DATABASE_URL CYBERREGIONS_TESTING DEBUG CACHE_URL
export CYBERREGIONS_PRODUCTION=1
export CYBERREGIONS_VAR="$SCRATCH"
export ALLOWED_HOSTS=127.0.0.1
SECRET_KEY="$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
PORT="$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

echo "Production check: migrate, then gunicorn on 127.0.0.1:$PORT"
"$BIN/cyberregions" migrate --noinput -v 0
"$BIN/gunicorn" cyberregions.wsgi --bind "127.0.0.1:$PORT" --workers 2 --timeout 30 \
  --no-control-socket --error-logfile "$SCRATCH/gunicorn.log" &
SERVER_PID=$!

# The reverse proxy sets X-Forwarded-Proto; without it the production settings redirect to https.
if ! "$BIN/python" - "$PORT" "$START_TIMEOUT" "$SERVER_PID" <<'PY'
import json
import os
import sys
import time
import urllib.error
import urllib.request

port, timeout, server = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
request = urllib.request.Request(
    f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
)
deadline = time.monotonic() + timeout
while True:
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            status, body = response.status, json.loads(response.read())
        break
    except urllib.error.HTTPError as error:
        sys.exit(f"/healthz answered {error.code}: {error.read()[:300]!r}")
    except OSError as error:  # not listening yet
        try:
            os.kill(server, 0)
        except OSError:
            sys.exit("gunicorn stopped before answering")
        if time.monotonic() > deadline:
            sys.exit(f"gunicorn did not answer within {timeout:.0f} s: {error}")
        time.sleep(0.2)
if status != 200 or body.get("status") != "ok":
    sys.exit(f"/healthz answered {status}: {body}")
print(f"/healthz through gunicorn: {status} {body}")
PY
then
  echo "gunicorn's log:" >&2
  cat "$SCRATCH/gunicorn.log" >&2 || true
  exit 1
fi
