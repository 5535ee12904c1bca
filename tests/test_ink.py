"""Pages whose text stands on lighter marks: a security print behind the whole page, a
stamp over the IBAN. The darkest ink alone is read (ocr.ink_only, R-RIB-1)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from dossier_check.fields.iban import find_ibans_repaired
from dossier_check.ocr import OcrEngine, ink_only

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
IBAN = "FR76 3000 6000 0112 3456 7890 189"
LINES = [
    ("Relevé d'identité bancaire", BOLD),
    ("Titulaire du compte : Mme Imane BERRADA", FONT),
    (f"IBAN : {IBAN}", BOLD),
    ("BIC : AGRIFRPP", BOLD),
    ("Domiciliation : Crédit des Plateaux, agence du Port", FONT),
]


def _security_print(img: Image.Image, grey: int, step: int = 9) -> None:
    """Dense fine wavy lines over the whole page, as a cheque or a bank paper carries."""
    d = ImageDraw.Draw(img)
    w, h = img.size
    for k, base in enumerate(range(0, h, step)):
        pts = [(x, base + 6 * math.sin(x / (40 + k % 7) + k)) for x in range(0, w, 6)]
        d.line(pts, fill=(grey, grey, grey), width=2)


def _rib_page(security: bool = False) -> Image.Image:
    img = Image.new("RGB", (1654, 1300), (246, 244, 238))
    if security:
        _security_print(img, 185)
    d = ImageDraw.Draw(img)
    for i, (line, font) in enumerate(LINES):
        d.text((120, 160 + i * 120), line, font=ImageFont.truetype(font, 40), fill=(0, 0, 0))
    return img


def test_ink_only_keeps_the_text_and_drops_lighter_lines() -> None:
    img = _rib_page(security=True)
    ink = np.asarray(ink_only(img, 2400, 1000))
    clean = np.asarray(ink_only(_rib_page(), 2400, 1000))
    # the security print is gone: the ink left is the text's, give or take its edges
    assert abs(int((ink == 0).sum()) - int((clean == 0).sum())) < 0.1 * (clean == 0).sum()


def test_ink_only_gives_up_on_a_page_of_one_ink() -> None:
    assert ink_only(Image.new("L", (1200, 1600), 255), 2400, 1000) is None


@pytest.mark.tesseract
@pytest.mark.parametrize("seed, grey", [(0, 185), (3, 200)])
def test_rib_on_a_dense_security_print_reads_its_iban(seed: int, grey: int) -> None:
    # a hundred fine grey wavy lines over an A4 RIB at 300 dpi: the old read stretched
    # them to black with the text and found no IBAN (8 of 8 such pages)
    from samples.canvas import Page, render_raster
    from samples.specimens.common import guilloche

    pg = Page()
    guilloche(pg, random.Random(seed), (grey,) * 3, n=100)
    pg.text(16, 46, "Relevé d'identité bancaire", "liberation-serif", 14, "bold")
    for i, (label, value) in enumerate(
        [("Titulaire", "Mme Imane BERRADA"), ("IBAN", IBAN), ("BIC", "AGRIFRPP")]
    ):
        pg.text(16, 62 + 10 * i, label, "liberation-serif", 9, "regular", (60, 60, 60))
        pg.text(60, 62 + 10 * i, value, "liberation-serif", 11, "bold")
    result = OcrEngine().read_image(render_raster(pg, 300))
    found = [m.iban for m in find_ibans_repaired(result.text, result.iban_text) if m.valid]
    assert found == [IBAN.replace(" ", "")]


@pytest.mark.tesseract
def test_iban_under_a_coloured_stamp_is_read() -> None:
    # stamp ink over toner: the darker wins (multiplied), as on paper
    stamp = Image.new("RGB", (1654, 1300), (255, 255, 255))
    d = ImageDraw.Draw(stamp)
    teal = (70, 140, 130)
    d.rectangle((420, 330, 1060, 560), outline=teal, width=8)
    font = ImageFont.truetype(BOLD, 38)
    for i, line in enumerate(["CRÉDIT DES PLATEAUX", "AGENCE DU PORT", "Le Directeur"]):
        d.text((450, 350 + i * 60), line, font=font, fill=teal)
    stamp = stamp.rotate(-6, fillcolor=(255, 255, 255))
    img = ImageChops.multiply(_rib_page(), stamp)
    result = OcrEngine().read_image(img)
    found = [m.iban for m in find_ibans_repaired(result.text, result.iban_text) if m.valid]
    assert found == [IBAN.replace(" ", "")]


def _rib(draw_iban) -> Image.Image:
    """A clean A4 RIB at 300 dpi whose IBAN ``draw_iban(page, iban)`` lays out."""
    from samples.canvas import Page, render_raster

    pg = Page()
    pg.text(16, 30, "Relevé d'identité bancaire", "dejavu-sans", 15, "bold")
    pg.text(16, 44, "Titulaire du compte : Mme Imane BERRADA", "dejavu-sans", 10.5)
    draw_iban(pg, IBAN.replace(" ", ""))
    pg.text(16, 110, "BIC : AGRIFRPP", "dejavu-sans", 10.5, "bold")
    return render_raster(pg, 300)


def _read_iban(img: Image.Image) -> list[str]:
    result = OcrEngine().read_image(img)
    return [m.iban for m in find_ibans_repaired(result.text, result.iban_text) if m.valid]


def _group_cells(pg, iban: str) -> None:
    # one boxed cell per group of four, a heading over each: the page's read drops the
    # clé's last cell, further from the last word than a short line's usual room
    heads = ["Pays/Clé", "Banque", "", "Guichet", "", "Compte", "Clé"]
    pg.text(16, 66, "Identifiant international de compte (IBAN)", "dejavu-sans", 9, "bold")
    for k, head in enumerate(heads):
        x = 16 + 24 * k
        pg.rect(x, 69, 24, 16, (80, 80, 80), None, 0.3)
        pg.text(x + 2, 74, head, "dejavu-sans", 7, "regular", (90, 90, 90))
        pg.text(x + 3, 82, iban[4 * k : 4 * k + 4], "dejavu-sans", 11, "bold")


def _comb(pg, iban: str) -> None:
    # one box per character, as a form's comb field, a gap after each group of four
    pg.text(16, 66, "IBAN", "dejavu-sans", 9, "bold")
    x = 16.0
    for i, ch in enumerate(iban):
        pg.rect(x, 69, 5.8, 8, (60, 60, 60), None, 0.25)
        pg.text(x + 2.9, 75, ch, "dejavu-sans", 10, "regular", (0, 0, 0), "center")
        x += 5.8 + (1.5 if i % 4 == 3 else 0)


def _along_the_side(pg, iban: str) -> None:
    # printed up the page's left margin, turned a quarter (the sideways re-read,
    # ocr._sideways_iban, reads it where damage hides it from the upright read)
    from samples.canvas import Page

    side = Page(170, 14, bg=None)
    side.text(0, 10, f"IBAN {IBAN}   BIC AGRIFRPP", "dejavu-sans", 10, "bold")
    pg.group(8, 60, side, angle=90)


@pytest.mark.tesseract
@pytest.mark.parametrize("layout", [_group_cells, _comb, _along_the_side])
def test_iban_laid_out_as_a_bank_may_lay_it_out_is_read(layout) -> None:
    # R-RIB-1: the table and the comb read no valid IBAN before (scratch RIB corpus)
    assert _read_iban(_rib(layout)) == [IBAN.replace(" ", "")]


def test_packed_sets_far_apart_glyphs_close_and_keeps_group_gaps() -> None:
    from dossier_check.fields.iban_band import _packed

    img = Image.new("L", (2400, 80), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    x = 20
    for i, ch in enumerate("FR7630006000"):
        d.text((x, 15), ch, font=font, fill=0)
        x += 90 + (60 if i % 4 == 3 else 0)
    packed = _packed(img)
    assert packed is not None and packed.width < img.width / 3
    assert _packed(Image.new("L", (400, 80), 255)) is None
