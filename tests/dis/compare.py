#!/usr/bin/env python3
"""Compares `terrarium dis FILE` with `python3 -m dis FILE` (CPython 3.11).

Default: every conformance script that CPython can compile must disassemble to exactly the
same text; the test fails otherwise. The same text is also asked of the `dis` module
running inside Terrarium (core/pylib/dis.py), so the C++ disassembler and the Python one
cannot drift apart. With --report DIR..., prints for each folder the share
of code objects whose instruction listing is identical (the dis fidelity figure) and never
fails. A code object's listing is its block of `dis` output (module, then each
"Disassembly of <code object ...>" section), with object addresses masked.
Ends with "N passed, N failed".
"""
import argparse
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ADDRESS = re.compile(rb" at 0x[0-9a-f]+")
FROZENSET = re.compile(rb"frozenset\(\{(.*?)\}\)")


def sorted_frozenset(match):
    # str hashes are randomised per process in CPython, so the order of a frozenset
    # constant's items is not part of what dis fidelity can compare.
    return b"frozenset({" + b", ".join(sorted(match.group(1).split(b", "))) + b"})"


def dis_text(cmd, script):
    args = cmd(script) if callable(cmd) else cmd + [script.name]
    proc = subprocess.run(args, cwd=script.parent, capture_output=True, timeout=60)
    return proc.returncode, FROZENSET.sub(sorted_frozenset, ADDRESS.sub(b" at 0x?", proc.stdout))


def pylib_dis_cmd(terrarium):
    """`terrarium run -c ...` doing what `python3 -m dis FILE` does, with the dis module."""
    def cmd(script):
        # The source travels inside the program: Terrarium has no open() yet.
        source = script.read_text(encoding="utf-8")
        program = f"import dis; dis.dis(compile({source!r}, {script.name!r}, 'exec'))"
        return [terrarium, "run", "-c", program]
    return cmd


def code_objects(text):
    parts = re.split(rb"\n(?=Disassembly of <code object)", text)
    return [p.strip(b"\n") for p in parts]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--terrarium", required=True)
    ap.add_argument("--report", nargs="*", help="folders to report fidelity for")
    args = ap.parse_args()
    ours = [str(pathlib.Path(args.terrarium).resolve()), "dis"]
    theirs = [sys.executable, "-m", "dis"]
    passed = failed = 0
    if args.report is not None:
        for folder in args.report:
            same = total = 0
            for script in sorted(pathlib.Path(folder).rglob("*.py")):
                status, expected = dis_text(theirs, script)
                if status != 0:
                    continue
                _, got = dis_text(ours, script)
                want_parts, got_parts = code_objects(expected), code_objects(got)
                total += len(want_parts)
                same += sum(1 for w in want_parts if w in got_parts)
            share = 100.0 * same / total if total else 0.0
            print(f"dis fidelity {folder}: {same}/{total} code objects identical ({share:.1f}%)")
        return 0
    pylib = pylib_dis_cmd(ours[0])
    for script in sorted((ROOT / "tests/conformance").rglob("*.py")):
        if script.parent == ROOT / "tests/conformance":
            continue
        status, expected = dis_text(theirs, script)
        if status != 0:
            continue  # CPython rejects it (a syntax-error test): nothing to compare
        name = script.relative_to(ROOT)
        for label, cmd in (("terrarium dis", ours), ("terrarium dis.dis()", pylib)):
            _, got = dis_text(cmd, script)
            if got == expected:
                passed += 1
                print(f"PASS {name} ({label})")
                continue
            failed += 1
            print(f"FAIL {name} ({label})")
            import difflib
            for line in difflib.unified_diff(expected.decode().splitlines(), got.decode().splitlines(),
                                             "python3 -m dis", label, lineterm="", n=2):
                print("   ", line)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
