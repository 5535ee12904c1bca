"""Read an MRZ band by matching its characters against the OCR-B font.

ICAO 9303 prints every machine-readable zone in OCR-B, in fixed pitch, so a
band can be read without a language model: each line is cut into character
cells along its pitch, and each cell is matched against OCR-B's 37 glyphs of
the MRZ alphabet, on shape and on size. Tesseract's English model misreads
OCR-B's look-alikes even on a clean 300-dpi crop (``YSV25W4WIB`` for
``Y5V25W4WJ8``); a matcher that knows the font tells 5 from S, 0 from O and
8 from B by the shapes it was drawn with. Its reading is one more reading for
``fields/mrz.combine_readings``, where check digits decide.

The glyphs come from Debian's ``fonts-ocr-b``; without it, nothing is read.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dossier_check.fields.mrz import LINE_WIDTHS

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
FONT_PATHS = (
    Path("/usr/share/fonts/opentype/ocr-b/OCRB.otf"),
    Path("/usr/share/fonts/truetype/ocr-b/OCRB.ttf"),
)
#: Size (px) shapes are compared at: a cell's ink box, stretched.
_SHAPE = (20, 28)
#: OCR-B's digit height over its letter height.
_DIGIT_OVER_LETTER = 1.07
#: Lines of an MRZ hold 30, 36 or 44 characters; fewer than this many cells is not one.
_MIN_CELLS = 26


@dataclass(frozen=True)
class _Glyphs:
    shapes: np.ndarray  # (37, 560): each glyph's ink box stretched to _SHAPE, normalised
    geometry: np.ndarray  # (37, 3): height, width, top of the ink box, in digit heights


def _normalised(ink: np.ndarray) -> np.ndarray:
    """An ink crop (ink high) stretched to _SHAPE, zero mean, unit norm."""
    small = cv2.resize(ink.astype(np.float32), _SHAPE, interpolation=cv2.INTER_AREA).ravel()
    small -= small.mean()
    norm = float(np.linalg.norm(small))
    return small / norm if norm > 1e-6 else small


@lru_cache(maxsize=1)
def _glyphs() -> _Glyphs | None:
    path = next((p for p in FONT_PATHS if p.exists()), None)
    if path is None:
        return None
    try:
        font = ImageFont.truetype(str(path), 96)
    except OSError:  # a damaged font file: read without the matcher
        return None
    shapes, geometry = [], []
    cap_top, cap_h = None, None
    for ch in "0" + ALPHABET:
        canvas = Image.new("L", (160, 160), 0)
        ImageDraw.Draw(canvas).text((20, 10), ch, fill=255, font=font)
        ink = np.asarray(canvas, dtype=np.float32) / 255.0
        ys, xs = np.nonzero(ink > 0.5)
        top, bottom, left, right = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        if cap_h is None:  # '0': the digit height and top every glyph is measured against
            cap_top, cap_h = top, float(bottom - top)
            continue
        shapes.append(_normalised(ink[top:bottom, left:right]))
        geometry.append(((bottom - top) / cap_h, (right - left) / cap_h, (top - cap_top) / cap_h))
    return _Glyphs(np.stack(shapes), np.array(geometry, dtype=np.float32))


@dataclass
class _Blob:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def cx(self) -> float:
        return (self.left + self.right) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> int:
        return self.bottom - self.top

    def joined(self, other: _Blob) -> _Blob:
        return _Blob(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


def _blobs(ink: np.ndarray) -> list[_Blob]:
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    blobs = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i])
        if area >= 4 and h >= 3:
            blobs.append(_Blob(x, y, x + w, y + h))
    return blobs


def _lines(blobs: list[_Blob]) -> list[list[_Blob]]:
    """Blobs grouped into text lines by their vertical centres, top line first."""
    if not blobs:
        return []
    height = float(np.median([b.height for b in blobs]))
    lines: list[list[_Blob]] = []
    for b in sorted(blobs, key=lambda b: b.cy):
        if lines and abs(b.cy - np.median([x.cy for x in lines[-1]])) <= 0.6 * height:
            lines[-1].append(b)
        else:
            lines.append([b])
    return [sorted(line, key=lambda b: b.cx) for line in lines]


def _cells(line: list[_Blob]) -> list[_Blob | None] | None:
    """The line's blobs placed in fixed-pitch cells (parts of one character joined,
    an empty cell None); None when the line has no steady pitch.

    Cells follow each other step by step, each step rounded to whole cells at the
    line's pitch: a phone photo's perspective stretches the pitch along the line,
    which a single grid from the line's first blob to its last would not follow.
    """
    steps = np.diff([b.cx for b in line])
    if len(steps) < _MIN_CELLS - 1:
        return None
    pitch = float(np.median(steps))
    near = steps[(steps > 0.6 * pitch) & (steps < 1.4 * pitch)]  # neighbours a cell apart
    pitch = float(np.median(near)) if len(near) else pitch
    if pitch <= 2:
        return None
    cells: list[_Blob | None] = [line[0]]
    for prev, blob in itertools.pairwise(line):
        skip = round((blob.cx - prev.cx) / pitch)
        last = cells[-1]
        if skip <= 0 and last is not None:
            cells[-1] = last.joined(blob)  # a second part of the same character
        else:
            cells.extend([None] * (max(1, skip) - 1))
            cells.append(blob)
    cells = _trimmed(cells)
    return cells if _MIN_CELLS <= len(cells) <= max(LINE_WIDTHS) + 2 else None  # 2 strays


def _trimmed(cells: list[_Blob | None]) -> list[_Blob | None]:
    """``cells`` without a lone blob beyond an empty cell at either end (a card's edge,
    a speck) when the line then comes nearer an MRZ width: an MRZ prints a filler
    in every free place, so its own characters leave no empty cell between them."""

    def off(n: int) -> int:
        return min(abs(n - w) for w in LINE_WIDTHS)

    while len(cells) > _MIN_CELLS:
        first = next(i for i in range(1, len(cells)) if cells[i] is not None)
        last = next(i for i in range(len(cells) - 2, -1, -1) if cells[i] is not None)
        if first >= 2 and off(len(cells) - first) < off(len(cells)):
            cells = cells[first:]
        elif last <= len(cells) - 3 and off(last + 1) < off(len(cells)):
            cells = cells[: last + 1]
        else:
            break
    return cells


def _kept(line: list[_Blob]) -> list[_Blob]:
    """The line's character blobs: no speck, no frame edge or stamp much taller than
    the characters, no stray blob beyond a gap of several cells at either end."""
    heights = np.array([b.height for b in line], dtype=np.float32)
    ref = float(np.percentile(heights, 90))
    line = [b for b in line if 0.3 * ref <= b.height <= 1.4 * ref]
    if len(line) < 3:
        return line
    pitch = float(np.median(np.diff([b.cx for b in line])))
    while len(line) > 2 and line[1].cx - line[0].cx > 2.5 * pitch:
        line = line[1:]
    while len(line) > 2 and line[-1].cx - line[-2].cx > 2.5 * pitch:
        line = line[:-1]
    return line


def _read_line(gray: np.ndarray, ink: np.ndarray, line: list[_Blob], glyphs: _Glyphs) -> str:
    cells = _cells(_kept(line))
    if cells is None:
        return ""
    found = [c for c in cells if c is not None]
    tallest = float(np.percentile([c.height for c in found], 90))
    top = float(np.median([c.top for c in found if c.height >= 0.97 * tallest]))
    shapes = []
    for c in found:
        crop = 255.0 - gray[c.top : c.bottom, c.left : c.right].astype(np.float32)
        crop *= ink[c.top : c.bottom, c.left : c.right] > 0  # the cell's own ink only
        shapes.append(_normalised(crop))
    similarity = np.stack(shapes) @ glyphs.shapes.T
    # Sizes are measured against the digit height (OCR-B's digits stand 7 % above its
    # letters). The tallest characters are digits on a line that has any, letters on a
    # name line: both are tried, the line's better total score decides.
    best_total, best_chars = -np.inf, None
    for letters_tallest in (False, True):
        ref = tallest * (_DIGIT_OVER_LETTER if letters_tallest else 1.0)
        ref_top = top - (ref - tallest)
        geometry = np.array(
            [(c.height / ref, (c.right - c.left) / ref, (c.top - ref_top) / ref) for c in found],
            dtype=np.float32,
        )
        distance = np.abs(geometry[:, None, :] - glyphs.geometry[None])
        score = similarity - distance @ np.array([1.0, 1.0, 0.5], dtype=np.float32)
        total = float(score.max(axis=1).sum())
        if total > best_total:
            best_total, best_chars = total, score.argmax(axis=1)
    chars = iter(ALPHABET[i] for i in best_chars)  # type: ignore[union-attr]
    return "".join("<" if c is None else next(chars) for c in cells)


def read_band(crop: Image.Image) -> str:
    """The MRZ lines in ``crop`` (a levelled band, dark on light), one per line,
    or ``""`` when the font is missing or no line of fixed pitch is found."""
    glyphs = _glyphs()
    if glyphs is None or min(crop.size) < 8:
        return ""
    gray = np.asarray(crop.convert("L"), dtype=np.uint8)
    _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ink = binary > 0
    lines = []
    for line in _lines(_blobs(ink)):
        if len(line) < _MIN_CELLS - 4:
            continue
        text = _read_line(gray, ink, line, glyphs)
        if text:
            lines.append(text)
    return "\n".join(lines)
