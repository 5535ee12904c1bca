"""IBAN, clé RIB and BIC found in OCR text (DOMAIN §6, R-RIB-*).

The IBAN checksum and the per-country structure come from python-stdnum
(``stdnum.iban``, whose registry also gives each country's BBAN layout), the
BIC format from ``stdnum.bic``; only the French clé RIB, which stdnum does
not check, is computed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from schwifty import registry as iban_registry
from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum import numdb

#: SEPA scheme countries (R-RIB-5/7): the EU 27, the EEA (IS, LI, NO), CH, GB,
#: the micro-states and Gibraltar, and the 2024-2025 accessions (AL, MD, ME,
#: MK, RS) `[K]`. French overseas departments use FR IBANs.
SEPA_COUNTRIES: frozenset[str] = frozenset(
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
        "IS", "LI", "NO", "CH", "GB", "MC", "SM", "AD", "VA", "GI",
        "AL", "MD", "ME", "MK", "RS",
    }
)  # fmt: skip

_REGISTRY = numdb.get("iban")
_STRUCT_PART = re.compile(r"(\d+)!?([nace])")

# OCR confusions repaired by position type, kept only if the checksum then passes.
_TO_DIGIT = str.maketrans("OIL", "011")
_TO_LETTER = str.maketrans("01", "OI")

#: Between groups: blanks of any width (a PDF's text layer gives thin and narrow
#: no-break spaces, U+2009 and U+202F, as French typography sets them) or a dash.
_SEP = r"(?:[^\S\r\n]|-){0,2}"
# A country code and two check digits, then up to 32 more characters with
# separators; cut later to the country's length. '(?<=IBAN)' lets an OCR'd
# "IBANFR76..." with no space through.
_CANDIDATE = re.compile(
    rf"(?:(?<=IBAN)|(?<![A-Za-z0-9]))[A-Z]{{2}}{_SEP}[0-9OI]{_SEP}[0-9OI](?:{_SEP}[A-Z0-9]){{8,32}}"
)
_LABEL_BEFORE = re.compile(r"IBAN\W{0,4}$", re.IGNORECASE)


@dataclass(frozen=True)
class IbanMatch:
    """An IBAN-shaped string found in text.

    ``iban`` is compact and uppercase, after any OCR repair (``corrected``).
    ``valid`` is R-RIB-1: mod-97 and the country's length and structure. For
    a 27-character FR or MC IBAN the RIB parts are filled and ``rib_key_ok``
    tells whether the embedded clé RIB is right (R-RIB-2), else it is None.
    ``span`` indexes the original text.
    """

    iban: str
    valid: bool
    country: str
    is_sepa: bool
    span: tuple[int, int]
    bank_code: str | None = None
    branch_code: str | None = None
    account: str | None = None
    rib_key: str | None = None
    rib_key_ok: bool | None = None
    corrected: bool = False


def _layout(country: str) -> str | None:
    """The BBAN layout as one type letter per position (``n``, ``a``, ``c``), or None:
    python-stdnum's registry of IBAN countries, then :func:`_aspirational_layout`."""
    info = _REGISTRY.info(country)
    struct = info[0][1].get("bban") if info and info[0][0] == country else None
    if not struct:
        return _aspirational_layout(country)
    return "".join(kind * int(count) for count, kind in _STRUCT_PART.findall(struct))


@cache
def _aspirational_layout(country: str) -> str | None:
    """The BBAN layout of a country whose IBAN is announced but not yet in the ISO
    registry stdnum follows: Morocco, Algeria, Senegal, Côte d'Ivoire, Cameroon,
    Madagascar... (schwifty's 'aspirational' IBANs). Newcomers bring RIBs from home
    that carry one: a RIB all the same, of an account outside SEPA (R-RIB-7)."""
    if not re.fullmatch(r"[A-Z]{2}", country):
        return None
    try:
        spec = iban_registry.get_iban_spec(country)
    except Exception:  # noqa: BLE001 - any country schwifty does not know
        return None
    if not spec.aspirational:
        return None
    return "".join(kind * int(count) for count, kind in _STRUCT_PART.findall(spec.bban_spec))


