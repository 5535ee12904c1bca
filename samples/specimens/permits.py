"""Residence permits: French titre de séjour card (TD1), VLS-TS visa sticker (MRV-A/B),
récépissé / APS / API paper documents without MRZ. DOMAIN.md §3, R-MRZ-9/10."""

from __future__ import annotations

from datetime import timedelta

from samples import mrzgen
from samples.canvas import Page, text_width
from samples.people import NATIONS, add_months, digits, fmt_date
from samples.specimens import faces
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    guilloche,
    mrz_band,
    photo_box,
    put_signature,
    put_stamp,
)
from samples.specimens.identity import CARD_H, CARD_W, _card_base, _card_fields

TITRES = [
    ("CARTE DE SÉJOUR PLURIANNUELLE", "PASSEPORT TALENT", 48),
    ("CARTE DE SÉJOUR PLURIANNUELLE", "SALARIÉ", 24),
    ("CARTE DE SÉJOUR TEMPORAIRE", "VIE PRIVÉE ET FAMILIALE", 12),
    ("CARTE DE SÉJOUR TEMPORAIRE", "ÉTUDIANT", 12),
    ("CARTE DE RÉSIDENT", "RÉSIDENT LONGUE DURÉE - UE", 120),
]
PREFECTURES = [
    "Préfecture du Rhône",
    "Préfecture de l'Isère",
    "Préfecture du Nord",
    "Préfecture de la Haute-Garonne",
    "Préfecture de police de Paris",
    "Préfecture de la Gironde",
    "Préfecture d'Ille-et-Vilaine",
    "Préfecture du Bas-Rhin",
    "Préfecture de l'Hérault",
]


PREFECTURE_OF = {
    "Lyon": "Préfecture du Rhône",
    "Villeurbanne": "Préfecture du Rhône",
    "Grenoble": "Préfecture de l'Isère",
    "Lille": "Préfecture du Nord",
    "Nantes": "Préfecture de la Loire-Atlantique",
    "Toulouse": "Préfecture de la Haute-Garonne",
    "Montpellier": "Préfecture de l'Hérault",
    "Rennes": "Préfecture d'Ille-et-Vilaine",
    "Strasbourg": "Préfecture du Bas-Rhin",
    "Bordeaux": "Préfecture de la Gironde",
    "Paris": "Préfecture de police de Paris",
    "Dijon": "Préfecture de la Côte-d'Or",
}


def _prefecture(ctx: Ctx) -> str:
    return PREFECTURE_OF.get(ctx.person.address.city) or ctx.rng.choice(PREFECTURES)


def _validity(ctx: Ctx, months: int):
    rng = ctx.rng
    if ctx.opts.get("expired"):
        expiry = ctx.as_of - timedelta(days=rng.randint(15, 200))
        issue = add_months(expiry, -months) + timedelta(days=1)
    else:
        span = max(40, months * 30 - 45)
        issue = ctx.as_of - timedelta(days=rng.randint(20, min(span, 700)))
        expiry = add_months(issue, months) - timedelta(days=1)
        if expiry < ctx.as_of + timedelta(days=30):
            expiry = ctx.as_of + timedelta(days=rng.randint(60, 300))
    return issue, expiry


