"""Person-name comparison across documents (DOMAIN §0 name matching, R-X-1, R-ID-8).

Names are compared as order-insensitive token sets after folding:
uppercase, no accents, ``- ' <`` as spaces, civilities dropped. The MRZ may
cut the last given name short; a birth name and a usage name
(``épouse``, ``née``, ``nom d'usage``) may both appear on one side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from dossier_check.text import edit_distance, fold

NameMatch = Literal["same", "drift", "different"]

_CIVILITIES = frozenset(
    {"M", "MM", "MR", "MRS", "MS", "MISS", "MME", "MMES", "MLLE", "MELLE",
     "MONSIEUR", "MADAME", "MADEMOISELLE", "SR", "SRA", "SRTA"}
)  # fmt: skip
# Words that join two holders of a joint account ("M. et Mme DUPONT", "Jane and John DOE").
_JOINERS = frozenset({"ET", "OU", "AND", "OR", "Y", "E", "UND"})
# Words that join a birth name to a usage name: "MARTIN épouse DUPONT", "née".
_NAME_LINKS = frozenset({"EPOUSE", "EP", "EPSE", "NEE", "NE", "VEUVE", "VVE", "DIT", "DITE"})
_USAGE = re.compile(r"\bNOM D ?USAGE\b|\bNOM MARITAL\b")


def name_tokens(s: str) -> tuple[str, ...]:
    """``"Mme Marie-Hélène d'Arc"`` -> ``("MARIE", "HELENE", "D", "ARC")``.

    Civilities (M., MME, MR, MRS, MLLE...) are dropped: the one-letter ``M``
    only at the start, where it is a civility and not an initial.
    """
    words = re.sub(r"[^A-Z0-9]+", " ", fold(s).replace("<", " ")).split()
    tokens: list[str] = []
    for i, word in enumerate(words):
        joined = i > 0 and words[i - 1] in _JOINERS  # "M. et M. DUPONT": a civility again
        if word in _CIVILITIES and (word != "M" or not tokens or joined):
            continue
        if word in _JOINERS and 0 < i < len(words) - 1:
            continue  # a joint account's holders: "M. et Mme DUPONT" (R-RIB-4)
        tokens.append(word)
    return tuple(tokens) if tokens else tuple(words)  # "MLLE" alone is a name, not a title


def _core_tokens(s: str) -> tuple[str, ...]:
    """Tokens without the words that introduce a birth or usage name."""
    tokens = name_tokens(s)
    text = _USAGE.sub(" ", " ".join(tokens))
    core = tuple(t for t in text.split() if t not in _NAME_LINKS)
    return core or tokens  # "NE" alone is a name, not a link word


def _close(a: str, b: str) -> bool:
    """A small spelling drift: 1 edit for short tokens, 2 from 6 characters."""
    limit = 1 if max(len(a), len(b)) < 6 else 2
    return min(len(a), len(b)) >= 2 and edit_distance(a, b) <= limit


def _unmatched(a: Sequence[str], b: Sequence[str]) -> tuple[list[str], list[str]]:
    """Tokens of each side left once equal tokens are paired (as multisets)."""
    rest_b = list(b)
    rest_a = []
    for token in a:
        if token in rest_b:
            rest_b.remove(token)
        else:
            rest_a.append(token)
    return rest_a, rest_b


def _truncated(short: Sequence[str], rest_short: list[str], rest_long: list[str]) -> bool:
    """MRZ truncation: the only token left is the side's last one and a prefix of the other's."""
    return (
        len(rest_short) == 1
        and len(rest_long) == 1
        and short[-1] == rest_short[0]
        and rest_long[0].startswith(rest_short[0])
    )


def compare_names(a: str, b: str) -> NameMatch:
    """Compare two person names (surname and given names, any order).

    - ``same``: the same tokens; or the same once joined (``LE GALL`` /
      ``LEGALL``); or one side's last token is a prefix of the other's
      remaining token (MRZ truncation: ``ANNA MAR`` / ``ANNA MARIA``).
    - ``drift`` (R-X-1 warning): one token differs by a small edit
      distance, and/or one side only has extra tokens (a further given
      name, a birth or usage name, DOMAIN §0).
    - ``different``: anything else, or an empty side.

    Limitation: a given name that is a prefix of another (``JEAN`` /
    ``JEANNE``) in last position reads as an MRZ truncation, i.e. ``same``;
    R-X-1 also compares birth dates, which tells such people apart.
    """
    ta, tb = _core_tokens(a), _core_tokens(b)
    if not ta or not tb:
        return "different"
    rest_a, rest_b = _unmatched(ta, tb)
    if not rest_a and not rest_b:
        return "same"
    if "".join(ta) == "".join(tb):
        return "same"
    if _truncated(ta, rest_a, rest_b) or _truncated(tb, rest_b, rest_a):
        return "same"
    # At most one token differing by a small edit, then extra tokens on one side only.
    for x in rest_a:
        close = next((y for y in rest_b if _close(x, y)), None)
        if close is not None:
            rest_a.remove(x)
            rest_b.remove(close)
            break
    common = len(ta) - len(rest_a)
    if common and (not rest_a or not rest_b):
        return "drift"
    return "different"
