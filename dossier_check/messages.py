"""French and English text for each finding code and requirement.

Findings store a code and params only; this is the one place that turns
them into sentences. A code without a template still renders (its code and
params), so a new finding never crashes a report.
"""

from __future__ import annotations

from typing import Any

from dossier_check.model import Finding

LANGS = ("fr", "en")

TEMPLATES: dict[str, tuple[str, str]] = {
    # ingest and scan quality
    "mime_mismatch": (
        "Extension .{extension} mais le fichier est de type {mime}.",
        "The extension is .{extension} but the file is {mime}.",
    ),
    "file_too_large": (
        "Fichier trop lourd ({size} octets, limite {limit}) : numérisez à 300 dpi.",
        "File too large ({size} bytes, limit {limit}): scan it at 300 dpi.",
    ),
    "internal_error": (
        "Ce fichier n'a pas pu être analysé ({error}) : vérifiez-le à la main.",
        "This file could not be analysed ({error}): check it by hand.",
    ),
    "empty_file": ("Fichier vide : renvoyez le document.", "Empty file: send the document again."),
    "unsupported_type": (
        "Type de fichier non pris en charge ({mime}) : envoyez un PDF, JPEG ou PNG.",
        "Unsupported file type ({mime}): send a PDF, JPEG or PNG.",
    ),
    "unreadable_file": (
        "Fichier illisible (droits d'accès ou erreur disque).",
        "The file cannot be read (permissions or disk error).",
    ),
    "encrypted": (
        "PDF protégé par mot de passe : envoyez le PDF sans mot de passe.",
        "Password-protected PDF: send the PDF without its password.",
    ),
    "corrupt_file": (
        "Fichier endommagé : numérisez à nouveau le document.",
        "Damaged file: scan the document again.",
    ),
    "too_many_pages": (
        "{pages} pages : seules les {limit} premières sont lues.",
        "{pages} pages: only the first {limit} are read.",
    ),
    "too_many_pixels": (
        "Image trop grande pour être lue en sécurité : numérisez à 300 dpi.",
        "Image too large to read safely: scan it at 300 dpi.",
    ),
    "time_limit": (
        "Lecture interrompue après {seconds} s : le document est peut-être incomplet.",
        "Reading stopped after {seconds} s: the document may be incomplete.",
    ),
    # the worker that read the file was stopped (dossier_check.workers)
    "timed_out": (
        "Lecture arrêtée au bout de {seconds} s : vérifiez que le fichier s'ouvre, puis "
        "renvoyez-le en PDF ou JPEG.",
        "Reading stopped after {seconds} s: check that the file opens, then send it again "
        "as a PDF or JPEG.",
    ),
    "worker_crashed": (
        "La lecture de ce fichier a échoué ({reason}) : vérifiez qu'il s'ouvre, puis "
        "numérisez le document à nouveau.",
        "Reading this file failed ({reason}): check that it opens, then scan the document again.",
    ),
    "out_of_memory": (
        "Ce fichier demande plus de {limit} Mio de mémoire : numérisez-le à nouveau à 300 dpi.",
        "This file needs more than {limit} MiB of memory: scan it again at 300 dpi.",
    ),
    # entries of the folder that were not checked (dossier level)
    "ignored_symlink_outside": (
        "{file} : lien vers un fichier hors du dossier, non vérifié ; mettez le fichier "
        "lui-même dans le dossier.",
        "{file}: a link to a file outside the folder, not checked; put the file itself in "
        "the folder.",
    ),
    "ignored_symlink_loop": (
        "{file} : lien qui tourne en rond ou ne mène nulle part, ignoré ; supprimez-le.",
        "{file}: a link that loops or leads nowhere, ignored; delete it.",
    ),
    "ignored_not_a_file": (
        "{file} n'est pas un fichier ordinaire (tube, périphérique), ignoré ; supprimez-le.",
        "{file} is not a regular file (pipe, device), ignored; delete it.",
    ),
    "ignored_unreadable": (
        "{file} : illisible (droits d'accès), non vérifié ; corrigez les droits.",
        "{file}: cannot be read (permissions), not checked; fix the permissions.",
    ),
    "unreadable": (
        "Document illisible : numérisez-le à nouveau, net et bien éclairé.",
        "Unreadable document: scan it again, sharp and well lit.",
    ),
    "unrecognised": (
        "Document non reconnu : il ne compte pour aucune pièce demandée.",
        "Document not recognised: it counts for no required item.",
    ),
    "unreadable_field": (
        "Information illisible ({field}) : numérisez à nouveau la page.",
        "Unreadable field ({field}): scan the page again.",
    ),
    "several_documents": (
        "Ce PDF contient plusieurs documents.",
        "This PDF holds several documents.",
    ),
    "duplicate": ("Document en double ({other}).", "Duplicate document ({other})."),
    # scan quality of a page (dossier_check.quality, R-SCAN-2..5)
    "scan_low_resolution": (
        "{file}, page {page} : numérisé à {dpi} dpi, trop peu pour être lu : numérisez à "
        "nouveau cette page à 300 dpi.",
        "{file}, page {page}: scanned at {dpi} dpi, too coarse to read: scan this page again "
        "at 300 dpi.",
    ),
    "scan_too_few_pixels": (
        "{file}, page {page} : image trop petite ({width} × {height} pixels) : numérisez à "
        "nouveau cette page à 300 dpi, ou photographiez-la de plus près.",
        "{file}, page {page}: image too small ({width} × {height} pixels): scan this page "
        "again at 300 dpi, or photograph it from closer.",
    ),
    "scan_hard_to_read": (
        "{file}, page {page} : texte difficile à lire : numérisez à nouveau cette page, "
        "nette, droite et bien éclairée.",
        "{file}, page {page}: the text is hard to read: scan this page again, sharp, straight "
        "and well lit.",
    ),
    "scan_blurred": (
        "{file}, page {page} : image floue : numérisez à nouveau cette page, document bien à "
        "plat et appareil immobile.",
        "{file}, page {page}: the image is blurred: scan this page again, with the document "
        "flat and the camera still.",
    ),
    "scan_too_dark": (
        "{file}, page {page} : image trop sombre : numérisez à nouveau cette page avec plus "
        "de lumière.",
        "{file}, page {page}: the image is too dark: scan this page again in better light.",
    ),
    "scan_too_pale": (
        "{file}, page {page} : texte trop pâle : numérisez à nouveau cette page, plus foncé "
        "ou avec moins de lumière.",
        "{file}, page {page}: the text is too pale: scan this page again, darker or with less "
        "light.",
    ),
    "scan_cut_off": (
        "{file}, page {page} : le document est coupé ({sides}) : numérisez à nouveau cette "
        "page avec le document entier dans le cadre.",
        "{file}, page {page}: the document is cut off ({sides}): scan this page again with "
        "the whole document inside the frame.",
    ),
    "pages_missing": (
        "{file} : le document annonce {expected} pages, le fichier n'en a que {present} : "
        "ajoutez les pages manquantes.",
        "{file}: the document says it has {expected} pages, the file holds only {present}: "
        "add the missing pages.",
    ),
    "page_back_missing": (
        "{file} : la dernière page dit « suite au verso » : numérisez aussi le verso.",
        "{file}: the last page says it continues overleaf: scan the back too.",
    ),
    # identity
    "mrz_check_digit": (
        "Bande MRZ : clés de contrôle fausses ({checks}).",
        "MRZ: check digits fail ({checks}).",
    ),
    "expired": ("{file} a expiré le {date}.", "{file} expired on {date}."),
    "expired_but_valid_present": (
        "{file} a expiré ; envoyez seulement le document valide.",
        "{file} has expired; send only the valid document.",
    ),
    "non_eea_id_card": (
        "Carte d'identité hors UE/EEE : joignez le passeport.",
        "Non-EEA identity card: add the passport.",
    ),
    "visa_not_a_permit": (
        "{file} : ce visa n'est pas un titre de séjour.",
        "{file}: this visa is not a residence permit.",
    ),
    "vls_ts_validation": (
        "{file} : VLS-TS, joignez l'attestation de validation en ligne.",
        "{file}: VLS-TS, add the online validation certificate.",
    ),
    "recepisse_fallback": (
        "{file} : récépissé accepté selon la caisse.",
        "{file}: receipt accepted at the fund's discretion.",
    ),
    # birth certificate
    "no_filiation": (
        "{file} : l'acte ne mentionne pas les parents (filiation).",
        "{file}: the certificate does not name the parents.",
    ),
    "apostille_not_found": (
        "{file} : apostille ou légalisation non trouvée.",
        "{file}: no apostille or legalisation found.",
    ),
    "apostille_missing": (
        "{file} : l'apostille manque (obligatoire pour un acte de {country}).",
        "{file}: the apostille is missing (required for a {country} certificate).",
    ),
    "legalisation_missing": (
        "{file} : la légalisation par le consulat manque ({country}).",
        "{file}: the consular legalisation is missing ({country}).",
    ),
    "translation_not_required": (
        "{file} : langue acceptée sans traduction ({language}) ; la caisse peut la demander.",
        "{file}: language accepted without translation ({language}); the fund may ask.",
    ),
    "birth_certificate_old": (
        "{file} : copie délivrée le {date}, plus de {months} mois ; certaines caisses "
        "demandent une copie récente.",
        "{file}: copy delivered on {date}, over {months} months ago; some funds ask for "
        "a recent one.",
    ),
    "translation_missing": (
        "{file} : traduction assermentée absente.",
        "{file}: sworn translation missing.",
    ),
    # residence
    "other_name": (
        "{file} est au nom de {name}, pas du demandeur.",
        "{file} is in the name of {name}, not the applicant.",
    ),
    "too_few_bills": (
        "{count} mois de factures sur {needed} demandés.",
        "{count} months of bills out of {needed} required.",
    ),
    "bills_not_successive": (
        "Factures non consécutives : il manque {months}.",
        "Bills are not successive: {months} missing.",
    ),
    "bills_undated": (
        "Les factures n'ont pas de date lisible.",
        "The bills have no readable date.",
    ),
    "proof_too_old": (
        "{file} date du {date} : plus de {months} mois.",
        "{file} is dated {date}: over {months} months old.",
    ),
    "proof_old": (
        "{file} date du {date} : plus de {months} mois.",
        "{file} is dated {date}: over {months} months old.",
    ),
    "attestation_incomplete": (
        "{file} : l'attestation d'hébergement est incomplète ({field}) ; elle doit être "
        "datée et signée par l'hébergeant.",
        "{file}: the hosting attestation is incomplete ({field}); the host must date and sign it.",
    ),
    "attestation_not_sworn": (
        "{file} : la mention « sur l'honneur » manque.",
        "{file}: the sworn wording is missing.",
    ),
    "attestation_no_start": (
        "{file} : la date de début d'hébergement (« depuis le ») manque.",
        "{file}: the date hosting began ('depuis le') is missing.",
    ),
    "hosted_too_recently": (
        "{file} : hébergé depuis le {date}, moins de {months} mois.",
        "{file}: hosted since {date}, less than {months} months.",
    ),
    "attestation_dates": (
        "{file} : la date de début est après la date de signature.",
        "{file}: the start date is after the signature date.",
    ),
    "attestation_old": (
        "{file} : attestation du {date}, demandez-en une récente.",
        "{file}: attestation dated {date}, ask for a fresh one.",
    ),
    "address_mismatch": (
        "{file} : l'adresse « {address} » n'est pas celle de {reference} (« {expected} ») : "
        "vérifiez l'adresse, ou apportez un document à la bonne adresse.",
        "{file}: the address '{address}' is not the one on {reference} ('{expected}'): check "
        "the address, or bring a document showing the right one.",
    ),
    "address_postcode": (
        "{file} : {postcode} n'est pas un code postal français : vérifiez l'adresse.",
        "{file}: {postcode} is not a French postcode: check the address.",
    ),
    "holder_not_found": (
        "{file} : le nom du titulaire n'a pas pu être lu ; vérifiez qu'il s'agit du demandeur.",
        "{file}: the holder's name could not be read; check it is the applicant.",
    ),
    "cancelled_document": (
        "{file} : document marqué SPÉCIMEN ou ANNULÉ, il n'est pas accepté.",
        "{file}: document marked SPECIMEN or CANCELLED, it is not accepted.",
    ),
    "mrz_visual_mismatch": (
        "La bande MRZ ({mrz}) et la date imprimée ({printed}) diffèrent : vérifiez la copie.",
        "The MRZ ({mrz}) and the printed date ({printed}) differ: check the copy.",
    ),
    "bic_country": (
        "BIC {bic} d'un autre pays que l'IBAN ({country}).",
        "BIC {bic} is from another country than the IBAN ({country}).",
    ),
    "mobile_bill": (
        "{file} : facture de téléphone mobile ; certaines caisses préfèrent une facture "
        "d'énergie, d'eau ou d'internet.",
        "{file}: mobile phone bill; some funds prefer an energy, water or internet bill.",
    ),
    "photo_off_centre": (
        "{file} : le visage n'est pas centré.",
        "{file}: the face is not centred.",
    ),
    "photo_background": (
        "{file} : le fond doit être uni et clair.",
        "{file}: the background must be plain and light.",
    ),
    "photo_background_white": (
        "{file} : fond blanc, interdit : un fond gris ou bleu clair.",
        "{file}: white background, not allowed: use light grey or blue.",
    ),
    "host_identity_missing": (
        "Pièce d'identité de l'hébergeant ({host}) absente.",
        "The host's ({host}) identity document is missing.",
    ),
    "host_address_missing": (
        "Justificatif de domicile de l'hébergeant ({host}) absent.",
        "The host's ({host}) proof of address is missing.",
    ),
    # bank
    "iban_invalid": ("IBAN {iban} invalide.", "IBAN {iban} is invalid."),
    "rib_key_invalid": ("Clé RIB fausse.", "The RIB key is wrong."),
    "iban_foreign_sepa": (
        "IBAN {country} (SEPA) : légal, mais la caisse peut demander un envoi papier.",
        "{country} IBAN (SEPA): lawful, but the fund may ask for the paper route.",
    ),
    "iban_gb": (
        "IBAN britannique : hors UE, peut être refusé.",
        "British IBAN: outside the EU, may be refused.",
    ),
    "iban_not_sepa": (
        "IBAN {country} hors zone SEPA : un compte SEPA est nécessaire.",
        "{country} IBAN outside SEPA: a SEPA account is needed.",
    ),
    # photo
    "photo_face_count": (
        "{file} : {count} visage(s), il en faut un seul.",
        "{file}: {count} face(s), exactly one is needed.",
    ),
    "photo_scene": (
        "{file} : le visage est trop petit, recadrez la photo.",
        "{file}: the face is too small, crop the photo.",
    ),
    "photo_face_size": ("{file} : taille du visage hors norme.", "{file}: face size out of range."),
    "photo_proportions": (
        "{file} : format différent de 35×45 mm.",
        "{file}: not the 35×45 mm format.",
    ),
    "photo_too_small": (
        "{file} : photo trop petite ({width} px de large).",
        "{file}: photo too small ({width} px wide).",
    ),
    "photo_small": (
        "{file} : photo un peu petite ({width} px de large).",
        "{file}: photo a little small ({width} px wide).",
    ),
    "photo_grayscale": (
        "{file} : photo en noir et blanc, la couleur est demandée.",
        "{file}: black-and-white photo, colour is asked for.",
    ),
    # form, names, NIR
    "form_unsigned": ("{file} : formulaire non signé.", "{file}: form not signed."),
    "name_mismatch": (
        "{file} porte le nom {name} au lieu de {expected}.",
        "{file} bears the name {name} instead of {expected}.",
    ),
    "name_drift": (
        "{file} : nom écrit « {name} » au lieu de « {expected} ».",
        "{file}: name spelt '{name}' instead of '{expected}'.",
    ),
    "birth_date_mismatch": (
        "{file} : date de naissance {date} au lieu de {expected}.",
        "{file}: birth date {date} instead of {expected}.",
    ),
    "nir_invalid": (
        "{file} : numéro de sécurité sociale invalide.",
        "{file}: invalid social-security number.",
    ),
    "nir_provisional": (
        "{file} : numéro provisoire (NIA), pas encore de NIR définitif.",
        "{file}: provisional number (NIA), no permanent NIR yet.",
    ),
    "too_young": (
        "Moins de {minimum} ans à la date de référence.",
        "Under {minimum} on the reference date.",
    ),
    # dossier
    "requirement_missing": ("Pièce manquante.", "Document missing."),
    "situation_inferred": (
        "Situation déduite : {situation} (d'après {file}).",
        "Situation inferred: {situation} (from {file}).",
    ),
}

