"""Whose document it is: the holder of a RIB (R-RIB-4), the employee of a payslip or
an employment contract (R-X-1), read from text (no OCR).

The texts are written here, in layouts other than the sample generator's, so that
a rule keyed to one template's wording fails them. A wrong holder is worse than
none: it turns a document into "in someone else's name" (R-RIB-4, R-X-1), so
several tests ask for no holder rather than a label, a place or a company.
"""

from __future__ import annotations

import pytest

from dossier_check.doctypes import employment_contract, payslip, rib
from dossier_check.doctypes._common import value_after_label
from tests.factories import signals

IBAN = "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPPXXX\n"


def rib_holder(text: str) -> str | None:
    return rib.extract(signals("RELEVÉ D'IDENTITÉ BANCAIRE\n" + text + IBAN))[0].get("holder")


def payslip_holder(text: str) -> str | None:
    return payslip.extract(signals(text))[0].get("holder")


def contract_holder(text: str) -> str | None:
    return employment_contract.extract(signals(text))[0].get("holder")


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


# ---- payslips (R-X-1)

PAY = "BULLETIN DE PAIE\nPériode du 01/10/2026 au 31/10/2026\n"
LINES = "Salaire de base 2 100,00\nSALAIRE BRUT 2 100,00\nNET A PAYER 1 640,00\n"


def test_payslip_employee_in_the_address_block_beside_the_employer_R_X_1():
    """Employer block left, employee block right, each read as one line."""
    text = (
        PAY + "Menuiserie Kervella SARL      Mme Ana Luisa FERREIRA\n"
        "4 rue du Port, 29200 Brest      18 avenue Foch, 29200 Brest\n"
        "SIRET 123 456 789 00012      Emploi : menuisière\n" + LINES
    )
    assert payslip_holder(text) == "Mme Ana Luisa FERREIRA"


def test_payslip_employee_named_over_a_postal_address_R_X_1():
    text = PAY + "OKAFOR Chidi\n7 allée des Cèdres\n69003 Lyon\n" + LINES
    assert payslip_holder(text) == "OKAFOR Chidi"


@pytest.mark.parametrize(
    "block,holder",
    [
        ("Nom et prénom : NGUYEN Thi Lan\n", "NGUYEN Thi Lan"),
        ("Matricule 0042   Nom : SILVA\nPrénom : Ana Clara\n", "SILVA Ana Clara"),
        ("Nombre del trabajador: Lucía NAVARRO GIL\n", "Lucía NAVARRO GIL"),
    ],
)
def test_payslip_employee_under_its_labels_R_X_1(block, holder):
    assert payslip_holder(PAY + block + LINES) == holder


def test_payslip_employee_under_a_two_column_heading_R_X_1():
    text = PAY + "Salarié(e)     Employeur\nKarim BENALI     Nordlys Conseil\n" + LINES
    assert payslip_holder(text) == "Karim BENALI"


def test_payslip_employer_is_never_the_employee_R_X_1():
    """The employee's name lost, the heading and the employer's block remain: no holder,
    rather than the next column's label or the company."""
    text = (
        PAY + "Salarié(e)     Employeur\nAtelier Nordique SAS\n"
        "12 rue des Forges, 67000 Strasbourg\n" + LINES
    )
    assert payslip_holder(text) is None


# ---- employment contracts (R-X-1)


def test_contract_employee_is_the_second_party_not_fait_R_X_1():
    text = (
        "CONTRAT DE TRAVAIL\nEntre la société Ventes et Conseils SARL, 3 place Bellecour,\n"
        "69002 Lyon, d'une part,\net Mme Ngozi OKONKWO, née le 2 mai 1990, demeurant\n"
        "5 rue Garibaldi, 69003 Lyon, d'autre part.\n"
        "Le salarié est engagé à compter du 1er mars 2025.\n"
        "La convention collective est tenue à la disposition du salarié.\n"
        "Fait à Lyon, le 20 février 2025.\n"
    )
    assert contract_holder(text) == "Mme Ngozi OKONKWO"


def test_contract_without_a_readable_employee_has_no_holder_R_X_1():
    """A sentence ending on "salarié" is not a label: "Fait à ..." below is no name."""
    text = (
        "CONTRAT DE TRAVAIL À DURÉE DÉTERMINÉE\nArticle 5\n"
        "Le règlement intérieur est remis au salarié.\nFait à Paris, le 3 mars 2025\n"
    )
    assert contract_holder(text) is None


def test_contract_signature_captions_are_not_the_employee_R_X_1():
    text = (
        "CONTRAT DE TRAVAIL\nLe salarié est engagé à compter du 1er mars 2025.\n"
        "Le salarié\nL'employeur\n"
    )
    assert contract_holder(text) is None


def test_english_contract_employee_after_between_and_R_X_1():
    text = (
        "EMPLOYMENT AGREEMENT\nThis agreement is made between Harbour Tech Ltd, 1 Quay Street,\n"
        "Dublin (the Employer) and Jane Doe (the Employee).\nStart date: 1 March 2025.\n"
    )
    assert contract_holder(text) == "Jane Doe"


def test_attestation_employee_is_not_the_signatory_R_X_1():
    text = (
        "ATTESTATION EMPLOYEUR\nJe soussignée, Mme Hélène ROUX, agissant en qualité de\n"
        "directrice, certifions que M. Tariq AZIZ, né le 4 juin 1988, est employé\n"
        "depuis le 2 janvier 2024.\n"
    )
    assert contract_holder(text) == "M. Tariq AZIZ"


# ---- the shared label reader


def test_label_ending_a_sentence_does_not_take_the_next_line():
    text = "Ce document est remis au salarié\nFait à Paris le 3 mars 2025\n"
    assert value_after_label(text, ["Salarié"]) is None
