"""Field accuracy on a generated corpus (issue 4's figures).

    .venv/bin/python benchmarks/fields.py --seed 43 [--count-per-type K] [--jobs 2]

For every file whose type was told right, compares each extracted field
with the manifest's ground truth: dates and identifiers exactly, names with
fields.names.compare_names (accents, case, order and civilities aside).
Prints per type and field: right/total, and the MRZ fully-valid rate.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from dossier_check import api  # noqa: E402
from dossier_check.fields.names import compare_names  # noqa: E402
from samples.generate import generate_corpus  # noqa: E402

AS_OF = date(2026, 11, 15)
NAME_FIELDS = {"surname", "given_names", "holder", "host", "hosted"}
CHECKED = {
    "passport": ["surname", "given_names", "birth_date", "expiry_date", "document_number"],
    "national_id": ["surname", "birth_date", "expiry_date", "document_number"],
    "residence_permit": ["surname", "birth_date", "expiry_date"],
    "birth_certificate": ["birth_date"],
    "rib": ["iban", "holder"],
    "utility_bill": ["issue_date", "period_end", "holder"],
    "lease": ["holder"],
    "hosting_attestation": ["host", "hosted"],
    "payslip": ["holder", "period_end"],
    "employment_contract": ["holder", "start_date"],
    "application_form": ["surname"],
}


def _analyse(args: tuple[str, str]) -> tuple[str, str, dict]:
    rel, path = args
    doc = api.analyse_file(rel, Path(path), api.Options(as_of=AS_OF, use_cache=False))
    return rel, doc.type, doc.fields


def _same(field: str, want: object, got: object) -> bool:
    if got is None:
        return False
    if field in NAME_FIELDS:
        return compare_names(str(want), str(got)) != "different"
    return str(want).replace(" ", "").upper() == str(got).replace(" ", "").upper()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=43)
    parser.add_argument("--count-per-type", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    args = parser.parse_args()
    corpus = args.out / f"fields-{args.seed}"
    manifest = generate_corpus(args.seed, str(corpus), AS_OF, args.count_per_type)
    entries = {e["path"]: e for e in manifest["files"] if e["expected_type"] in CHECKED}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(_analyse, [(r, str(corpus / r)) for r in sorted(entries)]))
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    mrz = Counter()
    for rel, got_type, fields in results:
        e = entries[rel]
        t = e["expected_type"]
        if got_type != t:
            continue
        truth = e.get("fields", {})
        if truth.get("mrz_format"):
            mrz["total"] += 1
            mrz["valid"] += bool(fields.get("mrz_valid"))
        for f in CHECKED[t]:
            if truth.get(f) in (None, ""):
                continue
            total[(t, f)] += 1
            if _same(f, truth[f], fields.get(f)):
                right[(t, f)] += 1
            elif args.verbose:
                print(
                    f"MISS {rel} [{e.get('layout')}] {t}.{f}: want {truth[f]!r} "
                    f"got {fields.get(f)!r}"
                )
    print(f"{'type.field':36} right/total")
    for key in sorted(total):
        print(f"{key[0] + '.' + key[1]:36} {right[key]}/{total[key]}")
    if mrz["total"]:
        print(f"MRZ fully valid: {mrz['valid']}/{mrz['total']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
