"""One builder per contract document type, each with several layouts.

`BUILDERS[type_id]` is `(build(ctx) -> Doc, [layout option values])`; the option is passed
as `ctx.opts["variant"]` (or `style` for birth certificates). Adding a layout = adding a
branch in the family module and its name in the list here.
"""

from __future__ import annotations

from samples.specimens import (
    bank,
    bills,
    civil,
    cpam,
    distractors,
    housing,
    identity,
    permits,
    work,
)

BUILDERS = {
    "passport": (identity.passport, identity.PASSPORT_LAYOUTS),
    "national_id": (identity.national_id, identity.NATIONAL_ID_LAYOUTS),
    "residence_permit": (permits.residence_permit, permits.RESIDENCE_LAYOUTS),
    "birth_certificate": (civil.birth_certificate, civil.BIRTH_STYLES),
    "rib": (bank.rib, bank.RIB_LAYOUTS),
    "utility_bill": (bills.utility_bill, bills.BILL_KINDS),
    "lease": (housing.lease, housing.LEASE_LAYOUTS),
    "hosting_attestation": (housing.hosting_attestation, housing.HOSTING_LAYOUTS),
    "id_photo": (distractors.id_photo, distractors.PHOTO_LAYOUTS),
    "payslip": (work.payslip, work.PAYSLIP_LAYOUTS),
    "employment_contract": (work.employment_contract, work.CONTRACT_LAYOUTS),
    "application_form": (cpam.application_form, cpam.FORM_LAYOUTS),
    "insurance_certificate": (cpam.insurance_certificate, cpam.INSURANCE_LAYOUTS),
    "unknown": (distractors.unknown, distractors.DISTRACTOR_LAYOUTS),
}

CONTRACT_TYPES = list(BUILDERS)
