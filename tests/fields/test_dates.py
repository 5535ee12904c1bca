"""Dates and billing periods in FR / EN / ES / PT text (R-RES-5 periods, R-HEB-2 dates)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier_check.fields.dates import (
    date_after_label,
    find_dates,
    find_periods,
    issue_date,
    month_period,
)

D = date(2026, 3, 1)


def _values(text: str) -> list[date]:
    return [m.value for m in find_dates(text)]


@pytest.mark.parametrize(
    "text",
    ["01/03/2026", "01.03.2026", "01-03-2026", "2026-03-01", "1/3/2026", "01/03/26",
     "01 / 03 / 2026", "2026/03/01"],
)  # fmt: skip
def test_numeric_forms_are_read_day_first(text: str) -> None:
    assert _values(f"Date : {text}.") == [D]


@pytest.mark.parametrize(
    "text",
    [
        "1er mars 2026", "1 er mars 2026", "1 Mars 2026", "01 MARS 2026",  # French
        "1 March 2026", "March 1, 2026", "March 1st 2026", "1st March 2026",  # English
        "1 de marzo de 2026", "1º de marzo de 2026",  # Spanish
        "1 de março de 2026", "1 de marco de 2026",  # Portuguese, accent optional
        "1 mar. 2026", "01-MAR-2026", "Mar 1, 2026",  # abbreviated
    ],
)  # fmt: skip
def test_month_name_forms_in_four_languages(text: str) -> None:
    assert _values(f"le {text} à Paris") == [D]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 février 2026", date(2026, 2, 15)), ("15 fevrier 2026", date(2026, 2, 15)),
        ("3 août 2026", date(2026, 8, 3)), ("3 decembre 2026", date(2026, 12, 3)),
        ("3 sept. 2026", date(2026, 9, 3)), ("3 janv. 2026", date(2026, 1, 3)),
        ("3 de setiembre de 2026", date(2026, 9, 3)), ("3 de outubro de 2026", date(2026, 10, 3)),
        ("3 de dezembro de 2026", date(2026, 12, 3)), ("3 de diciembre de 2026", date(2026, 12, 3)),
        ("3 juillet 2026", date(2026, 7, 3)), ("3 juin 2026", date(2026, 6, 3)),
    ],
)  # fmt: skip
def test_every_month_name_maps_to_its_number(text: str, expected: date) -> None:
    assert _values(text) == [expected]


def test_two_digit_years_follow_the_posix_pivot() -> None:
    assert _values("01/03/69 et 01/03/70") == [date(2069, 3, 1), date(1970, 3, 1)]


@pytest.mark.parametrize("text", ["31/02/2026", "30 février 2026", "2026-13-01", "00/01/2026"])
def test_impossible_dates_are_dropped(text: str) -> None:
    assert find_dates(text) == []


def test_phone_numbers_and_amounts_are_not_dates() -> None:
    assert find_dates("Tél. 06-12-34-56-78, 01.23.45.67.89, total 12.50 EUR") == []


def test_match_gives_its_span_and_raw_text_in_the_original() -> None:
    text = "Émise le 1er février 2026 à Lyon"
    [m] = find_dates(text)
    assert m.raw == "1er février 2026"
    assert text[m.start : m.end] == m.raw
    assert m.value == date(2026, 2, 1)


def test_dates_come_in_text_order() -> None:
    assert _values("du 05/01/2026, 3 March 2026 et 2026-02-01") == [
        date(2026, 1, 5), date(2026, 3, 3), date(2026, 2, 1),
    ]  # fmt: skip


# --- date_after_label -------------------------------------------------------------


def test_date_after_label_matches_folded_labels() -> None:
    text = "Date d’échéance : 15/04/2026\nDate de facture : 01/04/2026"
    assert date_after_label(text, ["date d'echeance"]) == date(2026, 4, 15)
    assert date_after_label(text, ["DATE DE FACTURE"]) == date(2026, 4, 1)


def test_date_after_label_respects_the_window() -> None:
    text = "Fait à Paris," + " " * 2 + "x" * 70 + " 01/04/2026"
    assert date_after_label(text, ["fait à"]) is None
    assert date_after_label(text, ["fait à"], window=90) == date(2026, 4, 1)


def test_date_after_label_takes_the_first_label_occurrence_in_text_order() -> None:
    text = "Né le 02/03/1990. Fait le 01/04/2026."
    assert date_after_label(text, ["fait le", "né le"]) == date(1990, 3, 2)


def test_date_after_label_matches_whole_words_only() -> None:
    text = "Clé 12/12/2025 ... le 01/04/2026"
    assert date_after_label(text, ["le"]) == date(2026, 4, 1)


def test_date_before_the_label_is_not_taken() -> None:
    text = "01/04/2026 Date de naissance : inconnue"
    assert date_after_label(text, ["date de naissance"]) is None


# --- issue_date (R-RES-5: a bill's date is its issue date) -----------------------

ISSUED = date(2026, 11, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Date de facture : 03/11/2026",
        "DATE DE LA FACTURE 3 novembre 2026",
        "Facture du 03.11.2026",
        "Facture n° FA2026-118 du 3 novembre 2026",
        "Facture n° 202611787569\ndu 03.11.2026\nRéférence client : 0005463504",
        "Votre facture émise le 3 nov. 2026",
        "Date d'émission : 2026-11-03",
        "Date : 03/11/26",
        "Date : le 3 novembre 2026",
        "Invoice date: November 3, 2026",
        "Issued on 3rd November 2026",
        "Date of issue 03-NOV-2026",
        "Statement date 03/11/2026",
    ],
)
def test_issue_date_in_any_common_wording(text: str) -> None:
    assert issue_date(f"Lumina Énergie\n{text}\nTotal TTC 64,20 €") == ISSUED


def test_issue_date_of_a_two_column_layout_starts_the_next_line() -> None:
    # a label column read beside the next column: "Date" then "Adresse ... : ...",
    # the date on the line below, longer than any fixed window after "Date"
    text = (
        "Date Adresse du branchement : 30 bis rue des Lilas, Apt 42, 75011 Paris\n"
        "03.11.2026 Consommation du 01.05.2026 au 31.10.2026\nprélevé le 13.11.2026"
    )
    assert issue_date(text) == ISSUED


def test_issue_date_is_neither_the_period_nor_the_due_date() -> None:
    text = (
        "Date d'échéance : 20/11/2026\nPériode du 01/10/2026 au 31/10/2026\n"
        "Montant à payer avant le 18/11/2026 — prélevé le 16/11/2026\nDate : 03/11/2026"
    )
    assert issue_date(text) == ISSUED
    assert issue_date("Facture du 01/10/2026 au 31/10/2026, prélevée le 16/11/2026") is None
    assert issue_date("Date limite de paiement : 20/11/2026") is None


def test_a_word_merely_ending_like_a_due_word_does_not_hide_the_date() -> None:
    # "Vienne" ends in "ne" (born): only whole words are due or other-date words
    assert issue_date("Date de facture : Vienne le 03/11/2026") == ISSUED
    assert issue_date("Date de facture : né le 03/11/2026") is None


def test_a_bill_whose_date_label_ocr_lost_keeps_its_one_other_date() -> None:
    """R-RES-5: "Date :" read as "Daft:" (dev seed 8903, a water bill): the one date
    that is neither the period's nor the payment's, near the period's end, is the
    issue date; an old date (a contract's start) is not, nor is any without a period."""
    bill = (
        "Facture d'eau\nDaft: Adresse desservie : 58 rue des Trois Ponts\n"
        "03/11/2026 Période de consommation du 01/05/2026 au 31/10/2026\n"
        "Montant TTC à payer 101,70 € prélevé le 11/11/2026"
    )
    assert issue_date(bill) == ISSUED
    assert issue_date(bill.replace("03/11/2026", "12/03/2019")) is None
    assert issue_date("Facture d'eau\n03/11/2026 Montant 101,70 €") is None


def test_issue_label_wins_over_a_bare_date_earlier_on_the_page() -> None:
    assert issue_date("Date : 28/10/2026 (relevé)\nDate de facture : 03/11/2026") == ISSUED


# --- month_period (R-RES-5: the month of a bill = the end of its period) ------------

BILL_PERIOD_LABELS = ("periode facturee", "periode", "consommation", "billing period")


@pytest.mark.parametrize(
    "text",
    [
        "Période facturée octobre 2026",
        "Période : 10/2026",
        "Consommation d'octobre 2026",
        "Consommation :\noctobre 2026",
        "Billing period: October 2026",
    ],
)
def test_a_month_given_as_the_billing_period(text: str) -> None:
    october = (date(2026, 10, 1), date(2026, 10, 31))
    assert month_period(text, BILL_PERIOD_LABELS) == [october]


def test_a_quantity_after_a_period_label_is_no_month() -> None:
    assert month_period("Consommation 24 m3 49,20 €", BILL_PERIOD_LABELS) == []


# --- find_periods ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Période du 01/02/2026 au 28/02/2026",
        "Consommation du 1er février 2026 au 28 février 2026",
        "Période de consommation du 1er au 28 février 2026",
        "Billing period: from 1 Feb 2026 to 28 Feb 2026",
        "01/02/2026 - 28/02/2026",
        "Periodo del 1 de febrero de 2026 al 28 de febrero de 2026",
        "Período de 01/02/2026 até 28/02/2026",
    ],
)
def test_billing_periods_in_several_forms(text: str) -> None:
    assert find_periods(text) == [(date(2026, 2, 1), date(2026, 2, 28))]


