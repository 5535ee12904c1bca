"""More distractors (expected type `unknown`): screenshots, administrative papers that are
not in the contract's vocabulary, near-misses of required types, everyday papers.

Near-misses and why they are `unknown` (CONTRACT.md, DOMAIN.md §12):
- a bank statement shows an IBAN but is not a relevé d'identité bancaire;
- a marriage certificate and a livret de famille page carry birth dates and parents but
  are `unknown` in this version;
- a home-insurance attestation and a CAF letter are insurance/benefit papers, not the
  Assurance Maladie attestation de droits (no NIR);
- a student card has a photo and a name but no MRZ and is no identity document;
- a CV has a photo among much text: not an ID photo;
- a chat screenshot mentions the papers of the dossier without being one.
"""

from __future__ import annotations

from datetime import timedelta

from samples import identifiers as numbers
from samples.canvas import Page, text_width
from samples.people import (
    NATIONS,
    add_months,
    digits,
    fmt_date,
    make_address,
    make_person,
    money,
    month_name,
)
from samples.specimens import faces
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    guilloche,
    logo,
    photo_box,
    put_signature,
    put_stamp,
)

GREY = (110, 110, 110)


def _doc(ctx: Ctx, variant: str, pages, fields: dict, medium: str, lang: str = "fr") -> Doc:
    return Doc("unknown", f"unknown/{variant}", pages, fields, medium, lang=lang)


# ------------------------------------------------------------------------ screenshots


def screenshot_chat(ctx: Ctx) -> Doc:
    """A phone screenshot of a messaging app (status bar, header, bubbles, input bar)."""
    rng, p = ctx.rng, ctx.person
    W, H = 72.0, 156.0  # a 1080 x 2340 px screen
    dark = rng.random() < 0.3
    bg = (18, 18, 20) if dark else rng.choice([(236, 229, 221), (245, 245, 247), (255, 255, 255)])
    fg = (235, 235, 235) if dark else (20, 20, 20)
    pg = Page(W, H, bg=bg)
    fam = rng.choice(["dejavu-sans", "liberation-sans", "dejavu-sans-condensed"])
    # status bar
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    pg.text(4, 4.2, f"{hh}:{mm:02d}", fam, 6.5, "bold", fg)
    pg.text(W - 4, 4.2, f"{rng.randint(12, 99)} %", fam, 6, "regular", fg, "right")
    head_col = rng.choice([(0, 128, 105), (40, 120, 220), (60, 60, 70), (110, 60, 160)])
    pg.rect(0, 6, W, 11, None, head_col)
    friend = make_person(rng, rng.choice(["FRA", p.nationality]), ctx.as_of)
    pg.ellipse(8, 7.6, 7.5, 7.5, None, (200, 200, 210))
    pg.text(11.75, 12.8, friend.given_names[0], fam, 7, "bold", head_col, "center")
    pg.text(18, 11, friend.given_names.split()[0], fam, 7.5, "bold", (255, 255, 255))
    pg.text(
        18,
        14.5,
        rng.choice(["en ligne", "vu à " + f"{hh}:{max(0, mm - 3):02d}", ""]),
        fam,
        5.5,
        "regular",
        (230, 230, 230),
    )
    convo = rng.choice(_CHATS)
    y = 24.0
    day = ctx.as_of - timedelta(days=rng.randint(0, 20))
    pg.text(
        W / 2,
        y,
        fmt_date(day, "long").upper() if rng.random() < 0.5 else "AUJOURD'HUI",
        fam,
        5.2,
        "regular",
        GREY,
        "center",
    )
    y += 5
    for who, msg in convo:
        mine = who == "me"
        size = 6.6
        lines = _wrap(msg.format(name=p.first_name), fam, size, W * 0.62)
        bh = len(lines) * size * 0.3528 * 1.3 + 5
        bw = max(text_width(ln, fam, size) for ln in lines) + 6
        x = W - bw - 3 if mine else 3
        col = (
            ((0, 92, 75) if dark else (217, 253, 211))
            if mine
            else ((38, 38, 42) if dark else (255, 255, 255))
        )
        if y + bh > H - 16:
            break
        pg.rect(x, y, bw, bh, None, col)
        yy = y + 4.2
        for ln in lines:
            pg.text(x + 3, yy, ln, fam, size, "regular", fg)
            yy += size * 0.3528 * 1.3
        pg.text(x + bw - 1.5, y + bh - 1.0, f"{hh}:{mm:02d}", fam, 4, "regular", GREY, "right")
        y += bh + 2.5
        mm = (mm + rng.randint(0, 3)) % 60
    pg.rect(3, H - 12, W - 16, 8, None, (40, 40, 44) if dark else (255, 255, 255))
    pg.text(7, H - 7, "Message", fam, 6.5, "regular", GREY)
    pg.ellipse(W - 11, H - 12, 8, 8, None, head_col)
    return _doc(
        ctx,
        "screenshot-chat",
        [pg],
        {"what": "messaging app screenshot", "screen_px": [1080, 2340], "dark": dark},
        "screen",
    )


