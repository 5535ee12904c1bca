"""Hand-built :class:`DossierReport` records mirroring ``samples/dossiers``.

The golden-file tests render these, so they run without Tesseract and do not
move when classification or rules change: the values are those the pipeline
reads from the sample files (identifiers as in the manifests), with every
requirement result written out. ``abspath`` points at the real sample files,
so thumbnails can be made from them. ``to-fix`` is not a sample folder: it
gathers the problems the letter must put in plain words (an expired passport,
too few bills, a RIB in another name, warnings, an unreadable file).
"""

from __future__ import annotations

from typing import Any

from dossier_check.model import (
    Document,
    DossierReport,
    Finding,
    Page,
    RequirementResult,
    Severity,
    SourceFile,
    Status,
)
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "dossiers"
AS_OF = "2026-11-15"
PDF, JPEG = "application/pdf", "image/jpeg"

PHOTO = "20260921_111631.jpeg"
RIB = "document (50).pdf"
FORM = "numerisation_061.jpeg"
BILL_SEP = "pdf54.pdf"
BIRTH = "pièce jointe 48.PDF"
PASSPORT = "scan0042.jpg"
PERMIT = "scan0045.pdf"
BILL_OCT = "scan0057.pdf"
BILL_AUG = "téléchargement (53).pdf"

#: The unmasked identifiers the records carry (from the sample manifests).
IDENTIFIERS = (
    "P73602721",
    "EF5152294",
    "FR7631407059278021670812156",
    "FR7630006000011234567890189",
)


def _doc(
    folder: str,
    path: str,
    mime: str,
    pages: int,
    type_: str,
    confidence: float,
    evidence: tuple[str, ...],
    fields: dict[str, Any],
    problems: tuple[Finding, ...] = (),
    rotation: int = 0,
) -> Document:
    source = SourceFile(
        path,
        SAMPLES / folder / path,
        mime,
        0,
        pages=(Page(0, rotation=rotation),),
        page_count=pages,
    )
    return Document(source, type_, confidence, evidence, fields, problems)


