#!/usr/bin/env bash
# Installs everything Terrarium needs on Debian bookworm (run as root), idempotently:
# apt packages for the native and Emscripten builds and the browser tests, then npm packages.
# Both README commands (scripts/start.sh, scripts/test.sh) call this first; a second run is
# a quick no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3
  catch2 libboost-dev libcli11-dev nlohmann-json3-dev
  emscripten
  chromium
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Vite 8 needs Node >= 20.19; the machine's apt sources may carry it (nodesource).
node_ok() { command -v node >/dev/null && command -v npm >/dev/null &&
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a==20&&b>=19)?0:1)'; }
node_ok || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

node_ok || { echo "setup: Node.js >= 20.19 is required (found: $(node --version 2>/dev/null || echo none))" >&2; exit 1; }

# npm packages: install only when package.json changed since the last install.
if [ -f package.json ]; then
  stamp=node_modules/.terrarium-installed
  if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || { [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; }; then
    echo "setup: installing npm packages"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
    touch "$stamp"
  fi
fi
echo "setup: ok"
