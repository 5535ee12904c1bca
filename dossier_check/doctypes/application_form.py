"""The S1106 PUMa request (former 736) or the 'Ma nouvelle carte Vitale' form (R-DOS-1, R-VIT-5)."""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import dated, keyword_evidence, result, value_after_label
from dossier_check.fields.dates import date_after_label
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "application_form"
PUMA = (
    "DEMANDE D'OUVERTURE DES DROITS A L'ASSURANCE MALADIE",
    "S1106",
    "S 1106",
    "PROTECTION UNIVERSELLE MALADIE",
    "736",
)
VITALE = ("MA NOUVELLE CARTE VITALE", "DEMANDE DE CARTE VITALE")
FORM_WORDS = (
    "ASSURANCE MALADIE",
    "CERFA",
    "SIGNATURE",
    "FAIT A",
    "JE CERTIFIE",
    "DECLARE SUR L'HONNEUR",
)


def detect(s: Signals) -> Classification | None:
    puma = s.found(*PUMA)
    vitale = s.found(*VITALE)
    if not puma and not vitale:
        return None
    if puma == ["736"] and not vitale:  # a bare number is no title
        puma = []
        if not s.found("CNAMTS"):
            return None
    form = s.found(*FORM_WORDS)
    score = 0.45 + (0.3 if puma or vitale else 0.0) + min(0.2, 0.07 * len(form))
    return result(TYPE_ID, score, [keyword_evidence(puma + vitale + form[:3])])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    fields: dict[str, Any] = {"form": "carte_vitale" if s.found(*VITALE) else "s1106"}
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
