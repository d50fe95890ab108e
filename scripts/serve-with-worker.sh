#!/usr/bin/env bash
# The development server with one background-task worker beside it (make demo).
# The worker runs in the background and is stopped with the server (Ctrl-C, or any exit).
# Usage: scripts/serve-with-worker.sh [ADDRESS:PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
ADDRESS=${1:-127.0.0.1:8000}

if [ "${TASKS_BACKEND:-database}" = "rq" ]; then
  "$BIN/cyberregions" rqworker --job-class django_tasks_rq.Job default &
else
  "$BIN/cyberregions" db_worker --queue-name default --no-reload &
fi
worker=$!
stop_worker() {
  kill "$worker" 2>/dev/null || true
  wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT
trap 'exit 130' INT TERM
echo "Task worker started (pid $worker); it stops with the server."
"$BIN/cyberregions" runserver "$ADDRESS"
