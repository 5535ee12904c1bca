"""CPAM documents: the S1106 form (Demande d'ouverture des droits à l'assurance maladie),
the 'Ma nouvelle carte Vitale' form, the attestation de droits and the CPAM letter giving
the social-security number. DOMAIN.md §1, §9 (R-DOS-1, R-NIR)."""

from __future__ import annotations

from datetime import timedelta

from samples import identifiers as numbers
from samples.canvas import Page
from samples.people import NATIONS, add_months, fmt_date
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    hand_font,
    logo,
    put_signature,
)

CPAMS = [
    "CPAM du Rhône",
    "CPAM de l'Isère",
    "CPAM de la Haute-Garonne",
    "CPAM de Paris",
    "CPAM de Loire-Atlantique",
    "CPAM du Nord",
    "CPAM de la Gironde",
]
AM_BLUE = (0, 84, 150)


def _checkbox(pg: Page, x, y, label, checked, fam, size=10, hf=None):
    pg.rect(x, y - 3.2, 3.6, 3.6, (40, 40, 40), None, 0.25)
    if checked:
        pg.polyline(
            [(x + 0.5, y - 1.6), (x + 1.5, y - 0.2), (x + 3.6, y - 4.2)], (20, 40, 140), 0.5
        )
    pg.text(x + 5.5, y, label, fam, size)


#: Wordings of the PUMa request's title and subtitle across editions and reprints.
S1106_TITLES = [
    "Demande d'ouverture des droits à l'assurance maladie",
    "Demande d'ouverture des droits à l'Assurance Maladie",
    "DEMANDE D'OUVERTURE DES DROITS À L'ASSURANCE MALADIE",
    "Protection universelle maladie : demande d'ouverture des droits",
    "Demande d'affiliation à l'assurance maladie",
]
S1106_SUBTITLES = [
    "Protection universelle maladie (PUMa) — Articles L. 160-1 et suivants du "
    "code de la Sécurité sociale",
    "Articles L. 160-1, L. 160-5 et R. 111-2 du code de la sécurité sociale",
    "Prise en charge des frais de santé au titre de la résidence stable et régulière",
]
AM_NAMES = ["l'Assurance Maladie", "Assurance Maladie", "CPAM", "ameli"]


