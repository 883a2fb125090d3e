#!/usr/bin/env bash
# Installs everything Terrarium needs on Debian bookworm (run as root), idempotently:
# apt packages for the native and Emscripten builds and the browser tests, then npm packages.
# Both README commands (npm start, npm test) call this first; a second run is a quick no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config python3
  catch2 libboost-dev libcli11-dev nlohmann-json3-dev
  emscripten
  chromium
  nodejs npm
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs/npm may come from elsewhere on the machine; accept any working node >= 20.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

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
