"""Relevé d'identité bancaire (R-RIB-1..7).

Never a ``rib`` without an IBAN that passes mod-97 (R-RIB-1); the bank
wording decides between a RIB and a bill or payslip that merely quotes one.
"""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result, value_after_label
from dossier_check.fields.iban import find_bics, mask
from dossier_check.model import Classification, Finding, Severity
from dossier_check.signals import Signals

TYPE_ID = "rib"
TITLES = (
    "RELEVE D'IDENTITE BANCAIRE",
    "RIB",
    "BANK DETAILS",
    "IDENTITE BANCAIRE",
    "BANK ACCOUNT DETAILS",
    "COORDONNEES BANCAIRES",
    "BANKVERBINDUNG",
    "DATOS BANCARIOS",
    "CERTIFICADO DE TITULARIDAD",
)
LABELS = (
    "IBAN",
    "BIC",
    "CODE BANQUE",
    "CODE GUICHET",
    "CLE RIB",
    "DOMICILIATION",
    "TITULAIRE DU COMPTE",
    "ACCOUNT HOLDER",
    "TITULAR",
    "SWIFT",
)
#: Wording of documents that quote an IBAN without being a RIB.
OTHER_DOCS = (
    "FACTURE",
    "INVOICE",
    "BULLETIN DE SALAIRE",
    "BULLETIN DE PAIE",
    "NET A PAYER",
    "AVIS D'IMPOT",
    "RELEVE DE COMPTE",
    "RELEVE DE COMPTES",
    "ANCIEN SOLDE",
    "NOUVEAU SOLDE",
    "SOLDE CREDITEUR",
    "SOLDE DEBITEUR",
    "ACCOUNT STATEMENT",
    "KONTOAUSZUG",
    "EXTRACTO",
    "PRELEVEMENT",
    "MANDAT DE PRELEVEMENT",
)


def detect(s: Signals) -> Classification | None:
    valid = s.valid_ibans
    if not valid:
        return None
    evidence = [f"IBAN {valid[0].country}…{valid[0].iban[-4:]} passes mod-97"]
    titles = s.found(*TITLES)
    labels = s.found(*LABELS)
    others = s.found(*OTHER_DOCS)
    score = 0.35
    if titles:
        score += 0.45
        evidence.append(keyword_evidence(titles))
    if len(labels) >= 2:
        score += 0.15
        evidence.append(keyword_evidence(labels))
    if others:
        score -= 0.3
    return result(TYPE_ID, score, evidence)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    problems: list[Finding] = []
    valid = s.valid_ibans
    if valid:
        best = valid[0]
        fields["iban"] = best.iban
        fields["iban_country"] = best.country
        fields["iban_valid"] = True
        if best.rib_key_ok is False:  # FR/MC only; None elsewhere
            problems.append(Finding("rib_key_invalid", Severity.ERROR, {}, "R-RIB-2"))
    elif s.ibans:
        fields["iban"] = s.ibans[0].iban
        fields["iban_valid"] = False
        problems.append(
            Finding("iban_invalid", Severity.ERROR, {"iban": mask(s.ibans[0].iban)}, "R-RIB-1")
        )
    else:
        problems.append(Finding("unreadable_field", Severity.ERROR, {"field": "iban"}, "R-RIB-1"))
    bics = find_bics(s.text)
    if bics:
        fields["bic"] = bics[0]
        country = fields.get("iban_country")
        if country and bics[0][4:6] != country and not (country == "MC" and bics[0][4:6] == "FR"):
            problems.append(
                Finding(
                    "bic_country", Severity.WARNING, {"bic": bics[0], "country": country}, "R-RIB-3"
                )
            )
    holder = value_after_label(
        s.text,
        [
            "Titulaire du compte",
            "Titulaire",
            "Intitulé du compte",
            "Account holder",
            "Account name",
            "Titular",
            "Kontoinhaber",
        ],
    )
    if holder:
        fields["holder"] = holder
    return fields, problems
