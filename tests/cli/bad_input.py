#!/usr/bin/env python3
"""Bad input to the `terrarium` command: each case must give a clear message on stderr and a
non-zero exit status, never a crash, a hang or a C++ diagnostic. Ends with "N passed, N failed".
"""
import argparse
import pathlib
import socket
import subprocess
import sys
import tempfile
import time

CRASH_SIGNS = ("terminate called", "Segmentation", "Aborted", "AddressSanitizer", "runtime error:")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--terrarium", required=True)
    binary = str(pathlib.Path(ap.parse_args().terrarium).resolve())
    tmp = pathlib.Path(tempfile.mkdtemp())
    (tmp / "syntax.py").write_text("x = = 1\n")
    (tmp / "unreachable.py").write_text("match 1:\n    case x:\n        pass\n    case 2:\n        pass\n")
    (tmp / "web").mkdir()
    (tmp / "web" / "index.html").write_text("<!doctype html><title>t</title>")

    # A port that is certainly taken for the duration of the test.
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen(1)
    busy_port = busy.getsockname()[1]

    cases = [
        ("unknown flag", [binary, "--frobnicate"], "frobnicate", None),
        ("unknown subcommand", [binary, "launch"], "launch", None),
        ("no subcommand", [binary], "no command given", 2),
        ("missing file", [binary, "run", str(tmp / "missing.py")], "can't open file", 2),
        ("run without a file", [binary, "run"], "give a FILE", 2),
        ("dis of a missing file", [binary, "dis", str(tmp / "missing.py")], "can't open file", 2),
        ("syntax error", [binary, "run", str(tmp / "syntax.py")], "SyntaxError: invalid syntax", 1),
        ("compile-time error", [binary, "run", str(tmp / "unreachable.py")],
         "SyntaxError: name capture 'x' makes remaining patterns unreachable", 1),
        ("dis of a syntax error", [binary, "dis", str(tmp / "syntax.py")], "SyntaxError", 1),
        ("port already in use", [binary, "serve", "--port", str(busy_port), "--root", str(tmp / "web")],
         "address already in use", 1),
        ("bad port", [binary, "serve", "--port", "99999"], "99999", None),
        ("missing web root", [binary, "serve", "--port", "0", "--root", str(tmp / "nope")], "does not exist", 1),
    ]
    passed = failed = 0
    for name, cmd, expect, status in cases:
        try:
            proc = run(cmd)
        except subprocess.TimeoutExpired:
            print(f"FAIL {name}: hung")
            failed += 1
            continue
        problems = []
        if proc.returncode == 0 or proc.returncode < 0:
            problems.append(f"exit status {proc.returncode}")
        if status is not None and proc.returncode != status:
            problems.append(f"exit status {proc.returncode}, expected {status}")
        if expect not in proc.stderr:
            problems.append(f"stderr lacks {expect!r}: {proc.stderr!r}")
        if any(sign in proc.stderr for sign in CRASH_SIGNS):
            problems.append(f"crash output: {proc.stderr!r}")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"PASS {name}: {proc.stderr.strip().splitlines()[-1]}")
    busy.close()

    # Serving, then SIGINT: a clean exit 0 (the playground's normal stop).
    server = subprocess.Popen([binary, "serve", "--port", "0", "--root", str(tmp / "web")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    server.send_signal(2)
    try:
        code = server.wait(timeout=10)
        ok = "http://127.0.0.1:" in line and code == 0
    except subprocess.TimeoutExpired:
        server.kill()
        ok, code = False, "hung"
    print(f"{'PASS' if ok else 'FAIL'} serve stops on SIGINT: {line.strip()} (exit {code})")
    passed += ok
    failed += not ok
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
