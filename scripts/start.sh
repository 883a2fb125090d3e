#!/usr/bin/env bash
# One command from a fresh clone to a running playground: set up, build, then serve at
# http://127.0.0.1:8080 with the native backend (set TERRARIUM_PORT/TERRARIUM_HOST to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec build/native/terrarium serve --host "${TERRARIUM_HOST:-127.0.0.1}" --port "${TERRARIUM_PORT:-8080}"
