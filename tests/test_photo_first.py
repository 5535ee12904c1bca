"""An ID photo is recognised by its face before any OCR (issue 6: never OCR a picture
that is only a face), and nothing else passes that shortcut (DOMAIN.md §7, §12)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PIL import Image, ImageOps

from dossier_check import api
from dossier_check.fields.photo import portrait_only

COMPLETE = Path(__file__).resolve().parent.parent / "samples" / "dossiers" / "complete"


def _open(name: str) -> Image.Image:
    return ImageOps.exif_transpose(Image.open(COMPLETE / name)).convert("RGB")


def test_an_id_photo_is_a_portrait_and_is_not_ocrd():
    assert portrait_only(_open("20260921_111631.jpeg"))
    doc = api.analyse_file(
        "photo.jpeg",
        COMPLETE / "20260921_111631.jpeg",
        api.Options(as_of=date(2026, 11, 15), use_cache=False, debug=True),
    )
    assert doc.type == "id_photo"
    assert doc.debug["pages_ocrd"] == 0


def test_cards_pages_and_sideways_portraits_are_not_taken_for_one():
    passport = _open("scan0042.jpg")  # a passport page: a face, but a small one on a wide page
    assert portrait_only(passport) is None
    form = _open("numerisation_061.jpeg")  # an A4 form: no face
    assert portrait_only(form) is None
    sideways = _open("20260921_111631.jpeg").rotate(90, expand=True)  # wider than tall
    assert portrait_only(sideways) is None


def test_a_face_a_third_of_the_width_is_not_enough_to_skip_ocr():
    """A false 'face' on a phone photo of a text page spanned 0.31 of the width; fit ID
    photos span 0.6 and more. Between the two, the page is OCR'd as any other."""
    photo = _open("20260921_111631.jpeg")
    page = Image.new("RGB", (round(photo.width * 1.6), round(photo.height * 1.6)), "white")
    page.paste(photo, (0, 0))  # the same face, now about 0.37 of a tall page's width
    wide = page
    assert portrait_only(wide) is None


def test_a_gray_portrait_is_read_first_and_still_typed_by_its_face(tmp_path: Path):
    """No skin tone to confirm the face: both detectors agreed on a 'face' filling a
    gray phone photo of a payslip on marble. A gray picture is OCR'd as any page is;
    a gray ID photo is still an id_photo, by its face once OCR reads nothing."""
    gray = ImageOps.grayscale(_open("20260921_111631.jpeg")).convert("RGB")
    assert portrait_only(_open("20260921_111631.jpeg"))
    assert portrait_only(gray) is None
    path = tmp_path / "photo.jpeg"
    gray.save(path)
    doc = api.analyse_file(
        "photo.jpeg", path, api.Options(as_of=date(2026, 11, 15), use_cache=False, debug=True)
    )
    assert doc.type == "id_photo"
    assert doc.debug["pages_ocrd"] == 1
