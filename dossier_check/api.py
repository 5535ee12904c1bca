"""The library entry points: return reports, print nothing.

``ingest`` -> ``ocr`` -> ``signals`` -> ``doctypes.identify`` ->
``rules.evaluate`` -> :class:`DossierReport`. Files are analysed in worker
processes (``jobs``); one file that breaks becomes a finding on that file,
never a crash of the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dossier_check import doctypes
from dossier_check.cache import Cache
from dossier_check.duplicates import is_duplicate, mark_duplicates
from dossier_check.errors import UsageError
from dossier_check.fields.photo import PhotoMeasures, measure_photo
from dossier_check.ingest import Limits, iter_pages, open_source, walk
from dossier_check.model import Document, DossierReport, Finding, Page, Severity, SourceFile
from dossier_check.ocr import OcrEngine
from dossier_check.profiles import load
from dossier_check.rules import evaluate
from dossier_check.signals import build_signals

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
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the dossier
        size = abspath.stat().st_size if abspath.exists() else 0
        source = SourceFile(relpath, abspath, "application/octet-stream", size)
        problem = Finding("internal_error", Severity.ERROR, {"error": type(exc).__name__})
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
    found = doctypes.identify(signals)
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
        debug=debug,
    )


def _analyse_many(
    files: list[tuple[str, Path]], options: Options, progress: Callable[[str], None] | None = None
) -> list[Document]:
    if options.jobs <= 1 or len(files) <= 1:
        docs = []
        for rel, path in files:
            docs.append(analyse_file(rel, path, options))
            if progress:
                progress(rel)
        return docs
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        futures = [pool.submit(analyse_file, rel, path, options) for rel, path in files]
        docs = []
        for fut in futures:
            docs.append(fut.result())
            if progress:
                progress(docs[-1].path)
        return docs


def check_dossier(
    folder: Path, options: Options, progress: Callable[[str], None] | None = None
) -> DossierReport:
    """Check one applicant's folder against the profile."""
    folder = Path(folder)
    if not folder.exists():
        raise UsageError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder", hint="give the folder that holds the scans")
    profile = load(options.profile)
    files, ignored = walk(folder)
    documents = mark_duplicates(_analyse_many(files, options, progress))
    counted = [d for d in documents if not is_duplicate(d)]  # the same document counts once
    result = evaluate(profile, counted, options.as_of, options.situations)
    return DossierReport(
        profile=profile.id,
        as_of=options.as_of.isoformat(),
        dossier=str(folder),
        documents=tuple(documents),
        requirements=result.requirements,
        situations=result.situations,
        problems=result.notes,
        ignored=tuple(ignored),
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
    for folder in dossier_folders(parent):
        try:
            report = check_dossier(folder, options, progress)
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
