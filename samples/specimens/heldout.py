"""Held-out layout families (one or more per contract type).

The classifier's authors must not read this module: these families measure how the
classifier does on documents whose layout, wording and labels it was not tuned on.
Keep their description out of README, commit messages and reports (layout ids only).
"""

from __future__ import annotations

from samples.specimens.common import Ctx, Doc

LAYOUTS: dict[str, list[str]] = {}
HELD_OUT_LAYOUTS: list[str] = []


def build(type_id: str, ctx: Ctx) -> Doc:
    return _BUILDERS[type_id][ctx.opts["variant"]](ctx)


_BUILDERS: dict = {}
