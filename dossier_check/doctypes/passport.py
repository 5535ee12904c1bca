"""Passport data page (R-ID-1, R-ID-3, R-ID-6; MRZ TD3 per R-MRZ-1/2).

Must carry a TD3 MRZ whose document code starts with ``P``; the printed
title in any language only backs it up.
"""

from __future__ import annotations

from dossier_check.doctypes._common import (
    ID_LABELS,
    identity_extract,
    keyword_evidence,
    mrz_evidence,
    result,
)
from dossier_check.model import Classification
from dossier_check.signals import Signals

TYPE_ID = "passport"
TITLES = ("PASSEPORT", "PASSPORT", "PASAPORTE", "PASSAPORTE", "REISEPASS", "PASSAPORTO", "PASPOORT")

extract = identity_extract


def detect(s: Signals) -> Classification | None:
    evidence: list[str] = []
    score = 0.0
    mrz = s.mrz
    if mrz is not None and mrz.format == "TD3" and mrz.document_code.startswith("P"):
        passed = sum(ok for _, ok in mrz.checks)
        score = 0.97 if mrz.valid else 0.85 if passed >= 3 else 0.6
        evidence.append(mrz_evidence(mrz))
    titles = s.found(*TITLES)
    if titles:
        evidence.append(keyword_evidence(titles))
        # An unreadable MRZ (phone photo, glare): the title with the data page's own
        # labels still tells a passport from a letter that mentions one.
        labels = s.found(*ID_LABELS)
        alone = 0.72 if len(labels) >= 3 else 0.45
        score = max(score, alone) + 0.02
    return result(TYPE_ID, score, evidence)
