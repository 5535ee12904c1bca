"""Speed, cache, parallelism and memory of the tool against a naive OCR pass (issue 6).

    .venv/bin/python benchmarks/speed.py [--seed 6] [--dossiers 20] [--out DIR] [--skip-rss]
    .venv/bin/python benchmarks/speed.py --out DIR --batch-only   # the batch ratio again

Generates (deterministically from ``--seed``) one typical dossier (12 files,
about 16 pages: 300-dpi scans, phone photos, text-layer PDFs, an ID photo), a
batch of ``--dossiers`` such dossiers, and a dossier holding a 50-page
300-dpi scanned PDF, then measures in one run, each as a separate process:

- baseline: ``tesseract PAGE - -l fra+eng`` with ``OMP_THREAD_LIMIT=1`` on
  every page at its native resolution, serially (PDF pages, text-layer ones
  included, rendered at 300 dpi beforehand, outside the timing);
- the tool's first run on the dossier (``--jobs 1 --no-cache``);
- a run that fills an empty cache, then the cached re-run;
- the batch with ``--jobs 1`` and with ``--jobs 2`` (both ``--no-cache``);
- peak resident memory (summed over the process tree) of a check of the
  50-page dossier, ``--jobs 1`` and ``--jobs 2``;

and prints the raw seconds, the ratios against the issue's targets, the
number of text-layer pages that went through Tesseract, and the
classification and field accuracy over every file of the batch, so that
speed is never bought with accuracy. Run it with nothing else busy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.fields import same_value  # noqa: E402
from benchmarks.peak_rss import measure as peak_memory  # noqa: E402
from samples import output  # noqa: E402
from samples.people import NON_FRENCH_CERT, make_person  # noqa: E402
from samples.specimens import BUILDERS  # noqa: E402
from samples.specimens.common import Ctx  # noqa: E402

AS_OF = date(2026, 11, 15)
TOOL = [str(REPO / ".venv" / "bin" / "dossier-check")]
TARGETS = {  # issue 6
    "first run / baseline": ("<=", 0.8),
    "cached re-run / first run": ("<=", 0.05),
    "batch jobs 1 / batch jobs 2": (">=", 1.7),
}
RSS_TARGET_MIB = 400

#: (role, type, builder options, emit options): twelve files, about sixteen pages.
PLAN: list[tuple[str, str, dict, dict]] = [
    ("passport", "passport", {}, {"form": "jpeg", "composition": "crop", "dpi": 300}),
    (
        "residence_permit",
        "residence_permit",
        {},
        {"form": "jpeg", "phone": True, "composition": "crop"},
    ),
    (
        "birth_certificate",
        "birth_certificate",
        {"apostille": True, "translation": True},
        {"form": "pdf_image", "dpi": 300, "phone": False},
    ),
    ("rib", "rib", {}, {"form": "pdf_text"}),
    ("bill_1", "utility_bill", {"months_back": 2}, {"form": "pdf_text"}),
    ("bill_2", "utility_bill", {"months_back": 1}, {"form": "pdf_text"}),
    ("bill_3", "utility_bill", {"months_back": 0}, {"form": "jpeg", "phone": True}),
    ("id_photo", "id_photo", {"variant": "standard"}, {"form": "jpeg"}),
    ("application_form", "application_form", {}, {"form": "pdf_image", "dpi": 300}),
    ("payslip", "payslip", {}, {"form": "pdf_text"}),
    ("employment_contract", "employment_contract", {}, {"form": "pdf_image", "dpi": 300}),
    ("lease", "lease", {}, {"form": "pdf_image", "dpi": 300, "phone": False}),
]

#: Fields compared with the generator's ground truth (as in benchmarks/fields.py).
CHECKED = {
    "passport": ["surname", "birth_date", "expiry_date", "document_number"],
    "residence_permit": ["surname", "expiry_date"],
    "rib": ["iban"],
    "utility_bill": ["issue_date", "period_end"],
    "payslip": ["period_end"],
}


def _rng(seed: int, label: str) -> random.Random:
    return random.Random(f"speed:{seed}:{label}")


def make_dossier(seed: int, out_dir: Path) -> list[dict]:
    """One applicant's folder; returns the manifest entries (path, type, fields)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = _rng(seed, "person")
    person = make_person(rng, rng.choice(NON_FRENCH_CERT), AS_OF, min_age=22, max_age=45)
    namer = output.Namer(_rng(seed, "names"), AS_OF)
    bill_opts = {"kind": _rng(seed, "bill").choice(["electricity", "gas", "internet"]), "span": 1}
    entries = []
    for role, doc_type, opts, emit_opts in PLAN:
        opts = {**(bill_opts if doc_type == "utility_bill" else {}), **opts}
        doc = BUILDERS[doc_type][0](Ctx(_rng(seed, role), AS_OF, person, dict(opts)))
        try:
            entry = output.emit(
                doc, str(out_dir), namer, _rng(seed, f"emit:{role}"), AS_OF,
                allow_orientation=False, **emit_opts,
            )  # fmt: skip
        except ValueError:  # several pages cannot be one JPEG: a scanned PDF instead
            entry = output.emit(
                doc, str(out_dir), namer, _rng(seed, f"emit:{role}:pdf"), AS_OF,
                allow_orientation=False, **{**emit_opts, "form": "pdf_image"},
            )  # fmt: skip
        entries.append(entry)
    return entries


