"""How a page lies: turned by quarters, and its small skew (by projection profiles)."""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,  # PIL's ROTATE_n turn counter-clockwise
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}


def turn_clockwise(image: Image.Image, degrees: int) -> Image.Image:
    """``image`` turned clockwise by a multiple of 90 degrees (a lossless transpose)."""
    method = _CLOCKWISE.get(degrees % 360)
    return image if method is None else image.transpose(method)


#: Long side of the copy the skew is measured on: text lines of an A4 page stay
#: several pixels apart, and each of the ~12 trial rotations stays cheap.
SKEW_SIDE = 800


def estimate_skew(
    gray: Image.Image, max_angle: float = 4.0, step: float = 0.5, wide: float | None = None
) -> float:
    """Small skew angle (degrees, counter-clockwise positive) by projection profiles.

    Text lines make the row-sum profile spiky when level: the angle whose
    rotated copy has the largest profile variance wins. Whole degrees are
    tried first, then ``step`` around the best one, on a copy ``SKEW_SIDE`` px long.
    """
    arr = np.asarray(gray, dtype=np.uint8)
    if max(gray.size) > SKEW_SIDE:
        scale = SKEW_SIDE / max(gray.size)
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        arr = cv2.resize(arr, size, interpolation=cv2.INTER_AREA)
    if arr.size == 0 or arr.std() < 5:
        return 0.0
    ink = Image.fromarray(((arr < arr.mean() - arr.std() * 0.5) * 255).astype(np.uint8))

    def score(angle: float) -> float:
        rotated = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST))
        return float(np.var(rotated.sum(axis=1, dtype=np.int64)))

    return _best_angle(score, max_angle, step, wide)


def _best_angle(score, max_angle: float, step: float, wide: float | None) -> float:  # type: ignore[no-untyped-def]
    """Whole degrees up to ``max_angle`` first, then ``step`` round the best; when the
    best is the bound itself and ``wide`` is given, the page lies further turned: up
    to ``wide`` then (a phone photo of a sheet turned 6.7 degrees measured 4.0, and
    its paragraph read as nothing)."""
    coarse = [float(a) for a in range(-round(max_angle), round(max_angle) + 1)]
    best = max(coarse, key=lambda a: (score(a), -abs(a)))
    if wide is not None and abs(best) >= max_angle and max_angle < wide:
        further = _best_angle(score, wide, step, None)
        if abs(further) > max_angle + 0.5:  # beyond the bound indeed, not just at it
            return further
    fine = [best + k * step for k in range(-round(1 / step) + 1, round(1 / step))]
    fine = [a for a in fine if abs(a) <= max_angle + 1e-9]
    return max(fine, key=lambda a: (score(a), -abs(a)))


#: The widest skew a page's read measures, once the usual range's bound is the best.
WIDE_ANGLE = 10.0
