"""Held-out layout families (at least one per contract type).

The classifier's authors must not read this module: these families measure how the
classifier does on documents whose layout, wording and labels it was not tuned on.
Keep their description out of README, commit messages and reports (layout ids only).
Each family still carries what its type must carry (DOMAIN.md §12).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from PIL import Image, ImageDraw, ImageFilter

from samples import identifiers as numbers
from samples import mrzgen
from samples.canvas import Page, text_width
from samples.people import (
    NATIONS,
    Person,
    add_months,
    alnum,
    digits,
    fmt_date,
    make_address,
    make_person,
    money,
    month_end,
    month_name,
)
from samples.specimens import faces
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    guilloche,
    hand_font,
    logo,
    mrz_band,
    photo_box,
    put_signature,
    put_stamp,
)

GREY = (105, 105, 110)


def _person(ctx: Ctx, nats: list[str]) -> Person:
    if ctx.person.nationality in nats:
        return ctx.person
    return make_person(ctx.rng, ctx.rng.choice(nats), ctx.as_of)


def _validity(rng: random.Random, as_of: date, years: int) -> tuple[date, date]:
    issue = as_of - timedelta(days=rng.randint(60, years * 365 - 250))
    return issue, add_months(issue, 12 * years) - timedelta(days=1)


# ------------------------------------------------------------------------- passport

_PP = {
    "KEN": ("REPUBLIC OF KENYA", "PASSPORT", "KENYAN", "en", "Immigration Department"),
    "GHA": ("REPUBLIC OF GHANA", "PASSPORT", "GHANAIAN", "en", "Ghana Passport Office"),
    "CHL": ("REPÚBLICA DE CHILE", "PASAPORTE", "CHILENA", "es", "Registro Civil"),
    "BOL": ("ESTADO PLURINACIONAL DE BOLIVIA", "PASAPORTE", "BOLIVIANA", "es", "DIGEMIG"),
    "ALB": ("REPUBLIKA E SHQIPËRISË", "PASAPORTË", "SHQIPTARE", "sq", "Drejtoria e Policisë"),
    "SRB": ("REPUBLIKA SRBIJA", "PASOŠ", "SRPSKO", "sr", "PU Beograd"),
}
_PP_LABELS = {
    "en": [
        "Surname",
        "Given names",
        "Nationality",
        "Date of birth",
        "Sex",
        "Place of birth",
        "Date of issue",
        "Date of expiry",
        "Issuing authority",
        "Passport no.",
    ],
    "es": [
        "Apellidos",
        "Nombres",
        "Nacionalidad",
        "Fecha de nacimiento",
        "Sexo",
        "Lugar de nacimiento",
        "Fecha de emisión",
        "Fecha de vencimiento",
        "Autoridad",
        "N.º de pasaporte",
    ],
    "sq": [
        "Mbiemri",
        "Emri",
        "Shtetësia",
        "Datëlindja",
        "Gjinia",
        "Vendlindja",
        "Data e lëshimit",
        "Data e mbarimit",
        "Autoriteti",
        "Nr. i pasaportës",
    ],
    "sr": [
        "Prezime",
        "Ime",
        "Državljanstvo",
        "Datum rođenja",
        "Pol",
        "Mesto rođenja",
        "Datum izdavanja",
        "Važi do",
        "Izdaje",
        "Broj pasoša",
    ],
}
_EN = _PP_LABELS["en"]


def passport_a(ctx: Ctx) -> Doc:
    rng = ctx.rng
    p = _person(ctx, sorted(_PP))
    state, title, natname, lang, auth = _PP[p.nationality]
    issue, expiry = _validity(rng, ctx.as_of, 10 if p.nationality not in ("BOL", "GHA") else 5)
    number = alnum(rng, 1, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(rng, 7)
    mrz = mrzgen.td3(
        p.nationality, p.surname, p.given_names, number, p.nationality, p.birth_date, p.sex, expiry
    )
    assert mrzgen.verify(mrz)
    W, H = 125.0, 88.0
    tint = rng.choice([(244, 236, 226), (230, 240, 238), (240, 232, 240)])
    pg = Page(W, H, bg=tint)
    band = rng.choice([(120, 40, 40), (30, 70, 60), (40, 50, 110), (90, 60, 20)])
    for i in range(0, 30, 2):  # a rosette of thin circles, upper right
        pg.ellipse(
            80 + i * 0.4,
            10 + i * 0.25,
            40 - i * 0.8,
            40 - i * 0.8,
            tuple(int(c + (255 - c) * 0.8) for c in band),
            None,
            0.12,
        )
    pg.rect(0, 0, 8, H, None, band)
    fam = rng.choice(["liberation-serif", "dejavu-serif", "liberation-sans-narrow"])
    pg.text(12, 6, state, fam, fit_size(state, fam, 7.5, 70, "bold"), "bold", band)
    tt = f"{title}  ·  {'PASSPORT' if title != 'PASSPORT' else 'PASSEPORT'}"
    pg.text(W - 4, 6, tt, fam, 7, "bold", band, "right")
    lab_ = _PP_LABELS[lang]

    def lab(i: int) -> str:
        return lab_[i] if lang == "en" else f"{lab_[i]}/{_EN[i]}"

    d = lambda x: fmt_date(x, "icao-short")  # noqa: E731
    vals = [
        p.surname.upper(),
        p.given_names.upper(),
        natname,
        d(p.birth_date),
        p.sex,
        p.birth_place.upper(),
        d(issue),
        d(expiry),
        auth,
        number,
    ]
    # code / type / number on one line at the top, then a 2-column grid, photo bottom left
    pg.text(12, 12.5, f"P  ·  {p.nationality}", fam, 8.5, "bold")
    pg.text(W - 4, 12.5, f"{lab(9)}  {number}", fam, 7.5, "bold", (150, 20, 30), "right")
    photo_box(
        pg,
        faces.portrait(
            rng,
            face_ratio=rng.uniform(0.68, 0.76),
            out_h=380,
            gray=rng.random() < 0.4,
            background=(228, 228, 226),
        ),
        12,
        18,
        27,
        35,
    )
    put_signature(pg, rng, 12, 54, 27, 8)
    order = [
        (0, 42, 17, 78),
        (1, 42, 24, 78),
        (2, 42, 31, 40),
        (4, 84, 31, 36),
        (3, 42, 38, 40),
        (5, 84, 38, 36),
        (6, 42, 45, 40),
        (7, 84, 45, 36),
        (8, 42, 52, 78),
    ]
    for i, x, y, w in order:
        s = lab(i)
        pg.text(x, y, s, fam, fit_size(s, fam, 5.2, w - 2), "italic", GREY)
        pg.text(x, y + 3.6, vals[i], fam, fit_size(vals[i], fam, 8.5, w - 2, "bold"), "bold")
    mrz_band(pg, mrz, 5.5 + 4, H - 4.2, W - 15, bg=None)
    fields = {
        **p.truth(),
        "birth_place": p.birth_place,
        "nationality": p.nationality,
        "issuing_state": p.nationality,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD3",
        "mrz": mrz,
        "mrz_valid": True,
    }
    pages = [pg]
    if rng.random() < 0.5:  # with the facing visa page, blank but for an exit stamp
        book = Page(W, 2 * H, bg=None)
        vis = Page(W, H, bg=tint)
        guilloche(vis, rng, tuple(max(0, c - 22) for c in tint), n=8)
        put_stamp(
            vis,
            rng,
            70,
            20,
            [p.nationality, fmt_date(issue + timedelta(days=30), "dot"), "DEPARTURE"],
            w=30,
            h=18,
            size=5.5,
        )
        book.group(0, 0, vis)
        book.group(0, H, pg)
        pages = [book]
    return Doc("passport", "passport/heldout-a", pages, fields, "booklet", lang=lang)


# ---------------------------------------------------------------------- national ID

_ID = {
    "AUT": (
        "REPUBLIK ÖSTERREICH",
        "PERSONALAUSWEIS",
        "de",
        [
            "NAME",
            "VORNAME",
            "GEBURTSDATUM",
            "GESCHLECHT",
            "STAATSANGEHÖRIGKEIT",
            "GÜLTIG BIS",
            "AUSWEISNR.",
        ],
    ),
    "SWE": (
        "SVERIGE",
        "IDENTITETSKORT",
        "sv",
        [
            "Efternamn",
            "Förnamn",
            "Födelsedatum",
            "Kön",
            "Medborgarskap",
            "Giltig t.o.m.",
            "Kortnummer",
        ],
    ),
    "FIN": (
        "SUOMI FINLAND",
        "HENKILÖKORTTI",
        "fi",
        [
            "Sukunimi",
            "Etunimet",
            "Syntymäaika",
            "Sukupuoli",
            "Kansalaisuus",
            "Voimassa",
            "Kortin numero",
        ],
    ),
    "CZE": (
        "ČESKÁ REPUBLIKA",
        "OBČANSKÝ PRŮKAZ",
        "cs",
        [
            "Příjmení",
            "Jméno",
            "Datum narození",
            "Pohlaví",
            "Státní občanství",
            "Platnost do",
            "Číslo dokladu",
        ],
    ),
    "HRV": (
        "REPUBLIKA HRVATSKA",
        "OSOBNA ISKAZNICA",
        "hr",
        [
            "Prezime",
            "Ime",
            "Datum rođenja",
            "Spol",
            "Državljanstvo",
            "Vrijedi do",
            "Broj osobne iskaznice",
        ],
    ),
    "LTU": (
        "LIETUVOS RESPUBLIKA",
        "ASMENS TAPATYBĖS KORTELĖ",
        "lt",
        [
            "Pavardė",
            "Vardas",
            "Gimimo data",
            "Lytis",
            "Pilietybė",
            "Galioja iki",
            "Asmens dokumento Nr.",
        ],
    ),
}
_ID_EN = [
    "Surname",
    "Given names",
    "Date of birth",
    "Sex",
    "Nationality",
    "Date of expiry",
    "Document no.",
]


def national_id_a(ctx: Ctx) -> Doc:
    rng = ctx.rng
    p = _person(ctx, sorted(_ID))
    state, title, lang, labels = _ID[p.nationality]
    issue, expiry = _validity(rng, ctx.as_of, 10)
    number = alnum(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(rng, 6)
    mrz = mrzgen.td1(
        p.nationality,
        p.surname,
        p.given_names,
        number,
        p.nationality,
        p.birth_date,
        p.sex,
        expiry,
        doc_type="ID",
    )
    assert mrzgen.verify(mrz)
    W, H = 85.6, 54.0
    fam = rng.choice(["liberation-sans-narrow", "dejavu-sans-condensed", "liberation-sans"])
    col = rng.choice([(0, 60, 110), (110, 30, 40), (20, 80, 60)])
    f = Page(W, H, bg=rng.choice([(238, 242, 246), (246, 240, 236), (240, 246, 240)]))
    for i in range(12):  # fine diagonal security lines
        f.line(i * 9, 0, i * 9 - 30, H, tuple(min(255, c + 150) for c in col), 0.15)
    f.rect(0, 0, W, 8, None, col)
    f.text(3, 5.6, state, fam, 6.5, "bold", (255, 255, 255))
    f.text(
        W - 3,
        5.6,
        title,
        fam,
        fit_size(title, fam, 6.5, 42, "bold"),
        "bold",
        (255, 255, 255),
        "right",
    )
    px = W - 26
    photo_box(f, faces.portrait(rng, out_h=340, gray=True), px, 11, 23, 29.5)
    f.text(
        px + 11.5,
        45,
        p.nationality,
        fam,
        13,
        "bold",
        tuple(min(255, c + 120) for c in col),
        "center",
    )
    d = lambda x: fmt_date(x, "dot")  # noqa: E731
    vals = [
        p.surname.upper(),
        p.given_names.upper(),
        d(p.birth_date),
        p.sex,
        p.nationality,
        d(expiry),
        number,
    ]
    y = 13
    for i in (0, 1):
        lb = f"{labels[i]} / {_ID_EN[i]}"
        f.text(3, y, lb, fam, fit_size(lb, fam, 5, 52), "regular", GREY)
        f.text(3, y + 3.7, vals[i], fam, fit_size(vals[i], fam, 8.5, 52, "bold"), "bold")
        y += 8
    for a, b in ((2, 3), (4, 5)):
        for j, i in enumerate((a, b)):
            lb = labels[i]
            x = 3 + j * 28
            f.text(x, y, lb, fam, fit_size(lb, fam, 5, 26), "regular", GREY)
            f.text(x, y + 3.7, vals[i], fam, fit_size(vals[i], fam, 8, 26, "bold"), "bold")
        y += 8
    f.text(3, y, labels[6], fam, 5, "regular", GREY)
    f.text(3, y + 3.7, number, fam, 8.5, "bold", (150, 20, 30))
    b = Page(W, H, bg=f.bg)
    b.text(3, 6, labels[6], fam, 5, "regular", GREY)
    b.text(3, 9.5, number, fam, 7.5, "bold")
    b.text(40, 6, fmt_date(issue, "dot"), fam, 7.5, "bold")
    b.text(3, 15, p.birth_place.upper(), fam, 7.5, "bold")
    mrz_band(b, mrz, 4, H - 3.5, W - 8, bg=(252, 252, 252))
    fields = {
        **p.truth(),
        "nationality": p.nationality,
        "birth_place": p.birth_place,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD1",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": p.nationality,
        "eea": True,
        "sides": ["front", "back"],
    }
    return Doc("national_id", "national_id/heldout-a", [f, b], fields, "card", lang=lang)


# ------------------------------------------------------------------- residence permit


def residence_permit_a(ctx: Ctx) -> Doc:
    """A titre card of another design (EU family member / withdrawal agreement)."""
    rng, p = ctx.rng, ctx.person
    kind = rng.choice(
        [
            ("CARTE DE SÉJOUR", "MEMBRE DE LA FAMILLE D'UN CITOYEN DE L'UNION", 60),
            ("CARTE DE SÉJOUR", "ACCORD DE RETRAIT DU ROYAUME-UNI - ART. 50 TUE", 60),
            ("CARTE DE SÉJOUR PERMANENT", "DIRECTIVE 2004/38/CE - SÉJOUR PERMANENT", 120),
        ]
    )
    if "ROYAUME-UNI" in kind[1] and p.nationality != "GBR":
        p = make_person(rng, "GBR", ctx.as_of)
    issue = ctx.as_of - timedelta(days=rng.randint(30, 700))
    expiry = add_months(issue, kind[2]) - timedelta(days=1)
    number = digits(rng, 10)
    mrz = mrzgen.td1(
        "FRA",
        p.surname,
        p.given_names,
        number,
        p.nationality,
        p.birth_date,
        p.sex,
        expiry,
        doc_type="IR",
    )
    assert mrzgen.verify(mrz)
    W, H = 85.6, 54.0
    fam = rng.choice(["dejavu-sans-condensed", "liberation-sans-narrow"])
    blue = (10, 50, 120)
    f = Page(W, H, bg=(236, 240, 232))
    guilloche(f, rng, (206, 214, 200), n=9)
    f.rect(0, H - 9, W, 9, None, (210, 222, 240))
    photo_box(f, faces.portrait(rng, out_h=340, gray=rng.random() < 0.6), 3, 3, 22, 28.5)
    f.text(28, 5.5, "RÉPUBLIQUE FRANÇAISE", fam, 6, "bold", blue)
    f.text(28, 9.5, kind[0], fam, fit_size(kind[0], fam, 8, 55, "bold"), "bold", blue)
    d = lambda x: fmt_date(x, "dash")  # noqa: E731
    rows = [
        ("1. NOM", p.surname.upper()),
        ("2. PRÉNOMS", p.given_names.upper()),
        ("3. NÉ(E) LE · 4. SEXE · 5. NAT.", f"{d(p.birth_date)}   {p.sex}   {p.nationality}"),
        ("6. VALIDITÉ", f"{d(issue)} → {d(expiry)}"),
    ]
    y = 14.5
    for lb, v in rows:
        f.text(28, y, lb, fam, 4.8, "regular", GREY)
        f.text(28, y + 3.6, v, fam, fit_size(v, fam, 7.8, 55, "bold"), "bold")
        y += 7.4
    f.text(3, H - 3.2, "TITRE DE SÉJOUR", fam, 6.5, "bold", blue)
    f.text(W - 3, H - 3.2, number, fam, 7, "bold", (140, 20, 30), "right")
    b = Page(W, H, bg=(236, 240, 232))
    guilloche(b, rng, (206, 214, 200), n=9)
    b.text(3, 6, "7. CATÉGORIE / REMARQUES", fam, 4.8, "regular", GREY)
    y = 9.5
    from samples.canvas import wrap

    for ln in wrap(kind[1], W - 6, fam, 6.8, "bold"):
        b.text(3, y, ln, fam, 6.8, "bold")
        y += 3.1
    b.text(
        3,
        y + 2.5,
        f"8. ADRESSE : {p.address.oneline()}",
        fam,
        fit_size(f"8. ADRESSE : {p.address.oneline()}", fam, 5.8, W - 6),
        "regular",
    )
    mrz_band(b, mrz, 4, H - 3.5, W - 8)
    fields = {
        **p.truth(),
        "kind": "card",
        "permit_type": kind[0],
        "mention": kind[1],
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD1",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": "FRA",
        "sides": ["front", "back"],
    }
    return Doc("residence_permit", "residence_permit/heldout-a", [f, b], fields, "card")


def residence_permit_b(ctx: Ctx) -> Doc:
    """An online-generated receipt for a permit application (A4, a 2D code, a table)."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-sans", "dejavu-sans"])
    issue = ctx.as_of - timedelta(days=rng.randint(5, 80))
    expiry = add_months(issue, rng.choice([3, 6])) - timedelta(days=1)
    if expiry <= ctx.as_of:
        expiry = ctx.as_of + timedelta(days=rng.randint(30, 120))
    etranger = digits(rng, 10)
    pg = Page()
    pg.rect(18, 14, 3, 22, None, (0, 0, 145))
    pg.rect(21, 14, 3, 22, None, (255, 255, 255))
    pg.rect(24, 14, 3, 22, None, (225, 0, 15))
    pg.text(31, 20, "RÉPUBLIQUE", fam, 8, "bold")
    pg.text(31, 24, "FRANÇAISE", fam, 8, "bold")
    pg.text(31, 29, "Ministère de l'Intérieur", fam, 7.5, "italic", GREY)
    x0, y0, cell = 156, 14, 1.25  # a 2D code, top right
    for i in range(28):
        for j in range(28):
            if rng.random() < 0.48 or i in (0, 27) or j in (0, 27):
                pg.rect(x0 + i * cell, y0 + j * cell, cell, cell, None, (0, 0, 0))
    title = rng.choice(
        [
            "RÉCÉPISSÉ DE DEMANDE DE TITRE DE SÉJOUR",
            "RÉCÉPISSÉ — DEMANDE DE TITRE DE SÉJOUR EN LIGNE",
        ]
    )
    pg.text(18, 62, title, fam, fit_size(title, fam, 14, 174, "bold"), "bold")
    sub = rng.choice(["Demande de renouvellement", "Première demande", "Changement de statut"])
    pg.text(18, 69, sub, fam, 11, "regular", GREY)
    photo_box(pg, faces.portrait(rng, out_h=380), 160, 78, 30, 38.5)
    d = lambda x: fmt_date(x, "num")  # noqa: E731
    rows = [
        ("Nom de naissance", p.surname.upper()),
        ("Prénom(s)", p.given_names),
        ("Date et lieu de naissance", f"{d(p.birth_date)} — {p.birth_place}"),
        ("Nationalité", NATIONS[p.nationality]["fr"].title()),
        ("Identifiant étranger", etranger),
        ("Valable du", d(issue)),
        ("Jusqu'au", d(expiry)),
        ("Droit au travail", rng.choice(["Oui", "Oui — toute profession", "Non"])),
    ]
    y = 82
    for lb, v in rows:
        pg.rect(18, y - 5.5, 136, 8.5, (200, 200, 205), None, 0.2)
        pg.text(21, y, lb, fam, 9.5, "regular", GREY)
        pg.text(78, y, v, fam, fit_size(v, fam, 10, 74, "bold"), "bold")
        y += 8.5
    pg.para(
        18,
        y + 8,
        174,
        "Ce document, accompagné de votre passeport, atteste du dépôt de "
        "votre demande et du maintien de votre droit au séjour pendant son instruction. "
        "Il peut être vérifié en lisant le code ci-dessus.",
        fam,
        9.5,
        leading=1.45,
    )
    fields = {
        **p.truth(),
        "kind": "recepisse",
        "issue_date": issue.isoformat(),
        "valid_from": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "numero_etranger": etranger,
    }
    return Doc("residence_permit", "residence_permit/heldout-b", [pg], fields, "digital")


