"""Per-file analysis results kept between runs: a re-run reads no page again.

The key is the sha256 of the file's bytes and a fingerprint of everything
that makes the result: the source of every module and data file of the
package (so a changed rule never serves a stale answer, version bump or
not), the Tesseract version, the as-of date, the limits and the debug flag.
Paths are not in the key: a file renamed, or copied into another client's
folder, gives the same result. The value is the :class:`Document` as JSON.

Results that depend on the machine rather than the file (a time limit or a
kill, a crash, running out of memory) are never stored, nor one that does
not survive the JSON round trip unchanged. Entries live in the owner-only
cache (:mod:`dossier_check.cache`), namespace ``files``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dossier_check import __version__
from dossier_check.cache import Cache
from dossier_check.filebytes import read_head_and_hash
from dossier_check.model import Document, Finding, Page, Part, Severity, SourceFile, TextSource
from dossier_check.scratch import tesseract_version

#: Finding codes that say the result depends on the machine or the moment.
UNSTABLE_CODES = frozenset(
    {"time_limit", "timed_out", "worker_crashed", "out_of_memory", "internal_error"}
)
_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the package's modules, templates and data files."""
    h = hashlib.sha256(__version__.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".toml", ".html", ".j2", ".css"}:
            h.update(path.relative_to(_PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class FileResults:
    """Stored :class:`Document` results of one run's settings."""

    def __init__(self, as_of: date, limits: Any, debug: bool, cache: Cache | None = None) -> None:
        self.cache = cache or Cache("files")
        self.max_bytes = int(limits.max_file_bytes)
        settings = (code_fingerprint(), tesseract_version(), as_of.isoformat(), repr(limits), debug)
        self.settings = hashlib.sha256(repr(settings).encode()).hexdigest()

    def key(self, path: Path) -> str | None:
        """The entry's key for the file now at ``path``; None when it cannot be read here."""
        try:
            _head, _size, digest = read_head_and_hash(path, self.max_bytes)
        except OSError:
            return None  # the analysis says what is wrong with it
        if not digest:
            return None  # over the size limit: never read whole
        return hashlib.sha256(f"{self.settings}:{digest}".encode()).hexdigest()

    def get(self, key: str, relpath: str, abspath: Path) -> Document | None:
        stored = self.cache.get(key)
        if stored is None:
            return None
        try:
            doc = document_from_json(stored, relpath, abspath)
        except (KeyError, TypeError, ValueError):
            return None  # an entry from another layout: recompute
        if doc.debug:
            doc = replace(doc, debug={**doc.debug, "pages_ocrd": 0, "cached": True})
        return doc

    def put(self, key: str, doc: Document) -> None:
        if any(p.code in UNSTABLE_CODES for p in (*doc.problems, *doc.source.problems)):
            return
        try:
            data = json.loads(json.dumps(document_to_json(doc), ensure_ascii=False))
            same = document_from_json(data, doc.path, doc.source.abspath) == doc
        except (TypeError, ValueError):
            return
        if same:
            self.cache.put(key, data)


def _finding_to_json(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "params": f.params, "rule": f.rule}


def _finding_from_json(d: dict[str, Any]) -> Finding:
    return Finding(d["code"], Severity(d["severity"]), dict(d["params"]), d["rule"])


def _page_to_json(p: Page) -> dict[str, Any]:
    out = asdict(replace(p, image=None, words=()))
    del out["image"], out["words"]
    out["text_source"] = p.text_source.value
    return out


def _page_from_json(d: dict[str, Any]) -> Page:
    return Page(**{**d, "text_source": TextSource(d["text_source"])})


def document_to_json(doc: Document) -> dict[str, Any]:
    s = doc.source
    return {
        "source": {
            "mime": s.mime,
            "size": s.size,
            "page_count": s.page_count,
            "sha256": s.sha256,
            "pages": [_page_to_json(p) for p in s.pages],
            "problems": [_finding_to_json(f) for f in s.problems],
        },
        "type": doc.type,
        "confidence": doc.confidence,
        "evidence": list(doc.evidence),
        "fields": doc.fields,
        "problems": [_finding_to_json(f) for f in doc.problems],
        "parts": [
            {
                "pages": list(p.pages),
                "type": p.type,
                "confidence": p.confidence,
                "evidence": list(p.evidence),
                "fields": p.fields,
            }
            for p in doc.parts
        ],
        "debug": doc.debug,
    }


def document_from_json(d: dict[str, Any], relpath: str, abspath: Path) -> Document:
    """The stored document, at the path the file has in this run."""
    s = d["source"]
    source = SourceFile(
        relpath,
        abspath,
        s["mime"],
        s["size"],
        pages=tuple(_page_from_json(p) for p in s["pages"]),
        page_count=s["page_count"],
        problems=tuple(_finding_from_json(f) for f in s["problems"]),
        sha256=s["sha256"],
    )
    return Document(
        source=source,
        type=d["type"],
        confidence=d["confidence"],
        evidence=tuple(d["evidence"]),
        fields=dict(d["fields"]),
        problems=tuple(_finding_from_json(f) for f in d["problems"]),
        parts=tuple(
            Part(tuple(p["pages"]), p["type"], p["confidence"], tuple(p["evidence"]), p["fields"])
            for p in d["parts"]
        ),
        debug=dict(d["debug"]),
    )
