"""The puma profile's rules on hand-made documents (DOMAIN.md rule ids in names)."""

from __future__ import annotations

from datetime import date

import pytest

from dossier_check.model import Status
from dossier_check.profiles import load
from dossier_check.rules import add_months, evaluate
from tests.factories import bill, complete_dossier, doc, passport

AS_OF = date(2026, 11, 15)


def statuses(docs, situations=(), as_of=AS_OF, profile="puma"):
    result = evaluate(load(profile), docs, as_of, situations)
    return {r.id: r.status for r in result.requirements}, result


def without(docs, *paths):
    return [d for d in docs if d.path not in paths]


def replace_doc(docs, new):
    return [new if d.path == new.path else d for d in docs]


def test_complete_dossier_is_complete():
    st, _ = statuses(complete_dossier())
    assert st == {
        "application_form": Status.OK,
        "identity": Status.OK,
        "residence_permit": Status.OK,
        "birth_certificate": Status.OK,
        "proof_of_residence": Status.OK,
        "bank_details": Status.OK,
        "id_photo": Status.OK,
        "employment_proof": Status.NOT_APPLICABLE,
        "name_consistency": Status.OK,
    }


@pytest.mark.parametrize(
    "path,req",
    [
        ("rib.pdf", "bank_details"),
        ("birth.pdf", "birth_certificate"),
        ("permit.jpg", "residence_permit"),
        ("passport.jpg", "identity"),
        ("form.pdf", "application_form"),
    ],
)
def test_absent_document_is_missing(path, req):
    st, _ = statuses(without(complete_dossier(), path))
    assert st[req] is Status.MISSING


def test_absent_photo_only_warns_in_puma():
    st, _ = statuses(without(complete_dossier(), "photo.jpg"))
    assert st["id_photo"] is Status.WARNING


def test_expired_passport_is_expired_R_ID_3():
    docs = replace_doc(complete_dossier(), passport(expiry="2026-03-03"))
    st, res = statuses(docs)
    assert st["identity"] is Status.EXPIRED
    problem = next(r for r in res.requirements if r.id == "identity").problems[0]
    assert problem.code == "expired" and problem.rule == "R-ID-3"


def test_document_expiring_on_as_of_is_still_valid():
    docs = replace_doc(complete_dossier(), passport(expiry=AS_OF.isoformat()))
    assert statuses(docs)[0]["identity"] is Status.OK


def test_unreadable_expiry_makes_identity_invalid():
    p = doc("passport.jpg", "passport", surname="DOE", given_names="JANE", nationality="USA")
    st, _ = statuses(replace_doc(complete_dossier(), p))
    assert st["identity"] is Status.INVALID


def test_eu_citizen_inferred_from_passport_needs_no_permit_R_DOS_2():
    docs = without(replace_doc(complete_dossier(), passport(nationality="DEU")), "permit.jpg")
    st, res = statuses(docs)
    assert st["residence_permit"] is Status.NOT_APPLICABLE
    assert "eu-citizen" in res.situations
    assert any(n.code == "situation_inferred" for n in res.notes)


def test_british_passport_still_needs_a_permit_R_DOS_3():
    docs = without(replace_doc(complete_dossier(), passport(nationality="GBR")), "permit.jpg")
    assert statuses(docs)[0]["residence_permit"] is Status.MISSING


def test_bills_with_gap_month_fail_R_RES_1():
    docs = replace_doc(complete_dossier(), bill("b2.pdf", "2026-07-31"))
    st, res = statuses(docs)
    assert st["proof_of_residence"] is Status.INVALID
    problem = next(r for r in res.requirements if r.id == "proof_of_residence").problems[0]
    assert problem.code == "bills_not_successive" and "2026-09" in problem.params["months"]


def test_two_bills_are_missing_one():
    st, _ = statuses(without(complete_dossier(), "b1.pdf"))
    assert st["proof_of_residence"] is Status.MISSING


