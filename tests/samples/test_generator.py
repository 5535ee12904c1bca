"""The specimen generator itself (samples/): every layout builds with valid identifiers,
the corpus manifest says what each file is, and output depends only on the seed."""

from __future__ import annotations

import hashlib
import json
import random
import re
from datetime import date
from pathlib import Path

import pytest

from dossier_check.fields.iban import iban_valid
from samples import mrzgen
from samples.generate import generate_corpus
from samples.identifiers import nir_key, rib_key
from samples.people import make_person
from samples.specimens import (
    CONTRACT_TYPES,
    HELD_OUT_LAYOUTS,
    build,
    faces,
    heldout_options,
    layout_options,
)
from samples.specimens.common import Ctx

AS_OF = date(2026, 11, 15)
TYPES_WITHOUT_DISTRACTORS = [t for t in CONTRACT_TYPES if t != "unknown"]


def _build(t: str, opts: dict, seed: int = 5, nat: str = "SEN"):
    rng = random.Random(f"test:{t}:{sorted(opts.items())}:{seed}")
    return build(t, Ctx(rng, AS_OF, make_person(rng, nat, AS_OF), dict(opts)))


def _check_identifiers(doc) -> None:
    f = doc.fields
    if "mrz" in f:
        assert mrzgen.verify(f["mrz"]), (doc.layout, f["mrz"])
        assert f["mrz_valid"] is True
    if doc.type == "rib":
        assert iban_valid(f["iban"]), (doc.layout, f["iban"])
        if f.get("country") == "FR":
            ok = rib_key(f["bank_code"], f["branch_code"], f["account_number"]) == f["rib_key"]
            assert ok == f["rib_key_valid"], doc.layout
    if f.get("nir"):
        assert nir_key(f["nir"][:13]) == f["nir"][13:], doc.layout


@pytest.mark.parametrize("type_id", CONTRACT_TYPES)
def test_every_regular_layout_builds_with_valid_identifiers(type_id):
    seen = set()
    for opts in layout_options(type_id):
        doc = _build(type_id, opts)
        assert doc.type == type_id
        assert doc.layout.startswith(type_id + "/")
        assert doc.layout not in HELD_OUT_LAYOUTS
        assert doc.pages or doc.image is not None
        _check_identifiers(doc)
        seen.add(doc.layout)
    assert len(seen) >= 3, seen


@pytest.mark.parametrize("type_id", CONTRACT_TYPES)
def test_every_type_has_a_held_out_family(type_id):
    opts = heldout_options(type_id)
    assert opts, f"{type_id} has no held-out layout"
    for o in opts:
        doc = _build(type_id, o)
        assert doc.type == type_id
        assert doc.layout in HELD_OUT_LAYOUTS
        _check_identifiers(doc)


def test_distractor_kinds_and_near_misses_are_unknown():
    kinds = layout_options("unknown") + heldout_options("unknown")
    assert len(kinds) >= 12
    for o in kinds:
        doc = _build("unknown", o)
        assert doc.type == "unknown"
    # a bank statement shows an IBAN but is not a RIB (CONTRACT: rib = relevé d'identité)
    st = _build("unknown", {"variant": "bank-statement"})
    assert st.fields["is_rib"] is False


@pytest.mark.slow
def test_photos_with_faces_show_them_and_object_photos_do_not():
    for o in layout_options("id_photo") + heldout_options("id_photo"):
        doc = _build("id_photo", o)
        assert faces.count_faces(doc.image) >= 1, doc.layout
        assert doc.fields["faces"] >= 1
    for pic in faces.OBJECTS:
        img, _ = faces.object_photo(random.Random(1), pic)
        assert faces.count_faces(img) == 0, pic


# --------------------------------------------------------------------------- corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus") / "c"
    manifest = generate_corpus(123, str(out), AS_OF, count_per_type=2, jobs=2)
    return out, manifest


