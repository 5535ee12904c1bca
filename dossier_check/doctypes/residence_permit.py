"""Titre de séjour: card, VLS-TS visa, récépissé, API, asylum attestation, APS (R-TS-*).

A TD1 MRZ issued by FRA with permit wording (R-MRZ-9), a visa sticker's MRV
zone (R-MRZ-10) with VLS-TS wording, or a récépissé-like title (§3 table).
"""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import (
    ID_LABELS,
    identity_extract,
    keyword_evidence,
    mrz_evidence,
    mrz_head,
    result,
)
from dossier_check.fields.dates import document_dates
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "residence_permit"
PERMIT_WORDS = (
    "TITRE DE SEJOUR",
    "RESIDENCE PERMIT",
    "CARTE DE SEJOUR",
    "CARTE DE RESIDENT",
    "RESIDENT LONGUE DUREE",
    "CERTIFICAT DE RESIDENCE",
    "PASSEPORT TALENT",
    "CARTE DE SEJOUR PLURIANNUELLE",
    "CARTE DE SEJOUR TEMPORAIRE",
    "VISA DE LONG SEJOUR",
    "VISA LONG SEJOUR",
    "AUTORISATION PROVISOIRE DE SEJOUR",
    "RECEPISSE",
    "DEMANDE D'ASILE",
    "DEMANDEUR D'ASILE",
    "PERMIS DE SEJOUR",
)
#: MRZ document codes of French titre de séjour cards (R-MRZ-9).
PERMIT_CODES = ("IR", "AR", "CR", "RE", "TS")
#: Who issues a titre: a prefecture, the interior ministry, OFII.
ISSUERS = ("PREFECTURE", "PREFET", "MINISTERE DE L'INTERIEUR", "OFII", "SOUS-PREFECTURE")
VISA_WORDS = ("VLS-TS", "VLS TS", "VLSTS", "VALIDER EN LIGNE", "R311-3", "R431-16", "TYPE D")
PAPER_TITLES = (
    "RECEPISSE DE DEMANDE",
    "RECEPISSE DE DEMANDE DE CARTE DE SEJOUR",
    "ATTESTATION DE PROLONGATION D'INSTRUCTION",
    "ATTESTATION DE DEMANDE D'ASILE",
    "AUTORISATION PROVISOIRE DE SEJOUR",
    "ATTESTATION DE VALIDATION",
    "ATTESTATION DE DECISION FAVORABLE",
    "RECEPISSE DE PREMIERE DEMANDE",
    "RECEPISSE DE DEMANDE DE RENOUVELLEMENT",
)


def detect(s: Signals) -> Classification | None:
    evidence: list[str] = []
    score = 0.0
    mrz = s.mrz
    words = s.found(*PERMIT_WORDS)
    if mrz is not None and mrz.format == "TD1" and mrz.issuing_state == "FRA":
        code = mrz.document_code
        if words or code[:2] in ("IR", "AR", "CR", "RE", "TS"):
            score = 0.96 if mrz.valid else 0.8
            evidence.append(mrz_evidence(mrz))
    elif mrz is not None and mrz.format in ("MRVA", "MRVB"):
        visa = s.found(*VISA_WORDS)
        score = 0.93 if visa else 0.75
        evidence.append(mrz_evidence(mrz))
        if visa:
            evidence.append(keyword_evidence(visa))
    head = mrz_head(s)
    if not score and head is not None and head[1] == "FRA":
        code = head[0]
        permit = words or s.found(*ISSUERS, "AUTORISE SON TITULAIRE A TRAVAILLER")
        if code in PERMIT_CODES or (code[0] in "IAC" and permit):
            # R-MRZ-9: a French titre card's MRZ first line, its check digits unreadable
            score = 0.6 + (0.15 if permit else 0.0)
            evidence.append(f"MRZ first line of a French permit ({code}), check digits unreadable")
    titles = s.found_fuzzy(*PAPER_TITLES)
    labels = s.found(*ID_LABELS)
    if titles and len(labels) >= 2:
        score = max(score, 0.88)
        evidence.append(keyword_evidence(titles))
    if words and not score and len(labels) >= 2:
        # no MRZ read: the permit's own wording, its identity labels, and its issuer
        score = 0.6 + (0.1 if s.found_in_head(*words) else 0.0)
        score += 0.1 if s.found(*ISSUERS) else 0.0
    words = [w for w in words if w not in titles]  # said once in the evidence
    if words:
        evidence.append(keyword_evidence(words))
    return result(TYPE_ID, score, evidence)


def printed_dates(
    s: Signals, fields: dict[str, Any], problems: list[Finding]
) -> tuple[dict[str, Any], list[Finding]]:
    """Birth and expiry dates read from the printed text by their labels (R-TS-2, R-TS-8,
    R-ID-3): what a document without an MRZ (récépissé, API, APS, asylum attestation)
    carries, and what an MRZ that holds no such date leaves out. A date the MRZ gives is
    kept: its check digit confirms it. The label-only reading of ``identity_extract`` is
    replaced, as it takes the first date after any label ("jusqu'à" in a sentence)."""
    found = document_dates(s.text, s.as_of)
    fields = dict(fields)
    mrz = s.mrz
    for key, value in (("birth_date", found.birth), ("expiry_date", found.expiry)):
        if value is None or (mrz is not None and getattr(mrz, key) is not None):
            continue
        fields[key] = value.isoformat()
    if "expiry_date" in fields:
        problems = [
            p
            for p in problems
            if not (p.code == "unreadable_field" and p.params.get("field") == "expiry_date")
        ]
    return fields, problems


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields, problems = printed_dates(s, *identity_extract(s))
    kind = "card"
    if s.mrz is not None and s.mrz.format in ("MRVA", "MRVB"):
        kind = "visa"
    elif s.found("RECEPISSE"):
        kind = "recepisse"
    elif s.found("AUTORISATION PROVISOIRE DE SEJOUR"):
        kind = "aps"
    elif s.found("ATTESTATION DE DEMANDE D'ASILE"):
        kind = "asylum"
    elif s.found("ATTESTATION DE PROLONGATION D'INSTRUCTION"):
        kind = "api"
    fields["kind"] = kind
    if kind == "visa":
        fields["vls_ts"] = bool(s.found(*VISA_WORDS[:4]))
    return fields, problems
