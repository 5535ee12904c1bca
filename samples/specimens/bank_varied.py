"""RIBs whose every presentation choice is drawn at random: the IBAN's font (any
body font, proportional or monospaced), grouping (by four, unbroken, in boxes),
label (above, beside, a table heading), ink and background, the title (some
worded as no other template words it), the RIB table or none, a footer that
mentions direct debits. Two families: French banks (``fr-varied``) and foreign
SEPA banks in their own language (``sepa-varied``: BE, NL, PT, AT, LU, GB, CH, MC),
and banks of the applicants' home countries, outside SEPA (``home-varied``).

Written to measure the classifier and the IBAN reader on RIBs their rules were
not written against (issue 3: "make your sample generator vary everything
else"). A French RIB may carry a dense security print behind it, or the branch's
stamp and signature over its IBAN. DOMAIN.md §6 (R-RIB). Banks invented."""

from __future__ import annotations

import random
from datetime import timedelta

from PIL import Image, ImageDraw, ImageFont

from samples import identifiers as numbers
from samples.canvas import BODY_FONTS, MONO_FONTS, PT, Page, font_path, text_width
from samples.people import fmt_date
from samples.specimens.common import Ctx, Doc, fit_size, guilloche, logo, put_signature, put_stamp

_FR_BANKS = [
    ("Banque des Remparts", "BRMP", (120, 20, 30)),
    ("Crédit Maritime du Ponant", "CMPO", (10, 60, 110)),
    ("Banque Coopérative Alpine", "BCAL", (30, 100, 60)),
    ("Caisse Fédérale des Vignobles", "CFVI", (110, 30, 90)),
    ("Nébula Banque en ligne", "NEBU", (40, 40, 40)),
]
_FR_TITLES = [
    "Relevé d'identité bancaire",
    "RELEVÉ D'IDENTITÉ BANCAIRE",
    "Vos coordonnées bancaires",
    "Coordonnées de votre compte",
    "Identité bancaire",
    "Votre RIB",
    "Références bancaires",
    "Informations sur votre compte",
]
_FR_HOLDER_LABELS = ["Titulaire du compte", "Titulaire", "Intitulé du compte", "Nom du titulaire"]
_FR_FOOTERS = [
    "Ce relevé est destiné à être remis, sur leur demande, à vos créanciers ou débiteurs "
    "appelés à faire inscrire des opérations à votre compte (virements, prélèvements, etc.).",
    "Communiquez ce document pour recevoir vos salaires, vos prestations sociales ou pour "
    "mettre en place un prélèvement.",
    "Document à conserver. Pour toute question, contactez votre conseiller.",
    "",
]
#: (country, language, bank, BIC letters, title, holder label, bank label, footer)
_FOREIGN = [
    (
        "BE",
        "nl",
        "Schelde Spaarbank",
        "SCHB",
        ["Rekeninggegevens", "Bevestiging van rekeningnummer", "Uw bankgegevens"],
        "Rekeninghouder",
        "Bank",
        "Gebruik deze gegevens om SEPA-overschrijvingen in euro te ontvangen.",
    ),
    (
        "NL",
        "nl",
        "Polderbank N.V.",
        "PLDR",
        ["Rekeningoverzicht gegevens", "Bankgegevens", "Uw rekeninggegevens"],
        "Naam rekeninghouder",
        "Bank",
        "Deze gegevens kunt u delen om betalingen te ontvangen.",
    ),
    (
        "PT",
        "pt",
        "Banco Atlântico Norte",
        "BATN",
        ["Comprovativo de IBAN", "Dados da conta", "Identificação bancária"],
        "Titular",
        "Banco",
        "Utilize estes dados para receber transferências SEPA em euros.",
    ),
    (
        "AT",
        "de",
        "Alpenländische Sparkasse",
        "ALPS",
        ["Kontoinformationen", "Ihre Bankverbindung", "Kontodaten"],
        "Kontoinhaber",
        "Bank",
        "Verwenden Sie diese Daten für SEPA-Überweisungen in Euro.",
    ),
    (
        "GB",
        "en",
        "Thamesbridge Bank plc",
        "TMBR",
        ["Account details", "Your account information", "Confirmation of account details"],
        "Account name",
        "Bank",
        "Give these details to receive payments into this account, in pounds or in euro.",
    ),
    (
        "CH",
        "fr",
        "Banque Cantonale du Léman",
        "BCLE",
        ["Attestation de compte", "Vos coordonnées bancaires", "Données du compte"],
        "Titulaire",
        "Banque",
        "Ces coordonnées permettent de recevoir des virements SEPA en euros.",
    ),
    (
        "MC",
        "fr",
        "Banque Monégasque du Rocher",
        "BMRO",
        ["Relevé d'identité bancaire", "Coordonnées bancaires", "Votre RIB"],
        "Titulaire du compte",
        "Domiciliation",
        "Document à communiquer à vos créanciers et débiteurs.",
    ),
    (
        "LU",
        "fr",
        "Banque du Grand Duché",
        "BGDL",
        ["Relevé d'identité bancaire", "Coordonnées bancaires", "Identification du compte"],
        "Titulaire",
        "Banque",
        "Utilisez ces coordonnées pour recevoir des virements SEPA en euros.",
    ),
]


