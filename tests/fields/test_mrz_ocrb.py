"""The OCR-B matcher: MRZ bands read by the shapes of ICAO's font (R-MRZ-1, R-MRZ-2).

Bands are drawn here with Debian's OCR-B, the font every MRZ is printed in,
then scanned down (blur, noise, low resolution) the way a page is.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from dossier_check.fields import mrz_ocrb
from dossier_check.fields.mrz import compose_td1, compose_td3, find_mrz

pytestmark = pytest.mark.skipif(
    mrz_ocrb._glyphs() is None, reason="fonts-ocr-b is not installed (scripts/setup.sh)"
)

#: Look-alikes Tesseract's English model confused on a clean 300-dpi CNI (dev seed 8931).
TD1 = compose_td1(
    issuing_state="FRA", document_number="Y5V25W4WJ", nationality="FRA",
    birth_date=date(1977, 11, 13), sex="F", expiry_date=date(2031, 11, 24),
    surname="LAMBERT", given_names="LEA",
)  # fmt: skip
TD3 = compose_td3(
    issuing_state="PER", surname="FLORES", given_names="LUCERO", document_number="8B3O0S5Q1",
    nationality="PER", birth_date=date(1996, 1, 25), sex="F", expiry_date=date(2029, 9, 5),
)  # fmt: skip


def band(
    lines: tuple[str, ...],
    char_px: int,
    blur: float = 0.0,
    noise: float = 0.0,
    stretch: float = 0.0,
) -> Image.Image:
    """The lines in OCR-B, ``char_px`` high, on a light ground, scanned down;
    ``stretch``: the pitch grows by that share from a line's start to its end."""
    font = ImageFont.truetype(str(next(p for p in mrz_ocrb.FONT_PATHS if p.exists())), 4 * char_px)
    pitch = 4 * char_px * 0.6
    width = round(pitch * 46 * (1 + stretch))
    image = Image.new("L", (width, 4 * char_px * (2 * len(lines) + 1)), 235)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        for j, ch in enumerate(line):
            x = pitch * (j + 1) * (1 + stretch * j / 44)
            draw.text((x, 4 * char_px * (2 * i + 1)), ch, fill=20, font=font)
    image = image.resize((image.width // 4, image.height // 4), Image.Resampling.LANCZOS)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        rng = np.random.default_rng(7)
        grain = rng.normal(0, noise, (image.height, image.width))
        arr = np.asarray(image, dtype=np.float32) + grain
        image = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return image


@pytest.mark.parametrize("lines", [TD1, TD3], ids=["TD1", "TD3"])
def test_a_clean_band_is_read_exactly(lines: tuple[str, ...]) -> None:
    assert mrz_ocrb.read_band(band(lines, 32)).splitlines() == list(lines)


@pytest.mark.parametrize(("char_px", "blur", "noise"), [(24, 0.8, 6.0), (16, 0.6, 4.0)])
def test_a_scanned_down_band_passes_every_check_digit(
    char_px: int, blur: float, noise: float
) -> None:
    """At 24 and 16 px a character (about 300 and 200 dpi on a card), blurred and
    noisy: every look-alike of the number (5/S, 0/O, 8/B, Q) read right."""
    for lines in (TD1, TD3):
        mrz = find_mrz(mrz_ocrb.read_band(band(lines, char_px, blur, noise)), date(2026, 11, 15))
        assert mrz is not None and mrz.valid
        assert mrz.document_number == ("Y5V25W4WJ" if lines is TD1 else "8B3O0S5Q1")


def test_a_band_in_perspective_keeps_its_cells() -> None:
    """A phone photo's perspective: the pitch 15 % wider at the line's end than at
    its start; a grid laid from the first character to the last would slip a cell."""
    mrz = find_mrz(mrz_ocrb.read_band(band(TD3, 24, stretch=0.3)), date(2026, 11, 15))
    assert mrz is not None and mrz.valid and mrz.document_number == "8B3O0S5Q1"
    assert (mrz.surname, mrz.given_names) == ("FLORES", "LUCERO")


def test_a_name_line_without_digits_is_measured_against_its_letters() -> None:
    """A name line has no digit to stand 7 % taller: its tallest characters are
    letters, or every round letter would match the digit 0 on size."""
    lines = mrz_ocrb.read_band(band(TD3, 24, stretch=0.3)).splitlines()
    assert "<<LUCERO<" in lines[0]  # measured against digits: LU0ERO


def test_a_stray_mark_beyond_an_empty_cell_is_no_character() -> None:
    """A card's edge two cells before a TD1 name line (a scenario's titre de séjour
    read 'I<CASTANEDA'): an MRZ leaves no empty cell between its characters, and
    the line without the mark is an MRZ width again."""
    scanned = band(TD1, 24)
    image = Image.new("L", (scanned.width + 60, scanned.height), 235)
    image.paste(scanned, (60, 0))
    ink = np.asarray(image) < 128
    rows = np.nonzero(ink.any(axis=1))[0]
    name_top = rows[rows > 2 * image.height // 3].min()  # the third line's ink
    first = np.nonzero(ink[name_top : name_top + 10].any(axis=0))[0].min()
    pitch = 24 * 0.6
    x = round(first - 2 * pitch)  # two cells before the line's first character
    ImageDraw.Draw(image).rectangle((x, name_top, x + 2, name_top + 16), fill=20)
    assert mrz_ocrb.read_band(image).splitlines() == list(TD1)


def test_no_band_nothing_read() -> None:
    assert mrz_ocrb.read_band(Image.new("L", (800, 200), 255)) == ""
    words = Image.new("L", (800, 200), 255)
    ImageDraw.Draw(words).text((10, 80), "Madame, Monsieur, veuillez trouver", fill=0)
    assert mrz_ocrb.read_band(words) == ""


def test_without_the_font_nothing_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    image = band(TD1, 32)
    monkeypatch.setattr(mrz_ocrb, "FONT_PATHS", ())
    mrz_ocrb._glyphs.cache_clear()
    try:
        assert mrz_ocrb.read_band(image) == ""
    finally:
        monkeypatch.undo()
        mrz_ocrb._glyphs.cache_clear()