# ---------------------------------------------------------------- birth certificates

_ES_NUM = [
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
    "treinta",
    "treinta y uno",
]


def birth_certificate_a(ctx: Ctx) -> Doc:
    """A register extract written as one paragraph (Spanish), book and folio numbers."""
    rng = ctx.rng
    p = _person(ctx, ["ARG", "PER", "CHL", "BOL"])
    fam = rng.choice(["liberation-serif", "dejavu-serif"])
    province = {
        "ARG": "PROVINCIA DE " + p.birth_place.upper(),
        "PER": "MUNICIPALIDAD PROVINCIAL DE " + p.birth_place.upper(),
        "CHL": "SERVICIO DE REGISTRO CIVIL E IDENTIFICACIÓN",
        "BOL": "SERVICIO DE REGISTRO CÍVICO — " + p.birth_place.upper(),
    }[p.nationality]
    state = NATIONS[p.nationality]["en"].title()
    rep = {
        "ARG": "REPÚBLICA ARGENTINA",
        "PER": "REPÚBLICA DEL PERÚ",
        "CHL": "REPÚBLICA DE CHILE",
        "BOL": "ESTADO PLURINACIONAL DE BOLIVIA",
    }[p.nationality]
    issue = ctx.as_of - timedelta(days=rng.randint(20, 150))
    libro, folio, acta = rng.randint(1, 60), rng.randint(1, 400), rng.randint(1, 999)
    pg = Page()
    pg.text(105, 20, rep, fam, 12, "bold", align="center")
    pg.text(105, 26, province, fam, fit_size(province, fam, 9.5, 170), align="center")
    pg.text(105, 40, "PARTIDA DE NACIMIENTO", fam, 15, "bold", align="center")
    pg.text(105, 46, "(testimonio)", fam, 10, "italic", align="center")
    pg.text(20, 58, f"Libro {libro} — Folio {folio} — Acta N.º {acta}", fam, 10.5)
    b = p.birth_date
    reg = b + timedelta(days=rng.randint(3, 25))
    hijo = "hijo" if p.sex == "M" else "hija"
    text = (
        f"En la ciudad de {p.birth_place}, a los {_ES_NUM[reg.day - 1]} días del mes de "
        f"{fmt_date(reg, 'long', 'es').split(' de ')[1]} del año {reg.year}, ante mí, "
        f"Oficial Público del Registro del Estado Civil, comparece {p.father}, y declara: "
        f"que el día {b.day} de {fmt_date(b, 'long', 'es').split(' de ')[1]} de {b.year}, a las "
        f"{rng.randint(0, 23)} horas, nació en esta ciudad una persona de sexo "
        f"{'masculino' if p.sex == 'M' else 'femenino'}, a quien se le puso por nombre "
        f"{p.given_names.upper()} {p.surname.upper()}, {hijo} de {p.father} y de "
        f"{p.mother}, ambos de nacionalidad {state.lower()}. Leída el acta, la firman el "
        f"declarante y los testigos conmigo, de lo que doy fe."
    )
    y = pg.para(20, 70, 170, text, fam, 11.5, leading=1.7)
    y = pg.para(
        20,
        y + 8,
        170,
        f"Es copia fiel del acta original. Expedido el {fmt_date(issue, 'long', 'es')}.",
        fam,
        11,
    )
    officer = rng.choice(["Marta Sosa", "Raúl Benítez", "Graciela Paz", "Hugo Lezcano"])
    pg.text(120, y + 16, officer, fam, 10.5)
    pg.text(120, y + 21, "Jefe/a de Registro", fam, 10)
    put_signature(pg, rng, 122, y + 2, 42, 13)
    put_stamp(
        pg,
        rng,
        35,
        y + 8,
        ["REGISTRO DEL ESTADO CIVIL", p.birth_place.upper()[:22]],
        w=46,
        h=46,
        round_=True,
    )
    pages = [pg]
    parts = ["certificate"]
    if rng.random() < 0.6:
        pages.append(_apostille_other(rng, p, issue + timedelta(days=rng.randint(2, 14))))
        parts.append("apostille")
    if rng.random() < 0.5:
        pages.append(_translation_other(rng, p, "espagnol", issue))
        parts.append("translation")
    fields = {
        **p.truth(),
        "birth_place": p.birth_place,
        "father": p.father,
        "mother": p.mother,
        "filiation": True,
        "language": "es",
        "issuing_country": p.nationality,
        "issue_date": issue.isoformat(),
        "has_apostille": "apostille" in parts,
        "has_translation": "translation" in parts,
        "page_parts": parts,
    }
    return Doc(
        "birth_certificate", "birth_certificate/heldout-a", pages, fields, "paper", lang="es"
    )


