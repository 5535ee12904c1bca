"""``requirements/legalisation.toml``: what a foreign civil-status act needs (R-APO-2).

Loaded strictly: an unknown key or status is a ProfileError naming the file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dossier_check.errors import ProfileError
from dossier_check.profiles import requirements_dir

STATUSES = frozenset({"apostille", "legalisation", "exempt"})
_KEYS = {"code", "status", "from", "until", "source"}


@dataclass(frozen=True)
class Entry:
    code: str
    status: str
    start: date | None
    end: date | None
    source: str


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> tuple[Entry, ...]:
    path = path or requirements_dir() / "legalisation.toml"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read the legalisation table: {exc}") from exc
    entries: list[Entry] = []
    for i, raw in enumerate(data.get("state", [])):
        unknown = set(raw) - _KEYS
        if unknown:
            raise ProfileError(f"{path}: state[{i}]: unknown key {sorted(unknown)[0]!r}")
        if raw.get("status") not in STATUSES:
            raise ProfileError(f"{path}: state[{i}].status must be one of {sorted(STATUSES)}")
        if not raw.get("source"):
            raise ProfileError(f"{path}: state[{i}] has no source")
        codes = raw["code"] if isinstance(raw["code"], list) else [raw["code"]]
        for code in codes:
            entries.append(
                Entry(
                    code,
                    raw["status"],
                    _date(raw.get("from")),
                    _date(raw.get("until")),
                    raw["source"],
                )
            )
    return tuple(entries)


def _date(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def status(code: str | None, on: date, path: Path | None = None) -> str:
    """'apostille', 'legalisation', 'exempt' or 'unknown' for ``code`` on ``on``."""
    if not code:
        return "unknown"
    for e in load(path):
        if e.code == code and (e.start is None or e.start <= on) and (e.end is None or on <= e.end):
            return e.status
    return "unknown"
