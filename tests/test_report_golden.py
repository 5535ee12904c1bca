"""Golden files: every format of every sample dossier, byte for byte.

The reports are the hand-built records of ``tests/golden/reports.py`` (no
OCR). Thumbnails are replaced by a fixed stand-in so the files do not depend
on the JPEG encoder; ``test_report_html.py`` checks the real ones. After a
deliberate change, regenerate and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from dossier_check.model import DossierReport
from dossier_check.report import html, junit, letter, text
from dossier_check.report import json as json_report
from tests.conftest import REPO
from tests.golden import reports as R

GOLDEN = REPO / "tests" / "golden"
SCHEMA = json.loads((REPO / "dossier_check" / "report" / "schema_v1.json").read_text())
THUMB = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def fake_thumb(doc: object) -> str:
    return THUMB


def check_golden(name: str, got: str) -> None:
    """Compare ``got`` with ``tests/golden/<name>``; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
        return
    assert path.exists(), f"{path} missing: run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_text(encoding="utf-8")
    if got != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True), got.splitlines(True), str(path), "rendered", n=2
            )
        )
        pytest.fail(f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept):\n{diff}")


Renderer = Callable[[DossierReport, str], str]
FORMATS: dict[str, tuple[str, Renderer]] = {
    "text": ("txt", lambda r, lang: text.render_report(r, lang)),
    "json": ("json", lambda r, lang: json_report.render_report(r, lang)),
    "junit": ("junit.xml", lambda r, lang: junit.render_report(r, lang)),
    "html": ("html", lambda r, lang: html.render_report(r, lang, thumbnailer=fake_thumb)),
    "letter": ("letter.html", lambda r, lang: letter.render_letter(r, lang)),
}
CASES = [(name, fmt, "fr") for name in R.samples() for fmt in FORMATS] + [
    ("to-fix", "letter", "en"),
    ("to-fix", "html", "en"),
    ("complete", "letter", "en"),
]


@pytest.mark.parametrize("name,fmt,lang", CASES)
def test_dossier_matches_golden(name: str, fmt: str, lang: str) -> None:
    report = R.samples()[name]
    ext, render = FORMATS[fmt]
    out = render(report, lang)
    if fmt == "json":
        jsonschema.validate(json.loads(out), SCHEMA)
    suffix = "" if lang == "fr" else f".{lang}"
    check_golden(f"{name}{suffix}.{ext}", out)


BATCH: dict[str, Callable[[list[DossierReport]], str]] = {
    "batch.txt": lambda rs: text.render_batch(rs, "fr"),
    "batch.json": lambda rs: json_report.render_batch(rs, "fr"),
    "batch.junit.xml": lambda rs: junit.render_batch(rs, "fr"),
    "batch.html": lambda rs: html.render_batch(rs, "fr", thumbnailer=fake_thumb),
    "batch.letter.html": lambda rs: letter.render_letters(rs, "fr"),
}


@pytest.mark.parametrize("name", sorted(BATCH))
def test_batch_matches_golden(name: str) -> None:
    out = BATCH[name](R.batch())
    if name.endswith(".json"):
        jsonschema.validate(json.loads(out), SCHEMA)
    check_golden(name, out)


def test_rendering_twice_gives_the_same_bytes() -> None:
    """No clock, no set ordering: a rerun of an unchanged dossier changes nothing."""
    for fmt, (_, render) in FORMATS.items():
        assert render(R.to_fix(), "fr") == render(R.to_fix(), "fr"), fmt


def test_every_golden_file_is_used() -> None:
    """A golden file no test renders any more is stale: delete it."""
    used = {f"{n}{'' if lang == 'fr' else '.' + lang}.{FORMATS[f][0]}" for n, f, lang in CASES}
    used |= set(BATCH)
    on_disk = {p.name for p in GOLDEN.iterdir() if p.is_file() and p.suffix != ".py"}
    assert on_disk - used == set()


def _golden_paths() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if p.is_file() and p.suffix != ".py")


def test_goldens_hold_no_unmasked_identifier() -> None:
    for path in _golden_paths():
        body = path.read_text(encoding="utf-8").replace(" ", "")
        for secret in R.IDENTIFIERS:
            assert secret not in body, f"{path.name} shows {secret}"