def iban_valid(iban: str) -> bool:
    """R-RIB-1 on a compact IBAN: ISO 13616 mod-97 and the country's length and
    structure, from stdnum's registry or, for an aspirational IBAN, schwifty's."""
    if std_iban.is_valid(iban):
        return True
    layout = _aspirational_layout(iban[:2])
    if layout is None or len(iban) != 4 + len(layout) or not _fits(iban, layout):
        return False
    return int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


def _repaired(iban: str, layout: str, kinds: str) -> str:
    """Look-alike characters swapped back in positions of the given ``kinds``.

    ``n`` positions take digits (O -> 0, I/L -> 1), ``a`` positions letters
    (0 -> O, 1 -> I), ``c`` positions (alphanumeric) digits.
    """
    out = [iban[:2], iban[2:4].translate(_TO_DIGIT)]
    for c, kind in zip(iban[4:], layout, strict=False):
        if kind in kinds:
            c = c.translate(_TO_LETTER if kind == "a" else _TO_DIGIT)
        out.append(c)
    return "".join(out)


def _fits(iban: str, layout: str) -> bool:
    """Each BBAN position holds its type (digits where ``n``, letters where ``a``)."""
    if not iban[2:4].isdigit():
        return False
    for c, kind in zip(iban[4:], layout, strict=True):
        if (kind == "n" and not c.isdigit()) or (kind == "a" and not c.isalpha()):
            return False
    return True


_RIB_LETTERS = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789"
)  # R-RIB-2: A,J->1 ... I,R,Z->9, with S->2 (S21)


def rib_key_valid(bank: str, branch: str, account: str, key: str) -> bool:
    """French clé RIB: ``97 - ((89*bank + 15*branch + 3*account) mod 97)`` (R-RIB-2, DOMAIN §6).

    Letters in the account number count per the standard table (S -> 2).
    Wrong lengths (5, 5, 11, 2) or characters give False.
    """
    parts = (bank, branch, account.upper(), key)
    if tuple(map(len, parts)) != (5, 5, 11, 2) or not account.isalnum():
        return False
    if not (bank.isdigit() and branch.isdigit() and key.isdigit()):
        return False
    number = int(account.upper().translate(_RIB_LETTERS))
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * number) % 97 == int(key)


def _match(iban: str, span: tuple[int, int], corrected: bool) -> IbanMatch:
    country = iban[:2]
    match = IbanMatch(
        iban=iban,
        valid=iban_valid(iban),
        country=country,
        is_sepa=country in SEPA_COUNTRIES,
        span=span,
        corrected=corrected,
    )
    if country in ("FR", "MC") and len(iban) == 27:  # R-RIB-2: banque, guichet, compte, clé
        bank, branch, account, key = iban[4:9], iban[9:14], iban[14:25], iban[25:27]
        match = replace(
            match,
            bank_code=bank,
            branch_code=branch,
            account=account,
            rib_key=key,
            rib_key_ok=rib_key_valid(bank, branch, account, key),
        )
    return match


def _read(compact: str, layout: str) -> tuple[str, bool] | None:
    """The IBAN a compact candidate holds: (iban, corrected) if its checksum passes.

    OCR repairs go from the safest (digit and letter positions) to
    alphanumeric positions (a French account number is almost always
    digits); each is kept only if mod-97 then passes (R-RIB-1).
    """
    if iban_valid(compact):
        return compact, False
    for kinds in ("na", "nac"):
        repaired = _repaired(compact, layout, kinds)
        if repaired != compact and iban_valid(repaired):
            return repaired, True
    return None


