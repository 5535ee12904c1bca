"""How often the applicant's address is read from generated documents (R-RES-4, R-X-2).

    .venv/bin/python samples/generate.py --seed 11 --out /tmp/q11 --count-per-type 8
    .venv/bin/python scripts/address_accuracy.py /tmp/q11 [/tmp/q12 ...]

Every corpus file whose manifest gives an address (bills' ``service_address``,
leases', attestations' and forms' ``address``) goes through the real analysis
(OCR cached in the user cache); :func:`dossier_check.fields.address.find_addresses`
must find that address among those it reads. Prints, per type and per clean /
damaged file, how many were found.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_check.analyse import analyse_file  # noqa: E402
from dossier_check.api import Options  # noqa: E402
from dossier_check.fields.address import find_addresses, same_address  # noqa: E402

KEYS = ("service_address", "address")


def main() -> int:
    seen: Counter[tuple[str, bool]] = Counter()
    found: Counter[tuple[str, bool]] = Counter()
    misses = []
    for root in map(Path, sys.argv[1:]):
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        options = Options(as_of=date.fromisoformat(manifest["as_of"]))
        for entry in manifest["files"]:
            truth = next((entry["fields"][k] for k in KEYS if k in entry.get("fields", {})), None)
            if not truth:
                continue
            want = find_addresses(f"{truth['street']}, {truth['postcode']} {truth['city']}")
            doc = analyse_file(entry["path"], root / entry["path"], options)
            got = find_addresses(doc.text)
            key = (entry["expected_type"], bool(entry["damaged"]))
            seen[key] += 1
            if want and any(same_address(want[0], g) for g in got):
                found[key] += 1
            else:
                misses.append((entry["path"], key, str(want[0]) if want else truth, got[:2]))
    for key in sorted(seen):
        label = f"{key[0]} ({'damaged' if key[1] else 'clean'})"
        print(f"{label:34s} {found[key]:3d} / {seen[key]:3d}")
    total = sum(seen.values())
    print(f"{'all':34s} {sum(found.values()):3d} / {total:3d}")
    for m in misses:
        print("missed:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
