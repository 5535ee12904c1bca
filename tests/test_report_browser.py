"""The HTML report and the letter in a real browser (Debian's headless chromium).

Chromium loads the saved page from disk with the network off; the test reads
the DOM it built (``--dump-dom``), takes a screenshot into the test's temp
dir and prints the page to PDF, then checks the PDF has readable A4 pages.
Skipped when no chromium is installed (``scripts/setup.sh`` installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from dossier_check.report import html, letter
from tests.golden import reports as R

CHROMIUM = next(
    (p for p in ("chromium", "chromium-browser", "google-chrome") if shutil.which(p)), None
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (scripts/setup.sh installs it)"
)
A4_POINTS = (595, 842)


def chromium(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run headless chromium once; as root it needs --no-sandbox."""
    assert CHROMIUM is not None
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--proxy-server=127.0.0.1:9",  # the report needs no network: prove it
        f"--user-data-dir={cwd / 'chromium-profile'}",
        *args,
    ]
    env = {**os.environ, "HOME": str(cwd)}
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=90, check=True, cwd=cwd, env=env
    )


class Marks(HTMLParser):
    """Collects the checklist rows (requirement id, status, mark) and the page text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, tuple[str, str]] = {}
        self.text: list[str] = []
        self.images: list[str] = []
        self._row: tuple[str, str] | None = None
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and a.get("data-requirement"):
            self._row = (a["data-requirement"] or "", a.get("data-status") or "")
        if tag == "td" and "mark" in (a.get("class") or "").split() and self._row:
            self._in_mark = True
        if tag == "img":
            self.images.append(a.get("src") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_mark and self._row and data.strip():
            self.rows[self._row[0]] = (self._row[1], data.strip())


def render_in_browser(page: str, tmp_path: Path, name: str) -> tuple[Marks, Path, Path]:
    """Save ``page``, dump its DOM, screenshot it and print it to PDF."""
    source = tmp_path / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    shot, pdf = tmp_path / f"{name}.png", tmp_path / f"{name}.pdf"
    dom = chromium(
        "--window-size=1000,1400",
        f"--screenshot={shot}",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        "--dump-dom",
        source.as_uri(),
        cwd=tmp_path,
    ).stdout
    parsed = Marks()
    parsed.feed(dom)
    return parsed, shot, pdf


def pdf_pages(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(pdf)
    for page in reader.pages:
        width, height = (round(float(x)) for x in page.mediabox.upper_right)
        assert (width, height) == A4_POINTS, "print stylesheet asks for A4"
    return [page.extract_text() for page in reader.pages]


def test_html_report_renders_with_the_right_marks(tmp_path: Path) -> None:
    report = R.to_fix()
    dom, shot, pdf = render_in_browser(html.render_report(report, "fr"), tmp_path, "report")
    expected = {q.id: q.status.value for q in report.requirements}
    assert {k: v[0] for k, v in dom.rows.items()} == expected
    marks = {k: v[1] for k, v in dom.rows.items()}
    assert marks["identity"] == marks["proof_of_residence"] == marks["bank_details"] == "✘"
    assert marks["residence_permit"] == "✔" and marks["id_photo"] == "!"
    assert marks["employment_proof"] == "–"
    text = " ".join(" ".join(dom.text).split())
    for key in (
        "INCOMPLET",
        "Pièces demandées",
        "scan0042.jpg a expiré le 2026-03-03.",
        "Passeport",
        "*****2721",
    ):
        assert key in text, key
    # thumbnails are inlined: no file or network URL anywhere
    assert dom.images and all(src.startswith("data:image/jpeg;base64,") for src in dom.images)
    with Image.open(shot) as img:
        assert img.size == (1000, 1400)
        assert len(img.convert("L").getcolors(1 << 16) or ()) > 50  # not a blank page
    pages = pdf_pages(pdf)
    assert "Pièces demandées" in pages[0] and "expiré" in pages[0]
    assert any("numerisation_061.jpeg" in p for p in pages)


def test_batch_html_index_links_every_client(tmp_path: Path) -> None:
    page = html.render_batch(R.batch(), "en", thumbnailer=None)
    dom, _, pdf = render_in_browser(page, tmp_path, "batch")
    text = " ".join(" ".join(dom.text).split())
    assert "1 complete, 2 incomplete, 1 not checked out of 4" in text
    for i, name in enumerate(("broken", "complete", "missing-residence", "missing-rib"), 1):
        assert f'<a href="#client-{i}">{name}</a>' in page  # the index links ...
        assert f'id="client-{i}" data-dossier="{name}"' in page  # ... to the sections
    assert len(pdf_pages(pdf)) >= 4  # each client starts a new printed page


@pytest.mark.parametrize(
    "lang,key",
    [
        ("fr", "Votre passeport a expiré le 3 mars 2026 : apportez un passeport valide."),
        ("en", "Your passport expired on 3 March 2026: bring a passport that is still valid."),
    ],
)
def test_letter_renders_and_prints_on_one_page(tmp_path: Path, lang: str, key: str) -> None:
    page = letter.render_letter(R.to_fix(), lang)
    dom, shot, pdf = render_in_browser(page, tmp_path, f"letter-{lang}")
    text = " ".join(" ".join(dom.text).split())
    assert key in text
    assert "scan0042" not in text and "R-ID" not in text  # no file names, no rule ids
    assert shot.stat().st_size > 10_000
    pages = pdf_pages(pdf)
    assert len(pages) == 1, "the letter fits one A4 page"
    assert key.split(":")[0].split(" : ")[0] in " ".join(pages[0].split())
