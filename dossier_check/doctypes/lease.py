"""Lease (bail, ``kind`` = contract) or rent receipt (quittance, ``kind`` = receipt) (R-RES-1)."""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result, value_after_label
from dossier_check.fields.dates import date_after_label, find_periods
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "lease"
CONTRACT = (
    "CONTRAT DE LOCATION",
    "BAIL",
    "BAIL D'HABITATION",
    "CONTRAT DE BAIL",
    "LEASE AGREEMENT",
    "TENANCY AGREEMENT",
)
RECEIPT = ("QUITTANCE DE LOYER", "QUITTANCE", "RENT RECEIPT")
PARTIES = (
    "BAILLEUR",
    "LOCATAIRE",
    "PRENEUR",
    "LANDLORD",
    "TENANT",
    "LOYER",
    "DEPOT DE GARANTIE",
    "LOI N 89-462",
    "89-462",
    "POUR LE MOIS DE",
)


#: What a rental contract for anything but a home names: a car, a van, equipment.
NOT_A_HOME = (
    "VEHICULE",
    "KILOMETRAGE",
    "IMMATRICULATION",
    "PERMIS DE CONDUIRE",
    "CARBURANT",
    "LOCATION DE VOITURE",
    "LOCATION DE MATERIEL",
    "VEHICLE",
    "MILEAGE",
    "CAR RENTAL",
)
#: What only a home's lease or rent receipt names.
HOME = ("LOYER", "LOGEMENT", "HABITATION", "APPARTEMENT", "89-462", "RENT", "DWELLING")


def detect(s: Signals) -> Classification | None:
    contract = s.titled(*CONTRACT)
    receipt = s.titled(*RECEIPT)
    if not contract and not receipt:
        return None
    parties = s.found(*PARTIES)
    evidence = [keyword_evidence(contract + receipt + parties[:4])]
    score = 0.4 + min(0.5, 0.15 * len(parties))
    # R-RES-1: the lease of a home; a car rental contract names a "locataire" too
    vehicle = s.found(*NOT_A_HOME)
    if vehicle and not s.found(*HOME):
        score = min(score, 0.45)
        evidence.append(keyword_evidence(vehicle) + " (a rental of no home)")
    return result(TYPE_ID, score, evidence)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    receipt = bool(s.found(*RECEIPT)) and not s.found("CONTRAT DE LOCATION", "CONTRAT DE BAIL")
    fields: dict[str, Any] = {"kind": "receipt" if receipt else "contract"}
    start = date_after_label(
        s.text,
        [
            "prise d'effet",
            "à compter du",
            "date de début",
            "commence le",
            "start date",
            "a compter du",
        ],
    )
    if start:
        fields["start_date"] = start.isoformat()
    periods = find_periods(s.text)
    if periods:
        fields["period_start"], fields["period_end"] = (d.isoformat() for d in periods[0])
    issued = date_after_label(s.text, ["fait à", "fait le", "le", "date"])
    if issued:
        fields["issue_date"] = issued.isoformat()
    holder = value_after_label(
        s.text, ["Locataire", "Le locataire", "Preneur", "Tenant", "reçu de", "Reçu de"]
    )
    if holder:
        fields["holder"] = holder
    return fields, []
