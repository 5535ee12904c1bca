"""Relevé d'identité bancaire (R-RIB-1..7).

Never a ``rib`` without an IBAN that passes mod-97 (R-RIB-1); the bank
wording decides between a RIB and a bill or payslip that merely quotes one.
"""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import (
    addressee,
    civility_name,
    keyword_evidence,
    result,
    value_after_label,
)
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
    "ACCOUNT DETAILS",
    "COORDONNEES BANCAIRES",
    "ATTESTATION DE COORDONNEES BANCAIRES",
    "CERTIFICAT DE TITULARITE",
    "ATTESTATION DE TITULARITE",
    "IBAN CERTIFICATE",
    "ACCOUNT CONFIRMATION",
    "CONFIRMATION OF ACCOUNT",
    "BANKVERBINDUNG",
    "KONTOBESTATIGUNG",
    "KONTOBESTAETIGUNG",
    "DATOS BANCARIOS",
    "CERTIFICADO DE TITULARIDAD",
    "CERTIFICADO DE CUENTA",
    "COMPROVATIVO DE IBAN",
    "DECLARACAO DE TITULARIDADE",
    "COORDENADAS BANCARIAS",
    "COORDINATE BANCARIE",
    "BANKGEGEVENS",
    "PROOF OF ACCOUNT",
    "BANK ACCOUNT CONFIRMATION",
    "BANKO REKVIZITAI",
    # the same paper under its issuers' own names: La Banque Postale's relevé
    # d'identité postal (RIP), the Caisse d'Épargne's (RICE), a bank's letter
    "RELEVE D'IDENTITE POSTAL",
    "RELEVE D'IDENTITE CAISSE D'EPARGNE",
    "ATTESTATION DE DOMICILIATION BANCAIRE",
    "DOMICILIATION BANCAIRE",
    "ATTESTATION DE COMPTE",
    "CONFIRMATION DE COMPTE",
    "ACCOUNT INFORMATION",
    "BANK ACCOUNT INFORMATION",
    "KONTOINFORMATIONEN",
    "IBAN-BESTATIGUNG",
    "CERTIFICADO BANCARIO",
    "DATOS DE LA CUENTA",
    "DADOS BANCARIOS",
    "ATTESTAZIONE DI TITOLARITA",
    "ESTREMI DEL CONTO",
    "REKENINGGEGEVENS",
    "DONNEES DU COMPTE",
    "DONNEES BANCAIRES",
    "IDENTIFICATION BANCAIRE",
    "IDENTIFICACAO BANCARIA",
    "DADOS DA CONTA",
    "KONTODATEN",
    "BEVESTIGING VAN REKENINGNUMMER",
)
#: The labels that sit beside a bank account's identifiers.
LABELS = (
    "IBAN",
    "BIC",
    "CODE BANQUE",
    "CODE GUICHET",
    "CLE RIB",
    "DOMICILIATION",
    "TITULAIRE DU COMPTE",
    "INTITULE DU COMPTE",
    "ACCOUNT HOLDER",
    "ACCOUNT NAME",
    "BENEFICIARY",
    "TITULAR",
    "KONTOINHABER",
    "SWIFT",
    "NUMERO DE COMPTE",
    "ACCOUNT NUMBER",
    "SORT CODE",
    "INTESTATARIO",
    "REKENINGHOUDER",
    "SASKAITOS SAVININKAS",
    "BANQUE",
    "BANK",
    "CODE BIC",
    "CODE SWIFT",
    "NOM DU TITULAIRE",
    "TITULAIRE",
    "ACCOUNT OWNER",
    "KONTONUMMER",
    "NUMERO DE CUENTA",
    "TITULAR DE LA CUENTA",
    "TITOLARE",
    "NUMERO DI CONTO",
    "BENEFICIARIO",
)
#: Titles of documents that quote an IBAN without being a RIB: a statement, a bill,
#: a payslip, a tax notice, a direct-debit mandate or schedule.
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
    "SOLDE AU",
    "ACCOUNT STATEMENT",
    "STATEMENT OF ACCOUNT",
    "KONTOAUSZUG",
    "EXTRACTO",
    "MANDAT DE PRELEVEMENT",
    "MANDAT SEPA",
    "ECHEANCIER",
    "AVIS D'ECHEANCE",
)
#: A direct debit as a schedule or a bill's payment page sets it up: when and how it
#: is taken. A RIB's footer only names debits among the uses of the paper ("pour
#: mettre en place un prélèvement", "virements, prélèvements"), which is no evidence
#: against it: an untitled RIB with that footer was typed unknown (dev seed 8942).
DEBIT = (
    "PRELEVEMENT AUTOMATIQUE",
    "PRELEVEMENT LE",
    "PRELEVE LE",
    "PRELEVEMENT MENSUEL",
    "DATE DE PRELEVEMENT",
    "MONTANT PRELEVE",
    "DE CHAQUE MOIS",
    "MODALITES DE PAIEMENT",
    "MODE DE PAIEMENT",
    "DIRECT DEBIT ON",
    "DEBITED ON",
)
#: A letter or a request for payment quoting where to pay: not a RIB without its title.
#: Its frame (a salutation, a closing) or the request itself; not the polite words a
#: RIB's own footer uses ("veuillez communiquer ce document", "merci de vérifier",
#: "pour être payé par virement").
LETTER = (
    "MADAME, MONSIEUR",
    "CHERE MADAME",
    "CHER MONSIEUR",
    "CORDIALEMENT",
    "SALUTATIONS",
    "VEUILLEZ AGREER",
    "DEAR",
    "SINCERELY",
    "KIND REGARDS",
    "A REGLER",
    "MERCI DE REGLER",
    "VEUILLEZ REGLER",
    "MONTANT A PAYER",
    "MONTANT DU",
    "DEPOT DE GARANTIE",
    "PLEASE PAY",
    "AMOUNT DUE",
)


