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


#: Clauses only a contract of employment states: with both parties named, they make
#: a contract whose title the OCR lost (a phone photo read turned a quarter).
CLAUSES = (
    "PERIODE D'ESSAI",
    "IL A ETE CONVENU",
    "CONVENTION COLLECTIVE",
    "FAIT EN DEUX EXEMPLAIRES",
    "EST ENGAGE",
    "PROBATION PERIOD",
    "TRIAL PERIOD",
)
#: Words of a payslip, which names employer, employee and collective agreement too.
PAYSLIP = ("NET A PAYER", "SALAIRE BRUT", "COTISATIONS", "NET PAY", "GROSS PAY")


def detect(s: Signals) -> Classification | None:
    titles = s.titled(*TITLES)
    parties = s.found(*PARTIES)
    if titles:
        score = 0.55 + min(0.4, 0.1 * len(parties))
        return result(TYPE_ID, score, [keyword_evidence(titles + parties[:4])])
    both = {"EMPLOYEUR", "SALARIE"} <= set(parties) or {"EMPLOYER", "EMPLOYEE"} <= set(parties)
    clauses = s.found(*CLAUSES)
    if not both or len(clauses) < 2 or s.found(*PAYSLIP):
        return None
    score = 0.5 + min(0.2, 0.05 * (len(clauses) - 2 + len(parties) - 2))
    return result(TYPE_ID, score, ["no title read", keyword_evidence(parties[:4] + clauses)])


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
