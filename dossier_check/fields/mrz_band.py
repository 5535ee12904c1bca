"""The MRZ band of a page image: find it among the OCR words and re-read it (R-MRZ-1, R-MRZ-2).

Pixels in, text out: parsing and checking the lines is ``fields/mrz.py``'s
job, which never sees an image.
"""

from __future__ import annotations

import re

import numpy as np
import pytesseract
from PIL import Image

from dossier_check.model import Word

MRZ_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_MRZ_LINE = re.compile(r"[A-Z0-9<«]{20,}")


def read_mrz_band(gray: Image.Image, words: list[Word] | tuple[Word, ...]) -> str:
    """Re-read the lines that look like an MRZ with the MRZ alphabet only.

    The band is the box around the lines whose letters are mostly MRZ
    characters and contain a filler ``<`` (or a long run of capitals and
    digits), grown by a margin, upscaled to about 40 px per line.
    """
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    band: list[Word] = []
    for ws in lines.values():
        joined = "".join(w.text for w in ws).upper()
        if len(joined) >= 20 and ("<" in joined or "«" in joined) and _MRZ_LINE.search(joined):
            band.extend(ws)
    if not band:
        return ""
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
    try:
        return pytesseract.image_to_string(
            crop, lang="eng", config=f"--psm 6 -c tessedit_char_whitelist={MRZ_WHITELIST}"
        ).strip()
    except pytesseract.TesseractError:
        return ""
