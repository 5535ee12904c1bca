"""Attestation de droits / CPAM letter giving the social-security number (R-NIR-*, R-VIT-1)."""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result
from dossier_check.fields.nir import find_nirs, is_provisional, misread_nir_runs
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "insurance_certificate"
TITLES = (
    "ATTESTATION DE DROITS",
    "ATTESTATION VITALE",
    "ATTESTATION DE DROITS A L'ASSURANCE MALADIE",
    "VOTRE NUMERO DE SECURITE SOCIALE",
    "IMMATRICULATION",
    "NUMERO DE SECURITE SOCIALE",
    "ATTESTATION D'AFFILIATION",
    "ATTESTATION D'IMMATRICULATION",
    "VOTRE NUMERO D'IMMATRICULATION",
    "ATTESTATION DE SECURITE SOCIALE",
)
#: The wording of the CPAM letter that gives the number (not an attestation's title).
LETTER = (
    "VOTRE NUMERO DE SECURITE SOCIALE",
    "IMMATRICULATION",
    "ATTESTATION D'IMMATRICULATION",
    "VOTRE NUMERO D'IMMATRICULATION",
)
INSURER = ("ASSURANCE MALADIE", "CPAM", "AMELI", "CAISSE PRIMAIRE")


#: The rows of an attestation de droits under its title: a phone photo may lose the
#: title and the insurer's header with the top of the sheet.
ROWS = (
    "ORGANISME D'AFFILIATION",
    "DROITS OUVERTS",
    "REGIME GENERAL",
    "TICKET MODERATEUR",
    "MEDECIN TRAITANT",
    "CAISSE PRIMAIRE D'ASSURANCE MALADIE",
)


def detect(s: Signals) -> Classification | None:
    titles = s.found_fuzzy(*TITLES)
    if not titles:
        rows = s.found(*ROWS)
        valid = [n for n in find_nirs(s.text) if n.valid]
        if len(rows) < 3 or not valid:
            return None
        # DOMAIN §12: a NIR with a valid key and the attestation's own rows, its title
        # lost (the top of a photographed sheet)
        evidence = ["no title read", keyword_evidence(rows[:4]), f"NIR …{valid[0].nir[-4:]}"]
        return result(TYPE_ID, 0.55, evidence)
    found = find_nirs(s.text)
    valid = [n for n in found if n.valid]
    letter = bool(set(titles) & set(LETTER))
    if valid:
        score, check = 0.6, f"NIR …{valid[0].nir[-4:]} with a valid key"
    elif letter and found:
        # DOMAIN §12: an attestation needs a NIR with a valid key; a CPAM letter "with a
        # NIR". One whose key fails (an OCR slip, a typo) is still the letter, and the
        # `nir` rule then finds it invalid (R-NIR-1)
        score, check = 0.4, f"NIR …{found[0].nir[-4:]} whose key fails"
    elif letter and misread_nir_runs(s.text):
        # a letter whose NIR the scan garbled (a digit read twice in two places, or
        # lost) still carries it; the `nir` rule then finds no valid NIR (R-NIR-1)
        score, check = 0.4, "a number laid out as a NIR, misread (digits missing or doubled)"
    else:
        return None  # DOMAIN §12: a CPAM letter without a NIR is unknown
    insurer = s.found(*INSURER)
    if insurer:
        score += 0.3 if valid else 0.2
    return result(TYPE_ID, score, [keyword_evidence(titles + insurer[:2]), check])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    nirs = find_nirs(s.text)
    fields: dict[str, Any] = {}
    if nirs:
        best = next((n for n in nirs if n.valid), nirs[0])
        fields["nir"] = best.nir
        fields["nir_valid"] = best.valid
        fields["nir_provisional"] = is_provisional(best.nir)
    return fields, []