#: Banks of the applicants' home countries, whose IBANs are announced but outside
#: SEPA (R-RIB-7): (country, BBAN layout after the check digits, bank, BIC letters,
#: titles). The BBAN is digits, but for Senegal and Côte d'Ivoire's two letters.
_HOME = [
    ("MA", "n" * 24, "Banque Atlas du Maghreb", "BAMG", ["Relevé d'identité bancaire", "RIB"]),
    ("DZ", "n" * 22, "Banque Nationale des Hauts Plateaux", "BNHP", ["Relevé d'identité bancaire"]),
    ("SN", "aa" + "n" * 22, "Banque Sahélienne de Dakar", "BSDK", ["Relevé d'identité bancaire"]),
    ("CI", "aa" + "n" * 22, "Banque Lagunaire d'Abidjan", "BLAB", ["Attestation de RIB", "RIB"]),
    ("CM", "n" * 23, "Crédit du Littoral Camerounais", "CLCM", ["Relevé d'identité bancaire"]),
    ("TN", "n" * 20, "Banque de la Médina", "BMED", ["Relevé d'identité bancaire"]),
]


def home_varied(ctx: Ctx) -> Doc:
    """A RIB from a bank of the applicant's home country: a RIB, but of an account
    outside SEPA, which the CPAM cannot pay into (R-RIB-7)."""
    rng, p = ctx.rng, ctx.person
    country, layout, name, letters, titles = rng.choice(_HOME)
    bban = "".join(
        rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") if k == "a" else str(rng.randint(0, 9))
        for k in layout
    )
    iban = numbers.make_iban(country, bban)
    bic = numbers.bic(rng, country, letters)
    holder = rng.choice(
        [f"{p.given_names} {p.surname.upper()}", f"{p.surname.upper()} {p.given_names}"]
    )
    fam = rng.choice(BODY_FONTS)
    grey = rng.choice([(90, 90, 90), (110, 110, 120)])
    pg = Page()
    pg.group(
        16, 12, logo(rng, name, rng.choice([(20, 90, 60), (150, 30, 30), (20, 60, 120)]), 13, fam)
    )
    pg.text(16, 46, rng.choice(titles), fam, rng.uniform(13, 17), "bold")
    rows = [
        ("Titulaire du compte", holder),
        ("RIB", " ".join(bban[i : i + 4] for i in range(0, len(bban), 4))),
        ("IBAN", iban),
        (rng.choice(["BIC", "Code SWIFT"]), bic),
        ("Agence", f"{name} — {rng.choice(['Agence centrale', 'Agence du Port', 'Siège'])}"),
    ]
    beside = rng.random() < 0.5
    _labelled_rows(pg, rng, rows, fam, grey, 64, 62 if beside else None)
    fields = {
        "holder": holder.upper(),
        "iban": iban,
        "bic": bic,
        "country": country,
        "iban_valid": True,
        "sepa_foreign": False,
        "bank_name": name,
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", "rib/home-varied", [pg], fields, "digital", lang="fr")


def _foreign_iban(rng: random.Random, country: str) -> str:
    """A valid IBAN of ``country`` with its national check digits where it has them."""
    if country == "BE":  # a bank code the national registry knows
        first = int(
            rng.choice(["001", "068", "310", "363", "630", "731", "850"])
            + f"{rng.randint(0, 10**7 - 1):07d}"
        )
        key = first % 97 or 97
        return numbers.make_iban("BE", f"{first:010d}{key:02d}")
    if country == "PT":
        body = (
            f"{rng.randint(1, 9999):04d}{rng.randint(0, 9999):04d}{rng.randint(0, 10**11 - 1):011d}"
        )
        key = 98 - (int(body) * 100) % 97
        return numbers.make_iban("PT", f"{body}{key:02d}")
    if country == "NL":
        bank = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        return numbers.make_iban("NL", bank + f"{rng.randint(0, 10**10 - 1):010d}")
    if country == "AT":
        return numbers.make_iban(
            "AT", f"{rng.randint(10000, 99999)}{rng.randint(0, 10**11 - 1):011d}"
        )
    if country == "GB":
        bank = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        return numbers.make_iban("GB", f"{bank}{rng.randint(0, 10**14 - 1):014d}")
    if country == "CH":
        return numbers.make_iban(
            "CH", f"{rng.randint(100, 99999):05d}{rng.randint(0, 10**12 - 1):012d}"
        )
    if country == "MC":
        r = numbers.fr_rib(rng, bank=f"{rng.randint(10000, 19999)}")
        return numbers.make_iban("MC", r["iban"][4:])
    return numbers.make_iban("LU", f"{rng.randint(1, 999):03d}{rng.randint(0, 10**13 - 1):013d}")


def _iban_picture(pg: Page, x: float, y: float, s: str, fam: str, size: float, style: str, ink):
    """``s`` rendered at 300 dpi and placed as a picture with its baseline at ``y``."""
    px_per_mm = 300 / 25.4
    font = ImageFont.truetype(font_path(fam, style), max(1, round(size * PT * px_per_mm)))
    left, top, right, bottom = font.getbbox(s)
    img = Image.new("RGB", (right + 4, bottom + 4), (255, 255, 255))
    ImageDraw.Draw(img).text((2, 2), s, font=font, fill=tuple(ink))
    ascent = font.getmetrics()[0]
    pg.picture(x, y - (ascent + 2) / px_per_mm, img.width / px_per_mm, img.height / px_per_mm, img)


def _labelled_rows(
    pg: Page,
    rng: random.Random,
    rows: list[tuple[str, str]],
    fam: str,
    grey,
    y: float,
    value_x: float | None,
    tint: bool = False,
) -> float:
    """Each (label, value) row from ``y`` down: the label to the left of its value at
    ``value_x``, or above it when None; the IBAN drawn by :func:`_draw_iban`. Returns
    the y under the last row."""
    for lab, v in rows:
        if tint:
            pg.rect(14, y - 6, 182, 16 if value_x is None else 10, None, (236, 240, 246))
        if value_x is not None:
            pg.text(16, y, lab, fam, 9.5, "regular", grey)
            vx, vy = value_x, y
        else:
            pg.text(16, y - 2, lab, fam, 9, "regular", grey)
            vx, vy = 16, y + 5
        if lab == "IBAN":
            _draw_iban(pg, rng, vx, vy, v, 196 - vx - 4)
        else:
            pg.text(vx, vy, v, fam, fit_size(v, fam, 11.5, 196 - vx - 4, "bold"), "bold")
        y += 13 if value_x is not None else 19
    return y


def _draw_iban(pg: Page, rng: random.Random, x: float, y: float, iban: str, width: float) -> None:
    """The IBAN at (x, y) (baseline), in one drawn presentation: a font, a size, a
    grouping and an ink of its own."""
    fam = rng.choice([*BODY_FONTS, *MONO_FONTS, *MONO_FONTS])
    style = rng.choice(["regular", "bold", "bold"])
    ink = rng.choice([(0, 0, 0), (20, 30, 90), (60, 60, 60), (20, 20, 20)])
    grouping = rng.choices(
        ["four", "plain", "boxes", "spaced", "two-lines", "picture"], [7, 2, 1, 1, 1, 1]
    )[0]
    if grouping == "picture":  # drawn as an image: a text PDF whose text layer lacks it
        s = numbers.group4(iban)
        size = fit_size(s, fam, rng.uniform(10, 13), width, style)
        _iban_picture(pg, x, y, s, fam, size, style, ink)
        return
    if grouping == "spaced":  # letter-spaced, as some statements print it
        size = fit_size(" ".join(iban), fam, rng.uniform(9, 12), width, style)
        pg.text(x, y, " ".join(iban), fam, size, style, ink)
        return
    if grouping == "two-lines":  # wrapped after four or five groups in a narrow box
        cut = 4 * rng.choice([4, 5]) if len(iban) > 20 else 12
        size = rng.uniform(10, 13)
        pg.text(x, y, numbers.group4(iban[:cut]), fam, size, style, ink)
        pg.text(x, y + size * 0.45, numbers.group4(iban[cut:]), fam, size, style, ink)
        return
    if grouping == "boxes":
        groups = [iban[i : i + 4] for i in range(0, len(iban), 4)]
        size = fit_size("0000", fam, rng.uniform(10, 13), width / len(groups) - 3, style)
        cell = text_width("0000", fam, size, style) + 3
        for i, g in enumerate(groups):
            cx = x + i * (cell + 1)
            pg.rect(cx, y - size * 0.45, cell, size * 0.55, (90, 90, 90), None, 0.25)
            pg.text(cx + cell / 2, y, g, fam, size, style, ink, "center")
        return
    s = numbers.group4(iban) if grouping == "four" else iban
    size = fit_size(s, fam, rng.uniform(10, 14), width, style)
    pg.text(x, y, s, fam, size, style, ink)


def _security_print(pg: Page, rng: random.Random, color) -> None:
    """A dense security print of fine wavy lines over the whole page, grey or a pale
    tint of the bank's colour, as cheques and some banks' papers carry."""
    if rng.random() < 0.4:
        tint = (rng.randint(180, 210),) * 3
    else:
        tint = tuple(int(255 - (255 - c) * rng.uniform(0.25, 0.45)) for c in color)
    guilloche(pg, rng, tint, n=rng.randint(60, 140))


def _watermark(pg: Page, rng: random.Random, color) -> None:
    """A pale guilloche of wavy lines behind the page, as bank documents print."""
    import math

    tint = tuple(int(255 - (255 - c) * rng.uniform(0.12, 0.22)) for c in color)
    phase, period = rng.uniform(0, 6.3), rng.uniform(12, 30)
    for k in range(rng.randint(18, 30)):
        y0 = 50 + k * rng.uniform(6, 9)
        pts = [(x, y0 + 4 * math.sin(x / period * 6.28 + phase + k / 3)) for x in range(10, 201, 3)]
        pg.polyline(pts, tint, 0.3)


def fr_varied(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    name, letters, color = rng.choice(_FR_BANKS)
    r = numbers.fr_rib(rng, letter=rng.random() < 0.1)
    bic = numbers.bic(rng, "FR", letters)
    holder = rng.choice(
        [
            f"{p.civility} {p.given_names} {p.surname.upper()}",
            f"{p.civility.upper()} {p.surname.upper()} {p.given_names.upper()}",
            f"{p.given_names.upper()} {p.surname.upper()}",
        ]
    )
    fam = rng.choice(BODY_FONTS)
    grey = rng.choice([(90, 90, 90), (110, 110, 120), (70, 70, 70)])
    pg = Page()
    background = rng.random()
    if background < 0.2:
        _security_print(pg, rng, color)
    elif background < 0.45:
        _watermark(pg, rng, color)
    if rng.random() < 0.3:  # a coloured header band
        pg.rect(0, 0, 210, 32, None, color)
        pg.text(16, 20, name, fam, 17, "bold", (255, 255, 255))
    else:
        pg.group(16, 12, logo(rng, name, color, rng.uniform(11, 15), fam))
    title = rng.choice(_FR_TITLES)
    x, align = (16, "left") if rng.random() < 0.6 else (105, "center")
    ink = color if rng.random() < 0.4 else (0, 0, 0)
    pg.text(x, 46, title, fam, rng.uniform(13, 17), "bold", ink, align)
    if rng.random() < 0.5:
        issued = ctx.as_of - timedelta(days=rng.randint(0, 60))
        pg.text(
            16,
            53,
            f"Édité le {fmt_date(issued, rng.choice(['num', 'long']))}",
            fam,
            9,
            "regular",
            grey,
        )
    rows: list[tuple[str, str]] = [
        (rng.choice(_FR_HOLDER_LABELS), holder),
        ("IBAN", r["iban"]),
        (rng.choice(["BIC", "Code BIC", "BIC / SWIFT", "Code SWIFT"]), bic),
        (
            rng.choice(["Domiciliation", "Agence", "Banque"]),
            f"{name} — {rng.choice(['Agence centrale', 'Agence de la Gare', 'Agence en ligne'])}",
        ),
    ]
    beside = rng.random() < 0.5  # labels to the left of their value, else above it
    tint = rng.random() < 0.3
    y = _labelled_rows(pg, rng, rows, fam, grey, 66, 62 if beside else None, tint)
    if rng.random() < 0.15:  # the branch's stamp and signature, over the IBAN's row
        iban_y = 66 + (13 if beside else 19)
        x = rng.uniform(40, 120)
        put_stamp(pg, rng, x, iban_y - 14, [name.upper(), "Le Directeur d'agence"], w=48, h=26)
        put_signature(pg, rng, x + rng.uniform(-10, 30), iban_y - 6)
    if rng.random() < 0.7:  # the RIB table
        y += 6
        heads = ["Code banque", "Code guichet", "Numéro de compte", "Clé RIB"]
        if rng.random() < 0.5:
            heads = ["Banque", "Guichet", "N° compte", "Clé"]
        vals = [r["bank"], r["branch"], r["account"], r["key"]]
        widths = [34, 34, 60, 24]
        below = rng.random() < 0.3
        x = 16
        vfam = rng.choice([fam, *MONO_FONTS])
        for h, v, w in zip(heads, vals, widths, strict=True):
            pg.rect(x, y, w, 16, (120, 120, 120), None, 0.25)
            pg.text(x + 2, y + (14 if below else 5), h, fam, 8, "regular", grey)
            pg.text(x + 2, y + (7 if below else 12.5), v, vfam, 10.5, "bold")
            x += w
        y += 24
    footer = rng.choice(_FR_FOOTERS)
    if footer:
        pg.para(16, y + 8, 178, footer, fam, 8.5, "italic", grey)
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
        "bank_name": name,
        "holder_is": ctx.opts.get("holder_is", "applicant"),
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
    }
    return Doc("rib", "rib/fr-varied", [pg], fields, rng.choice(["digital", "paper"]))


def sepa_varied(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    country, lang, name, letters, titles, holder_label, bank_label, footer = rng.choice(_FOREIGN)
    iban = _foreign_iban(rng, country)
    bic = numbers.bic(rng, country, letters)
    holder = rng.choice(
        [f"{p.given_names} {p.surname.upper()}", f"{p.surname.upper()} {p.given_names}"]
    )
    fam = rng.choice(BODY_FONTS)
    grey = rng.choice([(90, 90, 90), (110, 110, 120)])
    color = rng.choice([(20, 60, 120), (150, 30, 30), (20, 90, 60)])
    pg = Page()
    pg.group(16, 12, logo(rng, name, color, rng.uniform(11, 15), fam))
    pg.text(16, 46, rng.choice(titles), fam, rng.uniform(13, 17), "bold")
    rows = [
        (holder_label, holder),
        ("IBAN", iban),
        (rng.choice(["BIC", "BIC / SWIFT", "SWIFT"]), bic),
        (bank_label, name),
    ]
    if rng.random() < 0.4:
        rows[1:3] = [rows[2], rows[1]]
    beside = rng.random() < 0.5
    y = _labelled_rows(pg, rng, rows, fam, grey, 64, 66 if beside else None)
    pg.para(16, y + 8, 178, footer, fam, 9, "regular", grey)
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
    return Doc("rib", "rib/sepa-varied", [pg], fields, "digital", lang=lang)
