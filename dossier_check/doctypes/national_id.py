"""National identity card (R-ID-1, R-ID-2, R-ID-4, R-ID-5; MRZ TD1 / old French CNI R-MRZ-7/8).

A TD1 MRZ with an ``I`` document code and no residence-permit wording, or
the old French CNI's 2x36 ``IDFRA`` zone.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dossier_check.doctypes._common import (
    ID_LABELS,
    identity_extract,
    keyword_evidence,
    mrz_evidence,
    mrz_head,
    result,
)
from dossier_check.doctypes.residence_permit import PERMIT_CODES, PERMIT_WORDS, printed_dates
from dossier_check.fields.dates import document_dates
from dossier_check.model import Classification, Finding
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


def _ten_years_on(issued: date) -> date:
    """The last day of a 10-year validity from ``issued`` (issued 12.03.2012, valid until
    11.03.2022), as the old CNI prints it (R-ID-4)."""
    try:
        anniversary = issued.replace(year=issued.year + 10)
    except ValueError:  # issued on 29 February
        anniversary = date(issued.year + 10, 3, 1)
    return anniversary - timedelta(days=1)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    """The identity fields, the printed dates where the MRZ has none (R-ID-3).

    The old French CNI's MRZ holds no expiry and only the issue month (card number
    YYMM, R-MRZ-7): its expiry is the printed "Carte valable jusqu'au" date, else the
    printed issue date ("délivrée le") + 10 years, the day before (R-ID-4); a printed
    issue date in the MRZ's month makes ``issue_date`` exact. The extra 5 years of
    R-ID-4 are the rules' to add, not a printed fact.
    """
    fields, problems = printed_dates(s, *identity_extract(s))
    mrz = s.mrz
    if mrz is not None and mrz.format == "FR_CNI_OLD":
        issued = document_dates(s.text, s.as_of).issue
        month = mrz.issue_date
        if issued and month and (issued.year, issued.month) == (month.year, month.month):
            fields["issue_date"] = issued.isoformat()
            if "expiry_date" not in fields:
                fields["expiry_date"] = _ten_years_on(issued).isoformat()
                problems = [
                    p
                    for p in problems
                    if not (p.code == "unreadable_field" and p.params.get("field") == "expiry_date")
                ]
    return fields, problems


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
