#!/usr/bin/env python3
"""The hostile drafts of docs/drafts-and-changes.md, "Limits", each built as a text of two
versions by the real binary: wall seconds and peak memory of each build, against the target of
under 2 s and 300 MB. The same drafts as tests/unit/hostile_drafts_test.cpp, which checks what
the pages say; the 1.65 MB draft here is the size the target names (the test's is twice that).

usage: bench/hostile_drafts.py [travaux binary] [runs]   (default build/travaux, 3 runs; medians)
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TRAVAUX = sys.argv[1] if len(sys.argv) > 1 else "build/travaux"
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def nested_emphasis(depth):
    return "*a **a " * depth + "core" + " a** a*" * depth + "\n"


def numbered(size, changed_at):
    lines, n, total = [], 1, 0
    while total < size:
        line = f"{n}. {'Longer' if n == changed_at else 'Short'} text.\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)


def every_paragraph_changed(extra):
    return "".join(f"{i}. Paragraph {i} says w{i * 7} and v{i * 13} about the shared river basin{extra}.\n"
                   for i in range(1, 10001))


quotes = "## Quotes\n\n" + "> " * 300000 + "deep words\n"
lists = "## Lists\n\n" + "- " * 30000 + "x\n\n" + "1. " * 30000 + "y\n"
CASES = [
    ("300,000 nested >", quotes, quotes + "\n1. Added after.\n"),
    ("30,000 nested list markers", lists, "## Lists\n\nNothing left.\n"),
    ("70 KB of nested emphasis", "1. " + nested_emphasis(5000), "1. " + nested_emphasis(5000).replace("core", "heart")),
    ("140 KB of nested emphasis", "1. " + nested_emphasis(10000), "1. " + nested_emphasis(10000) + "\n2. One more.\n"),
    ("1.65 MB of short numbered paragraphs", numbered(1650000, 0), numbered(1650000, 40000)),
    ("10,000 paragraphs, every one changed", every_paragraph_changed(""), every_paragraph_changed(" again")),
]


def write_archive(root, before, after):
    os.makedirs(os.path.join(root, "drafts"))
    with open(os.path.join(root, "archive.toml"), "w") as f:
        f.write('title = "Hostile drafts"\n')
    for name, title, date, version, body in (("zero", "Zero", "2018-02-05", 1, before),
                                             ("rev-1", "Rev 1", "2018-03-05", 2, after)):
        with open(os.path.join(root, "drafts", name + ".md"), "w") as f:
            f.write(f'+++\ntitle = "{title}"\ndate = {date}\nversion = {version}\n+++\n{body}')


def build(content, out):
    """Wall seconds, peak resident MB and exit code of one build."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.monotonic()
    child = subprocess.Popen([TRAVAUX, "build", "--content", content, "--out", out, "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return time.monotonic() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main():
    print(f"hostile drafts, two versions each, built by {TRAVAUX}; median of {RUNS} runs; target < 2 s and < 300 MB")
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, before, after) in enumerate(CASES):
            content, out = os.path.join(tmp, f"c{n}"), os.path.join(tmp, f"o{n}")
            write_archive(content, before, after)
            runs = [build(content, out) for _ in range(RUNS)]
            wall = statistics.median(r[0] for r in runs)
            peak = statistics.median(r[1] for r in runs)
            codes = {r[2] for r in runs}
            verdict = "met" if wall < 2 and peak < 300 and codes == {0} else "NOT met"
            size = (len(before) + len(after)) / 1024
            print(f"{name:40} {size:8.0f} KB  {wall:5.2f} s  {peak:6.0f} MB  exit {','.join(map(str, codes))}  {verdict}")


if __name__ == "__main__":
    main()
