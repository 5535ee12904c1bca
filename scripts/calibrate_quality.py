"""Calibrate the scan-quality thresholds of dossier_check/quality.py.

    .venv/bin/python samples/generate.py --seed 11 --out /tmp/q11 --count-per-type 8
    .venv/bin/python scripts/calibrate_quality.py /tmp/q11 [/tmp/q12 ...] [--ocr]

For every scanned page of each corpus (text-layer pages have no scan to judge)
it prints the measures of :func:`dossier_check.quality.measure` grouped by the
manifest: clean, damaged (150 dpi / rotated), phone photos, blurred; and the
same clean pages made dark (brightness x0.45), faded (contrast x0.3), blurred
(Gaussian 2 px at 150 dpi) and cut (10 % off the bottom, 8 % off the left).
Then, per group, how many pages each finding fires on. ``--ocr`` also reads
each page with Tesseract (slow: 1-3 s a page) for the mean word confidence.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from PIL import ImageEnhance, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dossier_check import quality  # noqa: E402
from dossier_check.ingest import load_source  # noqa: E402
from dossier_check.model import TextSource  # noqa: E402

SYNTHETIC = {
    "syn-dark": lambda im, dpi: ImageEnhance.Brightness(im).enhance(0.45),
    "syn-faded": lambda im, dpi: ImageEnhance.Contrast(im).enhance(0.3),
    "syn-blur": lambda im, dpi: im.filter(ImageFilter.GaussianBlur(2.0 * (dpi or 150) / 150)),
    "syn-cut-bottom": lambda im, dpi: im.crop((0, 0, im.width, int(im.height * 0.9))),
    "syn-cut-left": lambda im, dpi: im.crop((int(im.width * 0.08), 0, im.width, im.height)),
}


def group(entry: dict) -> str:
    kinds = {s["kind"] for s in entry.get("damage", [])}
    if "phone_capture" in kinds:
        return "phone"
    if "blur" in kinds:
        return "blurred"
    if entry["damaged"]:
        return "damaged-other"
    return "clean"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="+", type=Path)
    ap.add_argument("--ocr", action="store_true")
    ap.add_argument("--json", type=Path, help="write every row here")
    args = ap.parse_args()
    engine = None
    if args.ocr:
        from dossier_check.cache import Cache
        from dossier_check.ocr import OcrEngine

        engine = OcrEngine(cache=Cache("ocr"))
    rows = []
    spent = 0.0
    for root in args.corpora:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        for entry in manifest["files"]:
            src = load_source(entry["path"], root / entry["path"], render_text_pages=False)
            for page in src.pages:
                if page.image is None or page.text_source is TextSource.TEXT_LAYER:
                    continue
                photo = entry["expected_type"] == "id_photo" or entry.get("medium") == "photo"
                variants = {group(entry): page.image}
                if not entry["damaged"] and not photo:
                    for name, fn in SYNTHETIC.items():
                        variants[name] = fn(page.image, page.dpi)
                conf = None
                if engine is not None:
                    conf = engine.read_page(page).ocr_confidence
                for name, image in variants.items():
                    t = time.perf_counter()
                    q = quality.measure(image, page.dpi)
                    spent += time.perf_counter() - t
                    found = quality.quality_findings(entry["path"], page.index + 1, q, photo=photo)
                    rows.append(
                        {
                            "corpus": str(root),
                            "path": entry["path"],
                            "page": page.index + 1,
                            "type": entry["expected_type"],
                            "group": "photo" if photo else name,
                            "dpi": q.dpi,
                            "sharpness": q.sharpness,
                            "paper_level": q.paper_level,
                            "ink_contrast": q.ink_contrast,
                            "cut": list(q.cut_sides),
                            "ocr_confidence": conf if name == group(entry) else None,
                            "codes": sorted(f.code for f in found),
                        }
                    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print(f"{len(rows)} page images, measure() {1000 * spent / max(1, len(rows)):.0f} ms each")
    by_group: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_group[r["group"]].append(r)
    for key in ("sharpness", "paper_level", "ink_contrast", "ocr_confidence"):
        print(f"\n{key}: min / 5th pct / median / max")
        for g, rs in sorted(by_group.items()):
            vals = sorted(r[key] for r in rs if r[key] is not None)
            if vals:
                pick = (vals[0], vals[len(vals) // 20], vals[len(vals) // 2], vals[-1])
                print(f"  {g:15s} n={len(vals):4d}  " + "  ".join(f"{v:7.3f}" for v in pick))
    print("\nfindings per group (pages with the finding / pages)")
    for g, rs in sorted(by_group.items()):
        counts = Counter(c for r in rs for c in set(r["codes"]))
        text = ", ".join(f"{c} {n}" for c, n in sorted(counts.items())) or "none"
        print(f"  {g:15s} {len(rs):4d} pages: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
