"""Attestation d'hébergement, a host's sworn statement (R-HEB-1..8)."""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result
from dossier_check.fields.dates import date_after_label
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

_NAME = r"([A-ZÀ-Þa-zß-ÿ'\-]+(?:[ \t]+[A-ZÀ-Þa-zß-ÿ'\-]+){1,4})"


def detect(s: Signals) -> Classification | None:
    titles = s.found(*TITLES)
    sworn = s.found(*SWORN)
    hosting = s.found(*HOSTING)
    if titles:
        return result(TYPE_ID, 0.9 + (0.05 if sworn else 0.0), [keyword_evidence(titles + sworn)])
    if hosting and "SUR L'HONNEUR" in sworn:
        return result(TYPE_ID, 0.8, [keyword_evidence(hosting[:1] + sworn)])
    return None


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    m = re.search(
        rf"(?i)soussign[ée]+\(?e?\)?\s*,?\s*(?:M\.|Mme|Madame|Monsieur)?\s*{_NAME}", s.text
    )
    if m:
        fields["host"] = _trim(m.group(1))
    m = re.search(
        rf"(?i)h[ée]berger\s*(?:à titre gratuit)?\s*,?\s*(?:M\.|Mme|Madame|Monsieur)?\s*{_NAME}",
        s.text,
    )
    if m:
        fields["hosted"] = _trim(m.group(1))
    since = date_after_label(s.text, ["depuis le", "depuis"])
    if since:
        fields["start_date"] = since.isoformat()
    signed = date_after_label(s.text, ["fait à", "fait le", "le"])
    if signed:
        fields["signature_date"] = signed.isoformat()
    fields["sworn_wording"] = bool(s.found("SUR L'HONNEUR"))
    return fields, []


_STOP = {
    "NE",
    "NEE",
    "DEMEURANT",
    "DOMICILIE",
    "DOMICILIEE",
    "A",
    "AU",
    "DEPUIS",
    "CERTIFIE",
    "ATTESTE",
    "TITRE",
    "GRATUIT",
    "MON",
    "DOMICILE",
    "LE",
    "LA",
    "DE",
}


def _trim(name: str) -> str:
    out: list[str] = []
    for tok in name.split():
        if tok.upper().strip(",.") in _STOP or tok.upper().startswith(("NÉ", "DEMEUR")):
            break
        out.append(tok.strip(",."))
    return " ".join(out)
