"""The applicant's letter: plain words, only what to bring or fix (no OCR)."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pypdf
import pytest

from dossier_check import messages as m
from dossier_check.messages import long_date
from dossier_check.model import (
    DossierReport,
    Finding,
    RequirementResult,
    Severity,
    Status,
)
from dossier_check.profiles import available, load_file
from dossier_check.report.letter import _sentence, build_letter, render_letter, to_pdf
from tests.golden import reports as R

PARAMS = {
    "file": R.PASSPORT,
    "date": "2026-03-03",
    "needed": 3,
    "count": 1,
    "name": "M. X",
    "expected": "DOE",
    "months": 6,
    "host": "M. Y",
    "country": "US",
    "field": "iban",
    "minimum": 12,
    "width": 200,
}


def _technical(text: str) -> list[str]:
    """snake_case codes, rule ids, file names, ISO dates: none belongs in a letter."""
    return re.findall(
        r"\b[a-z]+_[a-z_]+\b|\bR-[A-Z]+-\d+\b|\w+\.(?:pdf|jpe?g|png)\b"
        r"|\d{4}-\d{2}-\d{2}",
        text,
        flags=re.IGNORECASE,
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_expired_passport_in_plain_words(lang: str) -> None:
    letter = build_letter(R.to_fix(), lang)
    expected = {
        "fr": "Votre passeport a expiré le 3 mars 2026 : apportez un passeport valide.",
        "en": "Your passport expired on 3 March 2026: bring a passport that is still valid.",
    }[lang]
    assert letter.to_fix[0] == expected
    assert not letter.complete and len(letter.to_fix) == 3 and len(letter.advice) == 4


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("table", ["LETTER_FINDINGS", "LETTER_ADVICE"])
def test_every_letter_sentence_fills_in_and_stays_plain(lang: str, table: str) -> None:
    docs = {d.path: d for d in R.complete().documents}
    for code in getattr(m, table):
        finding = Finding(code, Severity.ERROR, PARAMS)
        text = _sentence(finding, getattr(m, table), docs, lang)
        assert text and "{" not in text and not _technical(text), (code, text)


def test_every_requirement_of_every_profile_has_words_when_missing() -> None:
    for path in available().values():
        for req in load_file(path).requirements:
            blank = RequirementResult(req.id, Status.MISSING)
            report = DossierReport("puma", R.AS_OF, "x", (), (blank,))
            for lang in ("fr", "en"):
                (line,) = build_letter(report, lang).to_fix
                assert not _technical(line), line


def test_findings_without_words_fall_back_to_the_requirement() -> None:
    odd = Finding("some_new_code", Severity.ERROR, {"file": "a.pdf"})
    q = RequirementResult("birth_certificate", Status.INVALID, ("a.pdf",), (odd,))
    report = DossierReport("puma", R.AS_OF, "x", (), (q,))
    (line,) = build_letter(report, "fr").to_fix
    assert line.startswith("Acte de naissance : le document ne convient pas")


def test_complete_dossier_letter_says_there_is_nothing_to_bring() -> None:
    letter = build_letter(R.complete(), "fr")
    assert letter.complete and letter.to_fix == () and letter.name == "Valeria CASTANEDA"
    assert "Vous n&#39;avez rien d&#39;autre à apporter" in render_letter(R.complete(), "fr")


def test_broken_folder_letter_asks_to_come_back() -> None:
    page = render_letter(R.broken(), "en")
    assert "We could not read your file" in page and "permission" not in page


def test_letter_never_shows_codes_files_or_identifiers() -> None:
    for report in R.samples().values():
        for lang in ("fr", "en"):
            letter = build_letter(report, lang)
            body = " ".join(letter.to_fix + letter.advice)
            assert not _technical(body), body
            assert not any(s in body for s in R.IDENTIFIERS)


def test_same_sentence_is_listed_once() -> None:
    bills = [
        Finding("other_name", Severity.ERROR, {"file": p, "name": "X"})
        for p in (R.BILL_SEP, R.BILL_OCT)
    ]
    q = RequirementResult("proof_of_residence", Status.INVALID, (), tuple(bills))
    report = DossierReport("puma", R.AS_OF, "x", R.complete().documents, (q,))
    assert build_letter(report, "fr").to_fix == (
        "Votre facture n'est pas à votre nom : apportez une facture à votre nom.",
    )


def test_long_dates() -> None:
    assert long_date("2026-03-01", "fr") == "1er mars 2026"
    assert long_date("2026-12-25", "en") == "25 December 2026"
    assert long_date("bientôt", "fr") == "bientôt"


def test_letter_pdf_is_one_a4_page() -> None:
    pdf = pypdf.PdfReader(io.BytesIO(to_pdf(render_letter(R.to_fix(), "fr"))))
    assert len(pdf.pages) == 1
    assert [round(float(x)) for x in pdf.pages[0].mediabox.upper_right] == [595, 842]
    text = " ".join(pdf.pages[0].extract_text().split())
    assert "apportez un passeport valide" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_blurred_page_and_missing_pages_are_advice_in_plain_words(lang: str) -> None:
    """R-SCAN-3 / R-SCAN-5 findings on a file become one plain sentence each."""
    complete = R.complete()
    docs = []
    for d in complete.documents:
        if d.path == R.PASSPORT:
            blur = Finding("scan_blurred", Severity.WARNING, {"file": d.path, "page": 1})
            more = Finding(
                "pages_missing", Severity.WARNING, {"file": d.path, "expected": 2, "present": 1}
            )
            d = replace(d, problems=(blur, more))
        docs.append(d)
    letter = build_letter(replace(complete, documents=tuple(docs)), lang)
    expected = {
        "fr": [
            "Votre passeport se lit mal sur la copie : apportez une copie plus nette, ou "
            "l'original pour que nous le numérisions.",
            "Il manque des pages à votre passeport : apportez toutes ses pages, recto et verso.",
        ],
        "en": [
            "Your passport is hard to read on the copy: bring a clearer copy, or the original "
            "so that we can scan it.",
            "Pages of your passport are missing: bring every page, front and back.",
        ],
    }[lang]
    assert list(letter.advice) == expected
    assert not _technical(" ".join(letter.advice))
