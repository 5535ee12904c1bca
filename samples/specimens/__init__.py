"""One builder per contract document type, each with several layouts.

`BUILDERS[type_id]` is `(build(ctx) -> Doc, [layout option values])`; the option is passed
as `ctx.opts["variant"]` (or `style` for birth certificates, `kind` for bills). Adding a
layout = adding a branch in the family module and its name in the list here.

`layout_options(type_id)` lists the option dicts the corpus cycles through;
`heldout_options(type_id)` the held-out ones, whose builders live in `heldout.py` (a module
the classifier's authors do not read). `build(type_id, ctx)` dispatches to either.
"""

from __future__ import annotations

from samples.specimens import (
    bank,
    bills,
    civil,
    cpam,
    distractors,
    heldout,
    housing,
    identity,
    permits,
    work,
)
from samples.specimens.common import Ctx, Doc

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
HELD_OUT_LAYOUTS: frozenset[str] = frozenset(heldout.HELD_OUT_LAYOUTS)


def layout_options(type_id: str) -> list[dict]:
    """The regular (not held-out) layout options of a type, as builder option dicts."""
    values = BUILDERS[type_id][1]
    if type_id == "birth_certificate":
        return [{"style": v} for v in values]
    if type_id == "utility_bill":
        return [{"kind": k, "style": s} for k in values for s in bills.BILL_STYLES]
    return [{"variant": v} for v in values]


def heldout_options(type_id: str) -> list[dict]:
    return [{"variant": v} for v in heldout.LAYOUTS.get(type_id, [])]


def build(type_id: str, ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ""
    if variant in heldout.LAYOUTS.get(type_id, ()):
        return heldout.build(type_id, ctx)
    return BUILDERS[type_id][0](ctx)