def make_long_pdf(batch: Path, out_dir: Path, pages: int = 50) -> None:
    """A dossier holding one scanned PDF of ``pages`` A4 pages at 300 dpi: the batch's
    PDF pages rasterised in turn, as a photocopier's batch scan gives them."""
    import pypdfium2 as pdfium

    images = []
    sources = sorted(p for p in batch.rglob("*") if p.suffix.lower() == ".pdf")
    while len(images) < pages:  # round again when the batch holds fewer pages
        for f in sources:
            pdf = pdfium.PdfDocument(str(f))
            for i in range(len(pdf)):
                if len(images) < pages:
                    images.append(pdf[i].render(scale=300 / 72, grayscale=True).to_pil())
            pdf.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    first, *rest = images
    first.save(out_dir / "scan_batch.pdf", save_all=True, append_images=rest, resolution=300)


def _make_batch_member(args: tuple[int, str]) -> tuple[str, list[dict]]:
    seed, folder = args
    return folder, make_dossier(seed, Path(folder))


def render_pages(dossier: Path, out: Path) -> list[Path]:
    """Every page of the dossier as an image tesseract can read: image files as they
    are, PDF pages rendered at 300 dpi."""
    import pypdfium2 as pdfium

    out.mkdir(parents=True, exist_ok=True)
    pages: list[Path] = []
    for f in sorted(dossier.iterdir()):
        if f.suffix.lower() == ".pdf":
            pdf = pdfium.PdfDocument(str(f))
            for i in range(len(pdf)):
                target = out / f"{f.stem}-{i}.png"
                pdf[i].render(scale=300 / 72).to_pil().save(target)
                pages.append(target)
            pdf.close()
        else:
            pages.append(f)
    return pages


def _children_cpu() -> float:
    """CPU seconds of every finished child process and their reaped descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def baseline(pages: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds of a plain Tesseract pass over ``pages``."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cpu, started = _children_cpu(), time.perf_counter()
    for page in pages:
        subprocess.run(
            ["tesseract", str(page), "-", "-l", "fra+eng"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        )  # fmt: skip
    return time.perf_counter() - started, _children_cpu() - cpu


def run_tool(args: list[str], cache_dir: Path | None, output_file: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the whole process tree) of one run of the tool."""
    env = dict(os.environ)
    env.pop("CI", None)
    if cache_dir is not None:
        env["DOSSIER_CHECK_CACHE_DIR"] = str(cache_dir)
    command = TOOL + args + ["--as-of", AS_OF.isoformat(), "--format", "json"]
    command += ["--debug", "--show-identifiers", "--output", str(output_file)]
    cpu, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return elapsed, _children_cpu() - cpu


