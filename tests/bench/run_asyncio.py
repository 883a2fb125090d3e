#!/usr/bin/env python3
"""Times tests/bench/asyncio/*.py under python3 and `terrarium run`, with peak memory.

  run_asyncio.py [--rounds N] [--terrarium PATH] [--python EXE] [--filter SUBSTR] [--scale N]

For each program and round both interpreters run (alternating which goes first); each child's
CPU time (user + sys) and peak resident set size come from os.wait4(). The table shows medians
and the ratios terrarium / python3 for time and for peak RSS (the project's goal for these labs:
<= 0.7x time, <= 0.5x memory). These programs need native coroutines (`async def`/`await`):
while terrarium cannot run them, its side shows "skipped: needs coroutines". `--scale` passes a
smaller item count for a quick look (it runs copies with the `N = ...` line rewritten). Reports only; exit status 0 unless python3 cannot start.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
COROUTINE_PROBE = "import asyncio\nasync def f():\n    await asyncio.sleep(0)\n    return 1\nprint(asyncio.run(f()))\n"


def run_once(cmd, cwd, timeout):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes on this thread while waiting with wait4, which gives this child's own
    # rusage (ru_maxrss in KiB on Linux), unlike RUSAGE_CHILDREN's maximum over all children.
    out_chunks, err_chunks = [], []
    os.set_blocking(proc.stdout.fileno(), False)
    os.set_blocking(proc.stderr.fileno(), False)
    while True:
        for stream, chunks in ((proc.stdout, out_chunks), (proc.stderr, err_chunks)):
            data = stream.read()
            if data:
                chunks.append(data)
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            proc.kill()
            os.wait4(proc.pid, 0)
            return b"".join(out_chunks), b"timed out", None, 0.0, 0
        time.sleep(0.01)
    for stream, chunks in ((proc.stdout, out_chunks), (proc.stderr, err_chunks)):
        data = stream.read()
        if data:
            chunks.append(data)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return b"".join(out_chunks), b"".join(err_chunks), proc.returncode, cpu, usage.ru_maxrss


def terrarium_has_coroutines(terrarium):
    try:
        proc = subprocess.run([terrarium, "run", "-c", COROUTINE_PROBE], capture_output=True, timeout=30)
    except OSError:
        return False
    return proc.returncode == 0 and proc.stdout.strip() == b"1"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--terrarium", default=str(ROOT / "build" / "native" / "terrarium"))
    ap.add_argument("--python", default="python3")
    ap.add_argument("--filter", default="")
    ap.add_argument("--scale", type=int, default=None, help="items per program instead of 1,000,000")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    terrarium = str(pathlib.Path(args.terrarium).resolve())
    can_run = os.access(terrarium, os.X_OK) and terrarium_has_coroutines(terrarium)
    programs = sorted(p for p in (HERE / "asyncio").glob("*.py") if args.filter in p.stem)
    if args.scale:
        scaled = pathlib.Path(tempfile.mkdtemp(prefix="asyncio-bench-"))
        for program in programs:
            text = program.read_text().replace("N = 1_000_000", f"N = {args.scale}", 1)
            (scaled / program.name).write_text(text)
        programs = [scaled / p.name for p in programs]
    header = f"{'program':<16} {'python3 s':>9} {'MiB':>7} {'terrarium s':>11} {'MiB':>7} {'time':>6} {'memory':>6}"
    print(header)
    print("-" * len(header))
    for program in programs:
        py, tr, problem = [], [], None
        for rnd in range(args.rounds):
            out, err, status, cpu, rss = run_once([args.python, str(program)], program.parent, args.timeout)
            if status != 0:
                print(f"{program.stem:<16} python3 failed: {err.decode(errors='replace').strip()[-200:]}")
                return 2
            py.append((cpu, rss, out))
            if can_run:
                t_out, t_err, t_status, t_cpu, t_rss = run_once([terrarium, "run", str(program)],
                                                                  program.parent, args.timeout)
                if t_status != 0:
                    problem = "FAIL: " + (t_err.decode(errors="replace").strip().splitlines() or ["?"])[-1]
                elif t_out != out:
                    problem = "MISMATCH"
                else:
                    tr.append((t_cpu, t_rss))
        py_s = statistics.median(c for c, _, _ in py)
        py_m = statistics.median(r for _, r, _ in py) / 1024
        if not can_run:
            print(f"{program.stem:<16} {py_s:>9.2f} {py_m:>7.1f}  skipped: needs coroutines on terrarium")
        elif problem:
            print(f"{program.stem:<16} {py_s:>9.2f} {py_m:>7.1f}  {problem}")
        else:
            tr_s = statistics.median(c for c, _ in tr)
            tr_m = statistics.median(r for _, r in tr) / 1024
            print(f"{program.stem:<16} {py_s:>9.2f} {py_m:>7.1f} {tr_s:>11.2f} {tr_m:>7.1f} "
                  f"{tr_s / py_s:>6.2f} {tr_m / py_m:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
