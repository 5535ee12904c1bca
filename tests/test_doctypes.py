"""Each classifier on a clear positive and a near miss, from text (no OCR).

The texts are written here, not taken from the sample generator's templates,
so a rule keyed to one template's layout fails these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from dossier_check import doctypes
from dossier_check.fields.mrz import compose_mrvb, compose_td1, compose_td3
from dossier_check.fields.photo import Face, PhotoMeasures
from tests.factories import TD1_PERMIT_LINES, signals

TD3 = "\n".join(
    compose_td3(
        document_code="P",
        issuing_state="BRA",
        surname="SILVA SANTOS",
        given_names="ANA CLARA",
        document_number="FX1234567",
        nationality="BRA",
        birth_date=date(1991, 5, 2),
        sex="F",
        expiry_date=date(2031, 2, 1),
        optional_data="",
    )
)
TD1_PERMIT = "\n".join(TD1_PERMIT_LINES)
TD1_ID = "\n".join(
    compose_td1(
        document_code="ID",
        issuing_state="ITA",
        surname="ROSSI",
        given_names="GIULIA",
        document_number="CA00000AA",
        nationality="ITA",
        birth_date=date(1995, 7, 21),
        sex="F",
        expiry_date=date(2032, 7, 21),
        optional_data="",
    )
)
MRVB = "\n".join(
    compose_mrvb(
        document_code="VD",
        issuing_state="FRA",
        surname="OKAFOR",
        given_names="CHIDI",
        document_number="FRA123456",
        nationality="NGA",
        birth_date=date(1999, 12, 1),
        sex="M",
        expiry_date=date(2027, 9, 30),
        optional_data="",
    )
)


def kind(text: str, photo: PhotoMeasures | None = None) -> str:
    return doctypes.classify(signals(text, photo))[0].type


POSITIVES = {
    "passport": f"REPUBLICA FEDERATIVA DO BRASIL PASSAPORTE / PASSPORT\nSobrenome / Surname\n"
    f"SILVA SANTOS\n{TD3}",
    "residence_permit": f"REPUBLIQUE FRANCAISE TITRE DE SEJOUR\nCARTE DE SEJOUR TEMPORAIRE\n"
    f"{TD1_PERMIT}",
    "national_id": f"REPUBBLICA ITALIANA CARTA D'IDENTITA\n{TD1_ID}",
    "birth_certificate": "STATE OF OHIO CERTIFICATE OF BIRTH\nName of child: Mary Ann LEE\n"
    "Date of birth: March 3, 1992  Place of birth: Columbus\n"
    "Father: John LEE   Mother: Susan LEE (born KIM)\nRegistrar",
    "rib": "Banque Exemple\nRELEVE D'IDENTITE BANCAIRE\nTitulaire du compte : M. Karim BENALI\n"
    "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPP882\nDomiciliation : Lyon",
    "utility_bill": "Lumina Energie\nFACTURE du 12/10/2026\nTitulaire du contrat : Karim BENALI\n"
    "Consommation électricité du 01/09/2026 au 30/09/2026 : 212 kWh\n"
    "Montant TTC à payer : 64,20 EUR",
    "lease": "CONTRAT DE LOCATION (loi n° 89-462 du 6 juillet 1989)\n"
    "Le bailleur : SCI Les Tilleuls\n"
    "Le locataire : Karim BENALI\nLoyer mensuel : 650 EUR  Dépôt de garantie : 650 EUR",
    "hosting_attestation": "ATTESTATION D'HEBERGEMENT\nJe soussignée Marie DUPONT, certifie sur "
    "l'honneur héberger à titre gratuit M. Karim BENALI depuis le "
    "1er juin 2026.\nFait à Lyon le 3 novembre 2026",
    "payslip": "BULLETIN DE PAIE  Période du 01/10/2026 au 31/10/2026\nEmployeur : Atelier Nord "
    "SIRET 123 456 789 00012 URSSAF Lille\nSalaire de base 1900,00\nSalaire brut "
    "2100,00\nNet à payer avant impôt 1650,00",
    "employment_contract": "CONTRAT DE TRAVAIL A DUREE INDETERMINEE\nEntre l'employeur Atelier "
    "Nord et le salarié Karim BENALI\nPériode d'essai : 2 mois\n"
    "Rémunération : 2100 EUR brut",
    "application_form": "cerfa S1106\nDemande d'ouverture des droits à l'assurance maladie\n"
    "Nom : BENALI Prénoms : Karim\nJe certifie sur l'honneur...\n"
    "Fait à Lyon le 02/11/2026 Signature",
    "insurance_certificate": "Assurance Maladie\nATTESTATION DE DROITS\nNuméro de sécurité "
    "sociale : 2 84 05 75 115 423 54\nBénéficiaire : Léa MARTIN",
}
NEAR_MISSES = {
    # the title words without what the type must carry
    "passport": "Please bring your passport and two photos to the consulate.",
    "residence_permit": "Vous devez demander un titre de séjour en préfecture avant le 3 mars.",
    "national_id": "Merci de joindre une copie de votre carte nationale d'identité.",
    "birth_certificate": "Pour obtenir un acte de naissance, écrivez au service de l'état civil.",
    "rib": "RELEVE D'IDENTITE BANCAIRE\nIBAN FR76 3000 6000 0112 3456 7890 180\nBIC AGRIFRPP882",
    "utility_bill": "TICKET DE CAISSE  Supermarché  2 baguettes 2,40  TOTAL TTC 2,40 Merci",
    "lease": "Annonce : appartement à louer, contactez le propriétaire.",
    "hosting_attestation": "L'hôtel propose un hébergement pour 3 nuits, petit déjeuner inclus.",
    "payslip": "Votre salaire sera versé à la fin du mois.",
    "employment_contract": "Nous recrutons : envoyez votre CV pour un emploi à Lyon.",
    "application_form": "Le formulaire est disponible sur le site de l'assurance maladie.",
    "insurance_certificate": "ATTESTATION DE DROITS\nAssurance Maladie\nVotre dossier est en "
    "cours d'instruction, vous recevrez votre numéro plus tard. Dossier n° 2026-118-4471.",
}


@pytest.mark.parametrize("type_id", sorted(POSITIVES))
def test_clear_positive_is_tagged(type_id):
    assert kind(POSITIVES[type_id]) == type_id


@pytest.mark.parametrize("type_id", sorted(NEAR_MISSES))
def test_near_miss_is_not_tagged(type_id):
    assert kind(NEAR_MISSES[type_id]) != type_id


def test_contract_vocabulary_is_exactly_the_registered_types():
    assert {
        "passport",
        "national_id",
        "residence_permit",
        "birth_certificate",
        "rib",
        "utility_bill",
        "lease",
        "hosting_attestation",
        "id_photo",
        "payslip",
        "employment_contract",
        "application_form",
        "insurance_certificate",
        "unknown",
    } == doctypes.TYPE_IDS


def test_visa_sticker_is_a_residence_permit():
    assert kind(f"VISA  TYPE D  VLS-TS  VALIDER EN LIGNE\n{MRVB}") == "residence_permit"


def test_passport_evidence_names_the_mrz_and_its_check_digits():
    best, _ = doctypes.classify(signals(POSITIVES["passport"]))
    assert "MRZ TD3 with valid check digits" in best.evidence


def test_rib_evidence_shows_only_the_last_iban_digits():
    best, _ = doctypes.classify(signals(POSITIVES["rib"]))
    assert best.evidence[0] == "IBAN FR…0189 passes mod-97"
    assert not any("3000 6000" in e or "30006000" in e for e in best.evidence)


def test_bill_quoting_an_iban_stays_a_bill():
    text = POSITIVES["utility_bill"] + "\nPrélèvement sur IBAN FR76 3000 6000 0112 3456 7890 189"
    assert kind(text) == "utility_bill"


PORTRAIT = PhotoMeasures(413, 531, (Face(100, 120, 210, 210),), False, 900.0, 5.0)


def test_face_with_no_text_is_an_id_photo():
    best, _ = doctypes.classify(signals("", PORTRAIT))
    assert best.type == "id_photo" and best.evidence == ("1 face, 413x531 portrait",)


def test_two_faces_are_still_an_id_photo():
    two = PhotoMeasures(
        800, 500, (Face(100, 100, 150, 150), Face(500, 100, 150, 150)), False, 900.0, 5.0
    )
    assert kind("", two) == "id_photo"


def test_picture_without_a_face_is_unknown():
    assert kind("", PhotoMeasures(800, 600, (), False, 900.0, 30.0)) == "unknown"


def test_passport_fields_come_from_the_mrz():
    found = doctypes.identify(signals(POSITIVES["passport"]))
    f = found.fields
    assert (f["surname"], f["given_names"], f["nationality"]) == (
        "SILVA SANTOS",
        "ANA CLARA",
        "BRA",
    )
    assert f["expiry_date"] == "2031-02-01" and f["birth_date"] == "1991-05-02"
    assert f["mrz_format"] == "TD3" and f["mrz_valid"] is True


def test_rib_fields():
    f = doctypes.identify(signals(POSITIVES["rib"])).fields
    assert f["iban"] == "FR7630006000011234567890189" and f["bic"] == "AGRIFRPP882"
    assert f["holder"].endswith("Karim BENALI")


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("Intestatario del conto", "Coordinate bancarie"),
        ("Titular de la cuenta", "Certificado de titularidad"),
        ("Beneficiary", "Account details"),
        ("Nom du titulaire :", "Relevé d'identité postal"),
    ],
)
def test_rib_holder_under_its_foreign_or_issuer_label(label: str, title: str):
    """R-RIB-4 needs the holder: Italian, Spanish and English banks label it their way;
    La Banque Postale titles its RIB a relevé d'identité postal."""
    text = f"{title}\n{label} Karim KHOURY\nIBAN IT60 X054 2811 1010 0000 0123 456"
    found = doctypes.identify(signals(text))
    assert found.classification.type == "rib"
    assert found.fields["holder"] == "Karim KHOURY"


