#!/usr/bin/env bash
# Runs every program in the given folders (or the given .py files) on a sanitizer build and
# fails if any sanitizer reports: ASan+UBSan with leak detection (a leak, a bad access,
# undefined behaviour) or TSan (a data race). Output is not compared here: programs that
# need features not built yet still must not leak, race or crash.
# Usage: scripts/sanitizer_scan.sh BINARY DIR|FILE...
set -uo pipefail
binary=$1
shift
bad=0
total=0
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for place in "$@"; do
  if [ -d "$place" ]; then programs=("$place"/*.py); else programs=("$place"); fi
  for program in "${programs[@]}"; do
    total=$((total + 1))
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      timeout 300 "$binary" run "$program" > /dev/null 2> "$report" < /dev/null
    if grep -q "ERROR: LeakSanitizer\|ERROR: AddressSanitizer\|runtime error:\|WARNING: ThreadSanitizer" "$report"; then
      bad=$((bad + 1))
      echo "SANITIZER $program: $(grep -m1 'SUMMARY\|runtime error:\|WARNING: ThreadSanitizer' "$report")"
    fi
  done
done
echo "$((total - bad)) clean, $bad with sanitizer reports"
[ "$bad" -eq 0 ]
