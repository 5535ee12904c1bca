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

from dossier_check.fields.iban import IbanMatch, find_ibans
from dossier_check.fields.mrz import Mrz, find_mrz
from dossier_check.fields.photo import PhotoMeasures
from dossier_check.model import Page
from dossier_check.text import fold


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


@lru_cache(maxsize=4096)
def _pattern(keyword: str) -> re.Pattern[str]:
    """A keyword as a regex tolerant of OCR spacing: spaces and apostrophes flex."""
    parts = [re.escape(p) for p in fold(keyword).replace("'", " ").split()]
    body = r"[\s']*".join(parts)
    return re.compile(rf"(?<![A-Z0-9]){body}(?![A-Z0-9])")


def _best_mrz(pages: tuple[Page, ...], text: str, as_of: date | None) -> Mrz | None:
    """The MRZ band's own re-read first (names are not covered by check digits,
    and the restricted alphabet reads fillers better), the page text otherwise."""
    band = "\n".join(p.mrz_text for p in pages if p.mrz_text)
    from_band = find_mrz(band, as_of) if band else None
    from_text = find_mrz(text, as_of)
    if from_band is None:
        return from_text
    if from_text is not None and from_text.valid_checks > from_band.valid_checks:
        return from_text
    return from_band


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
        ibans=tuple(find_ibans(text)),
        photo=photo,
        ocr_confidence=round(sum(confs) / len(confs), 1) if confs else None,
        as_of=as_of,
    )
