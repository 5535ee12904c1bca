"""Command line (CONTRACT.md). The only module that parses arguments or prints.

Outcome -> exit code: 0 every dossier complete, 1 at least one incomplete,
2 usage error or the tool could not run. Errors are one line on stderr with
a hint, never a traceback (``--debug`` shows it).
"""

from __future__ import annotations

import argparse
import locale
import os
import sys
import traceback
from datetime import date
from pathlib import Path
from typing import TextIO

from dossier_check import __version__, api, profiles
from dossier_check.cache import cache_root, purge
from dossier_check.errors import DossierCheckError, ExitCode, UsageError
from dossier_check.limits import Limits
from dossier_check.model import DossierReport
from dossier_check.scratch import ensure_tesseract
from dossier_check.walk import walk

FORMATS = ("text", "json")
#: Formats of `check` and `batch` (CONTRACT.md); `classify` keeps FORMATS.
CHECK_FORMATS = ("text", "json", "junit", "html", "letter")
#: Formats that print to PDF when --output ends in .pdf.
PDF_FORMATS = ("html", "letter")
FORMAT_HELP = {
    CHECK_FORMATS: "text (default; a summary table ends a batch), json (CONTRACT.md), junit "
    "(a test suite per dossier, a test case per requirement), html (one self-contained page; "
    "a batch is one page too: an index linking a section per client), letter (what the "
    "applicant must bring or fix, one page per client). html and letter print to PDF when "
    "--output ends in .pdf",
}