def test_unknown_text_gets_no_type():
    assert (
        kind("Avis d'impôt sur les revenus 2025. Revenu fiscal de référence : 21 000 €")
        == "unknown"
    )


def test_mrz_filler_ghost_is_cut_back_to_the_printed_name_R_ID_8():
    from dossier_check.doctypes._common import repair_mrz_name

    assert repair_mrz_name("JANEX", "GIVEN NAMES / PRENOMS JANE") == "JANE"
    assert repair_mrz_name("ANA CLARA K", "ANA CLARA") == "ANA CLARA"
    # a real name that ends in a ghost letter and is printed stays whole
    assert repair_mrz_name("ALEX", "PRENOM ALEX") == "ALEX"


@pytest.mark.parametrize(
    "title",
    [
        "REGISTRO CIVIL DE NACIMIENTO",
        "BIRTH REGISTRATION",
        "EXTRAIT DU REGISTRE DES ACTES DE NAISSANCE",
        "ESTRATTO DELL'ATTO DI NASCITA",
    ],
)
def test_birth_record_titles_in_other_wordings(title):
    text = f"{title}\nNombre: Ana  Padre: Luis  Madre: Rosa\nFecha 02/03/1990"
    assert kind(text) == "birth_certificate"


def test_printed_expiry_that_disagrees_with_the_mrz_is_flagged_R_ID_8():
    text = POSITIVES["passport"].replace(
        "SILVA SANTOS\n", "SILVA SANTOS\nDate of expiry / Date d'expiration 01/02/2030\n"
    )
    found = doctypes.identify(signals(text))
    codes = {p.code: p.params for p in found.problems}
    assert codes["mrz_visual_mismatch"]["printed"] == "2030-02-01"