_CHATS = [
    [
        ("them", "Salut {name} ! Tu as pu envoyer ton dossier à la CPAM ?"),
        ("me", "Pas encore, il me manque le RIB et l'acte de naissance traduit"),
        ("them", "Le traducteur t'a répondu ?"),
        ("me", "Oui il me le rend lundi. Je scanne tout et j'envoie mardi"),
        ("them", "Top ! N'oublie pas la photo d'identité"),
        ("me", "Oui oui je l'ai fait au photomaton hier"),
    ],
    [
        ("me", "Coucou, tu peux me renvoyer l'adresse exacte pour l'attestation ?"),
        ("them", "Bien sûr : c'est au 3e étage, porte gauche. Le code c'est 4821B"),
        ("me", "Merci ! Et tu peux la signer ce soir ?"),
        ("them", "Pas de souci, passe vers 19h"),
        ("me", "Parfait, à ce soir"),
    ],
    [
        ("them", "Bonjour {name}, le rendez-vous à la préfecture est confirmé pour jeudi 9h30"),
        ("me", "Merci beaucoup ! Je dois apporter quoi ?"),
        ("them", "Passeport, photos, justificatif de domicile de moins de 3 mois"),
        ("me", "Ok je prépare tout"),
    ],
    [
        ("me", "On mange ensemble demain midi ?"),
        ("them", "Oui ! 12h15 devant la fac ?"),
        ("me", "Ça marche. Tu as rendu le devoir de stats ?"),
        ("them", "Oui hier soir, c'était long ☺"),
        ("me", "Pareil. À demain !"),
    ],
    [
        ("them", "Hi {name}, did you get the documents from the embassy?"),
        ("me", "Yes, finally. The apostille took three weeks"),
        ("them", "Great, now you just need the translation"),
        ("me", "Already booked with a sworn translator in Lyon"),
    ],
]


def _wrap(s: str, fam: str, size: float, width: float) -> list[str]:
    from samples.canvas import wrap

    return wrap(s, width, fam, size)


def screenshot_web(ctx: Ctx) -> Doc:
    """A desktop browser screenshot (tabs, address bar, a page with a header and text)."""
    rng = ctx.rng
    W, H = 338.67, 190.5  # 1920 x 1080 px at 144 dpi
    pg = Page(W, H, bg=(255, 255, 255))
    fam = rng.choice(
        ["dejavu-sans", "liberation-sans", "liberation-serif", "dejavu-serif", "dejavu-sans-light"]
    )
    pg.rect(0, 0, W, 16, None, (222, 225, 230))
    pg.rect(4, 2, 60, 7, None, (255, 255, 255))
    site, title, body = rng.choice(_PAGES)
    pg.text(7, 6.8, title[:34], "dejavu-sans", 6, "regular", (40, 40, 40))
    pg.rect(22, 10, W - 60, 5.2, None, (255, 255, 255))
    pg.text(
        26,
        13.8,
        f"https://www.{site}/{rng.choice(['', 'fr/', 'actualites/'])}{digits(rng, 4)}",
        "dejavu-sans",
        6,
        "regular",
        (60, 60, 60),
    )
    for i in range(3):
        pg.ellipse(6 + i * 5, 11, 3.5, 3.5, (120, 120, 120), None, 0.3)
    accent = rng.choice([(0, 70, 140), (180, 40, 40), (20, 110, 80), (70, 40, 120)])
    pg.rect(0, 16, W, 18, None, accent)
    pg.text(20, 28, site.split(".")[0].capitalize(), fam, 16, "bold", (255, 255, 255))
    x = 120
    for item in ["Accueil", "Actualités", "Services", "Contact"]:
        pg.text(x, 27, item, fam, 9, "regular", (240, 240, 240))
        x += 30
    pg.text(40, 50, title, fam, fit_size(title, fam, 18, 250, "bold"), "bold", (20, 20, 20))
    y = 64
    pg.text(
        40,
        57,
        f"Publié le {fmt_date(ctx.as_of - timedelta(days=rng.randint(0, 9)), 'long')}",
        fam,
        8,
        "italic",
        GREY,
    )
    for para in body * 2:
        y = pg.para(40, y, 190, para, fam, 11, leading=1.5) + 5
    pg.rect(40, y + 2, 190, max(10, 180 - y), None, rng.choice([(200, 210, 220), (220, 205, 190)]))
    pg.rect(250, 42, 70, 90, (220, 220, 220), (246, 247, 249), 0.3)
    pg.text(255, 52, "À lire aussi", fam, 10, "bold", accent)
    for i in range(4):
        pg.text(255, 62 + i * 14, rng.choice(_SIDE), fam, 7.5, "regular", (50, 50, 50))
    return _doc(
        ctx,
        "screenshot-web",
        [pg],
        {"what": f"web page screenshot ({site})", "screen_px": [1920, 1080]},
        "screen",
    )


