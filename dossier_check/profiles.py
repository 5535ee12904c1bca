"""Requirement profiles: ``requirements/*.toml`` parsed into typed objects.

Parsing is strict: an unknown key (with a "did you mean"), an unknown rule
kind, type id or status, or a duplicate id is a :class:`ProfileError` naming
the file and the key. A skipped requirement would pass an incomplete
dossier, so nothing is silently ignored.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier_check.errors import ProfileError
from dossier_check.model import Status

ENV_VAR = "DOSSIER_CHECK_REQUIREMENTS"
_PROFILE_KEYS = {"id", "title", "situations"}
_REQ_KEYS = {
    "id",
    "kind",
    "types",
    "absent",
    "applies_when",
    "not_applicable_when",
    "note",
    "rule",
}
_TOP_KEYS = {"profile", "thresholds", "requirement"}


@dataclass(frozen=True)
class Requirement:
    id: str
    kind: str
    types: tuple[str, ...]
    absent: Status
    applies_when: tuple[str, ...] = ()  # not_applicable unless one of these situations holds
    not_applicable_when: tuple[str, ...] = ()
    rule: str | None = None  # the DOMAIN.md rule id an absent document breaks


@dataclass(frozen=True)
class Profile:
    id: str
    title: dict[str, str]
    situations: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    thresholds: dict[str, Any] = field(default_factory=dict, hash=False)
    path: Path | None = None

    def threshold(self, name: str, default: Any) -> Any:
        return self.thresholds.get(name, default)


def requirements_dir() -> Path:
    """``$DOSSIER_CHECK_REQUIREMENTS``, else the checkout's ``requirements/``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "requirements"


def available() -> dict[str, Path]:
    """Profile id -> file, for every profile TOML in the requirements folder."""
    out: dict[str, Path] = {}
    folder = requirements_dir()
    for path in sorted(folder.glob("*.toml")):
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError):
            continue
        if isinstance(data.get("profile"), dict) and "requirement" in data:
            out[str(data["profile"].get("id", path.stem))] = path
    return out


def load(profile_id: str) -> Profile:
    profiles = available()
    if profile_id not in profiles:
        raise ProfileError(
            f"unknown profile {profile_id!r}",
            hint=f"available profiles: {', '.join(sorted(profiles)) or 'none'} "
            f"(in {requirements_dir()})",
        )
    return load_file(profiles[profile_id])


def load_file(path: Path) -> Profile:
    from dossier_check.doctypes import TYPE_IDS
    from dossier_check.rules import RULE_KINDS

    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from exc
    _check_keys(path, "", data, _TOP_KEYS)
    head = data.get("profile")
    if not isinstance(head, dict):
        raise ProfileError(f"{path}: missing [profile] table")
    _check_keys(path, "profile.", head, _PROFILE_KEYS)
    situations = tuple(head.get("situations", []))
    reqs: list[Requirement] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("requirement", [])):
        where = f"requirement[{i}]"
        _check_keys(path, where + ".", raw, _REQ_KEYS)
        rid = raw.get("id")
        if not rid:
            raise ProfileError(f"{path}: {where} has no id")
        if rid in seen:
            raise ProfileError(f"{path}: duplicate requirement id {rid!r}")
        seen.add(rid)
        kind = raw.get("kind", "")
        if kind not in RULE_KINDS:
            raise ProfileError(
                f"{path}: {where}.kind: unknown rule kind {kind!r}"
                + _did_you_mean(kind, RULE_KINDS)
            )
        for t in raw.get("types", []):
            if t not in TYPE_IDS:
                raise ProfileError(
                    f"{path}: {where}.types: unknown type id {t!r}" + _did_you_mean(t, TYPE_IDS)
                )
        try:
            absent = Status(raw.get("absent", "missing"))
        except ValueError:
            raise ProfileError(
                f"{path}: {where}.absent: unknown status {raw.get('absent')!r}"
                + _did_you_mean(str(raw.get("absent")), {s.value for s in Status})
            ) from None
        for key in ("applies_when", "not_applicable_when"):
            for s in raw.get(key, []):
                if s not in situations:
                    raise ProfileError(
                        f"{path}: {where}.{key}: situation {s!r} is not in profile.situations"
                    )
        reqs.append(
            Requirement(
                id=rid,
                kind=kind,
                types=tuple(raw.get("types", [])),
                absent=absent,
                applies_when=tuple(raw.get("applies_when", [])),
                not_applicable_when=tuple(raw.get("not_applicable_when", [])),
                rule=raw.get("rule"),
            )
        )
    if not reqs:
        raise ProfileError(f"{path}: no [[requirement]] entries")
    return Profile(
        id=str(head.get("id", path.stem)),
        title=dict(head.get("title", {})),
        situations=situations,
        requirements=tuple(reqs),
        thresholds=dict(data.get("thresholds", {})),
        path=path,
    )


def _check_keys(path: Path, prefix: str, table: dict[str, Any], allowed: set[str]) -> None:
    for key in table:
        if key not in allowed:
            raise ProfileError(f"{path}: unknown key {prefix}{key}" + _did_you_mean(key, allowed))


def _did_you_mean(word: str, options: Any) -> str:
    close = difflib.get_close_matches(word, sorted(options), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
