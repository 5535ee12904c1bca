"""0, 6, 8 and 9 told apart by their shape, where Tesseract confuses them.

A dotted zero (DejaVu Sans Mono, Consolas, Menlo...) printed bold and scanned at
150-240 dpi closes its dot onto the ring: two holes one above the other, as an
8 has, and Tesseract reads a 6 or an 8 for it in every read. What still tells
them apart is the outline: an 8 pinches at its waist, a 0 does not; a 6 and a 9
have one hole, low or high, and an open side.

Pixels in, a corrected reading out; which reading is kept is decided by the
checksums (fields/iban_band.py), never here.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

#: Width at the waist over the narrower of the two bowls: an 8 pinches (0.67-0.82
#: measured on DejaVu Sans Mono Bold at 40 px), a dotted 0 does not (0.92-1.0).
WAIST_ZERO = 0.88
#: Area within the outline over its convex hull's: a 0 is convex (0.95-0.98 on that
#: font), a 6 or a 9 is open on one side (0.82-0.88), an 8 pinches (0.90-0.95).
MIN_SOLIDITY = 0.945
#: A glyph's height within this share of the line's median height is a character.
HEIGHT_RANGE = (0.6, 1.5)


def _glyphs(crop: Image.Image) -> list[np.ndarray]:
    """The line's characters as binary masks, left to right (one connected
    component each, specks and rules left out)."""
    a = np.asarray(crop.convert("L"))
    _, ink = cv2.threshold(a, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = [
        stats[i, cv2.CC_STAT_HEIGHT] for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 20
    ]
    if not heights:
        return []
    med = float(np.median(heights))
    kept = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if HEIGHT_RANGE[0] * med <= h <= HEIGHT_RANGE[1] * med:
            kept.append((x, (labels[y : y + h, x : x + w] == i).astype(np.uint8)))
    kept.sort(key=lambda k: k[0])
    return [mask for _x, mask in kept]


def _is_zero(mask: np.ndarray) -> bool:
    """Whether the glyph is a zero for sure: its outline convex (a 6 or a 9 is open
    on one side, an 8 pinches at its waist), with one tall hole, or two holes one
    above the other and no waist (a dotted zero whose dot closed onto the ring)."""
    h, w = mask.shape
    contours, hierarchy = cv2.findContours(mask * 255, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if hierarchy is None:
        return False
    outer = [c for c, link in zip(contours, hierarchy[0], strict=True) if link[3] < 0]
    holes = [
        cv2.boundingRect(c)
        for c, link in zip(contours, hierarchy[0], strict=True)
        if link[3] >= 0 and cv2.contourArea(c) >= 0.01 * w * h
    ]
    if len(outer) != 1:
        return False
    hull = cv2.contourArea(cv2.convexHull(outer[0]))
    if hull <= 0 or cv2.contourArea(outer[0]) / hull < MIN_SOLIDITY:
        return False
    if len(holes) == 1:
        _, y, _, hole_h = holes[0]
        return hole_h >= 0.5 * h and abs((y + hole_h / 2) / h - 0.5) < 0.1
    if len(holes) == 2:
        (_, y1, _, h1), (_, y2, _, h2) = holes
        if abs((y1 + h1 / 2) - (y2 + h2 / 2)) < 0.25 * h:
            return False
        rows = [np.flatnonzero(mask[i]) for i in range(h)]
        widths = [int(r[-1] - r[0] + 1) if r.size else 0 for r in rows]
        waist = min(widths[int(h * 0.4) : int(h * 0.6) + 1] or [0])
        bowls = min(max(widths[: h // 2] or [1]), max(widths[h // 2 :] or [1]))
        return waist / max(1, bowls) >= WAIST_ZERO
    return False


def reshaped(crop: Image.Image, reading: str) -> str | None:
    """``reading`` (a line read without spaces) with each 6, 8 or 9 whose shape on
    ``crop`` is a zero's made a 0 (the one confusion seen: never the other way);
    None when nothing changes or when the line's characters cannot be lined up one
    to one with the reading."""
    compact = "".join(reading.split())
    glyphs = _glyphs(crop)
    if not compact or len(glyphs) != len(compact):
        return None
    out = list(compact)
    for i, (c, mask) in enumerate(zip(compact, glyphs, strict=True)):
        if c in "689" and _is_zero(mask):
            out[i] = "0"
    fixed = "".join(out)
    return fixed if fixed != compact else None