def test_bill_in_another_name_is_invalid_R_RES_3():
    docs = replace_doc(complete_dossier(), bill("b3.pdf", "2026-10-31", holder="Marc PETIT"))
    assert statuses(docs)[0]["proof_of_residence"] is Status.INVALID


def test_old_bills_expire_R_RES_2():
    docs = [d for d in complete_dossier() if not d.path.startswith("b")]
    docs += [
        bill("b1.pdf", "2026-02-28"),
        bill("b2.pdf", "2026-03-31"),
        bill("b3.pdf", "2026-04-30"),
    ]
    assert statuses(docs)[0]["proof_of_residence"] is Status.EXPIRED


def test_bills_three_to_six_months_old_warn_R_RES_2():
    docs = [d for d in complete_dossier() if not d.path.startswith("b")]
    docs += [
        bill("b1.pdf", "2026-05-31"),
        bill("b2.pdf", "2026-06-30"),
        bill("b3.pdf", "2026-07-31"),
    ]
    assert statuses(docs)[0]["proof_of_residence"] is Status.WARNING


def test_lease_alone_is_enough():
    docs = [d for d in complete_dossier() if not d.path.startswith("b")]
    docs.append(doc("bail.pdf", "lease", kind="contract", holder="Jane Doe"))
    assert statuses(docs)[0]["proof_of_residence"] is Status.OK


def test_hosting_needs_host_identity_and_address_R_HEB_3_4():
    base = [d for d in complete_dossier() if not d.path.startswith("b")]
    att = doc(
        "heb.pdf",
        "hosting_attestation",
        host="Marc PETIT",
        hosted="Jane DOE",
        start_date="2026-03-01",
        signature_date="2026-11-02",
        sworn_wording=True,
    )
    st, res = statuses(base + [att])
    assert st["proof_of_residence"] is Status.INVALID
    assert "hosted" in res.situations
    host_id = passport(
        "host-id.jpg", surname="PETIT", given="MARC", nationality="FRA", birth="1970-01-01"
    )
    host_bill = bill("host-bill.pdf", "2026-10-31", holder="Marc PETIT")
    st, res = statuses(base + [att, host_id, host_bill])
    assert st["proof_of_residence"] is Status.OK
    # the host's papers serve only the host part: the applicant stays non-EEA
    assert "eu-citizen" not in res.situations
    assert st["identity"] is Status.OK and st["name_consistency"] is Status.OK


def test_rib_in_another_name_is_invalid_R_RIB_4():
    docs = replace_doc(
        complete_dossier(),
        doc(
            "rib.pdf",
            "rib",
            iban="FR7630006000011234567890189",
            iban_valid=True,
            iban_country="FR",
            holder="Marc PETIT",
        ),
    )
    assert statuses(docs)[0]["bank_details"] is Status.INVALID


def test_foreign_sepa_iban_warns_R_RIB_5():
    docs = replace_doc(
        complete_dossier(),
        doc(
            "rib.pdf",
            "rib",
            iban="DE89370400440532013000",
            iban_valid=True,
            iban_country="DE",
            holder="Jane Doe",
        ),
    )
    assert statuses(docs)[0]["bank_details"] is Status.WARNING


def test_rib_of_a_home_bank_outside_sepa_is_invalid_R_RIB_7():
    """A Moroccan RIB: its IBAN passes mod-97, but the account is outside SEPA."""
    docs = replace_doc(
        complete_dossier(),
        doc(
            "rib.pdf",
            "rib",
            iban="MA64011519000001205000534921",
            iban_valid=True,
            iban_country="MA",
            holder="Jane Doe",
        ),
    )
    st, res = statuses(docs)
    assert st["bank_details"] is Status.INVALID
    problems = next(r for r in res.requirements if r.id == "bank_details").problems
    assert any(p.code == "iban_not_sepa" and p.rule == "R-RIB-7" for p in problems)


def test_employment_proof_only_when_employed():
    st, _ = statuses(complete_dossier(), situations=["employed"])
    assert st["employment_proof"] is Status.MISSING
    docs = complete_dossier() + [doc("paie.pdf", "payslip", holder="Jane DOE")]
    st, res = statuses(docs)
    assert st["employment_proof"] is Status.OK and "employed" in res.situations