def _files(folder: str) -> dict[str, Document]:
    """Every file of the complete sample, as read from ``folder``."""
    docs = [
        _doc(
            folder,
            PHOTO,
            JPEG,
            1,
            "id_photo",
            0.9,
            ("1 face, 467x600 portrait",),
            {
                "face_count": 1,
                "width": 467,
                "height": 600,
                "aspect": 0.778,
                "face_ratio": 0.402,
                "grayscale": False,
            },
        ),
        _doc(
            folder,
            RIB,
            PDF,
            1,
            "rib",
            0.95,
            (
                "IBAN FR7631407059278021670812156 passes mod-97",
                "keywords: releve d'identite bancaire, rib, identite bancaire",
            ),
            {
                "iban": "FR7631407059278021670812156",
                "iban_country": "FR",
                "iban_valid": True,
                "bic": "HEXAFRMT",
                "holder": "Mme CASTAÑEDA Valeria",
            },
        ),
        _doc(
            folder,
            FORM,
            JPEG,
            1,
            "application_form",
            0.95,
            ("keywords: protection universelle maladie, assurance maladie, cerfa, signature",),
            {
                "form": "s1106",
                "surname": "CASTANEDA",
                "given_names": "Valeria",
                "birth_date": "1996-09-30",
                "signature_date": "2026-11-03",
                "signed": True,
            },
            rotation=90,
        ),
        _doc(
            folder,
            BILL_SEP,
            PDF,
            1,
            "utility_bill",
            0.9,
            ("keywords: facture, votre facture, abonnement, forfait, box, fibre",),
            {
                "issue_date": "2026-10-06",
                "period_start": "2026-09-01",
                "period_end": "2026-09-30",
                "holder": "CASTAÑEDA VALERIA",
            },
        ),
        _doc(
            folder,
            BIRTH,
            PDF,
            3,
            "birth_certificate",
            0.9,
            (
                "keywords: acte de naissance, acta de nacimiento",
                "apostille (Hague Convention of 5 October 1961)",
            ),
            {
                "language": "es",
                "apostille": True,
                "translation": True,
                "filiation": True,
                "country": "MEX",
                "birth_date": "1996-09-30",
                "surname": "CASTANEDA",
            },
        ),
        _doc(
            folder,
            PASSPORT,
            JPEG,
            1,
            "passport",
            0.99,
            ("MRZ TD3 with valid check digits", "keywords: passeport, passport, pasaporte"),
            {
                "surname": "CASTANEDA",
                "given_names": "VALERIA",
                "nationality": "MEX",
                "birth_date": "1996-09-30",
                "expiry_date": "2033-07-16",
                "document_number": "P73602721",
                "mrz_format": "TD3",
                "mrz_valid": True,
            },
        ),
        _doc(
            folder,
            PERMIT,
            PDF,
            1,
            "residence_permit",
            0.96,
            ("MRZ TD1 with valid check digits", "keywords: titre de sejour, carte de sejour"),
            {
                "surname": "CASTANEDA",
                "given_names": "VALERIA",
                "nationality": "MEX",
                "expiry_date": "2027-10-21",
                "document_number": "EF5152294",
                "mrz_format": "TD1",
                "mrz_valid": True,
                "kind": "card",
            },
        ),
        _doc(
            folder,
            BILL_OCT,
            PDF,
            1,
            "utility_bill",
            0.9,
            ("keywords: facture, votre facture, consommation, internet",),
            {
                "issue_date": "2026-11-03",
                "period_start": "2026-10-01",
                "period_end": "2026-10-31",
                "holder": "Mme Valeria CASTANEDA",
            },
        ),
        _doc(
            folder,
            BILL_AUG,
            PDF,
            1,
            "utility_bill",
            0.9,
            ("keywords: facture, votre facture, abonnement, internet, box",),
            {
                "issue_date": "2026-09-04",
                "period_start": "2026-08-01",
                "period_end": "2026-08-31",
                "holder": "Mme Valeria CASTAÑEDA",
            },
        ),
    ]
    return {d.path: d for d in docs}


def _ok(req_id: str, *files: str) -> RequirementResult:
    return RequirementResult(req_id, Status.OK, tuple(files))


def _missing(req_id: str) -> RequirementResult:
    finding = Finding("requirement_missing", Severity.ERROR, {"requirement": req_id})
    return RequirementResult(req_id, Status.MISSING, (), (finding,))


def _requirements(
    docs: dict[str, Document], **override: RequirementResult
) -> tuple[RequirementResult, ...]:
    bills = tuple(p for p in (BILL_SEP, BILL_OCT, BILL_AUG) if p in docs)
    named = tuple(p for p, d in docs.items() if d.type not in ("id_photo", "unknown"))
    results = {
        "application_form": _ok("application_form", FORM),
        "identity": _ok("identity", PASSPORT),
        "residence_permit": _ok("residence_permit", PERMIT),
        "birth_certificate": _ok("birth_certificate", BIRTH),
        "proof_of_residence": _ok("proof_of_residence", *bills),
        "bank_details": _ok("bank_details", RIB),
        "id_photo": _ok("id_photo", PHOTO),
        "employment_proof": RequirementResult("employment_proof", Status.NOT_APPLICABLE),
        "name_consistency": _ok("name_consistency", *named),
    }
    results.update(override)
    return tuple(results.values())


def _report(name: str, docs: dict[str, Document], **override: Any) -> DossierReport:
    requirements = override.pop("requirements", None) or _requirements(docs)
    ordered = tuple(sorted(docs.values(), key=lambda d: d.path.casefold()))
    return DossierReport("puma", AS_OF, name, ordered, requirements, **override)


def complete() -> DossierReport:
    return _report("complete", _files("complete"))