def test_matching_printed_dates_raise_nothing():
    text = POSITIVES["passport"].replace(
        "SILVA SANTOS\n", "SILVA SANTOS\nDate of expiry 01 FEB 2031\nDate of birth 02/05/1991\n"
    )
    assert not doctypes.identify(signals(text)).problems


def test_specimen_identity_document_is_refused_R_ID_9():
    found = doctypes.identify(signals("SPECIMEN\n" + POSITIVES["passport"]))
    assert "cancelled_document" in {p.code for p in found.problems}


@pytest.mark.parametrize(
    "text,value",
    [
        ("Prénom(s): Valeria\nDate", "Valeria"),
        ("Titulaire du compte : M. Mamadou DIOP", "M. Mamadou DIOP"),
        ("Client\nMme Valeria CASTAÑEDA\n143 rue", "Mme Valeria CASTAÑEDA"),
    ],
)
def test_value_after_label_reads_names(text, value):
    from dossier_check.doctypes._common import value_after_label

    assert value_after_label(text, ["Prénom", "Titulaire du compte", "Client"]) == value


@pytest.mark.parametrize(
    "text",
    [
        "Titulaire du compte : Domiciliation Agence Lyon",
        "Réf. client 31792612\nClient",
        "Salarié : est engagé à compter",
    ],
)
def test_value_after_label_refuses_labels_and_prose(text):
    from dossier_check.doctypes._common import value_after_label

    assert value_after_label(text, ["Titulaire du compte", "Client", "Salarié"]) is None


# ---- generalisation: wordings and OCR damage the templates do not have


def test_form_title_read_out_of_order_with_an_ocr_slip_is_an_application_form():
    # a two-column scan: the title comes out mid-page, one letter misread
    text = (
        "l'Assurance Maladie\nNom de naissance : DIALLO\nPrénom(s) : Awa\n"
        "Date de naissance : 03/04/1990\nAdresse : 4 rue Vauban\n"
        "Demande d'ouverture des drolts à l'assurance maladie\n"
        "Je certifie sur l'honneur ...\nFait à Lille le 02/11/2026  Signature"
    )
    assert kind(text) == "application_form"


def test_affiliation_request_in_other_words_is_an_application_form():
    text = (
        "CAISSE PRIMAIRE D'ASSURANCE MALADIE\nDEMANDE D'AFFILIATION\n"
        "Nom : DIALLO  Prénom : Awa  Date de naissance : 03/04/1990\n"
        "Pièces justificatives à joindre : ...\nSignature"
    )
    assert kind(text) == "application_form"


def test_cpam_letter_about_the_vitale_form_is_not_the_form():
    text = (
        "Assurance Maladie\nMadame, Monsieur,\nNous vous informons que votre demande de "
        "carte Vitale est en cours. Nom : DIALLO Date de naissance : 03/04/1990\n"
        "Veuillez agréer nos salutations. Signature"
    )
    assert kind(text) != "application_form"


def test_foreign_account_details_without_a_rib_title_are_a_rib():
    text = (
        "Account details\nBeneficiary / Account holder\nPriya KULKARNI\n"
        "IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX"
    )
    best, _ = doctypes.classify(signals(text))
    assert best.type == "rib"
    assert "BIC of the IBAN's country (DE)" in best.evidence


def test_iban_wrapped_over_two_lines_is_read():
    text = "RELEVE D'IDENTITE BANCAIRE\nIBAN : FR76 3000 6000 0112\n3456 7890 189\nBIC AGRIFRPP882"
    assert kind(text) == "rib"


def test_direct_debit_schedule_quoting_an_iban_is_not_a_rib():
    text = (
        "Assurance habitation — échéancier 2027\nPrélèvement le 5 de chaque mois : 18,40 EUR\n"
        "IBAN FR76 3000 6000 0112 3456 7890 189  BIC AGRIFRPP882\nTitulaire du compte : K. BENALI"
    )
    assert kind(text) != "rib"


def test_untitled_rib_whose_footer_names_debits_among_its_uses_is_a_rib():
    """R-RIB-1: a RIB's footer names direct debits among its uses; only the wording of
    a debit being set up (when, how much) counts against a page without a title."""
    text = (
        "Coordonnées de votre compte\nTitulaire\nMARK BAUTISTA\n"
        "IBAN\nFR76 3000 6000 0112 3456 7890 189\nCode SWIFT\nAGRIFRPP882\n"
        "Communiquez ce document pour recevoir vos salaires ou pour mettre en place "
        "un prélèvement."
    )
    assert kind(text) == "rib"


def test_permit_quoting_a_passport_number_is_a_residence_permit():
    text = (
        "RÉPUBLIQUE FRANÇAISE\nCARTE DE SÉJOUR PLURIANNUELLE\nPASSEPORT TALENT\n"
        "Nom / Surname : NGUYEN  Prénoms / Given names : VAN AN\n"
        "Date de naissance / Date of birth : 09/01/1988  Nationalité : VNM\n"
        "N° de passeport : C1234567\nPréfecture du Rhône"
    )
    assert kind(text) == "residence_permit"


