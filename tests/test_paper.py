"""The turn of a sheet of paper photographed on its ground (paper.py)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from dossier_check.paper import paper_tilt


def _photo(turn: float, ground: int = 60, size: tuple[int, int] = (600, 800)) -> Image.Image:
    """A bright sheet with lines of 'text', turned ``turn`` degrees on a darker ground."""
    sheet = Image.new("L", size, 235)
    draw = ImageDraw.Draw(sheet)
    for y in range(80, size[1] - 80, 40):
        draw.rectangle((60, y, size[0] - 80, y + 12), fill=40)
    mask = Image.new("L", size, 255).rotate(turn, expand=True)
    photo = Image.new("L", (1000, 1300), ground)
    photo.paste(sheet.rotate(turn, expand=True), (150, 150), mask)
    return photo


@pytest.mark.parametrize("turn", [-12, -5, 6, 15])
def test_the_turn_that_levels_the_sheet_is_measured(turn: float):
    assert paper_tilt(_photo(turn)) == pytest.approx(-turn, abs=0.6)


def test_a_level_sheet_a_scan_or_a_blank_picture_give_no_turn():
    assert paper_tilt(_photo(0)) == pytest.approx(0, abs=0.3)
    assert paper_tilt(Image.new("L", (800, 1100), 240)) == 0.0  # a scan: all paper
    page = Image.new("L", (800, 1100), 250)
    ImageDraw.Draw(page).rectangle((50, 50, 750, 60), fill=30)
    assert paper_tilt(page) == 0.0


def test_a_small_card_on_a_table_is_read_as_it_lies():
    """A card covering under MIN_AREA of the photo is no page to level."""
    photo = Image.new("L", (1000, 1300), 60)
    photo.paste(Image.new("L", (200, 130), 235).rotate(9, expand=True), (400, 500))
    assert paper_tilt(photo) == 0.0
