"""Birth record with its apostille and translation (R-BC-*, R-APO-1, R-TR-3).

A birth-record title in French, English, Spanish, Portuguese, Italian or
German, backed by filiation words (father/mother) or a birth date.
"""

from __future__ import annotations

import re
from typing import Any

from dossier_check.doctypes._common import keyword_evidence, result, value_after_label
from dossier_check.fields.country import find_country
from dossier_check.fields.dates import date_after_label, find_dates
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals
from dossier_check.text import fold

TYPE_ID = "birth_certificate"
TITLES = (
    "ACTE DE NAISSANCE",
    "EXTRAIT D'ACTE DE NAISSANCE",
    "BIRTH CERTIFICATE",
    "CERTIFICATE OF BIRTH",
    "CERTIFICATE OF LIVE BIRTH",
    "CERTIFIED COPY OF AN ENTRY OF BIRTH",
    "ACTA DE NACIMIENTO",
    "PARTIDA DE NACIMIENTO",
    "CERTIFICADO DE NACIMIENTO",
    "CERTIDAO DE NASCIMENTO",
    "ASSENTO DE NASCIMENTO",
    "ATTO DI NASCITA",
    "GEBURTSURKUNDE",
    # record words too common to stand anywhere before a birth word ("n° d'inscription :
    # 12, date de naissance" on a school certificate): only these exact titles
    "BIRTH RECORD",
    "RECORD OF BIRTH",
    "BULLETIN DE NAISSANCE",
    "INSCRIPCION DE NACIMIENTO",
    "TRANSCRIPTION D'ACTE DE NAISSANCE",
)
FILIATION = (
    "FILS DE",
    "FILLE DE",
    "PERE",
    "MERE",
    "FATHER",
    "MOTHER",
    "PADRE",
    "MADRE",
    "PAI",
    "MAE",
    "FILIACAO",
    "FILIATION",
    "PARENTS",
    "VATER",
    "MUTTER",
)
BIRTH_WORDS = (
    "NE LE",
    "NEE LE",
    "DATE OF BIRTH",
    "DATE DE NAISSANCE",
    "FECHA DE NACIMIENTO",
    "DATA DE NASCIMENTO",
    "NACIDO",
    "NASCIDO",
    "BORN",
    "LIEU DE NAISSANCE",
    "PLACE OF BIRTH",
)
APOSTILLE_TITLE = ("APOSTILLE", "APOSTILLA", "APOSTILA")
APOSTILLE_CONVENTION = ("5 OCTOBRE 1961", "LA HAYE", "HAGUE", "HAYA", "HAIA")
#: The apostille's numbered items in EN/FR/ES/PT/DE (DOMAIN.md §4.1), articles left out
#: because OCR mangles short words ("EI presente").
APOSTILLE_ITEMS = (
    "COUNTRY",
    "PAYS",
    "PAIS",
    "PRESENT ACTE PUBLIC",
    "PUBLIC DOCUMENT",
    "PRESENTE DOCUMENTO PUBLICO",
    "HAS BEEN SIGNED BY",
    "A ETE SIGNE PAR",
    "HA SIDO FIRMADO POR",
    "FOI ASSINADO POR",
    "UNTERSCHRIEBEN VON",
    "ACTING IN THE CAPACITY OF",
    "AGISSANT EN QUALITE DE",
    "EN CALIDAD DE",
    "NA QUALIDADE DE",
    "IN SEINER EIGENSCHAFT ALS",
    "BEARS THE SEAL",
    "EST REVETU DU SCEAU",
    "REVESTIDO DEL SELLO",
    "CERTIFIED AT",
    "ATTESTE A",
    "CERTIFICADO EN",
    "CERTIFICADO",
    "BAJO EL NUMERO",
    "SOUS N",
    "SEAL",
    "SCEAU",
    "SELLO",
    "SIEGEL",
    "SIGNATURE",
    "FIRMA",
    "ASSINATURA",
    "UNTERSCHRIFT",
)
TRANSLATION = (
    "TRADUCTION CERTIFIEE CONFORME",
    "TRADUCTEUR ASSERMENTE",
    "TRADUCTRICE ASSERMENTEE",
    "EXPERT PRES LA COUR D'APPEL",
    "EXPERTE PRES LA COUR D'APPEL",
    "CERTIFIED TRANSLATION",
    "SWORN TRANSLATION",
    "TRADUCTOR JURADO",
    "TRADUTOR JURAMENTADO",
)
#: Labels of the date the copy was delivered (R-BC-6).
ISSUE_LABELS = [
    "délivré le",
    "delivre le",
    "date de délivrance",
    "se expide",
    "expedida el",
    "la presente certificación el",
    "issued on",
    "date of issue",
    "issued",
    "emitida em",
    "emitido em",
    "expedida em",
    "passada em",
]
LEGALISATION = ("VU POUR LEGALISATION", "LEGALISE", "LEGALIZED", "LEGALISATION")


