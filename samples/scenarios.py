"""Dossier scenarios: one applicant's folder per failure the checker must catch,
plus complete dossiers, each with the requirement statuses it must get.

    python -m samples.scenarios --seed 4 --out /tmp/scenarios [--only expired_passport ...]

From Python: ``generate_scenarios(seed, parent, as_of)`` writes one sub-folder
per scenario under ``parent`` (so ``dossier-check batch parent`` checks them
all) and ``parent/scenarios.json``, the expectations. Everything is synthetic
and built with the specimen builders of ``samples/specimens``; the same seed
and as-of date give byte-identical files.

How the scenarios are made:
- A scenario is a list of *roles* (``passport``, ``bill_0``, ``rib_other``...).
  A role is always built the same way from the seed, so the files two
  scenarios share are byte for byte the same (the checker's caches then read
  each one once) and the scenarios differ only in what they swap or leave out.
- Scans are kept for what must be scanned: the identity documents and the
  photos are JPEGs (read by Tesseract); the paper documents (bills, RIB,
  forms, birth certificate, lease, attestation) are text-layer PDFs, which
  need no OCR, because these scenarios are about rules, not about scans.
- The applicant is Mexican (non-EU: a titre de séjour is needed; her birth
  certificate needs an apostille, R-APO, and is in Spanish, a language
  accepted without translation, R-TR-2) and not employed unless said.

``SCENARIOS[name].expected`` maps every requirement of the ``puma`` profile to
its status; ``problem`` names the requirement, finding code and DOMAIN.md
rule id the scenario is about.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta

if __package__ in (None, ""):  # run as a script: make `samples` importable as a package
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [x for x in sys.path if os.path.abspath(x or ".") != _here]
    sys.path.insert(0, os.path.dirname(_here))

from PIL import Image, ImageFilter  # noqa: E402

from samples import output  # noqa: E402
from samples.canvas import Group, Page, Text, render_raster  # noqa: E402
from samples.generate import EXPECTED  # noqa: E402
from samples.people import Person, make_person  # noqa: E402
from samples.specimens import BUILDERS  # noqa: E402
from samples.specimens.common import Ctx, Doc  # noqa: E402

DEFAULT_SEED = 4
DEFAULT_AS_OF = date(2026, 11, 15)

# ----------------------------------------------------------------------------- roles

#: A scan written here, without the generator's random damage (skew, noise,
#: light blur): the scenarios test rules, and a damage plan that changes with
#: the generator must not change what Tesseract reads in them.
_SCAN = {"form": "scan", "dpi": 300}
_CARD = _SCAN
_TEXT = {"form": "pdf_text"}
_PHOTO = {"form": "jpeg", "quality": 88}


@dataclass(frozen=True)
class Role:
    """One file: a document type, builder options, whose document it is, how it is written.

    ``person``: ``applicant``; ``hosted`` (the applicant, living at the host's);
    ``host``; ``other`` (a stranger whose name is on the document); ``maiden``
    (the applicant under another surname, as before a marriage); ``sibling``
    (her brother or sister: same surname and parents, other given names and
    birth date); ``eu`` (an EU citizen).
    ``holder``: put this person's name on the document as its holder;
    ``address_of``: put this person's address on it.
    ``tamper``: a change made to the built document (``bad_iban``;
    ``first_page_only``: the other pages left out) or to the written file
    (``blur``: a Gaussian blur of 2 px at 300 dpi).
    """

    type: str
    opts: dict = field(default_factory=dict)
    emit: dict = field(default_factory=lambda: dict(_TEXT))
    person: str = "applicant"
    holder: str | None = None
    address_of: str | None = None
    tamper: str | None = None


#: Birth certificates issued five weeks before the as-of date: recent enough for
#: R-BC-6 (3 months), so only what a scenario changes is reported.
_BIRTH = {"apostille": True, "translation": True, "issued_days_ago": 37}


def _bill(
    months_back: int,
    person: str = "applicant",
    holder: str | None = None,
    address_of: str | None = None,
    emit: dict | None = None,
) -> Role:
    opts = {"kind": "electricity", "style": "a", "issuer_index": 0, "span": 1}
    opts |= {"months_back": months_back, "client_number": "4711209385", "date_style": "num"}
    emit = emit or dict(_TEXT)
    return Role("utility_bill", opts, emit, person=person, holder=holder, address_of=address_of)


ROLES: dict[str, Role] = {
    "form": Role("application_form", {"variant": "s1106-typed", "employed": False}),
    "passport": Role("passport", {"variant": "classic", "open_booklet": False}, dict(_CARD)),
    "passport_blurred": Role(
        "passport", {"variant": "classic", "open_booklet": False}, dict(_CARD), tamper="blur"
    ),
    "passport_expired": Role(
        "passport", {"variant": "classic", "open_booklet": False, "expired": True}, dict(_CARD)
    ),
    "permit": Role("residence_permit", {"variant": "titre-card"}, dict(_CARD)),
    "permit_expired": Role(
        "residence_permit", {"variant": "titre-card", "expired": True}, dict(_CARD)
    ),
    "birth": Role("birth_certificate", dict(_BIRTH)),
    "birth_no_apostille": Role("birth_certificate", {**_BIRTH, "apostille": False}),
    "birth_untranslated": Role("birth_certificate", {**_BIRTH, "translation": False}),
    "birth_married_name": Role("birth_certificate", dict(_BIRTH), person="maiden"),
    "birth_sibling": Role("birth_certificate", dict(_BIRTH), person="sibling"),
    "rib": Role("rib", {"variant": "fr-classic", "letter": False}),
    "rib_other": Role("rib", {"variant": "fr-classic", "letter": False}, holder="other"),
    "rib_bad_iban": Role("rib", {"variant": "fr-classic", "letter": False}, tamper="bad_iban"),
    "photo": Role("id_photo", {"variant": "standard"}, dict(_PHOTO)),
    "photo_two_faces": Role("id_photo", {"variant": "two-faces"}, dict(_PHOTO)),
    "lease": Role("lease", {"variant": "contract"}),
    "lease_page_1": Role("lease", {"variant": "contract"}, tamper="first_page_only"),
    # the hosted applicant: her own papers at the host's address, the host's set
    "form_hosted": Role(
        "application_form", {"variant": "s1106-typed", "employed": False}, person="hosted"
    ),
    "rib_hosted": Role("rib", {"variant": "fr-classic", "letter": False}, person="hosted"),
    "attestation": Role("hosting_attestation", {"variant": "typed"}, person="hosted"),
    "host_id": Role("national_id", {"variant": "fr-cni-2021"}, dict(_CARD), person="host"),
    "host_bill": _bill(0, person="host"),
    # an EU citizen: identity card, no titre de séjour needed (R-DOS-2)
    "eu_form": Role("application_form", {"variant": "s1106-typed", "employed": False}, person="eu"),
    "eu_id": Role("national_id", {"variant": "eea-td1", "nat": "ITA"}, dict(_CARD), person="eu"),
    # born in Mexico (the generator's Italian certificate is a US form, whose
    # "1c. LAST" surname box the reader misses in a text layer: a name warning)
    "eu_birth": Role("birth_certificate", {**_BIRTH, "style": "es-acta"}, person="eu"),
    "eu_rib": Role("rib", {"variant": "fr-classic", "letter": False}, person="eu"),
}
for _m in range(9):
    ROLES[f"bill_{_m}"] = _bill(_m)
for _m in range(3):
    ROLES[f"bill_other_{_m}"] = _bill(_m, holder="other")
    ROLES[f"eu_bill_{_m}"] = _bill(_m, person="eu")
    # bills in the applicant's name, at another address (text PDFs: scanned, the
    # holder of these bills was read as "Lieu" on two of three, a name warning)
    ROLES[f"bill_elsewhere_{_m}"] = _bill(_m, address_of="other")

BASE = ("form", "passport", "permit", "birth", "rib", "bill_0", "bill_1", "bill_2", "photo")
HOSTED = ("form_hosted", "passport", "permit", "birth", "rib_hosted", "photo")
HOSTED += ("attestation", "host_id", "host_bill")
EU = ("eu_form", "eu_id", "eu_birth", "eu_rib", "eu_bill_0", "eu_bill_1", "eu_bill_2", "photo")

# ------------------------------------------------------------------------- scenarios

OK: dict[str, str] = dict(EXPECTED["complete"]["requirements"])  # the complete dossier's
BLOCKING = frozenset({"missing", "expired", "invalid"})


@dataclass(frozen=True)
class Problem:
    """The finding a scenario is about: on this requirement, this code and rule."""

    requirement: str
    code: str
    rule: str | None


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str
    roles: tuple[str, ...]
    changes: dict[str, str] = field(default_factory=dict)  # requirement -> status, over OK
    problem: Problem | None = None
    file_problem: tuple[str, str, str] | None = None  # (role, code, rule) on that file
    situations: tuple[str, ...] = ()  # given to the checker (--situation)
    inferred: tuple[str, ...] = ()  # situations the checker must infer from the documents

    @property
    def expected(self) -> dict[str, str]:
        return {**OK, **self.changes}

    @property
    def complete(self) -> bool:
        return not BLOCKING & set(self.expected.values())


def _swap(roles: tuple[str, ...], old: str, *new: str) -> tuple[str, ...]:
    i = roles.index(old)
    return roles[:i] + new + roles[i + 1 :]


def _without(roles: tuple[str, ...], *gone: str) -> tuple[str, ...]:
    return tuple(r for r in roles if r not in gone)


_BILLS = ("bill_0", "bill_1", "bill_2")
SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in [
        Scenario("complete", "non-EU tenant, three successive bills: nothing missing", BASE),
        Scenario(
            "complete_tenant",
            "non-EU tenant with a lease contract instead of bills",
            _without(BASE, *_BILLS) + ("lease",),
        ),
        Scenario(
            "complete_hosted",
            "hosted applicant: attestation, host's identity card and host's own bill",
            HOSTED,
            inferred=("hosted",),
        ),
        Scenario(
            "complete_eu",
            "Italian citizen: identity card, no titre de séjour needed",
            EU,
            {"residence_permit": "not_applicable"},
            inferred=("eu-citizen",),
        ),
        Scenario(
            "lease_page_missing",
            "a two-page lease ('Page 1/2') sent without its second page",
            _without(BASE, *_BILLS) + ("lease_page_1",),
            {"proof_of_residence": "invalid"},
            Problem("proof_of_residence", "pages_missing", "R-SCAN-5"),
        ),
        Scenario(
            "expired_passport",
            "the passport expired before the as-of date",
            _swap(BASE, "passport", "passport_expired"),
            {"identity": "expired"},
            Problem("identity", "expired", "R-ID-3"),
        ),
        Scenario(
            "expired_permit",
            "the titre de séjour expired before the as-of date",
            _swap(BASE, "permit", "permit_expired"),
            {"residence_permit": "expired"},
            Problem("residence_permit", "expired", "R-TS-2"),
        ),
        Scenario(
            "permit_missing",
            "a non-EU national without any titre de séjour",
            _without(BASE, "permit"),
            {"residence_permit": "missing"},
            Problem("residence_permit", "requirement_missing", "R-TS-1"),
        ),
        Scenario(
            "two_bills",
            "only two bills",
            _without(BASE, "bill_2"),
            {"proof_of_residence": "missing"},
            Problem("proof_of_residence", "too_few_bills", "R-RES-1"),
        ),
        Scenario(
            "gap_month",
            "three bills with a month missing between them",
            _swap(BASE, "bill_1", "bill_3"),
            {"proof_of_residence": "invalid"},
            Problem("proof_of_residence", "bills_not_successive", "R-RES-1"),
        ),
        Scenario(
            "stale_bills",
            "three successive bills, the latest over six months old",
            _without(BASE, *_BILLS) + ("bill_6", "bill_7", "bill_8"),
            {"proof_of_residence": "expired"},
            Problem("proof_of_residence", "proof_too_old", "R-RES-2"),
        ),
        Scenario(
            "bills_other_name",
            "three bills in someone else's name and no attestation d'hébergement",
            _without(BASE, *_BILLS) + ("bill_other_0", "bill_other_1", "bill_other_2"),
            {"proof_of_residence": "invalid", "name_consistency": "invalid"},
            Problem("proof_of_residence", "other_name", "R-RES-3"),
        ),
        Scenario(
            "attestation_without_host_id",
            "hosted applicant whose host's identity document is missing",
            _without(HOSTED, "host_id"),
            {"proof_of_residence": "invalid"},
            Problem("proof_of_residence", "host_identity_missing", "R-HEB-3"),
            inferred=("hosted",),
        ),
        Scenario(
            "bad_iban",
            "a RIB whose IBAN fails its mod-97 check (two check digits misprinted)",
            _swap(BASE, "rib", "rib_bad_iban"),
            {"bank_details": "invalid"},
            Problem("bank_details", "iban_invalid", "R-RIB-1"),
        ),
        Scenario(
            "rib_other_name",
            "a RIB in someone else's name",
            _swap(BASE, "rib", "rib_other"),
            {"bank_details": "invalid", "name_consistency": "invalid"},
            Problem("bank_details", "other_name", "R-RIB-4"),
        ),
        Scenario(
            "bills_other_address",
            "three bills in her name at another address than the form's",
            _without(BASE, *_BILLS) + ("bill_elsewhere_0", "bill_elsewhere_1", "bill_elsewhere_2"),
            {"proof_of_residence": "warning"},
            Problem("proof_of_residence", "address_mismatch", "R-X-2"),
        ),
        Scenario(
            "blurred_passport",
            "the passport scan is blurred but still read: a warning on the file",
            _swap(BASE, "passport", "passport_blurred"),
            {},
            file_problem=("passport_blurred", "scan_blurred", "R-SCAN-3"),
        ),
        Scenario(
            "no_apostille",
            "a Mexican birth certificate without its apostille",
            _swap(BASE, "birth", "birth_no_apostille"),
            {"birth_certificate": "invalid"},
            Problem("birth_certificate", "apostille_missing", "R-APO-3"),
        ),
        Scenario(
            "untranslated_certificate",
            "a Spanish-language birth certificate without translation: Spanish is accepted "
            "untranslated (R-TR-2), so this is a note, not a failure",
            _swap(BASE, "birth", "birth_untranslated"),
            {},
            Problem("birth_certificate", "translation_not_required", "R-TR-2"),
        ),
        Scenario(
            "no_photo",
            "no ID photo: in puma its absence only warns",
            _without(BASE, "photo"),
            {"id_photo": "warning"},
            Problem("id_photo", "requirement_missing", None),
        ),
        Scenario(
            "two_face_photo",
            "an ID photo showing two people",
            _swap(BASE, "photo", "photo_two_faces"),
            {"id_photo": "invalid"},
            Problem("id_photo", "photo_face_count", "R-PHO-1"),
        ),
        Scenario(
            "name_mismatch",
            "the birth certificate is her sibling's: another person, another birth date",
            _swap(BASE, "birth", "birth_sibling"),
            {"name_consistency": "invalid"},
            Problem("name_consistency", "name_mismatch", "R-X-1"),
        ),
        Scenario(
            "married_name",
            "the birth certificate gives another surname (a birth vs usage name): a warning, "
            "the volunteer asks for the marriage certificate (R-BC-4)",
            _swap(BASE, "birth", "birth_married_name"),
            {"name_consistency": "warning"},
            Problem("name_consistency", "name_drift", "R-X-1"),
        ),
        Scenario(
            "employed_without_payslip",
            "checked with --situation employed, no payslip or contract",
            BASE,
            {"employment_proof": "missing"},
            Problem("employment_proof", "requirement_missing", None),
            situations=("employed",),
        ),
    ]
}

# ------------------------------------------------------------------------- building


def _sub(seed: int, label: str) -> random.Random:
    return random.Random(f"scenarios:{seed}:{label}")


def people(seed: int, as_of: date) -> dict[str, Person]:
    """Everyone who appears in the scenarios, drawn from the seed."""
    applicant = make_person(_sub(seed, "applicant"), "MEX", as_of, min_age=22, max_age=45)
    host = make_person(_sub(seed, "host"), "FRA", as_of, min_age=35, max_age=70)
    other = make_person(_sub(seed, "other"), "FRA", as_of, min_age=30, max_age=60)
    eu = make_person(_sub(seed, "eu"), "ITA", as_of, min_age=22, max_age=45)
    maiden = next(
        s for s in (other.surname, "FONTAINE", "MOREL") if s.upper() != applicant.surname.upper()
    )
    kin = make_person(_sub(seed, "sibling"), "MEX", as_of, min_age=22, max_age=45)
    given = next(g for g in (kin.given_names, "Luis", "Ana") if g != applicant.given_names)
    return {
        "applicant": applicant,
        "hosted": dataclasses.replace(applicant, address=host.address),
        "host": host,
        "other": other,
        "maiden": dataclasses.replace(applicant, surname=maiden),
        "sibling": dataclasses.replace(
            applicant, given_names=given, birth_date=kin.birth_date, birth_place=kin.birth_place
        ),
        "eu": eu,
    }


def build_role(seed: int, name: str, as_of: date, cast: dict[str, Person]) -> Doc:
    """The document of role ``name``: the same for the same seed, whatever the scenario."""
    role = ROLES[name]
    opts = dict(role.opts)
    if role.holder:
        h = cast[role.holder]
        opts["holder"] = f"{h.given_names} {h.surname.upper()}"
    if role.address_of:
        opts["address"] = cast[role.address_of].address
    if role.type == "hosting_attestation":
        opts["host"] = cast["host"]
    if "issued_days_ago" in opts:
        opts["issue_date"] = as_of - timedelta(days=opts.pop("issued_days_ago"))
    doc = BUILDERS[role.type][0](Ctx(_sub(seed, f"role:{name}"), as_of, cast[role.person], opts))
    if role.tamper == "bad_iban":
        _misprint_iban(doc)
    if role.tamper == "first_page_only":  # "Page 1/2" printed, page 2 not sent (R-SCAN-5)
        doc.pages = doc.pages[:1]
    return doc


def _misprint_iban(doc: Doc) -> None:
    """Change the IBAN's two check digits wherever it is printed: mod 97 then fails,
    while the bank, branch, account and clé RIB stay right (R-RIB-1, not R-RIB-2)."""
    iban = doc.fields["iban"]
    bad = iban[:2] + f"{(int(iban[2:4]) + 11) % 89 + 2:02d}" + iban[4:]
    assert bad != iban

    def fix(page: Page) -> None:
        for i, op in enumerate(page.ops):
            if isinstance(op, Group):
                fix(op.page)
            elif isinstance(op, Text) and iban[4:12] in op.s.replace(" ", ""):
                spaced = op.s.replace(" ", "")
                at = spaced.find(iban[:4])
                if at >= 0:  # the IBAN itself, grouped by four or not
                    page.ops[i] = dataclasses.replace(op, s=op.s.replace(iban[:4], bad[:4], 1))

    for page in doc.pages:
        fix(page)
    doc.fields = {**doc.fields, "iban": bad, "iban_valid": False}


def _write(doc: Doc, folder: str, rng: random.Random, as_of: date, how: dict) -> dict:
    """Write ``doc`` into ``folder``: a clean JPEG scan (``form`` "scan": cards and
    passport pages cropped on a scanner bed), else through ``output.emit``."""
    if how.get("form") != "scan":
        return output.emit(doc, folder, output.Namer(rng, as_of), rng, as_of, **how)
    dpi = how["dpi"]
    pages = doc.pages
    if doc.medium in ("card", "booklet"):
        pages = output.compose(doc, rng, "crop")
    images = [render_raster(pg, dpi).convert("RGB") for pg in pages]
    name = f"scan{len(os.listdir(folder)):03d}.jpg"
    output.write_images(images[:1], "jpeg", os.path.join(folder, name), dpi, 90, as_of)
    return {
        "expected_type": doc.type,
        "layout": doc.layout,
        "medium": doc.medium,
        "lang": doc.lang,
        "path": name,
        "form": "jpeg",
        "mime": "image/jpeg",
        "pages": 1,
        "dpi": dpi,
        "damage": [{"kind": "compression", "codec": "jpeg", "quality": 90}],
        "fields": doc.fields,
    }


def _blur(path: str, entry: dict) -> None:
    """Blur a written JPEG scan (2 px at 300 dpi: 1 px at the 150 dpi quality looks at)."""
    with Image.open(path) as img:
        blurred = img.convert("RGB").filter(ImageFilter.GaussianBlur(2.0 * entry["dpi"] / 300))
    blurred.save(path, "JPEG", quality=88, dpi=(entry["dpi"], entry["dpi"]))
    entry["damage"] = [*entry["damage"], {"kind": "blur", "radius": 2.0 * entry["dpi"] / 300}]


def generate_scenarios(
    seed: int = DEFAULT_SEED,
    parent: str = "scenarios",
    as_of: date = DEFAULT_AS_OF,
    only: list[str] | None = None,
) -> dict:
    """One folder per scenario under ``parent`` (emptied first) and
    ``parent/scenarios.json`` with what each must get. Each role is built once
    and copied into every scenario that uses it."""
    names = only or list(SCENARIOS)
    if os.path.isdir(parent):
        shutil.rmtree(parent)
    os.makedirs(parent)
    cast = people(seed, as_of)
    stock: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="scenario-stock-") as tmp:
        index: dict = {
            "seed": seed,
            "as_of": as_of.isoformat(),
            "profile": "puma",
            "synthetic": True,
            "scenarios": {},
        }
        for name in names:
            sc = SCENARIOS[name]
            folder = os.path.join(parent, name)
            os.makedirs(folder)
            namer = output.Namer(_sub(seed, f"names:{name}"), as_of)
            files = []
            for role in sc.roles:
                if role not in stock:
                    doc = build_role(seed, role, as_of, cast)
                    rng = _sub(seed, f"emit:{role}")
                    entry = _write(doc, tmp, rng, as_of, ROLES[role].emit)
                    if ROLES[role].tamper == "blur":
                        _blur(os.path.join(tmp, entry["path"]), entry)
                    stock[role] = entry
                entry = stock[role]
                target = namer.name(entry["form"], phone=entry["expected_type"] == "id_photo")
                shutil.copyfile(os.path.join(tmp, entry["path"]), os.path.join(folder, target))
                files.append({"role": role, **entry, "path": target})
            index["scenarios"][name] = {
                "summary": sc.summary,
                "situations": list(sc.situations),
                "inferred": list(sc.inferred),
                "complete": sc.complete,
                "expected": sc.expected,
                "problem": dataclasses.asdict(sc.problem) if sc.problem else None,
                "file_problem": list(sc.file_problem) if sc.file_problem else None,
                "files": files,
            }
    with open(os.path.join(parent, "scenarios.json"), "w", encoding="utf-8") as fh:
        json.dump(index, fh, ensure_ascii=False, indent=1, default=str)
        fh.write("\n")
    return index


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", required=True, help="parent folder (emptied first)")
    ap.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_AS_OF)
    ap.add_argument("--only", nargs="*", choices=sorted(SCENARIOS), help="some scenarios only")
    args = ap.parse_args(argv)
    index = generate_scenarios(args.seed, args.out, args.as_of, args.only)
    for name, sc in index["scenarios"].items():
        print(f"{name}: {len(sc['files'])} files, complete={sc['complete']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
