"""Utility bills: electricity, gas, water, mobile, internet box, from invented issuers, in
three visual styles. DOMAIN.md §5 (R-RES)."""

from __future__ import annotations

from datetime import date, timedelta

from samples.canvas import Page
from samples.people import add_months, digits, fmt_date, money, month_end, month_name
from samples.specimens.common import Ctx, Doc, body_font, fit_size, logo

ISSUERS = {
    "electricity": [
        ("Lumina Énergie", (230, 120, 0)),
        ("Volt & Co Électricité", (0, 120, 200)),
        ("Énergies du Rhône-Vert", (40, 140, 70)),
    ],
    "gas": [("Flamme Bleue Énergie", (20, 80, 170)), ("Calor Gaz & Services", (200, 60, 20))],
    "water": [
        ("Eaux du Val de Brume", (0, 130, 170)),
        ("Régie des Eaux de la Métropole", (30, 90, 150)),
    ],
    "mobile": [
        ("Onde Mobile", (210, 0, 90)),
        ("Kali Télécom", (90, 40, 160)),
        ("Mistral Mobile", (0, 140, 120)),
    ],
    "internet": [
        ("Fibrelia", (230, 50, 40)),
        ("NetOcéan Box", (0, 100, 160)),
        ("Hexanet Fibre", (60, 60, 70)),
    ],
}
TITLES = {
    "electricity": ["Facture d'électricité", "FACTURE", "Votre facture d'énergie"],
    "gas": ["Facture de gaz naturel", "FACTURE", "Votre facture de gaz"],
    "water": ["Facture d'eau", "FACTURE EAU ET ASSAINISSEMENT", "Votre facture d'eau"],
    "mobile": ["Facture mobile", "FACTURE", "Votre facture"],
    "internet": ["Facture Internet", "FACTURE", "Votre facture Box"],
}
PERIOD_LABELS = ["Période de consommation", "Période facturée", "Période", "Consommation"]
HOLDER_LABELS = ["Titulaire du contrat", "Titulaire", "Client", "Abonné"]
ADDRESS_LABELS = {
    "electricity": ["Adresse de consommation", "Lieu de consommation", "Adresse du logement"],
    "gas": ["Adresse de consommation", "Lieu de livraison"],
    "water": ["Adresse du branchement", "Adresse desservie"],
    "mobile": ["Adresse de facturation"],
    "internet": ["Adresse d'installation", "Adresse de la ligne"],
}


def bill_period(as_of: date, months_back: int, span: int = 1) -> tuple[date, date, date]:
    """(start, end, issue) for the bill whose period ends `months_back` months before the
    month preceding as_of; issue early in the following month (always <= as_of)."""
    last_month = add_months(as_of.replace(day=1), -1 - months_back)
    start = add_months(last_month, -(span - 1))
    end = month_end(last_month)
    issue = end + timedelta(days=3 + (end.month * 7) % 5)
    if issue > as_of:
        issue = as_of - timedelta(days=1)
    return start, end, issue