def test_two_faces_make_photo_invalid_R_PHO_1():
    docs = replace_doc(
        complete_dossier(),
        doc(
            "photo.jpg", "id_photo", face_count=2, width=600, height=400, aspect=1.5, face_ratio=0.3
        ),
    )
    assert statuses(docs)[0]["id_photo"] is Status.INVALID


def test_birth_date_mismatch_is_invalid_R_X_1():
    docs = replace_doc(complete_dossier(), passport(birth="1991-04-12"))
    assert statuses(docs)[0]["name_consistency"] is Status.INVALID


def test_unsigned_form_warns_R_DOS_1():
    docs = replace_doc(
        complete_dossier(),
        doc("form.pdf", "application_form", surname="DOE", given_names="Jane", signed=False),
    )
    assert statuses(docs)[0]["application_form"] is Status.WARNING


def test_birth_certificate_without_filiation_is_invalid_R_BC_2():
    docs = replace_doc(
        complete_dossier(),
        doc("birth.pdf", "birth_certificate", language="en", apostille=True, filiation=False),
    )
    assert statuses(docs)[0]["birth_certificate"] is Status.INVALID


def test_add_months_clips_to_month_end():
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 1, 15), -2) == date(2025, 11, 15)


def test_carte_vitale_provisional_nia_is_refused_R_VIT_1():
    docs = [
        passport(),
        doc(
            "photo.jpg",
            "id_photo",
            face_count=1,
            width=413,
            height=531,
            aspect=0.778,
            face_ratio=0.42,
        ),
        doc(
            "att.pdf",
            "insurance_certificate",
            nir="790000000000000",
            nir_valid=True,
            nir_provisional=True,
        ),
    ]
    st, _ = statuses(docs, profile="carte-vitale")
    assert st["nir"] is Status.INVALID and st["age"] is Status.OK
    assert st["application_form"] is Status.WARNING


def _birth(**fields):
    base = {"language": "en", "filiation": True, "birth_date": "1990-04-12"}
    return replace_doc(
        complete_dossier(), doc("birth.pdf", "birth_certificate", **{**base, **fields})
    )


@pytest.mark.parametrize(
    "fields,expected",
    [
        ({"country": "USA", "apostille": False}, Status.INVALID),  # R-APO-3
        ({"country": "USA", "apostille": True}, Status.OK),
        ({"country": "MEX", "language": "es", "apostille": True}, Status.OK),
        (
            {
                "country": "CHN",
                "language": "zh",
                "apostille": False,
                "translation": True,
                "issue_date": "2020-05-01",
            },
            Status.INVALID,
        ),  # R-APO-4 before Nov 2023
        ({"country": "DEU", "language": "de"}, Status.OK),  # R-APO-5 exempt
        ({"country": None, "apostille": False}, Status.WARNING),  # unknown state: W
        ({"country": "FRA", "language": "fr"}, Status.OK),  # R-BC-7
        (
            {"country": "USA", "apostille": True, "issue_date": "2025-01-10"},
            Status.WARNING,
        ),  # R-BC-6
        ({"country": "JPN", "language": "ja", "apostille": True}, Status.WARNING),  # R-TR-1
    ],
)
def test_birth_certificate_apostille_legalisation_translation(fields, expected):
    assert statuses(_birth(**fields))[0]["birth_certificate"] is expected


def test_legalisation_table_entries_all_carry_a_source():
    from dossier_check import legalisation

    entries = legalisation.load()
    assert entries and all(e.source and e.status in legalisation.STATUSES for e in entries)
    assert legalisation.status("CAN", date(2023, 6, 1)) == "legalisation"
    assert legalisation.status("CAN", date(2024, 6, 1)) == "apostille"
    assert legalisation.status("ATA", date(2024, 6, 1)) == "unknown"


