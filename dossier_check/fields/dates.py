"""Dates and billing periods in OCR text, in French, English, Spanish and Portuguese.

Numeric dates are read day first (dd/mm/yyyy, the European order); ISO
yyyy-mm-dd is recognised by its 4-digit year first. A two-digit year is
20YY up to 69 and 19YY from 70 (the POSIX ``%y`` rule). Impossible dates
(31/02) are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from dossier_check.text import fold


@dataclass(frozen=True)
class DateMatch:
    """A date found in text; ``start``/``end``/``raw`` refer to the text as given."""

    value: date
    start: int
    end: int
    raw: str


# Month names, accent-free and uppercase, FR / EN / ES / PT, full and abbreviated.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "JANVIER JANV JANUARY JAN ENERO ENE JANEIRO",
        "FEVRIER FEVR FEV FEBRUARY FEB FEBRERO FEVEREIRO",
        "MARS MARCH MAR MARZO MARCO",
        "AVRIL AVR APRIL APR ABRIL ABR",
        "MAI MAY MAYO MAIO",
        "JUIN JUNE JUN JUNIO JUNHO",
        "JUILLET JUIL JULY JUL JULIO JULHO",
        "AOUT AUGUST AUG AGOSTO AGO",
        "SEPTEMBRE SEPTEMBER SEPT SEP SEPTIEMBRE SETIEMBRE SETEMBRO SET",
        "OCTOBRE OCTOBER OCT OCTUBRE OUTUBRO OUT",
        "NOVEMBRE NOVEMBER NOV NOVIEMBRE NOVEMBRO",
        "DECEMBRE DECEMBER DEC DICIEMBRE DIC DEZEMBRO DEZ",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_B = r"(?<![0-9A-Z])"  # no digit or letter just before
_E = r"(?![0-9A-Z])"

_PATTERNS = (
    # 1er mars 2026, 3 March 2026, 3 de marzo de 2026, 3 de março de 2026, 03-MAR-2026
    re.compile(
        rf"{_B}{_DAY}\s?(?:ER|ST|ND|RD|TH|O|º|°)?\s*(?:DE\s+|[-/.]\s?)?{_MONTH}"
        rf"\s*(?:DE\s+|,\s*|[-/.]\s?)?{_YEAR}{_E}"
    ),
    # March 3, 2026 / March 3rd 2026
    re.compile(rf"{_B}{_MONTH}\s*{_DAY}(?:ST|ND|RD|TH)?\s*,?\s*{_YEAR}{_E}"),
    # 2026-03-01 (ISO), 2026/03/01
    re.compile(
        r"(?<![0-9])(?P<year>(?:19|20)\d\d)\s?(?P<sep>[-/.])\s?(?P<month>[01]?\d)"
        r"\s?(?P=sep)\s?(?P<day>[0-3]?\d)(?![0-9])"
    ),
    # 01/03/2026, 01.03.2026, 01-03-2026, 01/03/26 (OCR may add spaces around separators),
    # but not inside longer digit runs such as phone numbers (06-12-34-56-78)
    re.compile(
        r"(?<![0-9])(?<![0-9][-/.])(?P<day>[0-3]?\d)\s?(?P<sep>[-/.])\s?(?P<month>[01]?\d)"
        r"\s?(?P=sep)\s?(?P<year>(?:19|20)\d\d|\d\d)(?![0-9])(?![-/.][0-9])"
    ),
)


#: "1er mars" read by OCR as "ler mars" / "Ier mars": the "l" or "I" is a 1.
_OCR_FIRST = re.compile(rf"(?<![0-9A-Z])[LI](?=ER\s?{_MONTH})")


def _fold_chars(text: str) -> tuple[str, list[int]]:
    """Uppercase, accent-free text and, for each of its characters, its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", ch)
        for c in "".join(c for c in decomposed if not unicodedata.combining(c)).upper():
            out.append(c)
            index.append(i)
    return "".join(out), index


def _year(raw: str) -> int:
    value = int(raw)
    if len(raw) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _month(raw: str) -> int:
    return int(raw) if raw.isdigit() else _MONTHS[raw]


