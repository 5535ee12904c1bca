"""Passport data page (R-ID-1, R-ID-3, R-ID-6; MRZ TD3 per R-MRZ-1/2).

Must carry a TD3 MRZ whose document code starts with ``P``; the printed
title in any language only backs it up.
"""

from __future__ import annotations

import re

from dossier_check.doctypes._common import (
    ID_LABELS,
    identity_extract,
    keyword_evidence,
    mrz_evidence,
    mrz_head,
    result,
)
from dossier_check.model import Classification
from dossier_check.signals import Signals
from dossier_check.text import fold

TYPE_ID = "passport"
TITLES = ("PASSEPORT", "PASSPORT", "PASAPORTE", "PASSAPORTE", "REISEPASS", "PASSAPORTO", "PASPOORT")

extract = identity_extract

#: "Passeport" that names something else: a permit category, a passport number
#: or copy quoted on another document (a titre de séjour, a visa, a récépissé).
_NOT_TITLE = re.compile(
    r"(?:\bN\W{0,3}(?:DU|DE)?|\bNO\.?|\bNUMERO\W+(?:DU|DE)?|\bCOPIE\W+DU|\bDU|\bDE)\W*"
    r"(?:PASSEPORT|PASSPORT)\b|\bPASSEPORT\W+TALENT\b|\bPASSPORT\W+(?:NO|NUMBER)\b"
)
#: Wording of a residence permit or visa, which quotes a passport but is not one.
_PERMIT = (
    "TITRE DE SEJOUR",
    "CARTE DE SEJOUR",
    "CARTE DE RESIDENT",
    "RESIDENCE PERMIT",
    "RECEPISSE",
    "VISA",
    "AUTORISATION PROVISOIRE DE SEJOUR",
    "DEMANDE D'ASILE",
)


def _titles(s: Signals) -> list[str]:
    """The passport titles printed as titles, not as "N° de passeport" or "passeport talent"."""
    text = _NOT_TITLE.sub(" ", s.folded)
    return [t for t in TITLES if re.search(rf"(?<![A-Z]){fold(t)}(?![A-Z])", text)]


def detect(s: Signals) -> Classification | None:
    evidence: list[str] = []
    score = 0.0
    mrz = s.mrz
    if mrz is not None and mrz.format == "TD3" and mrz.document_code.startswith("P"):
        passed = sum(ok for _, ok in mrz.checks)
        score = 0.97 if mrz.valid else 0.85 if passed >= 3 else 0.6
        evidence.append(mrz_evidence(mrz))
    head = mrz_head(s)
    if head is not None and head[0].startswith("P"):
        # a passport's MRZ first line (P, state, name) with its number line unreadable
        labels = s.found(*ID_LABELS)
        score = 0.55 + (0.15 if len(labels) >= 3 else 0.0)
        evidence.append(f"MRZ first line of a passport ({head[1]}), check digits unreadable")
    titles = _titles(s)
    if titles:
        evidence.append(keyword_evidence(titles))
        # An unreadable MRZ (phone photo, glare): the title with the data page's own
        # labels still tells a passport from a letter that mentions one, but not from a
        # permit or visa that says whose passport it goes with.
        labels = s.found(*ID_LABELS)
        alone = 0.72 if len(labels) >= 3 and not s.found(*_PERMIT) else 0.45
        score = max(score, alone) + 0.02
    return result(TYPE_ID, score, evidence)
