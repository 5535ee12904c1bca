"""Crops of a page as read, cut from the source image at its own resolution.

A phone photo (4000-6500 px) is read at 2400 px (``OcrSettings.max_side``): a
passport page photographed on an A4 sheet then has MRZ characters 9 px high,
too few to read, when the photo holds three times as many. The page as read
is the source scaled, turned a quarter or half (orientation) and rotated by a
small skew; a box on it is mapped back through those steps and cut from the
source, so that a re-read (``fields/mrz_band.py``) sees every pixel taken.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageOps

from dossier_check.skew import turn_clockwise

#: A re-read gains from the source only when it is this much larger than the page read.
MIN_GAIN = 1.25
#: The page's skew is applied from this many degrees on (``OcrEngine._read_level``).
MIN_SKEW = 0.3

Box = tuple[int, int, int, int]


@dataclass
class SourceCrops:
    """The source image and the steps that made the page read from it."""

    source: Image.Image
    scale: float  # page pixels per source pixel (< 1: the page was downscaled)
    turn: int  # clockwise degrees (0, 90, 180, 270) the scaled page was turned
    skew: float  # degrees (counter-clockwise) the turned page was then rotated, expanded
    turned_size: tuple[int, int]  # the scaled page's size once turned, before the skew
    page_size: tuple[int, int]  # the page as read
    _turned: Image.Image | None = field(default=None, repr=False)

    @property
    def gain(self) -> float:
        """Source pixels per page pixel."""
        return 1.0 / self.scale

    def _source_turned(self) -> Image.Image:
        if self._turned is None:
            gray = self.source if self.source.mode == "L" else ImageOps.grayscale(self.source)
            self._turned = turn_clockwise(gray, self.turn)
        return self._turned

    def _to_turned(self, x: float, y: float) -> tuple[float, float]:
        """A page point on the turned page before the skew (PIL's ``rotate`` maps each
        output point to ``R (p - centre_out) + centre_in``, R by minus the angle)."""
        if abs(self.skew) < MIN_SKEW:
            return x, y
        phi = -math.radians(self.skew)
        cx, cy = self.page_size[0] / 2, self.page_size[1] / 2
        dx, dy = x - cx, y - cy
        return (
            math.cos(phi) * dx + math.sin(phi) * dy + self.turned_size[0] / 2,
            -math.sin(phi) * dx + math.cos(phi) * dy + self.turned_size[1] / 2,
        )

    def crop(self, box: Box) -> Image.Image:
        """``box`` (on the page as read) cut from the source: ``gain`` times larger,
        levelled like the page, its contrast stretched."""
        left, top, right, bottom = box
        corners = (
            np.array([self._to_turned(x, y) for x in (left, right) for y in (top, bottom)])
            / self.scale
        )
        turned = self._source_turned()
        margin = 4
        x0, y0 = (max(0, v) for v in np.floor(corners.min(axis=0)).astype(int) - margin)
        x1, y1 = np.ceil(corners.max(axis=0)).astype(int) + margin
        x1, y1 = max(x0 + 1, min(turned.width, x1)), max(y0 + 1, min(turned.height, y1))
        region = turned.crop((x0, y0, x1, y1))
        # the box's centre in the region, then in the region levelled
        cx, cy = corners.mean(axis=0) - (x0, y0)
        if abs(self.skew) >= MIN_SKEW:
            size = region.size
            region = region.rotate(
                self.skew, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
            )
            phi = -math.radians(self.skew)
            dx, dy = cx - size[0] / 2, cy - size[1] / 2  # out = R^T (in - c_in) + c_out
            cx = math.cos(phi) * dx - math.sin(phi) * dy + region.width / 2
            cy = math.sin(phi) * dx + math.cos(phi) * dy + region.height / 2
        w, h = (right - left) / self.scale, (bottom - top) / self.scale
        left_, top_ = max(0, round(cx - w / 2)), max(0, round(cy - h / 2))
        out = region.crop(
            (
                left_,
                top_,
                max(left_ + 1, min(region.width, round(cx + w / 2))),
                max(top_ + 1, min(region.height, round(cy + h / 2))),
            )
        )
        return ImageOps.autocontrast(out, cutoff=1)


def source_crops(
    source: Image.Image,
    page: Image.Image,
    prepared_size: tuple[int, int],
    turn: int,
    skew: float,
    min_gain: float = MIN_GAIN,
) -> SourceCrops | None:
    """The source crops of ``page`` when the source is at least ``min_gain`` times
    larger than the page read from it; None otherwise (nothing to gain)."""
    scale = prepared_size[0] / source.width
    if scale * min_gain > 1.0:
        return None
    turned = prepared_size if turn in (0, 180) else (prepared_size[1], prepared_size[0])
    return SourceCrops(source, scale, turn, skew, turned, page.size)
