"""Helpers shared by the type modules: scoring, MRZ fields, labelled values."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dossier_check.fields.dates import date_after_label
from dossier_check.fields.mrz import Mrz
from dossier_check.model import Classification, Finding, Severity
from dossier_check.signals import Signals
from dossier_check.text import fold

#: Labels an identity document prints beside its fields (§2): with a title but no
#: MRZ, at least two of them separate a card from a letter that names one.
ID_LABELS = (
    "NOM",
    "SURNAME",
    "PRENOM",
    "PRENOMS",
    "GIVEN NAMES",
    "DATE DE NAISSANCE",
    "DATE OF BIRTH",
    "NE LE",
    "NEE LE",
    "SEXE",
    "SEX",
    "NATIONALITE",
    "NATIONALITY",
    "VALABLE JUSQU'AU",
    "DATE D'EXPIRATION",
    "DATE OF EXPIRY",
    "LIEU DE NAISSANCE",
    "PLACE OF BIRTH",
)


#: The first line of a machine-readable zone, as far as it reads: document code (2),
#: issuing state (3), then a name or number run with fillers (R-MRZ-1, ICAO 9303).
_MRZ_HEAD = re.compile(r"^([PIAC][A-Z<])([A-Z]{3})[A-Z0-9]{2,}[A-Z0-9<]*<<")


def mrz_head(s: Signals) -> tuple[str, str] | None:
    """(document code, issuing state) of an MRZ line whose check digits cannot be read
    (a phone photo, a 150-dpi scan), when no whole MRZ was found; else None."""
    if s.mrz is not None:
        return None
    for line in s.text.splitlines():
        m = _MRZ_HEAD.match(line.strip().replace(" ", "").upper())
        if m:
            return m.group(1), m.group(2)
    return None


def result(type_id: str, score: float, evidence: list[str]) -> Classification | None:
    """A Classification clipped to [0, 1], or None for a zero score."""
    if score <= 0:
        return None
    return Classification(type_id, round(min(1.0, score), 2), tuple(evidence))


def keyword_evidence(found: list[str]) -> str:
    """'keywords: a, b' for the keywords found, leaving out one that only repeats part of
    a longer one found too ("ouverture des droits" beside "demande d'ouverture des droits")."""
    folded = [fold(k) for k in found]
    kept = []
    for i, k in enumerate(found):
        if k.lower() in (x.lower() for x in kept):
            continue
        if any(
            j != i and folded[i] in other and folded[i] != other for j, other in enumerate(folded)
        ):
            continue
        kept.append(k)
    return "keywords: " + ", ".join(k.lower() for k in kept)


def mrz_evidence(mrz: Mrz) -> str:
    checks = dict(mrz.checks)
    passed = sum(checks.values())
    if mrz.valid:
        return f"MRZ {mrz.format} with valid check digits"
    return f"MRZ {mrz.format}, {passed}/{len(checks)} check digits valid"


def iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def mrz_fields(mrz: Mrz) -> dict[str, Any]:
    """The contract's identity fields from an MRZ (absent values left out)."""
    fields: dict[str, Any] = {
        "surname": mrz.surname,
        "given_names": mrz.given_names,
        "nationality": mrz.nationality,
        "issuing_state": mrz.issuing_state,
        "birth_date": iso(mrz.birth_date),
        "sex": mrz.sex,
        "expiry_date": iso(mrz.expiry_date),
        "issue_date": iso(mrz.issue_date),
        "document_number": mrz.document_number,
        "mrz_format": mrz.format,
        "mrz_valid": mrz.valid,
    }
    return {k: v for k, v in fields.items() if v not in (None, "")}


def mrz_problems(mrz: Mrz) -> list[Finding]:
    if mrz.valid:
        return []
    failed = [name for name, ok in mrz.checks if not ok]
    return [Finding("mrz_check_digit", Severity.WARNING, {"checks": ", ".join(failed)}, "R-MRZ-2")]


#: What OCR makes of a run of '<' fillers glued to a name: K, L, X, E, C, £.
_FILLER_GHOSTS = frozenset("KLXEC")


