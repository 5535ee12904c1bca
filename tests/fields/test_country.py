"""Issuing state from a document's text (R-APO-2), names from pycountry."""

from __future__ import annotations

import pytest

from dossier_check.fields.country import find_country


@pytest.mark.parametrize(
    "text,code",
    [
        ("ESTADOS UNIDOS MEXICANOS\nREGISTRO CIVIL", "MEX"),
        ("REPUBLICA DE COLOMBIA\nREGISTRADURIA NACIONAL", "COL"),
        ("République algérienne démocratique et populaire\nActe de naissance", "DZA"),
        (
            "STATE OF OHIO\nCERTIFICATE OF BIRTH\n...\nAPOSTILLE\n"
            "1. Country: United States of America",
            "USA",
        ),
        ("Federal Republic of Nigeria\nBirth certificate", "NGA"),
    ],
)
def test_issuing_state_is_found(text, code):
    assert find_country(text) == code


def test_no_country_named_gives_none():
    assert find_country("CERTIFICATE OF BIRTH\nName: Ann") is None
