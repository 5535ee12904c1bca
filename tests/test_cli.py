"""The command line end to end: exit codes, formats, contract JSON, masking."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dossier_check.cli import main
from tests.conftest import REPO

SAMPLES = REPO / "samples" / "dossiers"
AS_OF = "2026-11-15"
SCHEMA = json.loads((REPO / "dossier_check" / "report" / "schema_v1.json").read_text())


def manifest(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.manifest.json").read_text())


def tree_hash(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code = main([*args, "--format", "json", "--jobs", "1"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_missing_folder_is_a_one_line_usage_error(capsys, tmp_path):
    code = main(["check", str(tmp_path / "nope")])
    err = capsys.readouterr().err
    assert code == 2 and "no such folder" in err and "Traceback" not in err


def test_file_given_for_a_folder_is_a_usage_error(capsys, tmp_path):
    f = tmp_path / "scan.jpg"
    f.write_bytes(b"x")
    assert main(["check", str(f)]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_bad_as_of_and_unknown_profile_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as err:
        main(["check", str(tmp_path), "--as-of", "15/11/2026"])
    assert err.value.code == 2
    assert main(["check", str(tmp_path), "--profile", "nope"]) == 2
    assert "unknown profile" in capsys.readouterr().err


def test_output_inside_the_dossier_is_refused(tmp_path, capsys):
    assert main(["check", str(tmp_path), "--output", str(tmp_path / "r.json")]) == 2
    assert not (tmp_path / "r.json").exists()


def test_empty_dossier_is_incomplete_and_names_what_is_missing(tmp_path, capsys):
    code, report = run_json(capsys, "check", str(tmp_path), "--as-of", AS_OF)
    jsonschema.validate(report, SCHEMA)
    assert code == 1 and report["complete"] is False and report["files"] == []
    statuses = {r["id"]: r["status"] for r in report["requirements"]}
    assert statuses["identity"] == "missing" and statuses["bank_details"] == "missing"


def test_profiles_lists_both_profiles(capsys):
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("carte-vitale") and "\npuma\t" in out


def test_python_dash_m_runs():
    proc = subprocess.run(
        [sys.executable, "-m", "dossier_check", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "dossier-check" in proc.stdout


@pytest.mark.tesseract
def test_complete_sample_tags_every_file_and_exits_0(capsys):
    folder = SAMPLES / "complete"
    before = tree_hash(folder)
    code, report = run_json(capsys, "check", str(folder), "--as-of", AS_OF)
    jsonschema.validate(report, SCHEMA)
    expected = {f["path"]: f["expected_type"] for f in manifest("complete")["files"]}
    got = {f["path"]: f["type"] for f in report["files"]}
    assert got == expected
    assert code == 0 and report["complete"] is True, report["requirements"]
    assert tree_hash(folder) == before  # the scanned folder is never written


@pytest.mark.tesseract
@pytest.mark.parametrize(
    "name,requirement",
    [("missing-rib", "bank_details"), ("missing-residence", "proof_of_residence")],
)
def test_incomplete_samples_exit_1_and_name_the_gap(capsys, name, requirement):
    code, report = run_json(capsys, "check", str(SAMPLES / name), "--as-of", AS_OF)
    statuses = {r["id"]: r["status"] for r in report["requirements"]}
    assert code == 1 and statuses[requirement] == "missing"
    others = {k: v for k, v in statuses.items() if k != requirement}
    assert all(v in ("ok", "warning", "not_applicable") for v in others.values()), others


@pytest.mark.tesseract
def test_identifiers_are_masked_unless_asked(capsys):
    folder = SAMPLES / "complete"
    secrets = []
    for f in manifest("complete")["files"]:
        for key in ("document_number", "iban", "nir"):
            value = (f.get("fields") or {}).get(key)
            if value:
                secrets.append(value.replace(" ", ""))
    assert secrets, "the sample manifest should list identifiers"
    for fmt in ("json", "text"):
        main(["check", str(folder), "--as-of", AS_OF, "--format", fmt, "--jobs", "1"])
        out = capsys.readouterr().out.replace(" ", "")
        for s in secrets:
            assert s not in out, f"{fmt} report shows an identifier"
    main(
        [
            "check",
            str(folder),
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--show-identifiers",
            "--jobs",
            "1",
        ]
    )
    assert any(s in capsys.readouterr().out for s in secrets)


def test_every_limit_can_be_set_from_the_command_line():
    """Issue 7: each per-file limit has a flag; its value reaches the analysis."""
    from dossier_check.cli import _options, build_parser

    args = build_parser().parse_args(
        ["check", "x", "--as-of", "2026-11-15", "--max-pages", "3", "--max-megapixels", "20",
         "--max-file-mb", "5", "--seconds-per-file", "30", "--kill-after", "0",
         "--max-memory-mib", "800"]
    )  # fmt: skip
    limits = _options(args).limits
    assert (limits.max_pages, limits.max_pixels, limits.max_file_bytes) == (3, 20_000_000, 5 << 20)
    assert (limits.seconds_per_file, limits.kill_seconds_per_file) == (30.0, 0.0)
    assert limits.max_memory_mib == 800


def test_a_file_over_the_size_limit_is_a_finding_not_a_failure(tmp_path: Path, capsys):
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * (2 << 20))
    code = main(["check", str(tmp_path), "--as-of", "2026-11-15", "--format", "json",
                 "--no-cache", "--max-file-mb", "1"])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "file_too_large" in [p["code"] for p in report["files"][0]["problems"]]


@pytest.mark.parametrize("flag", ["--max-file-mb=0", "--kill-after=-1", "--max-pages=x"])
def test_a_bad_limit_is_a_usage_error(flag: str, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", ".", flag])
    assert exc.value.code == 2