def birth_certificate_b(ctx: Ctx) -> Doc:
    """A landscape register entry with numbered columns (English)."""
    rng = ctx.rng
    p = _person(ctx, ["GBR", "GHA", "KEN"])
    fam = rng.choice(["liberation-serif", "dejavu-serif", "liberation-sans-narrow"])
    W, H = 297.0, 210.0
    tint = rng.choice([(250, 236, 236), (238, 246, 236), (244, 240, 250)])
    pg = Page(W, H, bg=tint)
    guilloche(pg, rng, tuple(max(0, c - 20) for c in tint), n=18)
    pg.text(W / 2, 18, "CERTIFIED COPY OF AN ENTRY OF BIRTH", fam, 15, "bold", align="center")
    dist = p.birth_place
    pg.text(20, 30, f"Registration district  {dist}", fam, 10)
    pg.text(W - 20, 30, f"Entry No. {rng.randint(1, 400)}", fam, 10, align="right")
    cols = [
        ("1", "When and where born", f"{fmt_date(p.birth_date, 'long', 'en')}\n{dist}"),
        ("2", "Name, if any", p.given_names),
        ("3", "Sex", "Boy" if p.sex == "M" else "Girl"),
        ("4", "Name and surname of father", p.father),
        ("5", "Name, surname and maiden surname of mother", p.mother),
        ("6", "Occupation of father", rng.choice(["Teacher", "Engineer", "Driver", "Nurse"])),
        (
            "7",
            "Signature, description and residence of informant",
            f"{p.mother.split()[0]} {p.surname}\nMother",
        ),
        (
            "8",
            "When registered",
            fmt_date(p.birth_date + timedelta(days=rng.randint(5, 40)), "long", "en"),
        ),
        ("9", "Signature of registrar", rng.choice(["J. Ashby", "M. Owusu", "P. Kimani"])),
    ]
    widths = [30, 26, 13, 32, 38, 24, 36, 26, 0]
    widths[-1] = W - 40 - sum(widths[:-1])
    x, y = 20.0, 40.0
    for (num, head, val), w in zip(cols, widths, strict=True):
        pg.rect(x, y, w, 26, (60, 40, 40), None, 0.3)
        pg.rect(x, y + 26, w, 48, (60, 40, 40), None, 0.3)
        pg.text(x + w / 2, y + 4, num, fam, 8, "bold", align="center")
        yy = y + 9
        from samples.canvas import wrap

        for ln in wrap(head, w - 3, fam, 7):
            pg.text(x + 1.5, yy, ln, fam, 7, "regular", GREY)
            yy += 3.2
        yy = y + 34
        for part in val.split("\n"):
            for ln in wrap(part, w - 3, fam, 9.5, "bold"):
                pg.text(x + 1.5, yy, ln, fam, 9.5, "bold")
                yy += 4.4
        x += w
    pg.text(20, 130, f"Surname of child: {p.surname.upper()}", fam, 10.5, "bold")
    issue = ctx.as_of - timedelta(days=rng.randint(20, 200))
    pg.para(
        20,
        142,
        257,
        "CERTIFIED to be a true copy of an entry in a register in my "
        f"custody. Given at the General Register Office, on {fmt_date(issue, 'long', 'en')}.",
        fam,
        10.5,
    )
    put_stamp(pg, rng, 200, 150, ["GENERAL REGISTER OFFICE", "SEAL"], w=40, h=40, round_=True)
    put_signature(pg, rng, 150, 158, 40, 12)
    pg.text(
        20,
        195,
        "CAUTION: THERE ARE OFFENCES RELATING TO FALSIFYING OR ALTERING A "
        "CERTIFICATE. A CERTIFICATE IS NOT EVIDENCE OF IDENTITY.",
        fam,
        7.5,
        "bold",
        GREY,
    )
    pages = [pg]
    parts = ["certificate"]
    if rng.random() < 0.5:
        pages.append(_apostille_other(rng, p, issue + timedelta(days=rng.randint(2, 14))))
        parts.append("apostille")
    if rng.random() < 0.4:
        pages.append(_translation_other(rng, p, "anglais", issue))
        parts.append("translation")
    fields = {
        **p.truth(),
        "birth_place": p.birth_place,
        "father": p.father,
        "mother": p.mother,
        "filiation": True,
        "language": "en",
        "issuing_country": p.nationality,
        "issue_date": issue.isoformat(),
        "has_apostille": "apostille" in parts,
        "has_translation": "translation" in parts,
        "page_parts": parts,
    }
    return Doc(
        "birth_certificate", "birth_certificate/heldout-b", pages, fields, "paper", lang="en"
    )


