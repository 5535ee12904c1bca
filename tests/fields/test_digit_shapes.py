"""0 told from 6, 8 and 9 by shape (fields/digit_shapes.py)."""

from __future__ import annotations

import random

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossier_check.fields.digit_shapes import reshaped
from samples.canvas import font_path


def _line(*glyphs: str) -> Image.Image:
    """Glyphs drawn as shapes, 40 px high: 'theta' a zero whose dot closed onto its
    ring (two holes one above the other, no waist), 'eight' two stacked rings."""
    img = Image.new("L", (60 * len(glyphs) + 20, 80), 255)
    draw = ImageDraw.Draw(img)
    for i, g in enumerate(glyphs):
        x = 20 + 60 * i
        if g == "theta":
            draw.ellipse((x, 20, x + 28, 60), outline=0, width=6)
            draw.rectangle((x + 3, 37, x + 25, 43), fill=0)
        else:
            draw.ellipse((x + 3, 20, x + 25, 40), outline=0, width=6)
            draw.ellipse((x, 38, x + 28, 60), outline=0, width=6)
    return img


def test_a_zero_whose_dot_closed_onto_its_ring_is_read_as_a_zero():
    """Two holes one above the other and no waist: a zero that Tesseract read as 8."""
    assert reshaped(_line("theta", "eight", "theta"), "888") == "080"
    assert reshaped(_line("eight", "eight"), "88") is None  # an 8 pinches: left alone
    assert reshaped(_line("theta", "eight"), "8") is None  # glyphs and reading out of step


@pytest.mark.parametrize(
    ("family", "style"),
    [("dejavu-sans", "regular"), ("liberation-serif", "bold"), ("dejavu-mono", "regular")],
)
def test_digits_read_right_are_never_changed(family: str, style: str):
    """Real 6, 8 and 9 of several fonts, sharp or blurred, are not taken for zeros."""
    rng = random.Random(7)
    font = ImageFont.truetype(font_path(family, style), 40)
    for k in range(6):
        digits = "".join(rng.choice("0123456789") for _ in range(16))
        img = Image.new("L", (1100, 80), 255)
        ImageDraw.Draw(img).text(
            (20, 15), " ".join(digits[i : i + 4] for i in range(0, 16, 4)), font=font, fill=0
        )
        if k % 2:
            img = img.filter(ImageFilter.GaussianBlur(1.2))
        assert reshaped(img, digits) is None
