"""Document types: one module per contract type id, discovered automatically.

A type module defines:

- ``TYPE_ID``: its id in CONTRACT.md's closed vocabulary;
- ``detect(signals) -> Classification | None``: a score in [0, 1] from what
  the document must carry (DOMAIN.md §12), with evidence a person can read;
- ``extract(signals) -> (fields, problems)`` (optional): the fields that the
  rules need, JSON-ready (dates as ISO strings).

Adding a type is adding one module here and listing it in the contract.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from dossier_check.model import Classification, Finding, Severity
from dossier_check.signals import Signals

UNKNOWN = "unknown"
#: Below this, a file is ``unknown``: a wrong tag is worse than none.
THRESHOLD = 0.5

Extractor = Callable[[Signals], tuple[dict[str, Any], list[Finding]]]


@dataclass(frozen=True)
class DocType:
    id: str
    detect: Callable[[Signals], Classification | None]
    extract: Extractor | None
    module: ModuleType


def _discover() -> dict[str, DocType]:
    found: dict[str, DocType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        type_id = mod.TYPE_ID
        if type_id in found:
            raise RuntimeError(f"two modules claim type {type_id!r}")
        found[type_id] = DocType(type_id, mod.detect, getattr(mod, "extract", None), mod)
    return found


REGISTRY: dict[str, DocType] = _discover()
TYPE_IDS: frozenset[str] = frozenset(REGISTRY) | {UNKNOWN}


@dataclass(frozen=True)
class Identified:
    classification: Classification
    candidates: tuple[Classification, ...]  # every score, best first (for --debug)
    fields: dict[str, Any]
    problems: tuple[Finding, ...]


def classify(signals: Signals) -> tuple[Classification, tuple[Classification, ...]]:
    """The best type, or ``unknown`` when nothing scores at least THRESHOLD."""
    scored = [c for t in REGISTRY.values() if (c := t.detect(signals)) is not None]
    scored.sort(key=lambda c: (-c.confidence, c.type))
    if scored and scored[0].confidence >= THRESHOLD:
        return scored[0], tuple(scored)
    evidence: tuple[str, ...] = ()
    if scored:
        evidence = (f"best guess {scored[0].type} ({scored[0].confidence:.2f}) below threshold",)
    return Classification(UNKNOWN, 0.0, evidence), tuple(scored)


def identify(signals: Signals) -> Identified:
    """Classify, then extract the type's fields."""
    best, candidates = classify(signals)
    fields: dict[str, Any] = {}
    problems: list[Finding] = []
    if best.type == UNKNOWN:
        if signals.word_count < 8 and not (signals.photo and signals.photo.faces):
            problems.append(Finding("unreadable", Severity.WARNING, {}, "R-SCAN-2"))
        else:
            problems.append(Finding("unrecognised", Severity.INFO, {}))
        # A type's ``near_miss`` says why a file that looks like it is not it (a RIB
        # whose IBAN fails mod-97): the rules then call the requirement invalid, not missing.
        for t in REGISTRY.values():
            miss = getattr(t.module, "near_miss", None)
            if miss is not None and (found := miss(signals)) is not None:
                problems.append(found)
    else:
        extractor = REGISTRY[best.type].extract
        if extractor is not None:
            fields, problems = extractor(signals)
    return Identified(best, candidates, fields, tuple(problems))
