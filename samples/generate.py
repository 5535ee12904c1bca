"""Deterministic generator of synthetic specimen documents and sample dossiers.

    python samples/generate.py --seed 7 --out /tmp/corpus [--count-per-type K] [--as-of D]
                               [--jobs N]
    python samples/generate.py --dossier /tmp/d/x --scenario missing_rib

Everything is invented (people, issuers, numbers). The same seed and as-of date give
byte-identical files. Library use:

    from samples.generate import generate_corpus, generate_dossier
    manifest = generate_corpus(7, "/tmp/corpus", count_per_type=30, jobs=2)  # ~460 files
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
from samples.people import (  # noqa: E402
    EU,
    EU_MORE,
    NON_EU,
    NON_EU_MORE,
    NON_FRENCH_CERT,
    Person,
    make_person,
)
from samples.specimens import (  # noqa: E402
    BUILDERS,
    CONTRACT_TYPES,
    HELD_OUT_LAYOUTS,
    build,
    heldout_options,
    layout_options,
)
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

HELD_OUT_SHARE = 0.15  # of each type's files drawn from its held-out layout families
DISTRACTOR_FACTOR = 2  # distractors per type = 2 x count_per_type


def _person_nat(t: str, opts: dict, rng: random.Random, i: int, passport_nats: list[str]) -> str:
    if t == "passport":
        return passport_nats[i % len(passport_nats)]
    if t == "birth_certificate" and "style" in opts:
        return STYLE_NATION[opts["style"]]
    if t == "residence_permit":
        return rng.choice(NON_EU + NON_EU_MORE)
    if t == "national_id":
        if opts.get("variant") == "eea-td1":
            return rng.choice(EU + EU_MORE)
        return rng.choice(NON_EU + EU)
    return rng.choice(NON_EU + NON_EU_MORE + EU + EU_MORE)


def _corpus_plan(
    seed: int, count_per_type: int | None, only: dict[str, int] | None = None
) -> list[dict]:
    """Every corpus file as a job dict, in a fixed order (the order of the file names).

    `only` (type -> count) plans just those types, that many files each, and none of
    the extras (unfit documents, multi-document PDFs, duplicates)."""
    rng = _sub(seed, "plan")
    jobs: list[dict] = []
    passport_nats = sorted(PASSPORT)
    rng.shuffle(passport_nats)
    for t in CONTRACT_TYPES:
        if only is not None and t not in only:
            continue
        regular = layout_options(t)
        held = heldout_options(t)
        if only is not None:
            n = only[t]
            n_held = min(len(held) and max(1, round(n * HELD_OUT_SHARE)), n)
        elif count_per_type is None:
            n = len(regular) + len(held)
            n_held = len(held)
        else:
            n = count_per_type * (DISTRACTOR_FACTOR if t == "unknown" else 1)
            n_held = min(len(held) and max(1, round(n * HELD_OUT_SHARE)), n)
        off = rng.randrange(len(regular))
        chosen = [dict(regular[(off + i) % len(regular)]) for i in range(n - n_held)]
        chosen += [dict(held[i % len(held)]) for i in range(n_held)]
        rng.shuffle(chosen)
        flags = [i % 2 == 1 for i in range(n)]
        rng.shuffle(flags)
        for i, opts in enumerate(chosen):
            nat = _person_nat(t, opts, rng, i, passport_nats)
            jobs.append({"type": t, "opts": opts, "nat": nat, "damaged": flags[i]})
    if only is not None:
        return jobs
    # a multi-page birth certificate with apostille and translation, as an image PDF
    for j in jobs:
        if j["type"] == "birth_certificate" and "style" in j["opts"]:
            j["opts"].update(apostille=True, translation=True)
            j["form"] = "pdf_image"
            break
    # a few unfit documents the checker must flag
    jobs.append({"type": "passport", "opts": {"variant": "classic", "expired": True}, "nat": "MAR"})
    jobs.append(
        {
            "type": "residence_permit",
            "opts": {"variant": "titre-card", "expired": True},
            "nat": "SEN",
        }
    )
    jobs.append(
        {
            "type": "residence_permit",
            "opts": {"variant": "vls-ts", "a_solliciter": True},
            "nat": "TUN",
        }
    )
    for j in jobs[-3:]:
        j["damaged"] = rng.random() < 0.5
    # forms every corpus must contain at least once
    first = {}
    for j in jobs:
        first.setdefault((j["type"], j["opts"].get("variant")), j)
    if ("lease", "contract") in first:
        first[("lease", "contract")]["form"] = "tiff"
    if ("id_photo", "standard") in first:
        first[("id_photo", "standard")]["form"] = "heic"
    if ("rib", "fr-classic") in first:
        first[("rib", "fr-classic")].update(form="pdf_text", damaged=False)
    # several documents scanned into one PDF (CONTRACT: several_documents, parts)
    n_bundles = 2 if count_per_type is None else max(2, count_per_type // 8)
    bundle_types = [
        "passport",
        "residence_permit",
        "birth_certificate",
        "rib",
        "utility_bill",
        "lease",
        "hosting_attestation",
        "payslip",
        "employment_contract",
        "application_form",
        "insurance_certificate",
    ]
    for b in range(n_bundles):
        kinds = rng.sample(bundle_types, rng.choice([2, 2, 3]))
        nat = rng.choice(NON_EU)
        parts = []
        for t in kinds:
            opts = dict(rng.choice(layout_options(t)))
            if t == "birth_certificate":
                nat_b = STYLE_NATION[opts["style"]]
                opts.setdefault("apostille", False)
            else:
                nat_b = nat
            parts.append({"type": t, "opts": opts, "nat": nat_b})
        jobs.append({"type": "bundle", "parts": parts, "damaged": b % 2 == 1})
    # the same document twice: a second scan of an earlier file
    n_dup = 1 if count_per_type is None else max(1, count_per_type // 10)
    singles = [k for k, j in enumerate(jobs) if j["type"] not in ("bundle", "unknown")]
    for src in sorted(rng.sample(singles, n_dup)):
        jobs.append({**jobs[src], "duplicate_of": src, "damaged": not jobs[src]["damaged"]})
        jobs[-1].pop("form", None)
    return jobs


def _build_doc(seed: int, k: int, t: str, opts: dict, nat: str, as_of: date) -> Doc:
    rng = _sub(seed, f"doc{k}")
    person = make_person(rng, nat, as_of)
    return build(t, Ctx(rng, as_of, person, dict(opts)))


def _run_job(args: tuple) -> dict:
    """Build and write one corpus file under a temporary name (runs in a worker)."""
    seed, k, job, out_dir, as_of = args
    erng = _sub(seed, f"emit{k}")
    tmp = f"_tmp{k:05d}"
    if job["type"] == "bundle":
        docs = [_bundle_part(seed, k, i, p, as_of) for i, p in enumerate(job["parts"])]
        pages, parts = [], []
        for d in docs:
            pp = d.pages
            if d.medium in ("card", "booklet"):
                pp = output.compose(d, erng, "a4")
            parts.append(
                {
                    "pages": list(range(len(pages) + 1, len(pages) + len(pp) + 1)),
                    "type": d.type,
                    "layout": d.layout,
                    "held_out": d.layout in HELD_OUT_LAYOUTS,
                    "fields": d.fields,
                }
            )
            pages += pp
        bundle = Doc(docs[0].type, "bundle", pages, docs[0].fields, "paper", lang=docs[0].lang)
        entry = output.emit_corpus(
            bundle, out_dir, tmp, erng, as_of, damaged=job["damaged"], form="pdf_image"
        )
        entry["parts"] = parts
        entry["held_out"] = any(p["held_out"] for p in parts)
        return entry
    src = job.get("duplicate_of", k)
    doc = _build_doc(seed, src, job["type"], job["opts"], job["nat"], as_of)
    entry = output.emit_corpus(
        doc, out_dir, tmp, erng, as_of, damaged=job["damaged"], form=job.get("form")
    )
    entry["held_out"] = doc.layout in HELD_OUT_LAYOUTS
    return entry


def _bundle_part(seed: int, k: int, i: int, part: dict, as_of: date) -> Doc:
    rng = _sub(seed, f"doc{k}:{i}")
    person = make_person(_sub(seed, f"bundle-person{k}"), part["nat"], as_of)
    return build(part["type"], Ctx(rng, as_of, person, dict(part["opts"])))


def generate_corpus(
    seed: int,
    out_dir: str,
    as_of: date = DEFAULT_AS_OF,
    count_per_type: int | None = None,
    jobs: int | None = None,
    only: dict[str, int] | None = None,
) -> dict:
    """A labelled corpus in out_dir (emptied first) with manifest.json.

    count_per_type=None: one file per layout (held-out ones included) of every type.
    count_per_type=K: K files per contract type (about 15 % from held-out layouts) and 2K
    distractors, plus a few expired/unfit documents, multi-document PDFs and re-scanned
    duplicates: K=30 gives about 460 files. Half the files of each type are damaged.
    `jobs` worker processes (default: 1, in this process); the output does not depend
    on it. `only` (type -> count, e.g. {"passport": 100}) makes just those types, that
    many files each (held-out share and damaged half as above), without the extras;
    without it the output is unchanged."""
    unknown = sorted(set(only or ()) - set(CONTRACT_TYPES))
    if unknown:
        raise ValueError(f"unknown document types: {unknown}")
    _clean_dir(out_dir)
    plan = _corpus_plan(seed, count_per_type, only)
    args = [(seed, k, job, out_dir, as_of) for k, job in enumerate(plan)]
    if jobs and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            entries = list(pool.map(_run_job, args, chunksize=2))
    else:
        entries = [_run_job(a) for a in args]
    namer = output.Namer(_sub(seed, "names"), as_of)
    files = []
    for k, (job, entry) in enumerate(zip(plan, entries, strict=True)):
        hint = entry.pop("_name")
        name = namer.name(hint["form"], phone=hint["phone"])
        os.replace(os.path.join(out_dir, entry["path"]), os.path.join(out_dir, name))
        entry["path"] = name
        kind = job["type"] if job["type"] != "bundle" else "bundle"
        out = {"id": f"{kind}-{k:03d}", **entry}
        if "duplicate_of" in job:
            out["duplicate_of"] = f"{plan[job['duplicate_of']]['type']}-{job['duplicate_of']:03d}"
        files.append(_order(out))
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "kind": "corpus",
        "generator": "samples/generate.py",
        "seed": seed,
        "as_of": as_of.isoformat(),
        "count_per_type": count_per_type,
        **({"only": only} if only is not None else {}),
        "synthetic": True,
        "held_out_layouts": sorted(HELD_OUT_LAYOUTS),
        "counts": _counts(files),
        "files": files,
    }
    _write_manifest(manifest, os.path.join(out_dir, "manifest.json"))
    return manifest


_KEY_ORDER = (
    "id",
    "path",
    "expected_type",
    "layout",
    "held_out",
    "medium",
    "lang",
    "form",
    "mime",
    "pages",
    "dpi",
    "composition",
    "pixels",
    "damaged",
    "damage",
    "duplicate_of",
    "parts",
    "fields",
)


def _order(entry: dict) -> dict:
    return {k: entry[k] for k in _KEY_ORDER if k in entry} | {
        k: v for k, v in entry.items() if k not in _KEY_ORDER
    }


def _counts(files: list[dict]) -> dict:
    by_type: dict[str, int] = {}
    for f in files:
        by_type[f["expected_type"]] = by_type.get(f["expected_type"], 0) + 1
    return {
        "files": len(files),
        "by_type": dict(sorted(by_type.items())),
        "held_out": sum(1 for f in files if f["held_out"]),
        "damaged": sum(1 for f in files if f["damaged"]),
        "distractors": by_type.get("unknown", 0),
    }


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
    ap.add_argument("--jobs", type=int, default=1, help="worker processes for --out")
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
        m = generate_corpus(args.seed, args.out, args.as_of, args.count_per_type, args.jobs)
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
