"""French postal addresses read from a document's text (DOMAIN.md R-RES-4, R-X-2).

:func:`find_addresses` finds every street line (``12 rue des Lilas``,
``4 bis av. Jean Jaurès``) and pairs it with the postcode and town that
follow on the same line or on one of the next two (``75019 Paris``).
:func:`same_address` compares two of them the way a person would: accents,
case, punctuation, articles and the usual abbreviations (``av.``, ``bd``,
``st``) do not matter, and a slightly misread street name still matches.
:func:`french_postcode` says whether a postcode can be a French one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from dossier_check.text import fold

#: Street types and their abbreviations -> the full word.
STREET_TYPES: dict[str, str] = {
    "RUE": "RUE",
    "R": "RUE",
    "AVENUE": "AVENUE",
    "AV": "AVENUE",
    "AVE": "AVENUE",
    "BOULEVARD": "BOULEVARD",
    "BD": "BOULEVARD",
    "BLVD": "BOULEVARD",
    "PLACE": "PLACE",
    "PL": "PLACE",
    "CHEMIN": "CHEMIN",
    "CHE": "CHEMIN",
    "ALLEE": "ALLEE",
    "ALL": "ALLEE",
    "IMPASSE": "IMPASSE",
    "IMP": "IMPASSE",
    "QUAI": "QUAI",
    "COURS": "COURS",
    "CRS": "COURS",
    "ROUTE": "ROUTE",
    "RTE": "ROUTE",
    "PASSAGE": "PASSAGE",
    "PASS": "PASSAGE",
    "SQUARE": "SQUARE",
    "SQ": "SQUARE",
    "RESIDENCE": "RESIDENCE",
    "RES": "RESIDENCE",
    "LOTISSEMENT": "LOTISSEMENT",
    "LOT": "LOTISSEMENT",
    "CITE": "CITE",
    "VILLA": "VILLA",
    "HAMEAU": "HAMEAU",
    "PROMENADE": "PROMENADE",
    "SENTIER": "SENTIER",
    "VOIE": "VOIE",
    "RUELLE": "RUELLE",
    "MONTEE": "MONTEE",
    "FAUBOURG": "FAUBOURG",
    "FG": "FAUBOURG",
    "ESPLANADE": "ESPLANADE",
    "PARVIS": "PARVIS",
    "TRAVERSE": "TRAVERSE",
    "CARREFOUR": "CARREFOUR",
    "ROND-POINT": "ROND-POINT",
    "DOMAINE": "DOMAINE",
}
#: Words of a street name that carry no information for a comparison.
_ARTICLES = frozenset({"DE", "DU", "DES", "LA", "LE", "LES", "L", "D", "ET", "A", "AU", "AUX"})
_NAME_ABBREVIATIONS = {"ST": "SAINT", "STE": "SAINTE", "GAL": "GENERAL", "MAL": "MARECHAL"}

_TYPE_ALT = "|".join(sorted((re.escape(t) for t in STREET_TYPES), key=len, reverse=True))
_STREET = re.compile(
    r"(?<![\d/.-])\b(\d{1,4})(?:\s?(BIS|TER|QUATER|[A-D])\b)?\s*,?\s+"
    rf"({_TYPE_ALT})\b\.?(?:\s+([A-Z0-9][A-Z0-9' -]{{1,60}}?))?\s*(?=,|;|\(|$|\b\d{{5}}\b)"
)
#: A line that starts with a street: "126 avenue des Tilleuls", "4 bis rue de la Paix"
#: (the line under a name in an address block).
STREET_LINE = re.compile(
    rf"\d{{1,4}}(?:\s?(?:BIS|TER|[A-D]))?,?\s+(?:{_TYPE_ALT})\b", re.IGNORECASE
)
#: The rest of a street name wrapped onto the next line: words up to a comma or
#: a postcode (``rue de la`` / ``Tuilerie, 34000 Montpellier``).
_WRAPPED = re.compile(r"^([A-Z][A-Z' -]{1,40}?)\s*(?=,|\s\d{5}\b)")
_POSTCODE = re.compile(r"(?<![\d/.-])\b(\d{5})\s+([A-Z][A-Z' -]{1,40}?)\s*(?=[,;.(]|$|\d)")
#: How many lines after a street line its postcode may sit on.
POSTCODE_LINES_AFTER = 2
#: Street names this similar (difflib ratio) are the same street, misread.
SAME_STREET_RATIO = 0.85


@dataclass(frozen=True)
class Address:
    number: str  # "12", "4 BIS"
    street: str  # "RUE DES LILAS", accents folded, type word spelled out
    postcode: str = ""  # "" when none was found near the street line
    city: str = ""

    def __str__(self) -> str:
        tail = f", {self.postcode} {self.city}".rstrip() if self.postcode else ""
        return f"{self.number} {self.street}{tail}"

    @property
    def street_key(self) -> str:
        """The street without articles, abbreviations spelled out: for comparing."""
        words = re.sub(r"[^A-Z0-9]+", " ", self.street).split()
        words = [_NAME_ABBREVIATIONS.get(w, w) for w in words]
        return " ".join(w for w in words if w not in _ARTICLES)


def find_addresses(text: str) -> list[Address]:
    """Every street address of ``text``, in reading order, each once."""
    lines = [fold(line) for line in text.splitlines()]
    found: list[Address] = []
    for i, line in enumerate(lines):
        for m in _STREET.finditer(line):
            number = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
            name = re.sub(r"\s+", " ", m.group(4) or "").strip(" -'")
            end, at = i, m.end()
            if at >= len(line.rstrip()) and i + 1 < len(lines):  # wrapped onto the next line
                more = _WRAPPED.match(lines[i + 1])
                if more:
                    name = f"{name} {more.group(1).strip()}".strip()
                    end, at = i + 1, more.end()
            if not name or name.isdigit():
                continue
            street = f"{STREET_TYPES[m.group(3)]} {name}"
            postcode, city = _postcode_after(lines, end, at)
            address = Address(number, street, postcode, city)
            if address not in found:
                found.append(address)
    return found


def _postcode_after(lines: list[str], i: int, start: int) -> tuple[str, str]:
    for j in range(i, min(len(lines), i + 1 + POSTCODE_LINES_AFTER)):
        m = _POSTCODE.search(lines[j], start if j == i else 0)
        if m:
            return m.group(1), m.group(2).strip(" -'")
    return "", ""


def same_address(a: Address, b: Address) -> bool:
    """Same number, same street (give or take a misread letter), and the same
    postcode when both have one."""
    if a.number != b.number:
        return False
    if a.postcode and b.postcode and a.postcode != b.postcode:
        return False
    ka, kb = a.street_key, b.street_key
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= SAME_STREET_RATIO


def french_postcode(code: str) -> bool:
    """Five digits in a French département: 01-95 (Corsica is 20xxx), or an
    overseas département 971-976. Monaco (980) and the Pacific collectivities
    (986-988, with their own social security) are not."""
    if not re.fullmatch(r"\d{5}", code):
        return False
    return 1 <= int(code[:2]) <= 95 or 971 <= int(code[:3]) <= 976
