"""Bulletin de salaire (employment_proof; R-DOS matrix)."""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import (
    addressee,
    civility_name,
    keyword_evidence,
    result,
    surname_and_given,
    value_after_label,
)
from dossier_check.fields.dates import find_periods
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "payslip"
TITLES = ("BULLETIN DE SALAIRE", "BULLETIN DE PAIE", "FICHE DE PAIE", "PAYSLIP", "PAY SLIP")
PAY_WORDS = (
    "NET A PAYER",
    "SALAIRE BRUT",
    "SALAIRE DE BASE",
    "NET IMPOSABLE",
    "COTISATIONS",
    "NET A PAYER AVANT IMPOT",
    "GROSS PAY",
    "NET PAY",
)
EMPLOYER_IDS = ("SIRET", "URSSAF", "CODE NAF", "CONVENTION COLLECTIVE", "APE")


def detect(s: Signals) -> Classification | None:
    titles = s.titled(*TITLES)
    pay = s.found(*PAY_WORDS)
    ids = s.found(*EMPLOYER_IDS)
    if not titles and len(pay) < 2:
        return None
    score = (0.5 if titles else 0.25) + min(0.3, 0.12 * len(pay)) + (0.15 if ids else 0.0)
    return result(TYPE_ID, score, [keyword_evidence(titles + pay[:3] + ids[:2])])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    periods = find_periods(s.text)
    if periods:
        fields["period_start"], fields["period_end"] = (d.isoformat() for d in periods[0])
    holder = _holder(s.text)
    if holder:
        fields["holder"] = holder
    employer = value_after_label(s.text, ["Employeur", "Raison sociale", "Employer"])
    if employer:
        fields["employer"] = employer
    return fields, []


#: Labels of the employee's name, most specific first (FR, EN, ES, PT, DE).
HOLDER_LABELS = [
    "Nom et prénom du salarié",
    "Nom et prénom",
    "Nom, prénom",
    "Nom - prénom",
    "Nom du salarié",
    "Salarié",
    "Salariée",
    "Employé",
    "Employée",
    "Employee name",
    "Employee",
    "Nombre del trabajador",
    "Trabajador",
    "Empleado",
    "Nome do trabalhador",
    "Trabalhador",
    "Funcionário",
    "Arbeitnehmer",
    "Mitarbeiter",
]
#: Words before a civility that make the name someone else's ("représentée par Mme X").
_OTHER_PERSON = ("PAR", "BY", "POR", "VON", "SIGNATAIRE", "CONTACT", "GESTIONNAIRE")


def _holder(text: str) -> str | None:
    """The employee (R-X-1): under a label; else a civility-led name in the page's
    address block (top right, often read on one line with the employer's block);
    else a name written as a person's over a postal address; else "Nom" and
    "Prénom" labels."""
    holder = value_after_label(text, HOLDER_LABELS)
    holder = holder or civility_name(text, _OTHER_PERSON) or addressee(text)
    if holder:
        return holder
    return surname_and_given(text)
