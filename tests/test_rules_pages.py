"""R-SCAN-5 in the rules: pages missing from a birth certificate or a lease block it
(DOMAIN.md §11: E for those two, W for the rest)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dossier_check.model import Finding, Severity, Status
from dossier_check.profiles import load
from dossier_check.rules import evaluate
from tests.factories import complete_dossier, doc

AS_OF = date(2026, 11, 15)
MISSING = Finding(
    "pages_missing", Severity.WARNING, {"file": "x", "expected": 3, "present": 1}, "R-SCAN-5"
)


def _status(docs, req):
    result = evaluate(load("puma"), docs, AS_OF)
    return next(r for r in result.requirements if r.id == req)


def _with_problem(docs, type_, problem):
    return [replace(d, problems=(problem,)) if d.type == type_ else d for d in docs]


def test_birth_certificate_with_pages_missing_is_invalid_R_SCAN_5():
    res = _status(
        _with_problem(complete_dossier(), "birth_certificate", MISSING), "birth_certificate"
    )
    assert res.status is Status.INVALID
    assert [(p.code, p.severity, p.rule) for p in res.problems][0] == (
        "pages_missing",
        Severity.ERROR,
        "R-SCAN-5",
    )


def test_lease_with_its_back_missing_is_invalid_R_SCAN_5():
    docs = [d for d in complete_dossier() if d.type != "utility_bill"]
    back = Finding("page_back_missing", Severity.WARNING, {"file": "bail.pdf"}, "R-SCAN-5")
    lease = doc("bail.pdf", "lease", kind="contract", holder="Jane Doe")
    assert _status(docs + [lease], "proof_of_residence").status is Status.OK
    res = _status(docs + [replace(lease, problems=(back,))], "proof_of_residence")
    assert res.status is Status.INVALID
    assert res.problems[0].code == "page_back_missing"


def test_pages_missing_elsewhere_only_warns():
    """A RIB announcing more pages keeps its requirement: the file-level warning is enough."""
    res = _status(_with_problem(complete_dossier(), "rib", MISSING), "bank_details")
    assert res.status is Status.OK
