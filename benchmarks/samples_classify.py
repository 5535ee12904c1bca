"""Classify the committed sample dossiers and compare with their manifests.

    .venv/bin/python benchmarks/samples_classify.py [--no-cache] [--jobs N]

Prints, per type, how many files were tagged right, then each dossier's
exit status against the expected one, and the wall-clock seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier_check import api  # noqa: E402

AS_OF = date(2026, 11, 15)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    options = api.Options(as_of=AS_OF, jobs=args.jobs, use_cache=not args.no_cache)
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: list[str] = []
    started = time.perf_counter()
    nfiles = 0
    outcomes = []
    for manifest_path in sorted((REPO / "samples" / "dossiers").glob("*.manifest.json")):
        name = manifest_path.name.removesuffix(".manifest.json")
        files = json.loads(manifest_path.read_text())["files"]
        expected = {f["path"]: f["expected_type"] for f in files}
        report = api.check_dossier(REPO / "samples" / "dossiers" / name, options)
        for doc in report.documents:
            nfiles += 1
            want = expected.get(doc.path, "?")
            total[want] += 1
            if doc.type == want:
                right[want] += 1
            else:
                wrong.append(f"{name}/{doc.path}: expected {want}, got {doc.type}")
        outcomes.append((name, report.complete))
    seconds = time.perf_counter() - started
    print(f"{'type':24} right/total")
    for t in sorted(total):
        print(f"{t:24} {right[t]}/{total[t]}")
    print(f"overall {sum(right.values())}/{sum(total.values())}")
    for line in wrong:
        print("  MISS", line)
    for name, complete in outcomes:
        print(f"dossier {name}: {'complete' if complete else 'incomplete'}")
    print(
        f"{nfiles} files in {seconds:.1f} s ({seconds / max(nfiles, 1):.2f} s/file, "
        f"jobs={args.jobs}, cache={'off' if args.no_cache else 'on'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
