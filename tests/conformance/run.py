#!/usr/bin/env python3
"""Runs Python scripts through `terrarium run` and compares with CPython's recorded output.

  run.py --terrarium BIN                      every tests/conformance/**/*.py: stdout must be
                                              byte-identical to NAME.out; where NAME.err and
                                              NAME.status exist, stderr and the exit status too
  run.py --terrarium BIN --acceptance DIR     the course programs in DIR (stdout only, 10 s
                                              limit each); prints "N/40 course programs identical"
                                              and never fails (a reported headline figure)
  run.py ... --green-threads                  only the programs that use threads, run with
                                              `terrarium run --green-threads` (the browser's
                                              single-threaded scheduling); every one must pass
Ends with the plain summary line "N passed, N failed".
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
# Programs that may start threads: the pattern web/src/vm/uses-threads.ts uses.
USES_THREADS = re.compile(
    json.loads((HERE.parents[1] / "web" / "src" / "vm" / "thread-modules.json").read_text())["pattern"], re.M)
RUN_FLAGS = []


def uses_threads(script):
    return USES_THREADS.search(script.read_text(encoding="utf-8")) is not None


def run(binary, script, timeout):
    try:
        proc = subprocess.run([binary, "run", *RUN_FLAGS, script.name], cwd=script.parent, capture_output=True,
                              timeout=timeout)
        return proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired:
        return None, b"timed out", None


def check_conformance(binary, script):
    stdout, stderr, status = run(binary, script, 30)
    base = script.with_suffix("")
    problems = []
    if stdout is None:
        return ["timed out"]
    if not base.with_suffix(".out").exists():
        return ["no expected output: run tests/conformance/generate.py"]
    if stdout != base.with_suffix(".out").read_bytes():
        problems.append("stdout differs")
    err_file, status_file = base.with_suffix(".err"), base.with_suffix(".status")
    expected_err = err_file.read_bytes().replace(b"{DIR}/", str(script.parent).encode() + b"/") if err_file.exists() else None
    if expected_err is not None and stderr != expected_err:
        problems.append("stderr differs:\n" + stderr.decode(errors="replace") + "--- expected:\n" +
                        expected_err.decode(errors="replace"))
    expected_status = int(status_file.read_text()) if status_file.exists() else 0
    if status != expected_status:
        problems.append(f"exit status {status}, expected {expected_status}; stderr:\n{stderr.decode(errors='replace')}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--terrarium", required=True)
    ap.add_argument("--acceptance", help="folder of course programs to report on")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--green-threads", action="store_true")
    args = ap.parse_args()
    if args.green_threads:
        RUN_FLAGS.append("--green-threads")
    chosen = uses_threads if args.green_threads else (lambda script: True)
    binary = str(pathlib.Path(args.terrarium).resolve())
    passed = failed = 0
    if args.acceptance:
        folder = pathlib.Path(args.acceptance)
        scripts = sorted(p for p in folder.glob("*.py") if chosen(p))
        for script in scripts:
            stdout, _, _ = run(binary, script, 10)
            ok = stdout is not None and stdout == script.with_suffix(".out").read_bytes()
            passed += ok
            failed += not ok
            if args.verbose or ok:
                print(f"{'PASS' if ok else 'FAIL'} {script.name}")
        print(f"{passed}/{len(scripts)} course programs identical")
        print(f"{passed} passed, {failed} failed")
        return 1 if args.green_threads and (failed or not scripts) else 0
    scripts = sorted(p for p in HERE.rglob("*.py") if p.parent != HERE and chosen(p))
    for script in scripts:
        problems = check_conformance(binary, script)
        name = script.relative_to(HERE)
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"PASS {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not scripts else 0


if __name__ == "__main__":
    sys.exit(main())
