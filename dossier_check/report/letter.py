"""The letter for the applicant: what to bring or fix, in plain words.

One short A4 page per dossier, in French or English, listing only what the
applicant must bring or fix ("Votre passeport a expiré le 3 mars 2026 :
apportez un passeport valide"), then what would be safer to bring. Never a
code, a rule id, a file name or an identifier: the sentences come from the
letter texts of :mod:`dossier_check.messages`, filled with the document's
kind and long dates only.

As HTML (self-contained) or as PDF, rendered by WeasyPrint: an HTML/CSS
engine in Python that honours ``@page`` A4 rules and needs no browser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from dossier_check import messages as m
from dossier_check.messages import letter_nouns, letter_text, long_date, requirement_title
from dossier_check.model import BLOCKING, Document, DossierReport, Finding, Status
from dossier_check.report.html import environment

#: Where the applicant's name is read, best first (the form names the applicant).
NAME_SOURCES = ("application_form", "passport", "national_id", "residence_permit")
#: File problems that mean a file must be sent again, whatever the requirements say.
FILE_PROBLEMS = (
    "corrupt_file",
    "encrypted",
    "empty_file",
    "unreadable",
    # scan quality (R-SCAN-2..5): a page to scan again, pages to add
    "scan_low_resolution",
    "scan_too_few_pixels",
    "scan_hard_to_read",
    "scan_blurred",
    "scan_too_dark",
    "scan_too_pale",
    "scan_cut_off",
    "pages_missing",
    "page_back_missing",
)


@dataclass(frozen=True)
class Letter:
    """One applicant's letter: what must be brought or fixed, what would be safer."""

    lang: str
    reference: str  # the dossier's folder name, so a volunteer can match letter and client
    dated: str  # the as-of date, long form
    subject: str
    name: str | None
    to_fix: tuple[str, ...]
    advice: tuple[str, ...]
    failed: bool = False

    @property
    def complete(self) -> bool:
        return not self.failed and not self.to_fix


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def applicant_name(r: DossierReport) -> str | None:
    """ "Valeria CASTANEDA" from the form, else from an identity document."""
    for type_id in NAME_SOURCES:
        for d in r.documents:
            if d.type == type_id and d.fields.get("surname"):
                given = str(d.fields.get("given_names") or "").title()
                return f"{given} {str(d.fields['surname']).upper()}".strip()
    return None


def _sentence(
    f: Finding, table: dict[str, tuple[str, str]], by_path: dict[str, Document], lang: str
) -> str | None:
    """The finding in the letter's words, or None when it has none."""
    pair = table.get(f.code)
    if pair is None:
        return None
    doc = by_path.get(str(f.params.get("file", "")))
    yours, a_doc = letter_nouns(doc.type if doc else "unknown", lang)
    params: dict[str, Any] = {
        "Doc": _cap(yours),
        "doc": yours,
        "a_doc": a_doc,
        "date": long_date(str(f.params.get("date", "")), lang),
        "needed": f.params.get("needed", 3),
    }
    try:
        return (pair[0] if lang == "fr" else pair[1]).format(**params)
    except (KeyError, IndexError):
        return None


def build_letter(r: DossierReport, lang: str = "fr") -> Letter:
    """What the letter says for ``r``: blocking requirements first, then advice."""
    by_path = {d.path: d for d in r.documents}
    subject_key = f"subject_{r.profile}"
    subject = letter_text(subject_key if subject_key in m.LETTER_TEXT else "subject", lang)
    dated = letter_text("dated", lang, date=long_date(r.as_of, lang))
    reference = letter_text("reference", lang, name=PurePath(r.dossier).name or r.dossier)
    if r.error is not None:
        return Letter(lang, reference, dated, subject, None, (), (), failed=True)
    to_fix: list[str] = []
    advice: list[str] = []
    for q in r.requirements:
        if q.status in BLOCKING:
            lines = [s for p in q.problems if (s := _sentence(p, m.LETTER_FINDINGS, by_path, lang))]
            if not lines and q.status is Status.MISSING and q.id in m.LETTER_MISSING:
                pair = m.LETTER_MISSING[q.id]
                lines = [pair[0] if lang == "fr" else pair[1]]
            if not lines:
                pair = m.LETTER_FALLBACK[q.status.value]
                title = requirement_title(q.id, lang)
                lines = [(pair[0] if lang == "fr" else pair[1]).format(title=title)]
            to_fix.extend(lines)
        elif q.status is Status.WARNING:
            for p in q.problems:
                if s := _sentence(p, m.LETTER_ADVICE, by_path, lang):
                    advice.append(s)
    for d in r.documents:
        for p in d.problems:
            if p.code in FILE_PROBLEMS and (s := _sentence(p, m.LETTER_ADVICE, by_path, lang)):
                advice.append(s)
    to_fix = list(dict.fromkeys(to_fix))  # same sentence once, first place kept
    advice = [a for a in dict.fromkeys(advice) if a not in to_fix]
    return Letter(lang, reference, dated, subject, applicant_name(r), tuple(to_fix), tuple(advice))


def render_letters(reports: Sequence[DossierReport], lang: str = "fr") -> str:
    """The letters as one HTML page, each letter on its own printed page."""
    letters = [build_letter(r, lang) for r in reports]
    texts = {k: (v[0] if lang == "fr" else v[1]) for k, v in m.LETTER_TEXT.items()}
    return environment().get_template("letter.html.j2").render(lang=lang, letters=letters, T=texts)


def render_letter(r: DossierReport, lang: str = "fr") -> str:
    """One applicant's letter as a self-contained HTML page."""
    return render_letters([r], lang)


def to_pdf(html: str) -> bytes:
    """Print an HTML page (a letter or a report) to PDF, A4, offline."""
    import logging

    from weasyprint import HTML  # imported here: a text or JSON run never pays for it

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # unknown CSS is not news
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html, base_url=None).write_pdf()
