"""A PDF whose text layer says nothing of what the page shows is read by OCR
(analyse.py): its body drawn as a picture or outlines, its layer only a footer."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from dossier_check import api
from dossier_check.model import TextSource
from samples.canvas import Page as Canvas
from samples.canvas import render_pdf, render_raster

FOOTER = (
    "Document établi à la demande du client. Les informations qu'il contient sont "
    "communiquées sous réserve d'erreurs ou d'omissions. Conformément au règlement "
    "général sur la protection des données, vous disposez d'un droit d'accès, de "
    "rectification et d'opposition que vous pouvez exercer auprès de votre agence. "
    "Société anonyme au capital de cinquante millions d'euros, siège social à Lyon, "
    "immatriculée au registre du commerce et des sociétés sous le numéro indiqué "
    "sur votre contrat, intermédiaire en assurance inscrit à l'organisme compétent."
)


def _outlined_rib(path: Path) -> Path:
    body = Canvas(180, 70)
    body.text(4, 12, "RELEVÉ D'IDENTITÉ BANCAIRE", "dejavu-sans", 15, "bold")
    body.text(4, 26, "Titulaire du compte : M. Karim BENALI", "dejavu-sans", 11)
    body.text(4, 40, "IBAN : FR76 3000 6000 0112 3456 7890 189", "dejavu-sans", 12, "bold")
    body.text(4, 52, "BIC : AGRIFRPP882", "dejavu-sans", 11)
    page = Canvas()
    page.picture(15, 20, 180, 70, render_raster(body, 300))
    page.para(15, 110, 180, FOOTER, "dejavu-sans", 9)
    render_pdf([page], str(path), datetime(2026, 10, 1))
    return path


def test_rib_drawn_out_of_its_text_layer_is_read_from_the_page(tmp_path: Path) -> None:
    """R-RIB-1: the layer holds a long footer and no bank word; the RIB is drawn. Typed
    from the OCR of the page, not 'unknown' (a RIB reported missing)."""
    path = _outlined_rib(tmp_path / "rib.pdf")

    doc = api.analyse_file("rib.pdf", path, api.Options(as_of=date(2026, 11, 15), use_cache=False))

    assert doc.type == "rib"
    assert doc.fields["iban"] == "FR7630006000011234567890189"
    assert doc.source.pages[0].text_source is TextSource.OCR


def test_text_pdf_that_is_no_document_keeps_its_layer(tmp_path: Path) -> None:
    """Read again by OCR, a page that still says nothing stays as its layer gave it."""
    page = Canvas()
    page.para(15, 30, 180, FOOTER, "dejavu-sans", 9)
    path = tmp_path / "notice.pdf"
    render_pdf([page], str(path), datetime(2026, 10, 1))

    doc = api.analyse_file(
        "notice.pdf", path, api.Options(as_of=date(2026, 11, 15), use_cache=False)
    )

    assert doc.type == "unknown"
    assert doc.source.pages[0].text_source is TextSource.TEXT_LAYER
