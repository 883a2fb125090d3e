#!/usr/bin/env bash
# Builds what the playground needs: the native CLI/server, both browser modules (threaded
# and single-threaded) and the web app. Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs it (PLATFORM.md)

for preset in native wasm wasm-st; do
  echo "build: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
echo "build: web app"
npx vite build --config web/vite.config.ts --logLevel warn
echo "build: ok (CLI at build/native/terrarium, web app in build/web)"
