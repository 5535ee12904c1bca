"""Listing a dossier folder: its files in a stable order, and what was skipped.

Read-only, standard library only (a fully cached run imports nothing heavy).
The :class:`~dossier_check.model.Ignored` reasons: ``hidden``, ``os_clutter``,
``symlink_outside``, ``symlink_loop`` (a link back to a folder it sits in, or
one that never resolves), ``not_a_file`` (FIFO, device, socket, dangling
link) and ``unreadable`` (a sub-folder or entry the OS will not show).
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from pathlib import Path

from dossier_check.errors import UsageError
from dossier_check.model import Ignored

#: Names of OS and tool droppings (compared casefolded). ``._*`` AppleDouble
#: files and ``~$*`` Office lock files are clutter too.
_CLUTTER_NAMES = frozenset(
    name.casefold()
    for name in (
        ".DS_Store",
        "Thumbs.db",
        "ehthumbs.db",
        "desktop.ini",
        "__MACOSX",
        ".Spotlight-V100",
        ".Trashes",
        ".fseventsd",
        ".TemporaryItems",
        ".localized",
        "$RECYCLE.BIN",
        "System Volume Information",
        "Icon\r",
    )
)


def _skip_reason(name: str) -> str | None:
    folded = name.casefold()
    if folded in _CLUTTER_NAMES or name.startswith(("._", "~$")):
        return "os_clutter"
    if name.startswith("."):
        return "hidden"
    return None


def _sort_key(relpath: str) -> tuple[str, str]:
    return (relpath.casefold(), relpath)


def walk(dossier: Path) -> tuple[list[tuple[str, Path]], list[Ignored]]:
    """List the regular files of ``dossier``, recursively, in a stable order.

    Returns ``(relative posix path, absolute real path)`` pairs sorted by the
    casefolded relative path, then the raw one, and the paths skipped on
    purpose. Relative paths are for showing (:func:`display_name`: a name
    that is not UTF-8 or holds a newline is escaped); open the absolute one.
    Symbolic links are followed only when they resolve inside the dossier; a
    link to a folder that contains it is a loop and skipped.
    Raises :class:`UsageError` when ``dossier`` is not a folder and
    ``OSError`` when the folder itself cannot be listed.
    """
    if not dossier.is_dir():
        raise UsageError(
            f"not a folder: {dossier}", hint="give the folder that holds the scanned documents"
        )
    root = Path(os.path.realpath(dossier))
    files: list[tuple[str, Path]] = []
    ignored: list[Ignored] = []
    root_stat = root.stat()
    # (real folder, relative prefix, (dev, inode) of the folders above it)
    pending: list[tuple[Path, str, frozenset[tuple[int, int]]]] = [
        (root, "", frozenset({(root_stat.st_dev, root_stat.st_ino)}))
    ]
    while pending:
        folder, prefix, ancestors = pending.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            if not prefix:
                raise
            ignored.append(Ignored(prefix.rstrip("/"), "unreadable"))
            continue
        for entry in entries:
            rel = prefix + display_name(entry.name)
            resolved = _skip_reason(entry.name) or _resolve_entry(entry, root)
            if isinstance(resolved, str):
                ignored.append(Ignored(rel, resolved))
                continue
            target, st = resolved
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    ignored.append(Ignored(rel, "symlink_loop"))
                else:
                    pending.append((target, rel + "/", ancestors | {key}))
            elif stat.S_ISREG(st.st_mode):
                files.append((rel, target))
            else:
                ignored.append(Ignored(rel, "not_a_file"))
    files.sort(key=lambda pair: _sort_key(pair[0]))
    ignored.sort(key=lambda item: _sort_key(item.path))
    return files, ignored


#: Bidirectional controls that make a name read differently from its bytes.
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def display_name(name: str) -> str:
    """A file name safe to print in a report, a terminal or JSON.

    Bytes that are not UTF-8 (``os`` gives them as lone surrogates) become
    ``\\xNN``; control characters (a newline in a name could fake a report
    line) and bidirectional overrides become ``\\n``, ``\\x1b``, ``\\u202e``.
    Anything else, accents and scripts included, is kept.
    """
    if name.isprintable() and not any(ch in _BIDI for ch in name):
        return name
    out = []
    for ch in name:
        cp = ord(ch)
        if 0xDC80 <= cp <= 0xDCFF:  # surrogateescape: one raw byte
            out.append(f"\\x{cp - 0xDC00:02x}")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(f"\\x{cp:02x}" if cp <= 0xFF else f"\\u{cp:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _resolve_entry(entry: os.DirEntry[str], root: Path) -> str | tuple[Path, os.stat_result]:
    """An entry's real path and stat, or the reason to skip it."""
    target = Path(entry.path)
    if entry.is_symlink():
        try:
            target = target.resolve(strict=True)
        except RuntimeError:  # Python < 3.13 reports a loop this way
            return "symlink_loop"
        except OSError as exc:
            return "symlink_loop" if exc.errno == errno.ELOOP else "not_a_file"
        if not target.is_relative_to(root):
            return "symlink_outside"
    try:
        return target, target.stat()
    except OSError:
        return "unreadable"