#: A record word near a birth word, in either order, makes a birth-record title in
#: any of the languages we read ("REGISTRO CIVIL DE NACIMIENTO", "BIRTH REGISTRATION").
_RECORD = (
    r"ACTE|ACTA|ACTO|PARTIDA|CERTIFICAT|CERTIFICATE|CERTIFICADO|CERTIDAO|REGISTRO|"
    r"REGISTRATION|REGISTER|REGISTRE|EXTRAIT|EXTRACT|COPIE|COPY|ENTRY|ASSENTO|ATTO|ESTRATTO|URKUNDE|"
    r"REGISTO|CERTIFICACION"
)
_BIRTH = r"NAISSANCE|NACIMIENTO|BIRTH|NASCIMENTO|NASCITA|GEBURT\w*"
_TITLE_RE = re.compile(
    rf"\b(?:{_RECORD})S?\b(?:\W+\w+){{0,3}}?\W+(?:{_BIRTH})\b"
    rf"|\b(?:{_BIRTH})\W+(?:\w+\W+){{0,1}}(?:{_RECORD})\b|\bGEBURTSURKUNDE\b"
)


def _titles(s: Signals) -> list[str]:
    """Birth-record titles, not mentions ("fournir un acte de naissance de l'enfant")."""
    found = s.titled(*TITLES)
    if not found:
        m = s.titled_match(_TITLE_RE)
        if m:
            found = [m]
    return found


def detect(s: Signals) -> Classification | None:
    titles = _titles(s)
    if not titles:
        return None
    evidence = [keyword_evidence(titles)]
    # DOMAIN §12: a birth-record title + a birth date + the parents. A title heads
    # its document; one only mentioned in running text (a letter, a chat) counts less.
    score = 0.4 if _title_on_top(s) else 0.2
    filiation = s.found(*FILIATION)
    if filiation:
        score += 0.3
        evidence.append(keyword_evidence(filiation))
    birth = s.found(*BIRTH_WORDS)
    if birth or find_dates(s.text):
        score += 0.2
        evidence.append(keyword_evidence(birth) if birth else "a date")
    marriage = s.found(*MARRIAGE_TITLES)
    if marriage and not _title_first(s, titles[0], marriage[0]):
        return None  # CONTRACT: marriage certificates and livret pages are unknown here
    if has_apostille(s):
        evidence.append("apostille (Hague Convention of 5 October 1961)")
    return result(TYPE_ID, score, evidence)


MARRIAGE_TITLES = (
    "ACTE DE MARIAGE",
    "MARRIAGE CERTIFICATE",
    "CERTIFICATE OF MARRIAGE",
    "ACTA DE MATRIMONIO",
    "CERTIDAO DE CASAMENTO",
    "LIVRET DE FAMILLE",
    "ATTO DI MATRIMONIO",
    "EHEURKUNDE",
)


def _title_first(s: Signals, birth_title: str, other_title: str) -> bool:
    """Whether the birth-record title comes before the other document's title."""
    b = s.folded.find(fold(birth_title))
    o = s.folded.find(fold(other_title))
    return b >= 0 and (o < 0 or b < o)


def _title_on_top(s: Signals, lines: int = 6) -> bool:
    """Whether a birth-record title stands in the first lines of a page."""
    for page in s.pages:
        head = fold(" ".join([ln for ln in page.text.splitlines() if ln.strip()][:lines]))
        if any(fold(t) in head for t in TITLES) or _TITLE_RE.search(head):
            return True
    return False


def has_apostille(s: Signals) -> bool:
    """R-APO-1: the title, the convention and at least five item labels."""
    return bool(
        s.found(*APOSTILLE_TITLE)
        and s.found(*APOSTILLE_CONVENTION)
        and len(s.found(*APOSTILLE_ITEMS)) >= 5
    )


def language(s: Signals) -> str:
    f = s.folded
    votes = {
        "fr": sum(f.count(w) for w in (" DE LA ", " LE ", " NE ", " ACTE ", " MAIRIE ")),
        "en": sum(f.count(w) for w in (" THE ", " OF ", " BIRTH ", " FATHER ", " MOTHER ")),
        "es": sum(f.count(w) for w in (" DEL ", " NACIMIENTO ", " PADRE ", " MADRE ", " EL ")),
        "pt": sum(f.count(w) for w in (" DO ", " DA ", " NASCIMENTO ", " PAI ", " MAE ")),
    }
    return max(sorted(votes), key=lambda k: votes[k])


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    first_page = s.pages[0].text if s.pages else s.text
    fields: dict[str, Any] = {
        "language": language(s),
        "apostille": has_apostille(s),
        "translation": bool(s.found(*TRANSLATION)),
        "legalisation": bool(s.found(*LEGALISATION)),
        "filiation": bool(s.found(*FILIATION)),
    }
    country = find_country(s.text)
    if country:
        fields["country"] = country
    issued = date_after_label(s.text, ISSUE_LABELS)
    if issued:
        fields["issue_date"] = issued.isoformat()
    born = date_after_label(
        first_page,
        [
            "date of birth",
            "date de naissance",
            "né le",
            "née le",
            "fecha de nacimiento",
            "data de nascimento",
            "born on",
        ],
    )
    if born:
        fields["birth_date"] = born.isoformat()
    surname = value_after_label(first_page, ["Surname", "Nom", "Apellidos", "Apellido", "Apelido"])
    if surname:
        fields["surname"] = surname
    given = value_after_label(
        first_page, ["Given names", "Prénoms", "Prénom", "First name", "Nombres", "Nombre", "Nome"]
    )
    if given:
        fields["given_names"] = given
    return fields, []
