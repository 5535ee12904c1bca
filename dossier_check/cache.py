"""The user's result cache: owner-only, switchable off, purgeable.

Entries are JSON blobs keyed by a hex digest the caller computes (the page
pixels plus the OCR settings, or a file's bytes plus the tool version). The
folder is ``platformdirs.user_cache_dir('dossier_check')`` unless
``DOSSIER_CHECK_CACHE_DIR`` says otherwise (tests, CI). Directories are
created 0700 and files 0600; writes are atomic (temp file + rename), so a
killed run never leaves a half-written entry.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

ENV_VAR = "DOSSIER_CHECK_CACHE_DIR"


def cache_root() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("dossier_check", appauthor=False))


class Cache:
    """A namespace (``ocr``, ``files``) of JSON entries under the cache root."""

    def __init__(self, namespace: str, root: Path | None = None) -> None:
        self.dir = (root or cache_root()) / namespace

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        path = self._path(key)
        try:
            with path.open("r", encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            return None  # absent or damaged: recompute

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            _make_private_dirs(path.parent)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(value, fh, ensure_ascii=False, separators=(",", ":"))
                os.chmod(tmp, 0o600)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk only costs speed, never the run


def _make_private_dirs(path: Path) -> None:
    """Create ``path`` and its missing parents up to the cache root as 0700."""
    root = cache_root()
    missing: list[Path] = []
    p = path
    while not p.exists():
        missing.append(p)
        if p == root or p.parent == p:
            break
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=0o700, exist_ok=True)
        os.chmod(d, 0o700)
    if root.exists():
        os.chmod(root, 0o700)


def purge(root: Path | None = None) -> Path:
    """Remove every cached result; return the folder that was removed."""
    target = root or cache_root()
    shutil.rmtree(target, ignore_errors=True)
    return target
