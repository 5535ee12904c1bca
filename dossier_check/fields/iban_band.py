"""IBAN lines of a page image: find them among the OCR words and re-read them (R-RIB-1, R-RIB-2).

On phone photos and 150-200 dpi scans the page's first read gets one or two
digits of an IBAN wrong (a 6 for an 8, an extra digit), which no text-level
repair can undo. The lines that hold an IBAN-shaped run or an ``IBAN`` label
are cropped from the word boxes (without the label), scaled and read again, one
line at a time, with capitals and digits only, in a few image variants and at two
text heights.

Never an invented IBAN: a value is kept only when it passes mod-97 (R-RIB-1)
and, for a French or Monegasque one, its clé RIB too (R-RIB-2). A misread
passes about once in 97 times: for an all-digit French account the clé repeats
mod-97 (see :func:`_strong`), it is no second check. So a value one reading
alone gives is kept only when the readings, lined up position by position,
agree on it (:func:`_aligned`); an FR/MC value whose clé fails (a real RIB can
carry a wrong clé) only when two readings agree on it or, read once, when the
other readings saw each of its characters (:func:`_corroborated`, the test of a
value that passes both). Where the readings disagree on a few positions, the
combinations of what at least two of them read there are tried, and one is kept
only if it alone passes (at most MAX_MOD97_COMBINATIONS: two combinations
differing in one position never both pass mod-97). The RIB table printed on the
page (code banque, guichet, numéro de compte, clé) is a second reading of a
French IBAN's characters.

Pixels in, text out as far as Tesseract goes; which reading is kept is
:func:`choose_iban`, which sees text only (tested without Tesseract).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import product

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageFilter

from dossier_check import scratch
from dossier_check.fields.digit_shapes import reshaped
from dossier_check.fields.iban import _layout, find_ibans_repaired, iban_valid, rib_key_valid
from dossier_check.model import Word, join_lines, words_by_line
from dossier_check.ocr_words import page_words
from dossier_check.source_crop import SourceCrops
from dossier_check.text import fold

IBAN_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#: The text height (px) a line is scaled to before the re-read.
TEXT_HEIGHT = 40
#: The second text height a line is read at, once reads at TEXT_HEIGHT settle nothing.
SMALL_TEXT_HEIGHT = 30
#: At most this many lines re-read on a page (a bank statement lists many).
MAX_LINES = 4

#: A country code starting a word (or glued to the label), two check digits (or
#: look-alikes), ten more characters or so in groups: an IBAN as a first read gives it.
_RUN = re.compile(r"(?:(?<=IBAN)|(?<![A-Z0-9]))[A-Z]{2} ?[0-9OIL]{2}(?: ?[A-Z0-9]){10,}")
_LABEL = re.compile(r"\bIBAN\b", re.IGNORECASE)
#: A French IBAN in a reading, spaces and symbols removed: FR or MC, then 25 characters.
_FR_RUN = re.compile(r"(?:FR|MC)[0-9OIL]{2}[A-Z0-9]{23}")
#: Any country's IBAN-shaped run in a compact reading (cut to its length later).
_IBAN_RUN = re.compile(r"([A-Z]{2})[0-9OIL]{2}[A-Z0-9]{8,}")
#: Words of a RIB table's headings, dropped before its values are looked for.
_TABLE_WORDS = re.compile(
    r"\b(?:CODES?|BANQUE|BANK|GUICHET|BRANCH|NO|N°|NUMERO|NUMÉRO|DE|DU|COMPTE|ACCOUNT|"
    r"CLE|CLÉ|KEY|RIB)\b",
    re.IGNORECASE,
)
_DIGIT_LOOKALIKES = str.maketrans("OILBSGZDQ", "011856200")
#: FR/MC layout after the country code: check digits, banque, guichet, compte, clé.
_FR_KINDS = "nn" + "n" * 10 + "c" * 11 + "nn"


#: An IBAN line has this many digits at least (a Maltese one, the fewest, has 18);
#: a line of ordinary capitals ("UTILISATION") has none.
_MIN_DIGITS = 8


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _iban_shaped(line: str) -> bool:
    """A run as a first read gives an IBAN: the code, in capitals (or half in small
    letters, glued to its check digits: :data:`_GLUED_CODE`), of a country that
    has IBANs (not the "du ... au 31/10/2026" or "capital de 6 700 000" of a bill's
    footer, which would cost a bill re-reads), and at least _MIN_DIGITS digits."""
    spaced = _GLUED_CODE.sub(lambda m: m.group(0).upper(), re.sub(r"[^A-Za-z0-9]+", " ", line))
    spaced = _EDGE_LETTER.sub("", spaced)
    return any(
        _digits(m.group(0)) >= _MIN_DIGITS and _layout(m.group(0)[:2]) is not None
        for m in _RUN.finditer(spaced)
    )


#: A box's left edge read as a capital glued to the country code ("PBE53 0660" for
#: "BE33 0680" in a tinted box): dropped before the code is looked for.
_EDGE_LETTER = re.compile(r"(?<![A-Za-z0-9])[A-Z](?=[A-Z]{2}[0-9OIL]{2} )")
#: A capital and a small letter glued to two digits, a group of four: a country code
#: half read in small letters ("Es75 1348" for "ES75 1348"), unlike a bill's
#: "de 6 700 000" or "No2026113".
_GLUED_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Z][a-z](?=[0-9OIL]{2} )")


def _has_valid(text: str) -> bool:
    return any(m.valid for m in find_ibans_repaired(text))


def _plain(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in words)


def _compact(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _body_height(words: Sequence[Word]) -> float:
    heights = [w.height for w in words if w.height > 0 and w.conf >= 0]
    return float(np.median(heights)) if heights else 0.0


def _sane(words: Sequence[Word], body: float) -> list[Word]:
    """Words without noise boxes: a speck read as a word may span the page's height."""
    if not words:
        return []
    line_h = float(np.median([w.height for w in words]))
    limit = 2.0 * line_h if body <= 0 else min(2.0 * line_h, 4.0 * body)
    return [w for w in words if 0 < w.height <= limit]


