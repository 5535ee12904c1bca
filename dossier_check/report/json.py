"""The JSON report, schema_version 1 (CONTRACT.md), and its dict form for other formats."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from dossier_check import __version__
from dossier_check.fields.iban import mask
from dossier_check.messages import render, requirement_title, status_label
from dossier_check.model import Document, DossierReport, Finding, RequirementResult

SCHEMA_VERSION = 1
#: Fields and finding params that identify a person: masked unless asked (CONTRACT).
IDENTIFIERS = frozenset({"document_number", "iban", "nir", "bban", "account"})


#: Shapes that look like an identifier in free text: an IBAN (country, key, 10+ more
#: characters, spaces allowed), a NIR (spaced or not), an MRZ run with fillers, a long
#: run holding 5+ digits.
_IDENTIFIER_SHAPES = re.compile(
    r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){10,30}\b"
    r"|\b[12]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b"
    r"|[A-Z0-9<]*<<[A-Z0-9<]*"
    r"|\b(?=(?:[A-Z]*\d){5})[A-Z0-9]{8,}\b"
)


def _mask_values(values: dict[str, Any], show: bool) -> dict[str, Any]:
    if show:
        return dict(values)
    return {k: mask(str(v)) if k in IDENTIFIERS and v else v for k, v in values.items()}


def mask_text(text: str, known: Iterable[Any] = (), show: bool = False) -> str:
    """``text`` with identifiers masked (last 4 kept), unless ``show``.

    ``known`` are identifier values of the document (its IBAN, document
    number...), masked wherever they appear, spaced or not; anything else
    shaped like an IBAN, an MRZ run or a long number is masked too.
    """
    if show:
        return text
    for value in known:
        compact = "".join(str(value).split())
        if len(compact) >= 5:
            spaced = r"\s?".join(re.escape(c) for c in compact)
            text = re.sub(spaced, mask(compact), text, flags=re.IGNORECASE)
    return _IDENTIFIER_SHAPES.sub(lambda m: mask(m.group(0)), text)


def masked_evidence(d: Document, show: bool) -> list[str]:
    """The document's evidence with identifiers masked (CONTRACT: every report)."""
    known = [v for k, v in d.fields.items() if k in IDENTIFIERS and v]
    return [mask_text(e, known, show) for e in d.evidence]


def finding_dict(f: Finding, lang: str, show: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity.value,
        "message": render(f, lang, _mask_values(f.params, show)),
    }
    if f.rule:
        out["rule"] = f.rule
    return out


def document_dict(d: Document, lang: str, show: bool, debug: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "path": d.path,
        "mime": d.source.mime,
        "pages": d.source.page_count or len(d.source.pages),
        "type": d.type,
        "confidence": d.confidence,
        "evidence": masked_evidence(d, show),
        "fields": _mask_values(d.fields, show),
        "problems": [finding_dict(p, lang, show) for p in d.problems],
    }
    if d.parts:
        out["parts"] = [
            {"pages": list(p.pages), "type": p.type, "confidence": p.confidence} for p in d.parts
        ]
    if debug and d.debug:
        known = [v for k, v in d.fields.items() if k in IDENTIFIERS and v]
        out["debug"] = {  # the OCR text holds the MRZ and the IBAN line: masked too
            k: mask_text(v, known, show) if isinstance(v, str) else v for k, v in d.debug.items()
        }
    return out


def requirement_message(q: RequirementResult, lang: str, show: bool) -> str:
    """What is wrong in one line, or the requirement and its status when nothing is."""
    if q.problems:
        return "; ".join(render(p, lang, _mask_values(p.params, show)) for p in q.problems)
    sep = " : " if lang == "fr" else ": "
    return f"{requirement_title(q.id, lang)}{sep}{status_label(q.status.value, lang)}"


def report_dict(
    r: DossierReport, lang: str = "fr", show: bool = False, debug: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "profile": r.profile,
        "as_of": r.as_of,
        "dossier": r.dossier,
        "complete": r.complete,
        "situations": list(r.situations),
    }
    if r.error is not None:
        out["error"] = r.error
        out["files"] = []
        return out
    out["files"] = [document_dict(d, lang, show, debug) for d in r.documents]
    out["requirements"] = [
        {
            "id": q.id,
            "status": q.status.value,
            "satisfied_by": list(q.satisfied_by),
            "message": requirement_message(q, lang, show),
            "problems": [finding_dict(p, lang, show) for p in q.problems],
        }
        for q in r.requirements
    ]
    out["problems"] = [finding_dict(p, lang, show) for p in r.problems]
    out["ignored"] = [{"path": i.path, "reason": i.reason} for i in r.ignored]
    return out


def render_report(
    r: DossierReport, lang: str = "fr", show: bool = False, debug: bool = False
) -> str:
    return json.dumps(report_dict(r, lang, show, debug), ensure_ascii=False, indent=2) + "\n"


def render_batch(
    reports: list[DossierReport], lang: str = "fr", show: bool = False, debug: bool = False
) -> str:
    failed = sum(r.error is not None for r in reports)
    complete = sum(r.complete for r in reports)
    doc = {
        "schema_version": SCHEMA_VERSION,
        "dossiers": [report_dict(r, lang, show, debug) for r in reports],
        "summary": {
            "total": len(reports),
            "complete": complete,
            "incomplete": len(reports) - complete - failed,
            "failed": failed,
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def render_classify(
    docs: list[Document], lang: str = "fr", show: bool = False, debug: bool = False
) -> str:
    doc = {
        "schema_version": SCHEMA_VERSION,
        "files": [document_dict(d, lang, show, debug) for d in docs],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
