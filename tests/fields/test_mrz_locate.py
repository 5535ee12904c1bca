"""Finding an MRZ band from pixels alone (R-MRZ-1): drawn images, no Tesseract."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from dossier_check.fields.mrz_locate import locate_band

TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)


def page_with(lines: tuple[str, ...], top: int = 900) -> Image.Image:
    page = Image.new("L", (1400, 1200), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=26)
    draw.text((100, 100), "PASSPORT / PASSEPORT", fill=0, font=font)
    for i, line in enumerate(lines):
        draw.text((100, top + 40 * i), line, fill=0, font=font)
    return page


def test_two_even_lines_are_found_as_the_band() -> None:
    band = locate_band(page_with(TD3))
    assert band is not None and band.lines == 2 and band.turn == 0
    assert 860 <= band.box.top <= 910 and 930 <= band.box.bottom <= 990
    assert band.box.left <= 110 and band.box.right >= 600


def test_card_on_its_side_is_found_turned() -> None:
    band = locate_band(page_with(TD3).transpose(Image.Transpose.ROTATE_90))
    assert band is not None and band.turn == 90


def test_blank_page_has_no_band() -> None:
    assert locate_band(Image.new("L", (1400, 1200), 255)) is None
