"""Attestation d'hébergement, a host's sworn statement (R-HEB-1..8)."""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import dated, keyword_evidence, name_after, result
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "hosting_attestation"
TITLES = (
    "ATTESTATION D'HEBERGEMENT",
    "CERTIFICAT D'HEBERGEMENT",
    "ATTESTATION SUR L'HONNEUR D'HEBERGEMENT",
)
SWORN = ("SUR L'HONNEUR", "CERTIFIE", "ATTESTE")
HOSTING = ("HEBERGE", "HEBERGER", "HEBERGEMENT", "HEBERGEE")


#: The host's first-person statement: who signs, and where the person lives.
STATEMENT = ("JE SOUSSIGNE", "JE SOUSSIGNEE", "SOUSSIGNE(E)", "DECLARE", "A MON DOMICILE")


def detect(s: Signals) -> Classification | None:
    titles = s.titled(*TITLES)
    sworn = s.found(*SWORN)
    hosting = s.found(*HOSTING)
    if titles:
        return result(TYPE_ID, 0.9 + (0.05 if sworn else 0.0), [keyword_evidence(titles + sworn)])
    if hosting and "SUR L'HONNEUR" in sworn:
        return result(TYPE_ID, 0.8, [keyword_evidence(hosting[:1] + sworn)])
    # untitled: "Je soussigné ... certifie héberger à mon domicile ..." (R-HEB-2 wording)
    statement = s.found(*STATEMENT)
    if hosting and sworn and len(statement) >= 2:
        return result(TYPE_ID, 0.7, [keyword_evidence(hosting[:1] + sworn + statement)])
    return None


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    """R-HEB-2 fields: host, hosted person, start date, signature date, sworn wording."""
    fields: dict[str, Any] = {}
    host = name_after(s.text, ["soussigné(e)", "soussignée", "soussigné", "undersigned"])
    if host:
        fields["host"] = host
    hosted = name_after(s.text, ["héberger", "hébergé", "héberge", "heberger", "hosting"])
    if hosted:
        fields["hosted"] = hosted
    since = dated(s.text, ["depuis le", "depuis", "since"])
    if since:
        fields["start_date"] = since
    signed = dated(s.text, ["fait à", "faità", "fait le", "signé le", "date :"])
    if signed:
        fields["signature_date"] = signed
    fields["sworn_wording"] = bool(s.found("SUR L'HONNEUR"))
    return fields, []