def iban_lines(words: Sequence[Word]) -> list[list[Word]]:
    """The lines worth a second look, in page order: those with an IBAN-shaped run,
    and for an ``IBAN`` label with nothing after it, the line right below it; each
    with the lines that carry it on to the right (:func:`_continued`)."""
    lines = words_by_line(words)
    body = _body_height(words)
    chosen: list[int] = []
    for k in sorted(lines):
        text = _plain(lines[k])
        if _iban_shaped(text):
            chosen.append(k)
        elif m := _LABEL.search(text):
            if _digits(text[m.end() :]) >= _MIN_DIGITS:
                chosen.append(k)
            else:
                below = _line_below(lines, k)
                if below is not None:
                    chosen.append(below)
    out: list[list[Word]] = []
    taken: set[int] = set()
    for k in sorted(set(chosen)):  # page order: a line before the line carrying it on
        if k in taken:
            continue
        joined = _continued(lines, k, taken)
        kept = _sane(joined, body)
        if kept:
            out.append(kept)
    return out[:MAX_LINES]


def _continued(lines: dict[int, list[Word]], k: int, taken: set[int]) -> list[Word]:
    """Line ``k`` with the lines that carry it on to the right (added to ``taken``):
    on a slanted photo the OCR may split an IBAN's line in two, the second part
    starting just after the first ends, a little higher or lower."""
    words = list(lines[k])
    taken.add(k)
    while True:
        last = words[-1]
        height = max(1, last.height)
        end = last.left + last.width
        middle = last.top + last.height / 2
        after = [
            j
            for j, ws in lines.items()
            if j not in taken
            and 0 <= ws[0].left - end <= 2 * height
            and abs(ws[0].top + ws[0].height / 2 - middle) <= 1.5 * height
        ]
        if not after:
            return words
        words += lines[after[0]]
        taken.add(after[0])


def _line_below(lines: dict[int, list[Word]], k: int) -> int | None:
    """The line whose top is nearest below line ``k``'s, overlapping it across,
    within three of its heights."""
    label = lines[k]
    top = min(w.top for w in label)
    height = max(1, int(np.median([w.height for w in label])))
    left = min(w.left for w in label)
    best: tuple[int, int] | None = None
    for j, ws in lines.items():
        if j == k:
            continue
        t = min(w.top for w in ws)
        gap = t - top
        right = max(w.left + w.width for w in ws)
        if 0 < gap <= 3 * height + height and right > left and (best is None or gap < best[0]):
            best = (gap, j)
    return None if best is None else best[1]


def table_bbans(text: str) -> list[str]:
    """RIB tables in ``text``: code banque (5 digits), guichet (5), compte (11
    alphanumeric) and clé (2), in that order on one line, headings and rules
    between them ignored. Returned as 23-character BBANs, as read."""
    out: list[str] = []
    for line in text.upper().splitlines():
        tokens = re.findall(r"[A-Z0-9]+", _TABLE_WORDS.sub(" ", line))
        for i in range(len(tokens) - 3):
            bank, branch, account, key = tokens[i : i + 4]
            if (
                len(bank) == 5
                and len(branch) == 5
                and len(account) == 11
                and len(key) == 2
                and (bank + branch + key).isdigit()
            ):
                out.append(bank + branch + account + key)
    return out


def _strong(iban: str) -> bool:
    """R-RIB-1, and R-RIB-2 for a 27-character FR/MC IBAN.

    The clé is no second check on a misread when the account is all digits: it makes
    the 23-digit BBAN a multiple of 97, which is what mod-97 checks of an FR76 IBAN
    (every such IBAN has check digits 76). Measured on 300,000 random FR76 BBANs:
    3,025 passed mod-97, 2,933 the clé too. Only letters in the account (A=1 for
    the clé, A=10 for mod-97) make them differ."""
    if not iban_valid(iban):
        return False
    if iban[:2] in ("FR", "MC") and len(iban) == 27:
        return rib_key_valid(iban[4:9], iban[9:14], iban[14:25], iban[25:27])
    return True


