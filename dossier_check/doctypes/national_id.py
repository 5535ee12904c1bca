"""National identity card (R-ID-1, R-ID-2, R-ID-4, R-ID-5; MRZ TD1 / old French CNI R-MRZ-7/8).

A TD1 MRZ with an ``I`` document code and no residence-permit wording, or
the old French CNI's 2x36 ``IDFRA`` zone.
"""

from __future__ import annotations

from dossier_check.doctypes._common import (
    ID_LABELS,
    identity_extract,
    keyword_evidence,
    mrz_evidence,
    mrz_head,
    result,
)
from dossier_check.doctypes.residence_permit import PERMIT_CODES, PERMIT_WORDS
from dossier_check.model import Classification
from dossier_check.signals import Signals

TYPE_ID = "national_id"
TITLES = (
    "CARTE NATIONALE D'IDENTITE",
    "IDENTITY CARD",
    "DOCUMENTO NACIONAL DE IDENTIDAD",
    "CARTAO DE CIDADAO",
    "PERSONALAUSWEIS",
    "CARTA D'IDENTITA",
    "IDENTITEITSKAART",
    "CARTE D'IDENTITE",
    "DOWOD OSOBISTY",
    "CEDULA DE IDENTIDAD",
    "TARJETA DE IDENTIDAD",
    "CARTE DE IDENTITATE",
    "OSOBNA ISKAZNICA",
    "IDENTITETSKORT",
    "HENKILOKORTTI",
    "BILHETE DE IDENTIDADE",
    "CARTE NATIONALE D'IDENTITE ELECTRONIQUE",
    "NATIONAL ID",
)

extract = identity_extract


def detect(s: Signals) -> Classification | None:
    evidence: list[str] = []
    score = 0.0
    mrz = s.mrz
    permit_words = s.found(*PERMIT_WORDS)
    if mrz is not None and mrz.format == "FR_CNI_OLD":
        score = 0.96 if mrz.valid else 0.8
        evidence.append(mrz_evidence(mrz))
    elif mrz is not None and mrz.format in ("TD1", "TD2") and mrz.document_code[:1] in "IAC":
        passed = sum(ok for _, ok in mrz.checks)
        base = 0.95 if mrz.valid else 0.8 if passed >= 3 else 0.5
        if permit_words or mrz.document_code.startswith(("IR", "AR", "CR")):
            base -= 0.4  # a titre de séjour card carries a TD1 too (R-MRZ-9)
        score = base
        evidence.append(mrz_evidence(mrz))
    head = mrz_head(s)
    permit = head is not None and head[1] == "FRA" and (head[0] in PERMIT_CODES or permit_words)
    if not score and head is not None and head[0][0] in "IAC" and not permit:
        labels = s.found(*ID_LABELS)
        score = 0.5 + (0.1 if len(labels) >= 2 else 0.0)
        evidence.append(f"MRZ first line of an identity card ({head[1]}), check digits unreadable")
    titles = s.found(*TITLES)
    labels = s.found(*ID_LABELS)
    if titles:
        evidence.append(keyword_evidence(titles))
        alone = 0.55 if len(labels) >= 2 and not permit_words else 0.3
        score = max(score, alone) + 0.02
    return result(TYPE_ID, score, evidence)
