"""Energy, water, phone or internet bill (R-RES-1..5).

A bill must say it is one (FACTURE/INVOICE), what was supplied (a meter or
service word) and what is due (an amount label).
"""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result, value_after_label
from dossier_check.fields.dates import date_after_label, find_periods
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "utility_bill"
TITLES = ("FACTURE", "INVOICE", "VOTRE FACTURE", "FACTURA")
SUPPLY = (
    "KWH",
    "M3",
    "CONSOMMATION",
    "ELECTRICITE",
    "GAZ NATUREL",
    "GAZ",
    "EAU",
    "ABONNEMENT",
    "PDL",
    "PCE",
    "POINT DE LIVRAISON",
    "COMPTEUR",
    "INDEX",
    "FORFAIT",
    "MOBILE",
    "INTERNET",
    "BOX",
    "FIBRE",
    "LIGNE FIXE",
    "TELEPHONE",
    "ASSAINISSEMENT",
    "ENERGY",
    "ELECTRICITY",
)
AMOUNT = (
    "TTC",
    "MONTANT A PAYER",
    "TOTAL A PAYER",
    "MONTANT TOTAL",
    "NET A PAYER",
    "AMOUNT DUE",
    "TOTAL DUE",
    "A PAYER",
)
PERIOD = ("PERIODE DE CONSOMMATION", "PERIODE DU", "PERIODE", "BILLING PERIOD", "DU")
ISSUE_LABELS = [
    "date de facture",
    "date de la facture",
    "facture du",
    "émise le",
    "date d'émission",
    "invoice date",
    "date :",
    "date",
]
HOLDER_LABELS = [
    "Titulaire du contrat",
    "Titulaire",
    "Client",
    "Nom du client",
    "Account holder",
    "Customer",
]


def detect(s: Signals) -> Classification | None:
    titles = s.found(*TITLES)
    if not titles:
        return None
    supply = s.found(*SUPPLY)
    amount = s.found(*AMOUNT)
    evidence = [keyword_evidence(titles + supply[:4] + amount[:2])]
    score = 0.3 + min(0.4, 0.15 * len(supply)) + (0.2 if amount else 0.0)
    if not supply:
        score = min(score, 0.45)
    return result(TYPE_ID, score, evidence)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    issued = date_after_label(s.text, ISSUE_LABELS)
    if issued:
        fields["issue_date"] = issued.isoformat()
    periods = find_periods(s.text)
    if periods:
        start, end = periods[0]
        fields["period_start"] = start.isoformat()
        fields["period_end"] = end.isoformat()
    holder = value_after_label(s.text, HOLDER_LABELS)
    if holder:
        fields["holder"] = holder
    service = _service(s)
    if service:
        fields["service"] = service
    return fields, []


#: What a bill supplies, most specific first: a box bill that mentions its mobile
#: option is an internet bill; a mobile bill names a SIM, SMS or mobile plan.
_SERVICES = (
    ("internet", ("BOX", "FIBRE", "ADSL", "VDSL", "LIGNE FIXE", "INTERNET")),
    ("electricity", ("KWH", "ELECTRICITE", "ELECTRICITY")),
    ("gas", ("GAZ NATUREL", "PCE", "GAZ")),
    ("water", ("ASSAINISSEMENT", "M3", "EAU POTABLE", "EAU")),
    ("mobile", ("MOBILE", "CARTE SIM", "SMS", "FORFAIT")),
)


def _service(s: Signals) -> str | None:
    for name, words in _SERVICES:
        if s.found(*words):
            return name
    return None
