"""MRZ parsing, finding and composing (DOMAIN §8, R-MRZ-1..10).

Specimens are the published ones: ICAO Doc 9303 parts 4-7 (Anna Maria
Eriksson of Utopia) and the old French CNI specimen (Corinne Berthier)
found in several public MRZ libraries; DOMAIN R-MRZ-7 verifies the MEYER
card. Their check digits are re-verified by the tests themselves.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_check.fields.mrz import (
    Mrz,
    check_digit,
    combine_readings,
    compose_fr_cni_old,
    compose_mrva,
    compose_mrvb,
    compose_td1,
    compose_td2,
    compose_td3,
    find_mrz,
    parse_mrz,
)

PIVOT = date(2026, 11, 22)

TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
MRVA = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
]
MRVB = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]
CNI_BERTHIER = ["IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<", "8806923102858CORINNE<<<<<<<6512068F6"]
CNI_MEYER = ["IDFRAMEYER" + "<" * 20 + "675034", "1305675007505MALO<<ALAIN<<J1212031M1"]


# --- check digit ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "digit"),
    [("L898902C3", "6"), ("740812", "2"), ("120415", "9"), ("D23145890", "7"), ("<<<<", "0")],
)
def test_check_digit_matches_icao_specimen_values(data: str, digit: str) -> None:
    assert check_digit(data) == digit


def test_check_digit_rejects_characters_outside_the_mrz_alphabet() -> None:
    with pytest.raises(ValueError):
        check_digit("ab")


# --- specimens ----------------------------------------------------------------


def test_icao_td3_specimen_parses_valid() -> None:
    mrz = parse_mrz(TD3, PIVOT)
    assert mrz is not None
    assert (mrz.format, mrz.document_code, mrz.issuing_state) == ("TD3", "P", "UTO")
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert mrz.document_number == "L898902C3"
    assert mrz.nationality == "UTO"
    assert mrz.birth_date == date(1974, 8, 12)
    assert mrz.expiry_date == date(2012, 4, 15)
    assert mrz.sex == "F"
    assert mrz.optional_data == "ZE184226B"
    assert [name for name, _ in mrz.checks] == [
        "document_number", "birth_date", "expiry_date", "personal_number", "composite",
    ]  # fmt: skip
    assert mrz.valid and mrz.valid_checks == 5 and not mrz.corrected


def test_icao_td1_specimen_parses_valid() -> None:
    mrz = parse_mrz(TD1, PIVOT)
    assert mrz is not None and mrz.valid
    assert (mrz.format, mrz.document_code, mrz.document_number) == ("TD1", "I", "D23145890")
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert mrz.birth_date == date(1974, 8, 12) and mrz.expiry_date == date(2012, 4, 15)
    assert mrz.valid_checks == 4


def test_icao_td2_specimen_parses_valid() -> None:
    mrz = parse_mrz(TD2, PIVOT)
    assert mrz is not None and mrz.valid
    assert (mrz.format, mrz.document_number, mrz.nationality) == ("TD2", "D23145890", "UTO")


def test_icao_mrva_specimen_parses_valid_without_composite() -> None:
    mrz = parse_mrz(MRVA, PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.format == "MRVA" and mrz.document_code == "V"
    assert mrz.nationality == "XXX" and mrz.birth_date == date(1940, 9, 7)
    assert "composite" not in dict(mrz.checks)


def test_icao_mrvb_specimen_parses_valid() -> None:
    mrz = parse_mrz(MRVB, PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.format == "MRVB" and mrz.document_number == "L8988901C"


def test_expiry_more_than_50_years_ahead_is_read_in_the_last_century() -> None:
    """R-MRZ-4 window: the ICAO visa specimen's 961210 is 1996, not 2096."""
    mrz = parse_mrz(MRVB, PIVOT)
    assert mrz is not None and mrz.expiry_date == date(1996, 12, 10)