def repair_mrz_name(name: str, visual: str) -> str:
    """Drop filler ghosts from MRZ name tokens, using the printed (visual) zone.

    Names are not covered by check digits, and OCR often reads a '<' next to a
    name as a letter ("JANE<<" -> "JANEX"). A token absent from the page text
    whose prefix without its ghost letters is printed there is cut back
    (R-ID-8 cross-check). A trailing one-letter ghost token is dropped.
    """
    words = set(re.findall(r"[A-Z]+", visual))
    out: list[str] = []
    for tok in name.split():
        if tok not in words:
            cut = tok
            while cut and cut[-1] in _FILLER_GHOSTS and cut not in words:
                cut = cut[:-1]
            if cut in words and len(cut) >= 2:
                tok = cut
        out.append(tok)
    while len(out) > 1 and len(out[-1]) == 1 and out[-1] in _FILLER_GHOSTS:
        out.pop()
    return " ".join(out)


def identity_extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    """Fields of an identity document: the MRZ first, the printed labels as fallback."""
    fields: dict[str, Any] = {}
    problems: list[Finding] = []
    if s.mrz is not None:
        fields.update(mrz_fields(s.mrz))
        problems.extend(mrz_problems(s.mrz))
        visual = fold(" ".join(line for line in s.text.splitlines() if "<" not in line))
        for key in ("surname", "given_names"):
            if key in fields:
                fields[key] = repair_mrz_name(fields[key], visual)
    if "expiry_date" not in fields:
        expiry = date_after_label(
            s.text,
            [
                "date d'expiration",
                "date of expiry",
                "expiry",
                "valable jusqu'au",
                "valide jusqu'au",
                "fin de validite",
                "expire le",
                "until",
            ],
        )
        if expiry:
            fields["expiry_date"] = expiry.isoformat()
    if "surname" not in fields:
        surname = value_after_label(s.text, ["Nom", "Surname", "Apellidos", "Nom/Surname"])
        if surname:
            fields["surname"] = surname
    if "given_names" not in fields:
        given = value_after_label(s.text, ["Prénoms", "Prénom", "Given names", "Nombres"])
        if given:
            fields["given_names"] = given
    if "birth_date" not in fields:
        born = date_after_label(s.text, ["date de naissance", "date of birth", "né le", "née le"])
        if born:
            fields["birth_date"] = born.isoformat()
    if "expiry_date" not in fields:
        problems.append(
            Finding("unreadable_field", Severity.ERROR, {"field": "expiry_date"}, "R-SCAN-2")
        )
    if s.mrz is not None:
        problems.extend(visual_mismatches(s, fields))
    if s.found(*CANCELLED):  # R-ID-9
        problems.append(Finding("cancelled_document", Severity.ERROR, {}, "R-ID-9"))
    return fields, problems


#: Words that void an identity document (R-ID-9).
CANCELLED = ("SPECIMEN", "ANNULE", "ANNULEE", "CANCELLED", "CANCELED", "VOID")
_VISUAL_DATES = {
    "expiry_date": [
        "date d'expiration",
        "date of expiry",
        "fecha de caducidad",
        "data de validade",
        "valable jusqu'au",
        "expiry",
    ],
    "birth_date": [
        "date de naissance",
        "date of birth",
        "fecha de nacimiento",
        "data de nascimento",
        "né(e) le",
        "né le",
        "née le",
    ],
}


def visual_mismatches(s: Signals, fields: dict[str, Any]) -> list[Finding]:
    """R-ID-8: a printed date that disagrees with the MRZ's (both read) is a warning."""
    visual_text = "\n".join(line for line in s.text.splitlines() if "<<" not in line)
    out: list[Finding] = []
    for key, labels in _VISUAL_DATES.items():
        mrz_value = fields.get(key)
        printed = dated(visual_text, labels)
        if mrz_value and printed and printed != mrz_value:
            out.append(
                Finding(
                    "mrz_visual_mismatch",
                    Severity.WARNING,
                    {"field": key, "mrz": mrz_value, "printed": printed},
                    "R-ID-8",
                )
            )
    return out


def value_after_label(text: str, labels: list[str]) -> str | None:
    """The name-like words after a label on its line (after the last ':'), or on the
    next line when the label stands alone ("Client" / "Mme Jane DOE").

    Stops at the first token holding a digit, so "Nom : DOE Jane 12/03/1990"
    gives "DOE Jane"; a label followed by a number ("Réf. client 31792") gives
    nothing rather than the next line. "(s)" / "(e)" after a label is skipped.
    """
    for label in labels:
        pattern = rf"(?im)(?<![\w]){re.escape(label)}(?:\s?\([a-z]{{1,2}}\))?(?![\w])(.*)$"
        for m in re.finditer(pattern, text):
            rest = m.group(1)
            if ":" in rest:
                rest = rest.rsplit(":", 1)[1]
            if rest.strip(" \t:;|-/.,"):
                value = _name_prefix(rest)
            else:
                following = text[m.end() :].lstrip("\n").split("\n", 1)[0]
                value = _name_prefix(following)
            if value:
                return value
    return None