def application_form(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(["s1106-handwritten", "s1106-typed"])
    if variant == "vitale-form":
        return _vitale_form(ctx)
    return _s1106(ctx, variant)


def _s1106(ctx: Ctx, variant: str) -> Doc:
    rng, p = ctx.rng, ctx.person
    signed = ctx.opts.get("signed", variant != "s1106-unsigned")
    hand = variant in ("s1106-handwritten", "s1106-unsigned")
    fam = rng.choice(["liberation-sans", "dejavu-sans", "dejavu-sans-condensed"])
    if hand:
        vf, vs = hand_font(rng)
        vcol = (20, 40, 140)
        vsize = 12.5
    else:
        vf, vs, vcol, vsize = "dejavu-mono", "regular", (0, 0, 0), 11
    made = ctx.opts.get("date") or ctx.as_of - timedelta(days=rng.randint(1, 12))
    city = p.address.city
    employed = ctx.opts.get("employed", False)
    p1 = Page()
    p1.group(16, 12, logo(rng, rng.choice(AM_NAMES), AM_BLUE, 12, fam))
    if rng.random() < 0.8:
        p1.text(
            194,
            16,
            rng.choice(["S1106", "S 1106", "Formulaire S1106"]),
            fam,
            13,
            "bold",
            align="right",
        )
    p1.text(194, 22, f"cerfa N° {rng.choice(['15763*02', '15763*03'])}", fam, 9, align="right")
    # the title's wording and place vary between editions and CPAM reprints
    t1 = rng.choice(S1106_TITLES)
    left = rng.random() < 0.35
    p1.text(
        16 if left else 105,
        38,
        t1,
        fam,
        fit_size(t1, fam, 14.5, 176, "bold"),
        "bold",
        AM_BLUE,
        "left" if left else "center",
    )
    sub = rng.choice(S1106_SUBTITLES)
    p1.text(16 if left else 105, 45, sub, fam, 8.5, "italic", align="left" if left else "center")
    y = 58

    def section(title: str) -> None:
        nonlocal y
        p1.rect(16, y - 5.5, 178, 8, None, (222, 232, 244))
        p1.text(18, y, title, fam, 11, "bold", AM_BLUE)
        y += 10

    def field(label: str, value: str, x=18, w=176) -> None:
        nonlocal y
        p1.text(x, y, label, fam, 10)
        lw = p1.ops[-1]
        from samples.canvas import text_width

        lx = x + text_width(label, fam, 10) + 3
        p1.line(lx, y + 1, x + w, y + 1, (150, 150, 150), 0.2)
        p1.text(
            lx + 2, y - 0.3, value, vf, fit_size(value, vf, vsize, x + w - lx - 3, vs), vs, vcol
        )
        _ = lw
        y += 9

    section(rng.choice(["1. Vous", "1. Vos coordonnées", "1. Identification du demandeur"]))
    field(
        rng.choice(["Nom de naissance :", "Nom de famille (de naissance) :", "Nom :"]),
        p.surname.upper(),
    )
    field("Nom d'usage (s'il y a lieu) :", "")
    field("Prénom(s) :", p.given_names)
    field("Date de naissance :", fmt_date(p.birth_date, "num"))
    field(
        "Lieu de naissance (commune et pays) :",
        f"{p.birth_place} — {NATIONS[p.nationality]['fr'].title()}",
    )
    field("Nationalité :", NATIONS[p.nationality]["fr"].title())
    _checkbox(p1, 18, y, "Homme", p.sex == "M", fam)
    _checkbox(p1, 45, y, "Femme", p.sex == "F", fam)
    y += 10
    section("2. Votre adresse")
    field("Adresse :", p.address.line1 + (f", {p.address.extra}" if p.address.extra else ""))
    field("Code postal et commune :", f"{p.address.postcode} {p.address.city}")
    section("3. Votre situation")
    _checkbox(p1, 18, y, "Vous exercez une activité professionnelle en France", employed, fam)
    y += 7
    _checkbox(
        p1,
        18,
        y,
        "Vous résidez en France de manière stable et régulière depuis plus de 3 mois",
        not employed,
        fam,
    )
    y += 7
    _checkbox(p1, 18, y, "Vous êtes étudiant(e)", False, fam)
    y += 12
    section("4. Engagement et signature")
    y = (
        p1.para(
            18,
            y,
            176,
            "Je certifie sur l'honneur l'exactitude des renseignements portés "
            "sur ce formulaire et je m'engage à signaler tout changement de situation à ma "
            "caisse d'assurance maladie.",
            fam,
            10,
        )
        + 4
    )
    p1.text(18, y, "Fait à", fam, 10.5)
    p1.text(33, y, city if signed or rng.random() < 0.5 else "", vf, vsize, vs, vcol)
    p1.text(85, y, "le", fam, 10.5)
    p1.text(92, y, fmt_date(made, "num"), vf, vsize, vs, vcol)
    p1.text(125, y, "Signature :", fam, 10.5)
    p1.rect(125, y + 3, 66, 24, (150, 150, 150), None, 0.2)
    if signed:
        put_signature(p1, rng, 133, y + 7, 48, 16)
    p1.para(
        16,
        282,
        178,
        "La loi n° 78-17 du 6 janvier 1978 modifiée relative à l'informatique, "
        "aux fichiers et aux libertés s'applique aux réponses faites sur ce formulaire.",
        fam,
        8,
        "regular",
        (100, 100, 100),
    )
    fields = {
        **p.truth(),
        "form": "S1106",
        "signed": signed,
        "date": made.isoformat(),
        "place": city,
        "birth_place": p.birth_place,
        "address": p.address.as_dict(),
        "situation_employed": employed,
    }
    return Doc(
        "application_form",
        f"application_form/{variant}",
        [p1],
        fields,
        "paper" if hand or rng.random() < 0.5 else "digital",
    )


def _vitale_form(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    fam = body_font(rng)
    vf, vs = hand_font(rng)
    nir = numbers.make_nir(rng, p.sex, p.birth_date.year, p.birth_date.month)
    made = ctx.as_of - timedelta(days=rng.randint(1, 20))
    pg = Page()
    pg.group(16, 12, logo(rng, "l'Assurance Maladie", AM_BLUE, 12, fam))
    title = rng.choice(
        ["Ma nouvelle carte Vitale", "Demande de carte Vitale", "Votre carte Vitale avec photo"]
    )
    pg.text(105, 40, title, fam, 18, "bold", AM_BLUE, "center")
    pg.text(
        105,
        48,
        rng.choice(
            [
                "Demande de carte Vitale — à retourner avec votre photo et la copie de "
                "votre pièce d'identité",
                "Formulaire à compléter, signer et renvoyer à votre caisse avec une photo",
            ]
        ),
        fam,
        9.5,
        "italic",
        align="center",
    )
    y = 66
    for lab, v in [
        ("Nom", p.surname.upper()),
        ("Prénom(s)", p.given_names),
        ("Date de naissance", fmt_date(p.birth_date, "num")),
        ("N° de sécurité sociale", numbers.format_nir(nir)),
        ("Adresse", p.address.oneline()),
    ]:
        pg.text(20, y, lab, fam, 10.5)
        pg.line(65, y + 1, 190, y + 1, (150, 150, 150), 0.2)
        pg.text(67, y, v, vf, fit_size(v, vf, 12.5, 122, vs), vs, (20, 40, 140))
        y += 11
    pg.rect(140, y + 4, 35, 45, (60, 60, 60), None, 0.3)
    pg.text(157.5, y + 28, "Collez ici", fam, 9, align="center")
    pg.text(157.5, y + 33, "votre photo", fam, 9, align="center")
    y += 60
    pg.text(20, y, f"Fait à {p.address.city}, le {fmt_date(made, 'num')}", fam, 11)
    pg.text(20, y + 8, "Signature :", fam, 10.5)
    put_signature(pg, rng, 22, y + 11, 46, 15)
    fields = {
        **p.truth(),
        "form": "carte_vitale",
        "signed": True,
        "nir": nir,
        "date": made.isoformat(),
    }
    return Doc("application_form", "application_form/vitale-form", [pg], fields, "paper")


# ------------------------------------------------------------------- insurance certificate


def insurance_certificate(ctx: Ctx) -> Doc:
    variant = ctx.opts.get("variant") or ctx.rng.choice(
        ["attestation-a", "attestation-b", "cpam-letter"]
    )
    rng, p = ctx.rng, ctx.person
    provisional = variant == "cpam-letter-nia"
    nir = ctx.opts.get("nir") or numbers.make_nir(
        rng,
        p.sex,
        p.birth_date.year,
        p.birth_date.month,
        "99",
        NATIONS[p.nationality]["insee"],
        provisional=provisional,
    )
    cpam = rng.choice(CPAMS)
    issued = ctx.as_of - timedelta(days=rng.randint(2, 60))
    fam = body_font(rng)
    pg = Page()
    pg.group(16, 12, logo(rng, "l'Assurance Maladie", AM_BLUE, 12, fam))
    if variant.startswith("attestation"):
        title = rng.choice(
            ["Attestation de droits à l'assurance maladie", "Attestation d'affiliation"]
            if variant == "attestation-a"
            else ["ATTESTATION DE DROITS", "Attestation de droits"]
        )
        pg.text(
            105, 40, title, fam, fit_size(title, fam, 16, 176, "bold"), "bold", AM_BLUE, "center"
        )
        if variant == "attestation-b":
            pg.text(105, 47, "Assurance Maladie — Régime général", fam, 11, align="center")
        pg.text(105, 54, f"Document édité le {fmt_date(issued, 'long')}", fam, 10, align="center")
        y = 70
        valid_to = add_months(issued, 12) - timedelta(days=1)
        rows = [
            ("Nom", p.surname.upper()),
            ("Prénom(s)", p.given_names),
            ("Date de naissance", fmt_date(p.birth_date, "num")),
            (
                rng.choice(["Numéro de sécurité sociale", "N° d'immatriculation", "NIR"]),
                numbers.format_nir(nir),
            ),
            ("Organisme d'affiliation", f"{cpam} — code {rng.randint(11, 99)}1"),
            ("Régime", "10 — Régime général"),
            ("Droits ouverts", f"du {fmt_date(issued, 'num')} au {fmt_date(valid_to, 'num')}"),
            ("Médecin traitant", rng.choice(["déclaré", "non déclaré"])),
        ]
        for lab, v in rows:
            pg.text(22, y, lab, fam, 10.5, "regular", (80, 80, 80))
            pg.text(85, y, v, fam, fit_size(v, fam, 11.5, 105, "bold"), "bold")
            y += 9
        y += 8
        pg.rect(18, y, 174, 30, (150, 150, 150), None, 0.3)
        pg.text(22, y + 8, "Bénéficiaire(s)", fam, 10.5, "bold")
        pg.text(
            22,
            y + 16,
            f"{p.surname.upper()} {p.given_names} — rang 1 — né(e) le "
            f"{fmt_date(p.birth_date, 'num')}",
            fam,
            10.5,
        )
        pg.text(22, y + 24, "Exonération du ticket modérateur : aucune", fam, 10.5)
        pg.para(
            18,
            y + 44,
            174,
            "Cette attestation justifie de vos droits à l'assurance "
            "maladie. Elle peut être présentée à tout professionnel de santé, notamment "
            "si vous n'avez pas encore votre carte Vitale.",
            fam,
            10,
            "italic",
            (80, 80, 80),
        )
        fields = {
            **p.truth(),
            "nir": nir,
            "nir_provisional": False,
            "issue_date": issued.isoformat(),
            "rights_until": valid_to.isoformat(),
            "organisme": cpam,
        }
    else:
        pg.text(190, 22, cpam, fam, 11, "bold", align="right")
        pg.text(190, 28, "Service Immatriculation", fam, 10, align="right")
        pg.text(120, 52, f"{p.civility} {p.given_names} {p.surname.upper()}", fam, 11)
        pg.text(120, 57.5, p.address.line1, fam, 10.5)
        pg.text(120, 63, p.address.line2, fam, 10.5)
        pg.text(120, 76, f"{p.address.city}, le {fmt_date(issued, 'long')}", fam, 10.5)
        pg.text(20, 92, "Objet : votre immatriculation à l'Assurance Maladie", fam, 11, "bold")
        y = pg.para(20, 104, 170, f"{'Madame' if p.sex == 'F' else 'Monsieur'},", fam, 11)
        if provisional:
            body = (
                "Nous avons bien reçu votre demande d'ouverture des droits. Dans l'attente "
                "de l'examen de vos pièces d'état civil, un numéro d'identification "
                "d'attente (NIA) provisoire vous est attribué :"
            )
        else:
            body = (
                "Nous avons le plaisir de vous informer de votre immatriculation à "
                "l'Assurance Maladie. Votre numéro de sécurité sociale est le suivant :"
            )
        y = pg.para(20, y + 4, 170, body, fam, 11, leading=1.45)
        pg.text(105, y + 10, numbers.format_nir(nir), "dejavu-mono", 15, "bold", align="center")
        y = pg.para(
            20,
            y + 24,
            170,
            "Conservez ce courrier. Ce numéro vous sera demandé par "
            "les professionnels de santé et pour créer votre compte ameli.",
            fam,
            11,
            leading=1.45,
        )
        pg.text(20, y + 8, "Veuillez agréer l'expression de nos salutations distinguées.", fam, 11)
        pg.text(120, y + 22, "Le Directeur", fam, 11)
        fields = {
            **p.truth(),
            "nir": nir,
            "nir_provisional": provisional,
            "issue_date": issued.isoformat(),
            "organisme": cpam,
        }
    return Doc("insurance_certificate", f"insurance_certificate/{variant}", [pg], fields, "digital")


FORM_LAYOUTS = ["s1106-handwritten", "s1106-typed", "s1106-unsigned", "vitale-form"]
INSURANCE_LAYOUTS = ["attestation-a", "attestation-b", "cpam-letter", "cpam-letter-nia"]
