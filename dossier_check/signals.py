"""What a file carries, computed once and shared by every classifier.

Classifiers never look at pixels or filenames: they read the structures
found here (an MRZ with its check digits, IBANs that pass mod-97, a face)
and the keywords of the folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier_check.fields.iban import IbanMatch, find_ibans_repaired
from dossier_check.fields.mrz import READINGS_SEPARATOR, Mrz, combine_readings, find_mrz
from dossier_check.model import Page
from dossier_check.text import fold

if TYPE_CHECKING:  # the face measures' module imports numpy and Pillow
    from dossier_check.fields.photo import PhotoMeasures


@dataclass(frozen=True)
class Signals:
    text: str  # every page's text, pages separated by form feeds
    folded: str  # fold(text): upper case, no accents, single spaces
    pages: tuple[Page, ...] = field(repr=False)
    mrz: Mrz | None = None
    ibans: tuple[IbanMatch, ...] = ()
    photo: PhotoMeasures | None = None
    ocr_confidence: float | None = None
    as_of: date | None = None

    @property
    def word_count(self) -> int:
        return len(re.findall(r"[A-Z0-9]{2,}", self.folded))

    def found(self, *keywords: str) -> list[str]:
        """The keywords present in the text (accent- and case-insensitive)."""
        return [k for k in keywords if _pattern(k).search(self.folded)]

    @property
    def valid_ibans(self) -> tuple[IbanMatch, ...]:
        return tuple(m for m in self.ibans if m.valid)

    @property
    def head(self) -> str:
        """The folded first HEAD_LINES non-blank lines of every page, where a title stands."""
        return self._first_lines(HEAD_LINES)

    def _first_lines(self, count: int) -> str:
        heads = []
        for page in self.text.split("\f"):
            lines = [ln for ln in page.splitlines() if ln.strip()]
            heads.append(" ".join(lines[:count]))
        return fold(" \n ".join(heads))

    def found_in_head(self, *keywords: str, lines: int | None = None) -> list[str]:
        """The keywords present in a page's first lines (a title, not a mention):
        HEAD_LINES of them, or ``lines``."""
        head = self.head if lines is None else self._first_lines(lines)
        return [k for k in keywords if _pattern(k).search(head)]

    def titled(self, *keywords: str) -> list[str]:
        """The keywords found (one OCR slip allowed) where at least one occurrence is not
        a mention: "votre attestation d'hébergement", "une copie du contrat de travail"
        in a letter name a document without being it (DOMAIN §12: title words).

        Judged line by line, with the same one-slip tolerance: an occurrence that
        starts its line is a title. One split over two lines is judged on the lines
        joined: "il me manque le RIB et l'acte / de naissance traduit" in a chat is a
        mention (a distractor typed birth_certificate, seed 9661).
        """
        out = []
        for k in self.found_fuzzy(*keywords):
            before = [line[:at] for line in self.lines for at in _starts(fold(k), line)]
            if not before:
                joined = " ".join(self.lines)
                before = [joined[:at] for at in _starts(fold(k), joined)]
            if not before or any(not _MENTION.search(b) for b in before):
                out.append(k)
        return out

    def titled_match(self, regex: re.Pattern[str]) -> str | None:
        """The first match of ``regex`` on a folded line that is not a mention (see titled)."""
        for line in self.lines:
            for m in regex.finditer(line):
                if not _MENTION.search(line, 0, m.start()):
                    return m.group(0)
        return None

    @property
    def lines(self) -> tuple[str, ...]:
        """The folded non-blank lines of every page."""
        return _folded_lines(self.text)

    def found_fuzzy(self, *keywords: str) -> list[str]:
        """The keywords present, each word of six letters or more allowed one OCR slip
        (a letter dropped, added or misread: "ASSURANGE", "ATTESTATIN")."""
        return [k for k in keywords if _fuzzy_found(fold(k), self.folded)]


#: The words that make a document's title a mention of it in running text: right before
#: it, or one word before ("votre dernier bulletin de salaire", "ton acte de naissance").
#: A definite article only when it opens a phrase ("le RIB et l'acte de naissance
#: traduit" in a chat), not after "de": "extrait de l'acte de naissance", "extrait du
#: registre des actes de naissance" are titles.
_MENTION = re.compile(
    r"(?<![A-Z0-9])(?:VOTRE|VOS|YOUR|UNE?|D'UNE?|SON|SA|SES|MON|MA|MES|TON|TA|TES|NOTRE|NOS|"
    r"LEURS?|MY|HIS|HER|OUR|THEIR|CE|CETTE|THE|(?<!DE )(?:L'|LE |LA )|"
    r"COPIE(?: DE| DU| D'UNE?)?|JOINDRE|FOURNIR)"
    r"(?: (?:DERNIER|DERNIERE|DERNIERS|DERNIERES|PRECEDENT|PRECEDENTE|ACTUEL|ACTUELLE|"
    r"NOUVEAU|NOUVELLE|ANCIEN|ANCIENNE|LAST|LATEST|CURRENT))?[ ']*$"
)


@lru_cache(maxsize=64)
def _folded_lines(text: str) -> tuple[str, ...]:
    return tuple(f for line in text.splitlines() if (f := fold(line)))


#: How many non-blank lines at the top of a page count as its heading.
HEAD_LINES = 8


def _close(word: str, token: str) -> bool:
    """Equal, or one edit apart for a word of six letters or more."""
    if word == token:
        return True
    if len(word) < 6 or abs(len(word) - len(token)) > 1:
        return False
    if len(word) == len(token):
        return sum(a != b for a, b in zip(word, token, strict=True)) <= 1
    short, long_ = (word, token) if len(word) < len(token) else (token, word)
    i = next((k for k, (a, b) in enumerate(zip(short, long_, strict=False)) if a != b), len(short))
    return short[i:] == long_[i + 1 :]


def _starts(keyword: str, line: str) -> list[int]:
    """Where ``keyword`` starts in a folded line: exact matches, else matches with one
    OCR slip per long word."""
    found = [m.start() for m in _pattern(keyword).finditer(line)]
    if found:
        return found
    words = re.findall(r"[A-Z0-9]+", keyword)
    tokens = list(re.finditer(r"[A-Z0-9]+", line))
    return [
        tokens[i].start()
        for i in range(len(tokens) - len(words) + 1)
        if all(_close(w, tokens[i + j].group(0)) for j, w in enumerate(words))
    ]


def _fuzzy_found(keyword: str, folded: str) -> bool:
    if _pattern(keyword).search(folded):
        return True
    words = re.findall(r"[A-Z0-9]+", keyword)
    if not words:
        return False
    tokens, by_length = _token_index(folded)
    first = len(words[0])
    starts = (
        by_length.get(first, [])
        if first < 6
        else [i for n in (first - 1, first, first + 1) for i in by_length.get(n, [])]
    )  # only tokens of a length one edit can reach
    for i in starts:
        if i + len(words) <= len(tokens) and all(
            _close(w, tokens[i + j]) for j, w in enumerate(words)
        ):
            return True
    return False


@lru_cache(maxsize=16)
def _token_index(folded: str) -> tuple[tuple[str, ...], dict[int, list[int]]]:
    """The text's tokens, and their positions by length: built once per text, not
    once per keyword (a page is matched against a few hundred keywords)."""
    tokens = tuple(re.findall(r"[A-Z0-9]+", folded))
    by_length: dict[int, list[int]] = {}
    for i, t in enumerate(tokens):
        by_length.setdefault(len(t), []).append(i)
    return tokens, by_length


@lru_cache(maxsize=4096)
def _pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a regex tolerant of OCR spacing: spaces and apostrophes flex."""
    parts = [re.escape(p) for p in fold(keyword).replace("'", " ").split()]
    body = r"[\s']*".join(parts)
    return re.compile(rf"(?<![A-Z0-9]){body}(?![A-Z0-9])")