REQUIREMENTS: dict[str, tuple[str, str]] = {
    "identity": ("Pièce d'identité", "Identity document"),
    "residence_permit": ("Titre de séjour", "Residence permit"),
    "birth_certificate": ("Acte de naissance", "Birth certificate"),
    "proof_of_residence": ("Justificatif de domicile (3 mois)", "Proof of residence (3 months)"),
    "bank_details": ("RIB", "Bank details (RIB)"),
    "id_photo": ("Photo d'identité", "ID photo"),
    "employment_proof": ("Justificatif d'activité", "Proof of employment"),
    "name_consistency": ("Cohérence des noms", "Name consistency"),
    "application_form": ("Formulaire de demande", "Application form"),
    "nir": ("Numéro de sécurité sociale", "Social-security number"),
    "age": ("Âge", "Age"),
}

STATUS: dict[str, tuple[str, str]] = {
    "ok": ("conforme", "ok"),
    "missing": ("manquant", "missing"),
    "expired": ("expiré", "expired"),
    "invalid": ("non conforme", "invalid"),
    "warning": ("à vérifier", "check"),
    "not_applicable": ("non demandé", "not applicable"),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "fr" else pair[1]


def render(finding: Finding, lang: str = "fr", params: dict[str, Any] | None = None) -> str:
    """The finding as one sentence; ``params`` overrides (masked values)."""
    values = dict(finding.params if params is None else params)
    template = TEMPLATES.get(finding.code)
    if template is None:
        extra = ", ".join(f"{k}={v}" for k, v in sorted(values.items()))
        return f"{finding.code}" + (f" ({extra})" if extra else "")
    try:
        return _pick(template, lang).format(**values)
    except (KeyError, IndexError):
        return _pick(template, lang)


def requirement_title(req_id: str, lang: str = "fr") -> str:
    return _pick(REQUIREMENTS.get(req_id, (req_id, req_id)), lang)


def status_label(status: str, lang: str = "fr") -> str:
    return _pick(STATUS.get(status, (status, status)), lang)


# --------------------------------------------------------------------------- report labels

DOC_TYPES: dict[str, tuple[str, str]] = {
    "passport": ("Passeport", "Passport"),
    "national_id": ("Carte d'identité", "Identity card"),
    "residence_permit": ("Titre de séjour", "Residence permit"),
    "birth_certificate": ("Acte de naissance", "Birth certificate"),
    "rib": ("RIB", "Bank details (RIB)"),
    "utility_bill": ("Facture", "Utility bill"),
    "lease": ("Bail ou quittance", "Lease or rent receipt"),
    "hosting_attestation": ("Attestation d'hébergement", "Hosting attestation"),
    "id_photo": ("Photo d'identité", "ID photo"),
    "payslip": ("Fiche de paie", "Payslip"),
    "employment_contract": ("Contrat de travail", "Employment contract"),
    "application_form": ("Formulaire de demande", "Application form"),
    "insurance_certificate": ("Attestation de droits", "Health insurance certificate"),
    "unknown": ("Non reconnu", "Not recognised"),
}

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def doc_type_label(type_id: str, lang: str = "fr") -> str:
    return _pick(DOC_TYPES.get(type_id, (type_id, type_id)), lang)


def long_date(iso: str, lang: str = "fr") -> str:
    """``2026-03-03`` -> ``3 mars 2026`` / ``3 March 2026``; anything else unchanged."""
    try:
        year, month, day = (int(x) for x in str(iso)[:10].split("-"))
        name = MONTHS["fr" if lang == "fr" else "en"][month - 1]
    except (ValueError, IndexError):
        return str(iso)
    first = "1er" if day == 1 and lang == "fr" else str(day)
    return f"{first} {name} {year}"


# --------------------------------------------------------------------------- the letter
# Plain words for the applicant: what to bring or fix, never a code, a rule id,
# a file name or an identifier. ``{doc}`` is "your passport", ``{a_doc}`` "a
# passport" (the document type of the file the finding names), ``{date}`` a
# long date.

#: Per document type: (fr "votre …", fr "un …", en "your …", en "a …").
LETTER_NOUNS: dict[str, tuple[str, str, str, str]] = {
    "passport": ("votre passeport", "un passeport", "your passport", "a passport"),
    "national_id": (
        "votre carte d'identité",
        "une carte d'identité",
        "your identity card",
        "an identity card",
    ),
    "residence_permit": (
        "votre titre de séjour",
        "un titre de séjour",
        "your residence permit",
        "a residence permit",
    ),
    "birth_certificate": (
        "votre acte de naissance",
        "un acte de naissance",
        "your birth certificate",
        "a birth certificate",
    ),
    "rib": ("votre RIB", "un RIB", "your bank details form (RIB)", "a bank details form (RIB)"),
    "utility_bill": ("votre facture", "une facture", "your bill", "a bill"),
    "lease": ("votre bail", "un bail", "your lease", "a lease"),
    "hosting_attestation": (
        "l'attestation d'hébergement",
        "une attestation d'hébergement",
        "the letter from your host",
        "a letter from your host",
    ),
    "id_photo": ("votre photo", "une photo d'identité", "your photo", "an ID photo"),
    "payslip": ("votre fiche de paie", "une fiche de paie", "your payslip", "a payslip"),
    "employment_contract": (
        "votre contrat de travail",
        "un contrat de travail",
        "your employment contract",
        "an employment contract",
    ),
    "application_form": ("le formulaire", "un formulaire", "the form", "a form"),
    "insurance_certificate": (
        "votre attestation de droits",
        "une attestation de droits",
        "your health insurance certificate",
        "a health insurance certificate",
    ),
    "unknown": ("un document", "un document", "a document", "a document"),
}

#: What to bring when a requirement is missing, by requirement id.
LETTER_MISSING: dict[str, tuple[str, str]] = {
    "identity": (
        "Apportez votre passeport ou votre carte d'identité, en cours de validité.",
        "Bring your passport or identity card, still valid.",
    ),
    "residence_permit": (
        "Apportez votre titre de séjour en cours de validité (carte de séjour, ou le récépissé "
        "de votre demande).",
        "Bring your valid residence permit (residence card, or the receipt of your application).",
    ),
    "birth_certificate": (
        "Apportez votre acte de naissance complet, avec le nom de vos parents.",
        "Bring your full birth certificate, with your parents' names.",
    ),
    "proof_of_residence": (
        "Apportez une preuve de votre adresse : votre bail, ou vos factures des 3 derniers mois "
        "à votre nom (électricité, gaz, eau, téléphone ou internet), ou une attestation "
        "d'hébergement avec la pièce d'identité et une facture de la personne qui vous héberge.",
        "Bring a proof of your address: your lease, or your bills for the last 3 months in your "
        "name (electricity, gas, water, phone or internet), or a letter from the person who "
        "hosts you with their identity document and one of their bills.",
    ),
    "bank_details": (
        "Apportez un RIB (relevé d'identité bancaire) à votre nom. Votre banque ou votre "
        "application bancaire vous le donne.",
        "Bring your bank details (RIB) in your name. Your bank or your banking app gives it to "
        "you.",
    ),
    "id_photo": (
        "Apportez une photo d'identité récente, en couleur, de 35 × 45 mm.",
        "Bring a recent colour ID photo, 35 × 45 mm.",
    ),
    "employment_proof": (
        "Apportez votre dernière fiche de paie ou votre contrat de travail.",
        "Bring your latest payslip or your employment contract.",
    ),
    "application_form": (
        "Remplissez et signez le formulaire de demande.",
        "Fill in and sign the application form.",
    ),
    "nir": (
        "Apportez votre attestation de droits (attestation Vitale) ou le courrier de l'Assurance "
        "Maladie qui donne votre numéro de sécurité sociale.",
        "Bring your health insurance certificate or the letter from the Assurance Maladie that "
        "gives your social security number.",
    ),
}

#: What to bring or fix for a finding; the first list is for blocking problems.
LETTER_FINDINGS: dict[str, tuple[str, str]] = {
    "pages_missing": (
        "Il manque des pages à {doc} : apportez toutes ses pages, recto et verso.",
        "Pages of {doc} are missing: bring every page, front and back.",
    ),
    "page_back_missing": (
        "Il manque des pages à {doc} : apportez toutes ses pages, recto et verso.",
        "Pages of {doc} are missing: bring every page, front and back.",
    ),
    "expired": (
        "{Doc} a expiré le {date} : apportez {a_doc} valide.",
        "{Doc} expired on {date}: bring {a_doc} that is still valid.",
    ),
    "visa_not_a_permit": (
        "Votre visa n'est pas un titre de séjour : apportez votre titre de séjour ou le "
        "récépissé de votre demande.",
        "Your visa is not a residence permit: bring your residence permit or the receipt of "
        "your application.",
    ),
    "no_filiation": (
        "Votre acte de naissance ne donne pas le nom de vos parents : apportez une copie "
        "complète de l'acte.",
        "Your birth certificate does not give your parents' names: bring a full copy of it.",
    ),
    "apostille_missing": (
        "Votre acte de naissance doit porter une apostille (ou une légalisation) : "
        "demandez-la au pays qui l'a délivré.",
        "Your birth certificate needs an apostille (or a legalisation): ask the country that "
        "issued it.",
    ),
    "proof_too_old": (
        "{Doc} date du {date}, c'est trop ancien : apportez un justificatif de domicile de "
        "moins de 3 mois.",
        "{Doc} is dated {date}, which is too old: bring a proof of address less than 3 months old.",
    ),
    "too_few_bills": (
        "Il manque des factures : apportez vos factures des {needed} derniers mois, à votre nom.",
        "Some bills are missing: bring your bills for the last {needed} months, in your name.",
    ),
    "bills_not_successive": (
        "Il manque une facture entre celles que vous avez données : apportez les factures de "
        "chaque mois, sans trou.",
        "A bill is missing between the ones you gave: bring the bills for every month, with "
        "no gap.",
    ),
    "bills_undated": (
        "La date de vos factures ne se lit pas : apportez des copies plus nettes.",
        "The date on your bills cannot be read: bring clearer copies.",
    ),
    "other_name": (
        "{Doc} n'est pas à votre nom : apportez {a_doc} à votre nom.",
        "{Doc} is not in your name: bring {a_doc} in your name.",
    ),
    "host_identity_missing": (
        "Apportez la pièce d'identité de la personne qui vous héberge.",
        "Bring the identity document of the person who hosts you.",
    ),
    "host_address_missing": (
        "Apportez une facture ou le bail de la personne qui vous héberge.",
        "Bring a bill or the lease of the person who hosts you.",
    ),
    "iban_invalid": (
        "Votre RIB contient une erreur : apportez un autre RIB, donné par votre banque.",
        "Your bank details contain an error: bring another RIB, given by your bank.",
    ),
    "rib_key_invalid": (
        "Votre RIB contient une erreur : apportez un autre RIB, donné par votre banque.",
        "Your bank details contain an error: bring another RIB, given by your bank.",
    ),
    "iban_not_sepa": (
        "Le compte doit être dans un pays de l'Union européenne (ou proche) : apportez le RIB "
        "d'un tel compte.",
        "The account must be in a European Union country (or nearby): bring the details of "
        "such an account.",
    ),
    "photo_face_count": (
        "Votre photo doit montrer votre visage seul : apportez une photo d'identité de 35 × 45 mm.",
        "Your photo must show your face alone: bring a 35 × 45 mm ID photo.",
    ),
    "photo_scene": (
        "Cette photo n'est pas une photo d'identité : apportez une photo d'identité de 35 × 45 mm.",
        "This is not an ID photo: bring a 35 × 45 mm ID photo.",
    ),
    "photo_too_small": (
        "Votre photo est trop petite : apportez une photo d'identité de 35 × 45 mm.",
        "Your photo is too small: bring a 35 × 45 mm ID photo.",
    ),
    "photo_grayscale": (
        "Votre photo est en noir et blanc : apportez une photo en couleur.",
        "Your photo is in black and white: bring a colour photo.",
    ),
    "name_mismatch": (
        "{Doc} porte un autre nom que le vôtre : apportez {a_doc} à votre nom.",
        "{Doc} shows another name than yours: bring {a_doc} in your name.",
    ),
    "birth_date_mismatch": (
        "{Doc} porte une autre date de naissance que vos autres papiers : apportez un document "
        "corrigé.",
        "{Doc} shows another birth date than your other papers: bring a corrected document.",
    ),
    "nir_invalid": (
        "Votre numéro de sécurité sociale ne se lit pas bien : apportez votre attestation de "
        "droits la plus récente.",
        "Your social security number cannot be read well: bring your latest health insurance "
        "certificate.",
    ),
    "nir_provisional": (
        "Votre numéro de sécurité sociale est encore provisoire : apportez le courrier qui "
        "donne votre numéro définitif dès que vous le recevez.",
        "Your social security number is still temporary: bring the letter with your final "
        "number as soon as you get it.",
    ),
    "unreadable_field": (
        "{Doc} est difficile à lire : apportez l'original ou une copie plus nette.",
        "{Doc} is hard to read: bring the original or a clearer copy.",
    ),
}

#: Warnings worth a line in the letter (something the applicant can do).
LETTER_ADVICE: dict[str, tuple[str, str]] = {
    "scan_low_resolution": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_too_few_pixels": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_hard_to_read": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_blurred": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_too_dark": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_too_pale": (
        "{Doc} se lit mal sur la copie : apportez une copie plus nette, ou l'original pour "
        "que nous le numérisions.",
        "{Doc} is hard to read on the copy: bring a clearer copy, or the original so that we "
        "can scan it.",
    ),
    "scan_cut_off": (
        "{Doc} est coupé sur la copie : apportez une copie du document entier.",
        "{Doc} is cut off on the copy: bring a copy of the whole document.",
    ),
    "pages_missing": (
        "Il manque des pages à {doc} : apportez toutes ses pages, recto et verso.",
        "Pages of {doc} are missing: bring every page, front and back.",
    ),
    "page_back_missing": (
        "Il manque des pages à {doc} : apportez toutes ses pages, recto et verso.",
        "Pages of {doc} are missing: bring every page, front and back.",
    ),
    "address_mismatch": (
        "Vos documents ne donnent pas tous la même adresse : apportez un justificatif à votre "
        "adresse actuelle, ou dites-nous laquelle est la bonne.",
        "Your documents do not all show the same address: bring a proof of your current "
        "address, or tell us which one is right.",
    ),
    "address_postcode": (
        "Vérifiez votre adresse : le code postal doit être celui de votre commune en France.",
        "Check your address: the postcode must be that of your town in France.",
    ),
    "translation_missing": (
        "Votre acte de naissance n'est pas en français : apportez aussi sa traduction faite par "
        "un traducteur assermenté.",
        "Your birth certificate is not in French: also bring its translation by a sworn "
        "translator.",
    ),
    "apostille_not_found": (
        "Vérifiez que votre acte de naissance porte une apostille (ou une légalisation) et "
        "apportez-la.",
        "Check that your birth certificate has an apostille (or a legalisation) and bring it.",
    ),
    "vls_ts_validation": (
        "Apportez l'attestation de validation en ligne de votre visa long séjour.",
        "Bring the online validation certificate of your long-stay visa.",
    ),
    "non_eea_id_card": (
        "Apportez aussi votre passeport.",
        "Also bring your passport.",
    ),
    "proof_old": (
        "Votre justificatif de domicile a plus de 3 mois : un justificatif plus récent est "
        "préférable.",
        "Your proof of address is over 3 months old: a more recent one is better.",
    ),
    "form_unsigned": (
        "Signez le formulaire de demande (date et signature).",
        "Sign the application form (date and signature).",
    ),
    "photo_grayscale": (
        "Votre photo est en noir et blanc : une photo d'identité en couleur est préférable.",
        "Your photo is in black and white: a colour ID photo is better.",
    ),
    "photo_small": (
        "Votre photo n'a pas tout à fait le bon format : une photo faite chez un photographe ou "
        "en cabine est préférable.",
        "Your photo is not quite the right format: one taken by a photographer or in a photo "
        "booth is better.",
    ),
    "photo_face_size": (
        "Votre photo n'a pas tout à fait le bon format : une photo faite chez un photographe ou "
        "en cabine est préférable.",
        "Your photo is not quite the right format: one taken by a photographer or in a photo "
        "booth is better.",
    ),
    "photo_proportions": (
        "Votre photo n'a pas tout à fait le bon format : une photo faite chez un photographe ou "
        "en cabine est préférable.",
        "Your photo is not quite the right format: one taken by a photographer or in a photo "
        "booth is better.",
    ),
    "iban_gb": (
        "Votre compte est au Royaume-Uni : le RIB d'un compte dans l'Union européenne est "
        "préférable.",
        "Your account is in the United Kingdom: the details of an account in the European Union "
        "are better.",
    ),
    "unreadable": (
        "Un de vos documents ne se lit pas : apportez une copie plus nette.",
        "One of your documents cannot be read: bring a clearer copy.",
    ),
    "corrupt_file": (
        "Un de vos fichiers est abîmé : envoyez-le à nouveau.",
        "One of your files is damaged: send it again.",
    ),
    "encrypted": (
        "Un de vos fichiers est protégé par un mot de passe : envoyez-le sans mot de passe.",
        "One of your files is protected by a password: send it without the password.",
    ),
    "empty_file": (
        "Un de vos fichiers est vide : envoyez-le à nouveau.",
        "One of your files is empty: send it again.",
    ),
}

