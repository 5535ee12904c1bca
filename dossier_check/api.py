"""The library entry points: return reports, print nothing.

``ingest`` -> ``ocr`` -> ``signals`` -> ``doctypes.identify`` ->
``rules.evaluate`` -> :class:`DossierReport`. Files are analysed in killable worker
processes (``jobs``, :mod:`dossier_check.workers`); one file that breaks,
hangs or crashes its worker becomes a finding on that file, never a crash of
the run.
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dossier_check import doctypes, parts
from dossier_check.cache import Cache
from dossier_check.duplicates import is_duplicate, mark_duplicates
from dossier_check.errors import UsageError
from dossier_check.fields.photo import PhotoMeasures, measure_photo
from dossier_check.ingest import UNKNOWN_MIME, Limits, iter_pages, open_source, walk
from dossier_check.model import (
    Document,
    DossierReport,
    Finding,
    Ignored,
    Page,
    Part,
    Severity,
    SourceFile,
)
from dossier_check.ocr import OcrEngine
from dossier_check.profiles import load
from dossier_check.rules import evaluate
from dossier_check.signals import build_signals
from dossier_check.workers import TaskFailed, WorkerPool, worker_count_for

#: A page with at most this many words may be a photo: look for faces on it.
PHOTO_MAX_WORDS = 40


@dataclass(frozen=True)
class Options:
    as_of: date
    profile: str = "puma"
    situations: tuple[str, ...] = ()
    jobs: int = 1
    use_cache: bool = True
    debug: bool = False
    limits: Limits = field(default_factory=Limits)


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


def _analyse(relpath: str, abspath: Path, options: Options) -> Document:
    source = open_source(relpath, abspath, options.limits)
    problems: list[Finding] = list(source.problems)
    engine = OcrEngine(cache=Cache("ocr") if options.use_cache else None)
    pages: list[Page] = []
    photo: PhotoMeasures | None = None
    for page in iter_pages(source, options.limits, problems):
        read = engine.read_page(page)
        if not pages and page.image is not None and len(read.text.split()) <= PHOTO_MAX_WORDS:
            photo = measure_photo(page.image)
        pages.append(replace(read, image=None))  # keep text and boxes, drop the pixels
    signals = build_signals(tuple(pages), photo, options.as_of)
    split = parts.split(tuple(pages), photo, options.as_of)
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


def _analyse_many(
    files: list[tuple[str, Path]],
    options: Options,
    progress: Callable[[str], None] | None = None,
    pool: WorkerPool | None = None,
) -> list[Document]:
    """Analyse ``files`` in worker processes, results in the order given.

    A file whose worker was killed (``Limits.kill_seconds_per_file``) or died
    gets ``timed_out`` / ``worker_crashed`` instead of a result. ``pool`` is
    the run's pool; without one, a pool for these files only is made.
    """
    if not files:
        return []
    if pool is None:
        with _pool_for(options, len(files)) as own:
            return _analyse_many(files, options, progress, own)

    def done(index: int, outcome: object) -> None:
        if progress:
            progress(files[index][0])

    outcomes = pool.run(analyse_file, [(rel, path, options) for rel, path in files], done)
    docs: list[Document] = []
    for (rel, path), outcome in zip(files, outcomes, strict=True):
        if isinstance(outcome, TaskFailed):
            problem = Finding(outcome.code, Severity.ERROR, outcome.params)
            outcome = failed_document(rel, path, problem)
        docs.append(outcome)
    return docs


def _pool_for(options: Options, files: int) -> WorkerPool:
    """The worker pool of one run: ``options.jobs`` workers at most, none idle."""
    limits = options.limits
    return WorkerPool(
        worker_count_for(options.jobs, files),
        timeout=limits.kill_seconds_per_file,
        memory_mib=limits.max_memory_mib,
    )


def open_pool(options: Options) -> WorkerPool:
    """A pool to share between several :func:`check_dossier` calls (one run)."""
    return _pool_for(options, options.jobs)


def check_dossier(
    folder: Path,
    options: Options,
    progress: Callable[[str], None] | None = None,
    pool: WorkerPool | None = None,
) -> DossierReport:
    """Check one applicant's folder against the profile.

    ``pool`` (:func:`open_pool`) lets a run of several dossiers reuse its
    workers; without one, the check starts and stops its own.
    """
    folder = Path(folder)
    if not folder.exists():
        raise UsageError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder", hint="give the folder that holds the scans")
    profile = load(options.profile)
    try:
        files, ignored = walk(folder)
    except OSError as exc:  # the folder itself: nothing of it can be checked
        raise UsageError(
            f"{folder}: cannot read this folder ({exc.strerror or exc})",
            hint="check that you may open it (permissions)",
        ) from None
    documents = mark_duplicates(_analyse_many(files, options, progress, pool))
    # the same document counts once; each part of a bundled PDF counts as a file
    counted = [part for d in documents if not is_duplicate(d) for part in d.as_parts()]
    result = evaluate(profile, counted, options.as_of, options.situations)
    return DossierReport(
        profile=profile.id,
        as_of=options.as_of.isoformat(),
        dossier=str(folder),
        documents=tuple(documents),
        requirements=result.requirements,
        situations=result.situations,
        problems=result.notes + ignored_findings(ignored),
        ignored=tuple(ignored),
    )


#: Walk reasons worth telling the volunteer about (hidden files and OS clutter are not).
_IGNORED_CODES = {
    "symlink_outside": "ignored_symlink_outside",
    "symlink_loop": "ignored_symlink_loop",
    "not_a_file": "ignored_not_a_file",
    "unreadable": "ignored_unreadable",
}


def ignored_findings(ignored: Iterable[Ignored]) -> tuple[Finding, ...]:
    """A dossier-level warning naming each entry the walk skipped for a reason
    the volunteer can act on (a link out of the folder, a FIFO, a locked folder)."""
    return tuple(
        Finding(_IGNORED_CODES[i.reason], Severity.WARNING, {"file": i.path})
        for i in ignored
        if i.reason in _IGNORED_CODES
    )


def dossier_folders(parent: Path) -> list[Path]:
    parent = Path(parent)
    if not parent.exists():
        raise UsageError(f"{parent}: no such folder")
    if not parent.is_dir():
        raise UsageError(f"{parent}: not a folder")
    return sorted(
        (p for p in parent.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name.casefold(),
    )


def check_batch(
    parent: Path, options: Options, progress: Callable[[str], None] | None = None
) -> list[DossierReport]:
    """Check every direct sub-folder of ``parent``; a broken one never stops the others."""
    load(options.profile)  # a bad profile is a usage error before any work
    reports: list[DossierReport] = []
    with open_pool(options) as pool:
        for folder in dossier_folders(parent):
            try:
                report = check_dossier(folder, options, progress, pool)
            except (OSError, UsageError) as exc:
                report = DossierReport(
                    options.profile, options.as_of.isoformat(), folder.name, (), (), error=str(exc)
                )
            reports.append(replace(report, dossier=folder.name))
    return reports


def classify_files(paths: Iterable[Path], options: Options) -> list[Document]:
    files = []
    for p in paths:
        p = Path(p)
        if not p.is_file():
            raise UsageError(f"{p}: no such file")
        files.append((p.name if p.is_absolute() else p.as_posix(), p))
    return _analyse_many(files, options)


def default_jobs() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