_PAGES = [
    (
        "meteo-lyon.example",
        "Prévisions météo : un week-end ensoleillé",
        [
            "Après une semaine pluvieuse, le soleil fera son retour dès samedi matin sur "
            "l'ensemble de la région. Les températures atteindront 18 degrés l'après-midi.",
            "Dimanche, quelques nuages pourront se former en fin de journée sur les reliefs, "
            "sans risque d'orage. Le vent restera faible.",
        ],
    ),
    (
        "recettes-faciles.example",
        "Tarte aux pommes de grand-mère",
        [
            "Préparation : 20 minutes. Cuisson : 35 minutes. Ingrédients pour 6 personnes : "
            "une pâte brisée, 6 pommes, 50 g de sucre, 30 g de beurre, un sachet de sucre "
            "vanillé.",
            "Épluchez les pommes, coupez-les en fines lamelles et disposez-les en rosace sur la "
            "pâte. Saupoudrez de sucre et parsemez de noisettes de beurre.",
        ],
    ),
    (
        "rdv-prefecture.example",
        "Prendre rendez-vous : accueil des étrangers",
        [
            "Aucun créneau n'est disponible pour le moment. De nouveaux créneaux sont ouverts "
            "chaque lundi à 9 heures. Merci de ne pas multiplier les demandes.",
            "Pour toute question relative à votre demande de titre de séjour, utilisez le "
            "formulaire de contact en ligne.",
        ],
    ),
    (
        "velo-urbain.example",
        "Choisir son vélo pour aller au travail",
        [
            "Vélo électrique, pliant ou classique : chaque solution a ses avantages selon la "
            "distance à parcourir et le relief.",
            "Pensez à l'antivol, à l'éclairage et à un gilet réfléchissant pour l'hiver.",
        ],
    ),
    (
        "univ-campus.example",
        "Inscriptions administratives : mode d'emploi",
        [
            "Les inscriptions administratives se font en ligne jusqu'au 30 septembre. Munissez-"
            "vous de votre numéro étudiant et de votre attestation de CVEC.",
            "La carte d'étudiant vous sera remise lors de la journée d'accueil.",
        ],
    ),
]
_SIDE = [
    "Les marchés de Noël ouvrent",
    "Travaux sur la ligne B",
    "Concert gratuit au parc",
    "Nouvelle piste cyclable",
    "Horaires d'été des piscines",
    "Collecte des encombrants",
]


# --------------------------------------------------------------- administrative papers


