"""Every report format on the real sample dossiers, end to end (needs Tesseract).

- no format shows an identifier from the complete sample's manifest, and
  the thumbnails cannot be read back by OCR either;
- OCR text appears only with --debug;
- ``dossier-check batch samples/dossiers --format junit`` is JUnit XML that
  junitparser reads, with the failures where the samples' manifests put them.
"""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import date
from pathlib import Path

import pypdf
import pytesseract
import pytest
from junitparser import Failure, JUnitXml, Skipped
from PIL import Image

from dossier_check import api
from dossier_check.cli import main
from dossier_check.report import html
from tests.conftest import REPO

pytestmark = pytest.mark.tesseract

SAMPLES = REPO / "samples" / "dossiers"
AS_OF = "2026-11-15"
OUTPUTS = {  # format -> output file name (PDF: what a volunteer prints)
    "text": "report.txt",
    "json": "report.json",
    "junit": "report.xml",
    "html": "report.html",
    "letter": "letter.html",
}
PDF_OUTPUTS = {"html": "report.pdf", "letter": "letter.pdf"}


def manifest(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.manifest.json").read_text())


def identifiers(name: str) -> list[str]:
    """document_number, iban and nir of every file of the sample, spaces removed."""
    found = []
    for f in manifest(name)["files"]:
        for key in ("document_number", "iban", "nir"):
            value = (f.get("fields") or {}).get(key)
            if value:
                found.append("".join(str(value).split()))
    assert found, "the manifest should list identifiers"
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every format (and both PDFs) of the complete sample, through the CLI."""
    out_dir = tmp_path_factory.mktemp("reports")
    texts: dict[str, str] = {}
    folder = str(SAMPLES / "complete")
    for fmt, name in {**OUTPUTS, **{f"{k}-pdf": v for k, v in PDF_OUTPUTS.items()}}.items():
        path = out_dir / name
        code = main(["check", folder, "--as-of", AS_OF, "--format", fmt.removesuffix("-pdf"),
                     "--output", str(path), "--jobs", "2"])
        assert code in (0, 1), fmt
        texts[fmt] = _pdf_text(path) if path.suffix == ".pdf" else path.read_text("utf-8")
    return texts


def test_no_format_shows_an_identifier(rendered: dict[str, str]) -> None:
    assert set(rendered) == {*OUTPUTS, "html-pdf", "letter-pdf"}
    for secret in identifiers("complete"):
        for fmt, text in rendered.items():
            assert secret not in _flat(text), f"{fmt} shows {secret}"
    assert "*****2721" in rendered["html"]  # the passport number is there, masked


def test_show_identifiers_unmasks_the_html_report(tmp_path: Path, capsys) -> None:
    secrets = identifiers("complete")
    main(["check", str(SAMPLES / "complete"), "--as-of", AS_OF, "--format", "html",
          "--show-identifiers", "--jobs", "2"])
    out = _flat(capsys.readouterr().out)
    assert all(s in out for s in secrets)  # so the masking test above can see them


@pytest.fixture(scope="module")
def complete_debug() -> api.DossierReport:
    options = api.Options(as_of=date.fromisoformat(AS_OF), jobs=2, debug=True)
    return api.check_dossier(SAMPLES / "complete", options)


def test_thumbnails_cannot_be_read_back(complete_debug: api.DossierReport) -> None:
    """OCR on each thumbnail, blown up 4x, finds no 5 characters of any identifier."""
    page = html.render_report(complete_debug, "fr")
    uris = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', page)
    assert len(uris) == len(complete_debug.documents)
    pieces = {s[i : i + 5] for s in identifiers("complete") for i in range(len(s) - 4)}
    for data in uris:
        with Image.open(io.BytesIO(base64.b64decode(data))) as img:
            assert max(img.size) <= 160
            big = img.resize((img.width * 4, img.height * 4), Image.Resampling.LANCZOS)
        read = _flat(pytesseract.image_to_string(big, config="--psm 11")).upper()
        leaked = sorted(p for p in pieces if p in read)
        assert not leaked, leaked


def test_ocr_text_only_with_debug(complete_debug: api.DossierReport) -> None:
    docs = [d for d in complete_debug.documents if d.debug.get("text")]
    assert docs
    line = max(str(docs[0].debug["text"]).splitlines(), key=len).strip()
    assert line
    assert line not in html.render_report(complete_debug, "fr", debug=False)
    debug_page = html.render_report(complete_debug, "fr", debug=True)
    assert "Texte lu (débogage)" in debug_page


def test_batch_junit_is_read_by_junitparser(tmp_path: Path, capsys) -> None:
    out = tmp_path / "dossiers.xml"
    code = main(["batch", str(SAMPLES), "--as-of", AS_OF, "--format", "junit",
                 "--output", str(out), "--jobs", "2"])
    assert code == 1  # two clients are incomplete
    xml = JUnitXml.fromfile(str(out))
    suites = {s.name: s for s in xml}
    assert sorted(suites) == ["complete", "missing-residence", "missing-rib"]
    for name, suite in suites.items():
        expected = manifest(name)["expected"]["requirements"]
        cases = {c.name: c for c in suite}
        assert set(cases) == set(expected)
        assert suite.tests == len(expected)
        for req, status in expected.items():
            kinds = {type(r) for r in cases[req].result}
            if status in ("missing", "expired", "invalid"):
                assert kinds == {Failure}, (name, req)
                failure = cases[req].result[0]
                assert failure.type == status and failure.message
            elif status == "not_applicable":
                assert kinds == {Skipped}, (name, req)
    assert suites["complete"].failures == 0
    assert "client" in capsys.readouterr().err  # the summary table
