"""Payslips (bulletin de salaire) and employment contracts / employer attestations.
Employers are invented; SIRET numbers pass the Luhn check."""

from __future__ import annotations

from datetime import timedelta

from samples import identifiers as numbers
from samples.canvas import Page
from samples.people import add_months, fmt_date, make_address, money, month_end, month_name
from samples.specimens.common import Ctx, Doc, body_font, fit_size, logo, put_signature

EMPLOYERS = [
    ("Atelier Boréal SAS", "Conception de logiciels", "6201Z", (40, 90, 160)),
    ("Brasserie des Trois Ponts SARL", "Restauration traditionnelle", "5610A", (150, 70, 30)),
    ("Clinique Vétérinaire du Parc", "Activités vétérinaires", "7500Z", (30, 130, 100)),
    ("Librairie La Page Blanche", "Commerce de détail de livres", "4761Z", (120, 40, 90)),
    ("Logistique Rhône-Alpes Express", "Transports routiers de fret", "4941A", (60, 60, 60)),
]
JOBS = [
    "Développeur(se) logiciel",
    "Serveur(se)",
    "Assistant(e) vétérinaire",
    "Libraire",
    "Préparateur(rice) de commandes",
    "Chargé(e) de clientèle",
]


def _employer(ctx: Ctx):
    rng = ctx.rng
    name, activity, naf, color = ctx.opts.get("employer") or rng.choice(EMPLOYERS)
    return {
        "name": name,
        "activity": activity,
        "naf": naf,
        "color": color,
        "siret": numbers.make_siret(rng),
        "address": make_address(rng),
        "urssaf": f"URSSAF {rng.choice(['Rhône-Alpes', 'Île-de-France', 'Occitanie', 'Bretagne'])}",
    }


