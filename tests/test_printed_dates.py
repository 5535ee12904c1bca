"""Residence permits and identity cards without an MRZ date: birth and expiry dates read
from the printed text (R-TS-2, R-TS-8, R-ID-3, R-ID-4), the MRZ's dates kept where it
has them. Text written here (no OCR, no sample template)."""

from __future__ import annotations

from dossier_check import doctypes
from dossier_check.doctypes import national_id, residence_permit
from tests.factories import TD1_PERMIT_LINES, signals

RENEWAL = """PRÉFECTURE DE LA GIRONDE
RÉCÉPISSÉ DE DEMANDE DE RENOUVELLEMENT DE CARTE DE SÉJOUR
Nom : OKAFOR          Prénoms : Chidi
Date de naissance : 04/07/1987      Nationalité : nigériane
Délivré le 10/09/2026
Ce récépissé est valable jusqu'au 09/03/2027. Il autorise son titulaire à travailler."""

ASYLUM = """MINISTÈRE DE L'INTÉRIEUR
ATTESTATION DE DEMANDE D'ASILE - PROCÉDURE NORMALE
NOM : HAIDARI    PRÉNOM(S) : Ahmad    SEXE : M
Né(e) le : 21.11.1996      Nationalité : afghane
Cette attestation est valide du 02.10.2026 au 01.04.2027.
Elle est renouvelable jusqu'à la décision de l'OFPRA."""


def test_a_renewal_receipt_gives_its_expiry_and_birth_date_R_TS_2() -> None:
    s = signals(RENEWAL)
    assert doctypes.classify(s)[0].type == "residence_permit"
    fields, problems = residence_permit.extract(s)
    assert (fields["birth_date"], fields["expiry_date"]) == ("1987-07-04", "2027-03-09")
    assert not [p for p in problems if p.code == "unreadable_field"]


def test_a_receipt_with_only_its_issue_date_has_no_expiry_R_TS_2() -> None:
    text = RENEWAL.replace("Ce récépissé est valable jusqu'au 09/03/2027. ", "")
    fields, problems = residence_permit.extract(signals(text))
    assert "expiry_date" not in fields  # the 10/09/2026 "délivré le" is not the expiry
    assert [p.params["field"] for p in problems if p.code == "unreadable_field"] == ["expiry_date"]


def test_an_asylum_attestation_gives_its_validity_end_and_birth_date_R_TS_2() -> None:
    fields, _ = residence_permit.extract(signals(ASYLUM))
    assert (fields["birth_date"], fields["expiry_date"]) == ("1996-11-21", "2027-04-01")


def test_the_mrz_dates_win_over_the_printed_ones_R_ID_8() -> None:
    text = "TITRE DE SÉJOUR\nNé(e) le 19.01.1988\nValable jusqu'au 14.03.2028\n" + "\n".join(
        TD1_PERMIT_LINES
    )
    fields, _ = residence_permit.extract(signals(text))
    assert (fields["birth_date"], fields["expiry_date"]) == ("1988-01-09", "2028-03-04")


CNI_MEYER = "IDFRAMEYER" + "<" * 20 + "675034\n1305675007505MALO<<ALAIN<<J1212031M1"
FRONT = "RÉPUBLIQUE FRANÇAISE\nCARTE NATIONALE D'IDENTITÉ N° : 130567500750\nNom : MEYER\n"


def test_the_old_cni_expiry_is_the_printed_one_R_ID_4() -> None:
    back = "Carte valable jusqu'au : 14.05.2023\ndélivrée le : 15.05.2013\npar : PRÉFECTURE"
    s = signals(FRONT + CNI_MEYER + "\f" + back)
    assert s.mrz is not None and s.mrz.format == "FR_CNI_OLD"
    fields, problems = national_id.extract(s)
    assert (fields["expiry_date"], fields["issue_date"]) == ("2023-05-14", "2013-05-15")
    assert not [p for p in problems if p.code == "unreadable_field"]


def test_the_old_cni_expiry_follows_from_the_printed_issue_date_R_ID_4() -> None:
    s = signals(FRONT + CNI_MEYER + "\fdélivrée le : 15.05.2013")
    fields, _ = national_id.extract(s)
    assert (fields["expiry_date"], fields["issue_date"]) == ("2023-05-14", "2013-05-15")


def test_a_printed_issue_date_outside_the_card_numbers_month_is_not_taken_R_MRZ_7() -> None:
    s = signals(FRONT + CNI_MEYER + "\fdélivrée le : 15.08.2014")
    fields, _ = national_id.extract(s)
    assert fields["issue_date"] == "2013-05-01"  # the month the card number gives
    assert "expiry_date" not in fields