def find_ibans(text: str) -> list[IbanMatch]:
    """Every IBAN-shaped string in ``text``, valid or not, in text order.

    Groups may be split by spaces or dashes; a preceding ``IBAN`` label is
    skipped. O/0, I/1 (and L/1) OCR confusions are repaired by position type
    only when the checksum then passes. A candidate that fails is still
    reported (``valid=False``) when it has its country's length and every
    position holds its type, or when an ``IBAN`` label precedes it (then cut
    at the last group that fits the length); anything else is taken for
    ordinary text. Never raises.
    """
    found: list[IbanMatch] = []
    pos = 0
    while m := _CANDIDATE.search(text, pos):
        pos = m.start() + 1
        layout = _layout(m.group(0)[:2])
        if layout is None:
            continue
        length = 4 + len(layout)
        chars = [(i, c) for i, c in enumerate(m.group(0), m.start()) if c.isalnum()][:length]
        compact = "".join(c for _, c in chars)
        span = (chars[0][0], chars[-1][0] + 1)
        read = _read(compact, layout) if len(compact) == length else None
        if read is not None:
            match = _match(read[0], span, corrected=read[1])
        elif len(compact) == length and _fits(_repaired(compact, layout, "na"), layout):
            match = _match(compact, span, corrected=False)
        elif _LABEL_BEFORE.search(text, 0, m.start()):
            groups = re.findall(r"[A-Za-z0-9]+", m.group(0))
            kept = 0
            for group in groups:
                if kept + len(group) > length:
                    break
                kept += len(group)
            if not kept:
                continue  # a first group longer than the country's IBAN: not one
            chars = chars[:kept]
            match = _match(compact[:kept], (chars[0][0], chars[-1][0] + 1), corrected=False)
        else:
            continue
        found.append(match)
        pos = match.span[1]
    return found


#: Separators OCR puts between an IBAN's groups besides spaces: table rules, dots, the
#: edges of boxes printed round each group (read as brackets).
_GROUP_SEPARATORS = re.compile(r"(?<=[A-Za-z0-9])[ \t]*(?:[|.·_/:\[\](){}][ \t]*)+(?=[A-Za-z0-9])")
#: A line break inside a run of 4-character groups (an IBAN wrapped in a narrow box).
_WRAPPED = re.compile(r"(?<=\b[A-Z0-9]{4})[ \t]*\n[ \t]*(?=[A-Z0-9]{1,4}\b)")


#: Symbols OCR reads for a slashed or dotted zero in a monospaced IBAN ("IT74 U@54").
_SYMBOL_DIGITS = str.maketrans({"@": "0", "Ø": "0", "ø": "0", "©": "0"})
#: Characters read one by one ("F R 7 6 3 0 0 0 ..."): a letter-spaced IBAN.
_LETTER_SPACED = re.compile(r"(?<![A-Z0-9])(?:[A-Z0-9] ){9,}[A-Z0-9](?![A-Z0-9])")
_BLANKS = re.compile(r"[^\S\n]+")  # any blank but a line break
#: Letters OCR reads for digits in a digits-only IBAN position (O, I, L are repaired
#: by fields.iban already).
_DIGIT_LOOKALIKES = str.maketrans("BSGZDQTA", "85620074")
_IBAN_RUN = re.compile(r"(?=\b([A-Z]{2})((?: ?[A-Z0-9]){12,32}))")


def _digit_repairs(text: str) -> list[str]:
    """IBAN-shaped runs with look-alike letters made digits where the country's
    layout has only digits (a French IBAN's bank, branch and key; the check digits)."""
    out = []
    for m in _IBAN_RUN.finditer(text):
        layout = _layout(m.group(1))
        if layout is None:
            continue
        chars = m.group(2).replace(" ", "")[: 2 + len(layout)]
        kinds = "nn" + layout
        for g in "689":  # a 'g' is read for a 6, an 8 or a 9: each tried, mod-97 decides
            table = {**_DIGIT_LOOKALIKES, ord("G"): g}
            fixed = "".join(
                c.translate(table) if k == "n" else c for c, k in zip(chars, kinds, strict=False)
            )
            if fixed != chars and m.group(1) + fixed not in out:
                out.append(m.group(1) + fixed)
    return out


