"""Birth, issue and expiry dates of an identity document read from its printed text
(R-ID-3, R-TS-2, R-TS-8), without OCR.

The texts are written here in the wordings the documents must carry, not copied
from the sample generator's templates.
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier_check.fields.dates import DocumentDates, document_dates

AS_OF = date(2026, 11, 15)


@pytest.mark.parametrize(
    "text",
    [
        "Valable jusqu'au : 31/01/2027",
        "VALIDE JUSQU’AU 31.01.2027",
        "Date d'expiration 31 janvier 2027",
        "Expire le 31/01/2027",
        "Fin de validité : 31-01-2027",
        "Valid until 31 Jan 2027",
        "Expiry date: 31/01/2027",
        "Date of expiry / Date d'expiration\n31.01.2027",
        "VALABLE JUSOU'AU 31/01/2027",  # OCR: Q read as O
        "Date d'expiratlon 31/01/2027",  # OCR: i read as l
    ],
)
def test_expiry_is_read_by_its_label_R_TS_2(text: str) -> None:
    assert document_dates(text, AS_OF).expiry == date(2027, 1, 31)


def test_a_date_labelled_as_the_issue_date_never_becomes_the_expiry_R_TS_2() -> None:
    found = document_dates("Délivré le 02/02/2026\nFait le 02/02/2026", AS_OF)
    assert found == DocumentDates(issue=date(2026, 2, 2))


def test_a_validity_period_gives_the_issue_and_the_expiry_R_TS_2() -> None:
    text = (
        "La présente attestation, valable du 01/06/2026 au\n30/11/2026, vaut autorisation "
        "provisoire de séjour. Elle est renouvelable jusqu'à la notification de la décision."
    )
    found = document_dates(text, AS_OF)
    assert (found.issue, found.expiry) == (date(2026, 6, 1), date(2026, 11, 30))


def test_an_extension_until_a_date_is_the_expiry_R_TS_2() -> None:
    text = "La présente attestation prolonge son droit au séjour jusqu'au 14 février 2027."
    assert document_dates(text, AS_OF).expiry == date(2027, 2, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Né(e) le 12/03/1990 à Dakar",
        "NE(E) LE : 12.03.1990",
        "Née le 12 mars 1990",
        "Date de naissance : 12/03/1990",
        "Date of birth 12 MAR 1990",
        "Date de naisance 12/03/1990",  # OCR: one s dropped
    ],
)
def test_birth_date_is_read_by_its_label_R_TS_8(text: str) -> None:
    assert document_dates(text, AS_OF).birth == date(1990, 3, 12)


def test_a_birth_label_before_a_future_date_gives_no_birth_date() -> None:
    assert document_dates("Date de naissance : 12/03/2030", AS_OF).birth is None


def test_a_label_above_its_value_is_matched_by_column() -> None:
    text = "Date de naissance        Date d'expiration\n12.03.1990               31.01.2030"
    found = document_dates(text, AS_OF)
    assert (found.birth, found.expiry) == (date(1990, 3, 12), date(2030, 1, 31))


def test_an_expiry_before_the_issue_date_is_not_plausible() -> None:
    found = document_dates("Délivrée le 02/02/2026 valable jusqu'au 01/01/2020", AS_OF)
    assert found.expiry is None


def test_unlabelled_dates_are_told_apart_by_plausibility() -> None:
    found = document_dates("Nom : DIOP\n12/03/1990\n02/02/2026\n01/02/2027", AS_OF)
    assert (found.birth, found.expiry) == (date(1990, 3, 12), date(2027, 2, 1))


def test_a_lone_past_unlabelled_date_is_no_expiry() -> None:
    assert document_dates("Nom : DIOP\n02/02/2026", AS_OF).expiry is None


def test_dates_inside_a_machine_readable_zone_are_left_to_the_mrz() -> None:
    text = "IRFRA12/03/1990<<<<<<<<<<<<<<\n01/02/2027<<<<<<"
    assert document_dates(text, AS_OF) == DocumentDates()


def test_a_card_date_printed_with_spaces_is_read_R_ID_3() -> None:
    text = "DATE D'EXPIR. / Expiry date\n13 06 2036\nDate de naissance 27 06 1988"
    found = document_dates(text, AS_OF)
    assert (found.birth, found.expiry) == (date(1988, 6, 27), date(2036, 6, 13))


def test_digit_pairs_of_a_phone_number_are_no_spaced_date() -> None:
    assert document_dates("Valable jusqu'au tél. 06 12 12 2026 45", AS_OF).expiry is None