def _hosted(**fields):
    base = [d for d in complete_dossier() if not d.path.startswith("b")]
    att = {
        "host": "Marc PETIT",
        "hosted": "Jane DOE",
        "start_date": "2026-03-01",
        "signature_date": "2026-11-02",
        "sworn_wording": True,
        **fields,
    }
    host_id = passport(
        "host-id.jpg", surname="PETIT", given="MARC", nationality="FRA", birth="1970-01-01"
    )
    host_bill = bill("host-bill.pdf", "2026-10-31", holder="Marc PETIT")
    return base + [doc("heb.pdf", "hosting_attestation", **att), host_id, host_bill]


@pytest.mark.parametrize(
    "fields,expected",
    [
        ({}, Status.OK),
        ({"signature_date": None}, Status.INVALID),  # R-HEB-1 undated / unsigned
        ({"start_date": "2026-10-01"}, Status.INVALID),  # R-HEB-5 under 3 months
        ({"start_date": None}, Status.WARNING),  # R-HEB-2 no "depuis le"
        ({"signature_date": "2026-05-02"}, Status.WARNING),  # R-HEB-6 stale attestation
    ],
)
def test_hosting_attestation_rules_R_HEB(fields, expected):
    assert statuses(_hosted(**fields))[0]["proof_of_residence"] is expected


def test_bill_whose_label_was_misread_but_names_the_applicant_is_hers():
    text = "FACTURE\nClient n° 1234\nMme Jane DOE\n12 rue des Lilas"
    docs = replace_doc(
        complete_dossier(), bill("b3.pdf", "2026-10-31", holder="Client Service", text=text)
    )
    assert statuses(docs)[0]["proof_of_residence"] is Status.OK


def test_bill_with_no_readable_holder_only_warns():
    docs = replace_doc(
        complete_dossier(), bill("b3.pdf", "2026-10-31", holder=None, text="FACTURE gaz 212 kWh")
    )
    st, res = statuses(docs)
    assert st["proof_of_residence"] is Status.WARNING
    problem = next(r for r in res.requirements if r.id == "proof_of_residence").problems[0]
    assert problem.code == "holder_not_found"


def test_cancelled_passport_does_not_satisfy_identity_R_ID_9():
    from dataclasses import replace

    from dossier_check.model import Finding, Severity

    p = passport()
    p = replace(p, problems=(Finding("cancelled_document", Severity.ERROR, {}, "R-ID-9"),))
    assert statuses(replace_doc(complete_dossier(), p))[0]["identity"] is Status.INVALID


def test_refugee_situation_waives_the_three_months_proof_R_DOS_4():
    docs = [d for d in complete_dossier() if not d.path.startswith("b")]
    assert statuses(docs, situations=["refugee"])[0]["proof_of_residence"] is Status.NOT_APPLICABLE


def test_mobile_bill_counts_with_a_warning():
    docs = replace_doc(
        complete_dossier(),
        doc(
            "b3.pdf",
            "utility_bill",
            period_start="2026-10-01",
            period_end="2026-10-31",
            issue_date="2026-11-02",
            holder="Jane DOE",
            service="mobile",
        ),
    )
    assert statuses(docs)[0]["proof_of_residence"] is Status.WARNING


@pytest.mark.parametrize(
    "extra,code",
    [
        ({"face_center_offset": 0.2}, "photo_off_centre"),  # R-PHO-3
        ({"background_level": 250.0, "background_std": 2.0}, "photo_background_white"),  # R-PHO-7
        ({"background_level": 200.0, "background_std": 45.0}, "photo_background"),
    ],
)
def test_photo_framing_and_background_warn(extra, code):
    photo = doc(
        "photo.jpg",
        "id_photo",
        face_count=1,
        width=413,
        height=531,
        aspect=0.778,
        face_ratio=0.42,
        grayscale=False,
        **extra,
    )
    st, res = statuses(replace_doc(complete_dossier(), photo))
    assert st["id_photo"] is Status.WARNING
    assert [p.code for r in res.requirements if r.id == "id_photo" for p in r.problems] == [code]