def find_ibans_repaired(text: str, reread: str = "") -> tuple[IbanMatch, ...]:
    """IBANs in the text; when none passes mod-97 as read, IBANs found again in a
    copy with table rules and dots between groups made spaces, wrapped groups
    joined, blanks collapsed and case folded, then with look-alike letters made
    digits in digit positions. Only a copy's valid IBANs are kept (R-RIB-1
    guards the repair); their spans index that copy, not the text.

    ``reread`` holds IBAN lines read again from the image (fields/iban_band.py):
    when the text has no valid IBAN, their valid IBANs come first (spans index
    ``reread`` then).
    """
    found = tuple(find_ibans(text))
    if any(m.valid for m in found):
        return found
    if reread:
        again = tuple(m for m in find_ibans(reread) if m.valid)
        if again:
            return again + found
    variant = _BLANKS.sub(" ", text.upper().translate(_SYMBOL_DIGITS))
    variant = _WRAPPED.sub(" ", _GROUP_SEPARATORS.sub(" ", variant))
    variant = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), variant)
    extra = tuple(m for m in find_ibans(variant) if m.valid)
    if not extra:
        repaired = "\n".join(_digit_repairs(variant))
        extra = tuple(m for m in find_ibans(repaired) if m.valid) if repaired else ()
    if not extra:
        recoded = "\n".join(_country_repairs(variant))
        extra = tuple(m for m in find_ibans(recoded) if m.valid) if recoded else ()
    return extra + found


def _country_repairs(text: str) -> list[str]:
    """IBAN-shaped runs given the country of the page's labelled BIC in place of a
    country code OCR misread ("CN" for Cameroon's "CM", "FK" for "FR"): the BIC
    names the account's country (R-RIB-3), mod-97 over the whole IBAN, the country
    code included, then decides (R-RIB-1)."""
    countries = {b[4:6] for b in find_bics(text) if _layout(b[4:6])}
    out = []
    for m in _IBAN_RUN.finditer(text):
        for country in sorted(countries - {m.group(1)}):
            out.append(country + m.group(2).lstrip())
    return out


_BIC_LABEL = re.compile(r"\b(?:BIC|SWIFT)\b[^A-Za-z0-9]{0,20}", re.IGNORECASE)
_BIC_WORD = re.compile(r"(?<![A-Z0-9])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![A-Z0-9])")


def _labelled_bic(window: str) -> str | None:
    """The first 1-4 words after a label that join into a valid 8- or 11-character BIC."""
    words = re.findall(r"[A-Z0-9]+", window.upper())[:4]
    for k in range(1, len(words) + 1):
        candidate = "".join(words[:k])
        if len(candidate) > 11:
            break
        if len(candidate) in (8, 11) and std_bic.is_valid(candidate):
            return candidate
    return None


def find_bics(text: str, country: str | None = None) -> list[str]:
    """Well-formed BICs (ISO 9362, R-RIB-3) in text order, without duplicates.

    A BIC right after a ``BIC``/``SWIFT`` label is taken, OCR spaces inside
    it tolerated. Elsewhere an 8- or 11-character word counts only when its
    country (letters 5-6) is ``country`` or that of a valid IBAN in the
    text, since words like ``BANCAIRE`` have the BIC shape. With ``country``
    given, BICs of other countries are left out (R-RIB-3 consistency).
    """
    found: dict[str, int] = {}
    for m in _BIC_LABEL.finditer(text):
        bic = _labelled_bic(text[m.end() : m.end() + 20])
        if bic:
            found.setdefault(bic, m.end())
    countries = {country} if country else {i.country for i in find_ibans(text) if i.valid}
    for m in _BIC_WORD.finditer(text):
        word = m.group(0)
        if word[4:6] in countries and not word.startswith("IBAN") and std_bic.is_valid(word):
            found.setdefault(word, m.start())
    bics = sorted(found, key=found.__getitem__)
    return [b for b in bics if country is None or b[4:6] == country]


def mask(identifier: str, keep: int = 4) -> str:
    """``FR76 3000 6000 0112 3456 7890 189`` -> ``***********************0189`` (R-NIR-4).

    Whitespace is dropped; all but the last ``keep`` characters become '*'.
    """
    compact = "".join(identifier.split())
    hidden = max(len(compact) - keep, 0)
    return "*" * hidden + compact[hidden:]