def test_iban_with_a_slashed_zero_read_as_at_sign_is_read():
    text = (
        "Coordinate bancarie\nIntestatario Zineb BERRADA\n"
        "IBAN IT60 X@54 2811 1010 0000 0123 456\nBIC / SWIFT BPPIITRRXXX"
    )
    best, _ = doctypes.classify(signals(text))
    assert best.type == "rib" and best.evidence[0] == "IBAN IT…3456 passes mod-97"


def test_keyword_evidence_leaves_out_a_part_of_a_longer_keyword():
    from dossier_check.doctypes._common import keyword_evidence

    assert (
        keyword_evidence(["DEMANDE D'OUVERTURE DES DROITS", "OUVERTURE DES DROITS", "CERFA"])
        == "keywords: demande d'ouverture des droits, cerfa"
    )


def test_student_card_with_a_portrait_is_not_an_id_photo_R_PHO_10():
    card = PhotoMeasures(1011, 638, (Face(60, 180, 180, 180),), False, 900.0, 5.0)
    text = "UNIVERSITE DE LA LOIRE CARTE ETUDIANT\nNom\nDIALLO\nPrénom\nAwa\nN° étudiant 21904417"
    assert kind(text, card) == "unknown"


def test_untitled_hosting_statement_is_a_hosting_attestation():
    text = (
        "Je soussignée Marie DUPONT, demeurant 4 rue Vauban à Lille, certifie héberger "
        "à mon domicile M. Karim BENALI depuis le 1er juin 2026.\nFait à Lille, le 3 novembre 2026"
    )
    best, _ = doctypes.classify(signals(text))
    assert best.type == "hosting_attestation"
    assert best.evidence == ("keywords: heberger, certifie, je soussignee, a mon domicile",)


@pytest.mark.parametrize(
    "title",
    ["ATTESTATION DE TRAVAIL", "CERTIFICATE OF EMPLOYMENT", "LETTRE D'ENGAGEMENT"],
)
def test_employer_attestations_in_other_wordings(title):
    text = (
        f"{title}\nJe soussigné, employeur, atteste que M. Karim BENALI est salarié de la société"
    )
    assert kind(text) == "employment_contract"


@pytest.mark.parametrize(
    "title",
    [
        "CERTIFICACIÓN LITERAL DE NACIMIENTO",
        "BIRTH RECORD",
        "CERTIDÃO DE REGISTO DE NASCIMENTO",
        "BULLETIN DE NAISSANCE",
    ],
)
def test_more_birth_record_titles(title):
    text = f"{title}\nNombre: Ana  Padre: Luis  Madre: Rosa\nFecha 02/03/1990"
    assert kind(text) == "birth_certificate"


def test_affiliation_attestation_with_a_nir_is_an_insurance_certificate():
    text = (
        "Assurance Maladie\nATTESTATION D'AFFILIATION\nNIR : "
        "2 84 05 75 115 423 54\nBénéficiaire : Léa MARTIN"
    )
    assert kind(text) == "insurance_certificate"


def test_identity_card_title_with_labels_but_no_mrz_read():
    text = (
        "REPUBLICA DE CHILE CEDULA DE IDENTIDAD\nApellidos / Surname ROJAS\n"
        "Nombres PEDRO\nNacionalidad / Nationality CHILENA\nSexo / Sex M"
    )
    assert kind(text) == "national_id"


#: What each classifier says about its clear positive: the evidence a volunteer reads.
EVIDENCE = {
    "application_form": (
        "keywords: demande d'ouverture des droits a l'assurance maladie, s 1106, cerfa, "
        "signature, fait a",
    ),
    "birth_certificate": (
        "keywords: certificate of birth",
        "keywords: father, mother",
        "keywords: date of birth, born, place of birth",
    ),
    "employment_contract": (
        "keywords: contrat de travail, employeur, salarie, periode d'essai, remuneration",
    ),
    "hosting_attestation": ("keywords: attestation d'hebergement, sur l'honneur, certifie",),
    "insurance_certificate": (
        "keywords: attestation de droits, numero de securite sociale, assurance maladie",
        "NIR …2354 with a valid key",
    ),
    "lease": ("keywords: contrat de location, bailleur, locataire, loyer, depot de garantie",),
    "national_id": ("MRZ TD1 with valid check digits", "keywords: carta d'identita"),
    "passport": ("MRZ TD3 with valid check digits", "keywords: passport, passaporte"),
    "payslip": (
        "keywords: bulletin de paie, net a payer, salaire brut, salaire de base, siret, urssaf",
    ),
    "residence_permit": (
        "MRZ TD1 with valid check digits",
        "keywords: titre de sejour, carte de sejour temporaire",
    ),
    "rib": (
        "IBAN FR…0189 passes mod-97",
        "keywords: releve d'identite bancaire",
        "keywords: iban, bic, domiciliation, titulaire du compte, banque",
        "BIC of the IBAN's country (FR)",
    ),
    "utility_bill": (
        "keywords: facture, kwh, consommation, electricite, ttc, a payer",
        "a period of supply or a metered quantity",
    ),
}


@pytest.mark.parametrize("type_id", sorted(EVIDENCE))
def test_each_classifier_names_its_evidence(type_id):
    best, _ = doctypes.classify(signals(POSITIVES[type_id]))
    assert best.evidence == EVIDENCE[type_id]


def test_every_type_has_its_evidence_pinned():
    assert set(EVIDENCE) | {"id_photo", "unknown"} == doctypes.TYPE_IDS


def test_photo_booth_print_with_its_e_photo_code_is_an_id_photo():
    text = "Code e-photo ANTS 7F3KQ2 valable 6 mois 12/11/2026"
    assert kind(text, PORTRAIT) == "id_photo"


