"""Shared fixtures: an isolated, owner-only cache per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory):
    """Never touch the developer's own cache from the tests."""
    if "DOSSIER_CHECK_CACHE_DIR" not in os.environ:
        os.environ["DOSSIER_CHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache") / "c")
    yield
