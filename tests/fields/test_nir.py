"""NIR / NIA (DOMAIN §9, R-NIR-1..3).

Examples are python-stdnum's documented ones (2 95 10 99 126 111 93 and
the Corsican 253072A07300443 / 253072B07300470).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier_check.fields.nir import (
    compact,
    find_nirs,
    is_provisional,
    is_valid,
    misread_nir_runs,
    nir_key,
)


@pytest.mark.parametrize("number", ["2 95 10 99 126 111 93", "253072A07300443", "253072B07300470"])
def test_published_nirs_are_valid(number: str) -> None:
    assert is_valid(number)


def test_wrong_key_is_invalid() -> None:
    assert not is_valid("295109912611199")


@pytest.mark.parametrize(
    "number",
    ["595109912611193", "253072C07300443", "29510991261119", "2951099126111933", ""],
)
def test_malformed_numbers_are_invalid(number: str) -> None:
    """R-NIR-1: first digit 1-4/7/8, 2A/2B only as department, 15 characters."""
    assert not is_valid(number)


def test_corsican_departments_key_on_19_and_18() -> None:
    assert nir_key("253072A073004") == "43"
    assert nir_key("253072B073004") == "70"


def test_nia_starting_with_7_or_8_is_provisional() -> None:
    """R-NIR-3."""
    assert is_provisional("7 90 01 99 123 456")
    assert is_provisional("890019912345600")
    assert not is_provisional("295109912611193")


def test_compact_removes_separators() -> None:
    assert compact("2 95 10 2a 126 111 / 93") == "295102A12611193"


def test_find_nirs_reads_grouped_numbers_with_a_key_after_a_slash() -> None:
    text = "N° de sécurité sociale : 2 95 10 99 126 111 / 93\nNé le 01/10/1995"
    [m] = find_nirs(text)
    assert m.nir == "295109912611193" and m.valid and not m.is_provisional
    assert m.sex == "F"
    assert text[m.span[0] : m.span[1]] == "2 95 10 99 126 111 / 93"


def test_find_nirs_reports_a_bad_key_as_invalid() -> None:
    [m] = find_nirs("NIR 295109912611199")
    assert not m.valid


def test_find_nirs_flags_a_provisional_nia() -> None:
    key = nir_key("7900199123456")
    [m] = find_nirs(f"NIA : 7 90 01 99 123 456 {key}")
    assert m.valid and m.is_provisional and m.sex == "M"


@pytest.mark.parametrize(
    "text",
    [
        "FR76 3000 6000 0112 3456 7890 189",
        "Tél. 01 23 45 67 89",
        "Compte 12345678901234567",
        "SIRET 123 456 789 00012",
    ],
)
def test_other_numbers_are_not_taken_for_a_nir(text: str) -> None:
    assert find_nirs(text) == []


@given(
    st.sampled_from("12478"),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
    st.sampled_from(["75", "99", "2A", "2B", "13"]),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_a_computed_key_always_validates(sex: str, ym: str, dept: str, rest: str) -> None:
    nir13 = sex + ym + dept + rest
    assert is_valid(nir13 + nir_key(nir13))
    assert is_provisional(nir13) == (sex in "78")


@given(st.text(max_size=300))
def test_find_nirs_never_raises(text: str) -> None:
    for m in find_nirs(text):
        assert len(m.nir) == 15


def test_a_digit_read_twice_is_dropped_when_one_drop_passes_the_key() -> None:
    """R-NIR-1: a blurred CPAM letter read '1 98 604 99 415 921 23' for
    '1 98 04 99 415 921 23' (classification seed 9641): the one drop whose NIR
    passes its structure and key is the number."""
    assert [(n.nir, n.valid) for n in find_nirs("1 98 604 99 415 921 23")] == [
        ("198049941592123", True)
    ]


@given(st.integers(min_value=0, max_value=15), st.sampled_from("0123456789"))
def test_a_digit_too_many_gives_the_number_or_nothing_never_another(at: int, extra: str) -> None:
    """Wherever the extra digit falls, the repair gives the right NIR or none: two
    passing drops (a 1-in-97 chance each) are refused, not guessed between."""
    right = "198049941592123"
    read = right[:at] + extra + right[at:]
    grouped = " ".join(
        [read[0], read[1:3], read[3:6], read[6:8], read[8:11], read[11:14], read[14:]]
    )
    assert [n.nir for n in find_nirs(grouped)] in ([right], [])


@pytest.mark.parametrize(
    "text",
    [
        "Votre numéro : 7 92 601 99 139 676 55",  # two digits doubled: drops ambiguous
        "Votre numéro : 7 79 06 99 4604 0651 43",  # 17 digits
        "N° 1 85 05 78 06 084 36",  # a digit lost: 14 digits
    ],
)
def test_a_garbled_nir_layout_is_seen_but_never_read(text: str) -> None:
    # DOMAIN §12: evidence that a CPAM letter carries a NIR; R-NIR-1: no number from it
    assert find_nirs(text) == [] and misread_nir_runs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tél. 01 23 45 67 89",
        "SIRET 123 456 789 00012",
        "Dossier 2026 11 15 0042",
        f"NIR 1 85 05 78 006 084 {nir_key('1850578006084')}",  # read: not misread
    ],
)
def test_other_numbers_are_not_a_garbled_nir(text: str) -> None:
    assert misread_nir_runs(text) == []


@pytest.mark.parametrize("number", ["1:02 04 99 127 795 10", "1 02,04 99 127 795  10"])
def test_a_speck_read_between_groups_does_not_hide_the_nir(number: str) -> None:
    # a photocopied attestation de droits: a speck read as a colon or a comma (R-NIR-1)
    [m] = find_nirs(f"Numéro de sécurité sociale {number}")
    assert m.valid and m.nir == "102049912779510"


def test_letters_read_for_the_key_are_repaired_when_the_key_then_passes() -> None:
    # "41" read "Al" on a 200 dpi attestation (R-NIR-1: the key decides)
    [m] = find_nirs("Numéro de sécurité sociale 2 82 06 99 336 741 Al")
    assert m.valid and m.nir == "282069933674141"
    assert find_nirs("Réf. 2 82 06 99 336 741 AB") == []  # no key passes: no NIR
