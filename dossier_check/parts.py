"""A PDF that bundles several documents (CONTRACT.md ``several_documents``, R-SCAN-6).

Each page is classified on its own; a page of a new known type opens a new
part unless it is a companion of the current part, which the contract counts
as one document: a birth certificate with its apostille and translation
(those pages carry no birth-record title of their own, so they read as
``unknown`` and simply continue the part), a passport with its visa and
entry-stamp pages, a card's front and back (same type, or an unreadable back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dossier_check import doctypes
from dossier_check.doctypes import UNKNOWN, Identified
from dossier_check.fields.photo import PhotoMeasures
from dossier_check.model import Page
from dossier_check.signals import build_signals

#: type of the open part -> page types that continue it rather than open a new one.
COMPANIONS: dict[str, frozenset[str]] = {
    "passport": frozenset({"residence_permit"}),  # visa and entry-stamp pages
    "residence_permit": frozenset({"passport"}),
}


@dataclass(frozen=True)
class PartRead:
    pages: tuple[int, ...]  # 0-based indexes into the file's pages
    identified: Identified


def split(pages: tuple[Page, ...], photo: PhotoMeasures | None, as_of: date) -> list[PartRead]:
    """The file's parts, in page order; one part when the file holds one document."""
    if len(pages) < 2:
        return [
            PartRead(
                tuple(range(len(pages))), doctypes.identify(build_signals(pages, photo, as_of))
            )
        ]
    page_types = [doctypes.classify(build_signals((p,), None, as_of))[0].type for p in pages]
    groups: list[list[int]] = []
    current: str | None = None
    for i, t in enumerate(page_types):
        opens = (
            groups
            and t != UNKNOWN
            and current is not None
            and t != current
            and t not in COMPANIONS.get(current, frozenset())
        )
        if not groups or opens:
            groups.append([i])
            current = t if t != UNKNOWN else None
        else:
            groups[-1].append(i)
            if current is None and t != UNKNOWN:
                current = t
    if len(groups) == 1:
        return [PartRead(tuple(groups[0]), doctypes.identify(build_signals(pages, photo, as_of)))]
    return [
        PartRead(
            tuple(g),
            doctypes.identify(
                build_signals(tuple(pages[i] for i in g), photo if g[0] == 0 else None, as_of)
            ),
        )
        for g in groups
    ]
