"""Crops of the page as read, cut from the source at its own resolution (issue 4:
MRZ on phone photos read downscaled)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from dossier_check.skew import turn_clockwise
from dossier_check.source_crop import source_crops


def _dark_box(image: Image.Image) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(np.asarray(image) < 128)
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
@pytest.mark.parametrize("skew", [0.0, 2.5, -3.5])
def test_a_box_on_the_page_read_is_cut_from_the_source(turn: int, skew: float) -> None:
    """The page read is the source scaled to 2400 px, turned, then levelled by its
    skew: a box around a mark on it comes back from the source 2.5 times larger,
    the mark as the page shows it, centred."""
    source = Image.new("L", (6000, 4000), 255)
    ImageDraw.Draw(source).rectangle((4000, 1000, 4300, 1150), fill=0)
    prepared = source.resize((2400, 1600))
    page = turn_clockwise(prepared, turn)
    if skew:
        page = page.rotate(skew, expand=True, fillcolor=255)
    left, top, right, bottom = _dark_box(page)
    crops = source_crops(source, page, prepared.size, turn, skew)
    assert crops is not None and crops.gain == pytest.approx(2.5)
    crop = crops.crop((left - 20, top - 20, right + 20, bottom + 20))
    x0, y0, x1, y1 = _dark_box(crop)
    # 20 page px of margin are 50 source px on every side (a pixel or two of rounding)
    for margin in (x0, y0, crop.width - 1 - x1, crop.height - 1 - y1):
        assert 45 <= margin <= 56
    assert abs((x1 - x0) - 2.5 * (right - left)) <= 6
    assert abs((y1 - y0) - 2.5 * (bottom - top)) <= 6


def test_nothing_to_gain_from_a_source_the_size_of_the_page() -> None:
    source = Image.new("L", (2000, 1400), 255)
    assert source_crops(source, source, source.size, 0, 0.0) is None