def caf_letter(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    pg = Page()
    col = (0, 110, 170)
    pg.group(18, 14, logo(rng, "Caf", col, 16, fam))
    dept = rng.choice(["du Rhône", "de l'Isère", "de Haute-Garonne", "de Paris", "du Nord"])
    pg.text(18, 36, f"Caisse d'allocations familiales {dept}", fam, 10, "bold", col)
    pg.text(120, 52, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 11)
    pg.text(120, 57.5, p.address.line1, fam, 10.5)
    pg.text(120, 63, p.address.line2, fam, 10.5)
    when = ctx.as_of - timedelta(days=rng.randint(3, 60))
    pg.text(120, 76, f"Le {fmt_date(when, 'long')}", fam, 10.5)
    pg.text(18, 80, f"N° allocataire : {digits(rng, 7)}", fam, 10.5, "bold")
    title = rng.choice(
        ["ATTESTATION DE PAIEMENT", "Attestation de quotient familial", "Notification de droits"]
    )
    pg.text(105, 100, title, fam, 15, "bold", col, "center")
    y = pg.para(18, 116, 174, f"{'Madame' if p.sex == 'F' else 'Monsieur'},", fam, 11)
    amount = rng.randint(120, 420) + rng.randint(0, 99) / 100
    y = pg.para(
        18,
        y + 3,
        174,
        f"Nous vous informons qu'au titre de l'aide personnalisée au logement (APL), "
        f"vous avez perçu les montants ci-dessous. Votre quotient familial est de "
        f"{rng.randint(300, 900)} euros.",
        fam,
        11,
        leading=1.45,
    )
    y += 6
    for i in range(3):
        m = add_months(ctx.as_of.replace(day=1), -1 - i)
        pg.text(30, y, f"Aide au logement — {month_name(m)}", fam, 10.5)
        pg.text(180, y, money(amount), fam, 10.5, align="right")
        y += 7
    pg.para(
        18,
        y + 10,
        174,
        "Ce document vous est délivré pour servir et valoir ce que de droit. Vous pouvez "
        "retrouver toutes vos attestations dans votre espace Mon Compte sur caf.fr.",
        fam,
        10,
        "italic",
        GREY,
    )
    pg.text(120, y + 40, "Le directeur", fam, 10.5)
    return _doc(ctx, "caf-letter", [pg], {"what": "CAF letter", "title": title}, "digital")


def home_insurance(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    insurer, col = rng.choice(
        [
            ("Mutuelle du Pavillon", (160, 30, 60)),
            ("Assurances Horizon", (0, 90, 150)),
            ("Abri Assurances", (20, 120, 90)),
        ]
    )
    pg = Page()
    pg.group(18, 14, logo(rng, insurer, col, 13, fam))
    quote = rng.random() < 0.4
    title = (
        "DEVIS ASSURANCE HABITATION"
        if quote
        else rng.choice(
            [
                "ATTESTATION D'ASSURANCE HABITATION",
                "Attestation d'assurance — Multirisque habitation",
            ]
        )
    )
    pg.text(105, 48, title, fam, fit_size(title, fam, 15, 176, "bold"), "bold", col, "center")
    start = ctx.as_of - timedelta(days=rng.randint(30, 300))
    y = 66
    rows = [
        ("Souscripteur", f"{p.civility} {p.given_names} {p.surname.upper()}"),
        ("Adresse du risque", p.address.oneline()),
        ("Qualité", rng.choice(["Locataire", "Locataire", "Propriétaire occupant"])),
        ("N° de contrat" if not quote else "N° de devis", f"{digits(rng, 3)}-{digits(rng, 7)}"),
        ("Formule", rng.choice(["Essentielle", "Confort", "Intégrale"])),
        ("Date d'effet", fmt_date(start, "num")),
        ("Cotisation annuelle TTC", money(rng.randint(90, 380))),
    ]
    for lab, v in rows:
        pg.text(22, y, lab, fam, 10.5, "regular", GREY)
        pg.text(80, y, v, fam, fit_size(v, fam, 11, 110, "bold"), "bold")
        y += 9
    text = (
        f"{insurer} atteste que le souscripteur ci-dessus est garanti au titre d'un contrat "
        f"multirisque habitation couvrant la responsabilité civile, les dégâts des eaux, "
        f"l'incendie et le vol, pour la période du {fmt_date(start, 'num')} au "
        f"{fmt_date(add_months(start, 12) - timedelta(days=1), 'num')}."
        if not quote
        else "Ce devis est valable 30 jours. Les garanties ne prennent effet qu'après signature "
        "du contrat et paiement de la première cotisation."
    )
    y = pg.para(18, y + 8, 174, text, fam, 10.5, leading=1.45)
    pg.text(
        120,
        y + 12,
        f"Fait le {fmt_date(ctx.as_of - timedelta(days=rng.randint(2, 30)), 'long')}",
        fam,
        10.5,
    )
    if not quote:
        put_signature(pg, rng, 122, y + 15, 40, 14)
    return _doc(ctx, "home-insurance", [pg], {"what": title.lower()}, "digital")


def marriage_certificate(ctx: Ctx) -> Doc:
    """Acte de mariage: two people with birth dates and parents (unknown in this version)."""
    rng = ctx.rng
    fam = body_font(rng)
    a = make_person(
        rng,
        ctx.person.nationality if ctx.person.nationality in ("MAR", "SEN", "TUN") else "FRA",
        ctx.as_of,
        24,
        50,
        "M",
    )
    b = make_person(rng, a.nationality, ctx.as_of, 22, 48, "F")
    city = rng.choice(["Lyon", "Grenoble", "Nantes", "Lille", "Rennes", "Dakar", "Fès"])
    wed = ctx.as_of - timedelta(days=rng.randint(200, 3000))
    pg = Page()
    pg.text(
        20,
        22,
        "RÉPUBLIQUE FRANÇAISE" if a.nationality == "FRA" else NATIONS[a.nationality]["fr"],
        fam,
        11,
        "bold",
    )
    pg.text(20, 28, f"Mairie de {city}", fam, 10)
    pg.text(190, 22, f"Acte n° {rng.randint(10, 900)}", fam, 10, align="right")
    title = rng.choice(["COPIE INTÉGRALE D'ACTE DE MARIAGE", "EXTRAIT D'ACTE DE MARIAGE"])
    pg.text(105, 50, title, fam, fit_size(title, fam, 14, 170, "bold"), "bold", align="center")
    pg.line(20, 55, 190, 55)
    text = (
        f"Le {fmt_date(wed, 'long')}, à {rng.randint(10, 17)} heures, devant Nous ont "
        f"comparu publiquement en la maison commune : {a.given_names} {a.surname.upper()}, "
        f"né le {fmt_date(a.birth_date, 'long')} à {a.birth_place}, fils de {a.father} et de "
        f"{a.mother} ; et {b.given_names} {b.surname.upper()}, née le "
        f"{fmt_date(b.birth_date, 'long')} à {b.birth_place}, fille de {b.father} et de "
        f"{b.mother}. Les futurs époux ont déclaré l'un après l'autre vouloir se prendre "
        f"pour époux et Nous avons prononcé au nom de la loi qu'ils sont unis par le mariage."
    )
    y = pg.para(20, 68, 170, text, fam, 11.5, leading=1.55)
    y = pg.para(20, y + 4, 170, "Sans contrat de mariage préalable.", fam, 11.5)
    y = pg.para(20, y + 4, 170, "Mentions marginales : néant.", fam, 11)
    pg.text(120, y + 16, "L'officier de l'état civil,", fam, 10.5)
    put_signature(pg, rng, 122, y + 19, 40, 14)
    put_stamp(
        pg, rng, 45, y + 12, [f"MAIRIE DE {city.upper()}", "ÉTAT CIVIL"], w=44, h=26, round_=True
    )
    return _doc(
        ctx,
        "marriage-certificate",
        [pg],
        {
            "what": "acte de mariage",
            "spouses": [a.full_name, b.full_name],
            "wedding_date": wed.isoformat(),
        },
        "paper",
    )


def livret_famille(ctx: Ctx) -> Doc:
    """A page of a livret de famille: the couple, then children (unknown in this version)."""
    rng = ctx.rng
    fam = rng.choice(["dejavu-serif", "liberation-serif", "dejavu-sans"])
    a = make_person(rng, "FRA", ctx.as_of, 35, 60, "M")
    b = make_person(rng, "FRA", ctx.as_of, 33, 58, "F")
    W, H = 120.0, 170.0
    pg = Page(W, H, bg=rng.choice([(244, 238, 222), (238, 236, 228)]))
    guilloche(pg, rng, (222, 212, 190), n=10)
    pg.text(W / 2, 12, "LIVRET DE FAMILLE", fam, 11, "bold", (90, 60, 40), "center")
    child = rng.random() < 0.6
    head = "ENFANT" if child else "MARIAGE"
    pg.text(W / 2, 20, head, fam, 9, "bold", (90, 60, 40), "center")
    y = 30
    if child:
        c = make_person(rng, "FRA", ctx.as_of, 1, 15)
        c.surname = a.surname
        rows = [
            ("Nom", c.surname.upper()),
            ("Prénoms", c.given_names),
            ("Né(e) le", fmt_date(c.birth_date, "long")),
            ("à", c.birth_place),
            ("Père", f"{a.given_names} {a.surname.upper()}"),
            ("Mère", f"{b.given_names} {b.surname.upper()}"),
        ]
    else:
        wed = ctx.as_of - timedelta(days=rng.randint(400, 6000))
        rows = [
            ("Époux", f"{a.given_names} {a.surname.upper()}"),
            ("né le", fmt_date(a.birth_date, "num")),
            ("Épouse", f"{b.given_names} {b.surname.upper()}"),
            ("née le", fmt_date(b.birth_date, "num")),
            ("Mariage célébré le", fmt_date(wed, "long")),
            ("à", rng.choice(["Nantes", "Angers", "Limoges", "Besançon"])),
        ]
    for lab, v in rows:
        pg.text(8, y, lab, fam, 7.5, "regular", (90, 70, 50))
        pg.text(8, y + 5, v, fam, fit_size(v, fam, 10, W - 16), "bold", (20, 30, 90))
        pg.line(8, y + 6.5, W - 8, y + 6.5, (200, 190, 170), 0.2)
        y += 14
    pg.text(8, y + 6, "Extrait conforme délivré par l'officier de l'état civil", fam, 6.5, "italic")
    put_stamp(pg, rng, W - 46, y + 10, ["MAIRIE", "ÉTAT CIVIL"], w=34, h=22, round_=True)
    put_signature(pg, rng, 10, y + 12, 32, 12)
    return _doc(
        ctx,
        "livret-famille",
        [pg],
        {"what": "livret de famille page", "page": head.lower()},
        "paper",
    )


def bank_statement(ctx: Ctx) -> Doc:
    """A relevé de compte: IBAN and BIC in the header, then transactions. Not a RIB."""
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    bank, col = rng.choice(
        [
            ("Banque Hexagonale", (20, 60, 130)),
            ("Crédit Solidaire de Loire", (0, 110, 80)),
            ("Azur NéoBanque", (0, 120, 170)),
            ("Caisse Mutuelle des Tilleuls", (160, 30, 40)),
        ]
    )
    r = numbers.fr_rib(rng)
    pg = Page()
    pg.group(18, 12, logo(rng, bank, col, 13, fam))
    title = rng.choice(["RELEVÉ DE COMPTE", "Relevé de compte courant", "EXTRAIT DE COMPTE"])
    month = add_months(ctx.as_of.replace(day=1), -1)
    pg.text(194, 20, title, fam, 13, "bold", col, "right")
    pg.text(
        194,
        26,
        f"du {fmt_date(month, 'num')} au "
        f"{fmt_date(add_months(month, 1) - timedelta(days=1), 'num')}",
        fam,
        9.5,
        align="right",
    )
    pg.text(120, 42, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 10.5)
    pg.text(120, 47.5, p.address.line1, fam, 10)
    pg.text(120, 53, p.address.line2, fam, 10)
    show_iban = rng.random() < 0.8
    pg.text(18, 42, f"Compte courant n° {r['account']}", fam, 9.5)
    if show_iban:
        pg.text(18, 47.5, f"IBAN {numbers.group4(r['iban'])}", fam, 9, "regular", GREY)
        pg.text(18, 53, f"BIC {numbers.bic(rng, 'FR')}", fam, 9, "regular", GREY)
    y = 68
    pg.rect(18, y, 176, 7, None, (232, 234, 238))
    for x, h, al in [
        (20, "Date", "left"),
        (42, "Libellé", "left"),
        (160, "Débit", "right"),
        (192, "Crédit", "right"),
    ]:
        pg.text(x, y + 5, h, fam, 9.5, "bold", align=al)
    y += 13
    bal = rng.randint(200, 3000) + 0.0
    pg.text(42, y, "SOLDE PRÉCÉDENT", fam, 9.5, "bold")
    pg.text(192, y, money(bal), fam, 9.5, align="right")
    y += 7
    ops = [
        ("CARTE {d} SUPERMARCHE DU CENTRE", -1),
        ("PRLV LOYER", -1),
        ("VIR SALAIRE", 1),
        ("CARTE {d} PHARMACIE", -1),
        ("PRLV FOURNISSEUR ENERGIE", -1),
        ("RETRAIT DAB {d}", -1),
        ("VIR CAF PRESTATIONS", 1),
        ("CARTE {d} BOULANGERIE", -1),
        ("PRLV OPERATEUR MOBILE", -1),
    ]
    for i in range(rng.randint(8, 14)):
        lab, sign = rng.choice(ops)
        d = month + timedelta(days=min(27, i * 2 + rng.randint(0, 2)))
        amt = round(rng.uniform(4, 90) if sign < 0 else rng.uniform(150, 1900), 2)
        pg.text(20, y, fmt_date(d, "num")[:5], fam, 9)
        pg.text(42, y, lab.format(d=fmt_date(d, "num")[:5]), fam, 9)
        pg.text(160 if sign < 0 else 192, y, money(amt)[:-2], fam, 9, align="right")
        bal += sign * amt
        y += 6.2
    pg.line(18, y - 2, 194, y - 2, (150, 150, 150), 0.3)
    pg.text(42, y + 4, "NOUVEAU SOLDE CRÉDITEUR", fam, 10, "bold")
    pg.text(192, y + 4, money(bal), fam, 10, "bold", align="right")
    pg.para(
        18,
        278,
        176,
        f"{bank} — Garantie des dépôts. Conservez ce relevé. "
        "Toute réclamation doit être formulée dans un délai de 30 jours.",
        fam,
        8,
        "regular",
        GREY,
    )
    return _doc(
        ctx,
        "bank-statement",
        [pg],
        {"what": "relevé de compte", "iban": r["iban"] if show_iban else None, "is_rib": False},
        "digital",
    )


def student_card(ctx: Ctx) -> Doc:
    """A university student card: photo, name, number, no MRZ. Not an identity document."""
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["dejavu-sans", "liberation-sans", "dejavu-sans-condensed"])
    W, H = 85.6, 54.0
    col = rng.choice([(120, 20, 60), (0, 80, 140), (30, 110, 80), (90, 60, 140)])
    pg = Page(W, H, bg=(248, 248, 250))
    pg.rect(0, 0, W, 11, None, col)
    uni = rng.choice(
        [
            "UNIVERSITÉ DU RHÔNE-VERT",
            "UNIVERSITÉ CÔTE D'OPALE",
            "INSTITUT POLYTECHNIQUE DES ALPES",
            "UNIVERSITÉ DE LA LOIRE",
        ]
    )
    pg.text(3, 7.2, uni, fam, fit_size(uni, fam, 8, 60, "bold"), "bold", (255, 255, 255))
    pg.text(W - 3, 7.2, "CARTE ÉTUDIANT", fam, 5.5, "bold", (255, 255, 255), "right")
    photo_box(pg, faces.portrait(rng, out_h=300), 3, 14, 22, 28)
    yr = ctx.as_of.year if ctx.as_of.month >= 9 else ctx.as_of.year - 1
    rows = [
        ("Nom", p.surname.upper()),
        ("Prénom", p.given_names),
        ("N° étudiant", digits(rng, 8)),
        ("Année universitaire", f"{yr}-{yr + 1}"),
    ]
    y = 17
    for lab, v in rows:
        pg.text(28, y, lab, fam, 5, "regular", GREY)
        pg.text(28, y + 3.6, v, fam, fit_size(v, fam, 8, 54, "bold"), "bold")
        y += 8.6
    for i in range(22):  # a barcode
        pg.rect(28 + i * 1.1, H - 7, 0.5 if i % 3 else 0.8, 5, None, (0, 0, 0))
    return _doc(ctx, "student-card", [pg], {"what": "student card", "faces": 1}, "card")


def prescription(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    doc = make_person(rng, "FRA", ctx.as_of, 35, 65)
    pg = Page(148, 210)
    pg.text(10, 14, f"Docteur {doc.given_names} {doc.surname.upper()}", fam, 11, "bold")
    pg.text(10, 19, rng.choice(["Médecine générale", "Pédiatrie", "Dermatologie"]), fam, 9)
    pg.text(10, 23.5, make_address(rng).oneline(), fam, 8.5)
    pg.text(10, 28, f"RPPS {digits(rng, 11)}", fam, 8.5, "regular", GREY)
    when = ctx.as_of - timedelta(days=rng.randint(1, 40))
    pg.text(138, 40, f"Le {fmt_date(when, 'num')}", fam, 10, align="right")
    pg.text(10, 50, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 10.5, "bold")
    pg.text(74, 64, "ORDONNANCE", fam, 13, "bold", align="center")
    meds = rng.sample(
        [
            "Paracétamol 1 g : 1 comprimé 3 fois par jour pendant 5 jours",
            "Amoxicilline 500 mg : 2 gélules matin et soir pendant 6 jours",
            "Ibuprofène 200 mg : 1 comprimé si douleur, maximum 3 par jour",
            "Sérum physiologique : lavage de nez 3 fois par jour",
            "Vitamine D 100 000 UI : 1 ampoule à boire",
        ],
        rng.randint(2, 3),
    )
    y = 80
    for m in meds:
        y = pg.para(14, y, 120, "• " + m, fam, 10.5, leading=1.4) + 5
    put_signature(pg, rng, 88, y + 10, 40, 14)
    return _doc(ctx, "prescription", [pg], {"what": "ordonnance"}, "paper")


def e_ticket(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = rng.choice(["dejavu-sans", "liberation-sans"])
    pg = Page()
    col = rng.choice([(150, 20, 60), (0, 90, 160), (40, 40, 40)])
    pg.rect(0, 0, 210, 26, None, col)
    pg.text(
        18,
        17,
        rng.choice(["RAILEXPRESS", "TRAINS DU SUD", "OUIGARE"]),
        fam,
        18,
        "bold",
        (255, 255, 255),
    )
    pg.text(194, 17, "E-BILLET", fam, 13, "bold", (255, 255, 255), "right")
    a, b = rng.sample(
        [
            "LYON PART-DIEU",
            "PARIS GARE DE LYON",
            "MARSEILLE ST-CHARLES",
            "GRENOBLE",
            "LILLE EUROPE",
            "NANTES",
            "BORDEAUX ST-JEAN",
        ],
        2,
    )
    day = ctx.as_of + timedelta(days=rng.randint(2, 30))
    pg.text(18, 44, f"Voyageur : {p.given_names} {p.surname.upper()}", fam, 11)
    pg.text(
        18,
        52,
        "Référence de dossier : "
        + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(6)),
        fam,
        11,
    )
    pg.text(18, 70, fmt_date(day, "long").upper(), fam, 12, "bold", col)
    pg.text(
        18,
        82,
        f"{rng.randint(6, 20):02d}h{rng.choice(['04', '16', '30', '52'])}  {a}",
        fam,
        13,
        "bold",
    )
    pg.text(
        18,
        92,
        f"{rng.randint(8, 23):02d}h{rng.choice(['11', '27', '45', '58'])}  {b}",
        fam,
        13,
        "bold",
    )
    pg.text(
        18,
        104,
        f"Train n° {rng.randint(6000, 9999)} — Voiture {rng.randint(1, 18)} — "
        f"Place {rng.randint(1, 120)}",
        fam,
        10.5,
    )
    pg.text(18, 112, f"Prix : {money(rng.randint(15, 120))}", fam, 10.5)
    # a 2D code
    x0, y0, cell = 140, 40, 1.6
    for i in range(25):
        for j in range(25):
            if rng.random() < 0.5 or (i < 7 and j < 7) or (i < 7 and j > 17) or (i > 17 and j < 7):
                pg.rect(x0 + i * cell, y0 + j * cell, cell, cell, None, (0, 0, 0))
    pg.para(
        18,
        140,
        174,
        "Billet nominatif, non échangeable. Présentez ce billet imprimé ou "
        "sur votre téléphone avec une pièce d'identité lors du contrôle.",
        fam,
        9.5,
        "italic",
        GREY,
    )
    return _doc(ctx, "e-ticket", [pg], {"what": "train e-ticket"}, "digital")


def cv(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    col = rng.choice([(30, 60, 110), (110, 30, 50), (40, 100, 90), (60, 60, 60)])
    pg = Page()
    side = rng.random() < 0.5
    if side:
        pg.rect(0, 0, 64, 297, None, tuple(min(255, c + 170) for c in col))
    photo_box(pg, faces.portrait(rng, out_h=420), 14, 16, 34, 44)
    x = 72 if side else 56
    pg.text(x, 26, f"{p.given_names} {p.surname.upper()}", fam, 18, "bold", col)
    job = rng.choice(
        [
            "Développeuse web",
            "Comptable",
            "Aide-soignant",
            "Chef de projet",
            "Ingénieur qualité",
            "Assistante de direction",
        ]
    )
    pg.text(x, 34, job, fam, 12, "regular", GREY)
    pg.text(x, 42, p.address.oneline(), fam, 9.5)
    pg.text(
        x,
        47,
        f"06 {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} — "
        f"{p.first_name.lower()}.{p.surname.split()[0].lower()}@mail.example",
        fam,
        9.5,
    )
    y = 72
    for head, items in [
        (
            "EXPÉRIENCE PROFESSIONNELLE",
            [
                f"{ctx.as_of.year - 2} – aujourd'hui : {job}, Société Alpha (Lyon)",
                f"{ctx.as_of.year - 5} – {ctx.as_of.year - 2} : Assistant(e), Groupe Beta",
                f"{ctx.as_of.year - 6} : Stage de six mois, Cabinet Gamma",
            ],
        ),
        (
            "FORMATION",
            [
                f"{ctx.as_of.year - 7} : Master, Université de {p.birth_place.split(',')[0]}",
                f"{ctx.as_of.year - 9} : Licence",
            ],
        ),
        ("LANGUES", ["Français : courant", "Anglais : courant", "Espagnol : notions"]),
        ("CENTRES D'INTÉRÊT", ["Randonnée, photographie, cuisine du monde"]),
    ]:
        xx = 72 if side else 18
        pg.text(xx, y, head, fam, 11, "bold", col)
        pg.line(xx, y + 2, 192, y + 2, col, 0.3)
        y += 9
        for it in items:
            y = pg.para(xx + 2, y, 192 - xx - 4, it, fam, 10, leading=1.4) + 2
        y += 6
    return _doc(ctx, "cv", [pg], {"what": "curriculum vitae", "faces": 1}, "digital")


def text_page(ctx: Ctx) -> Doc:
    """A page of a novel or a leaflet: plain prose, a running head and a page number."""
    rng = ctx.rng
    fam = rng.choice(["liberation-serif", "dejavu-serif", "dejavu-sans"])
    W, H = rng.choice([(148.0, 210.0), (135.0, 200.0), (210.0, 297.0)])
    pg = Page(W, H)
    pg.text(
        W / 2,
        14,
        rng.choice(["LE JARDIN D'HIVER", "CHAPITRE III", "Les saisons"]),
        fam,
        8,
        "italic",
        GREY,
        "center",
    )
    words = _PROSE.split()
    y = 26
    while y < H - 22:
        n = rng.randint(60, 110)
        start = rng.randrange(len(words))
        para = " ".join(words[(start + i) % len(words)] for i in range(n))
        para = para[0].upper() + para[1:] + "."
        y = pg.para(16, y, W - 32, para, fam, 10.5, leading=1.45) + 3
    pg.text(W / 2, H - 10, str(rng.randint(12, 280)), fam, 9, align="center")
    return _doc(ctx, "text-page", [pg], {"what": "page of a book"}, "paper")


_PROSE = (
    "le matin se levait lentement sur la vallée et les premiers rayons du soleil "
    "touchaient à peine les toits de la ferme quand elle sortit marcher dans le jardin "
    "encore humide de rosée elle pensait à la lettre reçue la veille et aux mots "
    "qu'elle n'avait pas su dire au bout du chemin le vieux chêne attendait comme "
    "toujours immobile et patient"
)

MISC_BUILDERS = {
    "screenshot-chat": screenshot_chat,
    "screenshot-web": screenshot_web,
    "caf-letter": caf_letter,
    "home-insurance": home_insurance,
    "marriage-certificate": marriage_certificate,
    "livret-famille": livret_famille,
    "bank-statement": bank_statement,
    "student-card": student_card,
    "prescription": prescription,
    "e-ticket": e_ticket,
    "cv": cv,
    "text-page": text_page,
}