_CIVILITY = {
    "M",
    "M.",
    "MR",
    "MR.",
    "MME",
    "MME.",
    "MLLE",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "MONSIEUR",
    "MADAME",
    "SR",
    "SR.",
    "SRA",
    "SRA.",
    "HERR",
    "FRAU",
}
#: Words that sit where a name is expected but are labels or prose, never names.
_NOT_NAMES = {
    "DOMICILIATION",
    "ADRESSE",
    "ADDRESS",
    "CLIENT",
    "TITULAIRE",
    "KONTOINHABER",
    "IBAN",
    "BIC",
    "DATE",
    "NOM",
    "PRENOM",
    "PRENOMS",
    "SURNAME",
    "NAME",
    "BANQUE",
    "BANK",
    "AGENCE",
    "COMPTE",
    "ACCOUNT",
    "REFERENCE",
    "NUMERO",
    "CONTRAT",
    "FACTURE",
    "PERIODE",
    "MONTANT",
    "TOTAL",
    "SIGNATURE",
    "LE",
    "LA",
    "LES",
    "DU",
    "DE",
    "DES",
    "EST",
    "ET",
    "A",
    "AU",
}


#: Name particles, allowed in capitals before another name word ("M. DE VRIES Daan").
_PARTICLES = {"DE", "DU", "DES", "LE", "LA"}
#: Words then a colon: a label ("Lieu de consommation :"), never a name.
_LABEL_HEAD = re.compile(r"[^\W\d_][^\d:\n]{0,40}:")
#: One capitalised word then a lowercase "de"/"du"/"d'": a label even without its colon.
_LABEL_WORDS = re.compile(r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+\s+(?:de|du|des|d['\u2019])(?!\w)")


def _name_prefix(s: str) -> str:
    """The leading words of ``s`` if they look like a person's name, else ''.

    A name here is 1-5 capitalised words (civilities allowed), none of them a
    label word: "M. Mamadou DIOP" and "Valeria" pass; "Domiciliation" and
    "est engagé à compter du" do not.
    """
    tokens: list[str] = []
    for tok in s.strip(" \t:;|-/").split():
        if any(ch.isdigit() for ch in tok) or not any(ch.isalpha() for ch in tok):
            break
        if any(not ch.isalpha() and ch not in "'\u2019-.,;" for ch in tok):
            break  # "PCE<", "N°": a code or a label, not a name word
        if tokens and not tok[:1].isupper():
            break  # "M. Youssef BERRADA né le ..." ends at "né"
        tokens.append(tok.strip(",;"))
        if len(tokens) == 5 or tok.endswith((",", ";")):
            break
    head = s.lstrip(" \t:;|-/")
    if _LABEL_HEAD.match(head) or _LABEL_WORDS.match(head):
        return ""  # "Lieu de livraison : ...", "Identifiant de ligne" is the next label
    core = [t for t in tokens if fold(t) not in _CIVILITY]
    if not core or len("".join(core)) < 3:
        return ""
    if any(
        fold(t).strip("'-") in _NOT_NAMES
        and not (t.isupper() and t in _PARTICLES and i < len(core) - 1)  # "DE VRIES"
        for i, t in enumerate(core)
    ):
        return ""
    if not all(t[:1].isupper() for t in core):
        return ""
    return " ".join(tokens)


def name_after(text: str, anchors: list[str], window: int = 120) -> str | None:
    """The first name-like words within ``window`` characters after an anchor
    ("héberger à titre gratuit à mon domicile M. Youssef BERRADA, né le" gives
    "M. Youssef BERRADA"). Anchors are tried in order."""
    for anchor in anchors:
        for m in re.finditer(rf"(?i)(?<!\w){re.escape(anchor)}(?!\w)", text):
            tokens = text[m.end() : m.end() + window].split()
            for i in range(len(tokens)):
                value = _name_prefix(" ".join(tokens[i:]))
                if value:
                    return value
    return None


def dated(text: str, labels: list[str]) -> str | None:
    """ISO date after the first label (in the order given) that has one."""
    for label in labels:
        found = date_after_label(text, [label])
        if found:
            return found.isoformat()
    return None
