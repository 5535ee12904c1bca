"""fold(): the normalisation every keyword match relies on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier_check.text import fold, strip_accents


def test_fold_uppercases_and_strips_accents() -> None:
    assert fold("Relevé d'identité bancaire") == "RELEVE D'IDENTITE BANCAIRE"


def test_fold_turns_typographic_apostrophes_and_quotes_into_plain_ones() -> None:
    assert fold("Date d’échéance") == "DATE D'ECHEANCE"
    assert fold("d‘Arc «nom» “x”") == "D'ARC 'NOM' 'X'"


def test_fold_collapses_every_whitespace_run_including_non_breaking_spaces() -> None:
    assert fold("  Nom\u00a0:\t DUPONT\n\n Jean\u202f ") == "NOM : DUPONT JEAN"


def test_fold_expands_ligatures_and_sharp_s() -> None:
    assert fold("Cœur Ærø Straße ﬁn") == "COEUR AERO STRASSE FIN"


def test_strip_accents_keeps_case() -> None:
    assert strip_accents("Élodie Nuñez") == "Elodie Nunez"


@given(st.text(alphabet=st.characters(max_codepoint=0x2FF) | st.sampled_from("’‘“”«»\u00a0")))
def test_fold_is_idempotent_on_latin_text(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(st.text())
def test_fold_output_has_no_double_or_edge_spaces(s: str) -> None:
    out = fold(s)
    assert "  " not in out
    assert out == out.strip()