NAME_WORDS = re.compile(
    r"passe?port|rib|iban|bill|facture|bail|lease|photo|birth|naissance|payslip|salaire|"
    r"contrat|permit|titre|attestation|cni|identit",
    re.IGNORECASE,
)


@pytest.mark.slow
def test_corpus_manifest_describes_every_file(corpus):
    out, m = corpus
    on_disk = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == m
    files = m["files"]
    assert m["held_out_layouts"] == sorted(HELD_OUT_LAYOUTS)
    names = {f["path"] for f in files}
    assert len(names) == len(files)
    assert {p.name for p in out.iterdir()} == names | {"manifest.json"}
    for f in files:
        for key in ("path", "expected_type", "layout", "held_out", "form", "dpi", "damage"):
            assert key in f, (f["id"], key)
        assert isinstance(f["damaged"], bool)
        assert not NAME_WORDS.search(f["path"]), f["path"]
        if f["layout"] != "bundle":
            assert f["held_out"] == (f["layout"] in HELD_OUT_LAYOUTS)
        kinds = {d["kind"] for d in f["damage"]}
        expect = bool(kinds & {"phone_capture", "rotate", "blur"}) or (
            f["dpi"] is not None and f["dpi"] <= 150
        )
        assert f["damaged"] == expect, f["id"]
    by_type = m["counts"]["by_type"]
    for t in TYPES_WITHOUT_DISTRACTORS:
        assert by_type.get(t, 0) >= 2, t
    assert by_type["unknown"] >= 4
    assert any(f.get("parts") for f in files), "no multi-document PDF"
    assert any(f.get("duplicate_of") for f in files), "no duplicate"
    forms = {f["form"] for f in files}
    assert {"pdf_text", "pdf_image", "jpeg", "tiff", "heic"} <= forms
    assert any(f["form"] == "pdf_image" and f["pages"] > 1 for f in files)
    assert any(f["held_out"] for f in files)
    assert 0.3 < m["counts"]["damaged"] / len(files) < 0.7


@pytest.mark.slow
def test_corpus_is_deterministic_and_independent_of_jobs(corpus, tmp_path):
    out, m = corpus
    again = generate_corpus(123, str(tmp_path / "c"), AS_OF, count_per_type=2, jobs=1)
    assert again == m
    for f in m["files"]:
        a = hashlib.sha256((out / f["path"]).read_bytes()).hexdigest()
        b = hashlib.sha256((tmp_path / "c" / f["path"]).read_bytes()).hexdigest()
        assert a == b, f["path"]


@pytest.mark.slow
def test_corpus_scales_to_the_benchmark_size():
    """count_per_type=30 plans at least 400 files with at least 60 distractors (not
    generated here: planning only)."""
    from samples.generate import _corpus_plan

    plan = _corpus_plan(9, 30)
    assert len(plan) >= 400
    assert sum(1 for j in plan if j["type"] == "unknown") >= 60
    held = [
        j
        for j in plan
        if j["type"] != "bundle" and j["opts"].get("variant", "").startswith("heldout")
    ]
    assert len(held) >= 60


def test_corpus_plan_only_some_types():
    """only= plans exactly those types and counts (benchmarks/fields.py), no extras,
    some from the held-out families, half damaged; unknown types are refused."""
    from collections import Counter

    from samples.generate import _corpus_plan

    plan = _corpus_plan(9, None, only={"passport": 20, "rib": 3})
    assert Counter(j["type"] for j in plan) == {"passport": 20, "rib": 3}
    assert all("duplicate_of" not in j and "parts" not in j for j in plan)
    passports = [j for j in plan if j["type"] == "passport"]
    assert sum(j["opts"].get("variant", "").startswith("heldout") for j in passports) == 3
    assert sum(j["damaged"] for j in passports) == 10
    with pytest.raises(ValueError, match="unknown document types"):
        generate_corpus(9, "/nonexistent/never-made", AS_OF, only={"pasport": 1})
