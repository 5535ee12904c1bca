"""The same document twice counts once (CONTRACT.md; R-RES-5, R-SCAN-6).

Two files are the same document when their bytes are identical, or when
they have the same type and the same identifying value: a document number,
an IBAN, a NIR, or (for bills and receipts) the same holder and date.
"""

from __future__ import annotations

from dataclasses import replace

from dossier_check.model import Document, Finding, Severity

_KEYS = ("document_number", "iban", "nir")


def _identity(doc: Document) -> tuple[str, ...] | None:
    f = doc.fields
    for key in _KEYS:
        if f.get(key):
            return (doc.type, key, str(f[key]))
    if doc.type in ("utility_bill", "lease") and f.get("issue_date"):
        return (
            doc.type,
            str(f.get("holder", "")).casefold(),
            str(f["issue_date"]),
            str(f.get("period_end", "")),
        )
    return None


def mark_duplicates(documents: list[Document]) -> list[Document]:
    """Documents in order, later copies carrying a ``duplicate`` warning."""
    seen_bytes: dict[str, str] = {}
    seen_ids: dict[tuple[str, ...], str] = {}
    out: list[Document] = []
    for doc in documents:
        first = None
        if doc.source.sha256 and doc.source.size:
            first = seen_bytes.setdefault(doc.source.sha256, doc.path)
        key = _identity(doc) if doc.type != "unknown" else None
        if key is not None and (first is None or first == doc.path):
            first = seen_ids.setdefault(key, doc.path)
        if first is not None and first != doc.path:
            problem = Finding("duplicate", Severity.WARNING, {"other": first}, "R-SCAN-6")
            doc = replace(doc, problems=doc.problems + (problem,))
        out.append(doc)
    return out


def is_duplicate(doc: Document) -> bool:
    return any(p.code == "duplicate" for p in doc.problems)
