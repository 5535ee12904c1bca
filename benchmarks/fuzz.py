"""Long fuzz run: mutated sample PDFs and images through ingest and classification.

Each case takes a valid seed (the committed sample scans and made PDFs, PNG,
JPEG, CMYK JPEG, 16-bit PNG, GIF, TIFF, WebP and HEIC files), damages it
(``tests.bad_inputs.mutate``: bit flips, odd bytes, truncation, spliced
chunks, cut or repeated runs, PDF numbers made extreme), writes it to a
temporary file and runs ``open_source`` -> ``iter_pages`` -> photo measures
-> ``doctypes.identify``, without OCR, in a killable worker
(``dossier_check.workers``). Counted:

- unhandled: an exception escaped the stages (in a real run it would be an
  ``internal_error`` finding instead of a proper one);
- timed out: a case over ``--timeout`` seconds (its worker is killed);
- crashed: the worker died (segfault, abort);
- "no page and no finding": a file that gave nothing without saying why
  (counted with the unhandled ones).

The first input of each distinct failure is saved under ``--out`` to
reproduce it. Cases are drawn from ``random.Random(--seed)``, so a run is
repeatable. A figure, never a timed test::

    .venv/bin/python benchmarks/fuzz.py --minutes 30 --seed 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_check.workers import TaskFailed, WorkerPool  # noqa: E402
from tests.bad_inputs import analyse_without_ocr, fuzz_seeds, mutate  # noqa: E402

SUFFIXES = (".pdf", ".jpg", ".png", ".gif", ".tiff", ".webp", ".heic", "")


def run_case(data: bytes, suffix: str) -> tuple[str, str] | None:
    """Run one case in a worker: None, or (signature, traceback) of what escaped."""
    fd, name = tempfile.mkstemp(prefix="fuzz-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        source, _ = analyse_without_ocr(Path(name), "case" + suffix)
        if not source.pages and not source.problems:
            return "no page and no finding", ""
        return None
    except Exception as exc:  # noqa: BLE001 - this is what we count
        frames = traceback.extract_tb(exc.__traceback__)
        where = frames[-1] if frames else None
        place = f"{Path(where.filename).name}:{where.lineno}" if where else "?"
        return f"{type(exc).__name__} at {place}", traceback.format_exc()
    finally:
        os.unlink(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--batch", type=int, default=40, help="cases per wave")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out/fuzz"))
    parser.add_argument("--small", action="store_true", help="only seeds under 50 KB")
    args = parser.parse_args(argv)

    seeds = fuzz_seeds(small=args.small)
    names = sorted(seeds)
    blobs = [seeds[n] for n in names]
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    failures: Counter[str] = Counter()
    saved: set[str] = set()
    cases = 0
    started = time.monotonic()
    deadline = started + args.minutes * 60
    next_report = started + 60
    with WorkerPool(args.jobs, timeout=args.timeout, memory_mib=1536) as pool:
        while time.monotonic() < deadline:
            wave = []
            for _ in range(args.batch):
                seed_name = rng.choice(names)
                data = mutate(seeds[seed_name], rng, blobs)
                suffix = Path(seed_name).suffix.lower() if rng.random() < 0.8 else ""
                if rng.random() < 0.1:
                    suffix = rng.choice(SUFFIXES)
                wave.append((cases + len(wave), seed_name, data, suffix))
            outcomes = pool.run(run_case, [(data, suffix) for _, _, data, suffix in wave])
            for (index, seed_name, data, suffix), outcome in zip(wave, outcomes, strict=True):
                if outcome is None:
                    continue
                if isinstance(outcome, TaskFailed):
                    signature, detail = f"{outcome.code} {outcome.params}", ""
                else:
                    signature, detail = outcome
                failures[signature] += 1
                if signature not in saved:
                    saved.add(signature)
                    stem = f"case{index:07d}-{Path(seed_name).stem}"
                    (args.out / f"{stem}{suffix or '.bin'}").write_bytes(data)
                    (args.out / f"{stem}.txt").write_text(f"{signature}\n\n{detail}")
            cases += len(wave)
            now = time.monotonic()
            if now >= next_report:
                rate = cases / (now - started)
                print(
                    f"{(now - started) / 60:5.1f} min  {cases} cases  {rate:.1f}/s  "
                    f"failures {sum(failures.values())}",
                    flush=True,
                )
                next_report = now + 60
    elapsed = time.monotonic() - started
    crashes = ("timed_out", "worker_")
    summary = {
        "cases": cases,
        "seconds": round(elapsed, 1),
        "seed": args.seed,
        "seeds": names,
        "unhandled": sum(n for s, n in failures.items() if not s.startswith(crashes)),
        "timed_out": sum(n for s, n in failures.items() if s.startswith("timed_out")),
        "crashed": sum(n for s, n in failures.items() if s.startswith("worker_")),
        "failures": dict(failures.most_common()),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
