"""Hostile and broken input (issue 7): never crash, never write, one finding per bad file.

The corpus is made by ``tests/bad_inputs.py`` in a temporary folder. Three
layers of tests:

- per input, without OCR: ingest and classification give the expected
  finding (fast, no Tesseract);
- the whole corpus plus the complete sample dossier through the command
  line, once: exit 0 (the sample is still complete), nothing on stderr, each
  bad file listed with a finding that says what to do, the folder
  byte-for-byte unchanged;
- the hard limits: a task that hangs, segfaults or eats memory in a worker
  becomes ``timed_out`` / ``worker_crashed`` / ``out_of_memory`` on its file
  only, and the pool goes on.

Tests about permissions run the check as root without its file-permission
capabilities (``setpriv``): CI runs as root, for whom mode 000 changes nothing.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from dossier_check import api
from dossier_check.ingest import RENDER_MAX_SIDE, Limits, load_source, open_source
from dossier_check.messages import TEMPLATES
from dossier_check.model import Document, Severity
from dossier_check.walk import walk
from dossier_check.workers import TaskFailed, WorkerPool
from tests.bad_inputs import (
    SAMPLES,
    Case,
    analyse_without_ocr,
    lying_png_bytes,
    make_corpus,
    raw_pdf,
    scan_image,
    text_pdf_bytes,
)
from tests.conftest import REPO

AS_OF = "2026-11-15"
CLI = [sys.executable, "-m", "dossier_check"]
IS_ROOT = os.geteuid() == 0
#: Findings that mean the checker itself failed on a file, never wanted on the corpus.
FAILURES = {"internal_error", "timed_out", "worker_crashed", "out_of_memory"}


def tree_state(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` without following links: file bytes (sha256),
    mode and mtime; link targets; FIFOs and folders by their mode."""
    state: dict[str, tuple] = {}
    for dirpath, dirs, names in os.walk(root, followlinks=False):
        for name in dirs + names:
            path = Path(dirpath, name)
            st = path.lstat()
            key = os.fsdecode(path.relative_to(root))
            if stat.S_ISLNK(st.st_mode):
                state[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()  # root reads mode 000
                state[key] = ("file", digest, st.st_mode, st.st_mtime_ns)
            else:
                state[key] = ("other", st.st_mode, st.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def corpus() -> Iterator[tuple[Path, list[Case]]]:
    base = Path(tempfile.mkdtemp(prefix="bad-inputs-"))
    try:
        dossier = base / "dossier"
        cases = make_corpus(dossier)
        yield dossier, cases
    finally:
        _make_removable(base)
        shutil.rmtree(base, ignore_errors=True)


def _make_removable(base: Path) -> None:
    for dirpath, dirs, names in os.walk(base):
        for name in dirs + names:
            path = Path(dirpath, name)
            if not path.is_symlink() and not stat.S_ISFIFO(path.lstat().st_mode):
                path.chmod(0o755 if path.is_dir() else 0o644)


def file_cases() -> list[Case]:
    with tempfile.TemporaryDirectory() as folder:
        return [c for c in make_corpus(Path(folder) / "d") if not c.ignored]


def ignored_cases() -> list[Case]:
    with tempfile.TemporaryDirectory() as folder:
        return [c for c in make_corpus(Path(folder) / "d") if c.ignored]


# ----------------------------------------------------------- per input, no OCR


@pytest.mark.parametrize("case", file_cases(), ids=lambda c: c.name)
def test_each_bad_file_gets_its_finding_without_raising(corpus, case: Case) -> None:
    if case.needs_non_root and IS_ROOT:
        pytest.skip("root reads mode 000: covered by the tests run without root's powers")
    dossier, _ = corpus
    files = dict(walk(dossier)[0])
    assert case.path in files, f"the walk missed {case.path!r}"

    source = load_source(case.path, files[case.path], Limits(seconds_per_file=30))
    _, identified = analyse_without_ocr(files[case.path], case.path)

    codes = {p.code for p in source.problems}
    if case.expect:
        assert case.expect in codes
    else:
        errors = {p.code for p in source.problems if p.severity is Severity.ERROR}
        assert not errors, errors
        assert source.pages, "a readable file gives at least one page"
        assert all(p.image is None or p.image.mode in ("RGB", "L") for p in source.pages)
    assert identified is not None


@pytest.mark.parametrize("case", ignored_cases(), ids=lambda c: c.name)
def test_each_skipped_entry_is_listed_with_its_reason(corpus, case: Case) -> None:
    dossier, _ = corpus
    _files, ignored = walk(dossier)

    assert {i.path: i.reason for i in ignored}[case.path] == case.expect
    finding = next(f for f in api.ignored_findings(ignored) if f.params["file"] == case.path)
    assert finding.severity is Severity.WARNING and finding.code in TEMPLATES


def test_500_page_pdf_reads_the_page_limit_only(corpus) -> None:
    dossier, _ = corpus
    source = load_source("pages_500.pdf", dossier / "pages_500.pdf", Limits(max_pages=7))
    assert source.page_count == 500 and len(source.pages) == 7


def test_names_that_could_fake_report_lines_are_escaped(corpus) -> None:
    dossier, _ = corpus
    paths = [rel for rel, _ in walk(dossier)[0]]
    assert all(rel.isprintable() for rel in paths), paths
    assert "scan\\nidentity ok.jpg" in paths
    for rel in paths:
        rel.encode("utf-8")  # no lone surrogates left from a non-UTF-8 name


# ----------------------------------------------------- the whole corpus, CLI


def _check_corpus() -> dict:
    """Make the corpus next to a copy of the complete sample dossier and check
    it with the CLI; what the tests need, as JSON-ready values."""
    base = Path(tempfile.mkdtemp(prefix="bad-inputs-run-"))
    try:
        dossier = base / "dossier"
        make_corpus(dossier)
        for sample in SAMPLES.iterdir():
            shutil.copy2(sample, dossier / sample.name)
        before = tree_state(base)
        proc = subprocess.run(
            [
                *CLI,
                "check",
                str(dossier),
                "--as-of",
                AS_OF,
                "--format",
                "json",
                "--lang",
                "en",
                "--jobs",
                "2",
            ],
            capture_output=True,
            cwd=REPO,
            timeout=600,
            check=False,
        )
        after = tree_state(base)
        changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
        return {
            "returncode": proc.returncode,
            "stderr": proc.stderr.decode("utf-8", "replace"),
            "report": json.loads(proc.stdout.decode("utf-8")) if proc.stdout else {},
            "changed": changed,
            "entries": len(before),
        }
    finally:
        _make_removable(base)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus_run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The corpus plus the complete sample dossier, checked once by the CLI.

    Under pytest-xdist the first worker to get here runs the check and
    leaves the result in the session's shared temporary folder for the
    others (an OCR run is worth sharing).
    """
    shared = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):
        shared = shared.parent
    result = shared / "bad-inputs-corpus-run.json"
    with open(shared / "bad-inputs-corpus-run.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            result.write_text(json.dumps(_check_corpus()))
    return json.loads(result.read_text())


@pytest.mark.tesseract
def test_corpus_check_exits_0_with_nothing_on_stderr(corpus_run) -> None:
    assert corpus_run["stderr"] == ""
    assert corpus_run["returncode"] == 0, corpus_run["report"].get("requirements")
    assert corpus_run["report"]["complete"] is True


@pytest.mark.tesseract
def test_corpus_leaves_every_byte_name_mode_and_link_unchanged(corpus_run) -> None:
    assert corpus_run["entries"] > 30
    assert corpus_run["changed"] == []


@pytest.mark.tesseract
def test_corpus_sample_files_are_still_classified(corpus_run) -> None:
    manifest = json.loads((SAMPLES.parent / "complete.manifest.json").read_text())
    got = {f["path"]: f["type"] for f in corpus_run["report"]["files"]}
    for entry in manifest["files"]:
        assert got[entry["path"]] == entry["expected_type"], entry["path"]


@pytest.mark.tesseract
@pytest.mark.parametrize("case", file_cases(), ids=lambda c: c.name)
def test_corpus_file_is_listed_with_a_finding_that_says_what_to_do(corpus_run, case) -> None:
    files = {f["path"]: f for f in corpus_run["report"]["files"]}
    entry = files[case.path]
    codes = {p["code"] for p in entry["problems"]}
    assert not codes & FAILURES, entry["problems"]
    if case.expect and not (case.needs_non_root and IS_ROOT):
        assert case.expect in codes
        problem = next(p for p in entry["problems"] if p["code"] == case.expect)
        assert case.expect in TEMPLATES and problem["message"] != case.expect


@pytest.mark.tesseract
@pytest.mark.parametrize("case", ignored_cases(), ids=lambda c: c.name)
def test_corpus_skipped_entry_is_named_in_a_dossier_warning(corpus_run, case) -> None:
    report = corpus_run["report"]
    assert {"path": case.path, "reason": case.expect} in report["ignored"]
    messages = [p["message"] for p in report["problems"] if p["code"].startswith("ignored_")]
    assert any(m.startswith(case.path) for m in messages), messages
    assert case.path not in {f["path"] for f in report["files"]}


# ------------------------------------------------------ usage errors: exit 2


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_missing_folder_or_a_file_is_one_line_and_exit_2(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "nope"
    if kind == "file":
        target.write_bytes(text_pdf_bytes())
    proc = subprocess.run(
        [*CLI, "check", str(target)], capture_output=True, text=True, cwd=REPO, check=False
    )
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2 and proc.stdout == ""
    assert lines[0].startswith("dossier-check: error:") and str(target) in lines[0]
    assert all(line.startswith("  hint:") for line in lines[1:]) and "Traceback" not in proc.stderr


@pytest.mark.tesseract
def test_empty_dossier_exits_1_and_lists_what_is_missing(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*CLI, "check", str(tmp_path), "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert proc.returncode == 1 and proc.stderr == ""
    assert json.loads(proc.stdout)["files"] == []


# ------------------------------------------------------ permissions (non-root)


#: Root's powers over file permissions; without them root is refused mode 000 like
#: any user, and still reads its own checkout (a 0700 ``mktemp -d`` clone, where
#: user nobody could not even import the package).
_DAC_CAPS = "-dac_override,-dac_read_search,-fowner"


def _as_normal_user(argv: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` as root without the capabilities that bypass file permissions:
    root's CAP_DAC_OVERRIDE would read mode 000."""
    setpriv = shutil.which("setpriv")
    if setpriv is None or not IS_ROOT:
        pytest.skip("needs root and setpriv to drop root's file-permission powers")
    env = {**os.environ, "DOSSIER_CHECK_CACHE_DIR": str(cache), "HOME": str(cache)}
    return subprocess.run(
        [setpriv, f"--bounding-set={_DAC_CAPS}", f"--inh-caps={_DAC_CAPS}", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A scratch folder outside pytest's tmp_path for the permission tests."""
    base = Path(tempfile.mkdtemp(prefix="bad-perm-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        _make_removable(base)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.tesseract
def test_unreadable_file_and_folder_are_findings_for_a_normal_user(shared_tmp: Path) -> None:
    dossier = shared_tmp / "dossier"
    (dossier / "locked_folder").mkdir(parents=True)
    (dossier / "locked_folder" / "inside.pdf").write_bytes(text_pdf_bytes())
    (dossier / "ok.pdf").write_bytes(text_pdf_bytes())
    (dossier / "locked.pdf").write_bytes(text_pdf_bytes())
    dossier.chmod(0o755)
    (dossier / "ok.pdf").chmod(0o644)
    (dossier / "locked.pdf").chmod(0o000)
    (dossier / "locked_folder").chmod(0o000)
    cache = shared_tmp / "cache"
    cache.mkdir()
    before = tree_state(dossier)

    proc = _as_normal_user(
        [
            *CLI,
            "check",
            str(dossier),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--lang",
            "en",
            "--jobs",
            "2",
        ],
        cache,
    )

    assert proc.returncode in (0, 1) and proc.stderr == "", proc.stderr
    report = json.loads(proc.stdout)
    files = {f["path"]: f for f in report["files"]}
    assert [p["code"] for p in files["locked.pdf"]["problems"]][0] == "unreadable_file"
    assert "ok.pdf" in files and files["ok.pdf"]["problems"][:1] != ["unreadable_file"]
    assert {"path": "locked_folder", "reason": "unreadable"} in report["ignored"]
    assert any(p["code"] == "ignored_unreadable" for p in report["problems"])
    assert tree_state(dossier) == before


@pytest.mark.tesseract
def test_batch_with_a_locked_dossier_counts_it_failed_and_checks_the_others(
    shared_tmp: Path,
) -> None:
    parent = shared_tmp / "clients"
    for name in ("alice", "bob"):
        (parent / name).mkdir(parents=True)
        (parent / name / "a.pdf").write_bytes(text_pdf_bytes())
        (parent / name / "a.pdf").chmod(0o644)
        (parent / name).chmod(0o755)
    parent.chmod(0o755)
    (parent / "bob").chmod(0o000)
    cache = shared_tmp / "cache"
    cache.mkdir()

    proc = _as_normal_user(
        [*CLI, "batch", str(parent), "--as-of", AS_OF, "--format", "json", "--jobs", "2"], cache
    )

    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr  # a summary
    out = json.loads(proc.stdout)
    by_name = {d["dossier"]: d for d in out["dossiers"]}
    assert by_name["bob"].get("error") and not by_name["alice"].get("error")
    assert [f["path"] for f in by_name["alice"]["files"]] == ["a.pdf"]
    assert out["summary"]["failed"] == 1


def test_unreadable_dossier_folder_is_one_line_and_exit_2(shared_tmp: Path) -> None:
    dossier = shared_tmp / "closed"
    dossier.mkdir(mode=0o000)
    dossier.chmod(0o000)
    cache = shared_tmp / "cache"
    cache.mkdir()

    proc = _as_normal_user([*CLI, "check", str(dossier)], cache)

    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].startswith("dossier-check: error:")


# ---------------------------------------------- hard limits in the workers


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def _segfault() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def _allocate(mib: int) -> int:
    return len(bytearray(mib * 1024 * 1024))


def _spawn_and_hang(pid_file: str) -> None:
    child = subprocess.Popen(["sleep", "300"])  # stands for a Tesseract run
    Path(pid_file).write_text(str(child.pid))
    time.sleep(300)


def _echo(value: int) -> int:
    return value


def test_hung_task_is_killed_and_the_pool_goes_on() -> None:
    started = time.monotonic()
    with WorkerPool(2, timeout=1.0) as pool:
        outcomes = pool.run(_sleep, [(0.0,), (60.0,), (0.0,)])
        again = pool.run(_echo, [(1,), (2,)])

    assert time.monotonic() - started < 20
    assert outcomes[0] == outcomes[2] == "slept"
    assert isinstance(outcomes[1], TaskFailed) and outcomes[1].code == "timed_out"
    assert again == [1, 2]


def test_crashed_worker_is_a_finding_on_its_task_only() -> None:
    with WorkerPool(1, timeout=30.0) as pool:
        outcomes = pool.run(_echo, [(1,)]) + pool.run(_segfault, [()]) + pool.run(_echo, [(3,)])

    assert outcomes[0] == 1 and outcomes[2] == 3
    assert isinstance(outcomes[1], TaskFailed)
    assert outcomes[1].code == "worker_crashed" and outcomes[1].params["reason"] == "SIGSEGV"


def test_memory_cap_turns_a_runaway_allocation_into_out_of_memory() -> None:
    with WorkerPool(1, timeout=30.0, memory_mib=768) as pool:
        outcomes = pool.run(_allocate, [(2048,), (16,)])

    assert isinstance(outcomes[0], TaskFailed) and outcomes[0].code == "out_of_memory"
    assert outcomes[1] == 16 * 1024 * 1024


def test_killing_a_worker_takes_its_child_processes_along(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    with WorkerPool(1, timeout=2.0) as pool:
        (outcome,) = pool.run(_spawn_and_hang, [(str(pid_file),)])
    assert isinstance(outcome, TaskFailed) and outcome.code == "timed_out"
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), "the worker's child outlived the kill"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _hang_on_one_file(relpath: str, abspath: Path, options: api.Options):
    """Stands for pypdf or Pillow looping on ``hang.pdf``; the others read at once."""
    if relpath == "hang.pdf":
        time.sleep(120)
    return Document(open_source(relpath, abspath), "unknown", 0.0)


def test_a_file_that_hangs_is_timed_out_and_the_others_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.pdf", "hang.pdf", "z.pdf"):
        (tmp_path / name).write_bytes(text_pdf_bytes())
    from dossier_check import analyse

    monkeypatch.setattr(analyse, "_analyse", _hang_on_one_file)  # the forked workers inherit it
    options = api.Options(
        as_of=date(2026, 11, 15),
        jobs=2,
        use_cache=False,
        limits=Limits(kill_seconds_per_file=3.0),
    )

    started = time.monotonic()
    report = api.check_dossier(tmp_path, options)

    assert time.monotonic() - started < 30
    assert [d.path for d in report.documents] == ["a.pdf", "hang.pdf", "z.pdf"]
    hung = report.documents[1]
    assert [p.code for p in hung.problems] == ["timed_out"]
    assert hung.problems[0].severity is Severity.ERROR
    assert hung.source.mime == "application/pdf" and hung.source.size > 0
    assert all("timed_out" not in {p.code for p in d.problems} for d in report.documents[::2])
    assert report.documents[0].source.page_count == report.documents[2].source.page_count == 1


def test_batch_shares_one_pool_across_dossiers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("one", "two", "three"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.pdf").write_bytes(text_pdf_bytes())
    made: list[int] = []
    real_init = WorkerPool.__init__

    def counting_init(self, *args, **kwargs):
        made.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(WorkerPool, "__init__", counting_init)
    options = api.Options(as_of=date(2026, 11, 15), jobs=2, use_cache=False)

    reports = api.check_batch(tmp_path, options)

    assert [r.dossier for r in reports] == ["one", "three", "two"]
    assert len(made) == 1
    assert all(len(r.documents) == 1 for r in reports)


def test_png_whose_chunk_length_lies_is_corrupt_not_out_of_memory(tmp_path: Path) -> None:
    path = tmp_path / "lying.png"
    path.write_bytes(lying_png_bytes())
    options = api.Options(as_of=date(2026, 11, 15), use_cache=False)

    with WorkerPool(1, timeout=60.0, memory_mib=Limits().max_memory_mib) as pool:
        (doc,) = pool.run(api.analyse_file, [("lying.png", path, options)])

    assert not isinstance(doc, TaskFailed)
    assert "corrupt_file" in {p.code for p in doc.problems}
    assert not {p.code for p in doc.problems} & FAILURES


def test_pdf_page_of_absurd_shape_renders_within_bounds(tmp_path: Path) -> None:
    """Found by benchmarks/fuzz.py: a MediaBox 1 pt wide and 3 million pt tall."""
    path = tmp_path / "strip.pdf"
    path.write_bytes(
        raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 3000000] /Contents 4 0 R >>",
                b"<< /Length 0 >>\nstream\n\nendstream",
            ]
        )
    )

    source = load_source("strip.pdf", path)

    assert all(max(p.width, p.height) <= RENDER_MAX_SIDE for p in source.pages)


def test_image_with_an_absurd_side_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "strip.png"
    Image.new("L", (70_000, 1), 255).save(path)

    source = load_source("strip.png", path)

    assert [p.code for p in source.problems] == ["too_many_pixels"] and source.pages == ()


def test_image_over_the_pixel_limit_never_reaches_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    scan_image((2000, 1000)).save(path)
    source = load_source("big.png", path, Limits(max_pixels=1_000_000))
    assert [p.code for p in source.problems] == ["too_many_pixels"] and source.pages == ()
