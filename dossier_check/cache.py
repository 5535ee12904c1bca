"""The user's result cache: owner-only, switchable off, purgeable.

Entries are JSON blobs keyed by a hex digest the caller computes (the page
pixels plus the OCR settings, or a file's bytes plus the tool version). The
folder is ``platformdirs.user_cache_dir('dossier_check')`` unless
``DOSSIER_CHECK_CACHE_DIR`` says otherwise (tests, CI). Directories are
created 0700 and files 0600; writes are atomic (temp file + rename), so a
killed run never leaves a half-written entry.

The root holds a ``CACHEDIR.TAG`` (https://bford.info/cachedir/): backup
tools that honour it leave the clients' OCR text out of backups, and
:func:`purge` removes a folder named by ``DOSSIER_CHECK_CACHE_DIR`` only when
it carries the tag (or is empty), so a mistyped variable never deletes a
home directory.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

from dossier_check.errors import UsageError

ENV_VAR = "DOSSIER_CHECK_CACHE_DIR"
TAG_NAME = "CACHEDIR.TAG"
TAG_TEXT = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by dossier_check (OCR results).\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)


def default_root() -> Path:
    return Path(platformdirs.user_cache_dir("dossier_check", appauthor=False))


def cache_root() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return default_root()


class Cache:
    """A namespace (``ocr``, ``files``) of JSON entries under the cache root."""

    def __init__(self, namespace: str, root: Path | None = None) -> None:
        self.root = root or cache_root()
        self.dir = self.root / namespace

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
            _tag(self.root)
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
        d.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # above the root: ~/.cache
        d.mkdir(mode=0o700, exist_ok=True)
        os.chmod(d, 0o700)
    if root.exists():
        os.chmod(root, 0o700)


def _tag(root: Path) -> None:
    tag = root / TAG_NAME
    if not tag.exists():
        fd = os.open(tag, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(TAG_TEXT)


def purge(root: Path | None = None) -> Path:
    """Remove every cached result; return the folder that was removed.

    Raises :class:`UsageError` (nothing removed) for a folder that is not
    ours: neither tagged, nor the default location, nor empty; and when
    something in it could not be removed.
    """
    target = root or cache_root()
    if not target.exists() and not target.is_symlink():
        return target
    if target.is_symlink() or not target.is_dir():
        raise UsageError(f"{target}: not a cache folder, not removed")
    ours = (target / TAG_NAME).is_file() or target == default_root() or not any(target.iterdir())
    if not ours:
        raise UsageError(
            f"{target}: no {TAG_NAME} in it, so it is not a dossier_check cache: not removed",
            hint=f"check {ENV_VAR}",
        )
    try:
        shutil.rmtree(target)
    except OSError as exc:
        raise UsageError(f"{target}: could not remove everything ({exc.strerror or exc})") from None
    return target