def test_school_certificate_with_a_registration_number_and_birth_date_is_not_a_birth_record():
    text = (
        "CERTIFICAT DE SCOLARITE\nLe proviseur certifie que l'élève Awa DIALLO\n"
        "N° d'inscription : 2231 Date de naissance : 03/04/2010\n"
        "Parents : M. et Mme DIALLO\nest inscrit(e) en classe de seconde."
    )
    assert kind(text) != "birth_certificate"


def test_first_request_recepisse_in_its_own_wording_is_a_residence_permit():
    text = (
        "PRÉFECTURE DE LA GIRONDE\nRÉCÉPISSÉ DE PREMIÈRE DEMANDE DE CARTE DE SÉJOUR\n"
        "Nom : NGUYEN  Prénoms : VAN AN\nNé le : 09/01/1988  Nationalité : vietnamienne\n"
        "Valable jusqu'au : 12/03/2027"
    )
    assert kind(text) == "residence_permit"


@pytest.mark.parametrize(
    "type_id,slip",
    [
        ("payslip", ("BULLETIN DE PAIE", "BULLETLN DE PAIE")),
        ("lease", ("CONTRAT DE LOCATION", "CONTRAT DE LOCAT1ON")),
        ("hosting_attestation", ("ATTESTATION D'HEBERGEMENT", "ATTESTATI0N D'HEBERGEMENT")),
    ],
)
def test_a_title_with_one_ocr_slip_is_still_read(type_id, slip):
    text = POSITIVES[type_id].replace(*slip)
    best, _ = doctypes.classify(signals(text))
    assert slip[1] in text and best.type == type_id
    assert slip[0].lower() in best.evidence[0]  # read as the title, not from other words


@pytest.mark.parametrize(
    "asked",
    [
        "votre attestation d'hébergement",
        "une copie de votre contrat de location, le nom du bailleur et du locataire",
        "votre contrat de travail signé par l'employeur et le salarié",
        "votre dernier bulletin de salaire",
    ],
)
def test_a_letter_asking_for_a_document_is_not_that_document(asked):
    text = (
        "Caisse d'allocations familiales\nMadame, Monsieur,\nNous avons bien reçu votre "
        f"demande d'aide au logement. Merci de nous transmettre {asked}.\nCordialement."
    )
    assert kind(text) == "unknown"


def test_a_title_under_a_logo_line_is_still_a_title():
    text = "A Logistique\n" + POSITIVES["employment_contract"]
    assert kind(text) == "employment_contract"


def test_paper_permit_evidence_names_its_title_once():
    text = (
        "PRÉFECTURE DU NORD\nAUTORISATION PROVISOIRE DE SÉJOUR\nNom : NGUYEN  Prénoms : VAN AN\n"
        "Date de naissance : 09/01/1988"
    )
    best, _ = doctypes.classify(signals(text))
    assert best.evidence == ("keywords: autorisation provisoire de sejour",)


def test_a_mention_read_with_an_ocr_slip_is_still_a_mention():
    text = (
        "Madame, Monsieur,\nMerci de nous transmettre votre attestation d'héborgement\n"
        "et votre relevé d'identité bancaire. Cordialement."
    )
    assert kind(text) == "unknown"


def test_cpam_letter_whose_nir_key_fails_is_still_one_and_the_nir_is_invalid():
    text = (
        "l'Assurance Maladie\nCPAM de Loire-Atlantique\nObjet : votre immatriculation\n"
        "Un numéro d'identification d'attente vous est attribué : 7 83 05 99 135 966 08"
    )
    found = doctypes.identify(signals(text))
    assert found.classification.type == "insurance_certificate"
    assert found.classification.evidence[-1] == "NIR …6608 whose key fails"
    assert found.fields["nir_valid"] is False


def test_attestation_de_droits_needs_a_nir_with_a_valid_key():
    text = (
        POSITIVES["insurance_certificate"]
        .replace("423 54", "423 55")
        .replace("Numéro de sécurité sociale", "N°")
    )
    assert kind(text) == "unknown"


def test_attestation_naming_the_carte_vitale_with_an_unreadable_nir_is_not_a_form():
    text = (
        "l'Assurance Maladie\nAttestation de droits — carte Vitale\nNom : MARTIN\n"
        "Prénom : Léa\nDate de naissance : 02/05/1984\nAdresse : 4 rue Vauban\n"
        "Numéro de sécurité sociale : 2 84 05 75 115 423 55"
    )
    assert kind(text) == "unknown"


def test_vitale_order_page_with_a_short_heading_is_an_application_form():
    text = (
        "ameli\nCARTE VITALE\nNom : MARTIN  Prénom : Léa\nDate de naissance : 02/05/1984\n"
        "Assurance Maladie — joindre une photo d'identité récente\nFait à Lyon le 02/11/2026\n"
        "Signature :"
    )
    assert kind(text) == "application_form"


def test_letter_asking_to_pay_by_transfer_is_not_a_rib():
    text = (
        "Madame, Monsieur,\nMerci de régler le dépôt de garantie par virement :\n"
        "Titulaire : SCI Les Tilleuls\nIBAN FR76 3000 6000 0112 3456 7890 189\n"
        "BIC AGRIFRPP882\nCordialement."
    )
    assert kind(text) == "unknown"


def test_letter_asking_for_a_birth_certificate_with_the_parents_names_is_not_one():
    text = (
        "Lyon, le 02/11/2026\nMadame,\nMerci de nous fournir une copie intégrale de votre "
        "acte de naissance\nportant le nom de votre père et de votre mère.\nCordialement."
    )
    assert kind(text) == "unknown"


