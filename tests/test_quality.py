"""Scan quality of a page (dossier_check/quality.py, DOMAIN.md R-SCAN-2..5).

The pages here are drawn: A4 text pages at a known resolution, then spoilt the
way a bad scan is (blur, darkness, faded toner, a crop through the text). The
thresholds themselves were calibrated on generator corpora with
``scripts/calibrate_quality.py`` (figures in quality.py); the last test checks
on freshly generated specimens that a clean scan gets no finding.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

from dossier_check import quality
from dossier_check.messages import TEMPLATES, render
from dossier_check.model import Finding, Page, Severity, SourceFile, TextSource

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
WORDS = ["assurance", "maladie", "demande", "droits", "justificatif", "domicile", "facture"]


@cache
def text_page(dpi: int = 300, margin_mm: float = 20.0) -> Image.Image:
    """An A4 page of 10-pt text lines with ``margin_mm`` margins."""
    px = dpi / 25.4
    w, h = round(210 * px), round(297 * px)
    img = Image.new("L", (w, h), 246)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, round(10 / 72 * dpi))
    rng = random.Random(4)
    y = margin_mm * px
    while y < h - margin_mm * px - 12 * px / 2.5:
        line = ""
        while draw.textlength(line + " x", font=font) < w - 2 * margin_mm * px - 20 * px:
            line += " " + rng.choice(WORDS)
        draw.text((margin_mm * px, y), line.strip(), fill=25, font=font)
        y += 6 * px
    return img


def codes(image: Image.Image, dpi: float | None, photo: bool = False) -> list[str]:
    q = quality.measure(image, dpi)
    return [f.code for f in quality.quality_findings("scan.pdf", 1, q, photo=photo)]


def test_clean_300_dpi_page_has_no_finding():
    assert codes(text_page(300), 300) == []


def test_clean_200_dpi_page_has_no_finding():
    assert codes(text_page(200), 200) == []


def test_blurred_page_is_flagged_r_scan_3():
    blurred = text_page(300).filter(ImageFilter.GaussianBlur(3))
    assert codes(blurred, 300) == ["scan_blurred"]


def test_slight_blur_at_300_dpi_is_not_flagged():
    """A radius-0.5 blur at 300 dpi is a quarter of a pixel at 150 dpi: still sharp."""
    assert codes(text_page(300).filter(ImageFilter.GaussianBlur(0.5)), 300) == []


def test_dark_page_is_flagged_r_scan_3():
    dark = ImageEnhance.Brightness(text_page(300)).enhance(0.45)
    assert codes(dark, 300) == ["scan_too_dark"]


def test_faded_text_is_flagged_r_scan_3():
    faded = ImageEnhance.Contrast(text_page(300)).enhance(0.3)
    assert codes(faded, 300) == ["scan_too_pale"]


def test_dark_mode_screen_is_not_too_dark():
    """Light text on a dark background (a screenshot) is dark but readable."""
    screen = Image.eval(text_page(150), lambda v: 255 - v)
    assert "scan_too_dark" not in codes(screen, 150)


def test_text_running_off_the_right_edge_is_cut_r_scan_4():
    page = text_page(300)
    cut = page.crop((0, 0, page.width // 2, page.height))  # half of every line is gone
    q = quality.measure(cut, 300)
    assert q.cut_sides == ("right",)
    assert codes(cut, 300) == ["scan_cut_off"]


def test_a_dark_edge_shadow_is_not_a_cut():
    page = text_page(300).copy()
    ImageDraw.Draw(page).rectangle((page.width - 60, 0, page.width, page.height), fill=70)
    assert quality.measure(page, 300).cut_sides == ()


def test_a_ruled_line_along_the_edge_is_not_a_cut():
    page = text_page(300).copy()
    ImageDraw.Draw(page).rectangle((0, page.height - 8, page.width, page.height - 4), fill=20)
    assert quality.measure(page, 300).cut_sides == ()


def test_under_150_dpi_is_low_resolution_r_scan_2():
    found = quality.quality_findings("a.jpg", 2, quality.measure(text_page(120), 120))
    assert [f.code for f in found] == ["scan_low_resolution"]
    assert found[0].params == {"file": "a.jpg", "page": 2, "dpi": 120}
    assert found[0].rule == "R-SCAN-2" and found[0].severity is Severity.WARNING


def test_150_dpi_is_enough():
    assert "scan_low_resolution" not in codes(text_page(150), 150)


def test_a_camera_s_72_dpi_tag_is_not_believed():
    """4000 px at "72 dpi" would be a 55-inch page: the tag means nothing."""
    assert quality.believed_dpi(72, 4000, 3000) is None
    assert quality.believed_dpi(72, 600, 800) == 72.0
    assert quality.believed_dpi(None, 600, 800) is None


def test_too_few_pixels_without_a_resolution():
    small = text_page(150).resize((500, 707))
    assert "scan_too_few_pixels" in codes(small, None)


def test_photo_gets_only_exposure_checks():
    blurred_small = text_page(100).filter(ImageFilter.GaussianBlur(3))
    assert codes(blurred_small, 100, photo=True) == []
    dark = ImageEnhance.Brightness(text_page(100)).enhance(0.3)
    assert codes(dark, 100, photo=True) == ["scan_too_dark"]


def test_measure_is_cheap():
    """A 300-dpi A4 page is judged on a 150-dpi copy: well under a second."""
    import time

    page = text_page(300).convert("RGB")
    start = time.perf_counter()
    quality.measure(page, 300)
    assert time.perf_counter() - start < 1.0


# --------------------------------------------------------------------------- R-SCAN-5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contrat de location\nPage 1/2", 2),
        ("page 2 sur 3", 3),
        ("Page 1 of 4", 4),
        ("Página 1 de 2", 2),
        ("blah\n  2 / 3  \n", 3),
        ("1 sur 2", 2),
        ("Facture du 12/04/2026, échéance 15/05", None),
        ("Page 1/1", None),
        ("3 sur 2", None),
        ("Il reste 2 sur 3 parts", None),
    ],
)
def test_pages_announced(text, expected):
    assert quality.pages_announced(text) == expected


def _page(index: int, text: str) -> Page:
    return Page(index, None, text=text, text_source=TextSource.TEXT_LAYER)


def test_fewer_pages_than_announced_is_a_finding_r_scan_5():
    found = quality.missing_pages("bail.pdf", _page(0, "Bail\nPage 1/2"), 1)
    assert found == [
        Finding(
            "pages_missing",
            Severity.WARNING,
            {"file": "bail.pdf", "expected": 2, "present": 1},
            "R-SCAN-5",
        )
    ]
    assert quality.missing_pages("bail.pdf", _page(0, "Bail\nPage 1/2"), 2) == []


def test_suite_au_verso_on_the_last_page_r_scan_5():
    found = quality.missing_pages("acte.pdf", _page(0, "... (suite au verso)"), 1)
    assert [f.code for f in found] == ["page_back_missing"]
    # not on the last page: the back is the next page
    assert quality.missing_pages("acte.pdf", _page(0, "suite au verso"), 2) == []
    assert quality.missing_pages("acte.pdf", _page(1, "T.S.V.P."), 2)[0].code == "page_back_missing"


def test_add_page_findings_names_file_and_page_once():
    source = SourceFile(
        "dossier/bail.pdf", Path("/nonexistent"), "application/pdf", 0, page_count=2
    )
    problems: list[Finding] = []
    blurred = text_page(150).filter(ImageFilter.GaussianBlur(2))
    words = " ".join(["mot"] * 60) + "\nPage 1/3"
    for i in range(2):
        page = Page(i, blurred, text=words, text_source=TextSource.OCR, dpi=150, ocr_confidence=90)
        quality.add_page_findings(problems, source, page)
    assert sorted((f.code, f.params.get("page")) for f in problems) == [
        ("pages_missing", None),
        ("scan_blurred", 1),
        ("scan_blurred", 2),
    ]


def test_low_ocr_confidence_alone_is_hard_to_read():
    source = SourceFile("x.jpg", Path("/nonexistent"), "image/jpeg", 0, page_count=1)
    words = " ".join(["mot"] * 60)
    page = Page(0, text_page(200), text=words, text_source=TextSource.OCR, dpi=200)
    for conf, expected in ((30.0, ["scan_hard_to_read"]), (90.0, [])):
        problems: list[Finding] = []
        quality.add_page_findings(problems, source, replace(page, ocr_confidence=conf))
        assert [f.code for f in problems] == expected


def test_text_layer_pages_are_not_judged_as_scans():
    source = SourceFile("f.pdf", Path("/nonexistent"), "application/pdf", 0, page_count=1)
    blurred = text_page(150).filter(ImageFilter.GaussianBlur(3))
    page = Page(0, blurred, text="facture", text_source=TextSource.TEXT_LAYER, dpi=150)
    problems: list[Finding] = []
    quality.add_page_findings(problems, source, page)
    assert problems == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_quality_code_has_both_messages(lang):
    for code in (
        "scan_low_resolution",
        "scan_too_few_pixels",
        "scan_hard_to_read",
        "scan_blurred",
        "scan_too_dark",
        "scan_too_pale",
        "scan_cut_off",
        "pages_missing",
        "page_back_missing",
    ):
        assert code in TEMPLATES
        text = render(
            Finding(
                code,
                Severity.WARNING,
                {
                    "file": "a.pdf",
                    "page": 2,
                    "dpi": 96,
                    "width": 1,
                    "height": 2,
                    "sides": "left",
                    "expected": 3,
                    "present": 1,
                },
            ),
            lang,
        )
        assert "a.pdf" in text and "{" not in text


# --------------------------------------------------------------------------- calibration


def test_clean_generated_scans_get_no_finding(tmp_path):
    """The generator's clean profile (200-400 dpi, small skew, mild noise, paper
    tone, edge shadow...) must give no finding: four paper documents and a card."""
    from dossier_check.ingest import load_source
    from samples import output
    from samples.generate import _sub
    from samples.people import make_person
    from samples.specimens import BUILDERS
    from samples.specimens.common import Ctx

    as_of = date(2026, 11, 15)
    found = []
    for k, (t, opts) in enumerate(
        [
            ("utility_bill", {"kind": "electricity", "style": "a"}),
            ("lease", {"variant": "receipt"}),
            ("hosting_attestation", {"variant": "typed"}),
            ("payslip", {"variant": "table"}),
            ("residence_permit", {"variant": "titre-card"}),
        ]
    ):
        rng = _sub(5, f"q{k}")
        doc = BUILDERS[t][0](Ctx(rng, as_of, make_person(rng, "MAR", as_of), dict(opts)))
        form = "pdf_image" if len(doc.pages) > 1 or doc.medium == "card" else "png"
        entry = output.emit_corpus(
            doc, str(tmp_path), f"f{k}", rng, as_of, damaged=False, form=form
        )
        src = load_source(entry["path"], tmp_path / entry["path"])
        for page in src.pages:
            found += codes(page.image, page.dpi)
    assert found == []


def test_a_card_scan_with_few_words_is_still_judged():
    """A passport page reads 15-60 words: it is a document, not a photo."""
    source = SourceFile("passeport.jpg", Path("/nonexistent"), "image/jpeg", 0, page_count=1)
    blurred = text_page(150).filter(ImageFilter.GaussianBlur(2))
    words = " ".join(["P<MEX"] * 20)
    page = Page(0, blurred, text=words, text_source=TextSource.OCR, dpi=150, ocr_confidence=90)
    problems: list[Finding] = []
    quality.add_page_findings(problems, source, page)
    assert [f.code for f in problems] == ["scan_blurred"]
    problems = []
    photo = replace(page, text="", text_source=TextSource.NONE)  # not OCR'd: an ID photo
    quality.add_page_findings(problems, source, photo)
    assert problems == []


def _read_back(path: Path) -> list[str]:
    """The quality findings of a file as the analysis sees it (ingest's pages and dpi;
    the OCR is replaced by sixty words so that the page counts as a document)."""
    from dossier_check.ingest import load_source

    source = load_source(path.name, path)
    problems: list[Finding] = []
    for page in source.pages:
        read = replace(page, text=" ".join(["mot"] * 60), text_source=TextSource.OCR)
        quality.add_page_findings(problems, source, read)
    return [f.code for f in problems]


def test_a_100_dpi_scanned_pdf_is_low_resolution_end_to_end(tmp_path):
    """The PDF's own resolution (image pixels over page size) reaches the check."""
    path = tmp_path / "scan.pdf"
    text_page(100).save(path, "PDF", resolution=100.0)
    assert _read_back(path) == ["scan_low_resolution"]
    text_page(200).save(path, "PDF", resolution=200.0)
    assert _read_back(path) == []


def test_a_phone_photo_tagged_72_dpi_is_not_low_resolution(tmp_path):
    """A camera writes 72 dpi on a 2480 x 3508 photo: a 34-inch page, not believed."""
    path = tmp_path / "IMG_0001.jpg"
    text_page(300).save(path, "JPEG", quality=90, dpi=(72, 72))
    assert _read_back(path) == []
