"""The per-file result cache (issue 6): a re-run reads no page again, and never serves
a result for other bytes, other settings or a machine-dependent outcome."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dossier_check import api, results
from dossier_check.cache import Cache
from dossier_check.limits import Limits
from dossier_check.model import Finding, Severity
from dossier_check.report import json as json_report

REPO = Path(__file__).resolve().parent.parent
COMPLETE = REPO / "samples" / "dossiers" / "complete"
AS_OF = date(2026, 11, 15)


@pytest.fixture()
def dossier(tmp_path: Path) -> Path:
    target = tmp_path / "client"
    shutil.copytree(COMPLETE, target)
    return target


@pytest.fixture()
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("DOSSIER_CHECK_CACHE_DIR", str(root))
    return root


def _refuse(*args: object) -> None:
    raise AssertionError("a cached file was analysed again")


def test_a_rerun_reads_no_page_and_reports_the_same(
    dossier: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch
):
    options = api.Options(as_of=AS_OF, jobs=1)
    first = api.check_dossier(dossier, options)
    stored = list((cache_root / "files").rglob("*.json"))
    assert len(stored) == len(first.documents)
    # no worker, no analysis: the pool is never started when every file is stored
    monkeypatch.setattr("dossier_check.api._pool_for", _refuse)
    again = api.check_dossier(dossier, options)
    assert json_report.render_report(again) == json_report.render_report(first)
    assert again.complete


def test_a_renamed_copy_hits_and_changed_bytes_miss(dossier: Path, cache_root: Path):
    stored = results.FileResults(AS_OF, Limits(), debug=False)
    some = sorted(p for p in dossier.iterdir() if p.is_file())[0]
    copy = dossier.parent / "renamed.bin"
    shutil.copy(some, copy)
    assert stored.key(copy) == stored.key(some)
    copy.write_bytes(copy.read_bytes() + b"\0")
    assert stored.key(copy) != stored.key(some)


def test_settings_are_part_of_the_key(dossier: Path, cache_root: Path):
    some = sorted(p for p in dossier.iterdir() if p.is_file())[0]
    base = results.FileResults(AS_OF, Limits(), debug=False).key(some)
    assert results.FileResults(date(2026, 1, 2), Limits(), debug=False).key(some) != base
    assert results.FileResults(AS_OF, Limits(max_pages=3), debug=False).key(some) != base
    assert results.FileResults(AS_OF, Limits(), debug=True).key(some) != base


def test_machine_dependent_outcomes_are_not_stored(dossier: Path, cache_root: Path):
    some = sorted(p for p in dossier.iterdir() if p.is_file())[0]
    doc = api.analyse_file(some.name, some, api.Options(as_of=AS_OF))
    stored = results.FileResults(AS_OF, Limits(), debug=False)
    key = stored.key(some)
    assert key is not None
    late = replace(doc, problems=(*doc.problems, Finding("time_limit", Severity.WARNING)))
    stored.put(key, late)
    assert stored.get(key, some.name, some) is None
    stored.put(key, doc)
    back = stored.get(key, "elsewhere/" + some.name, some)
    assert back is not None and back.path == "elsewhere/" + some.name
    assert replace(back, source=replace(back.source, path=doc.path)) == doc


def test_a_damaged_entry_is_analysed_again(dossier: Path, cache_root: Path):
    some = sorted(p for p in dossier.iterdir() if p.is_file())[0]
    stored = results.FileResults(AS_OF, Limits(), debug=False)
    key = stored.key(some)
    assert key is not None
    Cache("files").put(key, {"source": "not a document"})
    assert stored.get(key, some.name, some) is None


def test_no_cache_stores_nothing(dossier: Path, cache_root: Path):
    api.check_dossier(dossier, api.Options(as_of=AS_OF, use_cache=False))
    assert not (cache_root / "files").exists()
    assert not (cache_root / "ocr").exists()
