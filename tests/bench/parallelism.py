#!/usr/bin/env python3
"""The course's parallelism lab, timed under python3 and under `terrarium run` side by side.

  parallelism.py [--rounds N] [--terrarium PATH] [--python EXE] [--green-threads]

Runs parallelism/primes_lab.py (a CPU-bound prime count and an I/O-bound set of sleeps, each
sequentially, on 2 threads, on a 2-worker ProcessPoolExecutor and as asyncio tasks) under each
interpreter, alternating which goes first, and prints the best wall time of every run over the
rounds and its speedup over the same interpreter's best sequential run. Wall time, not CPU time:
parallelism is the point; the best of several rounds, as timeit reports, because other work on
the machine only ever adds time (a busy core halves a pool's speedup). Expected shape on 2 cores: CPU-bound threads and asyncio about 1x (the GIL; no awaits),
processes 1.8-2x; I/O-bound threads and asyncio far above 1x. The goal for terrarium's process
pool on the CPU-bound job is at least 1.7x; the last line says whether it is met. Reports,
never fails (exit status 2 only when an interpreter cannot run the lab).
--green-threads adds a third column: terrarium with the browser's green threads (one OS
thread; same shape expected for threads and asyncio, the process pool still on OS threads).
"""
import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LAB = HERE / "parallelism" / "primes_lab.py"
GOAL = 1.7


def run_lab(cmd):
    """{(job, way): seconds} from one run of the lab, or None with the reason printed."""
    proc = subprocess.run(cmd + [LAB.name], cwd=LAB.parent, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        print(f"{cmd[0]} failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}", file=sys.stderr)
        return None
    times = {}
    for line in proc.stdout.splitlines():
        job, way, seconds = line.split()
        times[job, way] = float(seconds)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--terrarium", default=str(ROOT / "build" / "native" / "terrarium"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("--green-threads", action="store_true")
    args = parser.parse_args()
    sides = {"python3": [args.python], "terrarium": [args.terrarium, "run"]}
    if args.green_threads:
        sides["green"] = [args.terrarium, "run", "--green-threads"]
    samples = {name: [] for name in sides}
    load = os.getloadavg()[0]
    for r in range(args.rounds):
        order = list(sides)[r % len(sides):] + list(sides)[:r % len(sides)]
        for name in order:
            times = run_lab(sides[name])
            if times is None:
                return 2
            samples[name].append(times)
    keys = list(samples["python3"][0])
    best = {name: {k: min(s[k] for s in runs) for k in keys} for name, runs in samples.items()}

    print(f"parallelism lab, {args.rounds} rounds, best wall time; load average {load:.2f} at start, "
          f"{os.getloadavg()[0]:.2f} at end ({os.cpu_count()} CPUs)")
    print(f"{'job':<4} {'way':<11}" + "".join(f" {name + ' s':>12} {'speedup':>8}" for name in sides))
    for job, way in keys:
        row = f"{job:<4} {way:<11}"
        for name in sides:
            seconds = best[name][job, way]
            speedup = best[name][job, "sequential"] / seconds
            row += f" {seconds:>12.3f} {speedup:>7.2f}x"
        print(row)
    got = best["terrarium"]["cpu", "sequential"] / best["terrarium"]["cpu", "processes"]
    verdict = "met" if got >= GOAL else "NOT met (is the machine busy?)"
    print(f"terrarium process pool, CPU-bound: {got:.2f}x; goal {GOAL}x {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
