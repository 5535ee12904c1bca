"""Frozen records passed between the stages.

The flow is ``ingest`` -> ``ocr`` -> ``doctypes.identify`` -> ``rules.evaluate``
-> a report. Each stage takes and returns these records; none of them holds
free text meant for a person: findings carry a stable ``code`` and ``params``
that ``messages.py`` renders in French or English.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Pillow is imported lazily by the stages that need pixels
    from PIL.Image import Image


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Status(StrEnum):
    OK = "ok"
    MISSING = "missing"
    EXPIRED = "expired"
    INVALID = "invalid"
    WARNING = "warning"
    NOT_APPLICABLE = "not_applicable"


#: Statuses that make a dossier incomplete (CONTRACT.md).
BLOCKING = frozenset({Status.MISSING, Status.EXPIRED, Status.INVALID})


class TextSource(StrEnum):
    TEXT_LAYER = "text_layer"  # a PDF page with a real text layer: never OCR'd
    OCR = "ocr"
    NONE = "none"  # not read yet (an image waiting for OCR) or nothing to read


@dataclass(frozen=True)
class Finding:
    """A problem or fact about a file, a document or a requirement.

    ``code`` is a stable snake_case string (``expired``, ``unreadable``,
    ``mime_mismatch``...), ``rule`` the DOMAIN.md rule id when one applies,
    ``params`` the values the message needs (file names, dates).
    """

    code: str
    severity: Severity
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)
    rule: str | None = None


@dataclass(frozen=True)
class Word:
    """One OCR'd word with its confidence (0-100) and pixel box on its page."""

    text: str
    conf: float
    left: int
    top: int
    width: int
    height: int
    line: int  # a page-wide line number: words that share it sit on one line


def words_by_line(words: Iterable[Word]) -> dict[int, list[Word]]:
    """``words`` grouped by their line number, each line's words in the order given."""
    lines: dict[int, list[Word]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return lines


def join_lines(words: Iterable[Word]) -> str:
    """The text of ``words``: a line per line number, in line order."""
    return "\n".join(" ".join(w.text for w in ws) for _, ws in sorted(words_by_line(words).items()))


@dataclass(frozen=True)
class Page:
    """One page of a source file.

    ``image`` is the page's pixels (None for a text-layer page that was not
    rendered). ``text`` is the text layer or the OCR text once ``ocr`` ran.
    ``rotation`` is the clockwise angle (0/90/180/270) applied to make the
    page upright; ``dpi`` the effective resolution when known.
    """

    index: int  # 0-based
    image: Image | None = field(default=None, compare=False, repr=False)
    text: str = ""
    text_source: TextSource = TextSource.NONE
    words: tuple[Word, ...] = field(default=(), repr=False)
    ocr_confidence: float | None = None
    rotation: int = 0
    dpi: float | None = None
    width: int = 0
    height: int = 0
    mrz_text: str = ""  # the MRZ band re-read with the MRZ alphabet (OCR pages only)
    iban_text: str = ""  # an IBAN re-read from the image, passing mod-97 (ocr.py)


@dataclass(frozen=True)
class SourceFile:
    """A file of the dossier as read from disk. A corrupt, encrypted or empty
    file has no pages and a finding saying why."""

    path: str  # relative to the dossier folder, '/' separators
    abspath: Path = field(compare=False, repr=False)
    mime: str
    size: int
    pages: tuple[Page, ...] = ()
    page_count: int = 0  # pages in the file, even when fewer were loaded (limit hit)
    problems: tuple[Finding, ...] = ()
    sha256: str = ""


@dataclass(frozen=True)
class Ignored:
    """A path the walk skipped on purpose (OS clutter, hidden file, symlink out)."""

    path: str
    reason: str  # stable code: hidden, os_clutter, symlink_outside, not_a_file


@dataclass(frozen=True)
class Classification:
    type: str
    confidence: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """A run of pages of one file that holds one document (several_documents)."""

    pages: tuple[int, ...]  # 1-based page numbers, as in the report
    type: str
    confidence: float
    evidence: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Document:
    """A classified file with its fields (JSON-ready values, dates as ISO strings)."""

    source: SourceFile
    type: str
    confidence: float
    evidence: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict, hash=False)
    problems: tuple[Finding, ...] = ()
    parts: tuple[Part, ...] = ()
    debug: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def path(self) -> str:
        return self.source.path

    def as_parts(self) -> list[Document]:
        """The documents this file counts as: itself, or one per bundled part."""
        if len(self.parts) < 2:
            return [self]
        return [
            Document(
                self.source,
                p.type,
                p.confidence,
                p.evidence,
                p.fields,
                self.problems,
                (),
                self.debug,
            )
            for p in self.parts
        ]

    @property
    def text(self) -> str:
        """Every page's text (text layer or OCR), pages separated by form feeds."""
        return "\f".join(p.text for p in self.source.pages)


@dataclass(frozen=True)
class RequirementResult:
    id: str
    status: Status
    satisfied_by: tuple[str, ...] = ()
    problems: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class DossierReport:
    profile: str
    as_of: str  # ISO date
    dossier: str
    documents: tuple[Document, ...]
    requirements: tuple[RequirementResult, ...]
    situations: tuple[str, ...] = ()
    problems: tuple[Finding, ...] = ()  # dossier-level findings (situations inferred...)
    ignored: tuple[Ignored, ...] = ()
    error: str | None = None  # set when the folder could not be checked at all

    @property
    def complete(self) -> bool:
        """True exactly when no requirement is missing, expired or invalid."""
        if self.error is not None:
            return False
        return not any(r.status in BLOCKING for r in self.requirements)
