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
