"""Distractors (expected type `unknown`): a shop receipt, a plain letter, a blank page, a tax
notice, a school certificate, a photo of an object without a face. And ID photos."""

from __future__ import annotations

from datetime import timedelta

from PIL import Image, ImageFilter

from samples.canvas import Page
from samples.people import digits, fmt_date, make_person, money
from samples.specimens import faces, misc
from samples.specimens.common import Ctx, Doc, body_font, fit_size, logo, put_signature


def unknown(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(DISTRACTOR_LAYOUTS)
    return {
        "receipt": _receipt,
        "letter": _letter,
        "blank": _blank,
        "tax-notice": _tax,
        "school-certificate": _school,
        "object-photo": _object,
        **misc.MISC_BUILDERS,
    }[variant](ctx)


def _receipt(ctx: Ctx) -> Doc:
    rng = ctx.rng
    w = 80.0
    items = [
        ("PAIN COMPLET", 2.35),
        ("LAIT DEMI-ECREME 1L", 1.12),
        ("POMMES GALA KG", 3.48),
        ("CAFE MOULU 250G", 4.29),
        ("YAOURT NATURE X8", 2.65),
        ("PATES FUSILLI 500G", 1.05),
        ("TOMATES GRAPPE", 2.99),
        ("COMTE 200G", 4.80),
        ("EAU MINERALE 6X1.5L", 3.30),
        ("CHOCOLAT NOIR", 1.89),
    ]
    chosen = rng.sample(items, rng.randint(4, 8))
    h = 100 + 7 * len(chosen)
    pg = Page(w, h)
    fam = rng.choice(["dejavu-mono", "liberation-mono"])
    shop = rng.choice(["MARCHÉ DES OLIVIERS", "ÉPICERIE DU COIN", "SUPER U-NIVERS", "FRAIS & CO"])
    pg.text(w / 2, 10, shop, fam, 11, "bold", align="center")
    pg.text(w / 2, 15.5, "12 avenue des Platanes", fam, 9, align="center")
    pg.text(w / 2, 20, "69003 LYON  - Tél 04 72 00 00 00", fam, 8.5, align="center")
    when = ctx.as_of - timedelta(days=rng.randint(1, 40))
    pg.text(
        5,
        30,
        f"{fmt_date(when, 'num')} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}"
        f"  Caisse {rng.randint(1, 9)}",
        fam,
        9,
    )
    y = 40
    for name, price in chosen:
        pg.text(5, y, name, fam, 9.5)
        pg.text(w - 5, y, f"{price:.2f}".replace(".", ","), fam, 9.5, align="right")
        y += 7
    total = sum(p for _, p in chosen)
    pg.line(5, y - 3, w - 5, y - 3, (0, 0, 0), 0.2)
    pg.text(5, y + 3, "TOTAL", fam, 11, "bold")
    pg.text(w - 5, y + 3, f"{total:.2f} EUR".replace(".", ","), fam, 11, "bold", align="right")
    pg.text(5, y + 11, "CB SANS CONTACT", fam, 9)
    pg.text(5, y + 17, f"dont TVA 5,5% {total * 0.052:.2f}".replace(".", ","), fam, 9)
    pg.text(w / 2, y + 30, "MERCI DE VOTRE VISITE", fam, 9, align="center")
    return Doc(
        "unknown",
        "unknown/receipt",
        [pg],
        {"what": "shop receipt", "date": when.isoformat()},
        "paper",
    )


def _letter(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    sender = make_person(rng, "FRA", ctx.as_of)
    pg = Page()
    pg.text(20, 25, f"{sender.given_names} {sender.surname}", fam, 11)
    pg.text(20, 30.5, sender.address.line1, fam, 10.5)
    pg.text(20, 36, sender.address.line2, fam, 10.5)
    when = ctx.as_of - timedelta(days=rng.randint(3, 90))
    pg.text(190, 55, f"{sender.address.city}, le {fmt_date(when, 'long')}", fam, 11, align="right")
    y = pg.para(
        20,
        75,
        170,
        f"Chère {p.first_name}," if p.sex == "F" else f"Cher {p.first_name},",
        fam,
        11.5,
    )
    body = rng.choice(
        [
            "Je te remercie encore pour ton accueil lors de notre passage. Les enfants parlent "
            "encore de la promenade au bord du lac et du pique-nique sous les arbres. Nous "
            "espérons pouvoir vous recevoir à notre tour au printemps prochain.",
            "Comme convenu au téléphone, je te renvoie le livre que tu m'avais prêté. J'ai "
            "beaucoup aimé la deuxième partie, même si la fin m'a un peu surpris. Dis-moi si tu "
            "veux que je t'en prête un autre.",
            "Voici enfin les photos de l'anniversaire de Mamie. Elle était ravie de voir tout le "
            "monde réuni et a déjà parlé d'organiser la même chose l'été prochain.",
        ]
    )
    y = pg.para(20, y + 6, 170, body, fam, 11.5, leading=1.55)
    y = pg.para(20, y + 6, 170, "Je t'embrasse, à très bientôt.", fam, 11.5)
    pg.text(120, y + 12, sender.given_names, fam, 11.5)
    put_signature(pg, rng, 120, y + 15, 35, 12)
    return Doc("unknown", "unknown/letter", [pg], {"what": "private letter"}, "paper")


def _blank(ctx: Ctx) -> Doc:
    pg = Page()
    if ctx.rng.random() < 0.5:  # a faint punch-hole shadow, as scanners show
        pg.ellipse(6, 130, 5, 5, None, (225, 225, 225))
        pg.ellipse(6, 160, 5, 5, None, (225, 225, 225))
    return Doc("unknown", "unknown/blank", [pg], {"what": "blank page"}, "paper")


def _tax(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    year = ctx.as_of.year - 1
    pg = Page()
    pg.text(20, 20, "DIRECTION GÉNÉRALE DES FINANCES PUBLIQUES", fam, 10, "bold")
    pg.text(20, 25.5, f"Centre des finances publiques de {p.address.city}", fam, 10)
    pg.text(
        105,
        45,
        f"AVIS D'IMPÔT {ctx.as_of.year} SUR LES REVENUS DE L'ANNÉE {year}",
        fam,
        fit_size("AVIS D'IMPÔT 2026 SUR LES REVENUS DE L'ANNÉE 2025", fam, 13, 175, "bold"),
        "bold",
        align="center",
    )
    pg.text(120, 60, f"{p.civility} {p.surname.upper()} {p.given_names}", fam, 11)
    pg.text(120, 65.5, p.address.line1, fam, 10.5)
    pg.text(120, 71, p.address.line2, fam, 10.5)
    rfr = rng.randint(9000, 42000)
    rows = [
        (
            "Numéro fiscal",
            f"{digits(rng, 2)} {digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
        ),
        ("Référence de l'avis", digits(rng, 13)),
        ("Nombre de parts", "1"),
        ("Revenu fiscal de référence", money(rfr)),
        ("Date de mise en recouvrement", fmt_date(ctx.as_of.replace(month=7, day=31), "num")),
        ("Montant de votre impôt", money(max(0, (rfr - 11000) * 0.11))),
    ]
    y = 90
    for lab, v in rows:
        pg.text(22, y, lab, fam, 11, "regular", (60, 60, 60))
        pg.text(190, y, v, fam, 11.5, "bold", align="right")
        y += 9
    pg.para(
        20,
        y + 10,
        170,
        "Cet avis vous est adressé pour information. Conservez-le : il "
        "peut vous être demandé pour vos démarches.",
        fam,
        10,
        "italic",
        (80, 80, 80),
    )
    return Doc(
        "unknown", "unknown/tax-notice", [pg], {"what": "avis d'impôt", "year": year}, "digital"
    )


def _school(ctx: Ctx) -> Doc:
    rng = ctx.rng
    child = make_person(rng, ctx.person.nationality, ctx.as_of, 7, 15)
    child.surname = ctx.person.surname
    fam = body_font(rng)
    school = rng.choice(
        ["École élémentaire Jules Ferry", "Collège Marie Curie", "École primaire Les Tilleuls"]
    )
    pg = Page()
    pg.group(18, 14, logo(rng, school.split()[0], (60, 60, 120), 12, fam))
    pg.text(20, 35, school, fam, 11, "bold")
    pg.text(20, 40.5, ctx.person.address.oneline(), fam, 10)
    pg.text(105, 62, "CERTIFICAT DE SCOLARITÉ", fam, 16, "bold", align="center")
    yr = ctx.as_of.year if ctx.as_of.month >= 9 else ctx.as_of.year - 1
    y = pg.para(
        20,
        80,
        170,
        f"Je soussigné(e), directeur(rice) de l'établissement, certifie "
        f"que l'élève {child.given_names} {child.surname.upper()}, né(e) le "
        f"{fmt_date(child.birth_date, 'num')}, est inscrit(e) en classe de "
        f"{rng.choice(['CE2', 'CM1', 'CM2', '6e', '5e'])} pour l'année scolaire "
        f"{yr}-{yr + 1}.",
        fam,
        11.5,
        leading=1.55,
    )
    made = ctx.as_of - timedelta(days=rng.randint(3, 50))
    pg.text(120, y + 14, f"Fait le {fmt_date(made, 'long')}", fam, 11)
    pg.text(120, y + 21, "Le directeur", fam, 11)
    put_signature(pg, rng, 122, y + 24, 40, 14)
    return Doc(
        "unknown",
        "unknown/school-certificate",
        [pg],
        {"what": "certificat de scolarité", "pupil": f"{child.given_names} {child.surname}"},
        "paper",
    )


def _object(ctx: Ctx) -> Doc:
    img, what = faces.object_photo(ctx.rng)
    return Doc(
        "unknown",
        "unknown/object-photo",
        [],
        {"what": f"photo of {what}", "faces": 0},
        "photo",
        image=img,
    )


DISTRACTOR_LAYOUTS = [
    "receipt",
    "letter",
    "blank",
    "tax-notice",
    "school-certificate",
    "object-photo",
    *misc.MISC_BUILDERS,
]


# ------------------------------------------------------------------------------ id photo

ID_SIZES = [(413, 531), (531, 683), (600, 771), (709, 912), (827, 1063), (354, 455)]


def _with_faces(rng, make, want, tries: int = 6):
    """make(look_seed) until the detector count satisfies want(n): keeps `faces` honest."""
    img = None
    for _ in range(tries):
        img = make()
        if want(faces.count_faces(img)):
            return img
    return img


def id_photo(ctx: Ctx) -> Doc:
    rng = ctx.rng
    variant = ctx.opts.get("variant") or rng.choice(["standard", "gray", "loose", "blue"])
    fields: dict = {"faces": 1}
    looks: list[dict] = []

    def one(**kw):
        def make():
            look = faces.random_look(rng, faces.pick_face(rng))
            looks[:] = [look]
            return faces.portrait(rng, look=look, **kw)

        return _with_faces(rng, make, lambda n: n == 1)

    w, h = rng.choice(ID_SIZES)
    if variant == "standard":
        img = one(
            face_ratio=rng.uniform(0.80, 0.86),
            out_h=h,
            background=rng.choice(faces.BACKGROUNDS),
        )
        fields.update(fit=True, grayscale=False)
    elif variant == "gray":
        img = one(face_ratio=rng.uniform(0.8, 0.85), out_h=h, gray=True, background=(215, 215, 215))
        fields.update(fit=False, grayscale=True, problem="grayscale")
    elif variant == "loose":
        img = one(face_ratio=rng.uniform(0.5, 0.58), shift=rng.uniform(-0.1, 0.1), out_h=h)
        fields.update(fit=False, grayscale=False, problem="face too small / off centre")
    elif variant == "blue":
        img = one(face_ratio=rng.uniform(0.81, 0.85), out_h=h, background=(196, 214, 236))
        fields.update(fit=True, grayscale=False)
    elif variant == "white-bg":
        img = one(face_ratio=rng.uniform(0.8, 0.85), out_h=h, background=(252, 252, 252))
        fields.update(fit=False, grayscale=False, problem="white background")
    elif variant == "small":
        img = one(face_ratio=rng.uniform(0.8, 0.85), out_h=rng.choice([231, 257, 280]))
        fields.update(fit=False, grayscale=False, problem="far too small (pixels)")
    elif variant == "selfie":
        img = _with_faces(rng, lambda: _selfie(rng), lambda n: n == 1)
        fields.update(fit=False, grayscale=False, problem="selfie: background, framing")
    elif variant == "two-faces":
        img = _with_faces(rng, lambda: faces.two_faces(rng, out_h=h), lambda n: n == 2)
        fields.update(faces=2, fit=False, problem="several faces")
    elif variant == "group":
        n = rng.choice([3, 4])
        img = _with_faces(rng, lambda: faces.group(rng, n), lambda k: k >= 2)
        fields.update(faces=n, fit=False, problem="several faces (group photo)")
    elif variant == "booth-sheet":
        img = _with_faces(rng, lambda: _booth_sheet(rng), lambda k: k >= 2)
        fields.update(faces=4, fit=False, problem="photo-booth sheet: four copies of one face")
    elif variant == "scene":
        img = _with_faces(rng, lambda: faces.scene(rng), lambda k: k >= 1)
        fields.update(fit=False, problem="face in a larger scene")
    else:
        raise ValueError(variant)
    if variant in ("standard", "blue", "gray") and rng.random() < 0.3:
        img = img.filter(ImageFilter.UnsharpMask(1, 40, 2))
    if looks:
        f = looks[0].get("face")
        fields["face_source"] = "astronaut" if f is None else f"lfw:{f}"
    fields["pixels"] = list(img.size)
    return Doc("id_photo", f"id_photo/{variant}", [], fields, "photo", image=img)


def _selfie(rng) -> Image.Image:
    """Arm's-length phone selfie: a big face, a room behind, a slight tilt."""
    w, h = 900, 1200
    room = faces._room(rng, w, h)
    look = faces.random_look(rng, faces.pick_face(rng))
    look["clothes"] = look.get("clothes") or rng.choice(faces.CLOTHES)
    side = round(w * rng.uniform(1.6, 2.0))
    x = round(w * rng.uniform(0.42, 0.58) - side * 222 / 512)
    y = round(h * rng.uniform(0.32, 0.42) - side * 110 / 512)
    fig = faces._figure(rng, look, side)
    room.paste(fig, (x, y), fig)
    return room.rotate(rng.uniform(-6, 6), resample=Image.Resampling.BICUBIC, expand=False)


def _booth_sheet(rng) -> Image.Image:
    """A photo-booth sheet: the same portrait four times on white card, with cut marks."""
    look = faces.random_look(rng, faces.pick_face(rng))
    p = faces.portrait(
        rng, face_ratio=0.82, out_h=531, background=rng.choice(faces.BACKGROUNDS), look=look
    )
    gap = 40
    sheet = Image.new("RGB", (2 * p.width + 3 * gap, 2 * p.height + 3 * gap), (250, 250, 248))
    for i in range(2):
        for j in range(2):
            sheet.paste(p, (gap + i * (p.width + gap), gap + j * (p.height + gap)))
    return sheet


PHOTO_LAYOUTS = [
    "standard",
    "gray",
    "loose",
    "blue",
    "two-faces",
    "scene",
    "white-bg",
    "small",
    "selfie",
    "group",
    "booth-sheet",
]
_ = Image