def _merged(readings: Sequence[str], bbans: Sequence[str]) -> str | None:
    """The one FR/MC IBAN, among combinations of what the readings and the RIB table
    read at each position, that passes mod-97 and its clé; None if none or several."""
    runs = [m.group(0) for r in readings for m in _FR_RUN.finditer(_compact(r))]
    if not runs:
        return None
    options: list[Counter[str]] = [Counter() for _ in range(27)]
    for run in runs:
        for i, c in enumerate(run):
            options[i][c] += 1
    for bban in bbans:
        for i, c in enumerate(bban, 4):
            options[i][c] += 1
    choices: list[list[str]] = []
    for i, seen in enumerate(options):
        kind = "a" if i < 2 else _FR_KINDS[i - 2]
        chars = list(seen) if kind != "n" else [c.translate(_DIGIT_LOOKALIKES) for c in seen]
        choices.append(list(dict.fromkeys(chars)))
    total = 1
    for c in choices:
        total *= len(c)
    if total > MAX_MOD97_COMBINATIONS:
        return None
    passing = {"".join(p) for p in product(*choices)}
    passing = {p for p in passing if _strong(p)}
    return passing.pop() if len(passing) == 1 else None


#: Edits (a character misread, dropped or doubled) a reading may need to match the
#: reference and still count as a reading of that IBAN.
MAX_EDITS = 3
#: Combinations tried for an IBAN that only mod-97 guards (not FR/MC); see :func:`_aligned`.
MAX_MOD97_COMBINATIONS = 4
_TO_LETTERS = str.maketrans("0185", "OIBS")


#: A character is tried at a position only if at least this share of the readings
#: giving the position's most common character give it too.
MIN_SHARE = 0.25


def _fits_kind(c: str, kind: str) -> bool:
    return c.isdigit() if kind == "n" else c.isalpha() if kind == "a" else c.isalnum()


def _kinds(country: str) -> str | None:
    layout = _layout(country)
    return None if layout is None else "aann" + layout


def _normal(c: str, kind: str) -> str:
    """A character as it must be at a position of ``kind``: look-alike letters made
    digits at digit positions (``n``), look-alike digits made letters at letter ones."""
    if kind == "n":
        return c.translate(_DIGIT_LOOKALIKES)
    return c.translate(_TO_LETTERS) if kind == "a" else c


def _reference(readings: Sequence[str]) -> str | None:
    """The full-length IBAN-shaped run most readings give, look-alikes put right, of
    the country most runs give: misreads split one country's runs among many values,
    and two reads of "IT75 D095" as "AT75 0095" must not outvote four of them."""
    seen: Counter[str] = Counter()
    for r in readings:
        for m in _IBAN_RUN.finditer(_compact(r)):
            kinds = _kinds(m.group(1))
            if kinds is None:
                continue
            run = m.group(0)[: len(kinds)]
            if len(run) == len(kinds):
                seen["".join(_normal(c, k) for c, k in zip(run, kinds, strict=True))] += 1
    if not seen:
        return None
    countries: Counter[str] = Counter()
    for run, n in seen.items():
        countries[run[:2]] += n
    best = countries.most_common(2)
    if len(best) > 1 and best[0][1] == best[1][1]:
        return None  # two countries as often read
    return next(run for run, _n in seen.most_common() if run[:2] == best[0][0])


def _align(reading: str, ref: str, kinds: str) -> list[str | None] | None:
    """The characters of ``reading`` (compact) that line up with each of ``ref``'s,
    None where the reading dropped one; None if it needs more than MAX_EDITS edits.
    Edit distance with free text before and after the IBAN in the reading."""
    n, m = len(ref), len(reading)
    if m == 0:
        return None
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = i
        for j in range(1, m + 1):
            same = _normal(reading[j - 1], kinds[i - 1]) == ref[i - 1]
            cost[i][j] = min(
                cost[i - 1][j - 1] + (0 if same else 1),
                cost[i - 1][j] + 1,  # a character of the IBAN missing from the reading
                cost[i][j - 1] + 1,  # a character the reading has in excess
            )
    j = min(range(m + 1), key=lambda k: cost[n][k])
    if cost[n][j] > MAX_EDITS:
        return None
    out: list[str | None] = [None] * n
    i = n
    while i > 0 and j > 0:
        same = _normal(reading[j - 1], kinds[i - 1]) == ref[i - 1]
        if cost[i][j] == cost[i - 1][j - 1] + (0 if same else 1):
            out[i - 1] = _normal(reading[j - 1], kinds[i - 1])
            i, j = i - 1, j - 1
        elif cost[i][j] == cost[i - 1][j] + 1:
            i -= 1
        else:
            j -= 1
    return out


