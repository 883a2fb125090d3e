#!/usr/bin/env python3
"""Peak memory of terrarium vs python3 on the programs in tests/bench/memory/.

Each program runs once per interpreter in a child process; the child's peak resident set
size comes from wait4()'s rusage (ru_maxrss, KiB), so interpreter start-up is included.
Prints one row per program with both peaks and the ratio terrarium / python3 (below 1
means terrarium uses less), then the geometric mean. Not run by CI (see README.md)."""

import argparse
import math
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def peak_rss_kib(argv):
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{stderr}")
    return usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terrarium", default=str(HERE.parents[1] / "build/native/terrarium"))
    parser.add_argument("--python", default="python3")
    parser.add_argument("--filter", default="")
    args = parser.parse_args()
    programs = sorted(p for p in (HERE / "memory").glob("*.py") if args.filter in p.stem)
    print(f"{'program':18} {'python3 MiB':>12} {'terrarium MiB':>14} {'ratio':>7}")
    print("-" * 54)
    ratios = []
    for program in programs:
        ours = peak_rss_kib([args.terrarium, "run", str(program)])
        theirs = peak_rss_kib([args.python, str(program)])
        ratio = ours / theirs
        ratios.append(ratio)
        print(f"{program.stem:18} {theirs / 1024:12.1f} {ours / 1024:14.1f} {ratio:7.2f}")
    print("-" * 54)
    if ratios:
        mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean peak-RSS ratio (terrarium/python3) over {len(ratios)} programs: {mean:.2f}")


if __name__ == "__main__":
    sys.exit(main())
