"""The terminal report: a checklist per requirement, then the per-file table.

Rendered with rich into a string; colour only when the caller says the
output is a terminal, plain text otherwise (pipes, CI logs, golden files).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dossier_check.messages import render, requirement_title, status_label
from dossier_check.model import DossierReport, Status
from dossier_check.report.json import _mask_values, masked_evidence

MARKS = {
    Status.OK: ("✔", "green"),
    Status.NOT_APPLICABLE: ("–", "dim"),
    Status.WARNING: ("!", "yellow"),
    Status.MISSING: ("✘", "red"),
    Status.EXPIRED: ("✘", "red"),
    Status.INVALID: ("✘", "red"),
}
KEY_FIELDS = (
    "surname",
    "given_names",
    "holder",
    "expiry_date",
    "issue_date",
    "period_end",
    "document_number",
    "iban",
    "face_count",
)
HEAD = {
    "fr": (
        "Dossier",
        "profil",
        "au",
        "COMPLET",
        "INCOMPLET",
        "Pièces",
        "Fichiers",
        "fichier",
        "type",
        "confiance",
        "champs",
        "ignoré",
    ),
    "en": (
        "Dossier",
        "profile",
        "as of",
        "COMPLETE",
        "INCOMPLETE",
        "Requirements",
        "Files",
        "file",
        "type",
        "confidence",
        "fields",
        "ignored",
    ),
}


def _console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    return console, buf


def render_report(
    r: DossierReport, lang: str = "fr", show: bool = False, color: bool = False, width: int = 110
) -> str:
    h = HEAD.get(lang, HEAD["fr"])
    console, buf = _console(color, width)
    verdict = h[3] if r.complete else h[4]
    console.print(
        Text.assemble(
            (f"{h[0]} {r.dossier}", "bold"),
            f" — {h[1]} {r.profile}, {h[2]} {r.as_of}: ",
            (verdict, "bold green" if r.complete else "bold red"),
        )
    )
    if r.error:
        console.print(Text(r.error, style="red"))
        return buf.getvalue()
    for note in r.problems:
        console.print(f"  i {render(note, lang)}")
    console.print(Text(h[5], style="bold"))
    for q in r.requirements:
        mark, style = MARKS[q.status]
        line = Text.assemble(
            (f"  {mark} ", style),
            (requirement_title(q.id, lang), "bold"),
            f" — {status_label(q.status.value, lang)}",
        )
        if q.satisfied_by:
            line.append(f" ({', '.join(q.satisfied_by)})", style="dim")
        console.print(line)
        for p in q.problems:
            console.print(
                Text(f"      {render(p, lang, _mask_values(p.params, show))}", style=style)
            )
    console.print(Text(h[6], style="bold"))
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in (h[7], h[8], h[9], h[10]):
        table.add_column(col, overflow="fold")
    for d in r.documents:
        fields = _mask_values(d.fields, show)
        shown = ", ".join(f"{k}={fields[k]}" for k in KEY_FIELDS if k in fields)
        table.add_row(d.path, d.type, f"{d.confidence:.2f}", shown)
        for p in d.problems:
            table.add_row(
                "",
                Text(
                    f"  {p.severity.value}: {render(p, lang, _mask_values(p.params, show))}",
                    style="yellow" if p.severity != "error" else "red",
                ),
                "",
                "",
            )
    console.print(table)
    for ig in r.ignored:
        console.print(Text(f"  {h[11]}: {ig.path} ({ig.reason})", style="dim"))
    return buf.getvalue()


def render_batch(
    reports: list[DossierReport],
    lang: str = "fr",
    show: bool = False,
    color: bool = False,
    width: int = 110,
) -> str:
    parts = [render_report(r, lang, show, color, width) for r in reports]
    return "\n".join(parts) + "\n" + summary_table(reports, lang, color, width)


def summary_table(
    reports: list[DossierReport], lang: str = "fr", color: bool = False, width: int = 110
) -> str:
    """One line per client: name, complete or not, what is short (the batch's end)."""
    console, buf = _console(color, width)
    table = Table(show_header=True, header_style="bold", box=None)
    table.add_column("client")
    table.add_column("complet" if lang == "fr" else "complete")
    table.add_column("manque" if lang == "fr" else "short")
    for r in reports:
        short = r.error or ", ".join(
            f"{q.id}:{q.status.value}"
            for q in r.requirements
            if q.status in (Status.MISSING, Status.EXPIRED, Status.INVALID)
        )
        table.add_row(r.dossier, "✔" if r.complete else "✘", short)
    console.print(table)
    return buf.getvalue()


def render_classify(docs, lang: str = "fr", show: bool = False) -> str:  # type: ignore[no-untyped-def]
    lines = []
    for d in docs:
        evidence = "; ".join(masked_evidence(d, show))
        lines.append(f"{d.path}\t{d.type}\t{d.confidence:.2f}\t{evidence}")
    return "\n".join(lines) + "\n"
