"""The library entry points: return reports, print nothing.

``walk`` -> per file :mod:`dossier_check.analyse` (``ingest`` -> ``ocr`` ->
``signals`` -> ``doctypes.identify``) -> ``rules.evaluate`` ->
:class:`DossierReport`. Files are analysed in killable worker processes
(``jobs``, :mod:`dossier_check.workers`); one file that breaks, hangs or
crashes its worker becomes a finding on that file, never a crash of the run.
A file analysed before with the same bytes and code comes from the result
cache (:mod:`dossier_check.results`) without starting a worker, so this
module imports none of the PDF, image and OCR libraries itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dossier_check.duplicates import is_duplicate, mark_duplicates
from dossier_check.errors import UsageError
from dossier_check.limits import Limits
from dossier_check.model import (
    Document,
    DossierReport,
    Finding,
    Ignored,
    Severity,
)
from dossier_check.profiles import Profile, load
from dossier_check.results import FileResults
from dossier_check.rules import evaluate
from dossier_check.walk import walk

if TYPE_CHECKING:
    from dossier_check.workers import WorkerPool


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
    """Read, OCR and classify one file, in this process. Never raises for a bad file."""
    from dossier_check.analyse import analyse_file as analyse  # the heavy imports

    return analyse(relpath, abspath, options)


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
    stored = None
    if options.use_cache:
        stored = FileResults(options.as_of, options.limits, options.debug)
    docs: list[Document | None] = [None] * len(files)
    keys: list[str | None] = [None] * len(files)
    for i, (rel, path) in enumerate(files):
        if stored is not None and (key := stored.key(path)) is not None:
            keys[i] = key
            docs[i] = stored.get(key, rel, path)
            if docs[i] is not None and progress:
                progress(rel)
    todo = [i for i, d in enumerate(docs) if d is None]
    if todo and pool is None:
        with _pool_for(options, len(todo)) as own:
            _analyse_into(docs, todo, files, options, progress, own)
    elif todo:
        _analyse_into(docs, todo, files, options, progress, pool)
    if stored is not None:
        for i in todo:
            key, doc = keys[i], docs[i]
            if key is not None and doc is not None:
                stored.put(key, doc)
    return [d for d in docs if d is not None]


def _analyse_into(
    docs: list[Document | None],
    todo: list[int],
    files: list[tuple[str, Path]],
    options: Options,
    progress: Callable[[str], None] | None,
    pool: WorkerPool,
) -> None:
    """Analyse ``files[i]`` for each ``i`` of ``todo`` in the pool, into ``docs[i]``."""

    def done(index: int, outcome: object) -> None:
        if progress:
            progress(files[todo[index]][0])

    # The workers import the analysis libraries themselves (api.analyse_file imports
    # them lazily): the parent stays small, and summed RSS counts them once per worker.
    from dossier_check.workers import TaskFailed

    tasks = [(files[i][0], files[i][1], options) for i in todo]
    for i, outcome in zip(todo, pool.run(analyse_file, tasks, done), strict=True):
        if isinstance(outcome, TaskFailed):
            from dossier_check import analyse

            problem = Finding(outcome.code, Severity.ERROR, outcome.params)
            outcome = analyse.failed_document(*files[i], problem)
        docs[i] = outcome


def _pool_for(options: Options, files: int) -> WorkerPool:
    """The worker pool of one run: ``options.jobs`` workers at most, none idle."""
    from dossier_check.workers import WorkerPool, worker_count_for

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
    profile = load(options.profile)
    files, ignored = _walk_dossier(folder)
    documents = _analyse_many(files, options, progress, pool)
    return _report(folder, profile, documents, ignored, options)


def _walk_dossier(folder: Path) -> tuple[list[tuple[str, Path]], list[Ignored]]:
    """The folder's files and skipped entries; UsageError when it cannot be checked."""
    if not folder.exists():
        raise UsageError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder", hint="give the folder that holds the scans")
    try:
        return walk(folder)
    except OSError as exc:  # the folder itself: nothing of it can be checked
        raise UsageError(
            f"{folder}: cannot read this folder ({exc.strerror or exc})",
            hint="check that you may open it (permissions)",
        ) from None


def _report(
    folder: Path,
    profile: Profile,
    documents: list[Document],
    ignored: list[Ignored],
    options: Options,
) -> DossierReport:
    """The dossier's report from its analysed files."""
    documents = mark_duplicates(documents)
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
    """Check every direct sub-folder of ``parent``; a broken one never stops the others.

    Every file of every dossier goes to the worker pool at once, in dossier
    order (so ``progress`` sees the dossiers finish one after another): no
    worker waits at the end of each dossier for the last file of its
    neighbour (issue 6: ``--jobs 2`` at least 1.7 times as fast as one).
    """
    profile = load(options.profile)  # a bad profile is a usage error before any work
    walked: list[tuple[Path, tuple[list[tuple[str, Path]], list[Ignored]] | str]] = []
    for folder in dossier_folders(parent):
        try:
            walked.append((folder, _walk_dossier(folder)))
        except (OSError, UsageError) as exc:
            walked.append((folder, str(exc)))
    every_file = [f for _, w in walked if not isinstance(w, str) for f in w[0]]
    with open_pool(options) as pool:
        documents = iter(_analyse_many(every_file, options, progress, pool))
    reports: list[DossierReport] = []
    for folder, w in walked:
        if isinstance(w, str):
            report = DossierReport(
                options.profile, options.as_of.isoformat(), folder.name, (), (), error=w
            )
        else:
            files, ignored = w
            own = [next(documents) for _ in files]
            report = _report(folder, profile, own, ignored, options)
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
