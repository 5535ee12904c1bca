"""Lease contracts (bail), rent receipts (quittance de loyer) and attestations
d'hébergement. DOMAIN.md §5, §5.1 (R-RES, R-HEB). Landlords and hosts are invented."""

from __future__ import annotations

from datetime import date, timedelta

from samples.canvas import Page
from samples.people import (
    add_months,
    fmt_date,
    make_person,
    money,
    month_end,
    month_name,
)
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    hand_font,
    put_signature,
)


def lease(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(["contract", "receipt", "receipt-b"])
    if variant == "contract":
        return _contract(ctx)
    return _receipt(ctx, variant)


def _landlord(ctx: Ctx):
    return ctx.opts.get("landlord") or make_person(ctx.rng, "FRA", ctx.as_of, 40, 75)


def _contract(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    bailleur = _landlord(ctx)
    start = ctx.opts.get("start") or add_months(ctx.as_of.replace(day=1), -rng.randint(4, 30))
    rent = rng.randint(45, 110) * 10
    charges = rng.randint(3, 12) * 10
    fam = body_font(rng)
    size = 10.5
    meuble = rng.random() < 0.4
    surface = rng.randint(18, 75)
    p1 = Page()
    title = rng.choice(
        [
            "CONTRAT DE LOCATION",
            "Contrat de location",
            "BAIL D'HABITATION",
            "CONTRAT DE BAIL" + (" MEUBLÉ" if meuble else ""),
        ]
    )
    p1.text(105, 22, title, fam, 16, "bold", align="center")
    p1.text(
        105,
        29,
        "LOCAUX VIDES À USAGE D'HABITATION PRINCIPALE"
        if not meuble
        else "LOGEMENT MEUBLÉ À USAGE DE RÉSIDENCE PRINCIPALE",
        fam,
        10.5,
        "bold",
        align="center",
    )
    p1.text(
        105,
        35,
        "(Soumis au titre Ier bis de la loi du 6 juillet 1989)"
        if meuble
        else "(Soumis au titre Ier de la loi n° 89-462 du 6 juillet 1989)",
        fam,
        9.5,
        "italic",
        align="center",
    )
    y = 50
    sections = [
        (
            "I. DÉSIGNATION DES PARTIES",
            [
                f"Le présent contrat est conclu entre les soussignés : {bailleur.civility} "
                f"{bailleur.given_names} {bailleur.surname.upper()}, demeurant "
                f"{bailleur.address.oneline()}, désigné(e) ci-après « le bailleur » ;",
                f"et {p.civility} {p.given_names} {p.surname.upper()}, né(e) le "
                f"{fmt_date(p.birth_date, 'long')} à {p.birth_place}, désigné(e) ci-après "
                f"« le locataire ».",
            ],
        ),
        (
            "II. OBJET DU CONTRAT",
            [
                f"Consistance du logement : appartement de {surface} m², "
                f"{rng.randint(1, 4)} pièce(s) principale(s), situé {p.address.oneline()}.",
                "Le logement est loué à usage exclusif d'habitation principale du locataire.",
            ],
        ),
        (
            "III. DATE DE PRISE D'EFFET ET DURÉE DU CONTRAT",
            [
                f"Date de prise d'effet du contrat : {fmt_date(start, 'long')}.",
                f"Durée du contrat : {'un an' if meuble else 'trois ans'}, reconduit tacitement.",
            ],
        ),
        (
            "IV. CONDITIONS FINANCIÈRES",
            [
                f"Montant du loyer mensuel hors charges : {money(rent)}. Provision sur charges : "
                f"{money(charges)} par mois, avec régularisation annuelle.",
                f"Le loyer est payable mensuellement et d'avance, le {rng.choice(['1er', '5'])} de "
                f"chaque mois.",
                f"Dépôt de garantie : {money(rent * (2 if meuble else 1))}.",
            ],
        ),
    ]
    for head, paras in sections:
        p1.text(20, y, head, fam, 11, "bold")
        y += 7
        for para in paras:
            y = p1.para(20, y, 170, para, fam, size, leading=1.42) + 2
        y += 4
    p1.text(105, 287, "Page 1/2", fam, 9, align="center")
    p2 = Page()
    y = 24
    for head, paras in [
        (
            "V. TRAVAUX",
            [
                "Le locataire ne peut transformer les locaux sans l'accord écrit du "
                "bailleur. Les menues réparations sont à sa charge."
            ],
        ),
        (
            "VI. GARANTIES",
            [
                "Aucune caution n'est exigée."
                if rng.random() < 0.5
                else "Un acte de cautionnement solidaire est annexé au présent contrat."
            ],
        ),
        (
            "VII. CLAUSE RÉSOLUTOIRE",
            [
                "Le présent contrat sera résilié de plein droit en cas de "
                "défaut de paiement du loyer ou des charges, ou du dépôt de "
                "garantie, deux mois après un commandement de payer "
                "demeuré infructueux."
            ],
        ),
        (
            "VIII. ANNEXES",
            [
                "Dossier de diagnostic technique, état des lieux d'entrée, notice "
                "d'information, règlement de copropriété (extraits)."
            ],
        ),
    ]:
        p2.text(20, y, head, fam, 11, "bold")
        y += 7
        for para in paras:
            y = p2.para(20, y, 170, para, fam, size, leading=1.42) + 2
        y += 4
    signed = start - timedelta(days=rng.randint(2, 20))
    city = p.address.city
    y += 6
    p2.text(20, y, f"Fait à {city}, le {fmt_date(signed, 'long')}, en deux exemplaires.", fam, size)
    y += 12
    p2.text(30, y, "Le bailleur", fam, size, "bold")
    p2.text(125, y, "Le locataire", fam, size, "bold")
    p2.text(30, y + 5, "« Lu et approuvé »", fam, 9.5, "italic")
    p2.text(125, y + 5, "« Lu et approuvé »", fam, 9.5, "italic")
    put_signature(p2, rng, 28, y + 8, 42, 15)
    put_signature(p2, rng, 123, y + 8, 42, 15)
    p2.text(105, 287, "Page 2/2", fam, 9, align="center")
    fields = {
        "kind": "contract",
        "holder": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "landlord": f"{bailleur.given_names} {bailleur.surname.upper()}",
        "start_date": start.isoformat(),
        "signed_date": signed.isoformat(),
        "rent": rent,
        "charges": charges,
        "address": p.address.as_dict(),
        "furnished": meuble,
    }
    return Doc("lease", "lease/contract", [p1, p2], fields, "paper")


def _receipt(ctx: Ctx, variant: str) -> Doc:
    rng, p = ctx.rng, ctx.person
    bailleur = _landlord(ctx)
    months_back = ctx.opts.get("months_back", 0)
    month = add_months(ctx.as_of.replace(day=1), -1 - months_back)
    end = month_end(month)
    paid = month + timedelta(days=rng.randint(0, 6))
    issued = min(end + timedelta(days=rng.randint(1, 6)), ctx.as_of)
    rent = rng.randint(45, 110) * 10
    charges = rng.randint(3, 12) * 10
    fam = body_font(rng) if variant == "receipt" else hand_font(rng)[0]
    style = "regular" if variant == "receipt" else hand_font(rng)[1]
    pg = Page()
    y = 26
    if variant == "receipt":
        pg.text(20, y, f"{bailleur.given_names} {bailleur.surname.upper()}", fam, 11, "bold")
        pg.text(20, y + 5.5, bailleur.address.line1, fam, 10.5)
        pg.text(20, y + 11, bailleur.address.line2, fam, 10.5)
        pg.text(
            190, y + 22, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 11, align="right"
        )
        pg.text(190, y + 27.5, p.address.line1, fam, 10.5, align="right")
        pg.text(190, y + 33, p.address.line2, fam, 10.5, align="right")
        y = 80
        pg.text(105, y, "QUITTANCE DE LOYER", fam, 16, "bold", align="center")
        pg.text(105, y + 8, f"pour le mois de {month_name(month)}", fam, 12, align="center")
        y += 22
    else:
        pg.text(
            105,
            y + 4,
            "Quittance de loyer",
            fam,
            17,
            "bold" if style.endswith("italic") else style,
            align="center",
        )
        pg.text(
            105,
            y + 12,
            f"Période du {fmt_date(month, 'num')} au {fmt_date(end, 'num')}",
            fam,
            12,
            style,
            align="center",
        )
        y += 30
    text = (
        f"Je soussigné(e) {bailleur.given_names} {bailleur.surname.upper()}, propriétaire "
        f"du logement situé {p.address.oneline()}, déclare avoir reçu de "
        f"{p.civility} {p.given_names} {p.surname.upper()}, locataire, la somme de "
        f"{money(rent + charges)} au titre du paiement du loyer et des charges pour la "
        f"période de location du {fmt_date(month, 'long')} au {fmt_date(end, 'long')}, "
        f"et lui en donne quittance, sous réserve de tous mes droits."
    )
    y = pg.para(20, y, 170, text, fam, 11.5, style, leading=1.5)
    y += 8
    rows = [
        ("Loyer", money(rent)),
        ("Provision pour charges", money(charges)),
        ("Total", money(rent + charges)),
        ("Date du paiement", fmt_date(paid, "num")),
    ]
    for lab, v in rows:
        pg.text(30, y, lab, fam, 11.5, style)
        pg.text(
            150,
            y,
            v,
            fam,
            11.5,
            "bold" if lab == "Total" and style == "regular" else style,
            align="right",
        )
        y += 7.5
    y += 8
    pg.text(
        110, y, f"Fait à {bailleur.address.city}, le {fmt_date(issued, 'long')}", fam, 11.5, style
    )
    pg.text(110, y + 7, "Signature du bailleur :", fam, 10.5, style)
    put_signature(pg, rng, 112, y + 10, 44, 15)
    y += 40
    pg.para(
        20,
        y,
        170,
        "Cette quittance annule tous les reçus qui auraient pu être donnés "
        "pour acompte versé sur la présente échéance.",
        fam,
        9,
        style,
        (90, 90, 90),
    )
    fields = {
        "kind": "receipt",
        "holder": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "landlord": f"{bailleur.given_names} {bailleur.surname.upper()}",
        "period_start": month.isoformat(),
        "period_end": end.isoformat(),
        "issue_date": issued.isoformat(),
        "amount": rent + charges,
        "address": p.address.as_dict(),
    }
    return Doc(
        "lease", f"lease/{variant}", [pg], fields, "digital" if variant == "receipt" else "paper"
    )


# ---------------------------------------------------------------------- hosting


def hosting_attestation(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    variant = ctx.opts.get("variant") or rng.choice(["typed", "handwritten", "form"])
    host = ctx.opts.get("host") or make_person(rng, "FRA", ctx.as_of, 30, 70)
    since = ctx.opts.get("since") or ctx.as_of - timedelta(days=rng.randint(100, 500))
    made = ctx.opts.get("date") or ctx.as_of - timedelta(days=rng.randint(3, 40))
    addr = host.address
    signed = ctx.opts.get("signed", True)
    je = "Je soussigné" if host.sex == "M" else "Je soussignée"
    ne_h = "né" if host.sex == "M" else "née"
    ne_p = "né" if p.sex == "M" else "née"
    if variant == "handwritten":
        fam, style = hand_font(rng)
        size = 13
    else:
        fam, style, size = body_font(rng), "regular", 11.5
    pg = Page()
    y = 26
    if variant != "form":
        pg.text(20, y, f"{host.given_names} {host.surname.upper()}", fam, size - 1, style)
        pg.text(20, y + 6, addr.line1, fam, size - 1, style)
        pg.text(20, y + 12, addr.line2, fam, size - 1, style)
        y += 36
        pg.text(
            105,
            y,
            rng.choice(["ATTESTATION D'HÉBERGEMENT", "Attestation d'hébergement"]),
            fam,
            16,
            "bold" if style == "regular" else style,
            align="center",
        )
        y += 18
        text = (
            f"{je}, {host.civility} {host.given_names} {host.surname.upper()}, {ne_h} le "
            f"{fmt_date(host.birth_date, 'long')} à {host.birth_place}, demeurant "
            f"{addr.oneline()}, certifie sur l'honneur héberger à titre gratuit à mon "
            f"domicile {p.civility} {p.given_names} {p.surname.upper()}, {ne_p} le "
            f"{fmt_date(p.birth_date, 'long')} à {p.birth_place} "
            f"({p.birth_country_fr.title()}), depuis le {fmt_date(since, 'long')}."
        )
        y = pg.para(20, y, 170, text, fam, size, style, leading=1.6)
        y = pg.para(
            20,
            y + 6,
            170,
            "Je joins à la présente attestation une copie de ma pièce "
            "d'identité et un justificatif de domicile à mon nom.",
            fam,
            size,
            style,
            leading=1.6,
        )
        if rng.random() < 0.6:
            y = pg.para(
                20,
                y + 6,
                170,
                "Je suis informé(e) qu'une fausse attestation m'expose "
                "aux sanctions prévues par l'article 441-7 du Code pénal.",
                fam,
                size - 1.5,
                style,
                leading=1.5,
            )
        y += 14
        pg.text(
            110,
            y,
            f"Fait à {addr.city}, le {fmt_date(made, rng.choice(['num', 'long']))}",
            fam,
            size,
            style,
        )
        pg.text(110, y + 8, "Signature :", fam, size - 1, style)
        if signed:
            put_signature(pg, rng, 112, y + 11, 46, 16)
    else:
        pg.text(105, 24, "ATTESTATION D'HÉBERGEMENT", fam, 16, "bold", align="center")
        pg.text(105, 31, "(à remplir par l'hébergeant)", fam, 10, "italic", align="center")
        hf, hs = hand_font(rng)
        rows = [
            ("Je soussigné(e) (nom, prénom) :", f"{host.surname.upper()} {host.given_names}"),
            ("Né(e) le :", fmt_date(host.birth_date, "num")),
            ("Demeurant à (adresse complète) :", addr.oneline()),
            ("Atteste sur l'honneur héberger :", f"{p.surname.upper()} {p.given_names}"),
            ("Né(e) le / à :", f"{fmt_date(p.birth_date, 'num')} à {p.birth_place}"),
            ("À mon domicile depuis le :", fmt_date(since, "num")),
        ]
        y = 50
        for lab, v in rows:
            pg.text(20, y, lab, fam, 11)
            pg.line(20, y + 9, 190, y + 9, (150, 150, 150), 0.2)
            pg.text(24, y + 7.5, v, hf, fit_size(v, hf, 13, 160, hs), hs, (20, 40, 140))
            y += 17
        y = pg.para(
            20,
            y + 4,
            170,
            "J'atteste sur l'honneur l'exactitude des renseignements "
            "ci-dessus et que l'hébergement est fourni à titre gratuit.",
            fam,
            11,
        )
        pg.text(20, y + 10, "Fait à", fam, 11)
        pg.text(34, y + 10, addr.city, hf, 13, hs, (20, 40, 140))
        pg.text(90, y + 10, "le", fam, 11)
        pg.text(97, y + 10, fmt_date(made, "num"), hf, 13, hs, (20, 40, 140))
        pg.text(120, y + 22, "Signature de l'hébergeant :", fam, 11)
        if signed:
            put_signature(pg, rng, 122, y + 25, 46, 16)
    fields = {
        "host": f"{host.given_names} {host.surname.upper()}",
        "host_surname": host.surname.upper(),
        "host_given_names": host.given_names.upper(),
        "hosted": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "birth_date": p.birth_date.isoformat(),
        "address": addr.as_dict(),
        "since": since.isoformat(),
        "issue_date": made.isoformat(),
        "signed": signed,
    }
    return Doc("hosting_attestation", f"hosting_attestation/{variant}", [pg], fields, "paper")


LEASE_LAYOUTS = ["contract", "receipt", "receipt-b"]
HOSTING_LAYOUTS = ["typed", "handwritten", "form"]
_ = date