#: When a blocking status has no finding we can put in plain words.
LETTER_FALLBACK: dict[str, tuple[str, str]] = {
    "missing": ("Apportez : {title}.", "Bring: {title}."),
    "expired": (
        "{title} : le document a expiré, apportez un document valide.",
        "{title}: the document has expired, bring a valid one.",
    ),
    "invalid": (
        "{title} : le document ne convient pas, apportez-en un autre ou parlez-en avec nous.",
        "{title}: the document does not fit, bring another one or talk to us about it.",
    ),
}

LETTER_TEXT: dict[str, tuple[str, str]] = {
    "title": ("Votre dossier pour l'Assurance Maladie", "Your file for the Assurance Maladie"),
    "subject_puma": (
        "Votre demande de protection universelle maladie (PUMa)",
        "Your application for health cover (PUMa)",
    ),
    "subject_carte-vitale": ("Votre demande de carte Vitale", "Your carte Vitale application"),
    "subject": ("Votre demande", "Your application"),
    "dated": ("Le {date}", "{date}"),
    "reference": ("Dossier : {name}", "File: {name}"),
    "for": ("Pour : {name}", "For: {name}"),
    "greeting": ("Madame, Monsieur,", "Dear Sir or Madam,"),
    "intro": (
        "Nous avons regardé les documents de votre dossier. Avant de l'envoyer à l'Assurance "
        "Maladie, il nous faut encore :",
        "We have looked at the documents in your file. Before we send it to the Assurance "
        "Maladie, we still need:",
    ),
    "advice": ("Pour plus de sûreté :", "To be on the safe side:"),
    "advice_only": (
        "Votre dossier peut partir. Pour plus de sûreté :",
        "Your file can be sent. To be on the safe side:",
    ),
    "complete": (
        "Votre dossier est complet : nous pouvons l'envoyer à l'Assurance Maladie. Vous n'avez "
        "rien d'autre à apporter.",
        "Your file is complete: we can send it to the Assurance Maladie. You do not need to "
        "bring anything else.",
    ),
    "closing": (
        "Apportez ces documents à votre prochain rendez-vous. Si vous avez une question, "
        "n'hésitez pas à nous la poser.",
        "Please bring these documents to your next appointment. If you have a question, just "
        "ask us.",
    ),
    "thanks": ("Merci, et à bientôt.", "Thank you, and see you soon."),
    "failed": (
        "Nous n'avons pas pu lire votre dossier. Merci de revenir nous voir avec vos documents.",
        "We could not read your file. Please come back to see us with your documents.",
    ),
}


def letter_text(key: str, lang: str = "fr", **params: Any) -> str:
    """A fixed sentence of the letter, with ``params`` filled in."""
    return _pick(LETTER_TEXT[key], lang).format(**params)


def letter_nouns(type_id: str, lang: str = "fr") -> tuple[str, str]:
    """("your passport", "a passport") for a document type, in ``lang``."""
    nouns = LETTER_NOUNS.get(type_id, LETTER_NOUNS["unknown"])
    return (nouns[0], nouns[1]) if lang == "fr" else (nouns[2], nouns[3])
