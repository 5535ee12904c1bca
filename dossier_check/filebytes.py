"""Reading a dossier file's bytes safely: its head, its size and its sha256.

Shared by ``ingest`` (sniffing) and ``results`` (the per-file cache key), and
kept free of heavy imports so that a fully cached run starts fast.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 1024 * 1024


def read_head_and_hash(path: Path, max_bytes: int) -> tuple[bytes, int, str]:
    """The first bytes, the size and the sha256 ('' when over ``max_bytes``: not read).

    Raises OSError for anything but a regular file readable now.
    """
    # O_NONBLOCK: a FIFO swapped in after the walk must not block the open.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        size = st.st_size
        head = fh.read(HEAD_BYTES)
        if size > max_bytes:
            return head, size, ""
        digest = hashlib.sha256(head)
        size = len(head)
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
            size += len(chunk)
    return head, size, digest.hexdigest()
