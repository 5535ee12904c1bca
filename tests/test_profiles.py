"""Every bundled profile loads; broken profiles fail loudly with file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_check.errors import ProfileError
from dossier_check.profiles import available, load, load_file

CONTRACT_PUMA_IDS = {
    "identity",
    "residence_permit",
    "birth_certificate",
    "proof_of_residence",
    "bank_details",
    "id_photo",
    "employment_proof",
    "name_consistency",
    "application_form",
}
CONTRACT_VITALE_IDS = {"identity", "id_photo", "nir", "age", "application_form"}


def test_bundled_profiles_load_with_contract_ids():
    assert {"puma", "carte-vitale"} <= set(available())
    assert {r.id for r in load("puma").requirements} == CONTRACT_PUMA_IDS
    assert {r.id for r in load("carte-vitale").requirements} == CONTRACT_VITALE_IDS


@pytest.mark.parametrize(
    "body,needle",
    [
        (
            '[profile]\nid="x"\n[[requirement]]\nid="a"\nkind="documents"\ntypes=["rib"]\nabsnet="missing"\n',
            "did you mean 'absent'",
        ),
        (
            '[profile]\nid="x"\n[[requirement]]\nid="a"\nkind="document"\ntypes=["rib"]\n',
            "unknown rule kind",
        ),
        (
            '[profile]\nid="x"\n[[requirement]]\nid="a"\nkind="documents"\ntypes=["ribb"]\n',
            "did you mean 'rib'",
        ),
        (
            '[profile]\nid="x"\n[[requirement]]\nid="a"\nkind="documents"\ntypes=["rib"]\n'
            '[[requirement]]\nid="a"\nkind="documents"\ntypes=["rib"]\n',
            "duplicate",
        ),
        (
            '[profile]\nid="x"\n[[requirement]]\nid="a"\nkind="documents"\nabsent="gone"\n',
            "unknown status",
        ),
    ],
)
def test_broken_profile_names_file_and_key(tmp_path: Path, body: str, needle: str):
    path = tmp_path / "x.toml"
    path.write_text(body)
    with pytest.raises(ProfileError) as err:
        load_file(path)
    assert needle in str(err.value) and "x.toml" in str(err.value)


def test_unknown_profile_is_a_usage_error():
    with pytest.raises(ProfileError):
        load("nope")


def test_requirement_rule_id_is_put_on_its_missing_finding():
    """A requirement's optional ``rule`` (data, not code) names the DOMAIN.md rule an
    absent document breaks: R-TS-1 for a non-EEA applicant without a titre."""
    from datetime import date

    from dossier_check.rules import evaluate
    from tests.factories import complete_dossier

    profile = load("puma")
    assert {r.id: r.rule for r in profile.requirements}["residence_permit"] == "R-TS-1"
    docs = [d for d in complete_dossier() if d.type != "residence_permit"]
    result = evaluate(profile, docs, date(2026, 11, 15))
    permit = next(r for r in result.requirements if r.id == "residence_permit")
    assert [(p.code, p.rule) for p in permit.problems] == [("requirement_missing", "R-TS-1")]
