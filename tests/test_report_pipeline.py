"""Every report format on the real sample dossiers, end to end (needs Tesseract).

- no format shows an identifier from the complete sample's manifest, and
  the thumbnails cannot be read back by OCR either;
- OCR text appears only with --debug;
- ``dossier-check batch samples/dossiers --format junit`` is JUnit XML that
  junitparser reads, with the failures where the samples' manifests put them.

The samples are OCR'd once per test run: the xdist workers share one cache
folder, and a file lock makes the second worker wait for the first one's
results instead of OCR-ing the same pages beside it.
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
import pytesseract
import pytest
from junitparser import Failure, JUnitXml, Skipped
from PIL import Image

from dossier_check.cli import main
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


@contextmanager
def shared_ocr_cache(factory: pytest.TempPathFactory) -> Iterator[None]:
    """One OCR cache for every worker of this run, used by one worker at a time."""
    root = factory.getbasetemp().parent  # the folder the xdist workers' temp dirs share
    old = os.environ.get("DOSSIER_CHECK_CACHE_DIR")
    os.environ["DOSSIER_CHECK_CACHE_DIR"] = str(root / "report-pipeline-cache")
    with open(root / "report-pipeline.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            if old is None:
                del os.environ["DOSSIER_CHECK_CACHE_DIR"]
            else:
                os.environ["DOSSIER_CHECK_CACHE_DIR"] = old


def check(fmt: str, output: Path, *extra: str) -> str:
    """``dossier-check check samples/dossiers/complete`` into ``output``; its text."""
    code = main(
        [
            "check",
            str(SAMPLES / "complete"),
            "--as-of",
            AS_OF,
            "--format",
            fmt,
            "--output",
            str(output),
            "--jobs",
            "2",
            *extra,
        ]
    )
    assert code in (0, 1), fmt
    return _pdf_text(output) if output.suffix == ".pdf" else output.read_text("utf-8")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every format (and both PDFs) of the complete sample through the CLI, then
    ``json-debug``, ``html-debug`` and ``html-shown`` (--show-identifiers)."""
    out = tmp_path_factory.mktemp("reports")
    with shared_ocr_cache(tmp_path_factory):
        texts = {fmt: check(fmt, out / name) for fmt, name in OUTPUTS.items()}
        texts |= {f"{fmt}-pdf": check(fmt, out / name) for fmt, name in PDF_OUTPUTS.items()}
        texts["json-debug"] = check("json", out / "debug.json", "--debug")
        texts["html-debug"] = check("html", out / "debug.html", "--debug")
        texts["html-shown"] = check("html", out / "shown.html", "--show-identifiers")
    return texts


def test_no_format_shows_an_identifier(rendered: dict[str, str]) -> None:
    for secret in identifiers("complete"):
        for fmt in (*OUTPUTS, "html-pdf", "letter-pdf", "json-debug", "html-debug"):
            assert secret not in _flat(rendered[fmt]), f"{fmt} shows {secret}"
    assert "*****2721" in rendered["html"]  # the passport number is there, masked


def test_show_identifiers_unmasks_the_html_report(rendered: dict[str, str]) -> None:
    shown = _flat(rendered["html-shown"])
    assert all(s in shown for s in identifiers("complete"))  # what the grep above looks for


def test_thumbnails_cannot_be_read_back(rendered: dict[str, str]) -> None:
    """OCR on each thumbnail, blown up 4x, finds no 5 characters of any identifier."""
    uris = re.findall(r'src="data:image/jpeg;base64,([^"]+)"', rendered["html"])
    assert len(uris) == len(manifest("complete")["files"])
    pieces = {s[i : i + 5] for s in identifiers("complete") for i in range(len(s) - 4)}
    for data in uris:
        with Image.open(io.BytesIO(base64.b64decode(data))) as img:
            assert max(img.size) <= 160
            big = img.resize((img.width * 4, img.height * 4), Image.Resampling.LANCZOS)
        read = _flat(pytesseract.image_to_string(big, config="--psm 11")).upper()
        leaked = sorted(p for p in pieces if p in read)
        assert not leaked, leaked


def test_ocr_text_only_with_debug(rendered: dict[str, str]) -> None:
    files = json.loads(rendered["json-debug"])["files"]
    lines = [
        line.strip()
        for f in files
        for line in str(f.get("debug", {}).get("text", "")).splitlines()
        if len(re.findall(r"[^\W\d_]{3,}", line)) >= 4  # words, not a lone (masked) number
        and not set(line) & set("<>&'\"*")  # the same in HTML, escaped or not
    ]
    assert lines, "--debug puts the OCR text in the JSON report"
    for fmt in (*OUTPUTS, "html-pdf", "letter-pdf"):
        leaked = [line for line in lines if line in rendered[fmt]]
        assert not leaked, (fmt, leaked[:3])
    assert any(line in rendered["html-debug"] for line in lines)
    assert "Texte lu (débogage)" in rendered["html-debug"]


def test_batch_junit_is_read_by_junitparser(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, capsys
) -> None:
    out = tmp_path / "dossiers.xml"
    with shared_ocr_cache(tmp_path_factory):  # the three samples share their files
        code = main(
            [
                "batch",
                str(SAMPLES),
                "--as-of",
                AS_OF,
                "--format",
                "junit",
                "--output",
                str(out),
                "--jobs",
                "2",
            ]
        )
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
