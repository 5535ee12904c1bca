"""Address consistency across a dossier (DOMAIN.md R-RES-4, R-X-2).

The applicant's address should read the same on the application form, the
proofs of residence (bills, lease, the host's attestation and the host's
own proofs) and the RIB. Which document types are compared is data: the
profile's ``address_types`` threshold (``requirements/puma.toml``); a
profile without it compares nothing.

The reference address is the one on the application form (the applicant
writes it there) when another document shows it too; otherwise the address
found on the most documents (at least two), so that a form whose address was
misread, or is out of date, is the one file reported. A document on which no
address can be read says nothing; one whose addresses are all different from
the reference gets an ``address_mismatch`` warning naming the file, its
address and the reference. A reference whose postcode cannot be French gets
``address_postcode``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dossier_check.fields.address import Address, find_addresses, french_postcode, same_address
from dossier_check.model import Document, Finding, Severity

#: Types whose disagreement with a proof of residence is R-X-2 (the form, the
#: RIB); between the proofs themselves it is R-RES-4.
_X2_TYPES = frozenset({"application_form", "rib"})


def _shown_on(a: Address, docs: Sequence[Document], found: dict[str, list[Address]]) -> int:
    """On how many of ``docs`` address ``a`` is found."""
    return sum(any(same_address(a, b) for b in found.get(o.path, [])) for o in docs)


def _reference(
    docs: Sequence[Document], found: dict[str, list[Address]]
) -> tuple[Document, Address] | None:
    """The form's address if another document shows it too; else the address
    the most documents show (at least two); else the form's, alone."""
    best: tuple[int, Document, Address] | None = None
    for d in docs:
        for a in found.get(d.path, []):
            count = _shown_on(a, docs, found)
            if count >= 2 and (best is None or count > best[0]):
                best = (count, d, a)
    forms = [d for d in docs if d.type == "application_form" and found.get(d.path)]
    if forms:
        form, written = forms[0], found[forms[0].path][0]
        if best is None or _shown_on(written, docs, found) >= 2:
            return form, written
        # nothing else shows the form's address, and others agree among themselves:
        # the form is the odd one (or was misread), not every other document
    return (best[1], best[2]) if best else None


def _shown(addresses: list[Address]) -> Address:
    """The address to name in a message: the first complete one."""
    return next((a for a in addresses if a.postcode), addresses[0])


def address_findings(documents: Iterable[Document], types: Iterable[str]) -> list[Finding]:
    """R-RES-4 / R-X-2 warnings for ``documents`` of the given ``types``."""
    wanted = set(types)
    docs: list[Document] = []
    for d in documents:
        if d.type in wanted and all(d.path != o.path for o in docs):  # a bundle's parts: once
            docs.append(d)
    found = {d.path: find_addresses(d.text) for d in docs}
    ref = _reference(docs, found)
    if ref is None:
        return []
    ref_doc, ref_address = ref
    problems: list[Finding] = []
    if ref_address.postcode and not french_postcode(ref_address.postcode):
        problems.append(
            Finding(
                "address_postcode",
                Severity.WARNING,
                {"file": ref_doc.path, "postcode": ref_address.postcode},
                "R-RES-4",
            )
        )
    for d in docs:
        mine = found[d.path]
        if d is ref_doc or not mine or any(same_address(a, ref_address) for a in mine):
            continue
        rule = "R-X-2" if {d.type, ref_doc.type} & _X2_TYPES else "R-RES-4"
        problems.append(
            Finding(
                "address_mismatch",
                Severity.WARNING,
                {
                    "file": d.path,
                    "address": str(_shown(mine)),
                    "expected": str(ref_address),
                    "reference": ref_doc.path,
                },
                rule,
            )
        )
    return problems
