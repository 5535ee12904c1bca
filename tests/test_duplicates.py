"""Duplicates count once and carry a warning (CONTRACT.md, R-SCAN-6)."""

from __future__ import annotations

from dataclasses import replace

from dossier_check.duplicates import is_duplicate, mark_duplicates
from tests.factories import bill, doc, passport


def test_same_passport_number_twice_is_a_duplicate():
    a, b = passport("a.jpg"), passport("b.pdf")
    out = mark_duplicates([a, b])
    assert not is_duplicate(out[0]) and is_duplicate(out[1])
    assert out[1].problems[-1].params == {"other": "a.jpg"}


def test_identical_bytes_are_a_duplicate_whatever_the_type():
    a = doc("x.jpg", "unknown")
    a = replace(a, source=replace(a.source, sha256="ab" * 32, size=10))
    b = replace(a, source=replace(a.source, path="copy/x.jpg"))
    assert is_duplicate(mark_duplicates([a, b])[1])


def test_two_different_bills_are_not_duplicates():
    out = mark_duplicates([bill("b1.pdf", "2026-09-30"), bill("b2.pdf", "2026-10-31")])
    assert not any(is_duplicate(d) for d in out)
