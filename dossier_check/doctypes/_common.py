"""Helpers shared by the type modules: scoring, MRZ fields, labelled values."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from dossier_check.fields.address import STREET_LINE
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
    """The name-like words after a label on its line, or on the next line when the
    label starts its line and nothing name-like follows it there: "Client" / "Mme
    Jane DOE", "Titulaire :" / "M. Jean DUPONT", and a two-column heading
    "Titulaire du compte  Domiciliation" over "M. Jean DUPONT  AGENCE LYON" (the name
    stops where the second column's value starts, see :func:`_name_prefix`).

    Stops at the first token holding a digit, so "Nom : DOE Jane 12/03/1990"
    gives "DOE Jane"; a label followed by a number ("Réf. client 31792") gives
    nothing rather than the next line. "(s)" / "(e)" after a label is skipped. A
    label ending a sentence ("... à disposition du salarié." / "Fait à Paris")
    never takes the next line.
    """
    exact = [re.escape(label) for label in labels]
    slipped = [_one_slip(label) for label in labels if len(label) >= _SLIP_MIN]
    for label in exact + slipped:  # a label misread by one letter only when none is read
        pattern = rf"(?im)(?<![\w]){label}(?:\s?\([a-z]{{1,2}}\))?(?![\w])(.*)$"
        for m in re.finditer(pattern, text):
            rest = m.group(1)
            if ":" in rest:
                before, after = rest.split(":", 1)
                before = re.sub(r"\([^)]*\)", " ", before)  # "(nom, prénom)"
                if not before.strip() or before.lstrip().startswith("/") or _prose(before):
                    rest = after  # "Nom :", "Nom/Surname :", "Nom de famille :"
                else:
                    rest = before  # "Titulaire  Domiciliation :": a second column's label
            value = _name_prefix(rest) if rest.strip(" \t:;|-/.,") else ""
            if not value and _starts_line(text, m.start()) and not _prose(rest):
                following = text[m.end() :].lstrip("\n").split("\n", 1)[0]
                value = _name_prefix(following)
            if value:
                return value
    return None


#: Labels this long are also looked for with one letter misread or dropped by OCR
#: ("Fitulaire", "Tiulaire"), once no label is found as written.
_SLIP_MIN = 8


def _one_slip(label: str) -> str:
    """A regex for ``label`` with any one letter misread or dropped."""
    variants = []
    for i, ch in enumerate(label):
        if ch.isalpha():
            variants.append(re.escape(label[:i]) + r"\S" + re.escape(label[i + 1 :]))
            variants.append(re.escape(label[:i]) + re.escape(label[i + 1 :]))
    return "(?:" + "|".join(variants) + ")"


def _starts_line(text: str, at: int) -> bool:
    """Whether only a bullet, a table border, an article ("Le salarié") or the same
    label in another language ("Beneficiary / Account holder") stands before
    position ``at`` on its line."""
    head = text[text.rfind("\n", 0, at) + 1 : at].strip(" \t|*-•>:")
    return not head or fold(head) in _ARTICLES or head.endswith("/")


def _prose(rest: str) -> bool:
    """Whether what follows a label on its line is a sentence going on ("Le salarié
    est engagé ..."), not a second column's heading ("Domiciliation")."""
    words = rest.strip(" \t:;|-/.,").split()
    return bool(words) and not words[0][:1].isupper()


#: Articles a label may carry at the start of its line ("Le salarié", "The employee").
_ARTICLES = {"LE", "LA", "L'", "LES", "THE", "EL", "LOS", "O", "A", "DER", "DIE"}

_CIVILITY = {
    "M",
    "M.",
    "MR",
    "MR.",
    "MM.",
    "MME",
    "MME.",
    "MMES",
    "MLLE",
    "MLLE.",
    "MELLE",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "MISS",
    "MONSIEUR",
    "MADAME",
    "MADEMOISELLE",
    "SR",
    "SR.",
    "SRA",
    "SRA.",
    "SRTA",
    "SRTA.",
    "D.",
    "DNA",
    "DNA.",
    "DON",
    "DONA",
    "SENHOR",
    "SENHORA",
    "HERR",
    "HERRN",
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
    "SWIFT",
    "RIB",
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
    "FAIT",
    "LU",
    "DEMEURANT",
    "DOMICILIE",
    "DOMICILIEE",
    "EMPLOYEUR",
    "EMPLOYER",
    "SALARIE",
    "SALARIEE",
    "EMPLOYEE",
    "MATRICULE",
    "EMPLOI",
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
#: Words of an organisation: where one follows a name on its line, a second column
#: starts there ("JEAN DUPONT  AGENCE LYON", "M. Jean DUPONT  Banque Hexagonale").
_ORG_WORDS = {
    "AGENCIA",
    "BANCO",
    "BANCA",
    "CAISSE",
    "CAJA",
    "CREDIT",
    "SPARKASSE",
    "MUTUELLE",
    "SUCCURSALE",
    "FILIALE",
    "SIEGE",
    "SOCIETE",
    "ENTREPRISE",
    "COMPANY",
    "GROUPE",
    "ASSOCIATION",
    "URSSAF",
    "SIRET",
    "SAS",
    "SASU",
    "SARL",
    "SA",
    "EURL",
    "SNC",
    "SCI",
    "GMBH",
    "LTD",
    "PLC",
    "INC",
    "LLC",
    "SRL",
    "SPA",
}
#: Company forms: a name they directly follow is a company's ("ACME SAS").
_LEGAL_FORMS = {"SAS", "SASU", "SARL", "SA", "EURL", "SNC", "SCI", "GMBH", "LTD", "PLC", "INC"}
_LEGAL_FORMS |= {"LLC", "SRL", "SPA"}
#: Words joining two civilities of a joint holder: "M. et Mme DUPONT", "Mr & Mrs".
_JOINERS = {"ET", "OU", "&", "AND", "OR", "UND", "Y", "E"}
#: Name particles, allowed in capitals before another name word ("M. DE VRIES Daan").
_PARTICLES = {"DE", "DU", "DES", "LE", "LA", "VAN", "VON", "DEL", "DA", "DOS", "DI"}
#: The same in lower case, inside a name before a capitalised word ("Daan de Vries").
_LOWER_PARTICLES = {"de", "du", "des", "van", "von", "der", "den", "da", "das", "do", "dos"}
_LOWER_PARTICLES |= {"del", "della", "di", "la", "le", "el", "al", "bin", "ben", "ibn"}
#: Words then a colon: a label ("Lieu de consommation :"), never a name.
_LABEL_HEAD = re.compile(r"[^\W\d_][^\d:\n]{0,40}:")
#: One capitalised word then a lowercase "de"/"du"/"d'": a label even without its colon.
_LABEL_WORDS = re.compile(
    r"[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]+\s+(?:de|du|des|d['\u2019])(?!\w)(?!\s*[A-Z\u00c0-\u00de])"
)


def _is_civility(word: str) -> bool:
    return fold(word) in _CIVILITY


def _name_prefix(s: str) -> str:
    """The leading words of ``s`` if they look like a person's name, else ''.

    A name here is 1-5 capitalised words (civilities and particles allowed), none
    of them a label word: "M. Mamadou DIOP", "DUPONT Jean", "Daan de Vries",
    "M. et Mme DUPONT" and "Valeria" pass; "Domiciliation" and "est engagé à
    compter du" do not. The name ends where a second column plausibly starts: at
    a label or organisation word ("JEAN DUPONT AGENCE LYON"), or at a third run of
    capitals / capitalised words ("Jean DUPONT Banque ...", "DUPONT Jean URSSAF").
    """
    head = s.lstrip(" \t:;|-/")
    raw = head.split()
    label = _LABEL_HEAD.match(head)
    if label and len(label.group().split()) <= 4 and not (raw and _is_civility(raw[0])):
        return ""  # "Lieu de livraison : ...", not "M. DUPONT Jean  Agence : ..."
    if _LABEL_WORDS.match(head):
        return ""  # "Identifiant de ligne" is the next label, not "Daan de Vries"
    tokens: list[str] = []
    core: list[str] = []
    runs: list[str] = []  # "U" for a word in capitals, "C" for a capitalised one
    for i, tok in enumerate(raw):
        if any(ch.isdigit() for ch in tok) or not any(ch.isalpha() for ch in tok):
            if tok == "&" and tokens and _is_civility(tokens[-1]):
                tokens.append(tok)  # "Mr & Mrs SMITH"
                continue
            break
        if any(not ch.isalpha() and ch not in "'\u2019-.,;" for ch in tok):
            break  # "PCE<", "N°": a code or a label, not a name word
        word = tok.strip(",;")
        nxt = raw[i + 1].strip(",;") if i + 1 < len(raw) else ""
        key = re.sub(r"^[LD]['\u2019]", "", fold(word)).strip("'-.")  # "L'employeur"
        if _is_civility(word) and (not core or (tokens and fold(tokens[-1]) in _JOINERS)):
            tokens.append(word)
            runs = []  # a second holder's name: "M. Jean DUPONT et Mme Anna NOWAK"
        elif key in _JOINERS and tokens and _is_civility(nxt):
            tokens.append(word)  # "M. et Mme", "M. Jean DUPONT et Mme Marie DUPONT"
        elif word in _LOWER_PARTICLES and core and nxt[:1].isupper():
            tokens.append(word)  # "Daan de Vries"
        elif not word[:1].isupper():
            break  # "M. Youssef BERRADA né le ..." ends at "né"
        elif key in _NOT_NAMES or key in _ORG_WORDS:
            if word.isupper() and key in _PARTICLES and nxt and nxt[:1].isupper():
                tokens.append(word)  # "DE VRIES", "LÊ THÀNH LONG"
                core.append(word)
            elif not core or (key in _LEGAL_FORMS and len(runs) < 2 and tokens == core):
                return ""  # a label, or a company ("Atelier Boréal SAS"), where a name stands
            else:
                break  # a second column: "JEAN DUPONT AGENCE LYON"
        else:
            letters = [ch for ch in word if ch.isalpha()]
            kind = "U" if len(letters) > 1 and word.isupper() else "C" if len(letters) > 1 else ""
            if kind and (not runs or runs[-1] != kind):
                if len(runs) == 2:
                    break  # "Jean DUPONT Banque", "DUPONT Jean AGENCE": the next column
                runs.append(kind)
            tokens.append(word)
            core.append(word)
        if len(core) == 5 or tok.endswith((",", ";")):
            break
    while tokens and (
        fold(tokens[-1]) in _JOINERS
        or tokens[-1] in _LOWER_PARTICLES
        or (tokens[-1] in core and fold(tokens[-1]) in _PARTICLES and len(core) > 1)
    ):
        if tokens[-1] in core:
            core.remove(tokens[-1])
        tokens.pop()
    if not core or len("".join(core)) < 3:
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


#: What follows a person's name in a clause, never a company's: "né(e) le",
#: "demeurant", "born on", "residing at", "nacido", "wohnhaft".
_PERSON_CUES = re.compile(
    r"(?i)^[\s,(]*(?:n[ée]e?(?:\(e\))?\b|demeurant|domicili[ée]|de nationalit[ée]|"
    r"ci-?apr[èe]s|d[ée]nomm[ée]|(?:the |l')?(?:employee|salari[ée]|employ[ée])|"
    r"born|residing|resident|living|hereinafter|nacid[oa]|residente|domiciliad[oa]|"
    r"en adelante|nascid[oa]|geboren|wohnhaft|im Folgenden)"
)


def name_right_after(text: str, anchors: list[str]) -> str | None:
    """The name that directly follows an anchor, line breaks aside ("atteste que
    M. Jean DUPONT, né le"), when it reads as a person's: led by a civility,
    written "Prénom NOM" / "NOM Prénom", or followed by a person's cue ("né le",
    "demeurant", "born", "residing"). Anchors are tried in order; each may wrap
    over a line break."""
    for anchor in anchors:
        words = r"\s+".join(re.escape(w) for w in anchor.split())
        for m in re.finditer(rf"(?i)(?<!\w){words}(?!\w)", text):
            after = " ".join(text[m.end() : m.end() + 200].split())
            value = _name_prefix(after.lstrip(" :,"))
            if value and _person_like(value, after.lstrip(" :,")[len(value) :]):
                return value
    return None


def _person_like(name: str, then: str) -> bool:
    words = name.split()
    if _is_civility(words[0]):
        return True
    if _PERSON_CUES.match(then):
        return True
    caps = [w for w in words if w.isupper() and len(w) > 1]
    return 0 < len(caps) < len(words) and len(words) >= 2  # "Jane DOE", "DOE Jane"


def civility_name(text: str, skip_after: tuple[str, ...] = ()) -> str | None:
    """The first civility-led name on any line, wherever it stands on it ("Atelier
    SAS  M. Jean DUPONT" read from a two-column header gives "M. Jean DUPONT").
    A name right after one of ``skip_after`` (folded words such as "PAR" in
    "représentée par Mme ...") is someone else and is passed over."""
    for line in text.splitlines():
        words = line.split()
        for i, word in enumerate(words):
            if not _is_civility(word) or (word in ("M", "D.") and i > 0):
                continue
            before = [fold(w).strip(",:()") for w in words[:i] if any(c.isalpha() for c in w)]
            if before and before[-1] in skip_after:
                continue  # "Votre conseiller : M. X", "représentée par Mme Y"
            value = _name_prefix(" ".join(words[i:]))
            if value:
                return value
    return None


def addressee(text: str) -> str | None:
    """The person's name over a postal address ("DUPONT Jean" / "12 rue des Lilas, 75011
    Paris"), written as a person's ("Prénom NOM", "NOM Prénom" or civility-led), so
    that an issuer's own block ("Atelier Boréal SAS" / "3 rue ...") is not taken.

    Two address blocks side by side are read as one line each ("Atelier SAS  DUPONT
    Jean" / "3 rue X, Lyon  12 rue Y, Paris"): the name is then the end of the line,
    its shortest such ending of two words or more (a first given name may be lost,
    which name matching tolerates as drift, DOMAIN §0)."""
    lines = [line.strip(" |") for line in text.splitlines()]
    for above, line in zip(lines, lines[1:], strict=False):
        if not STREET_LINE.match(fold(line)):
            continue
        words = above.split()
        starts = [0, *range(len(words) - 2, 0, -1)]
        for i in starts:
            tail = " ".join(words[i:])
            name = _name_prefix(tail)
            if name and len(name) >= len(tail.strip(" ,;")) and _person_like(name, ""):
                return name
    return None


def dated(text: str, labels: list[str]) -> str | None:
    """ISO date after the first label (in the order given) that has one."""
    for label in labels:
        found = date_after_label(text, [label])
        if found:
            return found.isoformat()
    return None


def surname_and_given(text: str) -> str | None:
    """ "NOM Prénom" from separate "Nom" and "Prénom(s)" labels (FR, EN, ES, PT, DE),
    or the surname alone."""
    surname = value_after_label(text, ["Nom", "Name", "Surname", "Apellidos", "Nome"])
    given = value_after_label(
        text, ["Prénoms", "Prénom", "Given names", "First name", "Nombre", "Vorname"]
    )
    if surname and given and fold(given) not in fold(surname):
        return f"{surname} {given}"
    return surname
