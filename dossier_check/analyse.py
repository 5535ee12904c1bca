"""One file's analysis: pages read, OCR'd and classified (run in a worker).

Imports the PDF, image, OCR and face libraries: :mod:`dossier_check.api`
loads this module only when some file is not in the result cache.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_check import doctypes, parts, quality
from dossier_check.cache import Cache
from dossier_check.fields.photo import PhotoMeasures, measure_photo, portrait_only
from dossier_check.ingest import PDF_MIME, UNKNOWN_MIME, iter_pages, open_source
from dossier_check.model import Document, Finding, Page, Part, Severity, SourceFile, TextSource
from dossier_check.ocr import OcrEngine
from dossier_check.signals import build_signals

if TYPE_CHECKING:
    from dossier_check.api import Options

#: A page with at most this many words may be a photo: look for faces on it.
PHOTO_MAX_WORDS = 40


def analyse_file(relpath: str, abspath: Path, options: Options) -> Document:
    """Read, OCR and classify one file. Never raises for a bad file."""
    try:
        return _analyse(relpath, abspath, options)
    except MemoryError:  # the worker's memory cap (Limits.max_memory_mib)
        return failed_document(
            relpath,
            abspath,
            Finding("out_of_memory", Severity.ERROR, {"limit": options.limits.max_memory_mib}),
        )
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the dossier
        problem = Finding("internal_error", Severity.ERROR, {"error": type(exc).__name__})
        return failed_document(relpath, abspath, problem)


def failed_document(relpath: str, abspath: Path, problem: Finding) -> Document:
    """An ``unknown`` document for a file whose analysis gave no result.

    The file may be what crashed or hung the worker, so nothing parses it
    here, libmagic included: the size comes from ``stat`` and the type from
    the extension.
    """
    size = 0
    with contextlib.suppress(OSError):
        size = os.stat(abspath).st_size
    mime = mimetypes.guess_type(relpath, strict=False)[0] or UNKNOWN_MIME
    source = SourceFile(relpath, abspath, mime, size, problems=(problem,))
    return Document(source, doctypes.UNKNOWN, 0.0, (), {}, (problem,))


def _read_pages(
    source: SourceFile,
    options: Options,
    engine: OcrEngine,
    problems: list[Finding],
    text_layers: bool = True,
) -> tuple[list[Page], PhotoMeasures | None]:
    """The pages read (text kept, pixels dropped) and the first page's photo measures;
    page findings go to ``problems``. ``text_layers=False`` OCRs PDF text pages too."""
    pages: list[Page] = []
    photo: PhotoMeasures | None = None
    for page in iter_pages(source, options.limits, problems, text_layers=text_layers):
        portrait = None
        if not pages and page.image is not None and source.mime != PDF_MIME:
            portrait = portrait_only(page.image)  # an ID photo: nothing to read on it
        if portrait is not None:
            photo = measure_photo(page.image, portrait)
            read = page
        else:
            read = engine.read_page(page)
            if not pages and page.image is not None and len(read.text.split()) <= PHOTO_MAX_WORDS:
                photo = measure_photo(page.image)
        quality.add_page_findings(problems, source, read)  # R-SCAN-2..5, pixels still there
        pages.append(replace(read, image=None, words=()))  # keep the text, drop the pixels
    return pages, photo


#: A PDF of at most this many pages, read from its text layer, that nothing identifies
#: is read again by OCR (see ``_analyse``).
RECHECK_MAX_PAGES = 3


def _analyse(relpath: str, abspath: Path, options: Options) -> Document:
    source = open_source(relpath, abspath, options.limits)
    problems: list[Finding] = list(source.problems)
    engine = OcrEngine(cache=Cache("ocr") if options.use_cache else None)
    pages, photo = _read_pages(source, options, engine, problems)
    split = parts.split(tuple(pages), photo, options.as_of)
    if (
        split[0].identified.classification.type == doctypes.UNKNOWN
        and len(pages) <= RECHECK_MAX_PAGES
        and any(p.text_source is TextSource.TEXT_LAYER for p in pages)
    ):
        # A text layer can say nothing of what the page shows: a font without a Unicode
        # map gives letters for other letters, a design tool leaves only the footer as
        # text and the rest as outlines. Read what is drawn; keep it if it says more.
        drawn, drawn_photo = _read_pages(source, options, engine, [], text_layers=False)
        again = parts.split(tuple(drawn), drawn_photo, options.as_of)
        if again[0].identified.classification.type != doctypes.UNKNOWN:
            pages, photo, split = drawn, drawn_photo, again
    found = split[0].identified
    doc_parts: tuple[Part, ...] = ()
    if len(split) > 1:  # R-SCAN-6: a PDF bundling several documents
        doc_parts = tuple(
            Part(
                tuple(i + 1 for i in p.pages),
                p.identified.classification.type,
                p.identified.classification.confidence,
                p.identified.classification.evidence,
                p.identified.fields,
            )
            for p in split
        )
        problems.append(
            Finding("several_documents", Severity.WARNING, {"count": len(split)}, "R-SCAN-6")
        )
    source = replace(source, pages=tuple(pages), problems=tuple(problems))
    debug = {}
    if options.debug:
        signals = build_signals(tuple(pages), photo, options.as_of)
        debug = {
            "text": signals.text,
            "candidates": [(c.type, c.confidence) for c in found.candidates],
            "pages_ocrd": engine.pages_ocrd,
        }
    return Document(
        source=source,
        type=found.classification.type,
        confidence=found.classification.confidence,
        evidence=found.classification.evidence,
        fields=found.fields,
        problems=tuple(problems) + found.problems,
        parts=doc_parts,
        debug=debug,
    )
