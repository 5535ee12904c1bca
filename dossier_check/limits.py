"""Per-file limits against hostile or merely huge files (defaults, validation).

Kept apart from :mod:`dossier_check.ingest` so that the command line and a
fully cached run need not import the PDF and image libraries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Per-file guards against hostile or merely huge files.

    ``max_pixels`` bounds one decoded image (and Pillow's decompression-bomb
    guard while we open files): 100 Mpx is a 48 Mpx phone photo twice over,
    or an A4 page at 1200 dpi. ``seconds_per_file`` is wall-clock time from
    the first page requested, the consumer's time between pages included, so
    a caller that OCRs while streaming gets a per-file budget; it is checked
    between pages (``time_limit``, the pages read so far are kept).

    The next two hold when the code itself is stuck or runs away; they are
    enforced by :mod:`dossier_check.workers`, which runs each file in a worker
    process: ``kill_seconds_per_file`` (0: never) kills a file's worker,
    whatever it is doing (``timed_out``); ``max_memory_mib`` (0: no cap) caps
    each worker's address space, its Tesseract's included (``out_of_memory``).
    """

    max_pixels: int = 100_000_000
    max_pages: int = 50
    seconds_per_file: float = 120.0
    max_file_bytes: int = 200 * 1024 * 1024
    kill_seconds_per_file: float = 180.0
    max_memory_mib: int = 1536

    def __post_init__(self) -> None:
        if self.max_pixels < 1 or self.max_pages < 1 or self.max_file_bytes < 1:
            raise ValueError("max_pixels, max_pages and max_file_bytes must be positive")
        if self.seconds_per_file < 0 or self.kill_seconds_per_file < 0:
            raise ValueError("seconds_per_file and kill_seconds_per_file must not be negative")
        if self.max_memory_mib < 0:
            raise ValueError("max_memory_mib must not be negative")


DEFAULT_LIMITS = Limits()