def _without_debug(report: dict) -> list[dict]:
    return [{k: v for k, v in f.items() if k != "debug"} for f in report["files"]]


def accuracy(report: dict, truth: dict[str, list[dict]]) -> dict[str, object]:
    """Types and fields of every batch file against the manifests; text-layer pages OCR'd."""
    right = total = fields_right = fields_total = text_pages_ocrd = 0
    misses: list[str] = []
    for dossier in report["dossiers"]:
        by_path = {e["path"]: e for e in truth[dossier["dossier"]]}
        for f in dossier["files"]:
            entry = by_path[f["path"]]
            total += 1
            if f["type"] == entry["expected_type"]:
                right += 1
            else:
                misses.append(f"{entry['expected_type']}->{f['type']}")
            if entry["form"] == "pdf_text":
                text_pages_ocrd += f.get("debug", {}).get("pages_ocrd", 0)
            for name in CHECKED.get(entry["expected_type"], []):
                if name in entry["fields"]:
                    fields_total += 1
                    fields_right += same_value(name, entry["fields"][name], f["fields"].get(name))
    return {
        "types": (right, total),
        "fields": (fields_right, fields_total),
        "text_pages_ocrd": text_pages_ocrd,
        "misses": sorted(misses),
    }


def batch_only(root: Path | None) -> int:
    """The batch ratio again, on a batch a previous run left under ``root``."""
    if root is None or not (root / "batch").is_dir():
        sys.exit("--batch-only needs --out DIR holding a previous run's batch/")
    results = root / "results"
    results.mkdir(exist_ok=True)
    b = str(root / "batch")
    one = run_tool(["batch", b, "--jobs", "1", "--no-cache"], None, results / "b1.json")
    print(f"batch jobs 1   {one[0]:7.1f} s wall {one[1]:7.1f} s CPU", flush=True)
    two = run_tool(["batch", b, "--jobs", "2", "--no-cache"], None, results / "b2.json")
    print(f"batch jobs 2   {two[0]:7.1f} s wall {two[1]:7.1f} s CPU", flush=True)
    ratio = one[0] / two[0]
    verdict = "met" if ratio >= TARGETS["batch jobs 1 / batch jobs 2"][1] else "NOT MET"
    cpu = one[1] / two[1]
    print(f"batch jobs 1 / batch jobs 2   {ratio:.3f}   >= 1.7  {verdict}  (CPU {cpu:.3f})")
    same = (results / "b1.json").read_bytes() == (results / "b2.json").read_bytes()
    print(f"batch jobs 1 = jobs 2 output   {same}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--dossiers", type=int, default=20)
    parser.add_argument("--out", type=Path, help="keep the generated files here")
    parser.add_argument("--skip-rss", action="store_true", help="no 50-page memory run")
    parser.add_argument(
        "--batch-only",
        action="store_true",
        help="only the batch --jobs 1 / --jobs 2 runs, on the batch already under --out",
    )
    args = parser.parse_args(argv)
    if args.batch_only:
        return batch_only(args.out)
    if shutil.which("tesseract") is None or not Path(TOOL[0]).exists():
        sys.exit("needs tesseract and the venv (make setup)")

    root = args.out or Path(tempfile.mkdtemp(prefix="dossier-speed-"))
    root.mkdir(parents=True, exist_ok=True)
    batch = root / "batch"
    shutil.rmtree(batch, ignore_errors=True)
    jobs = [(args.seed * 100 + i, str(batch / f"client-{i:02d}")) for i in range(args.dossiers)]
    print(f"generating {args.dossiers} dossiers under {root} ...", flush=True)
    with ProcessPoolExecutor(2) as pool:
        truth = {Path(f).name: entries for f, entries in pool.map(_make_batch_member, jobs)}
    dossier = batch / "client-00"
    pages = render_pages(dossier, root / "rendered")
    n_files = len(truth["client-00"])
    print(f"typical dossier: {n_files} files, {len(pages)} pages", flush=True)

    results = root / "results"
    results.mkdir(exist_ok=True)
    t: dict[str, tuple[float, float]] = {}

    def show(key: str, label: str) -> None:
        wall, cpu = t[key]
        print(f"{label:30s} {wall:7.1f} s wall {cpu:7.1f} s CPU", flush=True)

    t["baseline"] = baseline(pages)
    show("baseline", "baseline (plain tesseract)")
    d = str(dossier)
    t["first"] = run_tool(["check", d, "--jobs", "1", "--no-cache"], None, results / "first.json")
    show("first", "first run (jobs 1, no cache)")
    cache = Path(tempfile.mkdtemp(prefix="speed-cache-")) / "cache"
    t["fill"] = run_tool(["check", d, "--jobs", "1"], cache, results / "fill.json")
    show("fill", "run filling the cache")
    t["cached"] = run_tool(["check", d, "--jobs", "1"], cache, results / "cached.json")
    show("cached", "cached re-run")
    shutil.rmtree(cache.parent, ignore_errors=True)
    b = str(batch)
    t["jobs1"] = run_tool(["batch", b, "--jobs", "1", "--no-cache"], None, results / "b1.json")
    show("jobs1", "batch jobs 1")
    t["jobs2"] = run_tool(["batch", b, "--jobs", "2", "--no-cache"], None, results / "b2.json")
    show("jobs2", "batch jobs 2")

    same = (results / "b1.json").read_bytes() == (results / "b2.json").read_bytes()
    acc = accuracy(json.loads((results / "b2.json").read_text()), truth)
    first = json.loads((results / "first.json").read_text())
    cached = json.loads((results / "cached.json").read_text())
    print()
    pairs = {
        "first run / baseline": ("first", "baseline"),
        "cached re-run / first run": ("cached", "first"),
        "batch jobs 1 / batch jobs 2": ("jobs1", "jobs2"),
    }
    print(f"{'wall-clock ratio':30s} {'value':>6s}   target        (CPU-time ratio)")
    for name, (a, b) in pairs.items():
        value, cpu_ratio = t[a][0] / t[b][0], t[a][1] / t[b][1]
        op, target = TARGETS[name]
        ok = value <= target if op == "<=" else value >= target
        verdict = "met" if ok else "NOT MET"
        print(f"{name:30s} {value:6.3f}   {op} {target:<5}  {verdict:8s} ({cpu_ratio:.3f})")
    r, n = acc["types"]
    fr, fn = acc["fields"]
    print(f"text-layer pages OCR'd         {acc['text_pages_ocrd']}")
    print(f"types right (batch)            {r}/{n} = {r / n:.1%}   misses: {acc['misses']}")
    print(f"fields exact (batch)           {fr}/{fn} = {fr / max(fn, 1):.1%}")
    same_files = _without_debug(first) == _without_debug(cached)
    print(f"cached report = first report   {same_files} (debug aside: it says 'cached')")
    print(f"batch jobs 1 = jobs 2 output   {same}")

    if not args.skip_rss:
        long_dossier = root / "long"
        shutil.rmtree(long_dossier, ignore_errors=True)
        make_long_pdf(batch, long_dossier)
        for n_jobs in (1, 2):
            command = TOOL + ["check", str(long_dossier), "--as-of", AS_OF.isoformat()]
            command += ["--no-cache", "--jobs", str(n_jobs), "--format", "json"]
            m = peak_memory(command)
            verdict = "met" if m["rss_mib"] <= RSS_TARGET_MIB else "NOT MET"
            print(
                f"50-page PDF, jobs {n_jobs}: peak summed RSS {m['rss_mib']:.0f} MiB "
                f"(PSS {m['pss_mib']:.0f}, largest process {m['largest_mib']:.0f}), "
                f"{m['seconds']:.0f} s   target <= {RSS_TARGET_MIB} MiB   {verdict}"
            )
    raw = {k: [round(wall, 2), round(cpu, 2)] for k, (wall, cpu) in t.items()}
    print(f"\nraw seconds [wall, CPU]: {json.dumps(raw)}")
    if not args.out:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
