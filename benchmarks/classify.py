"""Classification accuracy on a generated corpus.

    .venv/bin/python benchmarks/classify.py --seed 41 [--count-per-type K] [--jobs 2]

Generates a corpus from ``--seed`` with samples/generate.py (use a seed the
rules were not tuned on), classifies every file with the OCR cache off, and
prints per-type precision and recall, overall accuracy, accuracy on damaged
vs clean files, the confusion matrix, and how many distractors were tagged
with a type that could satisfy a requirement (the worst error).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier_check import api, doctypes  # noqa: E402
from samples.generate import generate_corpus  # noqa: E402

AS_OF = date(2026, 11, 15)


def _is_damaged(entry: dict) -> bool:
    if "damaged" in entry:
        return bool(entry["damaged"])
    kinds = {d.get("kind") for d in entry.get("damage", [])}
    return bool(
        entry.get("form") in ("phone", "phone_photo")
        or (entry.get("dpi") or 300) <= 150
        or kinds & {"rotate90", "rotate180", "rotate270", "perspective", "phone", "blur"}
        or any(str(k).startswith(("rot", "phone", "persp")) for k in kinds)
    )


def _classify(args: tuple[str, str]) -> tuple[str, tuple[str, float]]:
    rel, path = args
    options = api.Options(as_of=AS_OF, use_cache=False)
    doc = api.analyse_file(rel, Path(path), options)
    return rel, (doc.type, doc.confidence)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=41)
    parser.add_argument("--count-per-type", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="classify an already generated corpus of this seed again",
    )
    args = parser.parse_args()
    corpus = args.out / f"corpus-{args.seed}"
    t0 = time.perf_counter()
    if args.reuse and (corpus / "manifest.json").exists():
        manifest = json.loads((corpus / "manifest.json").read_text())
    else:
        manifest = generate_corpus(
            args.seed, str(corpus), AS_OF, args.count_per_type, jobs=args.jobs
        )
    t1 = time.perf_counter()
    entries = {e["path"]: e for e in manifest["files"]}
    work = [(rel, str(corpus / rel)) for rel in sorted(entries)]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(pool.map(_classify, work))
    t2 = time.perf_counter()
    report(entries, {rel: t for rel, (t, _) in results.items()})
    calibration(entries, results)
    print(
        f"\n{len(work)} files; generation {t1 - t0:.0f} s, classification {t2 - t1:.0f} s "
        f"({(t2 - t1) * args.jobs / max(len(work), 1):.2f} CPU-s/file, jobs={args.jobs})"
    )
    return 0


#: Every type a requirement can ask for: the registered ones (CONTRACT's vocabulary,
#: pinned by tests/test_doctypes.py), unknown aside.
REQUIRED_TYPES = doctypes.TYPE_IDS - {doctypes.UNKNOWN}


#: Confidence bins for the calibration table: a tag's confidence should be about the
#: share of tags in its bin that are right.
BINS = ((0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def calibration(entries: dict[str, dict], results: dict[str, tuple[str, float]]) -> None:
    """Accuracy of the files tagged with a known type, per confidence bin."""
    print("\ncalibration (files tagged with a known type):")
    for lo, hi in BINS:
        tagged = [
            (entries[rel]["expected_type"] == t)
            for rel, (t, c) in results.items()
            if t != "unknown" and lo <= c < hi
        ]
        if tagged:
            print(
                f"  confidence {lo:.1f}-{min(hi, 1.0):.1f}: {sum(tagged)}/{len(tagged)} right "
                f"= {sum(tagged) / len(tagged):.3f}"
            )


def report(entries: dict[str, dict], got: dict[str, str]) -> None:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    split = {"damaged": [0, 0], "clean": [0, 0], "held-out": [0, 0], "seen layouts": [0, 0]}
    distractor_fp = []
    held_misses: Counter[str] = Counter()
    for rel, e in entries.items():
        want, have = e["expected_type"], got[rel]
        confusion[want][have] += 1
        for name in (
            "damaged" if _is_damaged(e) else "clean",
            "held-out" if e.get("held_out") else "seen layouts",
        ):
            split[name][0] += want == have
            split[name][1] += 1
        if want == "unknown" and have in REQUIRED_TYPES:
            shown = "held-out" if e.get("held_out") else e.get("layout")
            distractor_fp.append(f"{rel} ({shown}) -> {have}")
        if want != have and e.get("held_out"):
            held_misses[want] += 1
        if want != have and not e.get("held_out"):  # held-out misses: counted, never shown
            print(
                f"MISS {rel} [{e.get('layout')}, {e.get('form')}, dpi {e.get('dpi')}]: "
                f"expected {want}, got {have}"
            )
    types = sorted(set(confusion) | {t for c in confusion.values() for t in c})
    print(f"\n{'type':24} {'precision':>9} {'recall':>7} {'n':>4}")
    for t in types:
        tp = confusion[t][t]
        predicted = sum(c[t] for c in confusion.values())
        actual = sum(confusion[t].values())
        prec = tp / predicted if predicted else float("nan")
        rec = tp / actual if actual else float("nan")
        print(f"{t:24} {prec:9.3f} {rec:7.3f} {actual:4d}")
    right = sum(confusion[t][t] for t in confusion)
    total = sum(sum(c.values()) for c in confusion.values())
    print(f"\noverall accuracy {right}/{total} = {right / total:.3f}")
    for name, (r, n) in split.items():
        if n:
            print(f"{name:8} accuracy {r}/{n} = {r / n:.3f}")
    d, c = split["damaged"], split["clean"]
    if d[1] and c[1]:
        print(f"damaged - clean = {d[0] / d[1] - c[0] / c[1]:+.3f}")
    if held_misses:
        print(
            "held-out misses per expected type (counts only): "
            + ", ".join(f"{t} {n}" for t, n in sorted(held_misses.items()))
        )
    n_distractors = sum(confusion["unknown"].values())
    print(f"distractors tagged as a required type: {len(distractor_fp)}/{n_distractors}")
    for line in distractor_fp:
        print("  ", line)
    print("\nconfusion (rows expected, columns got):")
    short = {t: t[:6] for t in types}
    print(" " * 22 + " ".join(f"{short[t]:>6}" for t in types))
    for t in types:
        print(f"{t:22}" + " ".join(f"{confusion[t][c] or '.':>6}" for c in types))
    print(json.dumps({"accuracy": right / total, "n": total}))


if __name__ == "__main__":
    raise SystemExit(main())
