"""The report formats through the command line, on empty dossiers (no OCR needed)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest

from dossier_check import cli
from dossier_check.cli import BatchProgress, main, progress_wanted

AS_OF = "2026-11-15"


def clients(tmp_path: Path, *names: str) -> Path:
    parent = tmp_path / "clients"
    for name in names:
        (parent / name).mkdir(parents=True)
    return parent


@pytest.mark.parametrize(
    "fmt,marker",
    [
        ("html", "<!DOCTYPE html>"),
        ("letter", "Apportez votre passeport ou votre carte d&#39;identité"),
        ("junit", "<testsuites"),
    ],
)
def test_check_writes_each_format(tmp_path: Path, capsys, fmt: str, marker: str) -> None:
    dossier = tmp_path / "dupont"
    dossier.mkdir()
    code = main(["check", str(dossier), "--as-of", AS_OF, "--format", fmt, "--lang", "fr"])
    out = capsys.readouterr().out
    assert code == 1 and marker in out


def test_letter_to_pdf_when_output_ends_in_pdf(tmp_path: Path, capsys) -> None:
    dossier = tmp_path / "dupont"
    dossier.mkdir()
    out = tmp_path / "lettre.pdf"
    code = main(
        [
            "check",
            str(dossier),
            "--as-of",
            AS_OF,
            "--format",
            "letter",
            "--output",
            str(out),
            "--lang",
            "fr",
        ]
    )
    assert code == 1
    reader = pypdf.PdfReader(out)
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 and "Apportez un RIB" in text
    assert "CreationDate" not in str(reader.metadata)  # same dossier, same bytes


def test_html_report_prints_to_pdf_too(tmp_path: Path, capsys) -> None:
    dossier = tmp_path / "dupont"
    dossier.mkdir()
    out = tmp_path / "rapport.pdf"
    main(["check", str(dossier), "--as-of", AS_OF, "--format", "html", "--output", str(out)])
    assert out.read_bytes().startswith(b"%PDF")


def test_pdf_output_for_a_text_format_is_a_usage_error(tmp_path: Path, capsys) -> None:
    dossier = tmp_path / "dupont"
    dossier.mkdir()
    out = tmp_path / "r.pdf"
    code = main(["check", str(dossier), "--format", "json", "--output", str(out)])
    assert code == 2 and not out.exists()
    assert "--format letter" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["json", "junit", "html", "letter"])
def test_batch_formats_cover_every_client_and_summarise_on_stderr(
    tmp_path: Path, capsys, fmt: str
) -> None:
    parent = clients(tmp_path, "b-martin", "a-dupont")
    code = main(["batch", str(parent), "--as-of", AS_OF, "--format", fmt, "--lang", "en"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.index("a-dupont") < captured.out.index("b-martin")  # stable order
    assert "client" in captured.err and "a-dupont" in captured.err  # the summary table
    assert "\x1b[" not in captured.err  # no colour, no progress bar outside a terminal
    if fmt == "junit":
        root = ET.fromstring(captured.out)
        assert [s.get("name") for s in root] == ["a-dupont", "b-martin"]
    if fmt == "json":
        assert json.loads(captured.out)["summary"]["incomplete"] == 2


def test_batch_text_keeps_its_summary_on_stdout_only(tmp_path: Path, capsys) -> None:
    parent = clients(tmp_path, "a-dupont")
    main(["batch", str(parent), "--as-of", AS_OF, "--lang", "en"])
    captured = capsys.readouterr()
    assert "a-dupont" in captured.out and captured.err == ""


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert progress_wanted(Tty()) and not progress_wanted(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not progress_wanted(Tty())


def test_progress_counts_files_and_dossiers() -> None:
    bar = BatchProgress([2, 0, 1], "en", Tty())
    assert bar._dossiers() == "0/3 dossiers"
    bar.file_done("a.pdf")
    assert bar._dossiers() == "0/3 dossiers"
    bar.file_done("b.pdf")  # the first dossier is done, and the empty one with it
    assert bar._dossiers() == "2/3 dossiers"
    bar.file_done("c.pdf")
    assert bar._dossiers() == "3/3 dossiers"
    task = bar.progress.tasks[0]
    assert (task.completed, task.total) == (3, 3)


def test_batch_shows_progress_on_a_terminal(tmp_path: Path, monkeypatch, capsys) -> None:
    parent = clients(tmp_path, "a-dupont")
    (parent / "a-dupont" / "note.txt").write_text("hello")
    monkeypatch.delenv("CI", raising=False)
    err = Tty()
    monkeypatch.setattr(cli.sys, "stderr", err)
    main(["batch", str(parent), "--as-of", AS_OF, "--format", "json", "--jobs", "1"])
    assert "1/1 dossiers" in err.getvalue() or "files" in err.getvalue()
