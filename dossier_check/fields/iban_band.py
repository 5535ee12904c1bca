"""IBAN lines of a page image: find them among the OCR words and re-read them (R-RIB-1, R-RIB-2).

On phone photos and 150-200 dpi scans the page's first read gets one or two
digits of an IBAN wrong (a 6 for an 8, an extra digit), which no text-level
repair can undo. The lines that hold an IBAN-shaped run or an ``IBAN`` label
are cropped from the word boxes, upscaled and read again, one line at a time,
with capitals and digits only, in a few image variants.

Never an invented IBAN: a value is kept only when it passes mod-97 (R-RIB-1)
and, for a French or Monegasque one, its clé RIB too (R-RIB-2), two checks
that a misread passes about once in 9,400 times. An FR/MC value whose clé
fails (a real RIB can carry a wrong clé) is kept only when two readings agree
on it. The RIB table printed on the page (code banque, guichet, numéro de
compte, clé) is a second reading of the same characters: where the readings
of a French IBAN disagree on a few positions, the combinations of what was
read there are tried, and one is kept only if it alone passes both checks.

Pixels in, text out as far as Tesseract goes; which reading is kept is
:func:`choose_iban`, which sees text only (tested without Tesseract).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import product

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageFilter
from stdnum import iban as std_iban

from dossier_check import scratch
from dossier_check.fields.iban import find_ibans_repaired, rib_key_valid
from dossier_check.model import Word

IBAN_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
#: The text height (px) a line is scaled to before the re-read.
TEXT_HEIGHT = 40
#: At most this many lines re-read on a page (a bank statement lists many).
MAX_LINES = 4
#: At most this many combinations tried when merging readings (R-RIB-2 guards each).
MAX_COMBINATIONS = 64

#: A country code starting a word (or glued to the label), two check digits (or
#: look-alikes), ten more characters or so in groups: an IBAN as a first read gives it.
_RUN = re.compile(r"(?:(?<=IBAN)|(?<![A-Z0-9]))[A-Z]{2} ?[0-9OIL]{2}(?: ?[A-Z0-9]){10,}")
_LABEL = re.compile(r"\bIBAN\b", re.IGNORECASE)
#: A French IBAN in a reading, spaces and symbols removed: FR or MC, then 25 characters.
_FR_RUN = re.compile(r"(?:FR|MC)[0-9OIL]{2}[A-Z0-9]{23}")
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
    spaced = re.sub(r"[^A-Z0-9]+", " ", line.upper())
    return any(_digits(m.group(0)) >= _MIN_DIGITS for m in _RUN.finditer(spaced))


def _has_valid(text: str) -> bool:
    return any(m.valid for m in find_ibans_repaired(text))


def _by_line(words: Iterable[Word]) -> dict[int, list[Word]]:
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return lines


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
    and for an ``IBAN`` label with nothing after it, the line right below it."""
    lines = _by_line(words)
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
    for k in dict.fromkeys(chosen):
        kept = _sane(lines[k], body)
        if kept:
            out.append(kept)
    return out[:MAX_LINES]


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
    """R-RIB-1, and R-RIB-2 for a 27-character FR/MC IBAN."""
    if not std_iban.is_valid(iban):
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
    if total > MAX_COMBINATIONS:
        return None
    passing = {"".join(p) for p in product(*choices)}
    passing = {p for p in passing if _strong(p)}
    return passing.pop() if len(passing) == 1 else None


def choose_iban(readings: Sequence[str], page_text: str = "") -> str | None:
    """The IBAN the re-read lines give, or None (R-RIB-1 and R-RIB-2 decide).

    In order: an IBAN of one reading that passes mod-97 (and its clé for FR/MC),
    the one most readings give first; an FR/MC IBAN with a wrong clé that two
    readings agree on; the one combination of the readings and the page's RIB
    table that passes both checks (see :func:`_merged`).
    """
    votes: Counter[str] = Counter()
    for r in readings:
        for iban in {m.iban for m in find_ibans_repaired(r) if m.valid}:
            votes[iban] += 1
    strong = [(n, iban) for iban, n in votes.items() if _strong(iban)]
    if strong:
        strong.sort(reverse=True)
        if len(strong) == 1 or strong[0][0] > strong[1][0]:
            return strong[0][1]
        return None  # two IBANs as often read: neither is trusted
    agreed = [iban for iban, n in votes.items() if n >= 2]
    if len(agreed) == 1:
        return agreed[0]
    bbans = table_bbans(page_text + "\n" + "\n".join(readings))
    return _merged([page_text, *readings], bbans)


def _otsu(crop: Image.Image) -> Image.Image:
    _, binary = cv2.threshold(np.asarray(crop), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return Image.fromarray(binary)


#: The looks at a line: plain, thickened strokes, slightly blurred (joins the dots of
#: a noisy photo), binarised by Otsu's threshold.
VARIANTS: tuple[Callable[[Image.Image], Image.Image], ...] = (
    lambda crop: crop,
    lambda crop: crop.filter(ImageFilter.MinFilter(3)),
    lambda crop: crop.filter(ImageFilter.GaussianBlur(1.2)),
    _otsu,
)


def _crop(gray: Image.Image, line: Sequence[Word]) -> Image.Image:
    """The line's box grown by a margin, scaled to about TEXT_HEIGHT px of text."""
    height = max(6, int(np.median([w.height for w in line])))
    left = min(w.left for w in line) - height
    right = max(w.left + w.width for w in line) + height
    top = min(w.top for w in line) - height // 2
    bottom = max(w.top + w.height for w in line) + height // 2
    box = (max(0, left), max(0, top), min(gray.width, right), min(gray.height, bottom))
    crop = gray.crop(box)
    scale = max(0.5, min(4.0, TEXT_HEIGHT / height))
    if abs(scale - 1.0) > 0.1:
        size = (max(1, round(crop.width * scale)), max(1, round(crop.height * scale)))
        crop = crop.resize(size, Image.Resampling.LANCZOS)
    return crop


def _read(crop: Image.Image) -> str:
    try:
        return scratch.image_to_string(
            crop, lang="eng", config=f"--psm 7 -c tessedit_char_whitelist={IBAN_WHITELIST}"
        ).strip()
    except pytesseract.TesseractError:
        return ""


def read_iban_band(gray: Image.Image, words: Sequence[Word]) -> str:
    """The IBAN of a page whose first read has an IBAN-shaped line or label but no
    IBAN passing mod-97, re-read line by line; "" when it is not needed or not found.

    A page with a valid IBAN already, or none at all, costs no Tesseract run. Each
    line is read in the :data:`VARIANTS` in turn until :func:`choose_iban`
    accepts; the result is the IBAN grouped by four, ready for the IBAN search.
    """
    if not words:
        return ""
    first = "\n".join(_plain(ws) for _, ws in sorted(_by_line(words).items()))
    if _has_valid(first):
        return ""
    lines = iban_lines(words)
    if not lines:
        return ""
    readings: list[str] = []
    crops = [_crop(gray, line) for line in lines]
    for variant in VARIANTS:
        for crop in crops:
            readings.append(_read(variant(crop)))
        iban = choose_iban(readings, first)
        if iban is not None:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return ""
