#!/usr/bin/env python3
"""TERRARIUM_TRACE=out.json writes a Chrome trace with no rebuild: valid JSON, B/E events that
pair up per function, line events, instructions only with TERRARIUM_TRACE_INSTRUCTIONS=1, and
the program's output unchanged; with threads, a Python track and a GIL track per thread,
named with threading's names. Ends with "N passed, N failed".
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

PROGRAM = """\
def add(a, b):
    return a + b

def gen():
    yield 1
    yield 2

try:
    1 / 0
except ZeroDivisionError:
    pass
print(add(1, 2), sum(gen()))
"""

THREADED = """\
import sys
import threading

sys.setswitchinterval(0.0002)  # many hand-offs in a short run, even on a slow build

def count(n):
    while n > 0:
        n -= 1

workers = [threading.Thread(target=count, args=(20000,), name=name) for name in ("producer", None)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print("done")
"""


def balanced(events):
    """B and E pair up on every track (pid, tid), never closing more than was opened."""
    depth = {}
    for e in events:
        key = (e.get("pid"), e.get("tid"))
        depth[key] = depth.get(key, 0) + {"B": 1, "E": -1}.get(e["ph"], 0)
        if depth[key] < 0:
            return False
    return all(d == 0 for d in depth.values())


def run(binary, script, trace, instructions):
    env = dict(os.environ, TERRARIUM_TRACE=str(trace))
    if instructions:
        env["TERRARIUM_TRACE_INSTRUCTIONS"] = "1"
    proc = subprocess.run([binary, "run", str(script)], capture_output=True, text=True, timeout=120, env=env)
    return proc, json.loads(trace.read_text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--terrarium", required=True)
    binary = str(pathlib.Path(ap.parse_args().terrarium).resolve())
    tmp = pathlib.Path(tempfile.mkdtemp())
    script = tmp / "prog.py"
    script.write_text(PROGRAM)
    results = []

    def check(name, ok):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name)

    proc, trace = run(binary, script, tmp / "plain.json", False)
    events = trace["traceEvents"]
    check("program output unchanged", proc.stdout == "3 3\n" and proc.returncode == 0)
    check("B and E events pair up", balanced(events))
    names = [e["name"] for e in events if e["ph"] == "B"]
    check("calls named by qualname", "<module>" in names and "add" in names and names.count("gen") == 3)
    check("line events", any(e["name"] == "line 12" for e in events if e["ph"] == "i"))
    check("exception event", any(e["name"] == "raise ZeroDivisionError" for e in events))
    check("no instruction events by default", not any(e.get("cat") == "instruction" for e in events))
    stamped = [e for e in events if e["ph"] != "M"]
    check("timestamps never go back", all(a["ts"] <= b["ts"] for a, b in zip(stamped, stamped[1:])))

    _, trace = run(binary, script, tmp / "instr.json", True)
    ops = [e["name"] for e in trace["traceEvents"] if e.get("cat") == "instruction"]
    check("instruction events with TERRARIUM_TRACE_INSTRUCTIONS=1", "BINARY_OP" in ops and "LOAD_FAST" in ops)

    threaded = tmp / "threads.py"
    threaded.write_text(THREADED)
    proc, trace = run(binary, threaded, tmp / "threads.json", False)
    events = trace["traceEvents"]
    check("threaded program output unchanged", proc.stdout == "done\n" and proc.returncode == 0)
    check("threaded trace pairs B and E per track", balanced(events))
    held = [e["tid"] for e in events if e["pid"] == 2 and e["ph"] == "B" and e["name"] == "holds the GIL"]
    check("GIL lanes: both workers take the GIL again and again",
          held.count(2) > 5 and held.count(3) > 5)
    dropped = {e["args"]["reason"] for e in events if e["pid"] == 2 and e["ph"] == "E" and "args" in e}
    check("GIL drops say why (interval, exit)", {"interval", "exit"} <= dropped)
    calls = {(e["tid"], e["name"]) for e in events if e["pid"] == 1 and e["ph"] == "B"}
    check("each thread's calls on its own track", (2, "count") in calls and (3, "count") in calls)
    last_name = {}  # a later thread_name for a track overrides an earlier one in the viewers
    for e in events:
        if e["ph"] == "M" and e["name"] == "thread_name":
            last_name[(e["pid"], e["tid"])] = e["args"]["name"]
    check("tracks named as threading names the threads, on both processes",
          all(last_name.get((pid, 1)) == "MainThread" and last_name.get((pid, 2)) == "producer"
              and last_name.get((pid, 3)) == "Thread-1 (count)" for pid in (1, 2)))
    stamped = [e for e in events if e["ph"] != "M"]
    check("threaded timestamps never go back", all(a["ts"] <= b["ts"] for a, b in zip(stamped, stamped[1:])))

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
