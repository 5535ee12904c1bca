"""Hand-made Document records for rule tests (no OCR, no files)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dossier_check.fields.mrz import compose_td1
from dossier_check.fields.photo import PhotoMeasures
from dossier_check.model import Document, Page, SourceFile, TextSource
from dossier_check.signals import Signals, build_signals

AS_OF = date(2026, 11, 15)

#: A French residence permit's TD1 MRZ (Nguyen Van An, born 1988-01-09, valid to 2028-03-04).
TD1_PERMIT_LINES = compose_td1(
    document_code="IR", issuing_state="FRA", surname="NGUYEN", given_names="VAN AN",
    document_number="AB1234567", nationality="VNM", birth_date=date(1988, 1, 9), sex="M",
    expiry_date=date(2028, 3, 4), optional_data="",
)  # fmt: skip


def signals(text: str, photo: PhotoMeasures | None = None) -> Signals:
    """The signals of recorded OCR text, one page per form feed."""
    pages = tuple(
        Page(i, text=t, text_source=TextSource.OCR) for i, t in enumerate(text.split("\f"))
    )
    return build_signals(pages, photo, AS_OF)


def doc(path: str, type_: str, text: str = "", **fields: Any) -> Document:
    pages = (Page(0, text=text, text_source=TextSource.OCR),) if text else ()
    source = SourceFile(
        path, Path("/nonexistent") / path, "application/pdf", 1, pages=pages, page_count=1
    )
    return Document(source, type_, 0.95, ("test",), dict(fields))


def passport(
    path: str = "passport.jpg",
    surname: str = "DOE",
    given: str = "JANE",
    nationality: str = "USA",
    expiry: str = "2030-01-01",
    birth: str = "1990-04-12",
) -> Document:
    return doc(
        path,
        "passport",
        surname=surname,
        given_names=given,
        nationality=nationality,
        expiry_date=expiry,
        birth_date=birth,
        document_number="X1234567",
        mrz_format="TD3",
        mrz_valid=True,
    )


def bill(
    path: str, end: str, holder: str | None = "Jane DOE", issued: str | None = None, text: str = ""
) -> Document:
    start = end[:8] + "01"
    fields = {"period_start": start, "period_end": end, "issue_date": issued or end}
    if holder:
        fields["holder"] = holder
    return doc(path, "utility_bill", text=text, **fields)


def complete_dossier() -> list[Document]:
    """A non-EEA applicant whose papers are all there and valid on 2026-11-15."""
    return [
        doc(
            "form.pdf",
            "application_form",
            surname="DOE",
            given_names="Jane",
            birth_date="1990-04-12",
            signed=True,
        ),
        passport(),
        doc(
            "permit.jpg",
            "residence_permit",
            surname="DOE",
            given_names="JANE",
            expiry_date="2027-06-30",
            birth_date="1990-04-12",
            kind="card",
        ),
        doc(
            "birth.pdf",
            "birth_certificate",
            language="en",
            apostille=True,
            filiation=True,
            translation=False,
            birth_date="1990-04-12",
        ),
        doc(
            "rib.pdf",
            "rib",
            iban="FR7630006000011234567890189",
            iban_valid=True,
            iban_country="FR",
            holder="Mme Jane DOE",
        ),
        bill("b1.pdf", "2026-08-31"),
        bill("b2.pdf", "2026-09-30"),
        bill("b3.pdf", "2026-10-31"),
        doc(
            "photo.jpg",
            "id_photo",
            face_count=1,
            width=413,
            height=531,
            aspect=0.778,
            face_ratio=0.42,
            grayscale=False,
        ),
    ]
