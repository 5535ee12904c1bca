"""Worker processes that can be killed: the hard per-file limits.

Reading a hostile PDF or image can loop, crash or eat memory inside C code
(pdfium, libjpeg, libheif) where no Python check runs, so every file is
analysed in a worker process of a :class:`pebble.ProcessPool`:

- a file still running after ``Limits.kill_seconds_per_file`` has its worker
  killed, Tesseract children included (each worker leads its own process
  group), and replaced: the file gets ``timed_out``;
- a worker that dies (segfault, abort, the kernel's OOM killer) is replaced
  and its file gets ``worker_crashed``; the others go on;
- each worker's address space (and its Tesseract's) is capped at
  ``Limits.max_memory_mib`` (``RLIMIT_AS``): past it, allocation fails with
  a ``MemoryError`` that :func:`~dossier_check.api.analyse_file` turns into
  ``out_of_memory``.

Why pebble and not the standard library: ``concurrent.futures`` cannot stop
a running task and one dead worker breaks the whole pool
(``BrokenProcessPool``), and ``multiprocessing.Pool`` waits forever for a
task whose worker died. pebble (maintained, typed) kills a task on timeout,
reports a dead worker as ``ProcessExpired`` on that task only, and starts a
replacement. One pool serves a whole run (every file of every dossier);
workers start by ``fork`` on Linux, a few milliseconds each, so a one-file
run costs one fork (and about 0.2 s of pool start and stop).

Page images handed to Tesseract go to the run's scratch folder
(:mod:`dossier_check.scratch`), made before the workers fork and removed
when the pool closes, so a killed worker leaves no page behind.

Workers also die with the parent (``PR_SET_PDEATHSIG``), send their stderr
to /dev/null (C libraries print complaints about damaged files there; the
library prints nothing) and return freed heap after each file.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing
import os
import resource
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from types import FrameType, TracebackType
from typing import Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from dossier_check import scratch

T = TypeVar("T")
_MIB = 1024 * 1024
_PR_SET_PDEATHSIG = 1


def _load_libc() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc()


@dataclass(frozen=True)
class TaskFailed:
    """Why a task gave no result, as a finding code (``timed_out``,
    ``worker_crashed``, ``out_of_memory``, ``internal_error``) and the
    params of its message."""

    code: str
    params: dict[str, Any] = field(default_factory=dict, hash=False)


def _mp_context() -> Any:
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")  # workers inherit the imports: fast start
    return multiprocessing.get_context()


def _kill_own_group(signum: int, frame: FrameType | None) -> None:
    """SIGTERM from the pool: take the worker's Tesseract children down with it."""
    os.killpg(os.getpgid(0), signal.SIGKILL)


def _init_worker(memory_mib: int, quiet: bool) -> None:
    """Runs first in every worker: own process group, die with the parent, memory
    cap, and (``quiet``) stderr to /dev/null: C libraries such as libtiff print
    their complaints about a damaged file there, and the library prints nothing
    (a worker that fails is reported as a finding instead)."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    if quiet:
        faulthandler.disable()  # a crash is reported as worker_crashed, not a dump
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
    signal.signal(signal.SIGTERM, _kill_own_group)
    if _LIBC is not None:
        with contextlib.suppress(Exception):
            _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if memory_mib > 0:
        limit = memory_mib * _MIB
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _trimmed(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)``, then hand the freed heap back to the system: glibc keeps
    the pages of a decoded 30 Mpx scan otherwise, and every worker would
    stay as large as the largest file it has read."""
    try:
        return fn(*args)
    finally:
        if _LIBC is not None:
            with contextlib.suppress(Exception):
                _LIBC.malloc_trim(0)


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit status {code}"


class WorkerPool:
    """A pool of ``jobs`` killable worker processes for one run.

    Use as a context manager; :meth:`run` maps a function over argument
    tuples and returns one entry per tuple, in order: the result, or a
    :class:`TaskFailed` saying why there is none. The pool starts on first
    use, so an empty dossier forks nothing.
    """

    def __init__(
        self, jobs: int, timeout: float | None, memory_mib: int = 0, quiet: bool = True
    ) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.memory_mib = memory_mib
        self.quiet = quiet
        self._pool: ProcessPool | None = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(abort=exc_type is not None)

    def close(self, abort: bool = False) -> None:
        """Stop the workers (at once when ``abort``) and wait for them."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if abort:
            pool.stop()
        else:
            pool.close()
        pool.join()
        scratch.remove()  # what a killed worker left there

    def _started(self) -> ProcessPool:
        if self._pool is None:
            scratch.folder()  # made before the fork: every worker shares it
            self._pool = ProcessPool(
                max_workers=self.jobs,
                initializer=_init_worker,
                initargs=(self.memory_mib, self.quiet),
                context=_mp_context(),
            )
        return self._pool

    def run(
        self,
        fn: Callable[..., T],
        tasks: Sequence[tuple[Any, ...]],
        done: Callable[[int, T | TaskFailed], None] | None = None,
    ) -> list[T | TaskFailed]:
        """``fn(*args)`` for each tuple in a worker; ``done(i, outcome)`` in order."""
        if not tasks:
            return []
        pool = self._started()
        futures = [
            pool.schedule(_trimmed, args=(fn, *args), timeout=self.timeout) for args in tasks
        ]
        outcomes: list[T | TaskFailed] = []
        for index, future in enumerate(futures):
            outcome: T | TaskFailed
            try:
                outcome = future.result()
            except FutureTimeout:
                outcome = TaskFailed("timed_out", {"seconds": self.timeout})
            except ProcessExpired as exc:
                outcome = TaskFailed("worker_crashed", {"reason": _describe_exit(exc.exitcode)})
            except MemoryError:
                outcome = TaskFailed("out_of_memory", {"limit": self.memory_mib})
            except Exception as exc:  # noqa: BLE001 - pickling, a broken pool: one file's finding
                outcome = TaskFailed("internal_error", {"error": type(exc).__name__})
            outcomes.append(outcome)
            if done is not None:
                done(index, outcome)
        return outcomes


def worker_count_for(jobs: int, files: int) -> int:
    """Workers worth starting for ``files`` files: never more than there are files."""
    return max(1, min(jobs, files))
