"""Machine-readable zones: parse, find in OCR text, and compose (DOMAIN §8, R-MRZ-*).

Pure text: the lines come from OCR or a PDF text layer, never from pixels
here. Layouts follow ICAO Doc 9303 parts 4-7 (TD1, TD2, TD3, MRV-A, MRV-B)
and, for the French identity card of 1988-2021, the non-ICAO layout of
R-MRZ-7. A bad MRZ is a value with ``valid=False`` and the failing check
named in ``checks``, never an exception.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from dossier_check.fields.dates import find_dates
from dossier_check.text import edit_distance, fold

FORMATS = ("TD1", "TD2", "TD3", "MRVA", "MRVB", "FR_CNI_OLD")

_WIDTH = {"TD1": 30, "TD2": 36, "TD3": 44, "MRVA": 44, "MRVB": 36, "FR_CNI_OLD": 36}
#: The characters a line holds in some format (30, 36, 44).
LINE_WIDTHS = tuple(sorted(set(_WIDTH.values())))
#: Between two readings of the same band in a page's ``mrz_text`` (fields/mrz_band.py):
#: a line no MRZ candidate can be, so each reading stays its own group.
READINGS_SEPARATOR = "\n---\n"
_TOLERANCE = 2  # characters a line may be too long or too short
_MAX_VARIANTS = 64  # cap on the line-variant combinations tried by parse_mrz

# R-MRZ-2: the usual OCR confusions, applied only by field type. Digit-only fields
# also take D/Q -> 0, L -> 1, T -> 7, A -> 4 (seen on blurred phone photos): a check
# digit confirms every such repair.
_TO_DIGIT = str.maketrans("OISBZGDQLTA", "01582600174")
_TO_LETTER = str.maketrans("015826", "OISBZG")
#: Look-alikes tried, one character at a time, in a document number (alphanumeric):
#: kept only when the number's check digit and the composite then pass and no other
#: swap does. Only the classic pairs: each extra candidate is another 1-in-10 chance
#: of a wrong swap passing (the composite weighs the number as its own digit does).
_LOOKALIKES = {
    "0": "O", "O": "0", "D": "0", "1": "I", "I": "1",
    "5": "S", "S": "5", "8": "B", "B": "8", "2": "Z", "Z": "2", "6": "G", "G": "6",
}  # fmt: skip
_INNER_FILLER = re.compile(r"<[A-Z0-9]")
#: Letters OCR makes of '<' fillers (a run of fillers read as ``K<K<KKKS``).
_FILLER_LOOKALIKES = frozenset("KSECLXZ")
_MRZ_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def _char_value(c: str) -> int:
    if c.isdigit():
        return int(c)
    if c == "<":
        return 0
    if "A" <= c <= "Z":
        return ord(c) - ord("A") + 10
    raise ValueError(f"not an MRZ character: {c!r}")


def check_digit(data: str) -> str:
    """ICAO 9303 check digit: weights 7-3-1, ``<`` = 0, A = 10 ... Z = 35 (DOMAIN §8).

    >>> check_digit("L898902C3")
    '6'

    Raises ``ValueError`` on a character outside ``[0-9A-Z<]``.
    """
    weights = (7, 3, 1)
    return str(sum(_char_value(c) * weights[i % 3] for i, c in enumerate(data)) % 10)


def _check_passes(field: str, digit: str) -> bool:
    """A field passes when its digit matches; an all-filler field may carry ``<``."""
    if digit == "<" and set(field) <= {"<"}:
        return True
    return check_digit(field) == digit


@dataclass(frozen=True)
class Mrz:
    """One parsed machine-readable zone.

    Dates are ``None`` when the field is blank or not a calendar date.
    ``issue_date`` exists only for ``FR_CNI_OLD``: the first of the month the
    card number encodes (YYMM, R-MRZ-7). ``checks`` names every check digit in
    document order, ``composite`` last. ``corrected`` is true when an OCR
    confusion was repaired (R-MRZ-2). ``lines`` are the lines as read, after
    padding or trimming to the format's width, before any repair.
    """

    format: str
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    sex: str
    expiry_date: date | None
    issue_date: date | None
    optional_data: str
    checks: tuple[tuple[str, bool], ...]
    lines: tuple[str, ...]
    optional_data_2: str = ""  # TD1 only: line 2's optional field
    corrected: bool = False
    #: The lines as cleaned, before fitting to the width (parse_mrz): what a later
    #: repair of a character read twice starts from.
    read_lines: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        """Every check digit, composite included, passes (R-MRZ-2)."""
        return bool(self.checks) and all(ok for _, ok in self.checks)

    @property
    def valid_checks(self) -> int:
        """How many check digits pass."""
        return sum(ok for _, ok in self.checks)


# --- layouts ---------------------------------------------------------------

_Span = tuple[int, int, int]  # line, start, end

#: Fields made of optional data and fillers, covered by the composite only.
_OPTIONAL_SPANS: dict[str, tuple[_Span, ...]] = {
    "TD1": ((0, 15, 30), (1, 18, 29)),
    "TD2": ((1, 28, 35),),
    "TD3": ((1, 28, 42),),
}


@dataclass(frozen=True)
class _Check:
    name: str
    spans: tuple[_Span, ...]
    digit: tuple[int, int]  # line, position of the check digit
    digits_only: tuple[_Span, ...] = ()  # parts of the field that must be digits


@dataclass(frozen=True)
class _Layout:
    letters: tuple[_Span, ...]  # positions that can only hold letters or '<'
    checks: tuple[_Check, ...]


def _line2_checks(width: int, composite: bool) -> tuple[_Check, ...]:
    """Checks of the second line shared by TD2, TD3, MRV-A and MRV-B."""
    checks = [
        _Check("document_number", ((1, 0, 9),), (1, 9)),
        _Check("birth_date", ((1, 13, 19),), (1, 19), ((1, 13, 19),)),
        _Check("expiry_date", ((1, 21, 27),), (1, 27), ((1, 21, 27),)),
    ]
    if width == 44 and composite:
        checks.append(_Check("personal_number", ((1, 28, 42),), (1, 42)))
    if composite:
        end = width - 1
        checks.append(_Check("composite", ((1, 0, 10), (1, 13, 20), (1, 21, end)), (1, end)))
    return tuple(checks)


def _long_number_extension(optional: str) -> str:
    """R-MRZ-3: the rest of a long document number, and its check digit, up to the first '<'."""
    return optional.split("<", 1)[0]


def _layout(fmt: str, lines: Sequence[str]) -> _Layout:
    width = _WIDTH[fmt]
    checks: tuple[_Check, ...]
    if fmt == "TD1":
        ext = _long_number_extension(lines[0][15:30]) if lines[0][14] == "<" else ""
        if len(ext) >= 2:  # R-MRZ-3: number continues in optional data 1
            end = 15 + len(ext) - 1
            number = _Check("document_number", ((0, 5, 14), (0, 15, end)), (0, end))
        else:
            number = _Check("document_number", ((0, 5, 14),), (0, 14))
        checks = (
            number,
            _Check("birth_date", ((1, 0, 6),), (1, 6), ((1, 0, 6),)),
            _Check("expiry_date", ((1, 8, 14),), (1, 14), ((1, 8, 14),)),
            _Check("composite", ((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)), (1, 29)),
        )
        return _Layout(((0, 0, 5), (1, 15, 18), (2, 0, 30)), checks)
    if fmt == "FR_CNI_OLD":  # R-MRZ-7
        checks = (
            _Check("document_number", ((1, 0, 12),), (1, 12), ((1, 0, 4), (1, 7, 12))),
            _Check("birth_date", ((1, 27, 33),), (1, 33), ((1, 27, 33),)),
            _Check("composite", ((0, 0, 36), (1, 0, 35)), (1, 35)),
        )
        return _Layout(((0, 0, 30), (1, 13, 27)), checks)
    composite = fmt in ("TD2", "TD3")
    checks = _line2_checks(width, composite)
    if fmt == "TD2":
        ext = _long_number_extension(lines[1][28:35]) if lines[1][9] == "<" else ""
        if len(ext) >= 2:  # R-MRZ-3 applies to TD2 as well (Doc 9303 part 6)
            end = 28 + len(ext) - 1
            long_number = _Check("document_number", ((1, 0, 9), (1, 28, end)), (1, end))
            checks = (long_number, *checks[1:])
    return _Layout(((0, 0, width), (1, 10, 13)), checks)


# --- parsing ---------------------------------------------------------------


def _gather(chars: Sequence[Sequence[str]], spans: Iterable[_Span]) -> str:
    return "".join("".join(chars[line][start:end]) for line, start, end in spans)


def _repair(chars: list[list[str]], layout: _Layout) -> tuple[tuple[tuple[str, bool], ...], bool]:
    """Check every digit, repairing OCR confusions where a check digit confirms them.

    R-MRZ-2: in letter-only positions (codes, states, names) a digit cannot
    stand, so it is read as its look-alike letter. In digit-only positions
    (dates, parts of the old CNI number, check digits) a look-alike letter is
    read as a digit, but the repair is kept only if the check digit then passes.
    Free alphanumeric fields (document numbers, optional data) are never touched.
    """
    corrected = False
    for line, start, end in layout.letters:
        for i in range(start, end):
            fixed = chars[line][i].translate(_TO_LETTER)
            if fixed != chars[line][i]:
                chars[line][i], corrected = fixed, True
    results: list[tuple[str, bool]] = []
    for check in layout.checks:
        dl, dp = check.digit
        # L = 21 weighs like 1 (values count mod 10): a letter in a date may pass
        ok = _check_passes(_gather(chars, check.spans), chars[dl][dp])
        digits = _gather(chars, check.digits_only)
        ok = ok and (digits.isdigit() or set(digits) <= {"<"}) and _date_or_blank(check, digits)
        if check.name == "document_number" and _INNER_FILLER.search(_gather(chars, check.spans)):
            ok = False  # a number is left-aligned: fillers only after it
        if not ok:
            trial = [row[:] for row in chars]
            for line, start, end in (*check.digits_only, (dl, dp, dp + 1)):
                for i in range(start, end):
                    trial[line][i] = trial[line][i].translate(_TO_DIGIT)
            if (
                trial != chars
                and _check_passes(_gather(trial, check.spans), trial[dl][dp])
                and _date_or_blank(check, _gather(trial, check.digits_only))
            ):
                chars[:] = trial
                ok = corrected = True
        results.append((check.name, ok))
    return tuple(results), corrected


def _without_filler_ghosts(lines: Sequence[str], fmt: str) -> list[str]:
    """Optional fields that are mostly fillers, with the look-alike letters made '<'."""
    rows = [list(line) for line in lines]
    for line, start, end in _OPTIONAL_SPANS.get(fmt, ()):
        field = rows[line][start:end]
        fillerish = sum(c == "<" or c in _FILLER_LOOKALIKES for c in field)
        if "<" in field and fillerish >= 0.7 * len(field):
            rows[line][start:end] = ["<" if c in _FILLER_LOOKALIKES else c for c in field]
    return ["".join(row) for row in rows]


def _deep_repair(
    fmt: str, lines: Sequence[str]
) -> tuple[_Layout, list[list[str]], tuple[tuple[str, bool], ...]] | None:
    """R-MRZ-2, second pass for a format with a composite: filler look-alikes in
    optional fields, then one look-alike swap in the document number.

    A reading is kept only if every check digit and the composite then pass, and
    a number swap only if exactly one swap does. Visas (no composite) never get here.
    """
    if not any(c.name == "composite" for c in _layout(fmt, lines).checks):
        return None

    def attempt(trial: Sequence[str]):
        layout = _layout(fmt, trial)
        chars = [list(line) for line in trial]
        checks, _ = _repair(chars, layout)
        return (layout, chars, checks) if all(ok for _, ok in checks) else None

    base = _without_filler_ghosts(lines, fmt)
    found = attempt(base) if base != list(lines) else None
    if found is not None:
        return found
    number = _layout(fmt, base).checks[0]
    passing = []
    for line, start, end in number.spans:
        for i in range(start, end):
            for alt in _LOOKALIKES.get(base[line][i], ""):
                trial = list(base)
                trial[line] = trial[line][:i] + alt + trial[line][i + 1 :]
                result = attempt(trial)
                if result is not None:
                    passing.append(result)
    return passing[0] if len(passing) == 1 else None


def _date_or_blank(check: _Check, digits: str) -> bool:
    """R-MRZ-4: a date field is a calendar date in one of its two centuries, or blank.

    A misread that passes its check digit by chance ('2Z8072' read as 228072) is
    not a date, so its check does not pass.
    """
    if not check.name.endswith("_date") or set(digits) <= {"<"}:
        return True
    parts = _yymmdd(digits)
    if parts is None:
        return False
    yy, month, day = parts
    return any(_safe_date(century + yy, month, day) for century in (1900, 2000))


def _yymmdd(s: str) -> tuple[int, int, int] | None:
    if len(s) != 6 or not s.isdigit():
        return None
    return int(s[:2]), int(s[2:4]), int(s[4:6])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _past_date(yy: int, month: int, day: int, pivot: date) -> date | None:
    """R-MRZ-4: the century that puts the date on or before the pivot."""
    recent = _safe_date(2000 + yy, month, day)
    if recent is not None and recent <= pivot:
        return recent
    return _safe_date(1900 + yy, month, day)


def _birth_date(s: str, pivot: date) -> date | None:
    parts = _yymmdd(s)
    return _past_date(*parts, pivot) if parts else None


def _expiry_date(s: str, pivot: date) -> date | None:
    """R-MRZ-4: 20YY, unless that lies over 50 years after the pivot (then 19YY).

    No document is valid for 50 years, so the exception only brings old
    specimens (the ICAO visa expires in 1996) back to their own century
    instead of reading them as valid until 2096.
    """
    parts = _yymmdd(s)
    if parts is None:
        return None
    yy, month, day = parts
    year = 2000 + yy if 2000 + yy <= pivot.year + 50 else 1900 + yy
    return _safe_date(year, month, day)


#: Letters OCR reads in place of a '<' filler (no check digit covers names).
_GHOSTS = "KLXEC"
_GHOST_BETWEEN = re.compile(rf"(?<=[A-Z])<[{_GHOSTS}]<(?=[A-Z])")


def _names(field: str) -> tuple[str, str]:
    """``ERIKSSON<<ANNA<MARIA<<<`` -> (``ERIKSSON``, ``ANNA MARIA``).

    Names end at the first run of three fillers: what OCR makes of the rest
    (``<<<K<KK<E``) is filler noise. A lone ghost letter between single
    fillers (``CASTANEDA<X<VALERIA``) is the ``<<`` separator misread.
    """
    field = field.split("<<<", 1)[0]
    if "<<" not in field:
        field = _GHOST_BETWEEN.sub("<<", field, count=1)
    surname, _, given = field.rstrip("<").partition("<<")
    return _spaces(surname), _spaces(given)


def _spaces(s: str) -> str:
    return " ".join(s.replace("<", " ").split())


def _name_zone(fmt: str, lines: Sequence[str]) -> str:
    """The line part holding the names, surname first (not for the old CNI, which
    splits its names over two lines, R-MRZ-7)."""
    return lines[2] if fmt == "TD1" else lines[0][5:]


def _parse_exact(fmt: str, lines: Sequence[str], pivot: date) -> Mrz:
    layout = _layout(fmt, lines)
    chars = [list(line) for line in lines]
    checks, corrected = _repair(chars, layout)
    if not all(ok for _, ok in checks):
        deeper = _deep_repair(fmt, lines)
        if deeper is not None:
            layout, chars, checks = deeper
            corrected = True
    fixed = ["".join(row) for row in chars]
    l1, l2 = fixed[0], fixed[1]
    code, state = l1[0:2].rstrip("<"), l1[2:5].strip("<")
    number_check = layout.checks[0]
    number = _gather(chars, number_check.spans).rstrip("<")
    issue: date | None = None
    optional_2 = ""
    if fmt == "TD1":
        surname, given = _names(_name_zone(fmt, fixed))
        nationality, birth, sex, expiry = l2[15:18], l2[0:6], l2[7], l2[8:14]
        optional_from = number_check.digit[1] + 1 if len(number_check.spans) > 1 else 15
        optional = l1[optional_from:30].strip("<")
        optional_2 = l2[18:29].strip("<")
    elif fmt == "FR_CNI_OLD":  # R-MRZ-7: surname on line 1, given names '<<'-separated on line 2
        surname = _spaces(l1[5:30])
        given = _spaces(l2[13:27])
        nationality, birth, sex, expiry = "FRA", l2[27:33], l2[34], ""  # only issued to French
        optional = l1[30:36].strip("<")  # administrative code: department + office
        parts = _yymmdd(number[0:4] + "01")
        issue = _past_date(*parts, pivot) if parts else None
    else:
        surname, given = _names(_name_zone(fmt, fixed))
        nationality, birth, sex, expiry = l2[10:13], l2[13:19], l2[20], l2[21:27]
        optional_from = number_check.digit[1] + 1 if len(number_check.spans) > 1 else 28
        optional_end = {"TD3": 42, "TD2": 35}.get(fmt, len(l2))
        optional = l2[optional_from:optional_end].strip("<")
    return Mrz(
        format=fmt,
        document_code=code,
        issuing_state=state,
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=nationality.strip("<"),
        birth_date=_birth_date(birth, pivot),
        sex=sex,
        expiry_date=_expiry_date(expiry, pivot) if expiry else None,
        issue_date=issue,
        optional_data=optional,
        checks=checks,
        lines=tuple(lines),
        optional_data_2=optional_2,
        corrected=corrected,
    )


def _clean_line(line: str) -> str:
    """Uppercase, no spaces, '«' read as '<<', anything else outside the alphabet -> '<'."""
    line = "".join(line.upper().replace("«", "<<").replace("‹", "<").split())
    return "".join(c if c in _MRZ_CHARS else "<" for c in line)


def _line_variants(line: str, width: int) -> list[str]:
    """Readings of a line a character or two off its width (end padding/trimming first)."""
    n = len(line)
    if n == width:
        return [line]
    if n < width:
        missing = width - n
        variants = [line + "<" * missing]
        runs = list(re.finditer(r"<{2,}", line))
        if missing > _TOLERANCE:  # many fillers lost: in the longest run only
            runs = sorted(runs, key=lambda m: m.start() - m.end())[:1]
        for m in runs:  # fillers lost inside a run
            if m.end() < n:
                variants.append(line[: m.end()] + "<" * missing + line[m.end() :])
        return variants
    extra = n - width
    variants = [line[k : k + width] for k in range(extra + 1)]
    for m in re.finditer(r"<{3,}", line):  # a filler character too many inside a run
        if m.end() - m.start() > extra + 1:
            variants.append(line[: m.end() - extra] + line[m.end() :])
    ghostless = _drop_filler_ghosts(line, extra)
    if ghostless is not None:
        variants.append(ghostless)
    return variants


def _drop_filler_ghosts(line: str, extra: int) -> str | None:
    """The line ``extra`` characters shorter: its last filler look-alikes that touch
    a '<' dropped (``IDFRA...<K<<<<S<K<<``), then fillers from its longest filler run;
    ``None`` if that is not enough."""
    chars = list(line)
    for i in range(len(chars) - 1, 4, -1):
        if extra == 0:
            break
        touches = "<" in (line[i - 1], line[i + 1 : i + 2])
        if chars[i] in _FILLER_LOOKALIKES and touches:
            del chars[i]
            extra -= 1
    if extra:
        shorter = "".join(chars)
        runs = [m for m in re.finditer(r"<+", shorter) if m.start() >= 5]
        run = max(runs, key=lambda m: m.end() - m.start(), default=None)
        if run is None or run.end() - run.start() <= extra:
            return None
        return shorter[: run.end() - extra] + shorter[run.end() :]
    return "".join(chars)


def _format_for(first: str, width: int) -> str:
    """R-MRZ-1: the format from the line width and the first line's start."""
    if width == 30:
        return "TD1"
    if width == 44:
        return "MRVA" if first.startswith("V") else "TD3"
    if first.startswith("IDFRA"):  # the old CNI, not a TD2 (PassportEye issue #64)
        return "FR_CNI_OLD"
    return "MRVB" if first.startswith("V") else "TD2"