def utility_bill(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    kind = ctx.opts.get("kind") or rng.choice(sorted(ISSUERS))
    issuer_i = ctx.opts.get("issuer_index")
    issuers = ISSUERS[kind]
    issuer, color = (
        issuers[issuer_i % len(issuers)] if issuer_i is not None else rng.choice(issuers)
    )
    style = ctx.opts.get("style") or rng.choice("abcd")
    span = ctx.opts.get("span") or (6 if kind == "water" and rng.random() < 0.5 else 1)
    start, end, issue = bill_period(ctx.as_of, ctx.opts.get("months_back", 0), span)
    ds = ctx.opts.get("date_style") or rng.choice(["num", "long", "num", "dot"])

    def D(d: date) -> str:
        return fmt_date(d, ds)

    holder = ctx.opts.get("holder") or rng.choice(
        [
            f"{p.civility} {p.given_names} {p.surname.upper()}",
            f"{p.civility} {p.surname.upper()} {p.given_names}",
            f"{p.surname.upper()} {p.given_names.upper()}",
        ]
    )
    addr = ctx.opts.get("address") or p.address
    client_no = ctx.opts.get("client_number") or digits(rng, 10)
    inv_no = f"{rng.choice(['F', 'FA', ''])}{issue:%Y%m}{digits(rng, 6)}"
    lines, consumption, unit, ident = _lines(rng, kind, start, end, span)
    ht = round(sum(v for _, v in lines), 2)
    tva = round(ht * (0.2 if kind in ("mobile", "internet") else 0.13), 2)
    ttc = round(ht + tva, 2)
    if ctx.opts.get("period_words") or (ds == "long" and rng.random() < 0.5 and span == 1):
        period_txt = (
            f"{month_name(end)}"
            if rng.random() < 0.5
            else f"du {fmt_date(start, 'long')} au {fmt_date(end, 'long')}"
        )
    else:
        period_txt = f"du {D(start)} au {D(end)}"
    fam = body_font(rng)
    title = rng.choice(TITLES[kind])
    pg = Page()
    period_label = rng.choice(PERIOD_LABELS)
    holder_label = rng.choice(HOLDER_LABELS)
    addr_label = rng.choice(ADDRESS_LABELS[kind])
    pay = issue + timedelta(days=rng.randint(8, 15))

    if style == "a":
        pg.rect(0, 0, 210, 8, None, color)
        pg.group(16, 14, logo(rng, issuer, color, 14, fam))
        pg.text(
            194,
            22,
            title.upper(),
            fam,
            fit_size(title.upper(), fam, 15, 90, "bold"),
            "bold",
            align="right",
        )
        pg.text(194, 29, f"N° {inv_no}", fam, 10, align="right")
        pg.text(194, 35, f"Date de facture : {D(issue)}", fam, 10.5, align="right")
        y = 50
        pg.text(115, y, holder, fam, 11.5, "bold")
        pg.text(115, y + 6, addr.line1, fam, 11)
        if addr.extra:
            pg.text(115, y + 11.5, addr.extra, fam, 11)
        pg.text(115, y + (17 if addr.extra else 11.5), addr.line2, fam, 11)
        y = 82
        info = [
            (holder_label, holder),
            (addr_label, addr.oneline()),
            ("N° client", client_no),
            *ident,
            (period_label, period_txt),
        ]
        for lab, v in info:
            pg.text(18, y, f"{lab} :", fam, 10.5, "regular", (80, 80, 80))
            pg.text(75, y, v, fam, fit_size(v, fam, 10.5, 118), "regular")
            y += 6.8
        y += 6
    elif style == "b":
        pg.group(18, 16, logo(rng, issuer, color, 13, fam))
        pg.text(
            18,
            36,
            f"{issuer} — service clients 09 {digits(rng, 2)} {digits(rng, 2)} "
            f"{digits(rng, 2)} {digits(rng, 2)}",
            fam,
            9.5,
            "regular",
            (90, 90, 90),
        )
        pg.rect(120, 14, 74, 34, color, None, 0.5)
        pg.text(124, 22, title, fam, fit_size(title, fam, 11.5, 66, "bold"), "bold", color)
        pg.text(124, 29, f"émise le {D(issue)}", fam, 10)
        pg.text(124, 35, f"Facture n° {inv_no}", fam, 10)
        pg.text(124, 42, f"Réf. client {client_no}", fam, 10)
        y = 60
        pg.text(18, y, holder_label, fam, 10, "regular", (90, 90, 90))
        pg.text(18, y + 6, holder, fam, 12, "bold")
        pg.text(18, y + 12, addr.oneline(), fam, 10.5)
        y += 24
        pg.text(18, y, f"{period_label} : {period_txt}", fam, 11, "bold")
        y += 7
        for lab, v in ident:
            pg.text(18, y, f"{lab} : {v}", fam, 10.5)
            y += 6
        y += 8
    elif style == "d":
        pg.rect(0, 0, 210, 34, None, (244, 244, 246))
        pg.group(16, 9, logo(rng, issuer, color, 13, fam))
        pg.text(194, 14, f"Facture n° {inv_no}", fam, 10, "bold", align="right")
        pg.text(194, 20, f"du {D(issue)}", fam, 10, align="right")
        pg.text(194, 26, f"Référence client : {client_no}", fam, 9.5, align="right")
        y = 48
        pg.text(18, y, f"Bonjour {p.first_name},", fam, 12, "bold")
        what = {
            "electricity": "d'électricité",
            "gas": "de gaz",
            "water": "d'eau",
            "mobile": "mobile",
            "internet": "Internet",
        }[kind]
        pg.text(
            18,
            y + 7,
            f"Voici votre facture {what} — {period_label.lower()} {period_txt}.",
            fam,
            fit_size(
                f"Voici votre facture {what} — {period_label.lower()} {period_txt}.", fam, 10.5, 110
            ),
        )
        pg.rect(132, y - 7, 62, 30, color, None, 0.6)
        pg.text(
            163,
            y,
            rng.choice(["Total à payer", "Montant TTC", "À payer"]),
            fam,
            10.5,
            align="center",
        )
        pg.text(163, y + 11, money(ttc), fam, 17, "bold", color, "center")
        pg.text(163, y + 18.5, f"prélevé le {D(pay)}", fam, 8.5, "regular", (90, 90, 90), "center")
        y += 34
        pg.text(18, y, "Vos informations", fam, 11.5, "bold", color)
        y += 7
        for lab, v in [(holder_label, holder), (addr_label, addr.oneline()), *ident]:
            pg.text(20, y, lab, fam, 9.5, "regular", (90, 90, 90))
            pg.text(72, y, v, fam, fit_size(v, fam, 10.5, 120), "regular")
            y += 6.4
        y += 8
    else:
        pg.rect(0, 0, 62, 297, None, tuple(min(255, c + (255 - c) * 85 // 100) for c in color))
        pg.group(8, 14, logo(rng, issuer.split()[0], color, 12, fam))
        yy = 44
        for lab, v in [("Date", D(issue)), ("Facture", inv_no), ("Client", client_no), *ident]:
            pg.text(8, yy, lab, fam, 9.5, "regular", (80, 80, 80))
            pg.text(8, yy + 5, v, fam, fit_size(v, fam, 10.5, 50, "bold"), "bold")
            yy += 13
        pg.text(72, 26, title, fam, fit_size(title, fam, 18, 120, "bold"), "bold", color)
        pg.text(72, 36, f"{holder_label} : {holder}", fam, 11)
        pg.text(
            72,
            42,
            f"{addr_label} : {addr.oneline()}",
            fam,
            fit_size(f"{addr_label} : {addr.oneline()}", fam, 10.5, 124),
        )
        pg.text(72, 48, f"{period_label} {period_txt}", fam, 10.5)
        pg.rect(72, 56, 124, 26, None, (245, 245, 245))
        pg.text(78, 67, "Montant TTC à payer", fam, 12)
        pg.text(190, 72, money(ttc), fam, 20, "bold", color, "right")
        pg.text(78, 77, f"prélevé le {D(pay)}", fam, 9.5, "regular", (80, 80, 80))
        y = 96
    # detail table
    x0 = 72 if style == "c" else 18
    x1 = 194
    pg.text(x0, y, "Détail de votre facture", fam, 11.5, "bold")
    y += 4
    pg.line(x0, y, x1, y, (120, 120, 120), 0.3)
    y += 7
    for lab, v in lines:
        pg.text(x0 + 2, y, lab, fam, fit_size(lab, fam, 10.5, x1 - x0 - 35))
        pg.text(x1 - 2, y, money(v), fam, 10.5, align="right")
        y += 7
    pg.line(x0, y - 3, x1, y - 3, (120, 120, 120), 0.3)
    y += 4
    for lab, v, st in [
        ("Total HT", ht, "regular"),
        ("TVA", tva, "regular"),
        (rng.choice(["Montant TTC", "Total TTC", "Montant total TTC"]), ttc, "bold"),
    ]:
        pg.text(x1 - 45, y, lab, fam, 11, st, align="right")
        pg.text(x1 - 2, y, money(ttc if st == "bold" else v), fam, 11, st, align="right")
        y += 7
    if style != "c":
        y += 4
        pg.rect(x0, y, x1 - x0, 14, None, (240, 240, 240))
        pg.text(
            x0 + 4,
            y + 9,
            f"Montant à payer : {money(ttc)} — prélevé le {D(pay)}",
            fam,
            11.5,
            "bold",
        )
        y += 22
    y += 6
    pg.para(
        x0,
        max(y, 250),
        x1 - x0,
        f"{issuer} — SAS au capital de {rng.randint(1, 90) * 100000:,} € — RCS "
        f"{rng.choice(['Lyon', 'Nanterre', 'Lille', 'Nantes'])} {digits(rng, 3)} "
        f"{digits(rng, 3)} {digits(rng, 3)}. Document à conserver 5 ans.".replace(",", " "),
        fam,
        8.5,
        "regular",
        (110, 110, 110),
    )
    fields = {
        "kind": kind,
        "issuer": issuer,
        "holder": holder,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "issue_date": issue.isoformat(),
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "billing_months": span,
        "amount_ttc": ttc,
        "consumption": consumption,
        "unit": unit,
        "service_address": addr.as_dict(),
        "invoice_number": inv_no,
        "client_number": client_no,
        "date_style": ds,
        "holder_is": ctx.opts.get("holder_is", "applicant"),
    }
    return Doc("utility_bill", f"utility_bill/{kind}-{style}", [pg], fields, "digital")


def _lines(rng, kind, start, end, span):
    days = (end - start).days + 1
    if kind == "electricity":
        kwh = rng.randint(140, 420) * span
        ident = [("PDL", digits(rng, 14)), ("Puissance souscrite", f"{rng.choice([6, 9, 12])} kVA")]
        lines = [
            (f"Abonnement ({days} jours)", round(0.45 * days, 2)),
            (f"Consommation {kwh} kWh", round(kwh * 0.2516, 2)),
            ("Accise sur l'électricité", round(kwh * 0.0225, 2)),
            ("Contribution tarifaire d'acheminement (CTA)", round(1.1 * span, 2)),
        ]
        return lines, kwh, "kWh", ident
    if kind == "gas":
        m3 = rng.randint(20, 90) * span
        kwh = round(m3 * 11.2)
        ident = [
            ("PCE", "GI" + digits(rng, 6) if rng.random() < 0.5 else digits(rng, 14)),
            ("Relève", "index réel"),
        ]
        lines = [
            (f"Abonnement ({days} jours)", round(0.38 * days, 2)),
            (f"Consommation {m3} m3 soit {kwh} kWh", round(kwh * 0.105, 2)),
            ("Accise sur le gaz naturel", round(kwh * 0.0164, 2)),
        ]
        return lines, kwh, "kWh", ident
    if kind == "water":
        m3 = rng.randint(3, 9) * span
        ident = [("N° de compteur", f"{rng.choice('ABCD')}{digits(rng, 2)}-{digits(rng, 6)}")]
        lines = [
            ("Abonnement eau potable", round(2.1 * span, 2)),
            (f"Consommation {m3} m3", round(m3 * 2.05, 2)),
            ("Collecte et traitement des eaux usées", round(m3 * 1.7, 2)),
            ("Redevances Agence de l'eau", round(m3 * 0.55, 2)),
        ]
        return lines, m3, "m3", ident
    if kind == "mobile":
        go = rng.randint(6, 110)
        ident = [
            ("Ligne", f"06 {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}"),
            ("Forfait", f"{rng.choice([40, 80, 100, 130])} Go"),
        ]
        lines = [
            ("Forfait mensuel", round(rng.uniform(8, 20), 2)),
            (f"Internet mobile : {go} Go consommés", 0.0),
            ("Appels et SMS illimités", 0.0),
            ("Options", round(rng.choice([0, 2, 3]), 2)),
        ]
        return lines, go, "Go", ident
    ident = [
        (
            "Identifiant de ligne",
            f"0{rng.choice('459')} {digits(rng, 2)} {digits(rng, 2)} "
            f"{digits(rng, 2)} {digits(rng, 2)}",
        ),
        ("Offre", rng.choice(["Fibre 1 Gb/s", "Box Fibre Essentiel", "ADSL Confort"])),
    ]
    lines = [
        ("Abonnement Box", round(rng.uniform(22, 38), 2)),
        ("Location décodeur TV", round(rng.choice([0, 3, 5]), 2)),
        ("Communications hors forfait", round(rng.uniform(0, 3), 2)),
    ]
    return lines, None, None, ident


BILL_KINDS = sorted(ISSUERS)
BILL_STYLES = ["a", "b", "c", "d"]
