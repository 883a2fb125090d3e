#!/usr/bin/env bash
# Runs every test suite: the Catch2 suite natively, under ASan+UBSan and under Node (wasm,
# threads); conformance, dis and CLI checks; the browser specs in Chromium. Then reports the
# course-program pass count and dis fidelity (figures, not failures). Every suite runs even
# if an earlier one fails; the last line counts suites.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh || { echo "test: build failed"; echo "suites: 0 passed, 1 failed"; exit 1; }
export NODE_PATH=/usr/share/nodejs

passed=0
failed=0
failures=()
failure_logs=()
# Each suite's output is also kept in build/test-artifacts/suites/, so that the end of
# the run can repeat the tail of a failed one (CI records only the end of the output).
suite_logs=build/test-artifacts/suites
rm -rf "$suite_logs" && mkdir -p "$suite_logs"
suite() {  # suite NAME COMMAND...
  local name=$1
  shift
  echo
  echo "==== $name"
  local log="$suite_logs/$((passed + failed + 1)).log"
  if "$@" 2>&1 | tee "$log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    failure_logs+=("$log")
  fi
}
build_preset() { cmake --preset "$1" >/dev/null && cmake --build --preset "$1"; }

suite "native: unit, conformance, dis, CLI" ctest --preset native
suite "native-debug build (ASan+UBSan)" build_preset native-debug
# With leak detection: every object a program made is freed by the end (reference
# counting, the cycle collector and finalization together).
suite "native-debug: unit, conformance, dis, CLI" ctest --preset native-debug
suite "native: conformance under GC stress" env TERRARIUM_GC_STRESS=1 \
  python3 tests/conformance/run.py --terrarium build/native/terrarium
if [ -d ../shared/acceptance ]; then
  suite "native-debug: course programs without sanitizer reports" \
    bash scripts/sanitizer_scan.sh build/native-debug/terrarium ../shared/acceptance
fi
# Thread code under ThreadSanitizer: the GIL, _thread and the isolation tests, then the
# thread libraries' and process pools' conformance scripts and the course's concurrency labs.
suite "native-tsan build (ThreadSanitizer)" build_preset native-tsan
suite "native-tsan: thread and isolation unit tests" build/native-tsan/terrarium_tests "[threads],[isolation]"
suite "native-tsan: thread programs without race reports" bash scripts/sanitizer_scan.sh build/native-tsan/terrarium \
  tests/conformance/stdlib/thread_*.py tests/conformance/stdlib/threading_*.py tests/conformance/stdlib/queue_threads.py \
  tests/conformance/stdlib/futures_*.py tests/conformance/stdlib/asyncio_to_thread.py tests/conformance/parallel $(ls ../shared/acceptance/m6_*.py 2>/dev/null)
# Green threads in the browser's single-threaded module (Asyncify fibers), under Node: the
# thread programs and the course's thread labs, byte for byte.
suite "wasm green module for Node" cmake --build build/wasm-st --target terrarium_green_node
suite "wasm green module: thread programs under Node" node --no-experimental-fetch tests/conformance/run_wasm_green.mjs \
  build/wasm-st/wasm/green-node/terrarium.js $( [ -d ../shared/acceptance ] && echo ../shared/acceptance)
suite "wasm-node build" build_preset wasm-node
suite "wasm-node: unit tests under Node with threads" ctest --preset wasm-node
suite "browser: Playwright specs in Chromium" node --test --test-concurrency=1 tests/web/

echo
echo "==== figures (reported, not failing)"
if [ -d ../shared/acceptance ]; then
  python3 tests/conformance/run.py --terrarium build/native/terrarium --acceptance ../shared/acceptance | tail -2 | head -1
  python3 tests/dis/compare.py --terrarium build/native/terrarium --report ../shared/acceptance
fi

for i in "${!failures[@]}"; do
  echo
  echo "==== end of the failed suite's output: ${failures[$i]}"
  grep -v -E '^(PASS |ok | +ok )| Passed +[0-9.]+ sec$' "${failure_logs[$i]}" | tail -n 60
done
echo
[ ${#failures[@]} -eq 0 ] || printf 'failed suite: %s\n' "${failures[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
