"""The run's private scratch folder, and Tesseract fed through it.

pytesseract hands images to the tesseract binary as PNG files. Encoding a
300-dpi page as PNG cost more than reading it: 39 s of 106 s over 11 pages
(cProfile, benchmarks/speed.py's dossier). A PGM/PPM file costs nothing to
write, so pages go to Tesseract as uncompressed files instead.

The files hold a client's page, so they live in one folder per run, created
0700 by the parent process before it forks its workers (which inherit it)
and removed by the parent at the end of the run: a worker killed on a
timeout leaves nothing behind in the system's temp folder.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dossier_check.errors import EnvironmentProblem

if TYPE_CHECKING:
    from PIL import Image

_folder: str | None = None
_owner: int | None = None  # the pid that made the folder and removes it


def folder() -> str:
    """The scratch folder, made on first use (0700)."""
    global _folder, _owner
    if _folder is None or not os.path.isdir(_folder):
        _folder = tempfile.mkdtemp(prefix="dossier_check-")
        _owner = os.getpid()
        atexit.register(remove)
    return _folder


def remove() -> None:
    """Remove the scratch folder, from the process that made it only."""
    global _folder
    if _folder is not None and _owner == os.getpid():
        shutil.rmtree(_folder, ignore_errors=True)
        _folder = None


@contextmanager
def image_file(image: Image.Image) -> Iterator[str]:
    """``image`` written as an uncompressed PGM (grey) or PPM (colour) file."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB" if image.mode in ("RGBA", "P", "CMYK") else "L")
    fd, path = tempfile.mkstemp(suffix=".pgm" if image.mode == "L" else ".ppm", dir=folder())
    try:
        with os.fdopen(fd, "wb") as fh:
            image.save(fh, format="PPM")
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _tesseract(call: str, image: Image.Image, **kwargs: Any) -> Any:
    """pytesseract's ``call`` (``image_to_data``...) on ``image`` through a scratch file."""
    import pytesseract

    with image_file(image) as path:
        return getattr(pytesseract, call)(path, **kwargs)


def image_to_data(image: Image.Image, **kwargs: Any) -> Any:
    return _tesseract("image_to_data", image, **kwargs)


def image_to_osd(image: Image.Image, **kwargs: Any) -> Any:
    return _tesseract("image_to_osd", image, **kwargs)


def image_to_string(image: Image.Image, **kwargs: Any) -> Any:
    return _tesseract("image_to_string", image, **kwargs)


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    """The first line of ``tesseract --version`` (part of the cache keys), without
    importing pytesseract or Pillow: a fully cached run needs no more."""
    try:
        done = subprocess.run(
            ["tesseract", "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"  # reported by ensure_tesseract
    lines = (done.stdout or done.stderr).splitlines()
    return lines[0].strip() if lines else "unknown"


def ensure_tesseract() -> None:
    """Fail early, with the fix, when the tesseract binary is missing."""
    if shutil.which("tesseract") is None:
        raise EnvironmentProblem(
            "tesseract is not installed",
            hint="sudo apt-get install tesseract-ocr tesseract-ocr-fra "
            "tesseract-ocr-eng tesseract-ocr-osd",
        )
