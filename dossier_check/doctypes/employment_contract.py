"""Contrat de travail or an employer's attestation (employment_proof)."""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import keyword_evidence, name_after, result, value_after_label
from dossier_check.fields.dates import date_after_label
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "employment_contract"
TITLES = (
    "CONTRAT DE TRAVAIL",
    "ATTESTATION EMPLOYEUR",
    "ATTESTATION D'EMPLOI",
    "PROMESSE D'EMBAUCHE",
    "CONTRAT A DUREE INDETERMINEE",
    "CONTRAT A DUREE DETERMINEE",
    "EMPLOYMENT CONTRACT",
    "CERTIFICAT DE TRAVAIL",
    "ATTESTATION DE TRAVAIL",
    "ATTESTATION D'EMPLOYEUR",
    "LETTRE D'ENGAGEMENT",
    "CONTRAT D'APPRENTISSAGE",
    "CONTRAT DE PROFESSIONNALISATION",
    "AVENANT AU CONTRAT DE TRAVAIL",
    "EMPLOYMENT AGREEMENT",
    "EMPLOYMENT CERTIFICATE",
    "CERTIFICATE OF EMPLOYMENT",
    "EMPLOYMENT VERIFICATION",
)
PARTIES = (
    "EMPLOYEUR",
    "SALARIE",
    "CDI",
    "CDD",
    "PERIODE D'ESSAI",
    "REMUNERATION",
    "EMPLOYER",
    "EMPLOYEE",
    "FONCTIONS",
    "POSTE",
    "EMPLOYE",
    "EMPLOYEE",
    "EN QUALITE DE",
    "SIRET",
    "TEMPS COMPLET",
    "TEMPS PARTIEL",
    "EMBAUCHE",
    "RESSOURCES HUMAINES",
    "ENTREPRISE",
    "SOCIETE",
)


def detect(s: Signals) -> Classification | None:
    titles = s.titled(*TITLES)
    if not titles:
        return None
    parties = s.found(*PARTIES)
    score = 0.55 + min(0.4, 0.1 * len(parties))
    return result(TYPE_ID, score, [keyword_evidence(titles + parties[:4])])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    start = date_after_label(
        s.text,
        [
            "à compter du",
            "a compter du",
            "date d'embauche",
            "prend effet le",
            "start date",
            "débutera le",
        ],
    )
    if start:
        fields["start_date"] = start.isoformat()
    holder = value_after_label(s.text, ["Salarié", "Salariée", "Nom du salarié", "Employee"])
    holder = holder or name_after(s.text, ["atteste que", "certifie que", "et", "employs"])
    if holder:
        fields["holder"] = holder
    return fields, []