@pytest.mark.parametrize("first", ["ler", "Ier", "1er"])
def test_first_of_the_month_misread_by_ocr_is_still_a_period_R_RES_5(first: str) -> None:
    text = f"Consommation : du {first} octobre 2026 au 31 octobre 2026"
    assert find_periods(text) == [(date(2026, 10, 1), date(2026, 10, 31))]


def test_partial_start_takes_its_month_from_the_end() -> None:
    assert find_periods("du 15 décembre au 14 janvier 2026") == [
        (date(2025, 12, 15), date(2026, 1, 14))
    ]


def test_two_unrelated_dates_are_not_a_period() -> None:
    assert find_periods("Émise le 05/03/2026. Échéance 20/03/2026.") == []


def test_reversed_dates_are_not_a_period() -> None:
    assert find_periods("du 28/02/2026 au 01/02/2026") == []


def test_several_periods_come_in_text_order() -> None:
    text = "du 01/01/2026 au 31/01/2026 puis du 1er au 28 février 2026"
    assert find_periods(text) == [
        (date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 28)),
    ]  # fmt: skip


# --- properties ------------------------------------------------------------------

_FRENCH_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
_FORMATS = {
    "fr": lambda d: f"{d.day} {_FRENCH_MONTHS[d.month - 1]} {d.year}",
    "en": lambda d: d.strftime("%B %-d, %Y"),
    "en_dmy": lambda d: d.strftime("%-d %b %Y"),
    "numeric": lambda d: d.strftime("%d/%m/%Y"),
    "iso": lambda d: d.isoformat(),
}


@given(st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.sampled_from(sorted(_FORMATS)))
def test_any_formatted_date_is_found(value: date, fmt: str) -> None:
    assert _values(f"Date : {_FORMATS[fmt](value)} .") == [value]


@given(st.text(max_size=300))
def test_date_parsers_never_raise_on_arbitrary_text(text: str) -> None:
    for m in find_dates(text):
        assert text[m.start : m.end] == m.raw
    find_periods(text)
    date_after_label(text, ["le", "date", ""])