def missing_rib() -> DossierReport:
    docs = _files("missing-rib")
    del docs[RIB]
    return _report(
        "missing-rib", docs, requirements=_requirements(docs, bank_details=_missing("bank_details"))
    )


def missing_residence() -> DossierReport:
    docs = _files("missing-residence")
    for path in (BILL_SEP, BILL_OCT, BILL_AUG):
        del docs[path]
    return _report(
        "missing-residence",
        docs,
        requirements=_requirements(docs, proof_of_residence=_missing("proof_of_residence")),
    )


def to_fix() -> DossierReport:
    """Everything the letter must explain, on files of the complete sample."""
    docs = _files("complete")
    del docs[BILL_AUG], docs[BILL_OCT]
    passport = docs[PASSPORT]
    docs[PASSPORT] = Document(
        passport.source,
        passport.type,
        passport.confidence,
        passport.evidence,
        {**passport.fields, "expiry_date": "2026-03-03"},
        (Finding("expired", Severity.ERROR, {"file": PASSPORT, "date": "2026-03-03"}, "R-ID-1"),),
    )
    rib = docs[RIB]
    docs[RIB] = Document(
        rib.source,
        rib.type,
        rib.confidence,
        rib.evidence,
        {**rib.fields, "holder": "M. Jean MARTIN"},
    )
    blank = SourceFile(
        "scan0099.jpg", SAMPLES / "complete" / "scan0099.jpg", JPEG, 2048, page_count=1
    )
    docs["scan0099.jpg"] = Document(
        blank,
        "unknown",
        0.0,
        ("best guess rib (0.31) below threshold", "IBAN FR76 3000 6000 0112 3456 7890 189 fails"),
        {},
        (Finding("unreadable", Severity.WARNING),),
    )
    expired = Finding("expired", Severity.ERROR, {"file": PASSPORT, "date": "2026-03-03"}, "R-ID-1")
    requirements = _requirements(
        docs,
        identity=RequirementResult("identity", Status.EXPIRED, (), (expired,)),
        birth_certificate=RequirementResult(
            "birth_certificate",
            Status.WARNING,
            (BIRTH,),
            (Finding("translation_missing", Severity.WARNING, {"file": BIRTH}, "R-TR-1"),),
        ),
        proof_of_residence=RequirementResult(
            "proof_of_residence",
            Status.INVALID,
            (BILL_SEP,),
            (Finding("too_few_bills", Severity.ERROR, {"count": 1, "needed": 3}, "R-RES-1"),),
        ),
        bank_details=RequirementResult(
            "bank_details",
            Status.INVALID,
            (),
            (
                Finding(
                    "other_name", Severity.ERROR, {"file": RIB, "name": "M. Jean MARTIN"}, "R-RIB-4"
                ),
            ),
        ),
        id_photo=RequirementResult(
            "id_photo",
            Status.WARNING,
            (PHOTO,),
            (Finding("photo_grayscale", Severity.WARNING, {"file": PHOTO}, "R-PHO-3"),),
        ),
        application_form=RequirementResult(
            "application_form",
            Status.WARNING,
            (FORM,),
            (Finding("form_unsigned", Severity.WARNING, {"file": FORM}, "R-DOS-1"),),
        ),
    )
    return _report("to-fix", docs, requirements=requirements)


def broken() -> DossierReport:
    """A client folder the tool could not read at all."""
    return DossierReport("puma", AS_OF, "broken", (), (), error="broken: permission denied")


def samples() -> dict[str, DossierReport]:
    """The three sample dossiers and ``to-fix``, by name."""
    return {r.dossier: r for r in (complete(), missing_rib(), missing_residence(), to_fix())}


def batch() -> list[DossierReport]:
    """A batch as api.check_batch returns it: sorted names, one folder broken."""
    return [broken(), complete(), missing_residence(), missing_rib()]
