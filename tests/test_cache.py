"""The user cache: owner-only permissions, purge, damaged entries ignored."""

from __future__ import annotations

import stat
from pathlib import Path

from dossier_check.cache import Cache, purge


def test_entries_are_owner_only_and_round_trip(tmp_path: Path):
    cache = Cache("ocr", root=tmp_path / "root")
    cache.put("ab" * 32, {"text": "bonjour"})
    assert cache.get("ab" * 32) == {"text": "bonjour"}
    for path in (tmp_path / "root").rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_damaged_entry_is_a_miss(tmp_path: Path):
    cache = Cache("ocr", root=tmp_path)
    cache.put("cd" * 32, [1])
    next(tmp_path.rglob("*.json")).write_text("{not json")
    assert cache.get("cd" * 32) is None


def test_purge_removes_everything(tmp_path: Path):
    cache = Cache("ocr", root=tmp_path / "root")
    cache.put("ef" * 32, 1)
    purge(tmp_path / "root")
    assert not (tmp_path / "root").exists()