def _width_for(lines: Sequence[str]) -> int | None:
    """The format width: the longest line within tolerance of it (or longer only by
    filler look-alikes), no line under half of it.

    Shorter lines are padded later: OCR and cropping lose trailing fillers,
    and a wrong padding only makes check digits fail.
    """
    widths: tuple[int, ...] = {3: (30,), 2: (36, 44)}.get(len(lines), ())
    longest = max((len(line) for line in lines), default=0)
    for width in widths:
        if abs(longest - width) <= _TOLERANCE and all(len(line) >= width // 2 for line in lines):
            return width
    # longer only by filler look-alikes (``<K<<<<S<K<<``) or fillers: the nearest width first
    for width in sorted(widths, key=lambda w: abs(longest - w)):
        if longest > width and all(
            width // 2 <= len(line) <= width + _TOLERANCE
            or _drop_filler_ghosts(line, len(line) - width) is not None
            for line in lines
        ):
            return width
    return None


def parse_mrz(lines: Sequence[str], pivot: date | None = None) -> Mrz | None:
    """Parse already-extracted MRZ lines of any supported format (R-MRZ-1..7).

    ``pivot`` is the date birth dates may not pass (default: today; pass the
    as-of date). Lines may be one or two characters too long or too short
    (or shorter, missing trailing fillers) and may hold OCR spaces or '«';
    the reading with most passing check digits wins. Returns ``None`` when
    the line count or widths fit no format.
    """
    pivot = pivot or date.today()
    cleaned = [c for c in (_clean_line(line) for line in lines) if c]
    width = _width_for(cleaned)
    if width is None:
        return None
    variants = itertools.islice(
        itertools.product(*(_line_variants(line, width) for line in cleaned)), _MAX_VARIANTS
    )
    best: Mrz | None = None
    for combo in variants:
        mrz = _parse_exact(_format_for(combo[0], width), combo, pivot)
        if best is None or mrz.valid_checks > best.valid_checks:
            best = mrz
    return replace(best, read_lines=tuple(cleaned)) if best is not None else None


# --- finding in OCR text ---------------------------------------------------

_MIN_LINE = 28
_MIN_NAME_LINE = 18  # a name line whose trailing fillers were lost
_MRZ_RATIO = 0.85  # share of MRZ-alphabet characters a candidate line needs
_STARTS = {
    "TD1": "ACI",
    "TD2": "ACIPR",
    "TD3": "P",
    "MRVA": "V",
    "MRVB": "V",
    "FR_CNI_OLD": "I",
}


def _filler_k(line: str) -> str:
    """OCR reads '<' as 'K': in a run of '<' and 'K', a K after the run's first '<' is a filler.

    Only when the run ends in '<' or at the line's end, so that a name
    starting with K after a separator (``JAN<KOWALSKI``) is kept.
    """

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        first = run.find("<")
        if first < 0 or not (run.endswith("<") or m.end() == len(line)):
            return run
        return run[:first] + "<" * (len(run) - first)

    return re.sub(r"[<K]{2,}", fix, line)


def _ghost_tail(line: str) -> str:
    """Trailing fillers read as letters (``MARIAM<<<<LLELLEELELEEEE``) made '<' again:
    eight letters or more after the line's last filler run, nine in ten of them
    filler look-alikes (no name is made of K, S, E, C, L, X and Z alone)."""
    m = re.search(r"<<([A-Z]{8,})$", line)
    if m is None:
        return line
    tail = m.group(1)
    if sum(c in _FILLER_LOOKALIKES for c in tail) < 0.9 * len(tail):
        return line
    return line[: m.start(1)] + "<" * len(tail)


def _ocr_line(raw: str) -> str | None:
    """Normalise one OCR line; ``None`` when it does not look like an MRZ line."""
    line = raw.replace("«", "<<").replace("‹", "<")
    # '<' read as '(', 'c', 'e', 'k', '£' or '¢'; an MRZ has no lowercase letter
    line = re.sub(r"[(\[{cek£¢]", "<", line)
    line = "".join(line.split()).upper()
    if len(line) < _MIN_LINE and not (len(line) >= _MIN_NAME_LINE and "<<" in line):
        return None
    good = sum(c in _MRZ_CHARS for c in line)
    if good / len(line) < _MRZ_RATIO:
        return None
    return _ghost_tail(_filler_k("".join(c for c in line if c in _MRZ_CHARS)))


def _split_joined(line: str) -> Iterator[list[str]]:
    """A whole MRZ read as one line (a PDF text layer): its possible cuts into lines."""
    for count, width in ((3, 30), (2, 44), (2, 36)):
        if abs(len(line) - count * width) <= _TOLERANCE:
            size = round(len(line) / count)
            cuts = [i * size for i in range(count)] + [len(line)]
            yield [line[a:b] for a, b in itertools.pairwise(cuts)]


def _groups(text: str) -> Iterator[list[str]]:
    """Runs of consecutive candidate lines (blank lines do not break a run)."""
    group: list[str] = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        line = _ocr_line(raw)
        if line is None:
            if group:
                yield group
            group = []
            continue
        yield from _split_joined(line)
        group.append(line)
    if group:
        yield group


def _plausible(mrz: Mrz) -> bool:
    first = mrz.lines[0]
    if mrz.format == "FR_CNI_OLD" and not first.startswith("IDFRA"):
        return False
    # One passing check digit is a 1-in-10 coincidence on ordinary capitals
    # ("AVIS D'IMPOT 2026 ..."): ask for two, and a date that parses.
    has_date = mrz.birth_date is not None or mrz.expiry_date is not None
    code = mrz.document_code or first
    return code[0] in _STARTS[mrz.format] and "<" in first and mrz.valid_checks >= 2 and has_date


def find_mrz(text: str, pivot: date | None = None) -> Mrz | None:
    """Find the best MRZ in noisy OCR text, or ``None``.

    Candidate lines are mostly ``[A-Z0-9<]`` and at least 28 characters once
    spaces are removed (18 for a name line holding '<<'); '«', '(', 'c' and
    filler 'K's are read as '<'.
    Windows of 2 and 3 consecutive candidates go through :func:`parse_mrz`;
    the one with most passing check digits wins (a valid one first). An MRZ
    with fewer than two passing check digits or no readable date is not
    reported. Never raises.
    """
    best: Mrz | None = None
    try:
        for group in _groups(text):
            for size in (3, 2):
                for i in range(len(group) - size + 1):
                    mrz = parse_mrz(group[i : i + size], pivot)
                    if mrz is None or not _plausible(mrz):
                        continue
                    key = (mrz.valid, mrz.valid_checks)
                    if best is None or key > (best.valid, best.valid_checks):
                        best = mrz
    except (ValueError, IndexError):  # defensive: garbage must never abort a run
        return best
    return best


# --- several readings, and the printed zone (R-MRZ-2, R-ID-8) --------------

#: Fields a printed (visual) zone repeats, which its value may repair.
_PRINTED_FIELDS = ("document_number", "birth_date", "expiry_date")
#: A printed date with its parts apart (``21 06 1978``, ``21.06.1978``), which
#: ``find_dates`` leaves to labels; the MRZ's check digit decides here.
_SPACED_DATE = re.compile(r"(?<!\d)([0-3]\d)[ ./-]{0,2}([01]\d)[ ./-]{0,2}((?:19|20)\d\d)(?!\d)")


def _check_named(layout: _Layout, name: str) -> _Check | None:
    return next((c for c in layout.checks if c.name == name), None)


def _passes(mrz: Mrz, name: str) -> bool:
    return dict(mrz.checks).get(name, False)


def _graft(rows: list[list[str]], donor: Sequence[str], check: _Check) -> None:
    """Copy a field and its check digit from ``donor``'s lines into ``rows``."""
    for line, start, end in check.spans:
        rows[line][start:end] = list(donor[line][start:end])
    line, pos = check.digit
    rows[line][pos] = donor[line][pos]


def _printed_values(printed: str) -> tuple[set[str], set[str]]:
    """Words (and pairs of adjacent words) and dates as YYMMDD printed on the page."""
    # the MRZ itself is not a second witness
    visual = [line for line in printed.splitlines() if "<" not in line and "«" not in line]
    words: set[str] = set()
    for line in visual:
        tokens = re.findall(r"[A-Z0-9]+", fold(line))
        words.update(tokens)
        words.update(a + b for a, b in itertools.pairwise(tokens))
    days = {d.value for d in find_dates("\n".join(visual))}
    for m in _SPACED_DATE.finditer("\n".join(visual)):
        day = _safe_date(int(m[3]), int(m[2]), int(m[1]))
        if day is not None:
            days.add(day)
    return words, {d.strftime("%y%m%d") for d in days}


def _refit(line: str, width: int) -> str | None:
    """``line`` brought back to ``width`` by adding or dropping fillers in its longest
    filler run (a field's repair made it a character longer or shorter)."""
    runs = [m for m in re.finditer(r"<+", line) if m.start() >= 5]
    run = max(runs, key=lambda m: m.end() - m.start(), default=None)
    if len(line) == width:
        return line
    if run is None:
        return None
    if len(line) < width:
        return line[: run.end()] + "<" * (width - len(line)) + line[run.end() :]
    extra = len(line) - width
    if run.end() - run.start() <= extra:
        return None
    return line[: run.end() - extra] + line[run.end() :]


#: A field as read may hold one character too many or too few (then its check digit
#: sits one place off): each shift is tried.
_SHIFTS = (0, 1, -1)


def _printed_repair(
    line: str,
    start: int,
    end: int,
    name: str,
    printed: tuple[set[str], set[str]],
    shifts: tuple[int, ...] = _SHIFTS,
) -> tuple[str, int] | None:
    """``line`` with the field ``line[start:end]`` replaced by the one printed value
    that passes the check digit read after it and differs from the MRZ's reading
    by look-alikes and at most one other edit, and the shift used; ``None`` when
    there is no such value or two are equally near."""
    words, days = printed
    size = end - start
    if name == "document_number":
        number = len(line[start:end].rstrip("<"))
        near = [w for w in words if number - 1 <= len(w) <= number + 1]
        # the printed zone's OCR may add a character too ('6NNU9ICTVP'): each one dropped
        near += [w[:i] + w[i + 1 :] for w in near if len(w) == number + 1 for i in range(len(w))]
        pool = {w.ljust(size, "<") for w in near if len(w) <= size}
    else:
        pool = days
    found: dict[tuple[str, int], int] = {}
    for shift in shifts:
        if not 0 <= end + shift < len(line):
            continue
        digit = line[end + shift].translate(_TO_DIGIT)
        read = line[start : end + shift]
        for value in pool:
            if check_digit(value) != digit:
                continue
            # look-alikes (O/0, S/5, B/8...) are what both zones misread; beyond
            # them one edit only: a number's check digit is its only guard (the
            # composite weighs the number as its own digit does), and each further
            # candidate would be another 1-in-10 chance of a wrong value passing
            distance = edit_distance(value.translate(_TO_DIGIT), read.translate(_TO_DIGIT))
            if distance <= 1:
                repaired = line[:start] + value + line[end + shift :]
                found.setdefault((repaired, shift), distance)
    if not found:
        return None
    best = min(found.values())
    nearest = [v for v, d in found.items() if d == best]
    return nearest[0] if len(nearest) == 1 else None


def _printed_fields(mrz: Mrz, words: set[str], days: set[str]) -> set[str]:
    """The number and dates of ``mrz`` that the printed zone shows too."""
    shown = set()
    if mrz.document_number and mrz.document_number in words:
        shown.add("document_number")
    for name, value in (("birth_date", mrz.birth_date), ("expiry_date", mrz.expiry_date)):
        if value is not None and value.strftime("%y%m%d") in days:
            shown.add(name)
    return shown


def _with_printed(mrz: Mrz, words: set[str], days: set[str], pivot: date) -> Mrz:
    """``mrz`` with a number or date the printed zone does not show replaced by the
    printed value the MRZ's check digit confirms (R-ID-8, R-MRZ-2).

    A failing field is replaced when more check digits then pass, or, when the
    field is taken as read a character short or long (its check digit one place
    off), when every check digit then passes. A passing field is replaced only
    in place, its check digit as read, and when every check digit still passes:
    OCR makes look-alike errors that pass a check digit and the composite by
    chance (``OD7CRK3FV`` for ``097CRK3FV``), and the value both zones agree on
    wins. (Shifting a valid field would let a misread printed value, ``4PNOWZ270``,
    claim the field's last digit as its check digit.)
    """
    width = len(mrz.lines[0])
    for name in _PRINTED_FIELDS:
        check = _check_named(_layout(mrz.format, mrz.lines), name)
        if check is None or len(check.spans) != 1 or name in _printed_fields(mrz, words, days):
            continue
        line, start, end = check.spans[0]
        shifts = (0,) if mrz.valid else _SHIFTS
        found = _printed_repair(mrz.lines[line], start, end, name, (words, days), shifts)
        fitted = _refit(found[0], width) if found is not None else None
        if found is None or fitted is None:
            continue
        lines = list(mrz.lines)
        lines[line] = fitted
        trial = _parse_exact(mrz.format, lines, pivot)
        better = _passes(trial, name) and trial.valid_checks > mrz.valid_checks
        if trial.valid if mrz.valid or found[1] else better:
            mrz = replace(trial, corrected=True)
    return mrz


def _one_dropped(mrz: Mrz, pivot: date) -> list[Mrz]:
    """Valid readings of ``mrz`` with one character of a line read one too long dropped.

    OCR sometimes reads a character twice or a speck as a letter
    (``KG595069<0OUKR...``): trimming the line at an end may then pass every
    check digit by chance, dropping the right character passes them by right.
    """
    width = len(mrz.lines[0])
    found: dict[tuple[str, ...], Mrz] = {}
    for k, read in enumerate(mrz.read_lines):
        if len(read) != width + 1 or len(mrz.read_lines) != len(mrz.lines):
            continue
        for i in range(len(read)):
            lines = list(mrz.lines)
            lines[k] = read[:i] + read[i + 1 :]
            trial = _parse_exact(mrz.format, lines, pivot)
            if trial.valid:
                found.setdefault(tuple(lines), trial)
    return list(found.values())


def combine_readings(
    readings: Sequence[Mrz], printed: str = "", pivot: date | None = None
) -> Mrz | None:
    """The best MRZ from several readings of one band, repaired field by field.

    First the printed (visual) zone ``printed``: a document number or date
    that it does not show is replaced by the one printed value that passes
    the MRZ's own check digit and differs from the reading by look-alikes and
    one edit at most (R-ID-8, R-MRZ-2; see :func:`_with_printed`). A valid reading that agrees
    with the printed zone on more fields wins. Otherwise, as each check digit
    covers its own field, a field that still fails in the best reading is
    taken from another reading of the same format where it passes (R-MRZ-2),
    the composite deciding between combinations. A step is kept only when
    more check digits pass. Ties go to the earlier reading: pass
    restricted-alphabet re-reads first.
    """
    pivot = pivot or date.today()
    if not readings:
        return None
    words, days = _printed_values(printed)

    def agreement(m: Mrz) -> int:
        return len(_printed_fields(m, words, days)) if m.valid else 0

    if printed:
        readings = [_with_printed(m, words, days, pivot) for m in readings]
        if not any(agreement(m) == len(_PRINTED_FIELDS) for m in readings):
            readings = [*readings, *(d for m in readings for d in _one_dropped(m, pivot))]
    # max keeps the first of equals
    best = max(readings, key=lambda m: (m.valid, agreement(m), m.valid_checks))
    if best.valid:
        return _names_settled(best, words)
    fmt, width = best.format, len(best.lines[0])
    layout = _layout(fmt, best.lines)
    # each field's passing readings (two readings may pass a field with different
    # values, one by chance): every combination is tried, the composite decides
    options: list[list[tuple[Sequence[str], _Check]]] = []
    for check in layout.checks:
        if check.name == "composite":
            continue
        found: dict[str, tuple[Sequence[str], _Check]] = {}
        for other in readings:
            if (
                other.format != fmt
                or len(other.lines[0]) != width
                or not _passes(other, check.name)
            ):
                continue
            donor = _check_named(_layout(fmt, other.lines), check.name)
            if donor == check:
                found.setdefault(_gather(other.lines, donor.spans), (other.lines, donor))
        if found:
            options.append(list(found.values()))
    for combo in itertools.islice(itertools.product(*options), _MAX_VARIANTS):
        rows = [list(line) for line in best.lines]
        for lines, check in combo:
            _graft(rows, lines, check)
        merged = _parse_exact(fmt, ["".join(r) for r in rows], pivot)
        if (merged.valid, merged.valid_checks) > (best.valid, best.valid_checks):
            best = merged
    return _names_settled(best, words)


def _names_settled(mrz: Mrz, words: set[str]) -> Mrz:
    """``mrz`` with its surname / given-names split settled by the printed zone
    (R-ID-8): a name field read without its ``<<`` separator (``CASTANEDAK<VALERIA``:
    a filler read as K; ``NOVAK<JAN``: a filler lost) is split where the printed
    zone shows both parts, when exactly one way does. No check digit covers names,
    so only the printed zone can tell ``NOVAK<JAN`` from ``NOVA<<JAN``."""
    if not words or mrz.format == "FR_CNI_OLD" or mrz.given_names:
        return mrz
    field = _name_zone(mrz.format, mrz.lines).split("<<<", 1)[0]

    def printed(names: tuple[str, str]) -> bool:
        return bool(names[1]) and all(t in words for t in " ".join(names).split())

    candidates: set[tuple[str, str]] = set()
    for i, c in enumerate(field):
        if c != "<" or i == 0:
            continue
        candidates.add(_names(field[:i] + "<" + field[i:]))  # a filler lost
        if field[i - 1] in _GHOSTS:  # a filler read as a letter before it
            candidates.add(_names(field[: i - 1] + "<" + field[i - 1 :]))
    found = [names for names in candidates if printed(names)]
    if len(found) != 1:
        return mrz
    surname, given = found[0]
    return replace(mrz, surname=surname, given_names=given, corrected=True)


# --- composing (tests and the sample generator) ----------------------------


def _mrz_chars(value: str) -> str:
    """Fold to the MRZ alphabet: uppercase, no accents, anything else -> '<'."""
    return "".join(c if c in _MRZ_CHARS else "<" for c in fold(value))


def _text_field(value: str, width: int) -> str:
    return _mrz_chars(value)[:width].ljust(width, "<")


def _name_part(value: str) -> str:
    """``Jean-Pierre`` -> ``JEAN<PIERRE``."""
    return "<".join(_mrz_chars(value).replace("<", " ").split())


def _name_field(surname: str, given_names: str, width: int) -> str:
    given = "<".join(_name_part(name) for name in given_names.split())
    return _text_field(f"{_name_part(surname)}<<{given}", width)


def _date_field(value: date | None) -> str:
    return value.strftime("%y%m%d") if value else "<<<<<<"


def _with_digit(field: str) -> str:
    return field + check_digit(field)


def _number_and_optional(number: str, optional: str, optional_width: int) -> str:
    """Number, its check digit and the optional field.

    R-MRZ-3: a number over 9 characters puts '<' in the check-digit position
    and continues in the optional field with its check digit, then a '<'
    before any optional data (Doc 9303 part 5, 4.2.2).
    """
    number = _mrz_chars(number).rstrip("<")
    if len(number) <= 9:
        return _with_digit(number.ljust(9, "<")) + _text_field(optional, optional_width)
    optional = _mrz_chars(optional).rstrip("<")
    tail = number[9:] + check_digit(number) + ("<" + optional if optional else "")
    return number[:9] + "<" + _text_field(tail, optional_width)


def _line1(document_code: str, issuing_state: str, surname: str, given: str, width: int) -> str:
    return (
        _text_field(document_code, 2)
        + _text_field(issuing_state, 3)
        + _name_field(surname, given, width - 5)
    )


def _dates_and_sex(birth_date: date | None, sex: str, expiry_date: date | None) -> str:
    return (
        _with_digit(_date_field(birth_date))
        + _text_field(sex, 1)
        + _with_digit(_date_field(expiry_date))
    )


def compose_td3(
    *,
    document_code: str = "P",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
) -> list[str]:
    """A passport MRZ (2 x 44) with correct check digits."""
    personal = _text_field(optional_data, 14)
    personal += "<" if set(personal) == {"<"} else check_digit(personal)
    line2 = _with_digit(_text_field(document_number, 9)) + _text_field(nationality, 3)
    line2 += _dates_and_sex(birth_date, sex, expiry_date) + personal
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    return [_line1(document_code, issuing_state, surname, given_names, 44), line2]


def compose_td2(
    *,
    document_code: str = "I",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
) -> list[str]:
    """A TD2 card MRZ (2 x 36) with correct check digits (R-MRZ-3 for long numbers)."""
    number_optional = _number_and_optional(document_number, optional_data, 7)
    line2 = number_optional[:10] + _text_field(nationality, 3)
    line2 += _dates_and_sex(birth_date, sex, expiry_date) + number_optional[10:]
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:35])
    return [_line1(document_code, issuing_state, surname, given_names, 36), line2]