def test_old_french_cni_specimen_is_not_mistaken_for_td2() -> None:
    """R-MRZ-1 / R-MRZ-7: 2 x 36 starting IDFRA is the old CNI."""
    mrz = parse_mrz(CNI_BERTHIER, PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.format == "FR_CNI_OLD"
    assert (mrz.surname, mrz.given_names) == ("BERTHIER", "CORINNE")
    assert mrz.document_number == "880692310285"
    assert mrz.birth_date == date(1965, 12, 6) and mrz.sex == "F"
    assert mrz.expiry_date is None
    assert [name for name, _ in mrz.checks] == ["document_number", "birth_date", "composite"]


def test_old_french_cni_issue_date_comes_from_the_card_number() -> None:
    """R-MRZ-7 / R-ID-4: the number starts with the issue YYMM."""
    mrz = parse_mrz(CNI_BERTHIER, PIVOT)
    assert mrz is not None and mrz.issue_date == date(1988, 6, 1)


def test_old_french_cni_domain_example_splits_given_names_and_admin_code() -> None:
    mrz = parse_mrz(CNI_MEYER, PIVOT)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("MEYER", "MALO ALAIN J")
    assert mrz.optional_data == "675034"
    assert mrz.issue_date == date(2013, 5, 1)
    assert mrz.birth_date == date(2012, 12, 3) and mrz.sex == "M"


# --- check failures and OCR repairs (R-MRZ-2) ----------------------------------


def test_td3_with_flipped_digit_is_invalid() -> None:
    line2 = TD3[1].replace("7408122", "7408132")
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and not mrz.valid
    assert dict(mrz.checks)["birth_date"] is False
    assert dict(mrz.checks)["composite"] is False


def test_letter_read_for_a_digit_in_a_date_is_repaired_when_the_check_digit_confirms() -> None:
    line2 = TD3[1].replace("7408122", "74O8I22")
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and mrz.valid and mrz.corrected
    assert mrz.birth_date == date(1974, 8, 12)


def test_repair_that_the_check_digit_refutes_is_not_kept() -> None:
    line2 = TD3[1].replace("7408122", "74O8123")  # O for 0 and a wrong check digit
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and not mrz.valid
    assert mrz.birth_date is None  # the raw, unrepaired field is not a date


def test_letter_in_document_number_is_repaired_when_two_check_digits_confirm() -> None:
    """R-MRZ-2: document numbers are alphanumeric, so an O there may be an O; a
    look-alike swap is kept only if the number's digit and the composite both pass."""
    line2 = TD3[1].replace("L898902C3", "L8989O2C3")
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and mrz.valid and mrz.corrected
    assert mrz.document_number == "L898902C3"


def test_letter_in_document_number_is_not_guessed_when_a_digit_refutes() -> None:
    """R-MRZ-2: with the number's check digit misread as well, no swap passes both."""
    line2 = TD3[1].replace("L898902C36", "L8989O2C37")
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and not mrz.valid
    assert mrz.document_number == "L8989O2C3"


def test_visa_document_number_is_never_guessed() -> None:
    """R-MRZ-2, R-MRZ-10: a visa has no composite, so one digit cannot confirm a swap."""
    lines = compose_mrvb(
        issuing_state="FRA", surname="DIOP", given_names="AWA", document_number="FR0012345",
        nationality="SEN", birth_date=date(1990, 1, 2), sex="F", expiry_date=date(2027, 3, 4),
    )  # fmt: skip
    mrz = parse_mrz([lines[0], lines[1].replace("FR0012345", "FRO012345")], PIVOT)
    assert mrz is not None and not mrz.valid
    assert mrz.document_number == "FRO012345"


def test_digit_in_name_or_state_is_read_as_its_look_alike_letter() -> None:
    mrz = parse_mrz(["P<UT0ERIKSS0N<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", TD3[1]], PIVOT)
    assert mrz is not None and mrz.valid and mrz.corrected
    assert (mrz.issuing_state, mrz.surname, mrz.given_names) == ("UTO", "ERIKSSON", "ANNA MARIA")


def test_check_digit_read_as_letter_is_repaired() -> None:
    line2 = TD3[1][:19] + "Z" + TD3[1][20:]  # birth check digit 2 read as Z
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and mrz.valid


# --- line tolerance and format selection ---------------------------------------


def test_lines_missing_trailing_fillers_are_padded() -> None:
    mrz = parse_mrz([TD3[0].rstrip("<"), TD3[1]], PIVOT)
    assert mrz is not None and mrz.valid and mrz.format == "TD3"


def test_line_with_a_stray_leading_character_is_trimmed() -> None:
    mrz = parse_mrz(["5" + TD2[0], "3" + TD2[1]], PIVOT)
    assert mrz is not None and mrz.valid and mrz.format == "TD2"


def test_filler_lost_inside_a_run_is_restored() -> None:
    line2 = TD3[1].replace("<<<<<10", "<<<<10")
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and mrz.valid


def test_ocr_spaces_and_guillemets_inside_lines_are_tolerated() -> None:
    mrz = parse_mrz(["P<UTO ERIKSSON«ANNA<MARIA <<<<<<<<<<<<<<<<<<<", TD3[1]], PIVOT)
    assert mrz is not None and mrz.valid


@pytest.mark.parametrize(
    "lines",
    [[], ["P<UTO"], TD3[:1], [TD3[0], TD3[1] + "<" * 6], [TD1[0], TD1[1]], [*TD3, TD3[1]]],
)
def test_lines_that_fit_no_format_give_none(lines: list[str]) -> None:
    assert parse_mrz(lines, PIVOT) is None


def test_birth_century_keeps_the_date_on_or_before_the_pivot() -> None:
    """R-MRZ-4."""
    lines = compose_td3(
        issuing_state="FRA", surname="X", given_names="Y", document_number="12AB34567",
        nationality="FRA", birth_date=date(1930, 1, 1), sex="M", expiry_date=date(2030, 1, 1),
    )  # fmt: skip
    old = parse_mrz(lines, PIVOT)
    assert old is not None and old.birth_date == date(1930, 1, 1)
    later = parse_mrz(lines, date(2035, 1, 1))
    assert later is not None and later.birth_date == date(2030, 1, 1)


def test_td1_long_document_number_continues_in_optional_data() -> None:
    """R-MRZ-3."""
    lines = compose_td1(
        document_code="IR", issuing_state="FRA", surname="NGUYEN", given_names="VAN AN",
        document_number="AB12345678901", nationality="VNM", birth_date=date(1988, 1, 9),
        sex="M", expiry_date=date(2028, 3, 4), optional_data="XY",
    )  # fmt: skip
    assert lines[0][14] == "<"
    mrz = parse_mrz(lines, PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "AB12345678901"
    assert mrz.optional_data == "XY"


def test_td2_long_document_number_continues_in_optional_data() -> None:
    lines = compose_td2(
        issuing_state="UTO", surname="A", given_names="B", document_number="D231458901",
        nationality="UTO", birth_date=date(1974, 8, 12), sex="F", expiry_date=date(2032, 4, 15),
    )  # fmt: skip
    mrz = parse_mrz(lines, PIVOT)
    assert mrz is not None and mrz.valid and mrz.document_number == "D231458901"


# --- find_mrz in OCR text -------------------------------------------------------


def test_find_mrz_in_page_text_with_ocr_noise() -> None:
    text = (
        "PASSEPORT / PASSPORT\nNom/Surname ERIKSSON\n\n"
        "P < UTOERIKSSON« ANNA<MARIA<<<<<K<<<<<<<<<<<\n\n"
        "L898902C36UTO74O8122F1204159ZE184226B<<(<<10\n"
        "signature\n"
    )
    mrz = find_mrz(text, PIVOT)
    assert mrz is not None and mrz.valid and mrz.format == "TD3"
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_find_mrz_reads_filler_ks_but_keeps_a_name_starting_with_k() -> None:
    lines = compose_td1(
        issuing_state="POL", surname="JAN", given_names="KOWALSKI", document_number="ABA123456",
        nationality="POL", birth_date=date(1990, 1, 1), sex="M", expiry_date=date(2030, 1, 1),
    )  # fmt: skip
    noisy = lines[:2] + [lines[2].replace("<<<<", "<K<K")]
    mrz = find_mrz("\n".join(noisy), PIVOT)
    assert mrz is not None and mrz.valid
    assert (mrz.surname, mrz.given_names) == ("JAN", "KOWALSKI")


def test_find_mrz_splits_a_zone_read_as_one_line() -> None:
    mrz = find_mrz("carte\n" + "".join(CNI_BERTHIER) + "\nfin", PIVOT)
    assert mrz is not None and mrz.valid and mrz.format == "FR_CNI_OLD"


def test_find_mrz_prefers_the_window_with_most_valid_checks() -> None:
    text = "\n".join(["IDFRAXXXXXXXXXXXXXXXXXXXXXXXXXXX1234", *TD1])
    mrz = find_mrz(text, PIVOT)
    assert mrz is not None and mrz.format == "TD1" and mrz.valid


@pytest.mark.parametrize(
    "text",
    [
        "",
        "REPUBLIQUE FRANCAISE CARTE NATIONALE D IDENTITE",
        "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
        "PRENOMSGIVENNAMESANNAMARIAERIKSSONXXXXXXXXXX\nNOMSURNAMEXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
    ],
)
def test_find_mrz_ignores_text_without_a_plausible_zone(text: str) -> None:
    assert find_mrz(text, PIVOT) is None


@given(st.text(max_size=400))
def test_find_mrz_never_raises_on_arbitrary_text(text: str) -> None:
    result = find_mrz(text, PIVOT)
    assert result is None or isinstance(result, Mrz)


@given(st.text(alphabet="<ABCDEFIKPVX0123456789 \n«(c", max_size=300))
def test_find_mrz_never_raises_on_mrz_like_noise(text: str) -> None:
    result = find_mrz(text, PIVOT)
    assert result is None or isinstance(result, Mrz)


# --- composed round trips and single flips (hypothesis) ---------------------------

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ALNUM = _LETTERS + "0123456789"
_name = st.text(alphabet=_LETTERS, min_size=1, max_size=8)
_common = {
    "issuing_state": st.sampled_from(["UTO", "FRA", "D", "DEU", "BRA", "VNM"]),
    "nationality": st.sampled_from(["UTO", "FRA", "D", "ITA", "NGA"]),
    "surname": _name,
    "given_names": st.lists(_name, min_size=1, max_size=2).map(" ".join),
    "document_number": st.text(alphabet=_ALNUM, min_size=9, max_size=9),
    "birth_date": st.dates(date(1927, 1, 1), PIVOT),
    "sex": st.sampled_from(["M", "F", "<"]),
    "expiry_date": st.dates(date(2000, 1, 1), date(2060, 12, 31)),
}


def _composed() -> st.SearchStrategy[tuple[str, list[str], dict[str, object]]]:
    """(format, lines, the fields given) for every format."""

    def build(fmt: str, fields: dict[str, object]) -> tuple[str, list[str], dict[str, object]]:
        composer = {"TD1": compose_td1, "TD2": compose_td2, "TD3": compose_td3,
                    "MRVA": compose_mrva, "MRVB": compose_mrvb}[fmt]  # fmt: skip
        return fmt, composer(**fields), fields  # type: ignore[operator]

    width = {"TD1": 15, "TD2": 7, "TD3": 14, "MRVA": 16, "MRVB": 8}
    icao = st.sampled_from(sorted(width)).flatmap(
        lambda fmt: st.fixed_dictionaries(
            {**_common, "optional_data": st.text(alphabet=_ALNUM, max_size=width[fmt])}
        ).map(lambda fields: build(fmt, fields))
    )
    cni = st.fixed_dictionaries(
        {
            "surname": _name,
            "given_names": st.lists(
                st.text(alphabet=_LETTERS, min_size=1, max_size=5), min_size=1, max_size=2
            ).map(" ".join),
            "document_number": st.tuples(
                st.dates(date(1988, 1, 1), date(2021, 12, 31)),
                st.text(alphabet="0123456789", min_size=8, max_size=8),
            ).map(lambda t: t[0].strftime("%y%m") + t[1]),
            "birth_date": _common["birth_date"],
            "sex": st.sampled_from(["M", "F"]),
            "optional_data": st.text(alphabet="0123456789", min_size=6, max_size=6),
        }
    ).map(lambda fields: ("FR_CNI_OLD", compose_fr_cni_old(**fields), fields))  # type: ignore[arg-type]
    return icao | cni


@settings(max_examples=150, deadline=None)
@given(_composed())
def test_composed_mrz_parses_back_to_the_same_fields(case: tuple) -> None:
    fmt, lines, fields = case
    mrz = parse_mrz(lines, PIVOT)
    assert mrz is not None
    assert mrz.format == fmt and mrz.valid and not mrz.corrected
    assert mrz.surname == fields["surname"]
    assert mrz.given_names == fields["given_names"]
    assert mrz.document_number == fields["document_number"]
    assert mrz.birth_date == fields["birth_date"]
    assert mrz.sex == fields["sex"]
    assert mrz.optional_data == fields["optional_data"]
    if fmt != "FR_CNI_OLD":
        assert mrz.issuing_state == fields["issuing_state"]
        assert mrz.nationality == fields["nationality"]
        assert mrz.expiry_date == fields["expiry_date"]


def _content(mrz: Mrz) -> tuple:
    """Everything a reader of the MRZ relies on (not the raw lines)."""
    skip = {"lines", "corrected", "checks"}
    return tuple(getattr(mrz, f.name) for f in dataclasses.fields(mrz) if f.name not in skip)


@settings(max_examples=150, deadline=None)
@given(_composed(), st.data())
def test_flipping_one_character_invalidates_or_changes_the_parse(case: tuple, data) -> None:
    _, lines, _ = case
    original = parse_mrz(lines, PIVOT)
    assert original is not None
    row = data.draw(st.integers(0, len(lines) - 1))
    col = data.draw(st.integers(0, len(lines[row]) - 1))
    new = data.draw(st.sampled_from(_ALNUM + "<").filter(lambda c: c != lines[row][col]))
    flipped = list(lines)
    flipped[row] = lines[row][:col] + new + lines[row][col + 1 :]
    mrz = parse_mrz(flipped, PIVOT)
    assert mrz is not None
    # ICAO 9303: an unused TD3 personal number's check digit may be '<' or '0'.
    unused_personal = (
        original.format == "TD3" and row == 1 and col == 42 and not original.optional_data
        and {lines[1][42], new} == {"<", "0"}
    )  # fmt: skip
    # Names end at the first '<<<': a letter flipped into the filler run after them
    # is OCR noise by design (fields/mrz.py _names), not a different document.
    name_rows = {"TD1": (2,), "FR_CNI_OLD": (0, 1)}.get(original.format, (0,))
    filler_noise = row in name_rows and "<<<" in lines[row][:col] and new != "<"
    if not unused_personal and not filler_noise:
        silently_same = mrz.valid and not mrz.corrected and _content(mrz) == _content(original)
        assert not silently_same


def test_filler_noise_after_the_names_is_dropped():
    from dossier_check.fields.mrz import _names

    assert _names("CASTANEDA<<VALERIAK<<<<<<<<<K<KK<E") == ("CASTANEDA", "VALERIAK")
    assert _names("CASTANEDA<X<VALERIA<<<<<<<<<<<<<") == ("CASTANEDA", "VALERIA")
    assert _names("ERIKSSON<<ANNA<MARIA<<<<<<<<<<") == ("ERIKSSON", "ANNA MARIA")


def test_capitalised_prose_is_not_an_mrz():
    text = (
        "CENTRE DES FINANCES PUBLIQUES DE PARIS\n"
        "AVIS D'IMPOT 2026 SUR LES REVENUS DE L'ANNEE 2025\n"
    )
    assert find_mrz(text) is None


def test_filler_read_as_letters_in_optional_data_is_repaired() -> None:
    """R-MRZ-2: '<' fillers read as K, S or E in a TD1 optional field; the composite
    confirms they were fillers."""
    line1 = TD1[0][:15] + "K<K<KKKKKKKKKS<"
    mrz = parse_mrz([line1, TD1[1], TD1[2]], PIVOT)
    assert mrz is not None and mrz.valid and mrz.corrected
    assert mrz.optional_data == ""


def test_line_too_long_with_filler_ghosts_is_read() -> None:
    """R-MRZ-2: four extra letters among the fillers (a 34-character line 1)."""
    line1 = TD1[0][:15] + "<K<<<<<<<<S<K<<K<<"
    mrz = parse_mrz([line1, TD1[1], TD1[2]], PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.document_number == "D23145890"


def test_optional_data_made_of_filler_look_alikes_is_kept() -> None:
    """R-MRZ-2: optional data that really holds K, S, E (the composite says so)."""
    lines = compose_td1(
        issuing_state="UTO", surname="ERIKSSON", given_names="ANNA MARIA",
        document_number="D23145890", nationality="UTO", birth_date=date(1974, 8, 12),
        sex="F", expiry_date=date(2032, 4, 15), optional_data="KSE",
    )  # fmt: skip
    mrz = parse_mrz(lines, PIVOT)
    assert mrz is not None and mrz.valid and not mrz.corrected
    assert mrz.optional_data == "KSE"


@pytest.mark.parametrize("misread", ["74D8122", "74Q8122", "7408L22", "74O8l22"])
def test_date_look_alikes_are_read_as_digits(misread: str) -> None:
    """R-MRZ-2: D, Q -> 0 and L -> 1 in a date, confirmed by its check digit."""
    mrz = parse_mrz([TD3[0], TD3[1].replace("7408122", misread)], PIVOT)
    assert mrz is not None and mrz.valid
    assert mrz.birth_date == date(1974, 8, 12)


def test_several_fillers_lost_inside_the_personal_number_run_are_restored() -> None:
    """R-MRZ-2: OCR lost three of the fillers before the composite digit."""
    line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8"
    assert check_digit(line2[0:10] + line2[13:20] + line2[21:43]) == line2[43]
    mrz = parse_mrz([TD3[0], line2.replace("<" * 15, "<" * 12)], PIVOT)
    assert mrz is not None and mrz.valid


def test_document_number_with_a_filler_inside_never_passes() -> None:
    """R-MRZ-2: a number is left-aligned; 'AB<1234' passing its digit is a misreading."""
    number = "AB<123456"
    line2 = number + check_digit(number) + TD3[1][10:]
    mrz = parse_mrz([TD3[0], line2], PIVOT)
    assert mrz is not None and dict(mrz.checks)["document_number"] is False


def test_date_that_passes_its_digit_but_is_no_date_fails() -> None:
    """R-MRZ-2, R-MRZ-4: OCR made 280721 into 2Z8072 (Z read as 2, a character lost):
    228072 passes its check digit by chance and the composite was recomputed, yet
    month 80 is no date, so the expiry check fails and the MRZ is not valid."""
    line1 = "I<UTOD231458907<<<<<<<<<<<<<<<"
    line2 = "7408122F" + "228072" + check_digit("228072") + "UTO<<<<<<<<<<<"
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    mrz = parse_mrz([line1, line2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"], PIVOT)
    assert mrz is not None and not mrz.valid
    assert dict(mrz.checks)["expiry_date"] is False


# --- several readings and the printed zone (R-MRZ-2, R-ID-8) -----------------

CNI_2021 = compose_td1(
    issuing_state="FRA", surname="ROUSSEAU", given_names="CHLOE", document_number="VDKCZKWC9",
    nationality="FRA", birth_date=date(1987, 11, 1), sex="F", expiry_date=date(2035, 9, 27),
)  # fmt: skip
PASSPORT = compose_td3(
    issuing_state="CIV", surname="BAMBA", given_names="MARIAM", document_number="46RL48556",
    nationality="CIV", birth_date=date(2007, 6, 20), sex="F", expiry_date=date(2027, 10, 25),
)  # fmt: skip
CNI_PRINTED = (
    "NOM / Surname\nROUSSEAU\nN° DU DOCUMENT / Document No DATE D'EXPIR.\nVDKCZKWC9 27 09 2035"
)


def _read(lines: list[str]) -> Mrz:
    mrz = find_mrz("\n".join(lines), PIVOT)
    assert mrz is not None
    return mrz


def _misread(line: str, at: int, char: str) -> str:
    return line[:at] + char + line[at + 1 :]


def test_printed_number_that_passes_the_check_digit_repairs_the_mrz() -> None:
    """'9' read as 'I' in an alphanumeric number: no look-alike rule may touch it, the
    visual zone's number passes the MRZ's own check digit (R-ID-8, R-MRZ-2)."""
    bad = _read([_misread(CNI_2021[0], 13, "I"), *CNI_2021[1:]])
    assert not bad.valid
    fixed = combine_readings([bad], CNI_PRINTED, PIVOT)
    assert fixed is not None and fixed.valid and fixed.corrected
    assert fixed.document_number == "VDKCZKWC9"


def test_printed_value_failing_the_check_digit_is_not_taken() -> None:
    bad = _read([_misread(CNI_2021[0], 13, "I"), *CNI_2021[1:]])
    other = CNI_PRINTED.replace("VDKCZKWC9", "VDKCZKWC8")  # another number: wrong digit
    kept = combine_readings([bad], other, PIVOT)
    assert kept is not None and not kept.valid and kept.document_number == "VDKCZKWCI"


def test_printed_value_far_from_the_reading_is_not_taken() -> None:
    """A printed value differing by two characters that are no look-alikes is another
    number: a number's check digit is its only guard, one more candidate is one more
    1-in-10 chance of a wrong value passing."""
    truth = compose_td1(
        issuing_state="FRA", surname="ROUSSEAU", given_names="CHLOE", document_number="AB1234567",
        nationality="FRA", birth_date=date(1987, 11, 1), sex="F", expiry_date=date(2035, 9, 27),
    )  # fmt: skip
    garbled = truth[0][:5] + "XW" + truth[0][7:]  # 'AB' misread 'XW'
    assert not _read([garbled, *truth[1:]]).valid
    kept = combine_readings([_read([garbled, *truth[1:]])], "AB1234567", PIVOT)
    assert kept is not None and not kept.valid


def test_printed_repair_allows_a_character_read_twice() -> None:
    """OCR added a character inside the number ('5' read as 'S5'): the check digit sits
    one place on and the printed number still repairs the line."""
    line2 = PASSPORT[1][:7] + "S" + PASSPORT[1][7:]  # 45 characters
    bad = _read([PASSPORT[0], line2])
    assert not bad.valid
    printed = "Passport No.\n46RL48556\nDate of birth 20/06/2007\nDate of expiry 25/10/2027"
    fixed = combine_readings([bad], printed, PIVOT)
    assert fixed is not None and fixed.valid
    assert fixed.document_number == "46RL48556"
    assert fixed.birth_date == date(2007, 6, 20)


def test_fields_are_taken_from_the_reading_where_their_check_digit_passes() -> None:
    """One reading has the number wrong, another the birth date: together they are whole."""
    one = _read([PASSPORT[0], _misread(PASSPORT[1], 2, "K")])
    two = _read([PASSPORT[0], _misread(PASSPORT[1], 15, "9")])
    assert not one.valid and not two.valid
    merged = combine_readings([one, two], "", PIVOT)
    assert merged is not None and merged.valid
    assert (merged.document_number, merged.birth_date) == ("46RL48556", date(2007, 6, 20))


def test_composite_decides_between_readings_passing_a_field_with_different_values() -> None:
    """An expiry misread '291211' passes its check digit by chance when the check digit is
    misread too; the composite picks the other reading's expiry."""
    truth = compose_td3(
        issuing_state="NGA", surname="BALOGUN", given_names="CHIAMAKA", document_number="A54937843",
        nationality="NGA", birth_date=date(1990, 12, 22), sex="F", expiry_date=date(2029, 12, 17),
    )  # fmt: skip
    wrong_expiry = truth[1][:21] + "2912110" + truth[1][28:]  # '291211' + its own digit 0
    first = _read([truth[0], wrong_expiry])
    second = _read([truth[0], _misread(truth[1], 5, "X")])  # number wrong, expiry right
    assert dict(first.checks)["expiry_date"] and not first.valid and not second.valid
    merged = combine_readings([first, second], "", PIVOT)
    assert merged is not None and merged.valid and merged.expiry_date == date(2029, 12, 17)


def test_filler_letters_at_the_end_of_a_name_line_are_fillers() -> None:
    noisy = PASSPORT[0][:30] + "LLELLEELELELEE"
    assert find_mrz("\n".join([noisy, PASSPORT[1]]), PIVOT).valid
    short_name = compose_td3(
        issuing_state="FRA", surname="MARTIN", given_names="ELLE", document_number="12AB34567",
        nationality="FRA", birth_date=date(1990, 1, 2), sex="F", expiry_date=date(2030, 1, 2),
    )  # fmt: skip
    assert find_mrz("\n".join(short_name), PIVOT).given_names == "ELLE"


def _cni(number: str) -> list[str]:
    return compose_td1(
        issuing_state="FRA", surname="BONNET", given_names="HUGO", document_number=number,
        nationality="FRA", birth_date=date(2005, 1, 8), sex="M", expiry_date=date(2036, 2, 8),
    )  # fmt: skip


def test_a_misread_passing_every_check_by_chance_yields_to_the_printed_value() -> None:
    """'097CRK3FV' read 'OD7CRK3FV' passes the number's check digit and the composite
    (seen on a phone photo): the value the printed zone shows and the check digits
    confirm wins (R-ID-8)."""
    truth = _cni("097CRK3FV")
    misread = [truth[0].replace("097CRK3FV", "OD7CRK3FV"), *truth[1:]]
    chance = _read(misread)
    assert chance.valid and chance.document_number == "OD7CRK3FV"
    printed = "N° DU DOCUMENT / Document No\n097CRK3FV 08 02 2036\nM FRA 08 01 2005"
    assert combine_readings([chance], printed, PIVOT).document_number == "097CRK3FV"
    assert combine_readings([chance], "", PIVOT).document_number == "OD7CRK3FV"  # no witness


def test_the_mrz_lines_in_the_page_text_are_no_printed_witness() -> None:
    truth = _cni("097CRK3FV")
    misread = [truth[0].replace("097CRK3FV", "OD7CRK3FV"), *truth[1:]]
    page = "\n".join(["097CRK3FV", *truth])  # the MRZ's own lines hold other tokens
    assert combine_readings([_read(misread)], page, PIVOT).document_number == "097CRK3FV"
    only_mrz = "\n".join(misread)
    assert combine_readings([_read(misread)], only_mrz, PIVOT).document_number == "OD7CRK3FV"


def test_printed_number_with_a_character_read_twice_still_repairs() -> None:
    """The printed zone's OCR doubled a stroke ('6NNU9ICTVP'): dropping one character
    gives the number the MRZ's check digit confirms."""
    truth = _cni("6NNU9CTVP")
    bad = _read([truth[0].replace("6NNU9CTVP", "6NNUOCTVP"), *truth[1:]])
    assert not bad.valid
    fixed = combine_readings([bad], "N° DU DOCUMENT\n6NNU9ICTVP 08 02 2036", PIVOT)
    assert fixed.valid and fixed.document_number == "6NNU9CTVP"


def test_a_character_read_twice_in_the_mrz_is_dropped_where_the_checks_say() -> None:
    """'KG595069<0OUKR...': an 'O' read after the check digit. Trimming the line at its
    start passes every check by chance ('G595069<0'); dropping the 'O' passes them by
    right, and agrees with the printed number."""
    truth = compose_td3(
        issuing_state="UKR", surname="SHEVCHENKO", given_names="SERHII", document_number="KG595069",
        nationality="UKR", birth_date=date(1982, 8, 18), sex="M", expiry_date=date(2031, 9, 30),
    )  # fmt: skip
    doubled = truth[1][:10] + "O" + truth[1][10:]
    reading = _read([truth[0], doubled])
    printed = "Passport No.\nKG595069\n18 AUG 1982\n30 SEP 2031"
    fixed = combine_readings([reading], printed, PIVOT)
    assert fixed.valid and fixed.document_number == "KG595069"


def test_a_valid_reading_is_not_shifted_onto_a_misread_printed_number() -> None:
    """The card prints '4PN0WZ270', its VIZ is read '4PNOWZ270' and its MRZ
    '4PNOWZ2702', which a look-alike swap confirmed by the check digit makes
    4PN0WZ270 (R-MRZ-2). Taking the field as read a character short would let the
    printed misread claim the field's last digit as its own check digit."""
    truth = compose_td1(
        issuing_state="D", surname="WAGNER", given_names="LUKAS", document_number="4PN0WZ270",
        nationality="D", birth_date=date(1988, 12, 15), sex="M", expiry_date=date(2035, 1, 9),
    )  # fmt: skip
    read = _read([truth[0].replace("4PN0WZ270", "4PNOWZ270"), *truth[1:]])
    assert read.valid and read.document_number == "4PN0WZ270"
    printed = "Ausweisnummer / Document No\n4PNOWZ270\n15 DEC 1988\n09 JAN 2035"
    assert combine_readings([read], printed, PIVOT).document_number == "4PN0WZ270"


def _td3_named(surname: str, given: str) -> tuple[str, str]:
    return compose_td3(
        issuing_state="COL", surname=surname, given_names=given, document_number="AB1234567",
        nationality="COL", birth_date=date(1990, 1, 2), sex="F", expiry_date=date(2030, 1, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("true", "read", "printed", "surname", "given"),
    [
        # a '<' of the separator read as K (the committed demo passport, issue 4)
        ("CASTANEDA<<VALERIA", "CASTANEDAK<VALERIA", "Nom / Surname\nCASTANEDA\nPrénoms\nVALERIA",
         "CASTANEDA", "VALERIA"),
        # a '<' of the separator lost
        ("NOVAK<<JAN", "NOVAK<JAN<", "Nom NOVAK\nPrénom JAN", "NOVAK", "JAN"),
        # the same reading of a NOVA: the printed zone has no K, so it was a filler
        ("NOVA<<JAN<", "NOVAK<JAN<", "Nom NOVA\nPrénom JAN", "NOVA", "JAN"),
        # both splits printed (two people on the page): left as read
        ("NOVAK<<JAN", "NOVAK<JAN<", "NOVA JAN\nNOVAK JAN", "NOVAK JAN", ""),
        # no printed zone: left as read
        ("CASTANEDA<<VALERIA", "CASTANEDAK<VALERIA", "", "CASTANEDAK VALERIA", ""),
    ],
)  # fmt: skip
def test_name_separator_is_settled_by_the_printed_zone(
    true: str, read: str, printed: str, surname: str, given: str
) -> None:
    """R-ID-8: no check digit covers the names; where the '<<' separator was misread,
    the printed zone tells where the surname ends, when exactly one split shows."""
    good = _td3_named(*true.rstrip("<").split("<<"))
    lines = [good[0].replace(true, read), good[1]]
    mrz = find_mrz("\n".join(lines), date(2026, 1, 1))
    assert mrz is not None and mrz.given_names == ""
    settled = combine_readings([mrz], printed, date(2026, 1, 1))
    assert settled is not None and settled.valid
    assert (settled.surname, settled.given_names) == (surname, given)
