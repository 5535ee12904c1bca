"""The S1106 PUMa request (former 736) or the 'Ma nouvelle carte Vitale' form (R-DOS-1, R-VIT-5)."""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import dated, keyword_evidence, result, value_after_label
from dossier_check.fields.dates import date_after_label
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "application_form"
#: Titles of the PUMa request (S1106, cerfa 15763, the former 736) in the wordings
#: CPAMs have used; OCR slips allowed (found_fuzzy).
PUMA = (
    "DEMANDE D'OUVERTURE DES DROITS A L'ASSURANCE MALADIE",
    "OUVERTURE DES DROITS A L'ASSURANCE MALADIE",
    "DEMANDE D'OUVERTURE DES DROITS",
    "DEMANDE D'OUVERTURE DE DROITS",
    "OUVERTURE DE DROITS A L'ASSURANCE MALADIE",
    "DEMANDE D'AFFILIATION",
    "PROTECTION UNIVERSELLE MALADIE",
    "S 1106",  # spaces flex: matches "S1106" too
    "15763",
)
VITALE = (
    "MA NOUVELLE CARTE VITALE",
    "DEMANDE DE CARTE VITALE",
    "DEMANDE DE LA CARTE VITALE",
    "FORMULAIRE DE DEMANDE DE CARTE VITALE",
    "COMMANDE DE CARTE VITALE",
    "VOTRE CARTE VITALE AVEC PHOTO",
)
#: Short titles that only count at the head of a page, with a form's labels.
WEAK = ("PUMA", "736", "CARTE VITALE", "DEMANDE D'IMMATRICULATION")
CONTEXT = ("ASSURANCE MALADIE", "CPAM", "CAISSE PRIMAIRE", "SECURITE SOCIALE", "AMELI", "CNAMTS")
#: What a form to fill and sign carries: blank labels, ticks, the signature block.
FORM_WORDS = (
    "CERFA",
    "SIGNATURE",
    "FAIT A",
    "JE CERTIFIE",
    "SUR L'HONNEUR",
    "DATE DE NAISSANCE",
    "NOM DE NAISSANCE",
    "PRENOM",
    "LIEU DE NAISSANCE",
    "NATIONALITE",
    "ADRESSE",
    "CODE POSTAL",
    "PIECES JUSTIFICATIVES",
    "PIECES A JOINDRE",
    "CADRE RESERVE",
    "A REMPLIR",
    "COCHEZ",
    "PHOTO",
)
#: A letter about a form (a CPAM reply, a reminder) is not the form.
LETTER = ("MADAME, MONSIEUR", "NOUS VOUS INFORMONS", "VEUILLEZ AGREER", "CORDIALEMENT", "DEAR")


def detect(s: Signals) -> Classification | None:
    titles = s.titled(*PUMA, *VITALE)
    weak = [w for w in s.found_in_head(*WEAK) if w not in titles]
    if not titles and not weak:
        return None
    context = s.found_fuzzy(*CONTEXT)
    form = s.found(*FORM_WORDS)
    # DOMAIN §12: the form's title; a bare number or a short word only at the top of
    # a page that also reads like a form (labels to fill) in a health-insurance context.
    if titles:
        score = 0.5 if s.found_in_head(*titles) or len(form) >= 3 else 0.35
    else:
        # a short word at the top: only a page to fill and sign, not an attestation or
        # a letter that names the carte Vitale in its heading
        if len(form) < 3 or not context or "SIGNATURE" not in form:
            return None
        if s.found_in_head("ATTESTATION"):
            return None
        score = 0.3
    score += (0.1 if context else 0.0) + min(0.3, 0.06 * len(form))
    if s.found(*LETTER):
        score -= 0.25
    return result(TYPE_ID, score, [keyword_evidence(titles + weak + context[:1] + form[:3])])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {"form": "carte_vitale" if s.found_fuzzy(*VITALE) else "s1106"}
    surname = value_after_label(s.text, ["Nom de naissance", "Nom", "Surname"])
    if surname:
        fields["surname"] = surname
    given = value_after_label(s.text, ["Prénoms", "Prénom", "Given names"])
    if given:
        fields["given_names"] = given
    born = date_after_label(s.text, ["date de naissance", "né(e) le", "né le", "née le"])
    if born:
        fields["birth_date"] = born.isoformat()
    signed = dated(s.text, ["fait à", "faità", "fait le", "signé le", "date :"])
    if signed:
        fields["signature_date"] = signed
    fields["signed"] = bool(signed) and bool(re.search(r"(?i)signature", s.text))
    return fields, []
