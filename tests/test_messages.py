"""Every finding code the package can emit has a French and an English sentence."""

from __future__ import annotations

import re

import pytest

from dossier_check.messages import TEMPLATES, render
from dossier_check.model import Finding, Severity
from tests.conftest import REPO

_EMIT = re.compile(r"""(?:_find|Finding)\(\s*["']([a-z][a-z0-9_]*)["']""")


def emitted_codes() -> set[str]:
    codes: set[str] = set()
    for path in (REPO / "dossier_check").rglob("*.py"):
        codes |= set(_EMIT.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_emitted_code_has_a_template():
    missing = sorted(emitted_codes() - set(TEMPLATES))
    assert not missing, f"no message for {missing}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_templates_render_without_leaking_braces(lang):
    for code, pair in TEMPLATES.items():
        fields = set(re.findall(r"{(\w+)}", pair[0])) | set(re.findall(r"{(\w+)}", pair[1]))
        text = render(Finding(code, Severity.WARNING, {f: "X" for f in fields}), lang)
        assert "{" not in text and text.strip(), code