def test_chat_naming_the_birth_certificate_it_lacks_is_not_one():
    """DOMAIN §12: "l'acte de naissance traduit" in a chat screenshot (a date on top) is a
    mention, not a title: no distractor may satisfy a requirement."""
    text = (
        "1 NOVEMBRE 2026\nSalut Krzysztof ! Tu as pu envoyer ton\ndossier à la CPAM ?\n"
        "Pas encore, il me manque le RIB et\nl'acte de naissance traduit\n18:09\n"
        "Top ! N'oublie pas ton acte de mariage"
    )
    assert kind(text) == "unknown"


@pytest.mark.parametrize(
    "title", ["EXTRAIT DE L'ACTE DE NAISSANCE", "COPIE INTÉGRALE DE L'ACTE DE NAISSANCE"]
)
def test_birth_record_title_after_de_l_is_still_a_title(title):
    text = f"{title}\nNom : DUPONT Marie\nnée le 12 mars 1990 à Lyon"
    assert kind(text) == "birth_certificate"


def test_a_rib_whose_iban_fails_is_unknown_but_says_why():
    """R-RIB-1 / DOMAIN §12: never a rib without a valid IBAN; the near miss is a finding
    that bank_details turns into `invalid` (CONTRACT) instead of `missing`."""
    text = (
        "RELEVÉ D'IDENTITÉ BANCAIRE\nTitulaire du compte : M. Jean DUPONT\n"
        "IBAN FR76 3000 6000 0112 3456 7890 198\nBIC AGRIFRPP"  # last digit changed: fails
    )
    found = doctypes.identify(signals(text))
    assert found.classification.type == "unknown"
    codes = {(p.code, p.rule, p.params.get("type")) for p in found.problems}
    assert ("iban_invalid", "R-RIB-1", "rib") in codes
    assert "3000600001" not in str([p.params for p in found.problems])  # masked, last 4 kept
    assert doctypes.identify(signals(text.replace("198", "189"))).classification.type == "rib"


def test_passport_whose_number_line_is_unreadable_is_told_by_its_first_mrz_line():
    text = (
        "RÉPUBLIQUE D'HAÏTI\nNom / Surname\nJOSEPH\nPrénoms / Given names\nFRANTZ\n"
        "Date de naissance / Date of birth\n04.12.2000\nP<HTIJOSEPH<<FRANTZ<<<<<<<<<<\n"
        "RANTI LEE ELLE LL R RER R Lecce"
    )
    best, _ = doctypes.classify(signals(text))
    assert best.type == "passport"
    assert best.evidence == ("MRZ first line of a passport (HTI), check digits unreadable",)


def test_permit_card_whose_mrz_fails_is_told_by_its_ir_fra_line_R_MRZ_9():
    text = (
        "Prénoms / Given names\nYACINE\n10 ANS - AUTORISE SON TITULAIRE À TRAVAILLER\n"
        "Délivré le 17.04.2025 — Préfecture de police de Paris\nIRFRAGH44754205<<<<<<<<<<<<<<<\n"
        "CHERIF<"
    )
    assert kind(text) == "residence_permit"


def test_identity_card_whose_mrz_fails_is_told_by_its_first_line():
    text = "Nom / Surname ROSSI\nNome / Given names GIULIA\nIDITACA00000AA<<<<<<<<<<<<<<<\n7x"
    assert kind(text) == "national_id"


def test_student_card_named_on_it_is_not_an_id_photo_even_with_little_text():
    text = "UNIVERSITÉ CÔTE D'OPALE\nLIU\nJunjie\n70277729\n2026-2027"
    assert kind(text, PORTRAIT) == "unknown"


def test_iban_with_eights_read_as_lowercase_g_is_read():
    text = (
        "Coordinate bancarie\nIntestatario Liam MACDONALD\nIBAN IT30 Fogg 5714 6802 8528 1835 623"
    )
    assert kind(text) == "rib"


# ---- utility bills: issue date, period and holder in any layout (R-RES-3, R-RES-5)

_BILL_TAIL = "\nConsommation 212 kWh\nMontant TTC à payer : 64,20 €\n"


def bill_fields(text: str) -> dict:
    found = doctypes.identify(signals(text + _BILL_TAIL))
    assert found.classification.type == "utility_bill"
    return found.fields


@pytest.mark.parametrize(
    "head",
    [
        # number then date on the line below (a right-aligned header read line by line)
        "Lumina Énergie Facture n° 202611787569\ndu 03.11.2026\nRéférence client : 0005463504",
        # a left column of labels, each value on the next line
        "Lumina\nDate\n3 novembre 2026\nFacture\n202611795394\nClient\n9082012309\nFACTURE",
        # the same column read beside the page's other column
        "FACTURE\nDate Adresse de consommation : 76 chemin des Coquelicots, 75011 Paris\n"
        "03/11/2026 Période facturée du 01/10/2026 au 31/10/2026",
        "INVOICE\nIssued on 3 November 2026\nBilling period: 1 Oct 2026 to 31 Oct 2026",
        # the other column's line read between the label and its value
        "Facture d'électricité\nDate\n"
        "Adresse du logement : 101 bis quai des Mariniers, Bât. C, 75019 Paris\n"
        "03/11/2026 Période facturée du 01/10/2026 au 31/10/2026",
    ],
)
def test_bill_issue_date_in_other_layouts_R_RES_5(head):
    assert bill_fields(head)["issue_date"] == "2026-11-03"


@pytest.mark.parametrize(
    "head",
    [
        "FACTURE\nDate limite de paiement : 20/11/2026\nDate de facture : 03/11/2026",
        "FACTURE\nDate d'échéance : 20/11/2026\nDate : 03/11/2026",
        "FACTURE\nDate de prélèvement : 20/11/2026 Date : 03/11/2026",
    ],
)
def test_bill_issue_date_is_not_its_due_date_R_RES_5(head):
    assert bill_fields(head)["issue_date"] == "2026-11-03"


