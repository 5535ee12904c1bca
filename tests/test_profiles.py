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
