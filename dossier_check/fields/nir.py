"""French social-security numbers: NIR and provisional NIA (DOMAIN §9, R-NIR-*).

Key computation comes from python-stdnum's ``stdnum.fr.nir`` (97 - NIR13
mod 97, with Corsica's 2A -> 19 and 2B -> 18).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum.fr import nir as std_nir

# R-NIR-1: sex (1-4, or 7/8 for a NIA), year, month, department (2A/2B for
# Corsica), commune, order number, then the 2-digit key. OCR and printed
# forms put spaces, dots or dashes between the groups (1 85 05 78 006 084 36)
# and sometimes a slash or "clé" before the key; a scan's speck reads as a colon or
# a comma between two groups ("1:02 04 99 127 795 10", a photocopied attestation).
_SEP = r"(?:[ \u00a0\u202f]?[.\-:,;'][ \u00a0\u202f]?|[ \u00a0\u202f]{1,2})?"
_NIR = re.compile(
    rf"(?<![0-9A-Za-z])([1-478]){_SEP}(\d\d){_SEP}(\d\d){_SEP}(\d\d|2[AB]){_SEP}(\d{{3}}){_SEP}"
    rf"(\d{{3}})(?:{_SEP}|\s*(?:/|CLE|CLÉ|KEY)\s*)([\dOIlLASBZG]{{2}})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
#: Letters OCR reads for the key's digits ("41" read "Al"): repaired only when the key
#: then passes (R-NIR-1), as the IBAN's are by mod-97.
_KEY_DIGITS = str.maketrans("OoIlLAaSsBZzGg", "00111445582266")


@dataclass(frozen=True)
class NirMatch:
    """A NIR/NIA found in text: ``nir`` is the 15-character compact form."""

    nir: str
    valid: bool  # R-NIR-1: structure and key
    span: tuple[int, int]

    @property
    def is_provisional(self) -> bool:
        """R-NIR-3: a NIA (first digit 7 or 8), not yet a permanent NIR."""
        return is_provisional(self.nir)

    @property
    def sex(self) -> str | None:
        """'M' or 'F' from the first digit (1/3/7 male, 2/4/8 female), R-NIR-2."""
        return {"1": "M", "3": "M", "7": "M", "2": "F", "4": "F", "8": "F"}.get(self.nir[:1])


def compact(number: str) -> str:
    """Remove separators and uppercase: ``2 94 03 2A 120 005 / 22`` -> ``294032A12000522``."""
    return re.sub(r"[^0-9A-Za-z]", "", number).upper()


_STRUCTURE = re.compile(r"[1-478]\d{4}(?:\d\d|2[AB])\d{8}")


def is_valid(number: str) -> bool:
    """R-NIR-1: 15 characters, ``^[1-478]\\d{4}(\\d{2}|2[AB])\\d{8}$``, and the key passes."""
    number = compact(number)
    return bool(_STRUCTURE.fullmatch(number)) and std_nir.is_valid(number)


def nir_key(nir13: str) -> str:
    """The 2-digit key of a 13-character NIR (Corsica handled)."""
    return std_nir.calc_check_digits(compact(nir13)[:13])


def is_provisional(number: str) -> bool:
    """R-NIR-3: a provisional NIA starts with 7 or 8 (DOMAIN §14 q.9: some use 3/4 too)."""
    return compact(number)[:1] in ("7", "8")


def find_nirs(text: str) -> list[NirMatch]:
    """Every NIR-shaped number in ``text`` with its key checked, in text order.

    Numbers whose key fails are reported with ``valid=False``; callers
    that need a social-security number keep the valid ones. Never raises.
    """
    found = []
    for m in _NIR.finditer(text):
        groups = list(m.groups())
        key = groups[-1].translate(_KEY_DIGITS)
        number = "".join(groups[:-1]).upper() + key
        if key != groups[-1] and not is_valid(number):
            continue  # letters where the key stands, and no key: not a NIR
        found.append(NirMatch(number, is_valid(number), m.span()))
    if not found:
        found = _one_digit_too_many(text)
    return found


#: A NIR's groups read with a digit too many (a blurred 0 read as 60): 16 digits in
#: 6 to 8 groups, the first digit a NIR's.
_LONG_RUN = re.compile(r"(?<![0-9A-Za-z])[1-478](?:[ \u00a0.]?\d){15}(?![0-9A-Za-z])")


def _one_digit_too_many(text: str) -> list[NirMatch]:
    """The NIR a 16-digit run gives with one digit dropped, when exactly one such
    NIR passes its structure and key (R-NIR-1): a misread digit doubled by OCR.
    The key gives a wrong drop a 1-in-97 chance; two passing drops are refused."""
    found = []
    for m in _LONG_RUN.finditer(text):
        groups = m.group(0).split()
        if not 6 <= len(groups) <= 8:
            continue
        digits = "".join(groups).replace(".", "")
        passing = {digits[:i] + digits[i + 1 :] for i in range(len(digits))}
        passing = {n for n in passing if is_valid(n)}
        if len(passing) == 1:
            found.append(NirMatch(passing.pop(), True, m.span()))
    return found


#: A NIR's groups as a damaged scan reads them: 13 to 17 digits in 6 to 8 groups, the
#: first group a NIR's first digit alone (7 92 601 99 139 676 55: a digit read twice
#: in two places, or one lost).
_MISREAD_RUN = re.compile(r"(?<![0-9A-Za-z])[1-478](?:[ \u00a0\u202f.]\d{1,4}){5,7}(?![0-9A-Za-z])")


def misread_nir_runs(text: str) -> list[tuple[int, int]]:
    """Spans of numbers laid out as a NIR (sex digit alone, then 5-7 groups, 13-17
    digits) that :func:`find_nirs` cannot read: a NIR the scan garbled. Evidence that a
    CPAM letter carries its number (DOMAIN §12), never a number to report (R-NIR-1)."""
    taken = [m.span for m in find_nirs(text)]
    spans = []
    for m in _MISREAD_RUN.finditer(text):
        digits = sum(c.isdigit() for c in m.group(0))
        if 13 <= digits <= 17 and not any(a < m.end() and m.start() < b for a, b in taken):
            spans.append(m.span())
    return spans
