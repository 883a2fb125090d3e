#!/usr/bin/env bash
# Runs every program in the given folders on the ASan+UBSan build with leak detection and
# fails if any sanitizer reports (a leak, a bad access, undefined behaviour). Output is
# not compared here: programs that need features not built yet still must not leak or crash.
# Usage: scripts/sanitizer_scan.sh BINARY DIR...
set -uo pipefail
binary=$1
shift
bad=0
total=0
report=$(mktemp)
trap 'rm -f "$report"' EXIT
for dir in "$@"; do
  for program in "$dir"/*.py; do
    total=$((total + 1))
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      timeout 300 "$binary" run "$program" > /dev/null 2> "$report" < /dev/null
    if grep -q "ERROR: LeakSanitizer\|ERROR: AddressSanitizer\|runtime error:" "$report"; then
      bad=$((bad + 1))
      echo "SANITIZER $program: $(grep -m1 'SUMMARY\|runtime error:' "$report")"
    fi
  done
done
echo "$((total - bad)) clean, $bad with sanitizer reports"
[ "$bad" -eq 0 ]
