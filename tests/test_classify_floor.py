"""Accuracy floor on a small fixed-seed generated corpus (issue 3).

benchmarks/classify.py gives the figure on large fresh-seed corpora; this
test keeps a generator or classifier change from silently lowering it: it
fails when accuracy on seed 5 (one file per type, 21 files) drops more than 3
points below BENCHMARK_ACCURACY, or when a distractor is tagged with a type that
could satisfy a requirement. At the benchmark's 0.989 a single miss (0.952) is
already more than 3 points below, so any miss fails; the corpus and the code are
fixed, so the result is deterministic, not flaky.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from dossier_check import api
from samples.generate import generate_corpus

pytestmark = [pytest.mark.tesseract, pytest.mark.slow]

AS_OF = date(2026, 11, 15)
#: The benchmark's overall accuracy: benchmarks/classify.py --seed 9647 --count-per-type 30
#: --jobs 2 gave 454/459 = 0.989 (2026-11-23, commit c7dee68).
BENCHMARK_ACCURACY = 0.989
FLOOR = BENCHMARK_ACCURACY - 0.03


def _classify(path: str) -> str:
    return api.analyse_file(
        Path(path).name, Path(path), api.Options(as_of=AS_OF, use_cache=False)
    ).type


def test_fixed_seed_corpus_stays_above_the_floor(tmp_path: Path):
    manifest = generate_corpus(5, str(tmp_path / "corpus"), AS_OF, 1, jobs=2)
    files = manifest["files"]
    with ProcessPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(_classify, [str(tmp_path / "corpus" / f["path"]) for f in files]))
    pairs = [(f["expected_type"], g, f["path"]) for f, g in zip(files, got, strict=True)]
    misses = [p for p in pairs if p[0] != p[1]]
    accuracy = 1 - len(misses) / len(pairs)
    assert accuracy >= FLOOR, f"accuracy {accuracy:.3f} < {FLOOR:.3f}: {misses}"
    assert not [p for p in pairs if p[0] == "unknown" and p[1] != "unknown"], misses
