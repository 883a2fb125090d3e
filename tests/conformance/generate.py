#!/usr/bin/env python3
"""Writes the expected output of every conformance script by running it under CPython 3.11
(`python3`), from the script's own folder so file names in tracebacks match:
NAME.out (stdout), plus NAME.err (stderr) and NAME.status (exit status) when the program
fails (with the script's folder written as {DIR}). Never edit those files by hand: change the script and run this again.
"""
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main() -> int:
    if sys.version_info[:2] != (3, 11):
        print(f"generate.py needs CPython 3.11 as python3, found {sys.version.split()[0]}")
        return 1
    scripts = sorted(p for p in HERE.rglob("*.py") if p.parent != HERE)
    for script in scripts:
        proc = subprocess.run([sys.executable, script.name], cwd=script.parent, capture_output=True, timeout=60)
        base = script.with_suffix("")
        base.with_suffix(".out").write_bytes(proc.stdout)
        # CPython names the script by its absolute path; keep the files clone-independent.
        proc.stderr = proc.stderr.replace(str(script.parent).encode() + b"/", b"{DIR}/")
        for suffix, content in ((".err", proc.stderr), (".status", f"{proc.returncode}\n".encode())):
            path = base.with_suffix(suffix)
            if proc.returncode != 0 or proc.stderr:
                path.write_bytes(content)
            elif path.exists():
                path.unlink()
    print(f"wrote expected output for {len(scripts)} scripts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
