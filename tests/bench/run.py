#!/usr/bin/env python3
"""Times each tests/bench/programs/*.py under python3 and under `terrarium run`, and reports.

  run.py [--rounds N] [--terrarium PATH] [--python EXE] [--filter SUBSTR] [--timeout S]

Each round runs both interpreters on a program, alternating which goes first, and records each
child's CPU time (user + sys). The table shows the median per side and terrarium/python3; a
program whose stdout differs is MISMATCH, one that fails or times out on terrarium is FAIL, and
neither counts in the geometric mean. This reports, it does not judge: the exit status is 0
however slow terrarium is (2 only when an interpreter cannot be started at all).
"""
import argparse
import math
import os
import pathlib
import resource
import statistics
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def timed_run(cmd, cwd, timeout):
    """Runs cmd to completion; returns (stdout, stderr, status, cpu_seconds); status None on timeout."""
    # RUSAGE_CHILDREN only grows when a child is reaped, and subprocess.run reaps exactly this
    # one (we start no others meanwhile), so the delta is this child's CPU time alone.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
        out, err, status = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        out, err, status = exc.stdout or b"", b"timed out after %gs" % timeout, None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, err, status, cpu


def last_line(data):
    lines = data.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else "(no stderr)"


def first_difference(want, got):
    want_lines = want.decode(errors="replace").splitlines()
    got_lines = got.decode(errors="replace").splitlines()
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else "(end of output)"
        g = got_lines[i] if i < len(got_lines) else "(end of output)"
        if w != g:
            return f"line {i + 1}: expected {w!r}, got {g!r}"
    return "line endings or trailing whitespace differ"


def bench(program, python, terrarium, rounds, timeout):
    """Returns (python_median, terrarium_median, problem); problem is None when outputs match."""
    sides = {"python": [python, str(program)], "terrarium": [terrarium, "run", str(program)]}
    times = {"python": [], "terrarium": []}
    for rnd in range(rounds):
        # Alternate the order so neither side always gets the warmer caches.
        order = ["python", "terrarium"] if rnd % 2 == 0 else ["terrarium", "python"]
        outputs = {}
        for side in order:
            out, err, status, cpu = timed_run(sides[side], program.parent, timeout)
            if status != 0:
                label = "FAIL" if side == "terrarium" else "PYTHON FAIL"
                return None, None, f"{label}: {last_line(err)}"
            outputs[side] = out
            times[side].append(cpu)
        if outputs["python"] != outputs["terrarium"]:
            return None, None, "MISMATCH: " + first_difference(outputs["python"], outputs["terrarium"])
    return statistics.median(times["python"]), statistics.median(times["terrarium"]), None


def version_of(cmd):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except OSError as exc:
        return None, str(exc)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="runs per interpreter per program (default 3)")
    ap.add_argument("--terrarium", default=str(ROOT / "build" / "native" / "terrarium"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--filter", default="", help="only programs whose name contains SUBSTR")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per run before FAIL (default 120)")
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    terrarium = str(pathlib.Path(args.terrarium).resolve())
    if not os.access(terrarium, os.X_OK):
        print(f"run.py: no terrarium binary at {terrarium} (build with `cmake --build --preset native`)",
              file=sys.stderr)
        return 2
    ok, python_version = version_of([args.python, "--version"])
    if not ok:
        print(f"run.py: cannot run {args.python}: {python_version}", file=sys.stderr)
        return 2

    programs = sorted(p for p in (HERE / "programs").glob("*.py") if args.filter in p.stem)
    print(f"python:    {python_version} ({args.python})")
    print(f"terrarium: {terrarium}")
    print(f"rounds:    {args.rounds}, CPU seconds (user+sys), median per side")
    print()
    header = f"{'program':<16} {'python3 s':>10} {'terrarium s':>12} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    ratios = []
    for program in programs:
        py_s, tr_s, problem = bench(program, args.python, terrarium, args.rounds, args.timeout)
        if problem:
            print(f"{program.stem:<16} {'-':>10} {'-':>12} {'-':>7}  {problem}")
            continue
        ratio = tr_s / py_s if py_s > 0 else float("inf")
        ratios.append(ratio)
        print(f"{program.stem:<16} {py_s:>10.3f} {tr_s:>12.3f} {ratio:>7.2f}")
    print("-" * len(header))
    if ratios and all(0 < r < float("inf") for r in ratios):
        geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean ratio (terrarium/python3) over {len(ratios)} of {len(programs)} programs: "
              f"{geomean:.2f}")
    else:
        print(f"geometric mean ratio: n/a ({len(ratios)} of {len(programs)} programs matched)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