def _apostille_other(rng: random.Random, p: Person, when: date) -> Page:
    """An apostille as a square box glued on an allonge, two-column items."""
    fam = rng.choice(["liberation-sans", "dejavu-sans-condensed"])
    pg = Page()
    x0, y0, w = rng.uniform(30, 60), rng.uniform(30, 90), 110.0
    pg.rect(x0, y0, w, w, (20, 20, 20), None, 0.4)
    pg.rect(x0 + 1.5, y0 + 1.5, w - 3, w - 3, (20, 20, 20), None, 0.2)
    pg.text(x0 + w / 2, y0 + 12, "APOSTILLE", fam, 15, "bold", align="center")
    pg.text(
        x0 + w / 2,
        y0 + 18,
        "(Convention de La Haye du 5 octobre 1961)",
        fam,
        8,
        "italic",
        align="center",
    )
    country = NATIONS[p.nationality]["en"].title()
    items = [
        ("1. Country:", country),
        ("This public document", ""),
        ("2. has been signed by", rng.choice(["the Registrar", "a Notary Public"])),
        ("3. acting in the capacity of", "Civil Registrar"),
        ("4. bears the seal/stamp of", "the Civil Registry"),
        ("Certified", ""),
        ("5. at", rng.choice(["the Capital", "the Ministry"])),
        ("6. the", fmt_date(when, "long", "en")),
        ("7. by", "Ministry of Foreign Affairs"),
        ("8. No", f"{when.year}/{digits(rng, 6)}"),
        ("9. Seal/stamp:", ""),
        ("10. Signature:", ""),
    ]
    y = y0 + 28
    for lb, v in items:
        pg.text(x0 + 5, y, lb, fam, 8.5, "bold" if not lb[0].isdigit() else "regular")
        pg.text(x0 + 52, y, v, fam, fit_size(v, fam, 8.5, w - 56), "regular")
        y += 6.5
    put_stamp(pg, rng, x0 + 8, y - 16, ["MINISTRY OF FOREIGN AFFAIRS"], w=36, h=22)
    put_signature(pg, rng, x0 + 56, y - 14, 38, 12)
    return pg


def _translation_other(rng: random.Random, p: Person, lang_fr: str, issue: date) -> Page:
    fam = body_font(rng)
    tr = rng.choice(["Isabel MORENO-DUVAL", "Patrick O'NEILL", "Amina KOUADIO"])
    pg = Page()
    pg.text(105, 24, "TRADUCTION JURÉE", fam, 14, "bold", align="center")
    pg.text(
        105,
        31,
        f"Traduit de l'{lang_fr} au français"
        if lang_fr[0] in "ae"
        else f"Traduit du {lang_fr} au français",
        fam,
        10.5,
        "italic",
        align="center",
    )
    pg.text(105, 46, "ACTE DE NAISSANCE", fam, 12.5, "bold", align="center")
    rows = [
        ("Nom", p.surname.upper()),
        ("Prénoms", p.given_names),
        ("Sexe", "masculin" if p.sex == "M" else "féminin"),
        ("Né(e) le", fmt_date(p.birth_date, "long")),
        ("À", p.birth_place),
        ("Fils/fille de", f"{p.father} et de {p.mother}"),
        ("Acte délivré le", fmt_date(issue, "long")),
    ]
    y = 60
    for lb, v in rows:
        pg.text(25, y, lb, fam, 10.5, "regular", GREY)
        pg.text(70, y, v, fam, fit_size(v, fam, 11, 118, "bold"), "bold")
        y += 8
    y = pg.para(
        20,
        y + 10,
        170,
        f"Je soussigné(e), {tr}, traducteur-interprète expert près la "
        "Cour d'appel de Versailles, certifie la présente traduction conforme à "
        "l'original.",
        fam,
        10.5,
        leading=1.45,
    )
    put_stamp(
        pg, rng, 120, y + 8, [tr.upper(), "EXPERT PRÈS LA COUR D'APPEL"], w=60, h=26, round_=True
    )
    put_signature(pg, rng, 40, y + 12, 40, 12)
    return pg


# ----------------------------------------------------------------------------- RIB


def rib_a(ctx: Ctx) -> Doc:
    """One bank's own design: a framed card, the IBAN written in boxes of four."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["dejavu-serif", "liberation-serif", "liberation-sans"])
    bank = rng.choice(
        ["Banque Populaire du Léman", "Crédit Agricole des Causses", "Banque des Vallons"]
    )
    col = rng.choice([(0, 70, 60), (120, 60, 0), (70, 20, 90)])
    r = numbers.fr_rib(rng)
    bic = numbers.bic(rng, "FR", "".join(w[0] for w in bank.split()[:4]).upper().ljust(4, "X"))
    pg = Page()
    pg.rect(15, 15, 180, 120, col, None, 0.8)
    pg.rect(15, 15, 180, 16, None, col)
    pg.text(20, 26, bank.upper(), fam, 12, "bold", (255, 255, 255))
    title = rng.choice(["IDENTITÉ BANCAIRE", "Références bancaires du compte"])
    pg.text(190, 26, title, fam, 10, "bold", (255, 255, 255), "right")
    holder = f"{p.surname.upper()} {p.given_names}"
    pg.text(20, 42, "Intitulé", fam, 8.5, "italic", GREY)
    pg.text(45, 42, holder, fam, 11, "bold")
    pg.text(45, 47.5, p.address.oneline(), fam, 9)
    pg.text(20, 60, "Identifiant international de compte (IBAN)", fam, 8.5, "italic", GREY)
    groups = [r["iban"][i : i + 4] for i in range(0, len(r["iban"]), 4)]
    x = 20
    for g in groups:
        pg.rect(x, 63, 23, 9, (120, 120, 120), (250, 250, 250), 0.3)
        pg.text(x + 11.5, 69.8, g, "liberation-mono", 11, "bold", align="center")
        x += 24.5
    pg.text(20, 84, "Identifiant international de l'établissement (BIC)", fam, 8.5, "italic", GREY)
    pg.text(20, 91, bic, "liberation-mono", 11.5, "bold")
    pg.text(20, 104, "Établissement   Agence   Numéro de compte   Clé", fam, 8.5, "italic", GREY)
    pg.text(
        20,
        110,
        f"{r['bank']}          {r['branch']}     {r['account']}        {r['key']}",
        "liberation-mono",
        10,
    )
    pg.text(20, 124, f"Tenue du compte : {bank}, agence de {p.address.city}", fam, 9)
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
        "rib_key_valid": True,
        "bank_name": bank,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", "rib/heldout-a", [pg], fields, "digital")


# ---------------------------------------------------------------------- utility bill


def utility_bill_a(ctx: Ctx) -> Doc:
    """A local public utility's electricity + gas bill, meter-index table."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    issuer = rng.choice(
        [
            "Régie Énergies du Val d'Argent",
            "Usine d'Électricité de Montclair",
            "Gaz et Électricité de Vallières",
        ]
    )
    col = rng.choice([(0, 90, 140), (150, 60, 0), (20, 110, 60)])
    last = add_months(ctx.as_of.replace(day=1), -1 - ctx.opts.get("months_back", 0))
    start = add_months(last, -1)
    end = month_end(last)
    issue = min(end + timedelta(days=rng.randint(4, 9)), ctx.as_of - timedelta(days=1))
    pg = Page()
    pg.group(16, 12, logo(rng, issuer.split()[0], col, 12, fam))
    pg.text(16, 30, issuer, fam, 9, "regular", GREY)
    pg.text(16, 34.5, make_address(rng).oneline(), fam, 8.5, "regular", GREY)
    pg.rect(120, 12, 74, 26, None, (240, 243, 246))
    no = f"{issue:%y}{digits(rng, 8)}"
    pg.text(124, 19, f"FACTURE N° {no}", fam, 9.5, "bold")
    pg.text(124, 25, f"Émise le {fmt_date(issue, 'num')}", fam, 9)
    pg.text(124, 31, f"N° d'abonné : {digits(rng, 9)}", fam, 9)
    pg.text(120, 52, f"{p.civility} {p.surname.upper()} {p.given_names}", fam, 11)
    pg.text(120, 57.5, p.address.line1, fam, 10.5)
    pg.text(120, 63, p.address.line2, fam, 10.5)
    pg.text(
        16,
        80,
        f"Consommations du {fmt_date(start, 'num')} au {fmt_date(end, 'num')}",
        fam,
        11,
        "bold",
        col,
    )
    kwh_e = rng.randint(260, 800)
    kwh_g = rng.randint(200, 1600)
    rows = [
        (
            "Électricité — point de livraison " + digits(rng, 14),
            rng.randint(10000, 60000),
            kwh_e,
            "kWh",
            round(kwh_e * 0.2516, 2),
        ),
        (
            "Gaz naturel — point de comptage " + digits(rng, 14),
            rng.randint(1000, 9000),
            kwh_g,
            "kWh",
            round(kwh_g * 0.105, 2),
        ),
    ]
    y = 90
    pg.rect(16, y - 6, 178, 8, None, (228, 232, 238))
    for x, h, al in [
        (18, "Énergie", "left"),
        (120, "Index ancien", "right"),
        (146, "Index nouveau", "right"),
        (170, "Qté", "right"),
        (192, "Montant", "right"),
    ]:
        pg.text(x, y - 0.5, h, fam, 8.5, "bold", align=al)
    y += 8
    total = 0.0
    for lab, old, qty, unit, amt in rows:
        pg.text(18, y, lab, fam, fit_size(lab, fam, 9, 85))
        pg.text(120, y, str(old), fam, 9, align="right")
        pg.text(146, y, str(old + (qty if unit == "kWh" else qty)), fam, 9, align="right")
        pg.text(170, y, f"{qty} {unit}", fam, 9, align="right")
        pg.text(192, y, money(amt), fam, 9, align="right")
        total += amt
        y += 7
    abo = round(rng.uniform(18, 35), 2)
    taxes = round(total * 0.14, 2)
    for lab, v in [("Abonnements (2 mois)", abo), ("Taxes et contributions", taxes)]:
        pg.text(18, y, lab, fam, 9)
        pg.text(192, y, money(v), fam, 9, align="right")
        total += v
        y += 7
    ttc = round(total * 1.2, 2)
    pg.line(16, y - 3, 194, y - 3, GREY, 0.3)
    pg.text(146, y + 4, "Total hors TVA", fam, 9.5, align="right")
    pg.text(192, y + 4, money(round(total, 2)), fam, 9.5, align="right")
    pg.text(146, y + 11, "TVA", fam, 9.5, align="right")
    pg.text(192, y + 11, money(round(ttc - total, 2)), fam, 9.5, align="right")
    pg.rect(100, y + 16, 94, 12, None, col)
    pg.text(104, y + 24, "SOMME À RÉGLER", fam, 11, "bold", (255, 255, 255))
    pg.text(190, y + 24, money(ttc), fam, 12, "bold", (255, 255, 255), "right")
    due = issue + timedelta(days=15)
    pg.text(
        16,
        y + 40,
        f"Échéance : {fmt_date(due, 'long')} — paiement par prélèvement automatique.",
        fam,
        9.5,
    )
    pg.para(
        16,
        270,
        178,
        f"{issuer} — établissement public local. Lieu de consommation : {p.address.oneline()}.",
        fam,
        8,
        "regular",
        GREY,
    )
    fields = {
        "kind": "electricity",
        "issuer": issuer,
        "holder": f"{p.civility} {p.surname.upper()} {p.given_names}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "issue_date": issue.isoformat(),
        "period_start": start.isoformat(),
        "period_end": end.isoformat(),
        "billing_months": 2,
        "amount_ttc": ttc,
        "consumption": kwh_e,
        "unit": "kWh",
        "service_address": p.address.as_dict(),
        "invoice_number": no,
    }
    return Doc("utility_bill", "utility_bill/heldout-a", [pg], fields, "digital")


