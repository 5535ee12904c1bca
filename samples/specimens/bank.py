"""RIBs: French (valid IBAN FR76 and clé RIB), a French one with a wrong clé (IBAN still
passes mod 97), and foreign SEPA accounts (DE, ES). DOMAIN.md §6 (R-RIB). Banks invented."""

from __future__ import annotations

from datetime import timedelta

from samples import identifiers as numbers
from samples.canvas import Page
from samples.people import fmt_date
from samples.specimens import bank_varied
from samples.specimens.common import Ctx, Doc, body_font, fit_size, logo

FR_BANKS = [
    ("Banque Hexagonale", "HEXA", (20, 60, 130)),
    ("Crédit Solidaire de Loire", "CSLO", (0, 110, 80)),
    ("Caisse Mutuelle des Tilleuls", "CMTI", (160, 30, 40)),
    ("Société Lyonnaise de Dépôts", "SLDP", (90, 40, 120)),
    ("Azur NéoBanque", "AZUR", (0, 120, 170)),
]
AGENCIES = [
    "AGENCE LYON PART-DIEU",
    "AGENCE GRENOBLE VICTOR HUGO",
    "AGENCE LILLE FLANDRES",
    "AGENCE NANTES COMMERCE",
    "AGENCE TOULOUSE CAPITOLE",
    "AGENCE RENNES RÉPUBLIQUE",
    "AGENCE EN LIGNE",
]


# each French layout is one bank's own document design
BANK_OF_LAYOUT = {
    "fr-classic": [0, 3],
    "fr-badkey": [0, 3],
    "fr-online": [1],
    "fr-slip": [2],
    "fr-app": [4],
}


