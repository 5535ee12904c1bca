"""Finding the MRZ band among OCR words and re-reading it (R-MRZ-1, R-MRZ-2).

No Tesseract here: the re-read is replaced by canned readings, so what is
tested is which lines make the band and which reading is kept.
"""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image

from dossier_check.fields import mrz_band
from dossier_check.fields.mrz import compose_td3
from dossier_check.model import Word

VALID = compose_td3(
    issuing_state="UTO", surname="ERIKSSON", given_names="ANNA MARIA",
    document_number="L898902C3", nationality="UTO", birth_date=date(1974, 8, 12), sex="F",
    expiry_date=date(2032, 4, 15),
)  # fmt: skip


def words(*lines: str) -> list[Word]:
    return [Word(text, 95.0, 10, 40 * i, 20 * len(text), 30, i) for i, text in enumerate(lines)]


def texts(band: list[Word]) -> list[str]:
    return [w.text for w in band]


def test_line_with_fillers_makes_the_band() -> None:
    assert texts(mrz_band.band_words(words("Nom / Surname", VALID[0]))) == [VALID[0]]


def test_blurred_line_without_fillers_joins_an_mrz_like_neighbour() -> None:
    """Fillers read as letters: no '<' on either line, both mostly MRZ characters."""
    top = "PKUTOERIKSSONKKANNAKMARIAKKKKKKKKK"
    bottom = "L898902C36UTO7408122F1204159ZE184226B"
    band = mrz_band.band_words(words("PASSEPORT", top, bottom))
    assert texts(band) == [top, bottom]


def test_lone_capitals_line_is_not_a_band() -> None:
    """An IBAN line alone on a RIB: long and all capitals and digits, no neighbour."""
    band = mrz_band.band_words(words("Titulaire", "IBANFR7630006000011234567890189", "BIC"))
    assert band == []


def test_failing_read_is_retried_and_the_valid_one_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = VALID[0] + "\n" + VALID[1][:-1] + "7"  # composite misread
    reads = iter([bad, "\n".join(VALID)])
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image) -> str:
        calls.append(crop)
        return next(reads)

    monkeypatch.setattr(mrz_band, "_read", fake_read)
    gray = Image.new("L", (2000, 200), 255)
    assert mrz_band.read_mrz_band(gray, words(*bad.splitlines())) == "\n".join(VALID)
    assert len(calls) == 2


def test_valid_page_read_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mrz_band, "_read", lambda crop: pytest.fail("band read again"))
    gray = Image.new("L", (2000, 200), 255)
    assert mrz_band.read_mrz_band(gray, words("PASSPORT", *VALID)) == "\n".join(VALID)


def test_valid_first_read_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image) -> str:
        calls.append(crop)
        return "\n".join(VALID)

    monkeypatch.setattr(mrz_band, "_read", fake_read)
    gray = Image.new("L", (2000, 200), 255)
    page_read = [VALID[0], VALID[1][:-1] + "7"]  # composite misread on the page
    assert mrz_band.read_mrz_band(gray, words(*page_read)) == "\n".join(VALID)
    assert len(calls) == 1


def test_no_band_no_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mrz_band, "_read", lambda crop: pytest.fail("read without a band"))
    assert mrz_band.read_mrz_band(Image.new("L", (100, 100), 255), words("Facture")) == ""


def test_lines_of_ordinary_text_are_not_a_band() -> None:
    """A lease or a letter is not re-read three times for an MRZ (issue 6): lower-case
    lines and all-capitals headings without digits never make a band."""
    lines = (
        "Le logement est loue a usage exclusif d habitation principale du locataire",
        "LOGEMENT MEUBLE A USAGE DE RESIDENCE PRINCIPALE SOUMIS AU TITRE",
        "CONDITIONS FINANCIERES DU CONTRAT DE LOCATION ET CHARGES",
    )
    prose = [  # one Word per word, as Tesseract gives them
        Word(token, 95.0, 10 + 60 * j, 40 * i, 50, 30, i)
        for i, line in enumerate(lines)
        for j, token in enumerate(line.split())
    ]
    assert mrz_band.band_words(prose) == []