def _as_of(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return n


def _not_negative(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {value!r}")
    return n


def default_lang() -> str:
    """English when the locale says English, French otherwise (the CPAM's language)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    loc = locale.getlocale()[0] or ""
    return "en" if loc.lower().startswith("en") else "fr"


def _common(p: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    p.add_argument("--format", choices=formats, default="text", help=FORMAT_HELP.get(formats))
    pdf = " (a .pdf name prints html and letter to PDF)" if "letter" in formats else ""
    p.add_argument("--output", type=Path, help=f"write the report to FILE instead of stdout{pdf}")
    p.add_argument(
        "--lang",
        choices=("fr", "en"),
        default=None,
        help="report language (default: from the locale, French when unsure)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the cache (OCR and per-file results)",
    )
    p.add_argument(
        "--show-identifiers",
        action="store_true",
        help="show document numbers, IBAN and NIR in full (masked by default)",
    )
    p.add_argument("--debug", action="store_true", help="OCR text and timings in the output")
    p.add_argument(
        "--jobs", type=_positive, default=None, help="worker processes (default: number of cores)"
    )
    limits = Limits()
    group = p.add_argument_group("limits per file (past one: a finding, and the run goes on)")
    group.add_argument(
        "--max-pages",
        type=_positive,
        default=limits.max_pages,
        help="pages read per file (default %(default)s)",
    )
    group.add_argument(
        "--max-megapixels",
        type=_positive,
        default=limits.max_pixels // 1_000_000,
        help="pixels in one image or page, in millions (default %(default)s)",
    )
    group.add_argument(
        "--max-file-mb",
        type=_positive,
        default=limits.max_file_bytes // (1024 * 1024),
        help="size of a file, in MiB (default %(default)s)",
    )
    group.add_argument(
        "--seconds-per-file",
        type=_positive,
        default=int(limits.seconds_per_file),
        help="reading stops after this, pages read so far kept (default %(default)s)",
    )
    group.add_argument(
        "--kill-after",
        type=_not_negative,
        default=int(limits.kill_seconds_per_file),
        metavar="SECONDS",
        help="a file's worker is killed after this, 0 never (default %(default)s)",
    )
    group.add_argument(
        "--max-memory-mib",
        type=_not_negative,
        default=limits.max_memory_mib,
        help="address space of each worker and its Tesseract, 0 no cap (default %(default)s)",
    )


def _checking(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", default="puma", help="requirement profile (see `profiles`)")
    p.add_argument(
        "--situation",
        action="append",
        default=[],
        metavar="S",
        help="a fact that changes what is required (employed, hosted, ...)",
    )
    p.add_argument(
        "--as-of",
        type=_as_of,
        default=None,
        metavar="YYYY-MM-DD",
        help="reference date for expiry and recency rules (default: today)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier-check",
        description="Check a folder of scanned documents before it is mailed to the CPAM.",
    )
    parser.add_argument("--version", action="version", version=f"dossier-check {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check one applicant's folder")
    check.add_argument("dossier", type=Path, metavar="DOSSIER_DIR")
    _checking(check)
    _common(check, CHECK_FORMATS)
    batch = sub.add_parser("batch", help="check every sub-folder of PARENT_DIR")
    batch.add_argument("parent", type=Path, metavar="PARENT_DIR")
    _checking(batch)
    _common(batch, CHECK_FORMATS)
    classify = sub.add_parser("classify", help="tag files with their document type")
    classify.add_argument("files", type=Path, nargs="+", metavar="FILE")
    classify.add_argument("--as-of", type=_as_of, default=None, metavar="YYYY-MM-DD")
    _common(classify)
    sub.add_parser("profiles", help="list the requirement profiles")
    cache = sub.add_parser("cache", help="manage the result cache")
    cache.add_argument("--purge", action="store_true", help="remove every cached result")
    return parser


def _options(args: argparse.Namespace) -> api.Options:
    situations = tuple(getattr(args, "situation", []) or [])
    profile_id = getattr(args, "profile", "puma")
    if situations:
        known = profiles.load(profile_id).situations
        for s in situations:
            if s not in known:
                raise UsageError(
                    f"unknown situation {s!r} for profile {profile_id}",
                    hint=f"known situations: {', '.join(known)}",
                )
    return api.Options(
        as_of=args.as_of or date.today(),
        profile=profile_id,
        situations=situations,
        jobs=args.jobs or api.default_jobs(),
        use_cache=not args.no_cache,
        debug=args.debug,
        limits=Limits(
            max_pages=args.max_pages,
            max_pixels=args.max_megapixels * 1_000_000,
            max_file_bytes=args.max_file_mb * 1024 * 1024,
            seconds_per_file=float(args.seconds_per_file),
            kill_seconds_per_file=float(args.kill_after),
            max_memory_mib=args.max_memory_mib,
        ),
    )


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _emit(text: str | bytes, output: Path | None, scanned: list[Path]) -> None:
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        return
    for folder in scanned:
        if _inside(output, folder):
            raise UsageError(
                f"{output}: refusing to write inside the scanned folder {folder}",
                hint="choose an --output outside the dossier",
            )
    try:
        if isinstance(text, bytes):
            output.write_bytes(text)
        else:
            output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"{output}: cannot write the report ({exc.strerror})") from None


def _wants_pdf(args: argparse.Namespace) -> bool:
    """True when --output names a .pdf: html and letter print to it, others refuse."""
    output = getattr(args, "output", None)
    if output is None or output.suffix.lower() != ".pdf":
        return False
    if args.format not in PDF_FORMATS:
        raise UsageError(
            f"{output}: the {args.format} format cannot be written as PDF",
            hint="use --format letter or --format html with a .pdf output",
        )
    return True


def _render(
    args: argparse.Namespace, reports: list[DossierReport], lang: str, color: bool, batch: bool
) -> str | bytes:
    """The report(s) in the chosen format; bytes for a PDF."""
    # each format's libraries (Jinja2, rich, WeasyPrint) only when it is asked for
    show, debug, fmt = args.show_identifiers, args.debug, args.format
    out: str
    if fmt == "json":
        from dossier_check.report import json as json_report

        out = (
            json_report.render_batch(reports, lang, show, debug)
            if batch
            else json_report.render_report(reports[0], lang, show, debug)
        )
    elif fmt == "junit":
        from dossier_check.report import junit as junit_report

        out = junit_report.render_batch(reports, lang, show)
    elif fmt == "html":
        from dossier_check.report import html as html_report

        out = (
            html_report.render_batch(reports, lang, show, debug)
            if batch
            else html_report.render_report(reports[0], lang, show, debug)
        )
    elif fmt == "letter":
        from dossier_check.report import letter as letter_report

        out = letter_report.render_letters(reports, lang)
    else:
        from dossier_check.report import text as text_report

        if batch:
            out = text_report.render_batch(reports, lang, show, color)
        else:
            out = text_report.render_report(reports[0], lang, show, color)
    if fmt in PDF_FORMATS and _wants_pdf(args):
        from dossier_check.report import letter as letter_report

        return letter_report.to_pdf(out)
    return out


def progress_wanted(stream: TextIO) -> bool:
    """A progress bar only on a terminal, never in CI (``CI`` set) or into a pipe."""
    return stream.isatty() and not os.environ.get("CI")


class BatchProgress:
    """Files done, dossiers done and ETA while a batch runs.

    ``file_done`` is api.check_batch's progress callback: dossiers are checked
    in ``api.dossier_folders`` order, so a dossier is done once the files
    counted reach the running total of their folders' files.
    """

    def __init__(self, file_counts: list[int], lang: str, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bounds: list[int] = []
        total = 0
        for n in file_counts:
            total += n
            self.bounds.append(total)
        self.files = 0
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[dossiers]}"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=True,
        )
        self.task = self.progress.add_task(
            "fichiers" if lang == "fr" else "files", total=total, dossiers=self._dossiers()
        )

    @classmethod
    def for_parent(cls, parent: Path, lang: str, stream: TextIO) -> BatchProgress:
        counts = []
        for folder in api.dossier_folders(parent):
            try:
                counts.append(len(walk(folder)[0]))
            except OSError:
                counts.append(0)  # api.check_batch reports it as failed
        return cls(counts, lang, stream)

    def _dossiers(self) -> str:
        done = sum(self.files >= b for b in self.bounds)
        return f"{done}/{len(self.bounds)} dossiers"

    def file_done(self, relpath: str) -> None:
        self.files += 1
        self.progress.update(self.task, completed=self.files, dossiers=self._dossiers())

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def _check_batch(parent: Path, options: api.Options, lang: str) -> list[DossierReport]:
    """api.check_batch with a progress bar on a terminal (never in CI or a pipe)."""
    if not progress_wanted(sys.stderr):
        return api.check_batch(parent, options)
    with BatchProgress.for_parent(parent, lang, sys.stderr) as bar:
        return api.check_batch(parent, options, bar.file_done)


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "profiles":
        for pid, path in profiles.available().items():
            prof = profiles.load_file(path)
            title = prof.title.get(default_lang(), pid)
            print(f"{pid}\t{title}\t{', '.join(r.id for r in prof.requirements)}")
        return ExitCode.COMPLETE
    if args.command == "cache":
        if not args.purge:
            print(cache_root())
            return ExitCode.COMPLETE
        print(f"removed {purge()}")
        return ExitCode.COMPLETE

    lang = args.lang or default_lang()
    show = args.show_identifiers
    color = args.output is None and sys.stdout.isatty()
    if args.command in ("check", "batch"):
        _wants_pdf(args)  # a bad --output is a usage error before any work
    ensure_tesseract()
    options = _options(args)
    if args.command == "check":
        report = api.check_dossier(args.dossier, options)
        _emit(_render(args, [report], lang, color, batch=False), args.output, [args.dossier])
        return ExitCode.COMPLETE if report.complete else ExitCode.INCOMPLETE
    if args.command == "batch":
        reports = _check_batch(args.parent, options, lang)
        _emit(_render(args, reports, lang, color, batch=True), args.output, [args.parent])
        if args.format != "text" or args.output is not None:
            # the text report ends with this table; other formats get it on stderr
            from dossier_check.report import text as text_report

            err_color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
            sys.stderr.write(text_report.summary_table(reports, lang, err_color))
        return ExitCode.COMPLETE if all(r.complete for r in reports) else ExitCode.INCOMPLETE
    # classify
    docs = api.classify_files(args.files, options)
    if args.format == "json":
        from dossier_check.report import json as json_report

        out = json_report.render_classify(docs, lang, show, args.debug)
    else:
        from dossier_check.report import text as text_report

        out = text_report.render_classify(docs, lang, show)
    _emit(out, args.output, [])
    return ExitCode.COMPLETE


def main(argv: list[str] | None = None) -> int:
    try:
        return int(run(argv))
    except DossierCheckError as exc:
        print(f"dossier-check: error: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {exc.hint}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("dossier-check: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last resort: one line, exit 2
        print(f"dossier-check: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if "--debug" in (argv or sys.argv):
            traceback.print_exc()
        return int(ExitCode.USAGE)


if __name__ == "__main__":
    raise SystemExit(main())
