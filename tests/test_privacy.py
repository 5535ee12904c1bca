"""Nothing about a client leaves the machine or lingers where others can read it.

- A full check, worker processes and Tesseract included, runs in a network
  namespace that has no interface but a downed loopback (``unshare -n``):
  it must still succeed, so it needs no network. Where ``strace`` is
  installed, a second run records every socket the process tree opens
  (``-f`` follows the workers and Tesseract): none may be an Internet one.
- The cache is owner-only (0700 folders, 0600 files) after a real check,
  ``dossier-check cache --purge`` removes all of it, and refuses a folder
  that is not a cache.
- Logs, at DEBUG level in the parent and the workers, hold no document text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from dossier_check.cache import TAG_NAME, Cache, purge
from dossier_check.errors import UsageError
from tests.bad_inputs import text_pdf_bytes
from tests.conftest import REPO

AS_OF = "2026-11-15"
CLI = [sys.executable, "-m", "dossier_check"]
#: Words only the documents hold: if one shows up in a log, document text leaked.
PDF_WORD = "XYLOPHAGUS"
OCR_WORD = "QUOKKA"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def make_dossier(folder: Path) -> Path:
    """A text-layer PDF and a photographed page Tesseract must read."""
    folder.mkdir(parents=True, exist_ok=True)
    text = f"Attestation {PDF_WORD} de droits a l'assurance maladie, Caisse primaire de Paris."
    (folder / "attestation.pdf").write_bytes(text_pdf_bytes(1, text))
    page = Image.new("L", (1200, 500), 255)
    draw = ImageDraw.Draw(page)
    draw.text((60, 80), f"FACTURE {OCR_WORD}", fill=0, font=_font(90))
    draw.text((60, 260), "Electricite Paris 2026", fill=0, font=_font(70))
    page.save(folder / "photo.jpg", quality=90)
    return folder


def run_cli(
    args: list[str], env: dict[str, str] | None = None, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(prefix or []), *CLI, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def _can(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, capture_output=True, timeout=30, check=False).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


# ---------------------------------------------------------------- network


@pytest.mark.tesseract
def test_full_check_succeeds_without_any_network(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if unshare is None or not _can([unshare, "-n", "true"]):
        pytest.skip("unshare -n is not permitted here (needs root or user namespaces)")
    dossier = make_dossier(tmp_path / "dossier")
    cache = tmp_path / "cache"

    proc = run_cli(
        ["check", str(dossier), "--as-of", AS_OF, "--format", "json", "--jobs", "2", "--debug"],
        env={"DOSSIER_CHECK_CACHE_DIR": str(cache)},
        prefix=[unshare, "-n"],
    )

    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr == ""
    files = {f["path"]: f for f in json.loads(proc.stdout)["files"]}
    assert set(files) == {"attestation.pdf", "photo.jpg"}
    assert OCR_WORD in proc.stdout, "Tesseract ran inside the namespace and read the photo"


_SOCKET = re.compile(r"socket\((AF_\w+)")
_CONNECT = re.compile(r"connect\(\d+, \{sa_family=(AF_\w+)")


@pytest.mark.tesseract
def test_no_process_of_a_check_opens_an_internet_socket(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None or not _can([strace, "-f", "-o", os.devnull, "true"]):
        pytest.skip("strace is not installed or ptrace is not permitted")
    dossier = make_dossier(tmp_path / "dossier")
    trace = tmp_path / "trace.txt"

    proc = run_cli(
        ["check", str(dossier), "--as-of", AS_OF, "--format", "json", "--jobs", "2", "--no-cache"],
        prefix=[strace, "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o", str(trace)],
    )

    assert proc.returncode in (0, 1), proc.stderr
    log = trace.read_text()
    families = set(_SOCKET.findall(log)) | set(_CONNECT.findall(log))
    assert families <= {"AF_UNIX"}, f"sockets opened: {families}\n{log[:2000]}"


# ------------------------------------------------------------------ cache


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.lstat().st_mode) for p in root.rglob("*")}


@pytest.mark.tesseract
def test_cache_of_a_real_check_is_owner_only_and_purge_removes_it(tmp_path: Path) -> None:
    dossier = make_dossier(tmp_path / "dossier")
    cache = tmp_path / "deep" / "cache"
    env = {"DOSSIER_CHECK_CACHE_DIR": str(cache)}
    old_umask = os.umask(0o022)
    try:
        proc = run_cli(["check", str(dossier), "--as-of", AS_OF, "--jobs", "2"], env=env)
    finally:
        os.umask(old_umask)
    assert proc.returncode in (0, 1), proc.stderr

    modes = _modes(cache)
    assert any(name.endswith(".json") for name in modes), "the OCR result was cached"
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for name, mode in modes.items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"
    assert all(p.stat().st_uid == os.getuid() for p in cache.rglob("*"))
    assert (cache / TAG_NAME).read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")

    purged = run_cli(["cache", "--purge"], env=env)

    assert purged.returncode == 0 and str(cache) in purged.stdout
    assert not cache.exists()
    again = run_cli(["cache", "--purge"], env=env)
    assert again.returncode == 0  # nothing left to remove is fine


def test_purge_refuses_a_folder_that_is_not_a_cache(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "passport.pdf").write_bytes(b"%PDF-1.4")

    proc = run_cli(["cache", "--purge"], env={"DOSSIER_CHECK_CACHE_DIR": str(home)})

    assert proc.returncode == 2 and "not removed" in proc.stderr
    assert (home / "Documents" / "passport.pdf").exists()
    with pytest.raises(UsageError):
        purge(home)


def test_purge_removes_a_tagged_cache_with_every_namespace(tmp_path: Path) -> None:
    root = tmp_path / "c"
    Cache("ocr", root=root).put("ab" * 32, {"text": "secret"})
    Cache("files", root=root).put("cd" * 32, [1])

    assert purge(root) == root and not root.exists()


# ------------------------------------------------------------------- logs


LOGGED_RUN = """
import logging, sys
logging.basicConfig(level=logging.DEBUG, stream=sys.stderr, force=True)
from dossier_check.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.tesseract
def test_debug_logs_of_parent_and_workers_hold_no_document_text(tmp_path: Path) -> None:
    dossier = make_dossier(tmp_path / "dossier")
    args = [
        "check",
        str(dossier),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--jobs",
        "2",
        "--no-cache",
    ]

    proc = subprocess.run(
        [sys.executable, "-c", LOGGED_RUN, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    debug = run_cli([*args, "--debug"])

    assert proc.returncode in (0, 1), proc.stderr
    assert OCR_WORD in debug.stdout and PDF_WORD in debug.stdout, "the words were read"
    for word in (OCR_WORD, PDF_WORD):
        assert word not in proc.stderr, f"{word} in the log"
        assert word not in debug.stderr
    assert OCR_WORD not in proc.stdout  # nor in the report without --debug
