"""Find an MRZ band in a page image from its pixels alone (R-MRZ-1).

For pages whose OCR read no line of the band (a blurred or dim phone photo):
the band is what every machine-readable zone looks like whatever the
document, 2 or 3 text lines of the same length, set close one under the
other, long and dense (OCR-B characters and '<' fillers, no word spaces).
The approach is PassportEye's (``passporteye/mrz/image.py``: black-hat,
horizontal gradient, closing), but on text lines rather than on one blob, so
that the lines' equal lengths can be asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

#: The page is looked at with its longer side this long (px): an MRZ character
#: is then 6-30 px high, from a 150-dpi A4 scan to a card filling a phone photo.
_WORK_SIDE = 1400
#: Characters in a line of each MRZ format (TD1, TD2/MRV-B/old CNI, TD3/MRV-A).
#: Horizontal closing lengths (px at the working size) that join a line's characters.
_REACHES = (7, 25)


@dataclass(frozen=True)
class Box:
    """A rectangle on the page, in the page's pixels."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def width(self) -> int:
        return self.right - self.left


@dataclass(frozen=True)
class _Line:
    """A text line as a turned rectangle: centre, length, thickness, angle (degrees)."""

    cx: float
    cy: float
    length: float
    thick: float
    angle: float

    def corners(self) -> np.ndarray:
        return cv2.boxPoints(((self.cx, self.cy), (self.length, self.thick), self.angle))


def _text_lines(work: np.ndarray) -> list[_Line]:
    """Text lines of a gray page (dark text on a light ground), as turned rectangles."""
    blur = cv2.GaussianBlur(work, (3, 3), 0)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (15, 7))
    hat = cv2.morphologyEx(blur, cv2.MORPH_BLACKHAT, kernel)
    grad = np.absolute(cv2.Sobel(hat, cv2.CV_32F, 1, 0, ksize=-1))
    top = float(grad.max())
    if top < 1e-6:
        return []
    grad = (grad / top * 255).astype(np.uint8)
    # join the characters of a line (an MRZ has no spaces), not the lines
    joined = cv2.morphologyEx(
        grad, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1))
    )
    _, binary = cv2.threshold(joined, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    lines = []
    # '<' fillers are thin and far apart: closed with a short kernel for small print,
    # a long one for large (a card filling a phone photo)
    for reach in _REACHES:
        mask = cv2.morphologyEx(
            binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, 1))
        )
        # off with thin upright strokes (a card's or a page's edge touching a line's end)
        mask = cv2.morphologyEx(
            mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 2))
        )
        lines.extend(_boxes(mask))
    return lines


def _boxes(mask: np.ndarray) -> list[_Line]:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    lines = []
    for c in contours:
        if len(c) < 4:
            continue
        (cx, cy), (w, h), angle = cv2.minAreaRect(c)
        if h > w:  # OpenCV's angle convention: make length the long side
            w, h, angle = h, w, angle - 90
        if angle < -45:
            angle += 180
        if angle > 135:
            angle -= 180
        if h < 3 or w < 12 * h or abs(angle) > 20:
            continue
        if cv2.contourArea(c) < 0.5 * w * h:  # not dense: a frame, a rule, a photo edge
            continue
        lines.append(_Line(cx, cy, w, h, angle))
    return lines


def _similar(a: _Line, b: _Line) -> bool:
    """Two lines of one MRZ: the same length, start and slant, about as thick, close under."""
    t = max(a.thick, b.thick)
    rad = np.deg2rad(a.angle)
    along = (b.cx - a.cx) * np.cos(rad) + (b.cy - a.cy) * np.sin(rad)
    across = -(b.cx - a.cx) * np.sin(rad) + (b.cy - a.cy) * np.cos(rad)
    return bool(
        abs(a.length - b.length) <= 0.12 * max(a.length, b.length)
        and abs(along) <= 0.08 * max(a.length, b.length)
        and abs(a.angle - b.angle) <= 3
        and min(a.thick, b.thick) >= 0.4 * t
        and 0.8 * t <= across <= 3.0 * t
    )


@dataclass(frozen=True)
class Band:
    """Where the band lies: its box on the page and its slant (degrees, OpenCV's sign)."""

    box: Box
    angle: float
    lines: int
    thick: float  # a line's thickness on the page (px): about a character's height
    turn: int = 0  # 90: ``box`` and ``angle`` are on the page turned a quarter clockwise


def locate_band(gray: Image.Image) -> Band | None:
    """The likeliest MRZ band on ``gray``, or ``None``.

    Candidates are runs of 2 or 3 lines of the same length, start and slant one
    under the other, each at least 12 times as long as it is thick (30 characters
    of OCR-B are about 20) and dense; the longest run wins. When the page shows
    none, it is looked at turned a quarter (a card photographed on its side: the
    band is then on the page turned by ``turn``, read one way or the other).
    Costs a few tens of milliseconds.
    """
    scale = min(1.0, _WORK_SIDE / max(gray.size))
    work = np.asarray(gray)
    if scale < 1.0:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        work = cv2.resize(work, size, interpolation=cv2.INTER_AREA)
    for turn in (0, 90):
        if turn:
            work = cv2.rotate(work, cv2.ROTATE_90_CLOCKWISE)
        best = _best_run(_text_lines(work))
        if best is not None:
            return _band(best, scale, turn, work.shape[1] / scale, work.shape[0] / scale)
    return None


def _best_run(lines: list[_Line]) -> list[_Line] | None:
    best: list[_Line] | None = None
    for first in lines:
        run = [first]
        while len(run) < 3:
            nxt = next((ln for ln in lines if _similar(run[-1], ln)), None)
            if nxt is None:
                break
            run.append(nxt)
        if any(_similar(ln, first) for ln in lines):
            continue  # not the run's first line: a paragraph of even lines, not a band
        if len(run) == 3 and any(_similar(run[-1], ln) for ln in lines):
            continue  # a fourth even line: a justified paragraph
        if len(run) >= 2 and (best is None or _extent(run) > _extent(best)):
            best = run
    return best


def _band(run: list[_Line], scale: float, turn: int, width: float, height: float) -> Band:
    pts = np.concatenate([ln.corners() for ln in run]) / scale
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    box = Box(
        max(0, int(x0)),
        max(0, int(y0)),
        min(int(width), int(x1) + 1),
        min(int(height), int(y1) + 1),
    )
    angle = float(np.mean([ln.angle for ln in run]))
    thick = float(np.mean([ln.thick for ln in run])) / scale
    return Band(box, angle, len(run), thick, turn)


def _extent(run: list[_Line]) -> float:
    return sum(ln.length for ln in run)