#: Lines at the top of a page where another document's title stands (a RIB is short:
#: its footer is within the eight lines ``Signals.head`` takes).
TITLE_LINES = 3

#: A RIB is short: at most this many words besides its boilerplate.
SHORT = 80


def detect(s: Signals) -> Classification | None:
    valid = s.valid_ibans
    if not valid:
        return None  # R-RIB-1: never a rib without an IBAN that passes mod-97
    iban = valid[0]
    evidence = [f"IBAN {iban.country}…{iban.iban[-4:]} passes mod-97"]
    titles = s.found_fuzzy(*TITLES)
    labels = s.found(*LABELS)
    # Another document's title words count wherever they stand on a page without a RIB
    # title; under one, only in a page's first lines: a RIB's footer may name "un
    # mandat SEPA" or "une facture" among its uses, a bill or statement titles itself.
    others = s.found_in_head(*OTHER_DOCS, lines=TITLE_LINES) if titles else s.found(*OTHER_DOCS)
    score = 0.35
    if titles:
        score += 0.4
        evidence.append(keyword_evidence(titles))
    if labels:
        score += min(0.25, 0.08 * len(labels))
        evidence.append(keyword_evidence(labels))
    # the IBAN's country given: a BIC printed without its label counts too, even when the
    # IBAN passes only once OCR slips are repaired ("PTS0" for "PT50")
    bic = next(iter(find_bics(s.text, iban.country)), None)
    if bic is not None or (iban.country == "MC" and find_bics(s.text)):
        score += 0.1
        evidence.append(f"BIC of the IBAN's country ({iban.country})")
    parts = account_parts_apart(s.text, iban.iban)
    if parts:
        score += 0.15
        evidence.append("the account's parts printed apart from the IBAN: " + ", ".join(parts))
    if s.word_count <= SHORT:  # a page built around the account's identifiers
        score += 0.05
    # a direct-debit or letter wording only counts against an untitled page: a bill's mandate
    # page lists IBAN, BIC and holder too, and as a part of a bundle it must not pass
    against = others or ([] if titles else s.found(*DEBIT, *LETTER))
    if against:
        score -= 0.35
        evidence.append(keyword_evidence(against))
    return result(TYPE_ID, score, evidence)


#: Words before a civility that make the name someone else's: an adviser, a contact.
_NOT_HOLDERS = ("CONSEILLER", "CONSEILLERE", "ADVISER", "ADVISOR", "CONTACT", "PAR", "BY")

#: A part of the account shorter than this is no evidence (a postcode, a year).
_MIN_PART = 5


def account_parts_apart(text: str, iban: str) -> list[str]:
    """Parts of ``iban``'s BBAN printed as words of their own (masked but their
    last 2 characters): a RIB's table (code banque, guichet, compte, clé) or a
    foreign bank's sort code and account number. A bill or a tax notice quotes
    the IBAN alone, in groups of four that no part of five characters or more equals.
    """
    bban = iban[4:]
    found: list[str] = []
    for word in re.findall(r"[A-Z0-9][A-Z0-9-]*[A-Z0-9]", text.upper()):
        part = word.replace("-", "")
        if len(part) >= _MIN_PART and part != iban and part in bban and part not in found:
            found.append(part)
    return ["…" + p[-2:] for p in found]


def near_miss(s: Signals) -> Finding | None:
    """A RIB by its title whose IBAN fails mod-97: not a ``rib`` (R-RIB-1, DOMAIN §12),
    but ``bank_details`` is then invalid, naming this file, rather than missing
    (CONTRACT: "IBAN or clé RIB fails")."""
    if s.valid_ibans or not s.ibans or not s.found_fuzzy(*TITLES):
        return None
    return Finding(
        "iban_invalid", Severity.ERROR, {"iban": mask(s.ibans[0].iban), "type": TYPE_ID}, "R-RIB-1"
    )


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
    # R-RIB-4: the holder under its label (FR, EN, ES, PT, IT, NL, DE); else the
    # civility-led name (not an adviser's) or the name over a postal address.
    holder = (
        value_after_label(
            s.text,
            [
                "Titulaire du compte",
                "Nom du titulaire",
                "Titulaire",
                "Intitulé du compte",
                "Account holder",
                "Account name",
                "Account owner",
                "Name of account holder",
                "Beneficiary",
                "Titular de la cuenta",
                "Nombre del titular",
                "Titular da conta",
                "Nome do titular",
                "Titular",
                "Intestatario del conto",
                "Intestatario",
                "Naam rekeninghouder",
                "Rekeninghouder",
                "Kontoinhaber",
                "Inhaber",
            ],
        )
        or civility_name(s.text, _NOT_HOLDERS)
        or addressee(s.text)
    )
    if holder:
        fields["holder"] = holder
    return fields, problems
