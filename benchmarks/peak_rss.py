"""Peak memory of a command and every process under it (Linux /proc).

Samples the process tree every ``--interval`` seconds and reports the peak of
the summed resident set (RSS: pages shared by forked workers are counted in
each, an upper bound) and of the summed proportional set (PSS: shared pages
split between the processes that share them, the figure that adds up), and
the largest single process. ``getrusage`` cannot give this: its
``RUSAGE_CHILDREN`` figure is the largest single child, not the sum.

    .venv/bin/python -m tests.bad_inputs /tmp/bad && cp samples/dossiers/complete/* /tmp/bad/
    .venv/bin/python benchmarks/peak_rss.py -- \\
        .venv/bin/dossier-check check /tmp/bad --no-cache --jobs 2 --format json
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


def tree(pid: int) -> list[int]:
    """``pid`` and all its descendants alive now."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def _kib(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def measure(command: list[str], interval: float = 0.02) -> dict[str, float]:
    """Run ``command`` (output discarded) and return its peak memory figures."""
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak_rss = peak_pss = peak_one = peak_procs = 0
    while proc.poll() is None:
        pids = tree(proc.pid)
        rss = [_kib(f"/proc/{p}/status", "VmRSS:") for p in pids]
        pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
        peak_rss = max(peak_rss, sum(rss))
        peak_pss = max(peak_pss, pss)
        peak_one = max(peak_one, max(rss, default=0))
        peak_procs = max(peak_procs, len(pids))
        time.sleep(interval)
    return {
        "exit": proc.returncode,
        "seconds": time.monotonic() - started,
        "processes": peak_procs,
        "rss_mib": peak_rss / 1024,
        "pss_mib": peak_pss / 1024,
        "largest_mib": peak_one / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interval", type=float, default=0.02)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --")
    m = measure(command, args.interval)
    print(f"exit status        {m['exit']}")
    print(f"seconds            {m['seconds']:.1f}")
    print(f"processes at once  {m['processes']}")
    print(f"peak summed RSS    {m['rss_mib']:.0f} MiB")
    print(f"peak summed PSS    {m['pss_mib']:.0f} MiB")
    print(f"largest process    {m['largest_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
