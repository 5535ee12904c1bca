"""OCR stage: orientation fix, deskew, words with boxes, MRZ band, cache hits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier_check.cache import Cache
from dossier_check.fields.mrz import find_mrz
from dossier_check.model import Page, TextSource
from dossier_check.ocr import OcrEngine
from dossier_check.skew import estimate_skew

pytestmark = pytest.mark.tesseract
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
OCRB = "/usr/share/fonts/opentype/ocr-b/OCRBS.otf"


def page_image() -> Image.Image:
    font = ImageFont.truetype(FONT, 34)
    img = Image.new("L", (1400, 1800), 255)
    d = ImageDraw.Draw(img)
    lines = [
        "Attestation de domicile",
        "Monsieur Karim Benali demeure au",
        "12 rue des Lilas 69003 Lyon depuis le 1er mars 2026.",
        "Ce document est délivré pour servir et valoir ce que de droit.",
    ]
    for i in range(14):
        d.text((90, 90 + i * 110), lines[i % len(lines)], font=font, fill=0)
    return img


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_rotated_scan_is_turned_upright(angle: int):
    engine = OcrEngine()
    result = engine.read_image(page_image().rotate(angle, expand=True))
    assert result.rotation == angle
    assert "domicile" in result.text.lower()


def test_small_skew_is_measured():
    skewed = page_image().rotate(2.5, expand=True, fillcolor=255)
    assert estimate_skew(skewed) == pytest.approx(-2.5, abs=0.6)


def test_words_carry_confidence_and_boxes():
    result = OcrEngine().read_image(page_image())
    word = next(w for w in result.words if w.text.lower().startswith("domicile"))
    assert word.conf > 60 and word.width > 0 and word.height > 0


def test_mrz_band_is_reread_with_the_mrz_alphabet():
    img = Image.new("L", (1500, 700), 255)
    d = ImageDraw.Draw(img)
    d.text((60, 60), "PASSPORT  PASSEPORT", font=ImageFont.truetype(FONT, 40), fill=0)
    ocrb = ImageFont.truetype(OCRB, 30)
    d.text((40, 520), "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", font=ocrb, fill=0)
    d.text((40, 580), "L898902C36UTO7408122F1204159ZE184226B<<<<<10", font=ocrb, fill=0)
    result = OcrEngine().read_image(img)
    mrz = find_mrz(result.mrz_text)
    assert mrz is not None and mrz.valid  # OCR slips (UT0) repaired where check digits agree
    assert (mrz.surname, mrz.document_number) == ("ERIKSSON", "L898902C3")


def test_text_layer_page_is_not_ocrd():
    engine = OcrEngine()
    page = Page(0, image=page_image(), text="déjà du texte", text_source=TextSource.TEXT_LAYER)
    assert engine.read_page(page) is page and engine.pages_ocrd == 0


def test_second_read_comes_from_the_cache(tmp_path: Path):
    cache = Cache("ocr", root=tmp_path)
    first = OcrEngine(cache=cache)
    first.read_image(page_image())
    second = OcrEngine(cache=cache)
    result = second.read_image(page_image())
    assert second.pages_ocrd == 0 and "domicile" in result.text.lower()


def test_a_page_read_on_end_is_turned_upright_not_just_read():
    """Tesseract reads a quarter-turned page well, but its boxes stand on end: the page
    must still be turned (the MRZ band crop and the thumbnail rely on it)."""
    result = OcrEngine().read_image(page_image().rotate(90, expand=True))
    assert result.rotation == 90
    wide = [w for w in result.words if len(w.text) >= 4]
    assert sum(w.width > w.height for w in wide) > len(wide) / 2


def test_pages_reach_tesseract_through_the_private_scratch_folder_only(tmp_path, monkeypatch):
    import os
    import tempfile

    from dossier_check import scratch

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(scratch, "_folder", None)
    OcrEngine().read_image(page_image())
    folder = scratch.folder()
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert os.listdir(folder) == []  # each page file removed once read
    scratch.remove()
    assert not os.path.exists(folder)
    assert os.listdir(tmp_path) == []


def test_page_read_as_nothing_is_read_again_denoised(monkeypatch: pytest.MonkeyPatch):
    """A noisy phone photo on a textured ground: Tesseract's layout analysis found no
    word; the denoised copy is read, and kept because it reads clearly more."""
    from dossier_check import ocr
    from dossier_check.model import Word

    real_prepare = ocr._prepare
    denoised: list[Image.Image] = []

    def prepare(image, max_side, min_side, denoise=False, stretch=True):
        gray = real_prepare(image, max_side, min_side, stretch=stretch)
        if denoise:
            denoised.append(gray)
        return gray

    line = [Word("RELEVE", 90.0, 10, 10, 80, 20, 0), Word("D'IDENTITE", 90.0, 100, 10, 120, 20, 0)]
    monkeypatch.setattr(ocr, "_prepare", prepare)
    monkeypatch.setattr(
        ocr, "_words", lambda gray, lang, psm: line * 10 if gray in denoised else []
    )
    monkeypatch.setattr(ocr, "detect_rotation", lambda gray: (0, False))
    settings = ocr.OcrSettings(mrz_pass=False, iban_pass=False, deskew=False)
    result = OcrEngine(settings).read_image(Image.new("L", (800, 600), 200))
    assert denoised and result.text.startswith("RELEVE D'IDENTITE")


def test_page_read_well_is_not_denoised(monkeypatch: pytest.MonkeyPatch):
    from dossier_check import ocr

    calls: list[bool] = []
    real_prepare = ocr._prepare
    monkeypatch.setattr(
        ocr,
        "_prepare",
        lambda image, a, b, denoise=False, stretch=True: (
            calls.append(denoise) or real_prepare(image, a, b)
        ),
    )
    settings = ocr.OcrSettings(mrz_pass=False, iban_pass=False)
    OcrEngine(settings).read_image(page_image())
    assert calls == [False]


def test_a_read_on_end_does_not_end_the_search_for_an_upright_one(
    monkeypatch: pytest.MonkeyPatch,
):
    """Tesseract reads a page lying on its side fairly well, but loses blocks of it: a
    contract turned a quarter read 862 characters turned half (on end, its title
    lost) and 995 turned upright. The upright read is kept."""
    from dossier_check import ocr
    from dossier_check.model import Word

    def read(n: int, on_end: bool, conf: float) -> list:
        w, h = (20, 120) if on_end else (120, 20)
        return [Word("CONTRAT", conf, 10, 30 * i, w, h, i) for i in range(n)]

    reads = {0: read(5, True, 40.0), 180: read(120, True, 92.0), 90: read(140, False, 93.0)}
    reads[270] = read(5, False, 40.0)
    monkeypatch.setattr(ocr, "turn_clockwise", lambda gray, angle: angle)
    monkeypatch.setattr(
        OcrEngine,
        "_read_level",
        lambda self, gray: (reads[gray if isinstance(gray, int) else 0], gray, 0.0),
    )
    monkeypatch.setattr(ocr, "detect_rotation", lambda gray: (0, False))
    monkeypatch.setattr(ocr, "source_crops", lambda *a, **k: None)
    settings = ocr.OcrSettings(mrz_pass=False, iban_pass=False)
    assert OcrEngine(settings).read_image(Image.new("L", (600, 800), 255)).rotation == 90


def test_iban_drawn_out_of_a_pdfs_text_layer_is_read_from_its_rendering(tmp_path: Path):
    """A bank's PDF with a real text layer that draws the IBAN as a picture: the page
    has too much text to pass for a scan, names a bank account but holds no IBAN, so
    its rendering is read for the IBAN alone (R-RIB-1); the text layer is kept."""
    from datetime import date, datetime

    from dossier_check import api
    from samples.canvas import Page as Canvas
    from samples.canvas import render_pdf
    from samples.specimens.bank_varied import _iban_picture

    pg = Canvas()
    pg.text(16, 40, "RELEVÉ D'IDENTITÉ BANCAIRE", "dejavu-sans", 15, "bold")
    pg.text(16, 60, "Titulaire du compte", "dejavu-sans", 9)
    pg.text(16, 66, "M. Karim BENALI", "dejavu-sans", 11, "bold")
    pg.text(16, 80, "IBAN", "dejavu-sans", 9)
    _iban_picture(
        pg, 16, 88, "FR76 3000 6000 0112 3456 7890 189", "dejavu-sans", 12, "bold", (0, 0, 0)
    )
    pg.text(16, 100, "BIC AGRIFRPP882", "dejavu-sans", 11, "bold")
    pg.para(
        16,
        115,
        170,
        "Ce relevé est destiné à être remis, sur leur demande, à vos "
        "créanciers ou débiteurs appelés à faire inscrire des opérations à votre compte "
        "(virements, paiements de quittances, etc.). Son utilisation vous garantit le bon "
        "enregistrement des opérations en cause et vous évite ainsi des réclamations pour "
        "erreurs ou retards d'imputation. Agence de Lyon Part-Dieu, 12 rue de la Bourse. "
        "Pour toute question, votre conseiller est joignable du lundi au vendredi, de neuf "
        "heures à dix-huit heures, et votre espace client reste ouvert tous les jours.",
        "dejavu-sans",
        9,
    )
    path = tmp_path / "rib.pdf"
    render_pdf([pg], str(path), datetime(2026, 10, 1))
    doc = api.analyse_file("rib.pdf", path, api.Options(as_of=date(2026, 11, 15), use_cache=False))
    assert doc.type == "rib"
    assert doc.fields["iban"] == "FR7630006000011234567890189"
    page = doc.source.pages[0]
    assert page.text_source is TextSource.TEXT_LAYER and "FR76" not in page.text


def test_a_page_turned_further_than_the_usual_range_is_measured_when_asked():
    # a phone photo of a sheet turned 6.7 degrees measured 4.0 (the range's bound) and
    # its paragraph read as nothing; the page's read asks for the wider range
    turned = page_image().rotate(7, expand=True, fillcolor=255)
    assert estimate_skew(turned) == pytest.approx(-4.0, abs=0.01)
    assert estimate_skew(turned, wide=10.0) == pytest.approx(-7.0, abs=1.0)