def test_bill_whose_period_is_a_month_ends_that_month_R_RES_5():
    fields = bill_fields("FACTURE du 03/11/2026\nPériode facturée octobre 2026")
    assert (fields["period_start"], fields["period_end"]) == ("2026-10-01", "2026-10-31")


@pytest.mark.parametrize(
    "head,holder",
    [
        ("Abonné M. Junjie HUANG", "M. Junjie HUANG"),
        ("Titulaire : DE VRIES DAAN", "DE VRIES DAAN"),
        ("Titulaire du contrat\nMme DE VRIES Fleur\n127 rue du Moulin Vert", "Mme DE VRIES Fleur"),
    ],
)
def test_bill_holder_wordings_R_RES_3(head, holder):
    assert bill_fields("FACTURE du 03/11/2026\n" + head)["holder"] == holder


@pytest.mark.parametrize(
    "labels",
    [
        "Client :\nLieu de consommation :\n36 rue Émile Garnier",
        "Titulaire :\nLieu de livraison : 40 place des Ormes, 33800 Bordeaux",
        "Titulaire du contrat :\nAdresse d'installation :\nN° client :\nIdentifiant de ligne :",
        "Client :\nLieu de consommation\n36 rue Émile Garnier",
        "N° client :\nPCE<\nRelève :",
    ],
)
def test_the_next_label_is_not_the_bill_holder_R_RES_3(labels):
    # a two-column layout read column by column: the label's value comes much later
    assert "holder" not in bill_fields("FACTURE du 03/11/2026\n" + labels)


def test_bill_holder_falls_back_to_the_addressee_block_R_RES_3():
    head = (
        "Hexanet Fibre\n12 rue de la Gare\n69003 Lyon\nTitulaire du contrat :\n"
        "Adresse d'installation :\nFACTURE INTERNET\nDate de facture : 03/11/2026\n"
        "Mme WOJCIK Agnieszka\n126 avenue des Tilleuls\n21000 DIJON"
    )
    assert bill_fields(head)["holder"] == "Mme WOJCIK Agnieszka"


#: A RIB whose title, labels and BIC OCR lost (dev seed 8918): only its IBAN and
#: its account number printed apart from it say what it is.
RIB_LABELS_LOST = (
    "RSR PNG TI\n| | Caisse Mutuelle des Tilleuls\nTiuare : M. LÉ THÂNH LONG\n"
    "101 rue de la Tuserie, BAL. A, 69007 Lyon\nN° compte\n79M87999538\n"
    "FRO2 3254 4166 1679 M879 9953 826\n"
    "Domicifation : Caisse Mutuelle des Tileuls — AGENCE NANTES COMMERCE"
)


def test_a_rib_whose_labels_ocr_lost_is_known_by_its_account_printed_apart():
    """R-RIB-1 holds (a valid IBAN); the account's parts printed as words of their own
    are a RIB's table, which a bill or a notice quoting its IBAN does not print."""
    best, _ = doctypes.classify(signals(RIB_LABELS_LOST))
    assert best.type == "rib"
    assert "the account's parts printed apart from the IBAN: …38" in best.evidence
    assert "79M87999538" not in " ".join(best.evidence)  # masked in reports


def test_an_iban_alone_on_a_page_without_labels_is_not_enough_for_a_rib():
    assert kind(RIB_LABELS_LOST.replace("79M87999538", "")) == "unknown"


def test_contract_whose_title_the_ocr_lost_is_known_by_its_clauses():
    """Both parties and two clauses only a contract states; a payslip names the
    employer, the employee and the collective agreement too, and is not one."""
    text = (
        "MOULIN, ci-après « l'employeur », d'une part,\net Mme Nadège DORVIL, ci-après "
        "« le salarié », d'autre part,\nil a été convenu ce qui suit :\nArticle 3 — Période "
        "d'essai\nLe contrat ne deviendra définitif qu'à l'issue d'une période d'essai de "
        "quatre mois.\nFait en deux exemplaires à Nantes, le 10 mars 2026."
    )
    best, _ = doctypes.classify(signals(text))
    assert best.type == "employment_contract" and best.evidence[0] == "no title read"
    payslip = (
        "Employeur : Librairie La Page Blanche  SIRET 514 906 908 45814\nSalarié : Mme "
        "Nadège DORVIL  Emploi : vendeuse\nConvention collective : librairie\nPériode d'essai "
        "en cours\nSalaire brut 2 320,55  Net à payer 1 836,94"
    )
    assert kind(payslip) != "employment_contract"


def test_untitled_rib_whose_footer_asks_politely_is_a_rib():
    """A RIB's footer may say 'veuillez' or 'par virement' without being a letter: only a
    letter's frame or a request to pay counts against a page without a title (R-RIB-1)."""
    text = (
        "Informations bancaires\nTitulaire du compte\nM. Karim BENALI\n"
        "IBAN FR76 3000 6000 0112 3456 7890 189\nBIC AGRIFRPP882\n"
        "Veuillez communiquer ce document à vos débiteurs pour être payé par virement. "
        "Merci de vérifier vos coordonnées."
    )
    assert kind(text) == "rib"


def test_titled_rib_whose_footer_names_a_mandate_or_an_invoice_is_a_rib():
    """R-RIB-1: another document's words count against a titled RIB only as a title."""
    text = (
        "Votre RIB\nM. Karim BENALI\nFR76 3000 6000 0112 3456 7890 189\n"
        "À remettre pour la mise en place d'un mandat SEPA ou le paiement d'une facture."
    )
    assert kind(text) == "rib"
    bill = "FACTURE N° 2026-118\nM. Karim BENALI\nFR76 3000 6000 0112 3456 7890 189\nVotre RIB"
    assert kind(bill) != "rib"


