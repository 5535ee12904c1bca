"""IBAN, clé RIB, BIC and masking (DOMAIN §6, R-RIB-1..7).

Example IBANs are the published ones: FR76 3000 6000 0112 3456 7890 189
(DOMAIN §6, clé 89), DE89 3704 0044 0532 0130 00 and GB82 WEST 1234 5698
7654 32 (the ISO 13616 / Wikipedia examples), SA03 8000 0000 6080 1016 7519
(a non-SEPA example from the same list).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as std_iban

from dossier_check.fields.iban import (
    SEPA_COUNTRIES,
    IbanMatch,
    find_bics,
    find_ibans,
    find_ibans_repaired,
    mask,
    rib_key_valid,
)

FR = "FR76 3000 6000 0112 3456 7890 189"
DE = "DE89 3704 0044 0532 0130 00"
GB = "GB82 WEST 1234 5698 7654 32"
SA = "SA03 8000 0000 6080 1016 7519"


def _only(text: str) -> IbanMatch:
    found = find_ibans(text)
    assert len(found) == 1, found
    return found[0]


def test_published_french_iban_is_valid_with_its_rib_parts() -> None:
    m = _only(f"IBAN : {FR}")
    assert m.iban == "FR7630006000011234567890189"
    assert m.valid and m.country == "FR" and m.is_sepa
    assert (m.bank_code, m.branch_code, m.account, m.rib_key) == (
        "30006", "00001", "12345678901", "89",
    )  # fmt: skip
    assert m.rib_key_ok is True
    assert not m.corrected


@pytest.mark.parametrize(("text", "country"), [(DE, "DE"), (GB, "GB")])
def test_published_foreign_ibans_are_valid_sepa(text: str, country: str) -> None:
    m = _only(f"Account: {text}.")
    assert m.valid and m.country == country and m.is_sepa
    assert m.bank_code is None and m.rib_key_ok is None


def test_non_sepa_iban_is_valid_but_not_sepa() -> None:
    """R-RIB-7 decides on is_sepa; R-RIB-1 only on the checksum."""
    m = _only(SA)
    assert m.valid and not m.is_sepa


#: Morocco's example IBAN (announced, not yet in the ISO registry python-stdnum follows).
MA = "MA64 0115 1900 0001 2050 0053 4921"


def test_aspirational_iban_from_an_applicants_home_country_is_valid_but_not_sepa() -> None:
    """R-RIB-1 with schwifty's registry of announced IBANs (MA, DZ, SN, CI, CM...): a
    Moroccan RIB is a RIB, of an account outside SEPA (R-RIB-7). A digit changed fails."""
    m = _only(f"IBAN {MA}")
    assert m.valid and m.country == "MA" and not m.is_sepa
    assert not _only(f"IBAN {MA[:-1]}2").valid


def test_iban_with_a_flipped_digit_is_reported_invalid() -> None:
    m = _only("IBAN FR76 3000 6000 0112 3456 7890 188")
    assert not m.valid and m.iban == "FR7630006000011234567890188"


def test_iban_with_right_mod97_but_wrong_rib_key_flags_the_key() -> None:
    """R-RIB-2: an IBAN computed over a RIB with a wrong clé still passes mod-97."""
    bban = "30006000011234567890188"
    iban = std_iban.calc_check_digits("FR00" + bban)
    m = _only(f"FR{iban}{bban}")
    assert m.valid and m.rib_key_ok is False


def test_span_points_at_the_iban_in_the_original_text() -> None:
    text = f"Titulaire : Jean Dupont\nIBAN: {FR} BIC: BNPAFRPP"
    m = _only(text)
    assert text[m.span[0] : m.span[1]] == FR


def test_dashes_between_groups_are_tolerated() -> None:
    assert _only(GB.replace(" ", "-")).valid


@pytest.mark.parametrize("boxed", ["[{}]", "({})", "| {} |", "][ {} ]["])
def test_groups_printed_in_boxes_are_read_through_the_box_edges(boxed: str) -> None:
    """R-RIB-1: a bank printing each group in a box; OCR reads the edges as brackets
    or rules between the groups."""
    groups = FR.split(" ")
    text = "IBAN " + " ".join(boxed.format(g) for g in groups)
    assert [m.iban for m in find_ibans_repaired(text) if m.valid] == ["".join(groups)]


def test_label_glued_to_the_iban_is_skipped() -> None:
    assert _only("IBANFR7630006000011234567890189").valid


def test_letters_read_for_digits_are_repaired_when_the_checksum_confirms() -> None:
    m = _only("IBAN FR76 3OOO 6000 0112 3456 7890 I89")
    assert m.valid and m.corrected
    assert m.iban == "FR7630006000011234567890189"


def test_digit_read_for_a_letter_in_a_bank_code_is_repaired() -> None:
    """GB BBANs start with a 4-letter bank code: a 0 there can only be an O."""
    iban = "GB" + std_iban.calc_check_digits("GB00BOFI12345698765432") + "BOFI12345698765432"
    m = _only(iban.replace("BOFI", "B0F1"))
    assert m.valid and m.corrected and m.iban == iban


def test_confusion_outside_the_known_pairs_is_reported_not_guessed() -> None:
    m = _only("IBAN FR76 3000 6000 0112 3456 7890 1B9")
    assert not m.valid and not m.corrected


def test_two_ibans_on_one_line_are_both_found() -> None:
    found = find_ibans(f"{FR} ou {DE}")
    assert [m.country for m in found] == ["FR", "DE"]
    assert all(m.valid for m in found)


def test_labelled_truncated_iban_is_reported_invalid_without_the_next_word() -> None:
    m = _only("IBAN : FR76 3000 6000 0112 3456 7890 18 BIC BNPAFRPP")
    assert not m.valid and m.iban == "FR763000600001123456789018"


def test_labelled_run_longer_than_its_country_iban_is_no_iban() -> None:
    """A re-read glues label and groups ("IBANAT43..."): an Austrian IBAN has 20
    characters, a first group of 27 cannot be one, and the search must not raise."""
    assert find_ibans("IBANAT43GO423175757267399999173") == []


@pytest.mark.parametrize(
    "text",
    [
        "DE 12 RUE DE LA PAIX 75002 PARIS",
        "Référence client FR12 3456",
        "NO 1234 ABCD",
        "XX76 3000 6000 0112 3456 7890 189",
    ],
)
def test_ordinary_text_is_not_taken_for_an_iban(text: str) -> None:
    assert find_ibans(text) == []


# --- clé RIB (R-RIB-2) ---------------------------------------------------------


def test_rib_key_of_the_domain_example_is_valid() -> None:
    assert rib_key_valid("30006", "00001", "12345678901", "89")
    assert not rib_key_valid("30006", "00001", "12345678901", "88")


def _key(bank: str, branch: str, account: str) -> str:
    """The clé for an all-digit account, from the DOMAIN formula."""
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"


@pytest.mark.parametrize(
    ("letter", "digit"),
    [("A", "1"), ("J", "1"), ("B", "2"), ("K", "2"), ("S", "2"), ("T", "3"), ("I", "9"),
     ("R", "9"), ("Z", "9"), ("O", "6"), ("Y", "8")],
)  # fmt: skip
def test_letters_in_the_account_count_per_the_standard_table(letter: str, digit: str) -> None:
    key = _key("12345", "67890", f"0000012345{digit}")
    assert rib_key_valid("12345", "67890", f"0000012345{letter}", key)


@pytest.mark.parametrize(
    "parts",
    [("3000", "00001", "12345678901", "89"), ("30006", "00001", "1234567890", "89"),
     ("30006", "00001", "12345678901", "8"), ("3000A", "00001", "12345678901", "89"),
     ("30006", "00001", "1234567890-", "89")],
)  # fmt: skip
def test_malformed_rib_parts_are_invalid(parts: tuple[str, str, str, str]) -> None:
    assert not rib_key_valid(*parts)


# --- BIC (R-RIB-3) ---------------------------------------------------------------


def test_labelled_bic_is_found_even_with_ocr_spaces() -> None:
    assert find_bics("BIC : BNPA FR PP") == ["BNPAFRPP"]
    assert find_bics("Code SWIFT: DEUTDEFF500 Domiciliation") == ["DEUTDEFF500"]


def test_labelled_bic_does_not_swallow_the_next_word() -> None:
    assert find_bics("BIC : BNPAFRPP Domiciliation PARIS") == ["BNPAFRPP"]


def test_unlabelled_word_with_bic_shape_is_ignored_without_a_matching_iban() -> None:
    assert find_bics("RELEVE BANCAIRE DOMICILIATION") == []


def test_unlabelled_bic_counts_when_its_country_matches_a_valid_iban() -> None:
    assert find_bics(f"{FR}\nBNPAFRPP") == ["BNPAFRPP"]


def test_bic_of_another_country_is_dropped_when_a_country_is_required() -> None:
    assert find_bics("BIC: DEUTDEFF", country="FR") == []
    assert find_bics("BIC: DEUTDEFF", country="DE") == ["DEUTDEFF"]


# --- masking and constants -------------------------------------------------------


def test_mask_keeps_only_the_last_four_characters_and_drops_spaces() -> None:
    assert mask(FR) == "*" * 23 + "0189"
    assert mask("L898902C3") == "*****02C3"
    assert mask("AB12", keep=2) == "**12"
    assert mask("123") == "123"


def test_sepa_countries_cover_the_eu_eea_and_swiss_but_not_the_us() -> None:
    assert {"FR", "DE", "LT", "NO", "CH", "GB", "MC"} <= SEPA_COUNTRIES
    assert "US" not in SEPA_COUNTRIES and "SA" not in SEPA_COUNTRIES


# --- properties ---------------------------------------------------------------------


@st.composite
def _french_iban(draw: st.DrawFn) -> str:
    digits = st.text(alphabet="0123456789", min_size=1, max_size=1)
    bank, branch, account = (
        "".join(draw(st.lists(digits, min_size=n, max_size=n))) for n in (5, 5, 11)
    )
    bban = bank + branch + account + _key(bank, branch, account)
    return "FR" + std_iban.calc_check_digits("FR00" + bban) + bban


#: Blanks a PDF's text layer puts between groups: French typography's narrow no-break
#: space (U+202F), a thin space (U+2009), a no-break space.
_SEPARATORS = [" ", "-", "", "  ", "\u202f", "\u2009", "\u00a0"]


@settings(max_examples=150, deadline=None)
@given(_french_iban(), st.sampled_from(_SEPARATORS), st.integers(3, 5), st.text(max_size=30))
def test_any_valid_french_iban_is_found_however_grouped(
    iban: str, sep: str, size: int, noise: str
) -> None:
    """R-RIB-1: groups of three, four or five, split by any blank a text layer gives."""
    grouped = sep.join(iban[i : i + size] for i in range(0, len(iban), size))
    found = find_ibans(f"{noise}\nIBAN : {grouped}\n{noise}")
    assert any(m.iban == iban and m.valid and m.rib_key_ok for m in found)


@given(st.text(max_size=300))
def test_find_ibans_and_bics_never_raise_on_arbitrary_text(text: str) -> None:
    assert isinstance(find_ibans(text), list)
    assert isinstance(find_bics(text), list)


@given(st.text(alphabet="FRDEGB0123456789OIAB -\n", max_size=200))
def test_find_ibans_never_raises_on_iban_like_noise(text: str) -> None:
    for m in find_ibans(text):
        assert m.valid == std_iban.is_valid(m.iban)


def test_a_misread_country_code_is_repaired_from_the_labelled_bic() -> None:
    # R-RIB-3: the BIC names the account's country; R-RIB-1: mod-97 then decides
    iban = "FR7630006000011234567890189"
    text = f"IBAN : FK{iban[2:]}\nBIC : AGRIFRPP"
    assert [m.iban for m in find_ibans_repaired(text) if m.valid] == [iban]


def test_a_country_code_is_not_swapped_without_a_bic_that_passes_mod_97() -> None:
    text = "IBAN : FK7630006000011234567890189\nBIC : DEUTDEFF"  # German BIC: mod-97 fails
    assert not [m for m in find_ibans_repaired(text) if m.valid]
    assert not [m for m in find_ibans_repaired("IBAN : FK7630006000011234567890189") if m.valid]


def test_cameroon_read_as_china_is_repaired_from_its_bic() -> None:
    # a home-country RIB (R-RIB-7): "CN" read for "CM"; China has no IBAN, the BIC says CM
    from samples.identifiers import make_iban

    iban = make_iban("CM", "10005000230123456789012")
    text = f"IBAN CN{iban[2:4]} {iban[4:8]} {iban[8:12]} {iban[12:16]} {iban[16:]}\nBIC SGCMCMCX"
    assert [m.iban for m in find_ibans_repaired(text) if m.valid] == [iban]