# ----------------------------------------------------------------------------- lease


def lease_a(ctx: Ctx) -> Doc:
    """A letting agency's rent receipt with an account table."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-sans", "dejavu-sans-condensed", "liberation-serif"])
    agency = rng.choice(
        ["Cabinet Gérance des Quais", "Immobilière Saint-Roch", "Agence du Parc — Gestion locative"]
    )
    owner = make_person(rng, "FRA", ctx.as_of, 45, 80)
    month = add_months(ctx.as_of.replace(day=1), -1 - ctx.opts.get("months_back", 0))
    end = month_end(month)
    rent = rng.randint(40, 95) * 10
    charges = rng.randint(4, 12) * 10
    tom = rng.randint(5, 15)
    pg = Page()
    pg.group(16, 12, logo(rng, agency.split()[0] + " " + agency.split()[1], (60, 60, 80), 12, fam))
    pg.text(
        16, 30, f"{agency} — carte professionnelle G n° {digits(rng, 4)}", fam, 8.5, "regular", GREY
    )
    pg.text(120, 46, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 10.5)
    pg.text(120, 51.5, p.address.line1, fam, 10)
    pg.text(120, 57, p.address.line2, fam, 10)
    pg.text(16, 76, "QUITTANCE", fam, 20, "bold")
    pg.text(16, 84, f"Période : {month_name(month)}", fam, 11)
    pg.text(16, 90, f"Lot n° {rng.randint(1, 60)} — {p.address.oneline()}", fam, 9.5)
    pg.text(16, 95.5, f"Propriétaire : {owner.civility} {owner.surname.upper()}", fam, 9.5)
    y = 108
    pg.rect(16, y - 6, 178, 8, None, (232, 232, 236))
    pg.text(18, y - 0.6, "Libellé", fam, 9, "bold")
    pg.text(150, y - 0.6, "Appelé", fam, 9, "bold", align="right")
    pg.text(192, y - 0.6, "Réglé", fam, 9, "bold", align="right")
    y += 8
    for lab, v in [
        ("Loyer principal", rent),
        ("Provisions sur charges", charges),
        ("Taxe d'enlèvement des ordures ménagères", tom),
    ]:
        pg.text(18, y, lab, fam, 9.5)
        pg.text(150, y, money(v), fam, 9.5, align="right")
        pg.text(192, y, money(v), fam, 9.5, align="right")
        y += 7
    tot = rent + charges + tom
    pg.line(16, y - 3, 194, y - 3, GREY, 0.3)
    pg.text(18, y + 3, "Total", fam, 10, "bold")
    pg.text(150, y + 3, money(tot), fam, 10, "bold", align="right")
    pg.text(192, y + 3, money(tot), fam, 10, "bold", align="right")
    paid = month + timedelta(days=rng.randint(1, 8))
    y = pg.para(
        16,
        y + 18,
        178,
        f"Pour le compte du propriétaire, l'agence reconnaît avoir "
        f"reçu du locataire la somme de {money(tot)} le {fmt_date(paid, 'num')}, au "
        f"titre du loyer et des charges de la période du {fmt_date(month, 'num')} au "
        f"{fmt_date(end, 'num')}, dont quittance sous réserve d'encaissement.",
        fam,
        10,
        leading=1.45,
    )
    issued = min(end + timedelta(days=rng.randint(1, 5)), ctx.as_of)
    pg.text(120, y + 12, f"Le {fmt_date(issued, 'num')}, le gestionnaire", fam, 9.5)
    put_stamp(pg, rng, 130, y + 16, [agency.upper()[:26], "GESTION LOCATIVE"], w=50, h=20)
    fields = {
        "kind": "receipt",
        "holder": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "landlord": f"{owner.given_names} {owner.surname.upper()}",
        "period_start": month.isoformat(),
        "period_end": end.isoformat(),
        "issue_date": issued.isoformat(),
        "amount": tot,
        "address": p.address.as_dict(),
    }
    return Doc("lease", "lease/heldout-a", [pg], fields, "digital")


# --------------------------------------------------------------- hosting attestation


def hosting_attestation_a(ctx: Ctx) -> Doc:
    """A town-hall style pre-printed form filled in by hand, boxes and check marks."""
    rng, p = ctx.rng, ctx.person
    host = make_person(rng, "FRA", ctx.as_of, 30, 72)
    since = ctx.as_of - timedelta(days=rng.randint(100, 600))
    made = ctx.as_of - timedelta(days=rng.randint(2, 40))
    fam = rng.choice(["liberation-sans", "dejavu-sans"])
    hf, hs = hand_font(rng)
    ink = rng.choice([(20, 40, 140), (20, 20, 30)])
    pg = Page()
    pg.text(105, 22, "DÉCLARATION SUR L'HONNEUR", fam, 14, "bold", align="center")
    pg.text(105, 29, "d'hébergement à titre gratuit", fam, 11.5, "bold", align="center")
    y = 44

    def box(title: str, rows: list[tuple[str, str]]) -> None:
        nonlocal y
        h = 8 + 10 * len(rows)
        pg.rect(18, y, 174, h, (80, 80, 80), None, 0.3)
        pg.rect(18, y, 174, 7, None, (230, 230, 230))
        pg.text(21, y + 5, title, fam, 9.5, "bold")
        yy = y + 15
        for lab, v in rows:
            pg.text(21, yy, lab, fam, 9)
            lx = 21 + text_width(lab, fam, 9) + 2
            pg.line(lx, yy + 1, 188, yy + 1, (170, 170, 170), 0.2)
            pg.text(lx + 2, yy - 0.3, v, hf, fit_size(v, hf, 12, 188 - lx - 3, hs), hs, ink)
            yy += 10
        y += h + 6

    box(
        "L'HÉBERGEANT",
        [
            ("Nom et prénom :", f"{host.surname.upper()} {host.given_names}"),
            (
                "Date et lieu de naissance :",
                f"{fmt_date(host.birth_date, 'num')} à {host.birth_place}",
            ),
            ("Adresse du logement :", host.address.oneline()),
        ],
    )
    box(
        "LA PERSONNE HÉBERGÉE",
        [
            ("Nom et prénom :", f"{p.surname.upper()} {p.given_names}"),
            ("Date et lieu de naissance :", f"{fmt_date(p.birth_date, 'num')} à {p.birth_place}"),
            (
                "Lien avec l'hébergeant :",
                rng.choice(["ami(e)", "cousin(e)", "frère/sœur", "connaissance"]),
            ),
            ("Présente dans le logement depuis le :", fmt_date(since, "num")),
        ],
    )
    pg.rect(21, y, 3.6, 3.6, (40, 40, 40), None, 0.25)
    pg.polyline([(21.5, y + 1.6), (22.5, y + 3.2), (24.6, y - 0.6)], ink, 0.5)
    y = pg.para(
        27,
        y + 3,
        163,
        "Je déclare sur l'honneur héberger gratuitement la personne "
        "désignée ci-dessus à l'adresse indiquée et joins la copie de ma pièce "
        "d'identité ainsi qu'un justificatif de domicile récent.",
        fam,
        9.5,
        leading=1.4,
    )
    pg.text(21, y + 10, "Fait à", fam, 10)
    pg.text(34, y + 10, host.address.city, hf, 12, hs, ink)
    pg.text(90, y + 10, "le", fam, 10)
    pg.text(97, y + 10, fmt_date(made, "num"), hf, 12, hs, ink)
    pg.text(125, y + 20, "Signature de l'hébergeant", fam, 9.5)
    put_signature(pg, rng, 127, y + 23, 44, 15, ink)
    fields = {
        "host": f"{host.given_names} {host.surname.upper()}",
        "hosted": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "birth_date": p.birth_date.isoformat(),
        "address": host.address.as_dict(),
        "since": since.isoformat(),
        "issue_date": made.isoformat(),
        "signed": True,
    }
    return Doc("hosting_attestation", "hosting_attestation/heldout-a", [pg], fields, "paper")


# ------------------------------------------------------------------------- ID photo


def id_photo_a(ctx: Ctx) -> Doc:
    """A printed ID photo lying on a surface, photographed (its white print border shows)."""
    rng = ctx.rng
    look = faces.random_look(rng, faces.pick_face(rng))
    img = None
    for _ in range(6):
        por = faces.portrait(
            rng,
            face_ratio=rng.uniform(0.78, 0.85),
            out_h=531,
            background=rng.choice(faces.BACKGROUNDS),
            look=look,
        )
        border = 18
        printed = Image.new(
            "RGB", (por.width + 2 * border, por.height + 2 * border), (248, 248, 244)
        )
        printed.paste(por, (border, border))
        surf = rng.choice([(120, 86, 56), (70, 70, 80), (200, 196, 186), (40, 60, 90)])
        w, h = 900, 1100
        bg = Image.new("RGB", (w, h), surf)
        noise = Image.effect_noise((w // 4, h // 4), 18).resize((w, h)).convert("RGB")
        bg = Image.blend(bg, noise, 0.08)
        rot = printed.convert("RGBA").rotate(
            rng.uniform(-12, 12), expand=True, resample=Image.Resampling.BICUBIC
        )
        scale = rng.uniform(1.15, 1.35)
        rot = rot.resize((int(rot.width * scale), int(rot.height * scale)))
        x = (w - rot.width) // 2 + rng.randint(-60, 60)
        y = (h - rot.height) // 2 + rng.randint(-60, 60)
        shadow = Image.new("L", bg.size, 0)
        shadow.paste(rot.getchannel("A"), (x + 10, y + 12))
        shadow = shadow.filter(ImageFilter.GaussianBlur(12))
        dark = Image.new("RGB", bg.size, (0, 0, 0))
        bg = Image.composite(dark, bg, shadow.point(lambda v: v * 0.45))
        bg.paste(rot, (x, y), rot)
        glare = Image.new("L", bg.size, 0)
        ImageDraw.Draw(glare).ellipse(
            [
                rng.randint(0, w // 2),
                rng.randint(0, h // 2),
                rng.randint(w // 2, w),
                rng.randint(h // 2, h),
            ],
            fill=40,
        )
        glare = glare.filter(ImageFilter.GaussianBlur(80))
        bg = Image.composite(Image.new("RGB", bg.size, (255, 255, 255)), bg, glare)
        img = bg
        if faces.count_faces(img) == 1:
            break
        look = faces.random_look(rng, faces.pick_face(rng))
    f = look.get("face")
    fields = {
        "faces": 1,
        "fit": False,
        "problem": "photo of a printed photo: background, perspective",
        "face_source": "astronaut" if f is None else f"lfw:{f}",
        "pixels": list(img.size),
    }
    return Doc("id_photo", "id_photo/heldout-a", [], fields, "photo", image=img)


def id_photo_b(ctx: Ctx) -> Doc:
    """One photo cut from a sheet, scanned: a small colour print in a pale scanner frame."""
    rng = ctx.rng
    img = None
    for _ in range(6):
        look = faces.random_look(rng, faces.pick_face(rng))
        por = faces.portrait(
            rng,
            face_ratio=rng.uniform(0.79, 0.85),
            out_h=531,
            background=rng.choice(faces.BACKGROUNDS),
            look=look,
        )
        pad_x, pad_y = rng.randint(30, 90), rng.randint(30, 90)
        img = Image.new(
            "RGB",
            (por.width + 2 * pad_x, por.height + 2 * pad_y),
            rng.choice([(252, 252, 250), (236, 236, 236)]),
        )
        img.paste(
            por.rotate(rng.uniform(-2.5, 2.5), expand=False, fillcolor=(245, 245, 245)),
            (pad_x, pad_y),
        )
        if faces.count_faces(img) == 1:
            break
    f = look.get("face")
    fields = {
        "faces": 1,
        "fit": False,
        "problem": "scanned print with a margin",
        "face_source": "astronaut" if f is None else f"lfw:{f}",
        "pixels": list(img.size),
    }
    return Doc("id_photo", "id_photo/heldout-b", [], fields, "photo", image=img)


# --------------------------------------------------------------------------- payslip


def payslip_a(ctx: Ctx) -> Doc:
    """A landscape pay statement with employee and employer contribution columns."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-sans-narrow", "dejavu-sans-condensed"])
    emp = rng.choice(
        [
            "Transports Martel & Fils",
            "Boulangerie Au Fournil d'Or",
            "Résidence Les Glycines (EHPAD)",
            "Studio Graphique Ovale",
        ]
    )
    siret = numbers.make_siret(rng)
    month = add_months(ctx.as_of.replace(day=1), -1 - ctx.opts.get("months_back", 0))
    end = month_end(month)
    W, H = 297.0, 210.0
    pg = Page(W, H)
    pg.text(14, 14, emp, fam, 13, "bold")
    pg.text(14, 19.5, make_address(rng).oneline(), fam, 8.5)
    pg.text(
        14,
        24,
        f"Siret {numbers.format_siret(siret)} · Code APE {digits(rng, 4)}"
        f"{rng.choice('ABCZ')} · Urssaf de {rng.choice(['Paris', 'Lyon', 'Lille'])}",
        fam,
        8.5,
    )
    pg.text(W - 14, 14, "BULLETIN DE PAIE", fam, 15, "bold", align="right")
    pg.text(W - 14, 20, f"Période : {month_name(month)}", fam, 9.5, align="right")
    pg.text(W - 14, 25, f"Date de paiement : {fmt_date(end, 'num')}", fam, 9.5, align="right")
    pg.rect(180, 32, 103, 24, (120, 120, 120), None, 0.3)
    pg.text(183, 39, f"{p.civility} {p.surname.upper()} {p.given_names}", fam, 10, "bold")
    pg.text(183, 44.5, p.address.line1, fam, 9)
    pg.text(183, 49.5, p.address.line2, fam, 9)
    pg.text(
        14,
        38,
        f"Emploi : {rng.choice(['Chauffeur livreur', 'Boulanger', 'Aide-soignante', 'Graphiste'])}",
        fam,
        9,
    )
    pg.text(14, 43, f"Coefficient : {rng.randint(150, 350)}  ·  Statut : non cadre", fam, 9)
    pg.text(14, 48, f"Matricule : {digits(rng, 5)}", fam, 9)
    gross = round(rng.uniform(1800, 3400), 2)
    heads = [
        "Éléments de paie",
        "Base",
        "Taux sal.",
        "Part salariale",
        "Taux pat.",
        "Part patronale",
    ]
    xs = [14, 120, 150, 190, 220, 283]
    y = 66
    pg.rect(14, y - 6, 269, 8, None, (226, 230, 236))
    for x, h in zip(xs, heads, strict=True):
        pg.text(
            x + (2 if x == 14 else 0),
            y - 0.5,
            h,
            fam,
            8.5,
            "bold",
            align="left" if x == 14 else "right",
        )
    y += 8
    pg.text(16, y, "Salaire de base", fam, 9)
    pg.text(120, y, "151,67", fam, 9, align="right")
    pg.text(190, y, money(gross), fam, 9, align="right")
    y += 6
    pg.text(16, y, "Salaire brut", fam, 9.5, "bold")
    pg.text(190, y, money(gross), fam, 9.5, "bold", align="right")
    y += 8
    lines = [
        ("Santé", 0.0, 0.07),
        ("Retraite de base", 0.0735, 0.0855),
        ("Retraite complémentaire", 0.0401, 0.0601),
        ("Chômage", 0.0, 0.0405),
        ("CSG déductible", 0.068, 0.0),
        ("CSG/CRDS non déductible", 0.029, 0.0),
    ]
    sal_tot = pat_tot = 0.0
    for lab, ts, tp in lines:
        s_amt = round(gross * ts, 2)
        p_amt = round(gross * tp, 2)
        sal_tot += s_amt
        pat_tot += p_amt
        pg.text(16, y, lab, fam, 9)
        pg.text(120, y, money(gross)[:-2], fam, 9, align="right")
        pg.text(150, y, f"{ts * 100:.2f}".replace(".", ",") if ts else "", fam, 9, align="right")
        pg.text(190, y, money(s_amt) if s_amt else "", fam, 9, align="right")
        pg.text(220, y, f"{tp * 100:.2f}".replace(".", ",") if tp else "", fam, 9, align="right")
        pg.text(283, y, money(p_amt) if p_amt else "", fam, 9, align="right")
        y += 6
    pg.line(14, y - 2, 283, y - 2, GREY, 0.3)
    pg.text(16, y + 3, "Total des retenues", fam, 9.5, "bold")
    pg.text(190, y + 3, money(round(sal_tot, 2)), fam, 9.5, "bold", align="right")
    pg.text(283, y + 3, money(round(pat_tot, 2)), fam, 9.5, "bold", align="right")
    net = round(gross - sal_tot, 2)
    pas = round(net * rng.choice([0.0, 0.03, 0.058]), 2)
    y += 14
    pg.text(
        16,
        y,
        f"Net avant impôt : {money(net)}   ·   Impôt prélevé à la source : {money(pas)}",
        fam,
        9.5,
    )
    pg.rect(180, y + 4, 103, 12, None, (232, 240, 232))
    pg.text(184, y + 12, "Net à payer au salarié", fam, 11, "bold")
    pg.text(280, y + 12, money(round(net - pas, 2)), fam, 12, "bold", align="right")
    pg.text(14, H - 10, "À conserver sans limitation de durée.", fam, 8, "italic", GREY)
    fields = {
        "employee": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "holder": f"{p.given_names} {p.surname.upper()}",
        "employer": emp,
        "siret": siret,
        "period_start": month.isoformat(),
        "period_end": end.isoformat(),
        "issue_date": end.isoformat(),
        "gross": gross,
        "net_to_pay": round(net - pas, 2),
    }
    return Doc("payslip", "payslip/heldout-a", [pg], fields, "digital")