_CPAM_LETTER = (
    "l'Assurance Maladie\nCPAM de Seine-Saint-Denis\nMadame, Monsieur,\n"
    "Votre numéro de sécurité sociale : {number}\nVous pouvez l'utiliser dès maintenant."
)


def test_cpam_letter_whose_nir_the_scan_garbled_is_still_the_letter():
    # DOMAIN §12 "a CPAM letter ... with a NIR": two digits doubled, no drop reads
    text = _CPAM_LETTER.format(number="7 92 601 99 139 676 55")
    assert kind(text) == "insurance_certificate"


def test_cpam_letter_without_any_nir_is_unknown():
    # DOMAIN §12: the near miss, a dossier number and a phone number but no NIR
    text = _CPAM_LETTER.format(number="vous sera envoyé. Dossier 2026 11 0042, tél. 36 46")
    assert kind(text) == "unknown"


def test_attestation_needs_a_nir_that_reads():
    # DOMAIN §12: an attestation de droits needs a NIR with a valid key; garbled is not enough
    text = "Assurance Maladie\nATTESTATION DE DROITS\nNIR : 7 92 601 99 139 676 55"
    assert kind(text) == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "SUPERMARCHE DU CENTRE\nFACTURE N 2231\nEAU MINERALE 6X1.5L 3,30\nPAIN 1,20\n"
        "TOTAL TTC 4,50",
        "PHONE SHOP\nFACTURE 2231 du 03/11/2026\nSmartphone MOBILE X 199,00\nTOTAL TTC 199,00",
    ],
)
def test_a_shop_invoice_naming_water_or_a_phone_is_no_utility_bill(text):
    # R-RES-5 / DOMAIN §12: a bill covers a period of supply; a shop's one-off invoice
    # is no proof of address (a distractor tagged as a bill would pass `proof_of_residence`)
    assert kind(text) == "unknown"


def test_water_bill_whose_supply_words_ocr_garbled_is_still_a_bill():
    # "Eaux du ..." names the supply; the billing period says it is one
    text = (
        "Eaux du Val de Brume\nDétail de votre facture\n"
        "Période facturée du 01/07/2026 au 31/10/2026\nConsosnniation 94,49\n"
        "Montant total TTC 247,47"
    )
    assert kind(text) == "utility_bill"


def test_car_rental_contract_is_no_lease():
    # R-RES-1: the lease of a home; a car rental names a "locataire" too
    text = (
        "EUROCAR\nCONTRAT DE LOCATION N 55421\nLocataire : M. Karim BENALI\n"
        "Véhicule : Peugeot 208, immatriculation AB-123-CD\nDu 02/11/2026 au 05/11/2026\n"
        "Kilométrage départ 45210\nMontant TTC 189,00 €"
    )
    assert kind(text) == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "HOTEL DU PORT\nFACTURE N 8812\nSéjour du 02/11/2026 au 05/11/2026\n3 nuitées 240,00\n"
        "Wifi / Internet offert\nTaxe de séjour 4,50\nTotal TTC 244,50 €",
        "FITNESS CLUB\nFACTURE\nAdhérent : Karim BENALI\nAbonnement mensuel du 01/11/2026 au "
        "30/11/2026\nCotisation 29,90\nAccès Internet\nTotal TTC 29,90 €",
    ],
)
def test_a_stay_or_a_membership_invoice_is_no_utility_bill(text):
    # R-RES-5: Wi-Fi in a hotel or a club's "abonnement" is no supply of a home
    assert kind(text) == "unknown"


_ATTESTATION_ROWS = (
    "Document édité le 2 novembre 2026\nKOWALSKI Piotr\nNIR 1 76 08 99 122 672 19\n"
    "Organisme d'affiliation CPAM de Loire-Atlantique\nRégime 10 — Régime général\n"
    "Droits ouverts du 02/11/2026 au 01/11/2027\n"
)


def test_attestation_de_droits_whose_title_a_photo_lost_is_still_one():
    # DOMAIN §12: a valid NIR and the attestation's own rows (affiliation, rights, regime)
    text = _ATTESTATION_ROWS + "Exonération du ticket modérateur : aucune"
    assert kind(text) == "insurance_certificate"


def test_a_nir_and_one_row_of_an_attestation_are_not_enough():
    # a payslip or a letter quoting a NIR and the "régime général": not an attestation
    text = (
        "M. Piotr KOWALSKI\nN° SS 1 76 08 99 122 672 19\nRégime général\nSalaire de base 1 900,00"
    )
    assert kind(text) == "unknown"


def test_a_title_named_in_a_chat_over_a_line_break_is_a_mention():
    # DOMAIN §12: a chat screenshot asking for papers is no birth certificate
    text = (
        "6 NOVEMBRE 2026\nSalut Facundo ! Tu as pu envoyer ton\ndossier à la CPAM ?\n"
        "Pas encore, il me manque le RIB et l'acte\nde naissance traduit\n"
        "Le traducteur t'a répondu ?"
    )
    assert kind(text) == "unknown"


def test_a_title_split_over_two_lines_is_still_a_title():
    text = (
        "ROYAUME DU MAROC\nEXTRAIT D'ACTE\nDE NAISSANCE\nNom : BENALI\nPrénom : Karim\n"
        "Né le 12/03/1990 à Casablanca\nFils de Ahmed et de Aicha"
    )
    assert kind(text) == "birth_certificate"
