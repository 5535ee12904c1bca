"""The JSON report, schema_version 1 (CONTRACT.md), and its dict form for other formats."""

from __future__ import annotations

import json
from typing import Any

from dossier_check import __version__
from dossier_check.fields.iban import mask
from dossier_check.messages import render, requirement_title, status_label
from dossier_check.model import Document, DossierReport, Finding, RequirementResult

SCHEMA_VERSION = 1
#: Fields and finding params that identify a person: masked unless asked (CONTRACT).
IDENTIFIERS = frozenset({"document_number", "iban", "nir", "bban", "account"})


def _mask_values(values: dict[str, Any], show: bool) -> dict[str, Any]:
    if show:
        return dict(values)
    return {k: mask(str(v)) if k in IDENTIFIERS and v else v for k, v in values.items()}


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
        "evidence": list(d.evidence),
        "fields": _mask_values(d.fields, show),
        "problems": [finding_dict(p, lang, show) for p in d.problems],
    }
    if d.parts:
        out["parts"] = [
            {"pages": list(p.pages), "type": p.type, "confidence": p.confidence} for p in d.parts
        ]
    if debug and d.debug:
        out["debug"] = d.debug
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
