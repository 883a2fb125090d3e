#!/usr/bin/env python3
"""Time travel in a debug session (core/trace): how long a step back and a jump back take
after going N steps into a lesson-sized program, and the peak memory of the whole session.

  time_travel.py [--binary build/native/terrarium_time_travel] [--program P] [STEPS ...]

Each command replays the program from step 0 in a fresh interpreter (deterministic
re-execution), so going back N steps costs one run of the steps before the target and
memory stays that of a single run. Goal: 100,000 steps back and more within 200 MB.
"""
import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=str(ROOT / "build/native/terrarium_time_travel"))
    ap.add_argument("--program", default=str(HERE / "time_travel/lesson.py"))
    ap.add_argument("steps", nargs="*", type=int, default=[100_000, 1_000_000])
    args = ap.parse_args()
    if not pathlib.Path(args.binary).exists():
        subprocess.run(["cmake", "--build", str(ROOT / "build/native"), "--target", "terrarium_time_travel"],
                       check=True)
    proc = subprocess.Popen([args.binary, args.program, *map(str, args.steps)], stdout=subprocess.PIPE,
                            text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        print("time_travel failed", file=sys.stderr)
        return 1
    print(f"program: {pathlib.Path(args.program).name}")
    print(f"{'steps':>10} {'forward ms':>11} {'back 1 ms':>10} {'back to 1 ms':>13}")
    for line in out.split("\n"):
        if line.strip():
            steps, forward, back, to_start = line.split()
            print(f"{int(steps):>10,} {float(forward):>11.1f} {float(back):>10.1f} {float(to_start):>13.1f}")
    print(f"peak memory of the session: {usage.ru_maxrss / 1024:.1f} MB (goal: 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