def residence_permit(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(
        ["titre-card", "titre-card-b", "vls-ts", "recepisse"]
    )
    if variant.startswith("titre-card"):
        return _titre_card(ctx, variant)
    if variant == "vls-ts":
        return _vls_ts(ctx)
    if variant == "ada":
        return _ada(ctx)
    return _recepisse(ctx, ctx.opts.get("kind"))


DZ_TITRES = [
    ("CERTIFICAT DE RÉSIDENCE POUR ALGÉRIEN", "10 ANS", 120),
    ("CERTIFICAT DE RÉSIDENCE POUR ALGÉRIEN", "ÉTUDIANT", 12),
    ("CERTIFICAT DE RÉSIDENCE POUR ALGÉRIEN", "VIE PRIVÉE ET FAMILIALE", 12),
    ("CERTIFICAT DE RÉSIDENCE POUR ALGÉRIEN", "SALARIÉ", 12),
]


def _titre_card(ctx: Ctx, variant: str) -> Doc:
    rng, p = ctx.rng, ctx.person
    if variant == "titre-card-dz":
        if p.nationality != "DZA":
            from samples.people import make_person

            p = make_person(rng, "DZA", ctx.as_of)
        kind, mention, months = rng.choice(DZ_TITRES)
    else:
        kind, mention, months = rng.choice(TITRES)
    issue, expiry = _validity(ctx, months)
    long_no = variant == "titre-card-b" and rng.random() < 0.5
    number = digits(rng, 10) if long_no else (rng.choice(["AB", "CD", "EF", "GH"]) + digits(rng, 7))
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
    fam = rng.choice(
        ["dejavu-sans", "liberation-sans", "dejavu-sans-condensed", "liberation-sans-narrow"]
    )
    ds = rng.choice(["num", "dot", "num"])
    d = lambda x: fmt_date(x, ds)  # noqa: E731
    f = _card_base(rng, rng.choice([(230, 236, 246), (236, 232, 244), (232, 240, 236)]))
    blue = (20, 40, 120)
    f.text(3, 5, "RÉPUBLIQUE FRANÇAISE", fam, 7, "bold", blue)
    if variant == "titre-card":
        title, sub = "TITRE DE SÉJOUR", "RESIDENCE PERMIT"
    elif variant == "titre-card-dz":
        title, sub = "CERTIFICAT DE RÉSIDENCE", "POUR ALGÉRIEN / RESIDENCE PERMIT"
    else:
        title, sub = kind, "TITRE DE SÉJOUR / RESIDENCE PERMIT"
    f.text(CARD_W - 3, 5, title, fam, fit_size(title, fam, 7.5, 46, "bold"), "bold", blue, "right")
    f.text(CARD_W - 3, 8.3, sub, fam, fit_size(sub, fam, 5.5, 46), "regular", blue, "right")
    photo_box(f, faces.portrait(rng, out_h=360, gray=rng.random() < 0.7), 3, 10, 23, 30)
    rows = [
        [("NOM / Surname", p.surname.upper(), 55)],
        [("Prénoms / Given names", p.given_names.upper(), 55)],
        [
            ("SEXE / Sex", p.sex, 11),
            ("NATIONALITÉ", p.nationality, 17),
            ("NÉ(E) LE / Date of birth", d(p.birth_date), 27),
        ],
    ]
    if variant == "titre-card":
        rows.append([("TYPE DE TITRE / Type of permit", f"{kind}", 55)])
        rows.append([("N° / No", number, 27), ("VALABLE JUSQU'AU / Valid until", d(expiry), 28)])
    else:
        rows.append([("MENTION / Remarks", mention, 55)])
        rows.append([("N° DU TITRE", number, 27), ("DATE D'EXPIRATION", d(expiry), 28)])
    _card_fields(f, rng, rows, 28, 12.5, fam, step=6.9)
    b = _card_base(rng, (236, 236, 242))
    b.text(3, 5.5, "ADRESSE / Address", fam, 5.5, "regular", (60, 60, 90))
    b.text(3, 9, p.address.line1.upper(), fam, 7.5, "bold")
    b.text(3, 12.4, p.address.line2, fam, 7.5, "bold")
    b.text(3, 17, "REMARQUES / Remarks", fam, 5.5, "regular", (60, 60, 90))
    rem = f"{mention}" + ("" if "RÉSIDENT" in mention else " - AUTORISE SON TITULAIRE À TRAVAILLER")
    y = 20.4
    for ln in _wrap_upper(rem, fam, 6.8, CARD_W - 6):
        b.text(3, y, ln, fam, 6.8, "bold")
        y += 3.1
    pref = _prefecture(ctx)
    b.text(
        3,
        y + 2.4,
        f"Délivré le {d(issue)} — {pref}",
        fam,
        fit_size(f"Délivré le {d(issue)} — {pref}", fam, 6.2, CARD_W - 6),
        "regular",
    )
    mrz_band(b, mrz, 4, CARD_H - 3.5, CARD_W - 8)
    fields = {
        **p.truth(),
        "kind": "card",
        "permit_type": kind,
        "mention": mention,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD1",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": "FRA",
        "authority": pref,
        "sides": ["front", "back"],
    }
    if ctx.opts.get("expired"):
        fields["expired"] = True
    return Doc("residence_permit", f"residence_permit/{variant}", [f, b], fields, "card")


def _wrap_upper(s, fam, size, width):
    from samples.canvas import wrap

    return wrap(s, width, fam, size, "bold")


def _vls_ts(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fmt = ctx.opts.get("mrz") or rng.choice(["MRVA", "MRVB"])
    start = ctx.as_of - timedelta(days=rng.randint(40, 300))
    if ctx.opts.get("expired"):
        start = ctx.as_of - timedelta(days=rng.randint(380, 500))
    expiry = add_months(start, 12) - timedelta(days=1)
    entry = start + timedelta(days=rng.randint(0, 20))
    number = digits(rng, 9)
    passport_no = ctx.opts.get("passport_number") or (rng.choice("ABCEGKLMNP") + digits(rng, 8))
    motive = rng.choice(
        ["ÉTUDIANT", "SALARIÉ", "VISITEUR", "VIE PRIVÉE ET FAMILIALE", "PASSEPORT TALENT"]
    )
    if ctx.opts.get("a_solliciter"):
        remark = ["CARTE DE SÉJOUR À SOLLICITER", "DANS LES 2 MOIS SUIVANT L'ARRIVÉE"]
    else:
        remark = [
            f"VLS-TS {motive}",
            rng.choice(
                [
                    "E1 VLSTS VALIDER EN LIGNE",
                    "CESEDA R311-3 2° - VALIDER EN LIGNE",
                    "VLS-TS À VALIDER EN LIGNE DÈS L'ARRIVÉE",
                ]
            ),
        ]
    composer = mrzgen.mrv_a if fmt == "MRVA" else mrzgen.mrv_b
    opt = passport_no[:8] if fmt == "MRVB" else passport_no
    mrz = composer(
        "FRA",
        p.surname,
        p.given_names,
        number,
        p.nationality,
        p.birth_date,
        p.sex,
        expiry,
        optional=opt,
        doc_type="VD",
    )
    assert mrzgen.verify(mrz)
    # the passport page the sticker is glued on
    W, H = 125.0, 88.0
    page = Page(W, H, bg=(236, 234, 226))
    guilloche(page, rng, (214, 208, 196), n=12)
    sx, sy = 3.0, 3.0
    s = Page(W - 6, H - 6, bg=(232, 240, 246))
    guilloche(s, rng, (200, 214, 232), n=16)
    fam = rng.choice(["liberation-sans", "dejavu-sans-condensed", "liberation-sans-narrow"])
    lab = (60, 60, 110)
    s.text(3, 6, "VISA", fam, 11, "bold", (20, 40, 120))
    s.text(24, 6, "VALABLE POUR / VALID FOR", fam, 5.2, "regular", lab)
    s.text(24, 9.6, "FRANCE", fam, 8.5, "bold")
    s.text(s.w - 3, 6, f"FRA {number}", fam, 8.5, "bold", (150, 20, 40), "right")
    photo_box(s, faces.portrait(rng, out_h=320, gray=True), 3, 12, 24, 31)
    ds = "dash" if rng.random() < 0.5 else "num"
    rows = [
        [
            ("DU / FROM", fmt_date(start, ds), 22),
            ("AU / UNTIL", fmt_date(expiry, ds), 22),
            ("TYPE DE VISA / TYPE OF VISA", "D", 40),
        ],
        [
            ("NOMBRE D'ENTRÉES / NUMBER OF ENTRIES", "MULT", 44),
            ("DURÉE DE SÉJOUR / DURATION OF STAY", f"{(expiry - start).days + 1} JOURS", 40),
        ],
        [
            (
                "DÉLIVRÉ À / ISSUED IN",
                rng.choice(
                    [
                        "WASHINGTON",
                        "RABAT",
                        "NEW DELHI",
                        "BRASILIA",
                        "BEIJING",
                        "MEXICO",
                        "BOGOTA",
                        "DAKAR",
                        "TUNIS",
                    ]
                ),
                30,
            ),
            ("LE / ON", fmt_date(start - timedelta(days=rng.randint(10, 40)), ds), 22),
            ("N° DE PASSEPORT", passport_no, 32),
        ],
        [("NOM, PRÉNOM / SURNAME, NAME", f"{p.surname.upper()}, {p.given_names.upper()}", 84)],
    ]
    y = 15
    for row in rows:
        x = 30
        for label, v, w in row:
            s.text(x, y, label, fam, fit_size(label, fam, 5.2, w - 1), "regular", lab)
            s.text(x, y + 3.6, v, fam, fit_size(v, fam, 8.2, w - 1, "bold"), "bold")
            x += w
        y += 7.6
    s.text(30, y, "REMARQUES / REMARKS", fam, 5.2, "regular", lab)
    for i, r in enumerate(remark):
        s.text(30, y + 3.6 + i * 3.6, r, fam, fit_size(r, fam, 7.6, s.w - 33, "bold"), "bold")
    mrz_band(s, mrz, 3, s.h - 3.5, s.w - 6, bg=(246, 248, 250))
    page.group(sx, sy, s)
    put_stamp(
        page, rng, 5, 50, ["ENTRÉE", fmt_date(entry, "dot"), "ROISSY CDG"], w=26, h=15, size=5.5
    )
    fields = {
        **p.truth(),
        "kind": "vls_ts",
        "visa_type": "D",
        "document_number": number,
        "issue_date": start.isoformat(),
        "valid_from": start.isoformat(),
        "expiry_date": expiry.isoformat(),
        "entry_date": entry.isoformat(),
        "passport_number": passport_no,
        "mrz_format": fmt,
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": "FRA",
        "remarks": remark,
        "validation_attestation": False,
        "is_titre": not ctx.opts.get("a_solliciter", False),
    }
    return Doc(
        "residence_permit", f"residence_permit/vls-ts-{fmt.lower()}", [page], fields, "booklet"
    )


RECEPISSE_KINDS = {
    "renouvellement": ("RÉCÉPISSÉ DE DEMANDE DE CARTE DE SÉJOUR", "DEMANDE DE RENOUVELLEMENT", 6),
    "premiere": ("RÉCÉPISSÉ DE DEMANDE DE CARTE DE SÉJOUR", "PREMIÈRE DEMANDE", 4),
    "aps": ("AUTORISATION PROVISOIRE DE SÉJOUR", "", 6),
    "api": ("ATTESTATION DE PROLONGATION D'INSTRUCTION", "D'UNE DEMANDE DE TITRE DE SÉJOUR", 3),
}


def _recepisse(ctx: Ctx, kind: str | None) -> Doc:
    rng, p = ctx.rng, ctx.person
    kind = kind or rng.choice(sorted(RECEPISSE_KINDS))
    title, sub, months = RECEPISSE_KINDS[kind]
    issue, expiry = _validity(ctx, months)
    fam = body_font(rng)
    pref = _prefecture(ctx)
    etranger = digits(rng, 10)
    ds = rng.choice(["num", "long"])
    d = lambda x: fmt_date(x, ds)  # noqa: E731
    pg = Page(210, 297)
    pg.text(20, 22, "RÉPUBLIQUE FRANÇAISE", fam, 11, "bold")
    pg.text(20, 27, "Liberté • Égalité • Fraternité", fam, 8, "italic", (80, 80, 80))
    pg.text(
        190,
        22,
        pref.upper(),
        fam,
        fit_size(pref.upper(), fam, 10, 95, "bold"),
        "bold",
        align="right",
    )
    pg.text(190, 27, "Service de l'immigration et de l'intégration", fam, 8.5, align="right")
    y = 48
    size = fit_size(title, fam, 14, 170, "bold")
    pg.text(105, y, title, fam, size, "bold", align="center")
    if sub:
        pg.text(105, y + 7, sub, fam, 11.5, "bold", align="center")
    y += 18
    photo_box(pg, faces.portrait(rng, out_h=400), 150, y, 35, 45, border=(0, 0, 0))
    lines = [
        ("Nom", p.surname.upper()),
        ("Prénom(s)", p.given_names),
        ("Date de naissance", d(p.birth_date)),
        ("Lieu de naissance", f"{p.birth_place} ({NATIONS[p.nationality]['fr']})"),
        ("Nationalité", NATIONS[p.nationality]["fr"].capitalize()),
        ("Numéro étranger", etranger),
        ("Adresse", p.address.oneline()),
    ]
    for label, v in lines:
        pg.text(22, y + 4, f"{label} :", fam, 10.5, "regular", (60, 60, 60))
        pg.text(68, y + 4, v, fam, fit_size(v, fam, 11, 78 if y < 115 else 120, "bold"), "bold")
        y += 8.5
    y += 6
    work = rng.random() < 0.7
    txt = f"Le présent document est valable du {d(issue)} au {d(expiry)}. " + (
        "Il autorise son titulaire à travailler."
        if work
        else "Il n'autorise pas son titulaire à travailler."
    )
    if kind == "api":
        txt = (
            f"La demande de titre de séjour de l'intéressé(e) est en cours d'instruction. "
            f"La présente attestation prolonge son droit au séjour jusqu'au {d(expiry)}. "
            + ("Elle autorise son titulaire à travailler." if work else "")
        )
    y = pg.para(22, y, 165, txt, fam, 11)
    y = pg.para(
        22,
        y + 3,
        165,
        "Ce document, accompagné du passeport, doit être présenté à "
        "toute réquisition des autorités. Il ne peut être prorogé que par la préfecture "
        "qui l'a délivré.",
        fam,
        10,
    )
    pg.text(120, y + 12, f"Fait le {d(issue)}", fam, 10.5)
    pg.text(120, y + 18, "Pour le préfet et par délégation,", fam, 10)
    put_signature(pg, rng, 122, y + 21, 40, 14)
    put_stamp(pg, rng, 40, y + 12, [pref.upper()[:28], "SERVICE DES ÉTRANGERS"], w=52, h=26)
    fields = {
        **p.truth(),
        "kind": "aps" if kind == "aps" else ("api" if kind == "api" else "recepisse"),
        "recepisse_kind": kind,
        "issue_date": issue.isoformat(),
        "valid_from": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "numero_etranger": etranger,
        "authorises_work": work,
        "authority": pref,
    }
    return Doc("residence_permit", f"residence_permit/recepisse-{kind}", [pg], fields, "paper")


def _ada(ctx: Ctx) -> Doc:
    """Attestation de demande d'asile (paper, photo, no MRZ): DOMAIN.md §3 'asylum'."""
    rng, p = ctx.rng, ctx.person
    procedure = rng.choice(["PROCÉDURE NORMALE", "PROCÉDURE ACCÉLÉRÉE", "PROCÉDURE DUBLIN"])
    months = 6 if "DUBLIN" not in procedure else 4
    issue, expiry = _validity(ctx, months)
    fam = body_font(rng)
    pref = _prefecture(ctx)
    etranger = digits(rng, 10)
    ds = rng.choice(["num", "dot"])
    d = lambda x: fmt_date(x, ds)  # noqa: E731
    pg = Page(210, 297)
    pg.text(20, 20, "RÉPUBLIQUE FRANÇAISE", fam, 10.5, "bold")
    pg.text(20, 25, "MINISTÈRE DE L'INTÉRIEUR", fam, 8.5)
    pg.text(
        190,
        20,
        pref.upper(),
        fam,
        fit_size(pref.upper(), fam, 9.5, 100, "bold"),
        "bold",
        align="right",
    )
    pg.text(190, 25, "Guichet unique pour demandeurs d'asile", fam, 8.5, align="right")
    pg.rect(20, 36, 170, 20, (30, 30, 30), (240, 240, 240), 0.4)
    title = "ATTESTATION DE DEMANDE D'ASILE"
    pg.text(105, 45, title, fam, fit_size(title, fam, 15, 160, "bold"), "bold", align="center")
    pg.text(105, 52, procedure, fam, 11, "bold", align="center")
    photo_box(
        pg,
        faces.portrait(rng, out_h=400, gray=rng.random() < 0.5),
        150,
        64,
        32,
        41,
        border=(0, 0, 0),
    )
    rows = [
        ("Nom", p.surname.upper()),
        ("Prénom(s)", p.given_names),
        ("Sexe", p.sex),
        ("Né(e) le", d(p.birth_date)),
        ("à", p.birth_place),
        ("Nationalité déclarée", NATIONS[p.nationality]["fr"].title()),
        ("N° étranger (AGDREF)", etranger),
        ("Domiciliation", p.address.oneline()),
    ]
    y = 70
    for lab, v in rows:
        pg.text(22, y, lab, fam, 10, "regular", (70, 70, 70))
        pg.text(72, y, v, fam, fit_size(v, fam, 10.5, 74 if y < 112 else 116, "bold"), "bold")
        y += 7.5
    y = pg.para(
        22,
        y + 6,
        166,
        f"La présente attestation, valable du {d(issue)} au {d(expiry)}, vaut autorisation "
        "provisoire de séjour. Elle est renouvelable jusqu'à la notification de la décision "
        "de l'Office français de protection des réfugiés et apatrides et, le cas échéant, de "
        "la Cour nationale du droit d'asile. Elle ne constitue pas un titre d'identité.",
        fam,
        10,
        leading=1.45,
    )
    pg.text(22, y + 8, f"Date de la première attestation : {d(issue)}", fam, 10)
    pg.text(120, y + 20, f"Fait le {d(issue)}", fam, 10)
    pg.text(120, y + 26, "Le préfet,", fam, 10)
    put_signature(pg, rng, 122, y + 29, 40, 14)
    put_stamp(pg, rng, 40, y + 18, [pref.upper()[:28], "GUDA"], w=48, h=24)
    fields = {
        **p.truth(),
        "kind": "ada",
        "procedure": procedure,
        "issue_date": issue.isoformat(),
        "valid_from": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "numero_etranger": etranger,
        "authority": pref,
    }
    return Doc("residence_permit", "residence_permit/ada", [pg], fields, "paper")


RESIDENCE_LAYOUTS = ["titre-card", "titre-card-b", "titre-card-dz", "vls-ts", "recepisse", "ada"]
_ = text_width
