"""Address reading and consistency (DOMAIN.md R-RES-4, R-X-2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dossier_check.addresses import address_findings
from dossier_check.fields.address import Address, find_addresses, french_postcode, same_address
from dossier_check.model import Severity, Status
from dossier_check.profiles import load
from dossier_check.rules import evaluate
from tests.factories import complete_dossier, doc

AS_OF = date(2026, 11, 15)
HOME = "Jane DOE\n12 rue des Lilas\nBât. C\n75019 Paris"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demeurant 65 chemin des Coquelicots, Bât. C, 35000 Rennes, désigné(e)",
         [Address("65", "CHEMIN DES COQUELICOTS", "35000", "RENNES")]),
        ("situé 12 rue des Lilas,\n75019 Paris.",
         [Address("12", "RUE DES LILAS", "75019", "PARIS")]),
        ("Adresse : 4 bis av. Jean-Jaurès\nCode postal et commune : 69007 Lyon",
         [Address("4 BIS", "AVENUE JEAN-JAURES", "69007", "LYON")]),
        (HOME, [Address("12", "RUE DES LILAS", "75019", "PARIS")]),
        ("Adresse de consommation : 8 impasse du Moulin, 97400 Saint-Denis",
         [Address("8", "IMPASSE DU MOULIN", "97400", "SAINT-DENIS")]),
        ("Facture du 12/04/2026, 45 kWh, 12 mois", []),
        ("12 rue des Lilas", [Address("12", "RUE DES LILAS")]),
        ("Le logement situé 146 bis rue de la\nTuilerie, 34000 Montpellier.",  # wrapped
         [Address("146 BIS", "RUE DE LA TUILERIE", "34000", "MONTPELLIER")]),
        ("propriétaire du logement situé 102 boulevard\nde la Fontaine, 69003 Lyon, certifie",
         [Address("102", "BOULEVARD DE LA FONTAINE", "69003", "LYON")]),
        ("12 rue, 75019 Paris", []),  # no street name
        ("12 RUE DES LILAS\nJean Dupont\n75019 PARIS",  # a name line is not the street's end
         [Address("12", "RUE DES LILAS", "75019", "PARIS")]),
    ],
)  # fmt: skip
def test_find_addresses(text, expected):
    assert find_addresses(text) == expected


def test_same_address_ignores_articles_case_abbreviations_and_a_misread_letter():
    a = find_addresses("12 rue des Lilas, 75019 Paris")[0]
    assert same_address(a, find_addresses("12 RUE LILAS\n75019 PARIS")[0])
    assert same_address(a, find_addresses("12 rue des Lilos 75019 Paris")[0])
    assert same_address(a, Address("12", "RUE DES LILAS"))  # no postcode read: street decides
    assert not same_address(a, find_addresses("14 rue des Lilas, 75019 Paris")[0])
    assert not same_address(a, find_addresses("12 rue des Lilas, 69007 Lyon")[0])
    assert not same_address(a, find_addresses("12 avenue Victor Hugo, 75019 Paris")[0])
    st = find_addresses("3 place St Michel 13001 Marseille")[0]
    assert same_address(st, find_addresses("3, place Saint-Michel, 13001 Marseille")[0])


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("75019", True),
        ("01000", True),
        ("20000", True),  # Corsica
        ("97400", True),  # La Réunion
        ("97600", True),  # Mayotte
        ("98000", False),  # Monaco
        ("98800", False),  # New Caledonia: its own social security
        ("96000", False),
        ("00100", False),
        ("7501", False),
        ("750190", False),
    ],
)
def test_french_postcode_R_RES_4(code, ok):
    assert french_postcode(code) is ok


def _with_addresses(form: str, bills: str, rib: str):
    docs = []
    for d in complete_dossier():
        if d.type == "application_form":
            d = replace(d, source=doc(d.path, d.type, form).source)
        elif d.type == "utility_bill":
            d = replace(d, source=doc(d.path, d.type, "Jane DOE\n" + bills).source)
        elif d.type == "rib":
            d = replace(d, source=doc(d.path, d.type, rib).source)
        docs.append(d)
    return docs


def _residence(docs):
    result = evaluate(load("puma"), docs, AS_OF)
    return next(r for r in result.requirements if r.id == "proof_of_residence")


def test_same_address_everywhere_is_ok():
    docs = _with_addresses(HOME, "12 RUE DES LILAS 75019 PARIS", "Mme Jane DOE\n" + HOME)
    assert _residence(docs).status is Status.OK


def test_bills_at_another_address_warn_R_RES_4():
    docs = _with_addresses(HOME, "3 avenue Foch\n69006 Lyon", HOME)
    res = _residence(docs)
    assert res.status is Status.WARNING
    bad = [p for p in res.problems if p.code == "address_mismatch"]
    assert sorted(p.params["file"] for p in bad) == ["b1.pdf", "b2.pdf", "b3.pdf"]
    assert {p.rule for p in bad} == {"R-X-2"}  # the form is the reference
    assert bad[0].params["address"] == "3 AVENUE FOCH, 69006 LYON"
    assert bad[0].params["reference"] == "form.pdf"
    assert bad[0].severity is Severity.WARNING


def test_rib_at_another_address_warns_R_X_2():
    docs = _with_addresses(HOME, HOME, "Mme Jane DOE\n7 boulevard Voltaire 75011 Paris")
    res = _residence(docs)
    assert [(p.code, p.params["file"], p.rule) for p in res.problems] == [
        ("address_mismatch", "rib.pdf", "R-X-2")
    ]


def test_without_a_form_the_most_shown_address_is_the_reference():
    docs = _with_addresses("", HOME, "Mme Jane DOE\n7 boulevard Voltaire 75011 Paris")
    res = _residence(docs)
    bad = [p for p in res.problems if p.code == "address_mismatch"]
    assert [p.params["file"] for p in bad] == ["rib.pdf"]
    assert bad[0].params["reference"] == "b1.pdf"


def test_unreadable_addresses_say_nothing():
    docs = _with_addresses(HOME, "adresse illisible", "RIB")
    assert _residence(docs).status is Status.OK


def test_a_foreign_postcode_on_the_form_warns_R_RES_4():
    monaco = "Jane DOE\n12 boulevard des Moulins\n98000 Monaco"
    res = _residence(_with_addresses(monaco, monaco, monaco))
    assert [p.code for p in res.problems] == ["address_postcode"]
    assert res.problems[0].params == {"file": "form.pdf", "postcode": "98000"}


def test_an_incomplete_dossier_keeps_its_status():
    docs = _with_addresses(HOME, "3 avenue Foch\n69006 Lyon", HOME)
    docs = [
        replace(d, fields={**d.fields, "period_end": "2026-07-31"}) if d.path == "b2.pdf" else d
        for d in docs
    ]  # a gap month (September)
    res = _residence(docs)
    assert res.status is Status.INVALID
    assert "address_mismatch" in {p.code for p in res.problems}
    docs = [d for d in docs if d.path != "b2.pdf"]  # two bills: missing, nothing more to say
    res = _residence(docs)
    assert res.status is Status.MISSING
    assert "address_mismatch" not in {p.code for p in res.problems}


def test_a_profile_without_address_types_compares_nothing():
    docs = _with_addresses(HOME, "3 avenue Foch\n69006 Lyon", HOME)
    assert address_findings(docs, ()) == []
    assert len(address_findings(docs, ["application_form", "utility_bill", "rib"])) == 3
    # without the RIB, nothing shows the form's address: the three bills win
    only = address_findings(docs, ["application_form", "utility_bill"])
    assert [p.params["file"] for p in only] == ["form.pdf"]


def test_a_form_nobody_agrees_with_is_the_odd_one_out_R_X_2():
    """Bills and RIB agree among themselves: the form's different address (a misread
    or an old one) is the one file reported, not the four others."""
    docs = _with_addresses("Jane DOE\n148 bis rue des Lilas\n75019 Paris", HOME, HOME)
    bad = [p for p in _residence(docs).problems if p.code == "address_mismatch"]
    assert [(p.params["file"], p.rule) for p in bad] == [("form.pdf", "R-X-2")]
    assert bad[0].params["reference"] in ("rib.pdf", "b1.pdf", "b2.pdf", "b3.pdf")


def test_documents_that_agree_outvote_a_lone_form():
    docs = _with_addresses(HOME, "3 avenue Foch\n69006 Lyon", "7 boulevard Voltaire 75011 Paris")
    bad = [p for p in _residence(docs).problems if p.code == "address_mismatch"]
    assert {p.params["reference"] for p in bad} == {"b1.pdf"}  # the bills agree: 3 of them
