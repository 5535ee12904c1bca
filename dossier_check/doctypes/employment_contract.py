"""Contrat de travail or an employer's attestation (employment_proof)."""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import (
    civility_name,
    keyword_evidence,
    name_right_after,
    result,
    surname_and_given,
    value_after_label,
)
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
    holder = _holder(s.text)
    if holder:
        fields["holder"] = holder
    return fields, []


#: Labels of the employee's name (FR, EN, ES, PT, DE).
HOLDER_LABELS = [
    "Nom du salarié",
    "Salarié",
    "Salariée",
    "Employee name",
    "Employee",
    "Trabajador",
    "Trabalhador",
    "Arbeitnehmer",
]
#: Words after which an attestation names the employee: "atteste que M. Jean DUPONT".
ATTESTS = [
    "atteste que",
    "certifie que",
    "certifions que",
    "attestons que",
    "déclare que",
    "déclarons que",
    "confirme que",
    "confirmons que",
    "certify that",
    "certifies that",
    "confirm that",
    "confirms that",
    "certifica que",
    "bescheinigt",
    "employs",
    "has employed",
    "engage",
    "embauche",
    "recrute",
    "hires",
    "contrata a",
]
#: Words before a civility that make the name someone else's ("représentée par Mme X",
#: "Je soussigné(e), M. Y, gérant").
_OTHER_PERSON = (
    "PAR",
    "BY",
    "POR",
    "VON",
    "SOUSSIGNE",
    "SOUSSIGNEE",
    "SOUSSIGNE(E)",
    "UNDERSIGNED",
)
#: What follows the name of the employer's signatory, not the employee's.
_SIGNATORY = re.compile(
    r"(?i)^[\s,]*(?:agissant|en (?:sa )?qualit[ée]|acting|in (?:his|her) capacity|"
    r"g[ée]rant|directeur|directrice|director|manager|DRH)"
)

#: The second party of a contract, after its first ("entre la société X ... et M. Y"):
#: (opening word, joining word), by language.
_BETWEEN = (
    ("entre", "et"),
    ("between", "and"),
    ("entre", "y"),
    ("entre", "e"),
    ("zwischen", "und"),
)


def _holder(text: str) -> str | None:
    """The employee (R-X-1): under a label; else the person an attestation names;
    else the contract's second party ("entre ... et M. Jean DUPONT, né le ...")."""
    holder = value_after_label(text, HOLDER_LABELS) or name_right_after(text, ATTESTS)
    if holder:
        return holder
    flat = " ".join(text.split())
    for opening, joining in _BETWEEN:
        m = re.search(rf"(?i)(?<!\w){opening}(?!\w)", flat)
        if m is None:
            continue
        holder = name_right_after(flat[m.end() : m.end() + 1500], [joining])
        if holder:
            return holder
    holder = surname_and_given(text)
    if holder:
        return holder
    for line in text.splitlines():  # the one civility-led name not the employer's signatory
        name = civility_name(line, _OTHER_PERSON)
        if name and not _SIGNATORY.match(line[line.index(name) + len(name) :]):
            return name
    return None
