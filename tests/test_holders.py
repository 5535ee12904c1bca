"""Whose document it is: the holder of a RIB (R-RIB-4), the employee of a payslip or
an employment contract (R-X-1), read from text (no OCR).

The texts are written here, in layouts other than the sample generator's, so that
a rule keyed to one template's wording fails them. A wrong holder is worse than
none: it turns a document into "in someone else's name" (R-RIB-4, R-X-1), so
several tests ask for no holder rather than a label, a place or a company.
"""

from __future__ import annotations

import pytest

from dossier_check.doctypes import rib
from dossier_check.doctypes._common import value_after_label
from tests.factories import signals

IBAN = "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPPXXX\n"


def rib_holder(text: str) -> str | None:
    return rib.extract(signals("RELEVÉ D'IDENTITÉ BANCAIRE\n" + text + IBAN))[0].get("holder")


# ---- RIB (R-RIB-4)


@pytest.mark.parametrize(
    "labels,values,holder",
    [
        (
            "Titulaire du compte        Domiciliation",
            "M. Jean DUPONT             Nordlys Finance",
            "M. Jean DUPONT",
        ),
        ("Intitulé du compte   Agence", "AMINATA DIALLO   AGENCE LYON PART-DIEU", "AMINATA DIALLO"),
        (
            "Titulaire   Domiciliation :",
            "DUPONT Jean-Pierre   CAISSE DU MIDI",
            "DUPONT Jean-Pierre",
        ),
    ],
)
def test_rib_holder_under_a_two_column_heading_R_RIB_4(labels, values, holder):
    """The holder's label shares its line with the bank's; the value line holds both
    values, and the holder's ends where the bank's begins."""
    assert rib_holder(f"{labels}\n{values}\n12 rue des Lilas   Agence centrale\n") == holder


def test_rib_holder_is_not_the_bank_named_after_a_second_colon_R_RIB_4():
    text = "Titulaire du compte : M. DUPONT Jean    Domiciliation : NORDLYS FINANCE\n"
    assert rib_holder(text) == "M. DUPONT Jean"


@pytest.mark.parametrize(
    "line,holder",
    [
        ("Titulaire : M. LÊ THÀNH LONG", "M. LÊ THÀNH LONG"),
        ("Titular da conta: Maria do Carmo SOUSA-LIMA", "Maria do Carmo SOUSA-LIMA"),
        ("Titulaire : M. et Mme DUPONT", "M. et Mme DUPONT"),
        ("Titulaire : M. Jean DUPONT et Mme Anna NOWAK", "M. Jean DUPONT et Mme Anna NOWAK"),
        ("Naam rekeninghouder: Daan de Vries", "Daan de Vries"),
    ],
)
def test_rib_holder_keeps_particles_accents_and_joint_holders_R_RIB_4(line, holder):
    assert rib_holder(line + "\n") == holder


def test_rib_holder_label_with_one_letter_misread_R_RIB_4():
    assert (
        rib_holder("Fitulaire   Domiciliation\nM. Omar HADDAD   AGENCE NICE\n") == "M. Omar HADDAD"
    )


def test_rib_holder_from_a_column_of_labels_then_a_column_of_values_R_RIB_4():
    """Labels and values read as two blocks: the civility-led name is the holder."""
    text = "Intitulé du compte\nIBAN\nBIC\nDomiciliation\nMme Svetlana IVANOVA\n"
    assert rib_holder(text) == "Mme Svetlana IVANOVA"


# ---- the shared label reader


def test_label_ending_a_sentence_does_not_take_the_next_line():
    text = "Ce document est remis au salarié\nFait à Paris le 3 mars 2025\n"
    assert value_after_label(text, ["Salarié"]) is None
