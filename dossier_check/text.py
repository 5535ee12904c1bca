"""Text normalisation shared by every keyword and field matcher."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus marks.
_SPECIAL = str.maketrans(
    {
        "Œ": "OE", "œ": "oe", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o",
        "Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "ı": "i", "ß": "ss", "ẞ": "SS",
    }
)  # fmt: skip

# Typographic apostrophes and quotes, all read as a plain apostrophe.
_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`"
_DOUBLE_QUOTES = '\u201c\u201d\u201e\u00ab\u00bb"'
_QUOTES = str.maketrans(dict.fromkeys(_APOSTROPHES + _DOUBLE_QUOTES, "'"))

_SPACES = re.compile(r"\s+")


def strip_accents(s: str) -> str:
    """Remove combining marks after NFKD decomposition ("Élodie" -> "Elodie")."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_SPECIAL)


def fold(s: str) -> str:
    """Fold text for matching: uppercase, no accents, plain apostrophes, single spaces.

    ``fold("  Prénom(s) :\u00a0Zoë  d’Arc ")`` is ``"PRENOM(S) : ZOE D'ARC"``.
    The result is not index-aligned with ``s``: match on it, not for spans.
    """
    return _SPACES.sub(" ", strip_accents(s.upper()).upper().translate(_QUOTES)).strip()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: characters swapped, dropped or added (OCR does all three)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