# --------------------------------------------------------------- employment contract


def employment_contract_a(ctx: Ctx) -> Doc:
    """A job-offer letter committing to hire (letterhead, salary, start date)."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    emp = rng.choice(
        [
            "Maison Berthelot Traiteur",
            "Atelier Numérique Cassiopée",
            "Clinique du Val Fleuri",
            "Menuiserie Roux et Associés",
        ]
    )
    col = rng.choice([(30, 70, 120), (120, 50, 30), (40, 100, 80)])
    siret = numbers.make_siret(rng)
    boss = make_person(rng, "FRA", ctx.as_of, 35, 65)
    start = ctx.as_of + timedelta(days=rng.randint(-60, 45))
    made = min(start, ctx.as_of) - timedelta(days=rng.randint(5, 30))
    pg = Page()
    pg.group(18, 14, logo(rng, emp.split()[0], col, 13, fam))
    pg.text(18, 34, emp, fam, 9.5, "bold")
    pg.text(18, 39, make_address(rng).oneline(), fam, 9)
    pg.text(18, 44, f"SIRET {numbers.format_siret(siret)}", fam, 9)
    pg.text(120, 60, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 11)
    pg.text(120, 65.5, p.address.line1, fam, 10.5)
    pg.text(120, 71, p.address.line2, fam, 10.5)
    pg.text(120, 84, f"Le {fmt_date(made, 'long')}", fam, 10.5)
    subj = rng.choice(["Objet : promesse d'embauche", "Objet : PROMESSE D'EMBAUCHE"])
    pg.text(18, 98, subj, fam, 11, "bold")
    job = rng.choice(
        [
            "cuisinier(ère)",
            "développeur(se) web",
            "infirmier(ère)",
            "menuisier(ère)",
            "assistant(e) commercial(e)",
        ]
    )
    salary = rng.randint(1900, 3500)
    y = pg.para(18, 112, 174, f"{'Madame' if p.sex == 'F' else 'Monsieur'},", fam, 11)
    for para in [
        f"Suite à nos entretiens, nous avons le plaisir de vous confirmer notre intention de "
        f"vous engager au poste de {job}, en contrat à durée "
        f"{rng.choice(['indéterminée', 'déterminée de douze mois'])}, à compter du "
        f"{fmt_date(start, 'long')}.",
        f"Votre rémunération brute mensuelle sera de {money(salary)} pour un horaire de 35 "
        f"heures par semaine, après une période d'essai de {rng.choice(['deux', 'trois'])} mois.",
        "Cette proposition est subordonnée à la production des documents vous autorisant à "
        "travailler en France. Nous vous remercions de nous retourner un exemplaire de ce "
        "courrier daté et signé, précédé de la mention « bon pour accord ».",
    ]:
        y = pg.para(18, y + 4, 174, para, fam, 11, leading=1.5)
    pg.text(120, y + 14, f"{boss.given_names} {boss.surname.upper()}", fam, 10.5)
    pg.text(120, y + 19.5, "Directeur(rice) des ressources humaines", fam, 9.5)
    put_signature(pg, rng, 122, y + 22, 42, 14)
    fields = {
        "kind": "promesse",
        "employee": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "holder": f"{p.given_names} {p.surname.upper()}",
        "employer": emp,
        "siret": siret,
        "start_date": start.isoformat(),
    }
    return Doc("employment_contract", "employment_contract/heldout-a", [pg], fields, "digital")


# ------------------------------------------------------------------ application form


def application_form_a(ctx: Ctx) -> Doc:
    """An older edition of the form: a grid of numbered boxes, block letters by hand."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-sans-narrow", "dejavu-sans-condensed"])
    hf, hs = hand_font(rng)
    ink = rng.choice([(20, 40, 140), (30, 30, 30)])
    made = ctx.as_of - timedelta(days=rng.randint(1, 15))
    signed = True
    pg = Page()
    pg.rect(14, 12, 182, 22, (0, 0, 0), None, 0.4)
    pg.text(18, 20, "cerfa", fam, 12, "bold")
    pg.text(18, 26, f"N° {rng.choice(['11491', '736'])}*0{rng.randint(1, 4)}", fam, 8.5)
    code = rng.choice(["736", "S1106"])
    pg.text(105, 20, "DEMANDE D'OUVERTURE DES DROITS", fam, 12, "bold", align="center")
    pg.text(105, 26, "À L'ASSURANCE MALADIE", fam, 12, "bold", align="center")
    pg.text(
        105,
        31,
        "(articles L.160-1 et R.111-3 du code de la sécurité sociale)",
        fam,
        7.5,
        "italic",
        align="center",
    )
    pg.text(192, 20, code, fam, 14, "bold", align="right")
    y = 44

    def cells(label: str, value: str, n: int, x: float = 14, w: float = 182) -> None:
        nonlocal y
        pg.text(x, y, label, fam, 8.5, "bold")
        cw = min(5.2, (w - 2) / n)
        for i in range(n):
            pg.rect(x + i * cw, y + 2, cw, 6.5, (90, 90, 90), None, 0.2)
            if i < len(value):
                pg.text(x + i * cw + cw / 2, y + 7.3, value[i], hf, 10.5, hs, ink, "center")
        y += 13

    pg.rect(14, y - 5, 182, 6.5, None, (215, 215, 215))
    pg.text(16, y, "1  L'ASSURÉ(E)", fam, 9.5, "bold")
    y += 7
    cells("Nom de famille (de naissance)", p.surname.upper(), 34)
    cells("Prénoms", p.given_names.upper(), 34)
    cells("Date de naissance (jour, mois, année)", p.birth_date.strftime("%d%m%Y"), 8)
    cells("Lieu de naissance (commune, pays)", p.birth_place.upper()[:34], 34)
    cells("Nationalité", NATIONS[p.nationality]["fr"], 34)
    pg.rect(14, y - 5, 182, 6.5, None, (215, 215, 215))
    pg.text(16, y, "2  ADRESSE EN FRANCE", fam, 9.5, "bold")
    y += 7
    cells("N° et voie", p.address.line1.upper()[:34], 34)
    cells("Code postal", p.address.postcode, 5, w=40)
    y -= 13
    cells("Commune", p.address.city.upper(), 26, x=60, w=136)
    pg.rect(14, y - 5, 182, 6.5, None, (215, 215, 215))
    pg.text(16, y, "3  SITUATION", fam, 9.5, "bold")
    y += 7
    for lab, chk in [
        ("Je réside en France depuis plus de trois mois", True),
        ("J'exerce une activité professionnelle", rng.random() < 0.3),
    ]:
        pg.rect(16, y - 3.2, 3.6, 3.6, (40, 40, 40), None, 0.25)
        if chk:
            pg.text(17.8, y, "X", hf, 10, hs, ink, "center")
        pg.text(22, y, lab, fam, 9)
        y += 6.5
    y += 4
    pg.rect(14, y - 5, 182, 6.5, None, (215, 215, 215))
    pg.text(16, y, "4  ENGAGEMENT", fam, 9.5, "bold")
    y = pg.para(
        16,
        y + 8,
        178,
        "J'atteste sur l'honneur l'exactitude des renseignements "
        "ci-dessus. Toute fausse déclaration expose à des sanctions.",
        fam,
        9,
    )
    pg.text(16, y + 6, "À", fam, 9.5)
    pg.text(22, y + 6, p.address.city, hf, 11.5, hs, ink)
    pg.text(70, y + 6, "le", fam, 9.5)
    pg.text(76, y + 6, fmt_date(made, "num"), hf, 11.5, hs, ink)
    pg.text(120, y + 6, "Signature", fam, 9.5)
    put_signature(pg, rng, 122, y + 8, 46, 15, ink)
    fields = {
        **p.truth(),
        "form": code,
        "signed": signed,
        "date": made.isoformat(),
        "place": p.address.city,
        "birth_place": p.birth_place,
        "address": p.address.as_dict(),
    }
    return Doc("application_form", "application_form/heldout-a", [pg], fields, "paper")