def _aligned(readings: Sequence[str]) -> str | None:
    """The one IBAN, among combinations of what the readings read at each position once
    lined up with the most common reading (a digit dropped or doubled, a label glued,
    the country code misread), that passes mod-97 and, for FR/MC, its clé.

    At each position the characters of the position's kind that at least two
    readings, and a MIN_SHARE of those giving the most common one, saw are tried
    (the reference's alone where none is); the country is the reference's.

    Odds of a false pass: two combinations that differ in one position never both
    pass mod-97 (ISO 7064 catches every single substitution), so a combination
    passes wrongly only when every reading got the same character wrong
    elsewhere, and then with odds 1/97 each: at most MAX_MOD97_COMBINATIONS / 97
    (4 %) of those pages, FR/MC included (their clé repeats mod-97 for an
    all-digit account, see :func:`_strong`) (R-RIB-1, R-RIB-2). Simulated
    (4-12 readings, 5-15 % of look-alike digits misread, 1 % dropped, 1 %
    doubled; DE, IT, LT, FR, 600 IBANs each): no wrong IBAN when the readings
    share no error, 0.2-1.5 % when all share one wrong digit.
    """
    ref = _reference(readings)
    if ref is None:
        return None
    kinds = _kinds(ref[:2])
    if kinds is None:
        return None
    support: list[Counter[str]] = [Counter() for _ in ref]
    for r in readings:
        aligned = _align(_compact(r), ref, kinds)
        if aligned is None:
            continue
        for i, c in enumerate(aligned):
            if c is not None:
                support[i][c] += 1
    choices: list[list[str]] = [[ref[0]], [ref[1]]]  # the country decides the layout
    for i in range(2, len(ref)):
        fit = [(c, n) for c, n in support[i].most_common() if _fits_kind(c, kinds[i])]
        top = fit[0][1] if fit else 0
        kept = [c for c, n in fit if n >= max(2, top * MIN_SHARE)]
        choices.append(kept or [ref[i]])
    total = 1
    for c in choices:
        total *= len(c)
    if total > MAX_MOD97_COMBINATIONS:
        return None
    passing = {p for p in ("".join(c) for c in product(*choices)) if _strong(p)}
    return passing.pop() if len(passing) == 1 else None


def _corroborated(iban: str, readings: Sequence[str]) -> bool:
    """Whether every character of ``iban`` but one is read, in its place, by two of
    ``readings`` (the one that gave it and another). A reading whose misreads
    happened to pass mod-97 has two characters or more that no other reading saw;
    one alone is a character the others misread (were they right, ``iban`` and they
    would differ in one place, and both cannot pass mod-97)."""
    kinds = _kinds(iban[:2])
    if kinds is None or len(kinds) != len(iban):
        return False
    support = [0] * len(iban)
    for r in readings:
        aligned = _align(_compact(r), iban, kinds)
        for i, c in enumerate(aligned or ()):
            support[i] += c == iban[i]
    return min(support) >= 2


def choose_iban(readings: Sequence[str], page_text: str = "") -> str | None:
    """The IBAN the re-read lines give, or None (R-RIB-1 and R-RIB-2 decide).

    In order: an IBAN that passes mod-97 (and its clé for FR/MC), the one most
    readings give, kept if two readings give it or, given by one, if each of its
    characters is read in its place by another reading or the page
    (:func:`_corroborated`); an FR/MC IBAN with a wrong clé that two readings
    agree on or, one reading alone giving it, that is corroborated the same way
    (the clé adds nothing on an all-digit account, see :func:`_strong`); the one
    combination of the readings and the page's RIB table that passes (see
    :func:`_merged`); the one combination of the readings lined up with each other
    that passes (see :func:`_aligned`); the RIB table's account when the line,
    read short, agrees with it (see :func:`_from_table`).
    """
    votes: Counter[str] = Counter()
    for r in readings:
        for iban in {m.iban for m in find_ibans_repaired(r) if m.valid}:
            votes[iban] += 1
    seen = [page_text, *readings]
    strong = [(n, iban) for iban, n in votes.items() if _strong(iban)]
    if strong:
        strong.sort(reverse=True)
        if len(strong) > 1 and strong[0][0] == strong[1][0]:
            return None  # two IBANs as often read: neither is trusted
        n, iban = strong[0]
        if n >= 2:
            return iban
        # One reading: a reading with two misread digits passes mod-97 once in 97 (the
        # clé of an all-digit French account adds nothing, see _strong), and many
        # readings are taken; it must also be what the readings agree on.
        if _corroborated(iban, seen):
            return iban
    weak = [(n, iban) for iban, n in votes.items() if not _strong(iban)]
    agreed = [iban for n, iban in weak if n >= 2]
    if len(agreed) == 1:
        return agreed[0]
    if len(weak) == 1 and _corroborated(weak[0][1], seen):
        # An FR/MC IBAN whose clé fails, one reading: the clé was no second check
        # anyway (see _strong), so the same test as for one passing reading.
        return weak[0][1]
    if strong:
        return None
    bbans = table_bbans(page_text + "\n" + "\n".join(readings))
    # The page alone first: an IBAN it prints twice is two readings whose disputes the
    # re-reads, with misreads of their own, could push past MAX_MOD97_COMBINATIONS.
    return (
        _merged([page_text], bbans)
        or _merged([page_text, *readings], bbans)
        or _aligned([page_text, *readings])
        or _from_table([page_text, *readings], bbans)
    )


#: Characters of an IBAN from the RIB table (country code and check digits included)
#: that a reading of the IBAN line must show, in order, for the table to be trusted.
MIN_TABLE_AGREEMENT = 16


