"""The HTML report's own pieces: real thumbnails, masking, anchors (no OCR)."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import replace
from pathlib import Path

from PIL import Image

from dossier_check.model import DossierReport, Page
from dossier_check.report import html
from dossier_check.report.json import mask_text
from dossier_check.report.text import render_classify
from dossier_check.report.thumbs import MAX_SIDE, thumbnail_image, thumbnail_uri
from tests.golden import reports as R


def _doc(report: DossierReport, path: str):  # type: ignore[no-untyped-def]
    return next(d for d in report.documents if d.path == path)


def test_thumbnails_are_small_inline_jpegs_of_every_readable_file() -> None:
    page = html.render_report(R.complete(), "fr")
    uris = re.findall(r'<img src="data:image/jpeg;base64,([^"]+)"', page)
    assert len(uris) == len(R.complete().documents)
    for data in uris:
        with Image.open(io.BytesIO(base64.b64decode(data))) as img:
            assert img.format == "JPEG" and max(img.size) <= MAX_SIDE
    assert "http://" not in page and "https://" not in page  # nothing to fetch


def test_thumbnail_is_turned_upright_like_the_ocr_did() -> None:
    form = _doc(R.complete(), R.FORM)  # scanned a quarter-turn off; OCR found 90°
    upright = thumbnail_image(form)
    unturned = thumbnail_image(replace(form, source=replace(form.source, pages=(Page(0),))))
    assert upright is not None and unturned is not None
    assert upright.height > upright.width and unturned.width > unturned.height


def test_thumbnail_is_blurred() -> None:
    """The sharpest edge left is soft: no thin stroke (a character) survives."""
    thumb = thumbnail_image(_doc(R.complete(), R.RIB))
    assert thumb is not None
    gray = thumb.convert("L")
    px = gray.load()
    steps = [
        abs(px[x + 1, y] - px[x, y]) for y in range(gray.height) for x in range(gray.width - 1)
    ]
    assert max(steps) < 110, max(steps)


def test_a_file_that_cannot_be_read_has_no_thumbnail_and_the_page_still_renders() -> None:
    report = R.to_fix()  # scan0099.jpg does not exist
    assert thumbnail_uri(_doc(report, "scan0099.jpg")) is None
    page = html.render_report(report, "en")
    assert "no preview" in page and "scan0099.jpg" in page


def test_checklist_links_each_file_to_its_section() -> None:
    page = html.render_report(R.complete(), "fr", thumbnailer=None)
    for i, d in enumerate(R.complete().documents, 1):
        assert f'<article class="file" id="file-{i}"' in page
        assert f'href="#file-{i}">{d.path}</a>' in page or d.type == "unknown"


def test_evidence_and_fields_are_masked_unless_asked() -> None:
    masked = html.render_report(R.to_fix(), "fr", thumbnailer=None)
    shown = html.render_report(R.to_fix(), "fr", show=True, thumbnailer=None)
    for secret in ("FR7631407059278021670812156", "P73602721"):
        assert secret not in masked.replace(" ", "") and secret in shown.replace(" ", "")
    assert "IBAN *" in masked  # the unknown file's evidence quotes an IBAN: masked by shape


def test_mask_text_hides_identifier_shapes_and_known_values() -> None:
    assert mask_text("number X12345678 read", ["X12345678"]) == "number *****5678 read"
    assert mask_text("IBAN FR76 3000 6000 0112 3456 7890 189 ok") == (
        "IBAN ***********************0189 ok"
    )
    assert mask_text("NIR 2 96 09 99 355 123 45") == "NIR ***********2345"
    mrz = "P73602721<2MEX9609305F3307168<<<<<<<<<<<<<<04"
    assert mask_text(mrz) == "*" * (len(mrz) - 4) + "<<04"
    keep = "MRZ TD3 with valid check digits, 1 face, 467x600 portrait, 2026-11-15"
    assert mask_text(keep) == keep
    assert mask_text("IBAN FR76 3000 6000 0112 3456 7890 189", show=True).endswith("189")


def test_debug_shows_the_ocr_text_masked(tmp_path: Path) -> None:
    rib = _doc(R.complete(), R.RIB)
    text = "Titulaire Mme CASTAÑEDA\nIBAN FR76 3140 7059 2780 2167 0812 156\n"
    report = replace(
        R.complete(),
        documents=tuple(
            replace(d, debug={"text": text}) if d.path == rib.path else d
            for d in R.complete().documents
        ),
    )
    assert "Titulaire" not in html.render_report(report, "fr", thumbnailer=None)
    page = html.render_report(report, "fr", debug=True, thumbnailer=None)
    assert "Titulaire Mme CASTAÑEDA" in page and "FR763140" not in page.replace(" ", "")


def test_classify_text_masks_evidence_too() -> None:
    docs = [d for d in R.to_fix().documents if d.type in ("rib", "unknown")]
    out = render_classify(docs).replace(" ", "")
    assert not any(s in out for s in R.IDENTIFIERS) and "2156" in out
    assert "FR7631407059278021670812156" in render_classify(docs, show=True)
