"""Exit codes and the few exceptions that abort a whole run.

Only ``cli.py`` turns these into output; a file that cannot be read is never
an exception here but a :class:`~dossier_check.model.Finding`.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    COMPLETE = 0  # every dossier complete
    INCOMPLETE = 1  # at least one dossier missing, expired or invalid
    USAGE = 2  # bad arguments, missing folder, the tool itself cannot run


class DossierCheckError(Exception):
    """An error that stops the run. ``hint`` tells the user how to fix it."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(DossierCheckError):
    """A path that does not exist, a file given for a folder, a bad option."""


class ProfileError(DossierCheckError):
    """A requirement profile that does not parse or names unknown things."""


class EnvironmentProblem(DossierCheckError):
    """A system dependency (tesseract, libmagic) is missing."""