def _from_table(readings: Sequence[str], bbans: Sequence[str]) -> str | None:
    """The French IBAN the page's RIB table spells, when its clé passes (R-RIB-2) and a
    reading of the IBAN line shows its first MIN_TABLE_AGREEMENT characters: the line
    read short (a last group in a box of its own, dropped), the table whole.

    Two prints of the account agree: the table's misread would have to pass the clé
    (once in 97) and leave the line's first 12 BBAN characters right. Every French
    IBAN whose clé passes has check digits 76 (see :func:`_strong`); they are not
    computed but read on the line."""
    seen = [_compact(r) for r in readings]
    found = set()
    for bban in bbans:
        iban = "FR76" + bban
        if _strong(iban) and any(iban[:MIN_TABLE_AGREEMENT] in r for r in seen):
            found.add(iban)
    return found.pop() if len(found) == 1 else None


def _otsu(crop: Image.Image) -> Image.Image:
    _, binary = cv2.threshold(np.asarray(crop), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(binary)


def _min(crop: Image.Image) -> Image.Image:
    return crop.filter(ImageFilter.MinFilter(3))


def _blur(crop: Image.Image) -> Image.Image:
    return crop.filter(ImageFilter.GaussianBlur(1.2))


def _plain_look(crop: Image.Image) -> Image.Image:
    return crop


def _deruled_look(crop: Image.Image) -> Image.Image:
    return deruled(crop)[0]


#: The reads of a line, in order, each a look and a Tesseract page mode: plain,
#: thickened strokes, slightly blurred (joins the dots of a noisy photo), binarised
#: by Otsu's threshold; psm 7 (a line) and psm 13 (a raw line, without Tesseract's
#: layout and dictionary guesses), whose errors differ. On a phone photo at 170 dpi
#: (seed 8801, a German IBAN) psm 7 read a 0 as a 6 in all 21 variants tried, psm
#: 13 read it right in all 21.
#: Then the line scaled to SMALL_TEXT_HEIGHT, read plain and thickened: Tesseract
#: misreads other digits at another scale (a 0 as a 6 at 40 px, right at 30 px).
#: On the 35 RIBs of dev seeds 8903 and 8912-8917 whose lines were re-read, the
#: eight reads at 40 px gave 25 IBANs in 161 Tesseract runs; with these four more
#: 28 (195 runs); with the label left out of the crop too (:func:`_value_words`) 29,
#: and room after a short line (TAIL) 30 in 171 runs; never a wrong one. They cost
#: 4 more runs per line, only on a page the first eight leave without an IBAN.
#: Last, the line with box outlines and rules whitened (:func:`deruled`): an IBAN
#: printed one group to a box reads "[cHs5][ 7391 ][4633" with them.
READS: tuple[tuple[Callable[[Image.Image], Image.Image], int, int], ...] = (
    (_plain_look, 7, TEXT_HEIGHT),
    (_plain_look, 13, TEXT_HEIGHT),
    (_min, 7, TEXT_HEIGHT),
    (_blur, 13, TEXT_HEIGHT),
    (_blur, 7, TEXT_HEIGHT),
    (_otsu, 13, TEXT_HEIGHT),
    (_otsu, 7, TEXT_HEIGHT),
    (_min, 13, TEXT_HEIGHT),
    (_plain_look, 7, SMALL_TEXT_HEIGHT),
    (_plain_look, 13, SMALL_TEXT_HEIGHT),
    (_min, 7, SMALL_TEXT_HEIGHT),
    (_min, 13, SMALL_TEXT_HEIGHT),
    (_deruled_look, 7, TEXT_HEIGHT),
    (_deruled_look, 13, TEXT_HEIGHT),
)


def _upright_turn(line: Sequence[Word]) -> int:
    """Degrees counter-clockwise that make the line level: 0, or +-90 for a line
    Tesseract read on end (a page photographed a quarter turned and read as it
    lies: its words are taller than wide and follow each other down or up)."""
    if len(line) < 2 or sum(w.height > w.width for w in line) <= len(line) / 2:
        return 0
    down = line[-1].top - line[0].top
    across = abs(line[-1].left - line[0].left)
    if abs(down) <= across:
        return 0
    return 90 if down > 0 else -90


#: Most slant (degrees) a line's words may show and still be taken for one line.
MAX_SLANT = 8.0


def _slant(line: Sequence[Word], turn: int) -> float:
    """Degrees counter-clockwise that level a line slanted on a phone photo (its word
    centres drift across it), beyond the quarter ``turn``; 0 when under half a degree."""
    if len(line) < 2:
        return 0.0
    first, last = line[0], line[-1]
    dx = (last.left + last.width / 2) - (first.left + first.width / 2)
    dy = (last.top + last.height / 2) - (first.top + first.height / 2)
    slant = float(np.degrees(np.arctan2(dy, dx))) - turn
    return slant if 0.5 <= abs(slant) <= MAX_SLANT else 0.0


#: Room (in text heights) the crop leaves after the last word of a line too short
#: for its country's IBAN: the first read may have no word for the last, short group
#: (a "949" on a phone photo). Only then: on the 35 dev RIBs (see READS), room left
#: after every line cost more IBANs than it gave (28 and 26, TAIL 3 and 2, for 29).
TAIL = 3
#: The room, in text heights, a short line is read with once nothing else read its
#: IBAN: a table cell of a group (24 mm, about 8 text heights) and its characters.
WIDE_TAIL = 12


def _value_words(line: Sequence[Word]) -> list[Word]:
    """The line without the ``IBAN`` label that starts it: psm 13 reads the label
    glued to the country code ("IBANCOT79..." for "IBAN IT79..."), which no IBAN
    search then finds (the eight reads at 40 px gave 26 of the 35 dev IBANs of
    READS without the label, 25 with it)."""
    words = list(line)
    for i, w in enumerate(words[:-1]):
        if _LABEL.fullmatch(re.sub(r"\W+$", "", w.text)):
            rest = words[i + 1 :]
            return rest if _digits(_plain(rest)) >= _MIN_DIGITS else words
    return words


def _short(line: Sequence[Word]) -> bool:
    """Whether the line's IBAN-shaped run is shorter than its country's IBAN."""
    for m in _IBAN_RUN.finditer(_compact(_plain(line))):
        kinds = _kinds(m.group(1))
        if kinds is not None:
            return len(m.group(0)) < len(kinds)
    return False


def _crop(
    gray: Image.Image,
    line: Sequence[Word],
    text_height: int = TEXT_HEIGHT,
    tail: int = 0,
    source: SourceCrops | None = None,
) -> Image.Image:
    """The line's box grown by a margin (and ``tail`` text heights after its last
    word), made level, scaled to about ``text_height`` px of text; cut from
    ``source`` (the image before the page's light was flattened) when given."""
    turn = _upright_turn(line)
    height = max(6, int(np.median([w.width if turn else w.height for w in line])))
    margin_x, margin_y = (height // 2, height) if turn else (height, height // 2)
    left = min(w.left for w in line) - margin_x
    right = max(w.left + w.width for w in line) + margin_x
    top = min(w.top for w in line) - margin_y
    bottom = max(w.top + w.height for w in line) + margin_y
    if turn == 0:
        right += tail * height
    elif turn > 0:  # read downwards
        bottom += tail * height
    else:
        top -= tail * height
    box = (max(0, left), max(0, top), min(gray.width, right), min(gray.height, bottom))
    if source is not None:
        crop, height = source.crop(box), max(6, round(height * source.gain))
    else:
        crop = gray.crop(box)
    slant = _slant(line, turn)
    if turn or slant:
        crop = crop.rotate(
            turn + slant, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
        )
    if slant:
        # The box of a slanted line holds bits of the lines above and below: once
        # level, the line is the crop's middle band.
        middle = crop.height / 2
        crop = crop.crop(
            (
                0,
                max(0, round(middle - 0.8 * height)),
                crop.width,
                min(crop.height, round(middle + 0.8 * height)),
            )
        )
    scale = max(0.5, min(4.0, text_height / height))
    if abs(scale - 1.0) > 0.1:
        size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
        crop = crop.resize(size, Image.Resampling.LANCZOS)
    return crop


def _read(crop: Image.Image, psm: int = 7) -> str:
    try:
        return scratch.image_to_string(
            crop, lang="eng", config=f"--psm {psm} -c tessedit_char_whitelist={IBAN_WHITELIST}"
        ).strip()
    except pytesseract.TesseractError:
        return ""


def read_iban_band(
    gray: Image.Image,
    words: Sequence[Word],
    source: SourceCrops | None = None,
    page_reread: bool = True,
) -> str:
    """The IBAN of a page whose first read has an IBAN-shaped line or label but no
    IBAN passing mod-97, re-read line by line; "" when it is not needed or not found.

    A page with a valid IBAN already, or none at all, costs no Tesseract run. Each
    line is read in the :data:`READS` in turn until :func:`choose_iban` accepts;
    then, with ``source``, each line cut from the image as it came, before the
    page's light was flattened (which blackens grey ink and closes the dot of a
    dotted zero: a Luxembourg IBAN in grey DejaVu Sans Mono at 240 dpi read
    "LU46 ... 6489" in all 12 page reads, right in every source read); then the
    room beside and below each bare ``IBAN`` label (:func:`label_regions`). The
    result is the IBAN grouped by four, ready for the IBAN search.
    """
    if not words:
        return ""
    first = join_lines(words)
    if _has_valid(first):
        return ""
    lines = iban_lines(words)
    readings: list[str] = []
    crops: dict[int, list[Image.Image]] = {}
    plain: dict[tuple[int, int], str] = {}  # (text height, line): the plain psm-7 reading
    for look, psm, height in READS if lines else ():
        if height not in crops:
            crops[height] = [
                _crop(gray, _value_words(line), height, TAIL if _short(line) else 0)
                for line in lines
            ]
        for i, crop in enumerate(crops[height]):
            readings.append(_read(look(crop), psm))
            if look is _plain_look and psm == 7:
                plain[height, i] = readings[-1]
        iban = choose_iban(readings, first)
        if iban is not None:
            return _grouped(iban)
    for height in (TEXT_HEIGHT, SMALL_TEXT_HEIGHT) if lines and source is not None else ():
        for line in lines:
            crop = _crop(gray, _value_words(line), height, TAIL if _short(line) else 0, source)
            readings.extend(_read(crop, psm) for psm in (7, 13))
        iban = choose_iban(readings, first)
        if iban is not None:
            return _grouped(iban)
    # A table's last cell (the clé's "821"), which the page's read left out, lies
    # further from the last word than TAIL: short lines read again, with a cell's room.
    short = [line for line in lines if _short(line)]
    for line in short:
        crop = _deruled_look(_crop(gray, _value_words(line), TEXT_HEIGHT, WIDE_TAIL))
        readings.extend(_read(crop, psm) for psm in (7, 6))
    if short:
        iban = choose_iban(readings, first)
        if iban is not None:
            return _grouped(iban)
    # A dotted zero closed onto its ring reads as a 6 or an 8 in every read: the line's
    # glyphs, told apart by shape (fields/digit_shapes.py), correct the plain reads
    # (read above: no Tesseract run more).
    for i in range(len(lines)):
        for height in (TEXT_HEIGHT, SMALL_TEXT_HEIGHT):
            if (height, i) in plain:
                fixed = reshaped(crops[height][i], plain[height, i])
                if fixed is not None:
                    readings.append(fixed)
        iban = choose_iban(readings, first)
        if iban is not None:
            return _grouped(iban)
    regions = label_regions(gray, words, source)
    for height in (TEXT_HEIGHT, SMALL_TEXT_HEIGHT) if regions else ():
        for region, text_height in regions:
            scaled = _scaled(region, text_height, height)
            readings.extend(_read(scaled, psm) for psm in (6, 7))
            iban = choose_iban(readings, first)
            if iban is not None:
                return _grouped(iban)
    for region, text_height in regions:
        # characters set far apart (a comb of boxes, one per character, once its boxes
        # are whitened): Tesseract reads a line of lone glyphs as noise; packed as
        # words it reads them. Read at both heights: two readings must agree.
        for height in (TEXT_HEIGHT, SMALL_TEXT_HEIGHT):
            packed = _packed(_scaled(region, text_height, height))
            if packed is not None:
                readings.append(_read(packed, 7))
        iban = choose_iban(readings, first)
        if iban is not None:
            return _grouped(iban)
    if page_reread and not lines and not regions and lacks_iban(first):
        # No IBAN line nor label read, but the page names a BIC or a bank account: the
        # IBAN may be boxed and its label misread ("Bar"). Read the page once more with
        # its rules and boxes whitened, and re-read the IBAN lines found there.
        # Then, still none, sparse: Tesseract's layout analysis may take a block of
        # rows round a tinted box for a picture and drop it whole (a RIB's IBAN on a
        # light green fill, its label and the rows beside it lost, every way read).
        clean, _height = deruled(gray)
        for psm in (3, 11):
            again = page_words(clean, "eng", psm)
            found = [m.iban for m in find_ibans_repaired(join_lines(again)) if m.valid]
            if found:
                return _grouped(found[0])
            if iban_lines(again) or label_regions(clean, again, None):
                return read_iban_band(clean, again, page_reread=False)
    return ""


def lacks_iban(text: str) -> bool:
    """Whether ``text`` names a bank account (:data:`_BANK_WORDS`) but holds no IBAN
    that passes mod-97: its IBAN may be boxed, misread, or drawn out of a text layer."""
    return bool(_BANK_WORDS.search(fold(text))) and not _has_valid(text)


#: Words of a page about a bank account, whose IBAN the first read may have lost
#: (matched on the folded text: "Relevé d'identité bancaire" as well).
_BANK_WORDS = re.compile(
    r"\b(?:BIC|SWIFT|RIB|IBAN|RELEVE D.IDENTITE|IDENTITE BANCAIRE|COORDONNEES BANCAIRES|"
    r"TITULAIRE DU COMPTE|ACCOUNT HOLDER|BANK DETAILS|ACCOUNT DETAILS|"
    r"KONTOINHABER|REKENINGHOUDER|TITULAR|INTESTATARIO)\b",
    re.IGNORECASE,
)


def _grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


#: At most this many ``IBAN`` labels have the room beside and below them read.
MAX_LABELS = 2
#: The room below a label, in label heights: a comb of boxes, one per character, is
#: three times as tall as its label and stands a label height under it.
BELOW = 6


def label_regions(
    gray: Image.Image, words: Sequence[Word], source: SourceCrops | None = None
) -> list[tuple[Image.Image, float]]:
    """For each ``IBAN`` label with no IBAN after it on its line, the room to its right
    and the room below it (:data:`BELOW` label heights), ruling lines removed (:func:`deruled`),
    with the height of the text it holds: an IBAN printed in boxes, one per group,
    that the page's first read left out altogether (Tesseract takes boxed text for
    a table's drawing and returns no word for it). Rooms without ink are left out.
    Cut from ``source`` when given, like the lines (see :func:`read_iban_band`)."""
    out: list[tuple[Image.Image, float]] = []
    labels = 0
    for line in words_by_line(words).values():
        for i, w in enumerate(line):
            if labels >= MAX_LABELS:
                return out
            if not _LABEL.fullmatch(re.sub(r"\W+$", "", w.text)):
                continue
            if _digits(_plain(line[i + 1 :])) >= _MIN_DIGITS:
                continue
            labels += 1
            h = max(6, w.height)
            right = (w.left + w.width + h // 2, w.top - h, gray.width, w.top + w.height + h)
            below = (max(0, w.left - h), w.top + w.height, gray.width, w.top + w.height + BELOW * h)
            for left, top, rgt, bottom in (right, below):
                box = (left, max(0, top), min(gray.width, rgt), min(gray.height, bottom))
                if box[2] - box[0] > 2 * h and box[3] - box[1] > h:
                    cut = source.crop(box) if source is not None else gray.crop(box)
                    region, text_height = deruled(cut)
                    if text_height >= 4:
                        out.append((region, text_height))
    return out


def deruled(crop: Image.Image) -> tuple[Image.Image, float]:
    """``crop`` with its ruling lines and box outlines whitened, and the median height
    (px) of the marks left, the text's height. Marks are told from characters by
    their box: an outline is large and hollow, a rule long and thin, a box's side
    taller than any character."""
    a = _untinted(np.asarray(crop.convert("L")))
    _, ink = cv2.threshold(a, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = [
        stats[i, cv2.CC_STAT_HEIGHT] for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 12
    ]
    if not heights:
        return crop, 0.0
    med = float(np.median(heights))
    marks = np.zeros(a.shape, np.uint8)
    for i in range(1, n):
        _x, _y, w, h, area = stats[i]
        hollow = area / max(1, w * h) < 0.35
        outline = (h > 1.6 * med and w > 0.6 * med and hollow) or (w > 3 * med and hollow)
        rule = (w > 2.5 * med and h < 0.35 * med) or (h > 1.6 * med and w < 0.3 * med)
        if outline or rule:
            marks[labels == i] = 255
    # with the grey fringe the threshold left round each line (ghost outlines of a comb
    # of boxes read as letters, "PERTSPOH..."), in the paper's own tone: white lines on
    # a scan's grey paper read as letters too
    out = a.copy()
    out[cv2.dilate(marks, np.ones((3, 3), np.uint8)) > 0] = int(np.percentile(a, 90))
    return Image.fromarray(out), med


def _untinted(a: np.ndarray) -> np.ndarray:
    """``a`` with each tinted fill (a solid block, wider than tall, that the crop's ink
    threshold takes for ink) made white round the darker text it holds: an IBAN
    printed on a light green band was one mark as tall as the band, and read no more."""
    _, ink = cv2.threshold(a, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = a
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if h < 12 or w < 3 * h or area < 0.6 * w * h:
            continue
        block = a[y : y + h, x : x + w]
        inside = block[labels[y : y + h, x : x + w] == i]
        level, _ = cv2.threshold(inside, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        fill = float(np.percentile(inside, 80))
        if fill - level < 25 or np.mean(inside <= level) > 0.5:  # no text on it: a bar, a logo
            continue
        if out is a:
            out = a.copy()
        region = out[y : y + h, x : x + w]
        region[block > level] = 255
    return out


#: Glyphs further apart than this many times their usual gap start a new group.
GROUP_GAP = 2.0


def _packed(crop: Image.Image) -> Image.Image | None:
    """The crop's tallest row of glyphs set close together (a third of the text height
    apart, a word space where the gap was GROUP_GAP times the usual one); None when
    the crop holds fewer than ten glyphs side by side."""
    a = np.asarray(crop.convert("L"))
    _, ink = cv2.threshold(a, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    boxes = [tuple(stats[i][:4]) for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 15]
    if len(boxes) < 10:
        return None
    height = float(np.median([h for _x, _y, _w, h in boxes]))
    # the row of glyphs: boxes of about the text's height, on the median line
    middle = float(np.median([y + h / 2 for _x, y, _w, h in boxes if h >= 0.6 * height]))
    row = sorted(
        (x, y, w, h)
        for x, y, w, h in boxes
        if h >= 0.5 * height and abs(y + h / 2 - middle) < height
    )
    if len(row) < 10:
        return None
    columns: list[list[int]] = []  # glyphs: boxes overlapping in x joined (an accent, a dot)
    for x, _y, w, _h in row:
        if columns and x <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], x + w)
        else:
            columns.append([x, x + w])
    gaps = [b[0] - a[1] for a, b in zip(columns, columns[1:], strict=False)]
    usual = float(np.median(gaps)) if gaps else 0.0
    top = max(0, round(middle - height))
    bottom = min(a.shape[0], round(middle + height))
    step, space = max(2, round(height / 3)), max(4, round(height * 0.8))
    width = sum(r - left for left, r in columns) + space * (len(columns) + 1) * 2
    out = np.full((bottom - top + 2 * step, width), 255, np.uint8)
    x_out = space
    for k, (left, right) in enumerate(columns):
        if k and gaps[k - 1] > GROUP_GAP * usual:
            x_out += space
        out[step : step + bottom - top, x_out : x_out + right - left] = a[top:bottom, left:right]
        x_out += right - left + step
    return Image.fromarray(out[:, : x_out + space])


def _scaled(crop: Image.Image, text_height: float, wanted: int) -> Image.Image:
    scale = max(0.5, min(4.0, wanted / text_height))
    size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
    return crop.resize(size, Image.Resampling.LANCZOS)