@lru_cache(maxsize=32)
def _find_mrz(text: str, as_of: date | None) -> Mrz | None:
    """:func:`find_mrz`, once per text: a file's pages are classified whole and
    again part by part (parts.py), and the MRZ search repairs many candidates."""
    return find_mrz(text, as_of)


def _best_mrz(pages: tuple[Page, ...], text: str, as_of: date | None) -> Mrz | None:
    """Every reading of the MRZ combined field by field, each field confirmed by its
    check digit, the printed zone repairing what no reading got (R-MRZ-2, R-ID-8).

    A page's ``mrz_text`` holds its band's readings: the page's own lines first,
    then re-reads with the MRZ alphabet, which read fillers and names better and
    so go first here; the page text comes last.
    """
    readings: list[Mrz] = []
    for page in pages:
        chunks = page.mrz_text.split(READINGS_SEPARATOR) if page.mrz_text else []
        for chunk in chunks[1:] + chunks[:1]:
            if (mrz := _find_mrz(chunk, as_of)) is not None:
                readings.append(mrz)
    if (mrz := _find_mrz(text, as_of)) is not None:
        readings.append(mrz)
    return combine_readings(readings, text, as_of)


def build_signals(
    pages: tuple[Page, ...], photo: PhotoMeasures | None, as_of: date | None = None
) -> Signals:
    text = "\f".join(p.text for p in pages)
    confs = [p.ocr_confidence for p in pages if p.ocr_confidence is not None]
    return Signals(
        text=text,
        folded=fold(text),
        pages=pages,
        mrz=_best_mrz(pages, text, as_of),
        ibans=find_ibans_repaired(text, "\n".join(p.iban_text for p in pages if p.iban_text)),
        photo=photo,
        ocr_confidence=round(sum(confs) / len(confs), 1) if confs else None,
        as_of=as_of,
    )