def payslip(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    emp = _employer(ctx)
    variant = ctx.opts.get("variant") or rng.choice(["table", "compact", "modern"])
    month = add_months(ctx.as_of.replace(day=1), -1 - ctx.opts.get("months_back", 0))
    end = month_end(month)
    pay_day = end
    hours = 151.67
    rate = round(rng.uniform(12.1, 24.0), 2)
    gross = round(hours * rate, 2)
    cot = [
        ("Sécurité sociale - Maladie Maternité Invalidité Décès", 0.0),
        ("Assurance vieillesse plafonnée", 0.069),
        ("Assurance vieillesse déplafonnée", 0.004),
        ("Retraite complémentaire Tranche 1", 0.0401),
        ("Assurance chômage", 0.0),
        ("CSG déductible de l'impôt sur le revenu", 0.068),
        ("CSG/CRDS non déductible", 0.029),
    ]
    lines = [(lab, round(gross * 0.9825 * r if "CSG" in lab else gross * r, 2)) for lab, r in cot]
    total_cot = round(sum(v for _, v in lines), 2)
    net_before = round(gross - total_cot, 2)
    pas = round(net_before * rng.choice([0.0, 0.02, 0.045, 0.075]), 2)
    net = round(net_before - pas, 2)
    fam = body_font(rng)
    pg = Page()
    title = rng.choice(["BULLETIN DE SALAIRE", "BULLETIN DE PAIE", "Bulletin de salaire"])
    emp_no = f"{rng.randint(100, 9999)}"
    entry_date = ctx.as_of - timedelta(days=rng.randint(120, 1500))
    ss = numbers.format_nir(numbers.make_nir(rng, p.sex, p.birth_date.year, p.birth_date.month))
    if variant == "table":
        pg.group(16, 12, logo(rng, emp["name"].split()[0], emp["color"], 12, fam))
        pg.text(194, 20, title, fam, 15, "bold", align="right")
        pg.text(
            194,
            27,
            f"Période du {fmt_date(month, 'num')} au {fmt_date(end, 'num')}",
            fam,
            10.5,
            align="right",
        )
        pg.text(
            194, 33, f"Paiement le {fmt_date(pay_day, 'num')} par virement", fam, 10, align="right"
        )
        y = 46
        pg.rect(16, y, 86, 40, (120, 120, 120), None, 0.3)
        for i, s in enumerate(
            [
                emp["name"],
                emp["address"].line1,
                emp["address"].line2,
                f"SIRET : {numbers.format_siret(emp['siret'])}",
                f"Code NAF : {emp['naf']}",
                f"Cotisations : {emp['urssaf']}",
            ]
        ):
            pg.text(
                19,
                y + 6 + i * 5.8,
                s,
                fam,
                fit_size(s, fam, 10, 80, "bold" if i == 0 else "regular"),
                "bold" if i == 0 else "regular",
            )
        pg.rect(108, y, 86, 40, (120, 120, 120), None, 0.3)
        for i, s in enumerate(
            [
                f"{p.civility} {p.given_names} {p.surname.upper()}",
                p.address.line1,
                p.address.line2,
                f"Emploi : {rng.choice(JOBS)}",
                f"Entrée le {fmt_date(entry_date, 'num')}",
                f"N° SS : {ss}",
            ]
        ):
            pg.text(
                111,
                y + 6 + i * 5.8,
                s,
                fam,
                fit_size(s, fam, 10, 80, "bold" if i == 0 else "regular"),
                "bold" if i == 0 else "regular",
            )
        y = 96
    elif variant == "modern":
        pg.rect(0, 0, 210, 30, None, emp["color"])
        pg.text(16, 14, emp["name"], fam, 13, "bold", (255, 255, 255))
        pg.text(
            16,
            21,
            f"SIRET {numbers.format_siret(emp['siret'])} — NAF {emp['naf']}",
            fam,
            10,
            "regular",
            (255, 255, 255),
        )
        pg.text(194, 14, "Bulletin de paie", fam, 14, "bold", (255, 255, 255), "right")
        pg.text(
            194, 21, month_name(month).capitalize(), fam, 11, "regular", (255, 255, 255), "right"
        )
        pg.text(16, 40, "Salarié(e)", fam, 9.5, "regular", (100, 100, 100))
        pg.text(16, 46, f"{p.given_names} {p.surname.upper()}", fam, 11.5, "bold")
        pg.text(16, 52, p.address.oneline(), fam, fit_size(p.address.oneline(), fam, 10, 90))
        pg.text(120, 40, "Organisme de recouvrement", fam, 9.5, "regular", (100, 100, 100))
        pg.text(120, 46, emp["urssaf"], fam, 11)
        pg.text(120, 52, f"Période : {fmt_date(month, 'num')} - {fmt_date(end, 'num')}", fam, 10)
        y = 64
    else:
        pg.text(16, 20, title, fam, 15, "bold")
        pg.text(16, 27, f"{month_name(month).capitalize()}", fam, 11.5)
        pg.text(16, 38, emp["name"], fam, 11, "bold")
        pg.text(16, 43.5, f"{emp['address'].oneline()}", fam, 9.5)
        pg.text(16, 49, f"SIRET {emp['siret']} — APE {emp['naf']} — {emp['urssaf']}", fam, 9.5)
        pg.text(120, 38, f"{p.surname.upper()} {p.given_names}", fam, 11, "bold")
        pg.text(120, 43.5, p.address.oneline(), fam, fit_size(p.address.oneline(), fam, 9.5, 74))
        pg.text(120, 49, f"Matricule {emp_no} — Convention collective nationale", fam, 9.5)
        y = 62
    pg.rect(16, y, 178, 8, None, (228, 230, 236))
    for x, h, al in [
        (18, "Rubrique", "left"),
        (140, "Base / Taux", "right"),
        (192, "Montant", "right"),
    ]:
        pg.text(x, y + 5.6, h, fam, 10, "bold", align=al)
    y += 14
    pg.text(18, y, "Salaire de base", fam, 10.5)
    pg.text(140, y, f"{hours} h x {rate:.2f}".replace(".", ","), fam, 10.5, align="right")
    pg.text(192, y, money(gross), fam, 10.5, align="right")
    y += 7
    pg.text(18, y, "SALAIRE BRUT" if variant == "table" else "Salaire brut", fam, 11, "bold")
    pg.text(192, y, money(gross), fam, 11, "bold", align="right")
    y += 9
    for lab, v in lines:
        pg.text(18, y, lab, fam, fit_size(lab, fam, 10, 110))
        pg.text(192, y, "- " + money(v) if v else "—", fam, 10, align="right")
        y += 6.5
    y += 2
    pg.text(18, y, "Total des cotisations et contributions salariales", fam, 10.5, "bold")
    pg.text(192, y, "- " + money(total_cot), fam, 10.5, "bold", align="right")
    y += 9
    pg.text(18, y, "Net à payer avant impôt sur le revenu", fam, 10.5)
    pg.text(192, y, money(net_before), fam, 10.5, align="right")
    y += 7
    pas_rate = f"{pas / net_before * 100 if net_before else 0:.1f}".replace(".", ",")
    pg.text(18, y, f"Impôt sur le revenu prélevé à la source (taux {pas_rate} %)", fam, 10)
    pg.text(192, y, "- " + money(pas), fam, 10, align="right")
    y += 9
    pg.rect(16, y - 6, 178, 11, None, (235, 240, 235))
    pg.text(18, y + 1.5, "NET À PAYER", fam, 12.5, "bold")
    pg.text(192, y + 1.5, money(net), fam, 12.5, "bold", align="right")
    y += 14
    pg.text(18, y, f"Montant net social : {money(net_before)}", fam, 10)
    pg.para(
        16,
        270,
        178,
        "Dans votre intérêt et pour vous aider à faire valoir vos droits, "
        "conservez ce bulletin de paie sans limitation de durée.",
        fam,
        9,
        "italic",
        (90, 90, 90),
    )
    fields = {
        "employee": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "holder": f"{p.given_names} {p.surname.upper()}",
        "employer": emp["name"],
        "siret": emp["siret"],
        "period_start": month.isoformat(),
        "period_end": end.isoformat(),
        "issue_date": pay_day.isoformat(),
        "gross": gross,
        "net_to_pay": net,
    }
    return Doc("payslip", f"payslip/{variant}", [pg], fields, "digital")


def employment_contract(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    emp = _employer(ctx)
    variant = ctx.opts.get("variant") or rng.choice(["cdi", "cdd", "attestation"])
    start = ctx.as_of - timedelta(days=rng.randint(30, 600))
    job = rng.choice(JOBS)
    salary = rng.randint(1850, 3600)
    fam = body_font(rng)
    boss = (
        f"{rng.choice(['Claire', 'Olivier', 'Nadia', 'Thomas'])} "
        f"{rng.choice(['RENAUD', 'BESSON', 'MOULIN', 'PERRIN'])}"
    )
    pg = Page()
    pg.group(18, 14, logo(rng, emp["name"].split()[0], emp["color"], 12, fam))
    if variant == "attestation":
        title = rng.choice(
            ["ATTESTATION EMPLOYEUR", "ATTESTATION DE TRAVAIL", "Attestation d'emploi"]
        )
        pg.text(105, 50, title, fam, 16, "bold", align=rng.choice(["center", "left"]))
        y = pg.para(
            20,
            68,
            170,
            f"Je soussigné(e), {boss}, agissant en qualité de gérant(e) de la société "
            f"{emp['name']}, {emp['address'].oneline()}, SIRET "
            f"{numbers.format_siret(emp['siret'])}, atteste que {p.civility} "
            f"{p.given_names} {p.surname.upper()}, né(e) le "
            f"{fmt_date(p.birth_date, 'long')}, est employé(e) dans notre entreprise "
            f"depuis le {fmt_date(start, 'long')} en qualité de {job}, en contrat à "
            f"durée indéterminée, à temps complet.",
            fam,
            11.5,
            leading=1.55,
        )
        y = pg.para(
            20,
            y + 6,
            170,
            "Cette attestation est délivrée à l'intéressé(e) pour "
            "servir et valoir ce que de droit.",
            fam,
            11.5,
        )
        made = ctx.as_of - timedelta(days=rng.randint(2, 30))
        pg.text(115, y + 14, f"Fait à {emp['address'].city}, le {fmt_date(made, 'long')}", fam, 11)
        pg.text(115, y + 21, boss, fam, 11)
        put_signature(pg, rng, 117, y + 24, 44, 15)
        pages = [pg]
        kind = "attestation"
    else:
        cdi = variant == "cdi"
        title = (
            "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE"
            if cdi
            else "CONTRAT DE TRAVAIL À DURÉE DÉTERMINÉE"
        )
        pg.text(
            105, 44, title, fam, fit_size(title, fam, 14.5, 175, "bold"), "bold", align="center"
        )
        y = 60
        y = pg.para(
            20,
            y,
            170,
            f"Entre les soussignés : la société {emp['name']}, "
            f"{emp['activity'].lower()}, dont le siège est situé "
            f"{emp['address'].oneline()}, immatriculée sous le numéro SIRET "
            f"{numbers.format_siret(emp['siret'])}, représentée par {boss}, ci-après "
            f"« l'employeur », d'une part,",
            fam,
            11,
            leading=1.45,
        )
        y = pg.para(
            20,
            y + 3,
            170,
            f"et {p.civility} {p.given_names} {p.surname.upper()}, "
            f"né(e) le {fmt_date(p.birth_date, 'long')} à {p.birth_place} "
            f"({p.birth_country_fr.title()}), demeurant "
            f"{p.address.oneline()}, ci-après « le salarié », d'autre part,",
            fam,
            11,
            leading=1.45,
        )
        y = pg.para(20, y + 3, 170, "il a été convenu ce qui suit :", fam, 11)
        end = start + timedelta(days=rng.choice([183, 365, 274]))
        arts = [
            (
                "Article 1 — Engagement",
                f"Le salarié est engagé à compter du {fmt_date(start, 'long')} "
                + (
                    "pour une durée indéterminée."
                    if cdi
                    else f"pour une durée déterminée jusqu'au {fmt_date(end, 'long')}, "
                    "pour accroissement temporaire d'activité."
                ),
            ),
            ("Article 2 — Fonctions", f"Le salarié exercera les fonctions de {job}."),
            (
                "Article 3 — Période d'essai",
                f"Le contrat ne deviendra définitif qu'à l'issue d'une période d'essai de "
                f"{rng.choice(['deux', 'trois', 'quatre'])} mois.",
            ),
            (
                "Article 4 — Rémunération",
                f"Le salarié percevra une rémunération mensuelle brute de {money(salary)} pour "
                f"35 heures hebdomadaires.",
            ),
            (
                "Article 5 — Convention collective",
                "Le présent contrat est régi par la convention collective applicable à "
                "l'entreprise, tenue à disposition du salarié.",
            ),
        ]
        for head, body in arts:
            pg.text(20, y + 4, head, fam, 11, "bold")
            y = pg.para(20, y + 10, 170, body, fam, 11, leading=1.45)
        signed = start - timedelta(days=rng.randint(3, 20))
        pg.text(
            20,
            y + 10,
            f"Fait en deux exemplaires à {emp['address'].city}, le {fmt_date(signed, 'long')}.",
            fam,
            11,
        )
        pg.text(30, y + 22, "L'employeur", fam, 11, "bold")
        pg.text(125, y + 22, "Le salarié", fam, 11, "bold")
        put_signature(pg, rng, 28, y + 25, 42, 14)
        put_signature(pg, rng, 123, y + 25, 42, 14)
        pages = [pg]
        kind = variant
    fields = {
        "kind": kind,
        "employee": f"{p.given_names} {p.surname.upper()}",
        "surname": p.surname.upper(),
        "given_names": p.given_names.upper(),
        "holder": f"{p.given_names} {p.surname.upper()}",
        "employer": emp["name"],
        "siret": emp["siret"],
        "start_date": start.isoformat(),
        "job": job,
    }
    return Doc(
        "employment_contract",
        f"employment_contract/{variant}",
        pages,
        fields,
        "paper" if variant != "attestation" or rng.random() < 0.5 else "digital",
    )


PAYSLIP_LAYOUTS = ["table", "compact", "modern"]
CONTRACT_LAYOUTS = ["cdi", "cdd", "attestation"]