def compose_td1(
    *,
    document_code: str = "I",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
    optional_data_2: str = "",
) -> list[str]:
    """An ID-card MRZ (3 x 30) with correct check digits (R-MRZ-3 for long numbers)."""
    line1 = _text_field(document_code, 2) + _text_field(issuing_state, 3)
    line1 += _number_and_optional(document_number, optional_data, 15)
    line2 = _dates_and_sex(birth_date, sex, expiry_date) + _text_field(nationality, 3)
    line2 += _text_field(optional_data_2, 11)
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    return [line1, line2, _name_field(surname, given_names, 30)]


def _compose_visa(
    width: int,
    document_code: str,
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str,
) -> list[str]:
    line2 = _with_digit(_text_field(document_number, 9)) + _text_field(nationality, 3)
    line2 += _dates_and_sex(birth_date, sex, expiry_date)
    line2 += _text_field(optional_data, width - 28)
    return [_line1(document_code, issuing_state, surname, given_names, width), line2]


def compose_mrva(
    *,
    document_code: str = "V",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
) -> list[str]:
    """A visa sticker MRZ, type A (2 x 44, no composite; R-MRZ-10)."""
    return _compose_visa(
        44, document_code, issuing_state, surname, given_names, document_number,
        nationality, birth_date, sex, expiry_date, optional_data,
    )  # fmt: skip


