"""Bounded fuzzing: damaged copies of valid PDFs and images never make a stage raise.

Hypothesis picks a seed file (made PDFs and images, and the committed sample
scans under 50 KB) and drives ``tests.bad_inputs.mutate`` (bit flips, odd
bytes, truncation, spliced chunks, cut or repeated runs, PDF numbers made
extreme); the result goes through ingest and classification without OCR.
A few hundred cases, well under a minute; ``benchmarks/fuzz.py`` is the
long run of the same thing.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier_check.ingest import Limits
from tests.bad_inputs import analyse_without_ocr, fuzz_seeds, mutate

SEEDS = fuzz_seeds(small=True)
NAMES = sorted(SEEDS)
BLOBS = [SEEDS[n] for n in NAMES]
LIMITS = Limits(seconds_per_file=5, max_pages=3, max_pixels=20_000_000)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    name=st.sampled_from(NAMES),
    rng=st.randoms(use_true_random=False),
    suffix=st.sampled_from(["", ".pdf", ".jpg", ".png", ".heic", ".tiff", ".gif"]),
    keep_suffix=st.booleans(),
)
def test_mutated_files_never_raise(
    name: str, rng: random.Random, suffix: str, keep_suffix: bool
) -> None:
    data = mutate(SEEDS[name], rng, BLOBS)
    ext = Path(name).suffix.lower() if keep_suffix else suffix
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{ext}"
        path.write_bytes(data)

        source, identified = analyse_without_ocr(path, path.name, LIMITS)

    assert source.size == len(data)
    assert len(source.pages) <= LIMITS.max_pages
    assert identified.classification.type
    if not source.pages:
        assert source.problems, "a file with no page says why"
