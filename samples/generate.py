"""Deterministic generator of synthetic specimen documents and sample dossiers.

    python samples/generate.py --seed 7 --out /tmp/corpus [--count-per-type K] [--as-of D]
    python samples/generate.py --dossiers samples/dossiers      # the three committed ones

Everything is invented (people, issuers, numbers). The same seed and as-of date give
byte-identical files. Library use:

    from samples.generate import generate_corpus, generate_dossier
    manifest = generate_corpus(7, "/tmp/corpus")
    manifest = generate_dossier(1, "/tmp/d/complete", date(2026, 11, 15), "complete")
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from datetime import date

if __package__ in (None, ""):  # run as a script: make `samples` importable as a package
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [x for x in sys.path if os.path.abspath(x or ".") != _here]
    sys.path.insert(0, os.path.dirname(_here))

from samples import output  # noqa: E402
from samples.people import EU, NON_EU, NON_FRENCH_CERT, Person, make_person  # noqa: E402
from samples.specimens import BUILDERS, CONTRACT_TYPES  # noqa: E402
from samples.specimens.civil import STYLE_NATION  # noqa: E402
from samples.specimens.common import Ctx, Doc  # noqa: E402
from samples.specimens.identity import PASSPORT  # noqa: E402

DEFAULT_AS_OF = date(2026, 11, 15)
SCENARIOS = ("complete", "missing_rib", "missing_residence")
SCHEMA_VERSION = 1


def _sub(seed: int, label: str) -> random.Random:
    """An independent, reproducible stream per purpose (str seeds hash with SHA-512)."""
    return random.Random(f"{seed}:{label}")


def _write_manifest(manifest: dict, path: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2, sort_keys=False)
        fh.write("\n")


def _clean_dir(out_dir: str) -> None:
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    os.makedirs(out_dir)


# ------------------------------------------------------------------------------ corpus


def _corpus_jobs(seed: int, as_of: date, count_per_type: int | None) -> list[tuple]:
    """(type, layout, opts, nationality) for every corpus document, in a fixed order."""
    rng = _sub(seed, "plan")
    jobs: list[tuple] = []
    passport_nats = sorted(PASSPORT)
    rng.shuffle(passport_nats)
    for t in CONTRACT_TYPES:
        layouts = list(BUILDERS[t][1])
        n = count_per_type if count_per_type is not None else len(layouts)
        off = rng.randrange(len(layouts)) if count_per_type is not None else 0
        for i in range(n):
            lay = layouts[(off + i) % len(layouts)]
            opts: dict = {}
            nat = rng.choice(NON_EU + EU)
            if t == "passport":
                opts["variant"] = lay
                nat = passport_nats[i % len(passport_nats)]
            elif t == "birth_certificate":
                opts["style"] = lay
                nat = STYLE_NATION[lay]
                if i == 0:
                    opts.update(apostille=True, translation=True)
            elif t == "utility_bill":
                opts.update(kind=lay, style="abc"[i % 3])
            else:
                opts["variant"] = lay
            if t == "residence_permit":
                nat = rng.choice(NON_EU)
            if t == "national_id" and lay == "eea-td1":
                nat = rng.choice(EU)
            jobs.append((t, lay, opts, nat))
    # a few unfit documents the checker must flag
    jobs.append(("passport", "classic", {"variant": "classic", "expired": True}, "MAR"))
    jobs.append(
        ("residence_permit", "titre-card", {"variant": "titre-card", "expired": True}, "SEN")
    )
    jobs.append(("residence_permit", "vls-ts", {"variant": "vls-ts", "a_solliciter": True}, "TUN"))
    return jobs


def generate_corpus(
    seed: int, out_dir: str, as_of: date = DEFAULT_AS_OF, count_per_type: int | None = None
) -> dict:
    """One file per layout of every contract type (or `count_per_type` files per type,
    cycling through the layouts), plus a few expired/unfit ones; writes manifest.json."""
    _clean_dir(out_dir)
    jobs = _corpus_jobs(seed, as_of, count_per_type)
    namer = output.Namer(_sub(seed, "names"), as_of)
    files = []
    forced = {"tiff": False, "heic": False, "pdf_apostille": False}
    for k, (t, _lay, opts, nat) in enumerate(jobs):
        rng = _sub(seed, f"doc{k}")
        person = make_person(rng, nat, as_of)
        doc: Doc = BUILDERS[t][0](Ctx(rng, as_of, person, dict(opts)))
        kw: dict = {"severity": "rough" if rng.random() < 0.25 else "mild"}
        multi = len(doc.pages) > 1 and doc.medium not in ("card", "booklet")
        if (
            t == "birth_certificate"
            and doc.fields.get("has_apostille")
            and not forced["pdf_apostille"]
        ):
            kw["form"] = "pdf_image"
            forced["pdf_apostille"] = True
        elif multi and not forced["tiff"]:
            kw["form"] = "tiff"
            forced["tiff"] = True
        elif t == "id_photo" and not forced["heic"]:
            kw["form"] = "heic"
            forced["heic"] = True
        entry = output.emit(doc, out_dir, namer, rng, as_of, **kw)
        entry = {"id": f"{t}-{k:03d}", **entry}
        files.append(entry)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "kind": "corpus",
        "generator": "samples/generate.py",
        "seed": seed,
        "as_of": as_of.isoformat(),
        "count_per_type": count_per_type,
        "synthetic": True,
        "files": files,
    }
    _write_manifest(manifest, os.path.join(out_dir, "manifest.json"))
    return manifest


# ----------------------------------------------------------------------------- dossiers


def _applicant(seed: int, as_of: date) -> Person:
    rng = _sub(seed, "applicant")
    return make_person(rng, rng.choice(NON_FRENCH_CERT), as_of, min_age=22, max_age=45)


EXPECTED = {
    "complete": {
        "complete": True,
        "requirements": {
            "identity": "ok",
            "residence_permit": "ok",
            "birth_certificate": "ok",
            "proof_of_residence": "ok",
            "bank_details": "ok",
            "id_photo": "ok",
            "employment_proof": "not_applicable",
            "name_consistency": "ok",
            "application_form": "ok",
        },
    },
}
EXPECTED["missing_rib"] = {
    "complete": False,
    "requirements": {**EXPECTED["complete"]["requirements"], "bank_details": "missing"},
}
EXPECTED["missing_residence"] = {
    "complete": False,
    "requirements": {**EXPECTED["complete"]["requirements"], "proof_of_residence": "missing"},
}


def generate_dossier(
    seed: int, out_dir: str, as_of: date = DEFAULT_AS_OF, scenario: str = "complete"
) -> dict:
    """One applicant's folder. The manifest goes BESIDE the folder (`<out_dir>.manifest.json`)
    because the checker reads every file inside it.

    Scenarios share the seed's documents byte for byte and differ only by what is left out:
    complete (non-EU applicant, not employed: passport, titre de séjour card, birth certificate
    + apostille + sworn translation, French RIB, three successive monthly bills, ID photo,
    signed S1106); missing_rib (no RIB); missing_residence (no bills)."""
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {SCENARIOS}")
    out_dir = os.path.normpath(out_dir)
    _clean_dir(out_dir)
    p = _applicant(seed, as_of)
    namer = output.Namer(_sub(seed, "names"), as_of)
    plan_rng = _sub(seed, "dossier-plan")
    bill_kind = plan_rng.choice(["electricity", "internet", "gas"])
    bill_style = plan_rng.choice("abc")
    bill_issuer = plan_rng.randrange(3)
    client_no = "".join(plan_rng.choice("0123456789") for _ in range(10))
    bill_dates = _sub(seed, "bill-date-style").choice(["num", "long", "dot"])
    passport_no = None

    # (role, type, opts, emit-kwargs); roles fixed so every scenario draws the same streams
    plan: list[tuple[str, str, dict, dict]] = [
        (
            "passport",
            "passport",
            {"variant": plan_rng.choice(["classic", "numbered", "ghost"]), "open_booklet": True},
            {"form": "jpeg", "composition": "crop", "dpi": 200, "allow_orientation": False},
        ),
        (
            "residence_permit",
            "residence_permit",
            {"variant": plan_rng.choice(["titre-card", "titre-card-b"])},
            {"form": "pdf_image", "composition": "a4", "dpi": 200, "allow_orientation": False},
        ),
        (
            "birth_certificate",
            "birth_certificate",
            {"apostille": True, "translation": True},
            {"form": "pdf_image", "dpi": 150, "allow_orientation": False, "gray": True},
        ),
        (
            "rib",
            "rib",
            {"variant": plan_rng.choice(["fr-classic", "fr-online"]), "letter": False},
            {"form": "pdf_text"},
        ),
    ]
    bill_forms = ["pdf_text", "pdf_text", plan_rng.choice(["pdf_image", "jpeg"])]
    for i in range(3):
        plan.append(
            (
                f"bill_{i + 1}",
                "utility_bill",
                {
                    "kind": bill_kind,
                    "style": bill_style,
                    "issuer_index": bill_issuer,
                    "months_back": 2 - i,
                    "date_style": bill_dates,
                    "client_number": client_no,
                    "span": 1,
                },
                {"form": bill_forms[i], "dpi": 200, "phone": False, "allow_orientation": False},
            )
        )
    plan += [
        ("id_photo", "id_photo", {"variant": "standard"}, {"form": "jpeg", "quality": 85}),
        (
            "application_form",
            "application_form",
            {"variant": "s1106-handwritten", "employed": False},
            {"form": "jpeg", "dpi": 200, "phone": False, "allow_orientation": False},
        ),
    ]
    omit = {"missing_rib": {"rib"}, "missing_residence": {"bill_1", "bill_2", "bill_3"}}.get(
        scenario, set()
    )
    files = []
    for role, t, opts, kw in plan:
        rng = _sub(seed, f"dossier:{role}")
        if t == "residence_permit" and passport_no:
            opts["passport_number"] = passport_no
        doc = BUILDERS[t][0](Ctx(rng, as_of, p, dict(opts)))
        if t == "passport":
            passport_no = doc.fields["document_number"]
        if role == "application_form":  # one scan a quarter-turn off: orientation handling
            kw = {**kw, "orientation": 90}
        entry_rng = _sub(seed, f"dossier-emit:{role}")
        if role in omit:
            namer.name(kw.get("form", "jpeg"))  # keep the names of the other files stable
            continue
        entry = output.emit(doc, out_dir, namer, entry_rng, as_of, **kw)
        files.append({"role": role, **entry})
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "kind": "dossier",
        "generator": "samples/generate.py",
        "seed": seed,
        "as_of": as_of.isoformat(),
        "scenario": scenario,
        "synthetic": True,
        "profile": "puma",
        "dossier": os.path.basename(out_dir),
        "applicant": {**p.truth(), "birth_place": p.birth_place, "address": p.address.as_dict()},
        "expected": {**EXPECTED[scenario], "situations": []},
        "files": files,
    }
    _write_manifest(manifest, out_dir + ".manifest.json")
    return manifest


COMMITTED = (
    ("complete", "complete"),
    ("missing-rib", "missing_rib"),
    ("missing-residence", "missing_residence"),
)
COMMITTED_SEED = 2026


def generate_committed(
    parent: str, seed: int = COMMITTED_SEED, as_of: date = DEFAULT_AS_OF
) -> list[dict]:
    """The three sample dossiers committed under samples/dossiers/."""
    os.makedirs(parent, exist_ok=True)
    return [
        generate_dossier(seed, os.path.join(parent, folder), as_of, scenario)
        for folder, scenario in COMMITTED
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=COMMITTED_SEED)
    ap.add_argument("--out", help="corpus output folder (emptied first)")
    ap.add_argument(
        "--count-per-type",
        type=int,
        default=None,
        help="files per document type (default: one per layout)",
    )
    ap.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_AS_OF)
    ap.add_argument("--dossier", help="write one dossier folder here (manifest beside it)")
    ap.add_argument("--scenario", choices=SCENARIOS, default="complete")
    ap.add_argument(
        "--dossiers",
        metavar="PARENT",
        help="write the three committed sample dossiers under PARENT",
    )
    args = ap.parse_args(argv)
    if not (args.out or args.dossier or args.dossiers):
        ap.error("give --out, --dossier or --dossiers")
    if args.out:
        m = generate_corpus(args.seed, args.out, args.as_of, args.count_per_type)
        print(f"{len(m['files'])} files in {args.out}")
    if args.dossier:
        m = generate_dossier(args.seed, args.dossier, args.as_of, args.scenario)
        print(f"{len(m['files'])} files in {args.dossier}")
    if args.dossiers:
        for m in generate_committed(args.dossiers, args.seed, args.as_of):
            print(f"{m['dossier']}: {len(m['files'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