# ------------------------------------------------------------- insurance certificate


def insurance_certificate_a(ctx: Ctx) -> Doc:
    """A farm-sector health insurer's attestation (another régime, another design)."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    col = (0, 120, 60)
    nir = numbers.make_nir(
        rng, p.sex, p.birth_date.year, p.birth_date.month, "99", NATIONS[p.nationality]["insee"]
    )
    caisse = rng.choice(
        ["MSA Alpes du Nord", "MSA Loire-Atlantique Vendée", "MSA Midi-Pyrénées Sud"]
    )
    issued = ctx.as_of - timedelta(days=rng.randint(2, 50))
    pg = Page()
    pg.group(16, 12, logo(rng, "MSA", col, 16, fam))
    pg.text(16, 32, "La sécurité sociale agricole", fam, 9, "italic", GREY)
    pg.text(194, 18, caisse, fam, 10, "bold", col, "right")
    title = rng.choice(
        ["ATTESTATION DE DROITS À L'ASSURANCE MALADIE", "Attestation de droits — Assurance maladie"]
    )
    pg.text(105, 50, title, fam, fit_size(title, fam, 14, 176, "bold"), "bold", align="center")
    pg.text(105, 57, f"Établie le {fmt_date(issued, 'num')}", fam, 10, align="center")
    pg.rect(16, 66, 178, 40, col, None, 0.5)
    pg.text(20, 74, "ASSURÉ(E)", fam, 9, "bold", col)
    pg.text(20, 81, f"{p.surname.upper()} {p.given_names}", fam, 12, "bold")
    pg.text(20, 88, f"Né(e) le {fmt_date(p.birth_date, 'num')}", fam, 10)
    pg.text(20, 96, f"N° d'immatriculation : {numbers.format_nir(nir)}", fam, 11, "bold")
    pg.text(120, 74, "DROITS", fam, 9, "bold", col)
    pg.text(120, 81, f"ouverts jusqu'au {fmt_date(add_months(issued, 12), 'num')}", fam, 10)
    pg.text(120, 88, "Régime : salarié agricole", fam, 10)
    pg.para(
        16,
        120,
        178,
        "Cette attestation peut être présentée aux professionnels de santé "
        "en l'absence de carte Vitale. Elle ne vaut pas prise en charge à 100 %.",
        fam,
        10,
        leading=1.45,
    )
    fields = {
        **p.truth(),
        "nir": nir,
        "nir_provisional": False,
        "issue_date": issued.isoformat(),
        "organisme": caisse,
    }
    return Doc("insurance_certificate", "insurance_certificate/heldout-a", [pg], fields, "digital")


# --------------------------------------------------------------------- distractors


def unknown_a(ctx: Ctx) -> Doc:
    """A training certificate (attestation de formation) with a border and seal."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-serif", "dejavu-serif"])
    W, H = 297.0, 210.0
    pg = Page(W, H, bg=(252, 250, 244))
    col = rng.choice([(120, 90, 30), (30, 60, 110), (110, 30, 50)])
    pg.rect(8, 8, W - 16, H - 16, col, None, 1.2)
    pg.rect(11, 11, W - 22, H - 22, col, None, 0.3)
    org = rng.choice(
        [
            "Alliance des Langues de Lyon",
            "Institut de Formation Horizon",
            "Centre Culturel Arc-en-Ciel",
        ]
    )
    pg.text(W / 2, 36, org.upper(), fam, 13, "bold", col, "center")
    pg.text(
        W / 2,
        62,
        rng.choice(
            ["CERTIFICAT DE RÉUSSITE", "ATTESTATION DE FORMATION", "DIPLÔME DE LANGUE FRANÇAISE"]
        ),
        fam,
        24,
        "bold",
        align="center",
    )
    pg.text(W / 2, 84, "décerné(e) à", fam, 13, "italic", align="center")
    pg.text(W / 2, 100, f"{p.given_names} {p.surname.upper()}", fam, 22, "bold", col, "center")
    level = rng.choice(["A2", "B1", "B2", "C1"])
    pg.text(
        W / 2,
        118,
        f"pour avoir suivi avec succès la session de français langue étrangère, niveau {level}",
        fam,
        12,
        align="center",
    )
    done = ctx.as_of - timedelta(days=rng.randint(20, 400))
    pg.text(
        W / 2,
        128,
        f"({rng.randint(40, 160)} heures, du {fmt_date(done - timedelta(days=90), 'num')} "
        f"au {fmt_date(done, 'num')})",
        fam,
        10.5,
        "italic",
        align="center",
    )
    pg.text(60, 165, f"Fait à Lyon, le {fmt_date(done, 'long')}", fam, 11)
    pg.text(200, 160, "La directrice des études", fam, 11)
    put_signature(pg, rng, 200, 164, 50, 16)
    put_stamp(pg, rng, 120, 150, [org.upper()[:24], "CERTIFICATION"], w=36, h=36, round_=True)
    return Doc("unknown", "unknown/heldout-a", [pg], {"what": "training certificate"}, "paper")


