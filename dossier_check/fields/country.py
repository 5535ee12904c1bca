"""Which state issued a document, from its text (R-APO-2).

Country names in English, French, Spanish and Portuguese come from pycountry
(ISO 3166-1 and its translations, shipped offline), so no hand-kept list of
names. The apostille's item 1 ("1. Country / Pays / País: ...") wins;
otherwise the first country named in the document's heading lines.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from dossier_check.text import fold

#: EEA member states and Switzerland, as MRZ state codes (R-DOS-2; 'D' is Germany).
EEA_CH = frozenset(
    [
        "AUT",
        "BEL",
        "BGR",
        "HRV",
        "CYP",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "D",
        "DEU",
        "GRC",
        "HUN",
        "IRL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "MLT",
        "NLD",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
        "ISL",
        "LIE",
        "NOR",
        "CHE",
    ]
)

#: Names that pycountry does not give but documents print.
_EXTRA = {
    "ESTADOS UNIDOS MEXICANOS": "MEX",
    "UNITED STATES": "USA",
    "ETATS-UNIS D'AMERIQUE": "USA",
    "REPUBLICA FEDERATIVA DO BRASIL": "BRA",
    "ROYAUME DU MAROC": "MAR",
    "UNITED KINGDOM": "GBR",
    "ENGLAND": "GBR",
    "SCOTLAND": "GBR",
}
_ITEM1 = re.compile(r"\b1\s*[.)]?\s*(?:COUNTRY|PAYS|PAIS|LAND)\s*[:.]?\s*([A-Z][A-Z' -]{2,40})")


@lru_cache(maxsize=1)
def _names() -> list[tuple[str, str]]:
    """(folded name, alpha-3), longest names first so 'NIGER' never hides 'NIGERIA'."""
    table: dict[str, str] = {}
    langs = []
    for lang in ("fr", "es", "pt", "de"):
        try:
            langs.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    for c in pycountry.countries:
        names = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        for t in langs:
            names |= {t.gettext(n) for n in list(names)}
        for n in names:
            key = fold(n).replace(",", "")
            if len(key) >= 4:
                table.setdefault(key, c.alpha_3)
    table.update({fold(k): v for k, v in _EXTRA.items()})
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


def _match(text: str) -> str | None:
    for name, code in _names():
        if re.search(rf"(?<![A-Z]){re.escape(name)}(?![A-Z])", text):
            return code
    return None


def find_country(text: str, heading_lines: int = 6) -> str | None:
    """ISO alpha-3 of the issuing state, or None."""
    folded_lines = [fold(line) for line in text.splitlines() if line.strip()]
    whole = " \n".join(folded_lines)
    m = _ITEM1.search(whole)
    if m:
        code = _match(m.group(1))
        if code:
            return code
    return _match(" \n".join(folded_lines[:heading_lines]))