def find_dates(text: str) -> list[DateMatch]:
    """Every calendar date in ``text``, in order, overlaps resolved to the earliest, longest.

    Never raises; impossible dates are left out.
    """
    folded, index = _fold_chars(text)
    folded = _OCR_FIRST.sub("1", folded)  # same length: the index still maps
    candidates: list[DateMatch] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            try:
                value = date(_year(m["year"]), _month(m["month"]), int(m["day"]))
            except ValueError:
                continue
            start, end = index[m.start()], index[m.end() - 1] + 1
            candidates.append(DateMatch(value, start, end, text[start:end]))
    return _earliest_longest(candidates)


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Span)


def _earliest_longest(spans: list[_S]) -> list[_S]:
    """``spans`` in text order, overlaps resolved to the earliest, then the longest."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_S] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def date_after_label(text: str, labels: Sequence[str], window: int = 60) -> date | None:
    """The first date starting within ``window`` characters after one of ``labels``.

    Labels and text are compared after :func:`~dossier_check.text.fold`, so
    ``"Date d'échéance"`` finds ``DATE D’ECHEANCE``; a label matches whole
    words only. Label occurrences are tried in text order.
    """
    folded = fold(text)
    dates = find_dates(folded)
    hits: list[int] = []
    for label in labels:
        needle = fold(label)
        if not needle:
            continue
        # whole words only: the label "le" must not match inside "CLE"
        before = r"(?<![A-Z0-9])" if needle[0].isalnum() else ""
        after = r"(?![A-Z0-9])" if needle[-1].isalnum() else ""
        pattern = before + re.escape(needle) + after
        hits.extend(m.end() for m in re.finditer(pattern, folded))
    for end in sorted(hits):
        for d in dates:
            if end <= d.start <= end + window:
                return d.value
    return None


# Words between the two ends of a period (folded text): "du X au Y", "from X to Y",
# "X - Y", "entre le X et le Y", "del X al Y", "de X a Y", "de X até Y".
_BETWEEN = (
    r"\s*(?:(?<![A-Z])(?:JUSQU'AU|THROUGH|UNTIL|THRU|ATE|AU|AL|TO|A|ET)(?![A-Z])|[-\u2013\u2014])"
    r"\s*(?:LE\s+)?"
)
_BETWEEN_ONLY = re.compile(_BETWEEN)
# A period start given in part, its month and year taken from the end date:
# "du 1er au 28 février 2026", "du 1 janvier au 28 février 2026".
_PARTIAL_START = re.compile(
    rf"(?<![A-Z])(?:DU|FROM|DEL|DE|ENTRE\s+LE)\s+{_DAY}(?:ER|ST|ND|RD|TH)?"
    rf"(?:\s+(?:DE\s+)?{_MONTH})?{_BETWEEN}$"
)


def find_periods(text: str) -> list[tuple[date, date]]:
    """Billing periods (start, end) with start <= end, in text order.

    Forms: ``du 01/02/2026 au 28/02/2026``, ``période du 1er au 28 février
    2026``, ``from 1 Feb 2026 to 28 Feb 2026``, ``01/02/2026 - 28/02/2026``.
    """
    folded = fold(text)
    dates = find_dates(folded)
    periods: list[tuple[int, date, date]] = []
    used: set[int] = set()
    for i in range(len(dates) - 1):
        first, second = dates[i], dates[i + 1]
        if i in used or first.value > second.value:
            continue
        if _BETWEEN_ONLY.fullmatch(folded, first.end, second.start):
            periods.append((first.start, first.value, second.value))
            used.update((i, i + 1))
    for i, end in enumerate(dates):
        if i in used:
            continue
        head_start = max(0, end.start - 60)
        partial = _PARTIAL_START.search(folded[head_start : end.start])
        if partial is None:
            continue
        month = _MONTHS[partial["month"]] if partial["month"] else end.value.month
        try:
            start = date(end.value.year, month, int(partial["day"]))
            if start > end.value:  # "du 15 décembre au 14 janvier 2026"
                start = start.replace(year=start.year - 1)
        except ValueError:
            continue
        periods.append((head_start + partial.start(), start, end.value))
    return [(start, end) for _, start, end in sorted(periods, key=lambda p: p[0])]


# ---- the issue date of a bill or letter (R-RES-5: "its date = the issue date")

#: Labels (folded) that name the date a document was issued, in any of its common
#: wordings; the date follows on the same line, or on the next in a two-column layout.
_ISSUE_LABELS = (
    "DATE DE (?:LA )?FACTURE",
    "DATE DE FACTURATION",
    "DATE FACTURE",
    "DATE D'(?:EMISSION|EDITION|ETABLISSEMENT)",
    "DATE DE L'AVIS",
    "(?:EMISE?|EDITEE?|ETABLIE?|FAITE?|ENVOYEE?) LE",
    "(?:INVOICE|BILL|BILLING|STATEMENT|ISSUE) DATE",
    "DATE OF (?:INVOICE|ISSUE|BILL|STATEMENT)",
    "ISSUED(?: ON)?",
    "(?:INVOICE|BILL) DATED",
)
_ISSUE_LABEL = re.compile(r"(?<![A-Z0-9'])(?:" + "|".join(_ISSUE_LABELS) + r")(?![A-Z0-9])")
#: "Facture du 03/11/2026", "Facture n° FA2026-118 du 3 novembre 2026", "Invoice No. 118
#: of 3 Nov 2026": the date the document's own number or title is dated with.
_TITLE_DATED = re.compile(
    r"(?<![A-Z0-9])(?:FACTURE|INVOICE|BILL|N°|NO\.?)"
    r"(?:\s*(?:N°|NO\.?|NUMERO|NUMBER|#)?\s*:?\s*[A-Z]{0,4}[0-9][A-Z0-9/._-]*)?"
    r"[ \t]*(?:\n(?:[^\n]{0,60}?\n)?)?[^A-Z0-9\n]*"  # or on one of the next two lines
    r"(?:DU|EN DATE DU|DATED|OF|DE)\s+(?=\d)"
)
#: A bare "Date" (or "Date :"), not one qualified as another date: "Date d'échéance",
#: "Date limite de paiement", "Date de prélèvement", "Date de naissance", "Due date"...
_BARE_DATE = re.compile(
    r"(?<![A-Z0-9'])DATE(?![A-Z0-9])"
    r"(?!\s*(?:D'|DE |DU |DES |LIMITE|OF |D ECHEANCE|DUE|D EFFET|DE$))"
)
#: Words just before a date that make it a payment, due or other non-issue date.
_NOT_ISSUE = re.compile(
    r"(?<![A-Z])(?:PRELEVE|PRELEVEE|PRELEVEMENT|ECHEANCE|AVANT|LIMITE|PAYABLE|DUE|EXIGIBLE|"
    r"DEBITE|DEBIT|REGLER|PAYER|JUSQU'AU|EXPIRE|VALABLE|NAISSANCE|NE|NEE)"
    r"(?:\s+(?:LE|DU|AU|ON|BY|BEFORE))?\s*:?\s*$"
)


def _period_dates(folded: str, dates: list[DateMatch]) -> set[int]:
    """Indexes (into ``dates``) of the two ends of every ``X au Y`` / ``X - Y`` period."""
    inside: set[int] = set()
    for i in range(len(dates) - 1):
        first, second = dates[i], dates[i + 1]
        if first.value <= second.value and _BETWEEN_ONLY.fullmatch(folded, first.end, second.start):
            inside.update((i, i + 1))
    return inside


#: Days a bill may be issued before its period ends (billed ahead) or after.
_ISSUED_BEFORE_END, _ISSUED_AFTER_END = 45, 120


def issue_date(text: str, window: int = 60) -> date | None:
    """The date a bill or letter was issued, whatever its wording (R-RES-5), else None.

    In this order: a date after an issue label ("Date de facture", "Date
    d'émission", "émise le", "Invoice date", "Issued on"...); the date of the
    title or number ("Facture du 03/11/2026", "Facture n° F123 du 3 novembre
    2026"); a date after a bare "Date" / "Date :". A label's date is on its
    line or, in a two-column layout, starts the next line. A date that is
    either end of a period (``du X au Y``) or follows a payment word ("prélevé
    le", "échéance", "à payer avant le") is never the issue date.

    Last, a label OCR lost (``Daft:`` for ``Date :``, a sidebar's label not read):
    the bill's one date that is neither, when it falls near the end of the
    billing period, as an issue date does (an older date is a contract's or a
    customer's "since").
    """
    folded = fold_lines(text)
    dates = find_dates(folded)
    if not dates:
        return None
    skip = _period_dates(folded, dates)
    period_ends = [dates[i].value for i in skip]
    for i, d in enumerate(dates):
        line_start = folded.rfind("\n", 0, d.start) + 1
        if _NOT_ISSUE.search(folded[max(line_start, d.start - 40) : d.start]):
            skip.add(i)
    usable = [d for i, d in enumerate(dates) if i not in skip]

    def after(end: int, near: int, below: bool) -> date | None:
        """The first usable date: within ``near`` characters on the label's line; else
        anywhere that near on the next line (``below``); else starting one of the next
        two lines (two columns read side by side put the other column's line between)."""
        line_end = folded.find("\n", end)
        line_end = len(folded) if line_end < 0 else line_end
        next_end = folded.find("\n", line_end + 1)
        next_end = len(folded) if next_end < 0 else next_end
        for d in usable:
            if d.start < end:
                continue
            if d.start <= min(line_end, end + near):
                return d.value  # on the label's line
            if below and line_end < d.start <= min(next_end, line_end + near):
                return d.value
            line_start = folded.rfind("\n", 0, d.start) + 1
            lines_below = folded.count("\n", end, d.start)
            if 1 <= lines_below <= 2 and not folded[line_start : d.start].strip(" |:-"):
                return d.value
            return None
        return None

    for m in _ISSUE_LABEL.finditer(folded):
        found = after(m.end(), window, below=True)
        if found:
            return found
    for m in _TITLE_DATED.finditer(folded):
        for d in usable:
            if d.start == m.end():
                return d.value
    for m in _BARE_DATE.finditer(folded):
        found = after(m.end(), 8, below=False)  # "Date : le 03/11/2026"
        if found:
            return found
    if len(usable) == 1 and period_ends:
        lone, end = usable[0].value, max(period_ends)
        if -_ISSUED_BEFORE_END <= (lone - end).days <= _ISSUED_AFTER_END:
            return lone
    return None


def fold_lines(text: str) -> str:
    """:func:`~dossier_check.text.fold` line by line: the line breaks are kept."""
    return "\n".join(fold(line) for line in text.splitlines())


_MONTH_YEAR = re.compile(
    rf"\s*:?\s*(?:\n[^A-Z0-9\n]*)?(?:(?:DE|D'|DU MOIS DE|OF|FOR)\s*)?"
    rf"(?:{_MONTH}|(?P<num>0?[1-9]|1[0-2])\s?[/.-])\s*{_YEAR}{_E}"
)


def month_period(text: str, labels: Sequence[str]) -> list[tuple[date, date]]:
    """Billing periods given as a whole month after a label, (first day, last day):
    ``Période facturée : octobre 2026``, ``Consommation d'octobre 2026``, ``Billing
    period: October 2026``, ``Période : 10/2026``; on the label's line or starting the
    next. For a bill with no ``du X au Y`` period (R-RES-5: its month is the period's end)."""
    folded = fold_lines(text)
    out: list[tuple[int, date, date]] = []
    for label in labels:
        needle = fold(label)
        for m in re.finditer(rf"(?<![A-Z0-9]){re.escape(needle)}(?![A-Z0-9])", folded):
            found = _MONTH_YEAR.match(folded, m.end())
            if not found:
                continue
            month = int(found["num"]) if found["num"] else _MONTHS[found["month"]]
            year = int(found["year"])
            start = date(year, month, 1)
            last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            out.append((m.start(), start, date.fromordinal(last)))
    first: dict[tuple[date, date], int] = {}
    for at, start, end in out:  # "Billing period" also holds "period": once each
        first[(start, end)] = min(at, first.get((start, end), at))
    return sorted(first, key=first.__getitem__)


# ---- the dates an identity or residence document prints (R-ID-3, R-TS-2, R-TS-8)


def _fuzzy(word: str) -> str:
    """A regex for ``word`` (folded) with at most one letter misread or dropped when it
    has 6 letters or more: OCR reads "NAISSANCE" as "NAISSAN CE", "NAlSSANCE", "NAISANCE"."""
    if len(word) < 6:
        return word
    alternatives = [word]
    for i in range(len(word)):
        alternatives.append(word[:i] + "[A-Z0-9]" + word[i + 1 :])
        alternatives.append(word[:i] + word[i + 1 :])
    return "(?:" + "|".join(alternatives) + ")"


def _label(*words: str) -> str:
    """Words of a label, each fuzzy, with or without spaces between them ("JUSQUAU")."""
    return r"\s*".join(_fuzzy(w) if w.isalpha() else w for w in words)


#: Labels of an identity document's dates, on folded text with every character that is
#: not a letter, a digit or a line break made a space (so "NÉ(E) LE" is "NE E  LE" and
#: "jusqu’au" is "JUSQU AU"). Longer labels win where two overlap.
_DATE_LABELS: dict[str, tuple[str, ...]] = {
    "expiry": (
        _label("VALABLE", "JUSQU", "AU"),
        _label("VALIDE", "JUSQU", "AU"),
        _label("JUSQU", "AU"),
        _label("DATE", "D", "EXPIRATION"),
        _label("DATE", "D", "EXPIR"),  # "Date d'expir." abbreviated
        _label("EXPIRATION"),
        _label("EXPIRE", "LE"),
        _label("EXPIRE"),
        _label("EXPIRES", "ON"),
        _label("EXPIRES"),
        _label("FIN", "DE", "VALIDITE"),
        _label("DATE", "DE", "FIN"),
        _label("DATE", "DE", "VALIDITE"),
        _label("VALID", "UNTIL"),
        _label("VALID", "(?:TILL|THRU|THROUGH)"),
        _label("UNTIL"),
        _label("EXPIRY", "DATE"),
        _label("DATE", "OF", "EXPIRY"),
        _label("EXPIRY"),
        _label("FECHA", "DE", "CADUCIDAD"),
        _label("CADUCIDAD"),
        _label("VALIDO", "HASTA"),
        _label("DATA", "DE", "VALIDADE"),
        _label("VALIDADE"),
        _label("GULTIG", "BIS"),
        _label("VENCIMIENTO"),
        _label("VALIDO", "ATE"),
        _label("VALIDITE"),
        _label("VALIDITY"),
    ),
    "issue": (
        _label("DATE", "DE", "DELIVRANCE"),
        _label("DELIVRANCE"),
        _label("DELIVRE", "(?:E\\s*)?(?:E\\s*)?LE"),
        _label("DELIVREE", "LE"),
        _label("DELIVRE"),
        _label("DELIVREE"),
        _label("FAIT", "LE"),
        _label("FAIT", "A", "[A-Z ]{2,30}?", "LE"),
        _label("DATE", "OF", "ISSUE"),
        _label("ISSUE", "DATE"),
        _label("ISSUED", "ON"),
        _label("ISSUED"),
        _label("DATE", "D", "EMISSION"),
        _label("EMISE?", "LE"),
        _label("DATE", "DE", "LA", "PREMIERE", "ATTESTATION"),
        _label("PREMIERE", "ATTESTATION"),
        _label("FECHA", "DE", "EXPEDICION"),
        _label("DATA", "DE", "EMISSAO"),
    ),
    "birth": (
        _label("DATE", "DE", "NAISSANCE"),
        _label("DATE", "ET", "LIEU", "DE", "NAISSANCE"),
        _label("LIEU", "DE", "NAISSANCE"),
        _label("NAISSANCE"),
        _label("NE", "(?:E\\s*)?(?:E\\s*)?LE"),
        _label("NEE", "LE"),
        _label("DATE", "OF", "BIRTH"),
        _label("BIRTH", "DATE"),
        _label("PLACE", "OF", "BIRTH"),
        _label("BORN", "ON"),
        _label("BORN"),
        _label("DOB"),
        _label("FECHA", "DE", "NACIMIENTO"),
        _label("NACIMIENTO"),
        _label("DATA", "DE", "NASCIMENTO"),
        _label("NASCIMENTO"),
        _label("GEBURTSDATUM"),
    ),
    # dates that are none of the three: they only stop a farther label reaching past them
    "other": (
        _label("DATE", "D", "ENTREE"),
        _label("ENTREE", "EN", "FRANCE"),
        _label("DATE", "DE", "LA", "DEMANDE"),
        _label("DATE", "DU", "DEPOT"),
        _label("DATE", "DE", "DEPOT"),
        _label("RENDEZ", "VOUS"),
        _label("CONVOQUE"),
        _label("DATE", "OF", "ENTRY"),
    ),
}
_LABEL_RES = {
    kind: re.compile(r"(?<![A-Z0-9])(?:" + "|".join(labels) + r")(?![A-Z])")
    for kind, labels in _DATE_LABELS.items()
}
#: The start of a validity period: "valable du X au Y", "valid from X to Y".
_PERIOD_HEAD = re.compile(
    r"(?<![A-Z])(?:VALAB\w*|VALID\w*|DU|FROM|DEL|DESDE|A COMPTER DU)\s*:?\s*(?:LE\s+)?$"
)
#: Characters allowed between a label and its date on the label's line: separators and at
#: most a few short words ("Né(e) le : ", "valable jusqu'au ", "date of expiry / ").
_LABEL_GAP = 40


@dataclass(frozen=True)
class DocumentDates:
    """The birth, issue and expiry dates printed on an identity or residence document."""

    birth: date | None = None
    issue: date | None = None
    expiry: date | None = None


@dataclass(frozen=True)
class _Hit:
    kind: str
    start: int
    end: int


def _label_hits(view: str) -> list[_Hit]:
    """Every date label in ``view``, overlaps resolved to the earliest, longest."""
    return _earliest_longest(
        [
            _Hit(kind, m.start(), m.end())
            for kind, pattern in _LABEL_RES.items()
            for m in pattern.finditer(view)
        ]
    )


def _column(text: str, at: int) -> int:
    return at - (text.rfind("\n", 0, at) + 1)


def _labelled(view: str, dates: list[DateMatch], hits: list[_Hit]) -> list[str | None]:
    """The kind of each date from its label: the nearest label before it on its line with
    no other date between them; else, for a date that starts its line (a label above its
    value, nothing but separators before it), the label of the line above nearest to it
    in column."""
    kinds: list[str | None] = []
    for i, d in enumerate(dates):
        line_start = view.rfind("\n", 0, d.start) + 1
        floor = max(line_start, dates[i - 1].end if i else 0)
        before = [h for h in hits if floor <= h.start and h.end <= d.start]
        if before:
            near = d.start - before[-1].end <= _LABEL_GAP
            kinds.append(before[-1].kind if near else None)
            continue
        if re.search("[A-Z]", view[floor : d.start]):
            kinds.append(None)  # words before the date, no label: not a value column
            continue
        kind = None
        above_end = line_start - 1
        for _ in range(2):  # the line above, or the one above it (a blank line between)
            if above_end <= 0:
                break
            above_start = view.rfind("\n", 0, above_end) + 1
            row = [h for h in hits if above_start <= h.start < above_end]
            if row:
                col = _column(view, d.start)
                kind = min(row, key=lambda h: abs(_column(view, h.start) - col)).kind
                break
            if view[above_start:above_end].strip():
                break  # a line of other words: the label is not above
            above_end = above_start - 1
        kinds.append(kind)
    return kinds


#: "27 06 1988": day, month and year apart, as the French card-format CNI and many other
#: cards print them; two-digit day and month and a four-digit year only (a phone number's
#: pairs never end in a 19xx/20xx group).
_SPACED = re.compile(r"(?<![0-9] )(?<![0-9])([0-3]\d) ([01]\d) ((?:19|20)\d\d)(?![0-9])(?! [0-9])")


def _card_dates(folded: str) -> list[DateMatch]:
    """:func:`find_dates` plus the space-separated dates cards print ("27 06 1988")."""
    found = find_dates(folded)
    for m in _SPACED.finditer(folded):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        try:
            value = date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
        found.append(DateMatch(value, m.start(), m.end(), m[0]))
    return sorted(found, key=lambda d: d.start)


def document_dates(text: str, as_of: date | None = None) -> DocumentDates:
    """Birth, issue and expiry dates of an identity document's printed text (no MRZ).

    Each date is told by its label, in French, English, Spanish or Portuguese
    and with one misread letter in a long word tolerated: "né(e) le", "date de
    naissance", "date of birth"; "délivré(e) le", "date de délivrance", "fait
    le"; "valable jusqu'au", "date d'expiration", "fin de validité", "valid
    until", "expiry date". A validity period "valable du X au Y" / "valid from
    X to Y" gives the issue (X) and the expiry (Y). A label stands before its
    date on the line, or above it (nearest in column). Plausibility then
    decides: a birth date is before the issue date (and ``as_of``), an expiry
    after the birth and issue dates; an unlabelled date later than every other
    one (and than ``as_of``) is taken as the expiry, the earliest unlabelled one
    as the birth date when it is years before the others. Lines of a
    machine-readable zone are ignored (their dates are the MRZ's to give).
    """
    lines = [line if "<<" not in line else " " * len(line) for line in fold_lines(text).split("\n")]
    folded = "\n".join(lines)
    view = re.sub(r"[^A-Z0-9\n]", " ", folded)
    dates = _card_dates(folded)
    if not dates:
        return DocumentDates()
    kinds = _labelled(view, dates, _label_hits(view))
    # validity periods: "valable du X au Y", "valid from X to Y", "X - Y" after a label
    for i in range(len(dates) - 1):
        first, second = dates[i], dates[i + 1]
        if first.value >= second.value or kinds[i] in ("birth", "other"):
            continue
        if not _BETWEEN_ONLY.fullmatch(folded, first.end, second.start):
            continue
        head = folded[max(0, first.start - 30) : first.start]
        if _PERIOD_HEAD.search(head) or kinds[i] in ("issue", "expiry"):
            kinds[i], kinds[i + 1] = "issue", "expiry"

    def of_kind(kind: str) -> list[date]:
        return [d.value for d, k in zip(dates, kinds, strict=True) if k == kind]

    births = [b for b in of_kind("birth") if as_of is None or b < as_of]
    birth = births[0] if births else None
    issues = [v for v in of_kind("issue") if birth is None or v > birth]
    issue = issues[0] if issues else None
    floor = max((v for v in (birth, issue) if v is not None), default=None)
    expiries = [v for v in of_kind("expiry") if floor is None or v > floor]
    expiry = expiries[0] if expiries else None
    values = [d.value for d in dates]
    unlabelled = [d.value for d, k in zip(dates, kinds, strict=True) if k is None]
    if expiry is None and unlabelled:
        latest = max(unlabelled)
        others = [v for v in values if v != latest]
        if all(latest > v for v in others) and (
            (as_of is not None and latest > as_of) or (others and issue is not None)
        ):
            expiry = latest
    if birth is None and unlabelled:
        earliest = min(unlabelled)
        others = [v for v in values if v != earliest]
        reference = min(others) if others else as_of
        if reference is not None and earliest.year <= reference.year - 10:
            birth = earliest
    return DocumentDates(birth, issue, expiry)