def rib(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(["fr-classic", "fr-online"])
    if variant in ("fr-classic", "fr-online", "fr-badkey"):
        return _fr(ctx, variant)
    if variant == "fr-slip":
        return _fr_slip(ctx)
    if variant == "fr-app":
        return _fr_app(ctx)
    if variant == "sepa-lt":
        return _sepa_lt(ctx)
    if variant == "sepa-it":
        return _sepa_it(ctx)
    if variant == "fr-varied":
        return bank_varied.fr_varied(ctx)
    if variant == "sepa-varied":
        return bank_varied.sepa_varied(ctx)
    if variant == "home-varied":
        return bank_varied.home_varied(ctx)
    return _sepa(ctx, variant)


def _holder(ctx: Ctx) -> str:
    p = ctx.person
    return ctx.opts.get("holder") or rng_pick(
        ctx,
        [
            f"{p.civility} {p.given_names} {p.surname.upper()}",
            f"{p.civility} {p.surname.upper()} {p.given_names}",
            f"{p.given_names.upper()} {p.surname.upper()}",
        ],
    )


def rng_pick(ctx: Ctx, options):
    return ctx.rng.choice(options)


def _fr(ctx: Ctx, variant: str) -> Doc:
    rng, p = ctx.rng, ctx.person
    name, letters, color = FR_BANKS[rng.choice(BANK_OF_LAYOUT[variant])]
    r = (
        numbers.fr_rib_bad_key(rng)
        if variant == "fr-badkey"
        else numbers.fr_rib(rng, letter=ctx.opts.get("letter", rng.random() < 0.15))
    )
    bic = numbers.bic(rng, "FR", letters)
    holder = _holder(ctx)
    agency = rng.choice(AGENCIES)
    fam = body_font(rng)
    pg = Page()
    pg.group(18, 14, logo(rng, name, color, 14, fam))
    issued = ctx.as_of.replace(day=1) if ctx.as_of.day > 1 else ctx.as_of
    if variant in ("fr-classic", "fr-badkey"):
        title = rng.choice(
            [
                "RELEVÉ D'IDENTITÉ BANCAIRE",
                "Relevé d'Identité Bancaire (RIB)",
                "IDENTITÉ BANCAIRE",
                "RIB — Relevé d'identité bancaire",
            ]
        )
        pg.text(105, 40, title, fam, 15, "bold", align=rng.choice(["center", "center", "left"]))
        holder_label = rng.choice(["Titulaire du compte", "Titulaire", "Intitulé du compte"])
        pg.text(20, 56, holder_label, fam, 10, "regular", (90, 90, 90))
        pg.text(20, 63, holder, fam, 12, "bold")
        pg.text(20, 69, p.address.line1, fam, 10.5)
        pg.text(20, 74.5, p.address.line2, fam, 10.5)
        pg.text(
            120,
            56,
            rng.choice(["Domiciliation", "Domiciliation bancaire", "Agence"]),
            fam,
            10,
            "regular",
            (90, 90, 90),
        )
        pg.text(120, 63, agency, fam, fit_size(agency, fam, 10.5, 70, "bold"), "bold")
        pg.text(120, 69, name, fam, fit_size(name, fam, 10, 70))
        y = 88
        heads = ["Code banque", "Code guichet", "N° de compte", "Clé RIB"]
        vals = [r["bank"], r["branch"], r["account"], r["key"]]
        widths = [36, 36, 62, 36]
        x = 20
        for h, v, w in zip(heads, vals, widths, strict=True):
            pg.rect(x, y, w, 18, (60, 60, 60), None, 0.3)
            pg.rect(x, y, w, 7, None, (230, 232, 236))
            pg.text(x + w / 2, y + 5, h, fam, 9.5, "regular", align="center")
            pg.text(x + w / 2, y + 14.5, v, "dejavu-mono", 12, "bold", align="center")
            x += w
        y += 32
        pg.text(20, y, "IBAN (International Bank Account Number)", fam, 10, "regular", (90, 90, 90))
        pg.text(20, y + 8, numbers.group4(r["iban"]), "dejavu-mono", 13.5, "bold")
        pg.text(20, y + 20, "BIC (Bank Identifier Code)", fam, 10, "regular", (90, 90, 90))
        pg.text(20, y + 28, bic, "dejavu-mono", 13.5, "bold")
        pg.para(
            20,
            y + 44,
            170,
            "Ce relevé est destiné à être remis, sur leur demande, à vos "
            "créanciers ou débiteurs appelés à faire inscrire des opérations à votre compte "
            "(virements, paiements de quittances, etc.). Son utilisation vous garantit le bon "
            "enregistrement des opérations en cause.",
            fam,
            9.5,
            "italic",
            (70, 70, 70),
        )
    else:
        pg.text(20, 42, "Vos coordonnées bancaires", fam, 16, "bold", color)
        pg.text(
            20,
            49,
            f"Document édité le {fmt_date(issued, rng.choice(['num', 'long']))}",
            fam,
            10,
            "regular",
            (90, 90, 90),
        )
        y = 62
        for _copy in range(2):
            pg.rect(18, y, 174, 70, (150, 150, 150), None, 0.3)
            pg.text(24, y + 9, "RIB — Relevé d'Identité Bancaire", fam, 11, "bold", color)
            rows = [
                ("Intitulé du compte", holder),
                ("IBAN", numbers.group4(r["iban"])),
                ("BIC", bic),
                (
                    "Banque",
                    f"{r['bank']}   Guichet {r['branch']}   Compte {r['account']}   Clé {r['key']}",
                ),
                ("Domiciliation", f"{name} — {agency}"),
            ]
            yy = y + 20
            for lab, v in rows:
                pg.text(24, yy, lab, fam, 9.5, "regular", (90, 90, 90))
                mono = lab in ("IBAN", "BIC")
                pg.text(
                    70,
                    yy,
                    v,
                    "dejavu-mono" if mono else fam,
                    fit_size(v, fam, 11.5 if not mono else 12, 118, "bold"),
                    "bold",
                )
                yy += 10
            y += 82
            pg.line(18, y - 6, 192, y - 6, (180, 180, 180), 0.2)
    fields = {
        "holder": holder,
        "iban": r["iban"],
        "bic": bic,
        "bank_code": r["bank"],
        "branch_code": r["branch"],
        "account_number": r["account"],
        "rib_key": r["key"],
        "country": "FR",
        "iban_valid": True,
        "rib_key_valid": variant != "fr-badkey",
        "bank_name": name,
        "holder_is": ctx.opts.get("holder_is", "applicant"),
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", f"rib/{variant}", [pg], fields, "digital")


def _sepa(ctx: Ctx, variant: str) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    holder = f"{p.given_names} {p.surname.upper()}"
    pg = Page()
    if variant == "sepa-de":
        name, color = "Nordwind Bank AG", (20, 20, 20)
        iban = numbers.de_iban(rng)
        bic = numbers.bic(rng, "DE", "NWBK", branch=False) + "XXX"
        pg.group(20, 16, logo(rng, "nordwind", color, 15, fam))
        pg.text(
            20,
            44,
            rng.choice(["Bank details / Kontoinformationen", "Kontobestätigung", "Bankverbindung"]),
            fam,
            15,
            "bold",
        )
        rows = [
            ("Account holder / Kontoinhaber", holder),
            ("IBAN", numbers.group4(iban)),
            ("BIC", bic),
            ("Bank", f"{name}, Kurfürstendamm 21, 10719 Berlin"),
        ]
        note = (
            "Use these details to receive SEPA transfers in euro. This account is held in "
            "Germany (DE IBAN) and can receive transfers from any SEPA country."
        )
        country = "DE"
    else:
        name, color = "Banco Meridional, S.A.", (170, 20, 30)
        iban = numbers.es_iban(rng)
        bic = numbers.bic(rng, "ES", "BMER", branch=False)
        pg.group(20, 16, logo(rng, "Banco Meridional", color, 14, fam))
        pg.text(20, 44, "Certificado de titularidad de cuenta", fam, 15, "bold")
        rows = [
            ("Titular", holder),
            ("IBAN", numbers.group4(iban)),
            ("BIC / SWIFT", bic),
            ("Entidad / Oficina", f"{iban[4:8]} / {iban[8:12]}"),
            ("Domicilio de la oficina", "Calle Mayor 12, 28013 Madrid"),
        ]
        note = (
            "Banco Meridional certifica que la cuenta arriba indicada figura a nombre del "
            f"titular. Madrid, {fmt_date(ctx.as_of, 'long', 'es')}."
        )
        country = "ES"
    y = 62
    for lab, v in rows:
        pg.text(20, y, lab, fam, 10, "regular", (100, 100, 100))
        mono = lab.startswith(("IBAN", "BIC"))
        pg.text(20, y + 7, v, "dejavu-mono" if mono else fam, 13 if mono else 12, "bold")
        y += 17
    pg.para(20, y + 6, 170, note, fam, 10, "regular", (80, 80, 80))
    fields = {
        "holder": holder.upper(),
        "iban": iban,
        "bic": bic,
        "country": country,
        "iban_valid": True,
        "sepa_foreign": True,
        "bank_name": name,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc(
        "rib", f"rib/{variant}", [pg], fields, "digital", lang="en" if country == "DE" else "es"
    )


def _fr_fields(ctx: Ctx, r: dict, bic: str, holder: str, name: str) -> dict:
    p = ctx.person
    return {
        "holder": holder,
        "iban": r["iban"],
        "bic": bic,
        "bank_code": r["bank"],
        "branch_code": r["branch"],
        "account_number": r["account"],
        "rib_key": r["key"],
        "country": "FR",
        "iban_valid": True,
        "rib_key_valid": True,
        "bank_name": name,
        "holder_is": ctx.opts.get("holder_is", "applicant"),
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }


def _fr_slip(ctx: Ctx) -> Doc:
    """The small RIB slip torn from a cheque book (mutualist bank): a landscape strip."""
    rng, p = ctx.rng, ctx.person
    name, letters, color = FR_BANKS[2]
    r = numbers.fr_rib(rng, letter=rng.random() < 0.1)
    bic = numbers.bic(rng, "FR", letters)
    holder = f"{p.civility.upper()} {p.surname.upper()} {p.given_names.upper()}"
    fam = rng.choice(["dejavu-sans-condensed", "liberation-sans-narrow", "liberation-sans"])
    W, H = 175.0, 72.0
    pg = Page(W, H, bg=(250, 248, 240))
    pg.rect(1, 1, W - 2, H - 2, color, None, 0.5)
    pg.group(5, 4, logo(rng, name, color, 10, fam))
    title = rng.choice(["RELEVÉ D'IDENTITÉ BANCAIRE", "R.I.B. — Relevé d'identité bancaire"])
    pg.text(W - 5, 9, title, fam, 9, "bold", color, "right")
    pg.text(5, 20, "Titulaire :", fam, 7.5, "regular", (90, 90, 90))
    pg.text(26, 20, holder, fam, 9.5, "bold")
    pg.text(26, 24.5, p.address.oneline(), fam, fit_size(p.address.oneline(), fam, 8, 140))
    heads = ["Banque", "Guichet", "N° compte", "Clé"]
    vals = [r["bank"], r["branch"], r["account"], r["key"]]
    x = 5
    for h, v, w in zip(heads, vals, [28, 28, 50, 16], strict=True):
        pg.text(x, 33, h, fam, 7, "regular", (90, 90, 90))
        pg.text(x, 39, v, "liberation-mono", 10.5, "bold")
        x += w
    pg.text(5, 49, "IBAN", fam, 7, "regular", (90, 90, 90))
    pg.text(5, 55, numbers.group4(r["iban"]), "liberation-mono", 11, "bold")
    pg.text(120, 49, "Code BIC", fam, 7, "regular", (90, 90, 90))
    pg.text(120, 55, bic, "liberation-mono", 11, "bold")
    agency = rng.choice(AGENCIES)
    pg.text(5, 65, f"Domiciliation : {name} — {agency}", fam, 7.5)
    if rng.random() < 0.5:  # the slip laid on the scanner glass: a mostly white A4 page
        a4 = Page()
        a4.group(rng.uniform(8, 25), rng.uniform(8, 30), pg, angle=rng.uniform(-2, 2))
        pg = a4
    return Doc("rib", "rib/fr-slip", [pg], _fr_fields(ctx, r, bic, holder, name), "paper")


def _fr_app(ctx: Ctx) -> Doc:
    """A neobank's 'account details' export: bilingual, big IBAN, no table."""
    rng, p = ctx.rng, ctx.person
    name, letters, color = FR_BANKS[4]
    r = numbers.fr_rib(rng)
    bic = numbers.bic(rng, "FR", letters, branch=False)
    holder = f"{p.given_names} {p.surname.upper()}"
    fam = rng.choice(["dejavu-sans", "liberation-sans", "dejavu-sans-light"])
    pg = Page()
    pg.rect(0, 0, 210, 40, None, color)
    pg.text(18, 24, name, fam, 20, "bold", (255, 255, 255))
    pg.text(18, 33, "Coordonnées bancaires / Account details", fam, 11, "regular", (230, 240, 250))
    y = 60
    for lab, v, mono in [
        ("Titulaire du compte / Account holder", holder, False),
        ("IBAN", numbers.group4(r["iban"]), True),
        ("BIC / SWIFT", bic, True),
        ("Banque / Bank", f"{name} — 12 rue de la Bourse, 75002 Paris", False),
    ]:
        pg.rect(18, y - 8, 174, 20, (220, 225, 232), (248, 250, 252), 0.3)
        pg.text(24, y - 2, lab, fam, 9, "regular", (100, 100, 110))
        pg.text(24, y + 7, v, "dejavu-mono" if mono else fam, 12.5 if mono else 12, "bold")
        y += 26
    pg.text(
        18,
        y + 4,
        f"Code banque {r['bank']} · Code guichet {r['branch']} · "
        f"N° de compte {r['account']} · Clé RIB {r['key']}",
        fam,
        9,
        "regular",
        (90, 90, 90),
    )
    pg.para(
        18,
        y + 16,
        174,
        "Communiquez ces coordonnées pour recevoir des virements ou "
        "mettre en place des prélèvements SEPA. Share these details to receive transfers.",
        fam,
        9.5,
        "regular",
        (90, 90, 90),
    )
    issued = ctx.as_of - timedelta(days=rng.randint(0, 40))
    pg.text(18, 280, f"Généré le {fmt_date(issued, 'num')}", fam, 8.5, "regular", (120, 120, 120))
    return Doc("rib", "rib/fr-app", [pg], _fr_fields(ctx, r, bic, holder, name), "digital")


def _sepa_lt(ctx: Ctx) -> Doc:
    """A foreign SEPA neobank (LT IBAN), in English."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    name = "Nevali Bank UAB"
    bank = f"{rng.randint(30000, 39999)}"
    acct = f"{rng.randint(0, 10**11 - 1):011d}"
    iban = numbers.make_iban("LT", bank + acct)
    bic = "NEVALT2" + rng.choice("12")
    holder = f"{p.given_names} {p.surname.upper()}"
    pg = Page()
    pg.group(18, 14, logo(rng, "nevali", (20, 20, 30), 16, fam))
    pg.text(18, 44, "Account details", fam, 17, "bold")
    pg.text(18, 51, "EUR account · SEPA", fam, 10.5, "regular", (100, 100, 100))
    y = 68
    for lab, v in [
        ("Beneficiary / Account holder", holder),
        ("IBAN", numbers.group4(iban)),
        ("BIC", bic),
        ("Bank name and address", f"{name}, Konstitucijos pr. 21B, 08130 Vilnius, Lithuania"),
    ]:
        pg.text(18, y, lab, fam, 9.5, "regular", (100, 100, 100))
        mono = lab in ("IBAN", "BIC")
        pg.text(
            18,
            y + 7,
            v,
            "dejavu-mono" if mono else fam,
            13 if mono else fit_size(v, fam, 11.5, 170, "bold"),
            "bold",
        )
        y += 18
    pg.para(
        18,
        y + 6,
        174,
        "Use these details for transfers in euro from any SEPA country. "
        "Your account is held in Lithuania.",
        fam,
        10,
        "regular",
        (90, 90, 90),
    )
    fields = {
        "holder": holder.upper(),
        "iban": iban,
        "bic": bic,
        "country": "LT",
        "iban_valid": True,
        "sepa_foreign": True,
        "bank_name": name,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", "rib/sepa-lt", [pg], fields, "digital", lang="en")


_IT_BANKS = [("Banca Adriatica Popolare", "BADP"), ("Cassa di Risparmio del Monte", "CRMT")]


def _sepa_it(ctx: Ctx) -> Doc:
    """An Italian account's 'coordinate bancarie' (IT IBAN: CIN letter, ABI, CAB, account)."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    name, letters = rng.choice(_IT_BANKS)
    bban = (
        rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ")
        + f"{rng.randint(1000, 9999):05d}{rng.randint(10000, 99999)}"
        + f"{rng.randint(0, 10**12 - 1):012d}"
    )
    iban = numbers.make_iban("IT", bban)
    bic = numbers.bic(rng, "IT", letters, branch=rng.random() < 0.5)
    holder = rng.choice(
        [f"{p.given_names} {p.surname.upper()}", f"{p.surname.upper()} {p.given_names}"]
    )
    pg = Page()
    pg.group(18, 14, logo(rng, name, (10, 70, 60), 13, fam))
    title = rng.choice(["Coordinate bancarie", "Coordinate bancarie / Bank details"])
    pg.text(18, 46, title, fam, 16, "bold")
    y = 64
    rows = [
        (rng.choice(["Intestatario", "Intestatario del conto"]), holder),
        ("IBAN", numbers.group4(iban)),
        ("BIC / SWIFT", bic),
        ("ABI / CAB", f"{bban[1:6]} / {bban[6:11]}"),
        ("Filiale", rng.choice(["Milano Centro", "Torino Porta Nuova", "Bologna Due Torri"])),
    ]
    if rng.random() < 0.5:
        rng.shuffle(rows)
    for lab, v in rows:
        pg.text(18, y, lab, fam, 9.5, "regular", (100, 100, 100))
        mono = lab.startswith(("IBAN", "BIC"))
        pg.text(70, y, v, "dejavu-mono" if mono else fam, 12 if mono else 11.5, "bold")
        y += 12
    pg.para(
        18,
        y + 8,
        174,
        "Utilizzare queste coordinate per i bonifici SEPA in euro verso il conto indicato.",
        fam,
        10,
        "regular",
        (90, 90, 90),
    )
    fields = {
        "holder": holder.upper(),
        "iban": iban,
        "bic": bic,
        "country": "IT",
        "iban_valid": True,
        "sepa_foreign": True,
        "bank_name": name,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", "rib/sepa-it", [pg], fields, "digital", lang="it")


RIB_LAYOUTS = [
    "fr-classic",
    "fr-online",
    "fr-slip",
    "fr-app",
    "sepa-de",
    "sepa-es",
    "sepa-lt",
    "sepa-it",
    "fr-badkey",
    "fr-varied",
    "sepa-varied",
    "home-varied",
]
