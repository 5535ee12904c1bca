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


def test_a_bills_direct_debit_page_does_not_open_a_rib_part():
    mandate = (
        "Vos modalités de paiement\nPrélèvement automatique le 12 de chaque mois\n"
        "Titulaire du compte : Karim BENALI\nBanque : Banque Exemple\n"
        "IBAN FR76 3000 6000 0112 3456 7890 189  BIC AGRIFRPP882"
    )
    assert kinds(POSITIVES["utility_bill"], mandate) == [((0, 1), "utility_bill")]
