"""An identity photograph on its own (DOMAIN §7, §12; fitness rules R-PHO-*).

A picture with little or no text and at least one face. Two faces or a face
in a larger scene are still ``id_photo`` (then unfit, R-PHO-1/4); a picture
without a face is ``unknown``.
"""

from __future__ import annotations

from typing import Any

from dossier_check.doctypes._common import ID_LABELS, result
from dossier_check.fields.dates import find_dates
from dossier_check.model import Classification, Finding
from dossier_check.signals import Signals

TYPE_ID = "id_photo"
MAX_WORDS = 12  # more text than this is a document with a portrait, not a photo
#: What a card with a portrait is called: never printed on an identity photograph.
CARD_TITLES = ("CARTE", "CARD", "ETUDIANT", "STUDENT", "UNIVERSITE", "UNIVERSITY", "ECOLE")
#: Words of a card that carries a portrait: its kind and its holder. Not "valable": an
#: e-photo print says how long its code is valid.
CARD_WORDS = (
    "CARTE",
    "CARD",
    "ETUDIANT",
    "STUDENT",
    "UNIVERSITE",
    "UNIVERSITY",
    "N ETUDIANT",
    "MEMBRE",
    "MEMBER",
    "ABONNEMENT",
    "TITULAIRE",
    "NOM",
    "NAME",
)


def detect(s: Signals) -> Classification | None:
    photo = s.photo
    if photo is None or not photo.faces or s.mrz is not None:
        return None
    words = s.word_count
    if words > MAX_WORDS * 3:
        return None
    # A card or paper with a portrait on it (a student card, an ID card whose MRZ was
    # not read) prints labels beside the face: R-PHO-10, a portrait inside a document.
    labels = s.found(*ID_LABELS, *CARD_WORDS)
    if len(labels) >= 2 or (labels and (words > MAX_WORDS or find_dates(s.text))):
        return None
    if s.found(*CARD_TITLES):  # "UNIVERSITE ...", "CARTE ETUDIANT": a card's own name
        return None
    n = len(photo.faces)
    shape = "portrait" if photo.aspect < 0.95 else "landscape" if photo.aspect > 1.05 else "square"
    evidence = [f"{n} face{'s' if n > 1 else ''}, {photo.width}x{photo.height} {shape}"]
    score = 0.9 if words <= MAX_WORDS else 0.55
    return result(TYPE_ID, score, evidence)


def extract(s: Signals) -> tuple[dict[str, Any], list[Finding]]:
    photo = s.photo
    if photo is None:
        return {}, []
    return {
        "face_count": len(photo.faces),
        "width": photo.width,
        "height": photo.height,
        "aspect": round(photo.aspect, 3),
        "face_ratio": round(photo.face_ratio, 3),
        "grayscale": photo.grayscale,
        "sharpness": photo.sharpness,
        "background_std": photo.background_std,
        "background_level": photo.background_level,
        "face_center_offset": round(photo.center_offset, 3),
    }, []
