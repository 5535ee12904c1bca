"""Splitting a bundled PDF into documents (CONTRACT several_documents, R-SCAN-6)."""

from __future__ import annotations

from datetime import date

from dossier_check.model import Page, TextSource
from dossier_check.parts import split
from tests.test_doctypes import POSITIVES

AS_OF = date(2026, 11, 15)


def pages(*texts: str) -> tuple[Page, ...]:
    return tuple(Page(i, text=t, text_source=TextSource.OCR) for i, t in enumerate(texts))


def kinds(*texts: str) -> list[tuple[tuple[int, ...], str]]:
    return [(p.pages, p.identified.classification.type) for p in split(pages(*texts), None, AS_OF)]


def test_passport_then_rib_are_two_documents():
    assert kinds(POSITIVES["passport"], POSITIVES["rib"]) == [((0,), "passport"), ((1,), "rib")]


def test_birth_certificate_with_apostille_and_translation_is_one_document():
    apostille = (
        "APOSTILLE\n(Convention de La Haye du 5 octobre 1961)\n1. Country: USA\n"
        "2. has been signed by J. Smith\n3. acting in the capacity of Registrar\n"
        "4. bears the seal of the State\n9. Seal  10. Signature"
    )
    translation = (
        "TRADUCTION CERTIFIÉE CONFORME\nACTE DE NAISSANCE\nPère : John LEE  "
        "Mère : Susan LEE\nTraducteur assermenté près la Cour d'appel de Paris"
    )
    got = kinds(POSITIVES["birth_certificate"], apostille, translation)
    assert got == [((0, 1, 2), "birth_certificate")]


def test_a_second_page_without_a_title_continues_the_document():
    assert kinds(POSITIVES["lease"], "Fait à Lyon le 3 mars 2026\nLe bailleur   Le locataire") == [
        ((0, 1), "lease")
    ]


def test_passport_with_its_visa_page_is_one_document():
    from tests.test_doctypes import MRVB

    visa = f"VISA  TYPE D  VLS-TS\n{MRVB}"
    assert kinds(POSITIVES["passport"], visa) == [((0, 1), "passport")]
