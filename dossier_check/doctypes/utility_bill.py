"""Energy, water, phone or internet bill (R-RES-1..5).

A bill must say it is one (FACTURE/INVOICE), what was supplied (a meter or
service word) and what is due (an amount label).
"""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import (
    _CIVILITY,
    _name_prefix,
    keyword_evidence,
    result,
    value_after_label,
)
from dossier_check.fields.address import STREET_LINE
from dossier_check.fields.dates import find_periods, issue_date, month_period
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals
from dossier_check.text import fold

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
    "EAUX",
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
#: A hotel's or a club's invoice for a stay or a membership, which may list Wi-Fi or an
#: "abonnement" over a period: no supply of a home.
NOT_A_SUPPLY = ("NUITEE", "NUITEES", "TAXE DE SEJOUR", "COTISATION", "ADHESION", "ADHERENT")
#: Words of a bill for a supply over time: a period, a meter, a metered quantity.
METERED = (
    "PERIODE",
    "BILLING PERIOD",
    "KWH",
    "M3",
    "INDEX",
    "COMPTEUR",
    "RELEVE",
    "ABONNEMENT",
    "MENSUALITE",
    "MENSUEL",
    "PAR MOIS",
    "/MOIS",
    "CONSOMMATION",
)
#: Labels of a billing period given as a month ("Période facturée : octobre 2026").
PERIOD_LABELS = (
    "periode de consommation",
    "periode de facturation",
    "periode facturee",
    "periode",
    "consommation",
    "billing period",
    "period",
)
HOLDER_LABELS = [
    "Titulaire du contrat",
    "Titulaire",
    "Abonné",
    "Abonnée",
    "Abonne",
    "Souscripteur",
    "Client",
    "Nom du client",
    "Account holder",
    "Account name",
    "Customer",
    "Bill to",
]


def detect(s: Signals) -> Classification | None:
    titles = s.found(*TITLES)
    if not titles:
        return None
    supply = s.found(*SUPPLY)
    amount = s.found(*AMOUNT)
    evidence = [keyword_evidence(titles + supply[:4] + amount[:2])]
    score = 0.3 + min(0.4, 0.15 * len(supply)) + (0.2 if amount else 0.0)
    # R-RES-5: a bill covers a period of supply (or meters one); a shop's "facture"
    # for a pack of mineral water or a phone ("eau", "mobile", "forfait", TTC) is dated
    # once and is no proof of address
    metered = s.found(*METERED) or find_periods(s.text) or month_period(s.text, PERIOD_LABELS)
    if not supply or not metered or s.found(*NOT_A_SUPPLY):
        score = min(score, 0.45)
    if metered:
        evidence.append("a period of supply or a metered quantity")
    return result(TYPE_ID, score, evidence)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {}
    issued = issue_date(s.text)  # R-RES-5: the issue date, not the period's or the due date
    if issued:
        fields["issue_date"] = issued.isoformat()
    periods = find_periods(s.text) or month_period(s.text, PERIOD_LABELS)
    if periods:
        start, end = periods[0]
        fields["period_start"] = start.isoformat()
        fields["period_end"] = end.isoformat()
    holder = value_after_label(s.text, HOLDER_LABELS) or _addressee(s.text)
    if holder:
        fields["holder"] = holder
    service = _service(s)
    if service:
        fields["service"] = service
    return fields, []


def _addressee(text: str) -> str | None:
    """The name above a postal address ("Mme Jane DOE" / "12 rue des Lilas"), for a bill
    whose holder label lost its value (a two-column layout read column by column). It
    needs a civility, or to be printed twice, so that the issuer's own address block
    ("Lumina Énergie" / "12 rue ...") is not taken for the holder (R-RES-3)."""
    lines = [line.strip(" |") for line in text.splitlines()]
    for above, line in zip(lines, lines[1:], strict=False):
        if not STREET_LINE.match(line):
            continue
        name = _name_prefix(above)
        if not name or len(name) < len(above.strip(" ,;")):
            continue
        if fold(name.split()[0]) in _CIVILITY or text.count(name) >= 2:
            return name
    return None


#: What a bill supplies, most specific first: a box bill that mentions its mobile
#: option is an internet bill; a mobile bill names a SIM, SMS or mobile plan.
_SERVICES = (
    ("internet", ("BOX", "FIBRE", "ADSL", "VDSL", "LIGNE FIXE", "INTERNET")),
    ("electricity", ("KWH", "ELECTRICITE", "ELECTRICITY")),
    ("gas", ("GAZ NATUREL", "PCE", "GAZ")),
    ("water", ("ASSAINISSEMENT", "M3", "EAU POTABLE", "EAU", "EAUX")),
    ("mobile", ("MOBILE", "CARTE SIM", "SMS", "FORFAIT")),
)


def _service(s: Signals) -> str | None:
    for name, words in _SERVICES:
        if s.found(*words):
            return name
    return None
