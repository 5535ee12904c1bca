"""The MRZ band of a page image: find it among the OCR words and re-read it (R-MRZ-1, R-MRZ-2).

Pixels in, text out: parsing and checking the lines is ``fields/mrz.py``'s
job, which never sees an image; it is used here only to tell whether a
re-read came out with every check digit valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import numpy as np
import pytesseract
from PIL import Image, ImageFilter

from dossier_check import scratch
from dossier_check.fields.mrz import find_mrz
from dossier_check.model import Word

MRZ_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_MRZ_LINE = re.compile(r"[A-Z0-9<«]{20,}")
_MRZ_ALPHABET = frozenset(MRZ_WHITELIST + "«")
#: Check digits do not depend on the date that picks a birth century.
_ANY_DAY = date(2100, 1, 1)

#: Second and third looks at a band whose first re-read has a failing check digit.
#: Thickened strokes stop thin '<' fillers reading as K; a slight blur joins the
#: dots of a noisy phone photo. On 77 generated identity scans the three reads
#: together gave a valid MRZ on 35 of 46 where the first alone gave 28.
_RETRIES: tuple[Callable[[Image.Image], Image.Image], ...] = (
    lambda crop: crop.filter(ImageFilter.MinFilter(3)),
    lambda crop: crop.filter(ImageFilter.GaussianBlur(1.2)),
)


def _looks_like_mrz(joined: str) -> bool:
    """A line of the band as the page's first read gives it (spaces removed)."""
    return len(joined) >= 20 and ("<" in joined or "«" in joined) and bool(_MRZ_LINE.search(joined))


def _mostly_mrz(joined: str, minimum: int) -> bool:
    """At least ``minimum`` characters, nine in ten of the MRZ alphabet, as read
    (not upper-cased: a line of ordinary text has lower-case letters)."""
    good = sum(c in _MRZ_ALPHABET for c in joined)
    return len(joined) >= minimum and good >= 0.9 * len(joined)


#: A blurred MRZ pair without fillers has a line with this many digits at least
#: (TD3's second line holds about 25); an all-capitals heading does not.
_MIN_DIGITS = 8


def _digits(joined: str) -> int:
    return sum(c.isdigit() for c in joined)


def band_words(words: list[Word] | tuple[Word, ...]) -> list[Word]:
    """Words of the lines that look like an MRZ.

    A line qualifies with a filler ``<`` in a run of 20 MRZ characters; or, next
    to a line that is mostly MRZ characters too, when it is 28 or more MRZ
    characters long (a blurred line whose fillers were not read as '<').
    """
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    order = sorted(lines)
    raw = {k: "".join(w.text for w in lines[k]) for k in order}
    band: list[Word] = []
    for i, k in enumerate(order):
        neighbours = [raw[order[j]] for j in (i - 1, i + 1) if 0 <= j < len(order)]
        pair_digits = max(_digits(n) for n in [raw[k], *neighbours])
        if _looks_like_mrz(raw[k]) or (
            _mostly_mrz(raw[k], 28)
            and pair_digits >= _MIN_DIGITS
            and any(_mostly_mrz(n, 20) for n in neighbours)
        ):
            band.extend(lines[k])
    return band


def _lines(band: list[Word]) -> str:
    lines: dict[int, list[str]] = {}
    for w in band:
        lines.setdefault(w.line, []).append(w.text)
    return "\n".join(" ".join(ws) for _, ws in sorted(lines.items()))


def _score(text: str) -> tuple[bool, int]:
    mrz = find_mrz(text, _ANY_DAY)
    return (False, -1) if mrz is None else (mrz.valid, mrz.valid_checks)


def _read(crop: Image.Image) -> str:
    try:
        return scratch.image_to_string(  # an uncompressed file: no PNG encoding
            crop, lang="eng", config=f"--psm 6 -c tessedit_char_whitelist={MRZ_WHITELIST}"
        ).strip()
    except pytesseract.TesseractError:
        return ""


def read_mrz_band(gray: Image.Image, words: list[Word] | tuple[Word, ...]) -> str:
    """Re-read the lines that look like an MRZ with the MRZ alphabet only.

    When the page's first read of those lines already passes every check digit it
    is returned as is: a re-read costs a Tesseract run (about a third of a card's
    analysis) and, on 77 generated identity scans, read names no better.
    Otherwise the band is the box around :func:`band_words`, grown by a margin,
    upscaled to about 40 px per line. When a check digit still fails, the band is read again
    with thickened strokes, then slightly blurred (R-MRZ-2); the reading with
    most valid check digits is returned.
    """
    band = band_words(words)
    if not band:
        return ""
    first = _lines(band)
    if _score(first)[0]:  # the page's own read already passes every check digit
        return first
    left = min(w.left for w in band)
    top = min(w.top for w in band)
    right = max(w.left + w.width for w in band)
    bottom = max(w.top + w.height for w in band)
    line_h = max(8, int(np.median([w.height for w in band])))
    margin = line_h * 2
    box = (
        max(0, left - margin),
        max(0, top - margin),
        min(gray.width, right + margin),
        min(gray.height, bottom + margin),
    )
    crop = gray.crop(box)
    scale = max(1.0, min(3.0, 40 / line_h))
    if scale > 1.0:
        crop = crop.resize(
            (round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS
        )
    best = _read(crop)
    best_score = _score(best)
    for retry in _RETRIES:
        if best_score[0]:
            break
        text = _read(retry(crop))
        score = _score(text)
        if score > best_score:
            best, best_score = text, score
    return best