def compose_mrvb(
    *,
    document_code: str = "V",
    issuing_state: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    optional_data: str = "",
) -> list[str]:
    """A visa sticker MRZ, type B (2 x 36, no composite; the French VLS-TS, R-MRZ-10)."""
    return _compose_visa(
        36, document_code, issuing_state, surname, given_names, document_number,
        nationality, birth_date, sex, expiry_date, optional_data,
    )  # fmt: skip


def compose_fr_cni_old(
    *,
    surname: str,
    given_names: str,
    document_number: str,
    birth_date: date | None,
    sex: str,
    optional_data: str = "",
) -> list[str]:
    """An old French CNI MRZ (2 x 36, R-MRZ-7).

    ``document_number`` is the 12-character card number: issue YYMM,
    department and office (3), sequence (5). ``optional_data`` is line 1's
    6-character administrative code. Given names are separated by '<<' on
    this card.
    """
    line1 = "IDFRA" + _text_field(_name_part(surname), 25) + _text_field(optional_data, 6)
    given = "<<".join(_name_part(name) for name in given_names.split())
    line2 = _with_digit(_text_field(document_number, 12)) + _text_field(given, 14)
    line2 += _with_digit(_date_field(birth_date)) + _text_field(sex, 1)
    line2 += check_digit(line1 + line2)
    return [line1, line2]
