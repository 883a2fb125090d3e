#!/usr/bin/env python3
"""What the trace hooks cost when no observer is attached: every tests/bench/programs/*.py
timed under the normal build (hooks compiled in) and the native-notrace build (hooks
compiled out, TERRARIUM_TRACE_HOOKS=OFF), in the same run, alternating which goes first.

  trace_overhead.py [--rounds N] [--filter SUBSTR]
      [--traced build/native/terrarium] [--untraced build/native-notrace/terrarium]

Prints the median CPU time of each side per program, the overhead in percent and the
geometric mean over all programs. The goal is at most 3 %.
"""
import argparse
import math
import pathlib
import statistics
import sys

from run import HERE, ROOT, timed_run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--filter", default="")
    ap.add_argument("--traced", default=str(ROOT / "build/native/terrarium"))
    ap.add_argument("--untraced", default=str(ROOT / "build/native-notrace/terrarium"))
    args = ap.parse_args()
    for binary in (args.traced, args.untraced):
        if not pathlib.Path(binary).exists():
            print(f"missing {binary}: cmake --preset native-notrace && cmake --build build/native-notrace",
                  file=sys.stderr)
            return 2
    sides = {"hooks": args.traced, "no hooks": args.untraced}
    print(f"{'program':<20} {'hooks s':>8} {'no hooks s':>11} {'overhead':>9}")
    ratios = []
    for program in sorted((HERE / "programs").glob("*.py")):
        if args.filter not in program.name:
            continue
        times = {name: [] for name in sides}
        for rnd in range(args.rounds):
            order = list(sides) if rnd % 2 == 0 else list(reversed(sides))
            for name in order:
                _, _, status, cpu = timed_run([sides[name], "run", str(program)], program.parent, 120)
                if status == 0:
                    times[name].append(cpu)
        if not all(times.values()):
            print(f"{program.stem:<20} FAIL")
            continue
        traced = statistics.median(times["hooks"])
        untraced = statistics.median(times["no hooks"])
        ratios.append(traced / untraced)
        print(f"{program.stem:<20} {traced:>8.3f} {untraced:>11.3f} {100 * (traced / untraced - 1):>8.1f}%")
    if ratios:
        mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"trace hooks overhead (geometric mean): {100 * (mean - 1):.1f}% (goal: at most 3%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
