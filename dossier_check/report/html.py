"""The HTML report: one self-contained page a volunteer opens or prints (A4).

The checklist comes first, then each file with a small blurred thumbnail
(:mod:`thumbs`), its type, evidence, fields and problems. Everything shown
comes from :func:`report_dict`, so identifiers are masked exactly as in the
JSON report; OCR text appears only with ``debug``. No network: the styles
are inline and the thumbnails are ``data:`` URIs. No clock: the page says the
as-of date and nothing else, so a rerun gives the same bytes.

A batch is one file too: an index table linking each client's section
(``#client-N``), each section starting on a new printed page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from dossier_check import __version__
from dossier_check.messages import doc_type_label, requirement_title, status_label
from dossier_check.model import BLOCKING, DossierReport
from dossier_check.report.json import report_dict
from dossier_check.report.thumbs import thumbnail_uri

#: Checklist marks, as in the terminal report.
MARKS = {
    "ok": "✔",
    "not_applicable": "–",
    "warning": "!",
    "missing": "✘",
    "expired": "✘",
    "invalid": "✘",
}

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Vérification du dossier",
        "batch_title": "Vérification des dossiers",
        "profile": "Profil",
        "as_of": "Date de référence",
        "complete": "COMPLET",
        "incomplete": "INCOMPLET",
        "failed": "NON VÉRIFIÉ",
        "requirements": "Pièces demandées",
        "requirement": "Pièce",
        "status": "État",
        "details": "Détail",
        "files": "Fichiers",
        "file": "Fichier",
        "type": "Type",
        "confidence": "confiance",
        "pages": "page(s)",
        "evidence": "Indices :",
        "fields": "Champs lus",
        "problems": "Problèmes",
        "no_thumb": "aperçu indisponible",
        "ignored": "Fichiers ignorés",
        "notes": "À savoir",
        "no_files": "Aucun fichier.",
        "clients": "Clients",
        "client": "Client",
        "short": "Ce qui manque",
        "summary": "{complete} complet(s), {incomplete} incomplet(s), {failed} non vérifié(s) "
        "sur {total}",
        "footer": "dossier-check {version} — numéros de pièces, IBAN et NIR masqués",
        "footer_shown": "dossier-check {version} — identifiants affichés en clair",
        "ocr_text": "Texte lu (débogage)",
        "parts": "Documents dans ce PDF :",
        "back": "Retour à la liste",
    },
    "en": {
        "title": "Dossier check",
        "batch_title": "Dossiers check",
        "profile": "Profile",
        "as_of": "Reference date",
        "complete": "COMPLETE",
        "incomplete": "INCOMPLETE",
        "failed": "NOT CHECKED",
        "requirements": "Required documents",
        "requirement": "Requirement",
        "status": "Status",
        "details": "Details",
        "files": "Files",
        "file": "File",
        "type": "Type",
        "confidence": "confidence",
        "pages": "page(s)",
        "evidence": "Evidence:",
        "fields": "Fields read",
        "problems": "Problems",
        "no_thumb": "no preview",
        "ignored": "Ignored files",
        "notes": "Good to know",
        "no_files": "No files.",
        "clients": "Clients",
        "client": "Client",
        "short": "What is short",
        "summary": "{complete} complete, {incomplete} incomplete, {failed} not checked "
        "out of {total}",
        "footer": "dossier-check {version} — document numbers, IBAN and NIR masked",
        "footer_shown": "dossier-check {version} — identifiers shown in full",
        "ocr_text": "Text read (debug)",
        "parts": "Documents in this PDF:",
        "back": "Back to the list",
    },
}

Thumbnailer = Callable[[Any], str | None]


@dataclass(frozen=True)
class FileView:
    anchor: str
    path: str
    type: str
    type_label: str
    confidence: str
    pages: int
    evidence: list[str]
    fields: list[tuple[str, str]]
    problems: list[dict[str, Any]]
    parts: list[dict[str, Any]]
    thumb: str | None
    ocr_text: str | None


@dataclass(frozen=True)
class RequirementView:
    id: str
    title: str
    status: str
    status_label: str
    mark: str
    messages: list[str]
    files: list[tuple[str, str]]  # (path, anchor)


@dataclass(frozen=True)
class DossierView:
    anchor: str
    name: str
    profile: str
    as_of: str
    verdict: str  # complete, incomplete or failed
    error: str | None
    notes: list[str]
    requirements: list[RequirementView]
    files: list[FileView]
    ignored: list[dict[str, str]]
    short: list[str]


def environment() -> Environment:
    """The Jinja environment of the report templates (autoescaped, strict)."""
    env = Environment(
        loader=PackageLoader("dossier_check.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "✔" if v else "✘"
    if isinstance(v, list | tuple):
        return ", ".join(str(x) for x in v)
    return str(v)


def dossier_view(
    r: DossierReport,
    lang: str = "fr",
    show: bool = False,
    debug: bool = False,
    prefix: str = "",
    thumbnailer: Thumbnailer | None = thumbnail_uri,
) -> DossierView:
    """What the template shows for one dossier; anchors start with ``prefix``."""
    data = report_dict(r, lang, show, debug)
    anchors = {d.path: f"{prefix}file-{i + 1}" for i, d in enumerate(r.documents)}
    files = []
    for doc, fd in zip(r.documents, data["files"], strict=True):
        debug_data = fd.get("debug") or {}
        files.append(
            FileView(
                anchor=anchors[doc.path],
                path=fd["path"],
                type=fd["type"],
                type_label=doc_type_label(fd["type"], lang),
                confidence=f"{fd['confidence']:.2f}",
                pages=fd["pages"],
                evidence=fd["evidence"],
                fields=[(k, _value(v)) for k, v in fd["fields"].items()],
                problems=fd["problems"],
                parts=[
                    {**p, "type_label": doc_type_label(p["type"], lang)}
                    for p in fd.get("parts", [])
                ],
                thumb=thumbnailer(doc) if thumbnailer else None,
                ocr_text=str(debug_data["text"]) if debug and "text" in debug_data else None,
            )
        )
    requirements = []
    for q, qd in zip(r.requirements, data.get("requirements", []), strict=False):
        requirements.append(
            RequirementView(
                id=q.id,
                title=requirement_title(q.id, lang),
                status=q.status.value,
                status_label=status_label(q.status.value, lang),
                mark=MARKS[q.status.value],
                messages=[p["message"] for p in qd["problems"]],
                files=[(p, anchors.get(p, "")) for p in q.satisfied_by],
            )
        )
    verdict = "failed" if r.error else ("complete" if r.complete else "incomplete")
    return DossierView(
        anchor=prefix.rstrip("-") or "dossier",
        name=r.dossier,
        profile=r.profile,
        as_of=r.as_of,
        verdict=verdict,
        error=r.error,
        notes=[p["message"] for p in data.get("problems", [])],
        requirements=requirements,
        files=files,
        ignored=data.get("ignored", []),
        short=short_list(r, lang),
    )


def short_list(r: DossierReport, lang: str = "fr") -> list[str]:
    """``["RIB : manquant", ...]``: the blocking requirements, for summaries."""
    sep = " : " if lang == "fr" else ": "
    return [
        f"{requirement_title(q.id, lang)}{sep}{status_label(q.status.value, lang)}"
        for q in r.requirements
        if q.status in BLOCKING
    ]


def _common(lang: str, show: bool) -> dict[str, Any]:
    labels = LABELS.get(lang, LABELS["fr"])
    footer = labels["footer_shown" if show else "footer"].format(version=__version__)
    return {"lang": lang, "L": labels, "footer": footer}


def render_report(
    r: DossierReport,
    lang: str = "fr",
    show: bool = False,
    debug: bool = False,
    thumbnailer: Thumbnailer | None = thumbnail_uri,
) -> str:
    """One dossier as a self-contained HTML page."""
    view = dossier_view(r, lang, show, debug, "", thumbnailer)
    return environment().get_template("report.html.j2").render(d=view, **_common(lang, show))


def render_batch(
    reports: Sequence[DossierReport],
    lang: str = "fr",
    show: bool = False,
    debug: bool = False,
    thumbnailer: Thumbnailer | None = thumbnail_uri,
) -> str:
    """Every dossier in one page: an index table, then one section per client."""
    views = [
        dossier_view(r, lang, show, debug, f"client-{i + 1}-", thumbnailer)
        for i, r in enumerate(reports)
    ]
    counts = {
        "total": len(reports),
        "complete": sum(v.verdict == "complete" for v in views),
        "incomplete": sum(v.verdict == "incomplete" for v in views),
        "failed": sum(v.verdict == "failed" for v in views),
    }
    return (
        environment()
        .get_template("batch.html.j2")
        .render(dossiers=views, counts=counts, **_common(lang, show))
    )