def unknown_b(ctx: Ctx) -> Doc:
    """A parcel-delivery notice slip, filled in by hand."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["liberation-sans", "dejavu-sans-condensed"])
    hf, hs = hand_font(rng)
    W, H = 148.0, 105.0
    col = rng.choice([(240, 190, 0), (0, 120, 200), (200, 40, 40)])
    pg = Page(W, H, bg=(255, 255, 255))
    pg.rect(0, 0, W, 14, None, col)
    carrier = rng.choice(["COLIS EXPRESS", "LIVRAPIDE", "POSTE & PLIS"])
    pg.text(6, 10, carrier, fam, 12, "bold", (255, 255, 255))
    pg.text(W - 6, 10, "AVIS DE PASSAGE", fam, 10, "bold", (255, 255, 255), "right")
    pg.text(6, 24, "Destinataire :", fam, 8.5)
    pg.text(32, 24, f"{p.surname.upper()} {p.given_names}", hf, 11, hs, (20, 40, 140))
    pg.text(6, 32, "Nous sommes passés le", fam, 8.5)
    when = ctx.as_of - timedelta(days=rng.randint(1, 6))
    pg.text(42, 32, f"{fmt_date(when, 'num')} à {rng.randint(9, 18)}h", hf, 11, hs, (20, 40, 140))
    for i, (lab, chk) in enumerate(
        [
            ("Votre colis", True),
            ("Votre lettre recommandée", False),
            ("Absent", True),
            ("Accès impossible", False),
        ]
    ):
        x = 6 + (i % 2) * 70
        yy = 42 + (i // 2) * 8
        pg.rect(x, yy - 3.2, 3.6, 3.6, (40, 40, 40), None, 0.25)
        if chk:
            pg.text(x + 1.8, yy, "X", hf, 10, hs, (20, 40, 140), "center")
        pg.text(x + 6, yy, lab, fam, 8.5)
    pg.text(6, 66, "À retirer à partir du lendemain 15h au point relais :", fam, 8.5)
    pg.text(
        6,
        74,
        rng.choice(["Tabac Presse du Marché", "Épicerie Les Halles", "Bureau de poste Centre"]),
        hf,
        11,
        hs,
        (20, 40, 140),
    )
    pg.text(
        6,
        84,
        f"N° d'envoi : {alnum(rng, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{digits(rng, 9)}FR",
        fam,
        8.5,
        "bold",
    )
    for i in range(30):
        pg.rect(80 + i * 2.0, 80, 0.6 if i % 3 else 1.1, 14, None, (0, 0, 0))
    return Doc("unknown", "unknown/heldout-b", [pg], {"what": "delivery notice"}, "paper")


# ------------------------------------------------------------------------- registry

_BUILDERS: dict[str, dict] = {
    "passport": {"heldout-a": passport_a},
    "national_id": {"heldout-a": national_id_a},
    "residence_permit": {"heldout-a": residence_permit_a, "heldout-b": residence_permit_b},
    "birth_certificate": {"heldout-a": birth_certificate_a, "heldout-b": birth_certificate_b},
    "rib": {"heldout-a": rib_a},
    "utility_bill": {"heldout-a": utility_bill_a},
    "lease": {"heldout-a": lease_a},
    "hosting_attestation": {"heldout-a": hosting_attestation_a},
    "id_photo": {"heldout-a": id_photo_a, "heldout-b": id_photo_b},
    "payslip": {"heldout-a": payslip_a},
    "employment_contract": {"heldout-a": employment_contract_a},
    "application_form": {"heldout-a": application_form_a},
    "insurance_certificate": {"heldout-a": insurance_certificate_a},
    "unknown": {"heldout-a": unknown_a, "heldout-b": unknown_b},
}
LAYOUTS: dict[str, list[str]] = {t: sorted(v) for t, v in _BUILDERS.items()}
HELD_OUT_LAYOUTS: list[str] = sorted(f"{t}/{v}" for t, vs in LAYOUTS.items() for v in vs)


def build(type_id: str, ctx: Ctx) -> Doc:
    return _BUILDERS[type_id][ctx.opts["variant"]](ctx)
