"""Birth certificates (FR, EN, ES, PT), with an optional apostille page and an optional
sworn French translation page. DOMAIN.md §4 (R-BC, R-APO, R-TR)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples.canvas import Page
from samples.people import NATIONS, Person, digits, fmt_date
from samples.specimens.common import (
    Ctx,
    Doc,
    body_font,
    fit_size,
    guilloche,
    put_signature,
    put_stamp,
)

# nationality -> certificate language and layout
CERT_STYLE = {
    "USA": ("en", "en-us"),
    "IND": ("en", "en-in"),
    "CHN": ("en", "en-notarial"),
    "MEX": ("es", "es-acta"),
    "COL": ("es", "es-registro"),
    "BRA": ("pt", "pt-certidao"),
    "MAR": ("fr", "fr-copie-integrale"),
    "SEN": ("fr", "fr-extrait-filiation"),
    "TUN": ("fr", "fr-copie-integrale"),
    "FRA": ("fr", "fr-copie-integrale"),
    "ESP": ("es", "es-registro"),
    "ITA": ("en", "en-us"),
    "DEU": ("en", "en-us"),
}
APOSTILLE_STATES = {"USA", "IND", "CHN", "MEX", "COL", "BRA", "MAR", "TUN"}
LANG_NAME_FR = {"en": "anglaise", "es": "espagnole", "pt": "portugaise"}

US_STATES = {
    "Oregon": "Salem",
    "Ohio": "Columbus",
    "California": "Sacramento",
    "Arizona": "Phoenix",
    "North Carolina": "Raleigh",
}
IN_STATES = {
    "Maharashtra": "Mumbai",
    "Kerala": "Thiruvananthapuram",
    "Rajasthan": "Jaipur",
    "Karnataka": "Bengaluru",
}


def _parents(rng: random.Random, p: Person) -> dict:
    fb = p.birth_date - timedelta(days=rng.randint(24 * 365, 38 * 365))
    mb = p.birth_date - timedelta(days=rng.randint(21 * 365, 35 * 365))
    return {"father": p.father, "mother": p.mother, "father_birth": fb, "mother_birth": mb}


def _header_block(
    pg: Page, lines: list[tuple[str, float, str]], fam: str, x: float, y: float, align: str = "left"
) -> float:
    for s, size, style in lines:
        pg.text(x, y, s, fam, fit_size(s, fam, size, 170, style), style, align=align)
        y += size * 0.42 + 1.2
    return y


def birth_certificate(ctx: Ctx) -> Doc:
    rng, p = ctx.rng, ctx.person
    lang, style = CERT_STYLE.get(p.nationality, ("en", "en-us"))
    style = ctx.opts.get("style") or style
    issue = ctx.opts.get("issue_date") or ctx.as_of - timedelta(days=rng.randint(25, 160))
    number = ctx.opts.get("number") or f"{p.birth_date.year}-{digits(rng, 6)}"
    par = _parents(rng, p)
    builder = {
        "fr-copie-integrale": _fr_integrale,
        "fr-extrait-filiation": _fr_extrait,
        "en-us": _en_us,
        "en-in": _en_in,
        "en-notarial": _en_notarial,
        "es-acta": _es_acta,
        "es-registro": _es_acta,
        "pt-certidao": _pt_certidao,
    }[style]
    page, extra = builder(rng, p, par, issue, number, style)
    if lang != "fr":
        _security_paper(page, random.Random(f"security-paper/{style}/{number}/{p.surname}"))
    pages = [page]
    parts = ["certificate"]
    want_apo = ctx.opts.get("apostille", p.nationality in APOSTILLE_STATES and rng.random() < 0.7)
    want_tr = ctx.opts.get("translation", lang != "fr" and rng.random() < 0.5)
    fields = {
        **p.truth(),
        "birth_place": p.birth_place,
        "father": par["father"],
        "mother": par["mother"],
        "filiation": True,
        "language": lang,
        "issuing_country": p.nationality,
        "certificate_number": number,
        "issue_date": issue.isoformat(),
        **extra,
    }
    if want_apo:
        apo_date = issue + timedelta(days=rng.randint(3, 20))
        pages.append(
            apostille(rng, p, lang, apo_date, extra.get("registrar", ""), extra.get("capital"))
        )
        parts.append("apostille")
        fields["apostille_date"] = apo_date.isoformat()
    if want_tr and lang != "fr":
        tr_date = issue + timedelta(days=rng.randint(22, 40))
        if tr_date > ctx.as_of:
            tr_date = ctx.as_of - timedelta(days=2)
        pages.append(translation(rng, p, par, lang, number, issue, tr_date, want_apo))
        parts.append("translation")
        fields["translation_date"] = tr_date.isoformat()
    fields["has_apostille"] = "apostille" in parts
    fields["has_translation"] = "translation" in parts
    fields["page_parts"] = parts
    return Doc("birth_certificate", f"birth_certificate/{style}", pages, fields, "paper", lang=lang)


def _security_paper(page: Page, rng: random.Random, share: float = 0.3) -> None:
    """A share of foreign certificates are issued on security paper: fine wavy lines,
    grey or a pale tint, behind the whole page (drawn first, under the text)."""
    if rng.random() >= share:
        return
    tint = rng.choice([(200, 200, 200), (196, 212, 232), (206, 226, 210), (230, 206, 206)])
    paper = Page(page.w, page.h, bg=None)
    guilloche(paper, rng, tint, n=rng.randint(40, 110))
    page.ops[:0] = paper.ops


# ------------------------------------------------------------------------------ French


def _fr_issuer(rng, p: Person):
    if p.nationality == "MAR":
        city = p.birth_place
        return [
            ("ROYAUME DU MAROC", 12, "bold"),
            ("Ministère de l'Intérieur", 10, "regular"),
            (f"Province de {city}", 10, "regular"),
            (f"Commune de {city} — Bureau de l'état civil", 10, "regular"),
        ], city
    if p.nationality == "SEN":
        return [
            ("RÉPUBLIQUE DU SÉNÉGAL", 12, "bold"),
            ("Un Peuple - Un But - Une Foi", 9, "italic"),
            (f"Centre d'état civil de {p.birth_place}", 10, "regular"),
        ], p.birth_place
    if p.nationality == "TUN":
        return [
            ("RÉPUBLIQUE TUNISIENNE", 12, "bold"),
            ("Ministère des Affaires locales", 10, "regular"),
            (f"Municipalité de {p.birth_place}", 10, "regular"),
        ], p.birth_place
    return [
        ("RÉPUBLIQUE FRANÇAISE", 12, "bold"),
        (f"Mairie de {p.birth_place}", 10.5, "regular"),
        ("Service de l'état civil", 10, "regular"),
    ], p.birth_place


def _fr_integrale(rng, p: Person, par, issue: date, number: str, style: str):
    fam = body_font(rng)
    pg = Page()
    lines, city = _fr_issuer(rng, p)
    _header_block(pg, lines, fam, 20, 20)
    pg.text(190, 20, f"Acte n° {number.split('-')[-1][-4:]}", fam, 10.5, align="right")
    pg.text(105, 58, "COPIE INTÉGRALE D'ACTE DE NAISSANCE", fam, 14, "bold", align="center")
    pg.line(20, 63, 190, 63)
    # margin: name of the person, as French registers have it
    pg.text(20, 75, f"{number.split('-')[-1][-4:]}", fam, 10, "bold")
    pg.text(20, 81, "NAISSANCE", fam, 9.5)
    pg.text(20, 87, p.surname.upper(), fam, 9.5, "bold")
    pg.text(20, 92, p.given_names, fam, 9.5)
    ne = "né" if p.sex == "M" else "née"
    enfant = "fils" if p.sex == "M" else "fille"
    sexe = "masculin" if p.sex == "M" else "féminin"
    h, m = rng.randint(0, 23), rng.randint(0, 59)
    d_long = fmt_date(p.birth_date, "long")
    jobs_m = [
        "commerçant",
        "enseignant",
        "ingénieur",
        "agriculteur",
        "comptable",
        "infirmier",
        "fonctionnaire",
        "employé",
    ]
    jobs_f = [
        "commerçante",
        "enseignante",
        "ingénieure",
        "sans profession",
        "comptable",
        "infirmière",
        "fonctionnaire",
        "employée",
    ]
    text = (
        f"Le {d_long}, à {h} heures {m} minutes, est {ne} à {city}, "
        f"{p.given_names} {p.surname.upper()}, du sexe {sexe}, "
        f"{enfant} de {par['father']}, né le {fmt_date(par['father_birth'], 'long')}, "
        f"{rng.choice(jobs_m)}, et de {par['mother']}, née le "
        f"{fmt_date(par['mother_birth'], 'long')}, {rng.choice(jobs_f)}, "
        f"son épouse, domiciliés à {city}."
    )
    reg = p.birth_date + timedelta(days=rng.randint(1, 3))
    officer = (
        f"{rng.choice(['Jean', 'Fatima', 'Ousmane', 'Claire', 'Karim'])} "
        f"{rng.choice(['DUPRAT', 'SALMI', 'DIALLO', 'VERNET', 'HADDAD'])}"
    )
    y = pg.para(55, 75, 135, text, fam, 11.5, leading=1.5)
    y = pg.para(
        55,
        y + 4,
        135,
        f"Dressé le {fmt_date(reg, 'long')}, sur la déclaration du père, qui, lecture "
        f"faite et invité à lire l'acte, a signé avec Nous, {officer}, officier de "
        f"l'état civil.",
        fam,
        11.5,
        leading=1.5,
    )
    y = pg.para(55, y + 6, 135, "Mentions marginales : néant.", fam, 11)
    y = pg.para(
        20,
        y + 14,
        170,
        f"Pour copie intégrale conforme, délivrée à {city} le {fmt_date(issue, 'long')}.",
        fam,
        11,
    )
    pg.text(120, y + 6, "L'officier de l'état civil,", fam, 10.5)
    put_signature(pg, rng, 122, y + 9, 42, 14)
    put_stamp(
        pg,
        rng,
        60,
        y + 2,
        [f"ÉTAT CIVIL — {city.upper()}"[:30], "OFFICIER DE L'ÉTAT CIVIL"],
        w=50,
        h=28,
        round_=True,
    )
    return pg, {"registrar": officer, "document_title": "COPIE INTÉGRALE D'ACTE DE NAISSANCE"}


def _fr_extrait(rng, p: Person, par, issue: date, number: str, style: str):
    fam = body_font(rng)
    pg = Page()
    lines, city = _fr_issuer(rng, p)
    _header_block(pg, lines, fam, 105, 20, align="center")
    title = "EXTRAIT D'ACTE DE NAISSANCE AVEC FILIATION"
    pg.text(105, 52, title, fam, fit_size(title, fam, 13.5, 170, "bold"), "bold", align="center")
    pg.text(
        105,
        59,
        f"Registre de l'année {p.birth_date.year} — Acte n° {number}",
        fam,
        10.5,
        align="center",
    )
    ds = rng.choice(["num", "long"])
    rows = [
        ("Nom", p.surname.upper()),
        ("Prénoms", p.given_names),
        ("Sexe", "Masculin" if p.sex == "M" else "Féminin"),
        ("Date de naissance", fmt_date(p.birth_date, ds)),
        ("Lieu de naissance", city),
        ("Père", par["father"]),
        ("né le", fmt_date(par["father_birth"], ds)),
        ("Mère", par["mother"]),
        ("née le", fmt_date(par["mother_birth"], ds)),
    ]
    y = 75
    for label, v in rows:
        pg.rect(20, y - 6, 170, 9, (120, 120, 120), None, 0.2)
        pg.text(24, y, label, fam, 10.5, "regular", (50, 50, 50))
        pg.text(75, y, v, fam, 11.5, "bold")
        y += 9
    y = pg.para(
        20,
        y + 10,
        170,
        f"Extrait certifié conforme aux indications portées au "
        f"registre, délivré le {fmt_date(issue, ds)}.",
        fam,
        11,
    )
    officer = f"{rng.choice(['M.', 'Mme'])} {rng.choice(['NDOYE', 'SECK', 'VERNET', 'TRAORÉ'])}"
    pg.text(120, y + 8, "L'officier de l'état civil,", fam, 10.5)
    pg.text(120, y + 13, officer, fam, 10.5)
    put_signature(pg, rng, 122, y + 15, 42, 14)
    put_stamp(pg, rng, 40, y + 6, ["CENTRE D'ÉTAT CIVIL", city.upper()], w=48, h=28, round_=True)
    return pg, {"registrar": officer, "document_title": title}


# ----------------------------------------------------------------------------- English


def _en_us(rng, p: Person, par, issue: date, number: str, style: str):
    fam = rng.choice(["liberation-serif", "dejavu-serif", "liberation-sans"])
    city, _, state = p.birth_place.partition(", ")
    state = state or rng.choice(sorted(US_STATES))
    pg = Page()
    pg.text(105, 20, f"STATE OF {state.upper()}", fam, 12, "bold", align="center")
    pg.text(105, 26, "DEPARTMENT OF HEALTH — OFFICE OF VITAL RECORDS", fam, 10, align="center")
    title = rng.choice(["CERTIFICATE OF LIVE BIRTH", "CERTIFICATE OF BIRTH"])
    pg.text(105, 38, title, fam, 16, "bold", align="center")
    pg.text(190, 46, f"State File Number {number}", fam, 10, align="right")
    ds = rng.choice(["us", "long", "num"])
    given = p.given_names.split()
    boxes = [
        (
            "1a. CHILD — FIRST NAME",
            given[0],
            "1b. MIDDLE",
            " ".join(given[1:]) or "—",
            "1c. LAST",
            p.surname.upper(),
        ),
        (
            "2. SEX",
            "Male" if p.sex == "M" else "Female",
            "3. DATE OF BIRTH",
            fmt_date(p.birth_date, ds, "en"),
            "4. TIME",
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        ),
        (
            "5a. PLACE OF BIRTH — CITY",
            city,
            "5b. COUNTY",
            rng.choice(["Marion", "Lane", "Franklin", "Pima"]),
            "5c. FACILITY",
            rng.choice(["St. Luke Hospital", "General Hospital", "Mercy Center"]),
        ),
        (
            "6a. MOTHER — NAME PRIOR TO FIRST MARRIAGE",
            par["mother"],
            "6b. DATE OF BIRTH",
            fmt_date(par["mother_birth"], ds, "en"),
            "6c. BIRTHPLACE",
            rng.choice(sorted(US_STATES)),
        ),
        (
            "7a. FATHER — NAME",
            par["father"],
            "7b. DATE OF BIRTH",
            fmt_date(par["father_birth"], ds, "en"),
            "7c. BIRTHPLACE",
            rng.choice(sorted(US_STATES)),
        ),
    ]
    y = 52
    for row in boxes:
        widths = [70, 55, 45]
        x = 20
        for i in range(3):
            lab, val = row[2 * i], row[2 * i + 1]
            pg.rect(x, y, widths[i], 16, (40, 40, 40), None, 0.25)
            pg.text(
                x + 1.5,
                y + 4,
                lab,
                fam,
                fit_size(lab, fam, 7.5, widths[i] - 3),
                "regular",
                (60, 60, 60),
            )
            pg.text(x + 2, y + 12, val, fam, fit_size(val, fam, 11.5, widths[i] - 4), "bold")
            x += widths[i]
        y += 16
    registrar = (
        f"{rng.choice(['Linda', 'Robert', 'Karen', 'Steven'])} "
        f"{rng.choice(['Hollis', 'Marsh', 'Peabody', 'Quinlan'])}"
    )
    filed = p.birth_date + timedelta(days=rng.randint(3, 12))
    y += 10
    pg.text(20, y, f"DATE FILED: {fmt_date(filed, ds, 'en')}", fam, 10.5)
    pg.text(110, y, f"REGISTRAR: {registrar}", fam, 10.5)
    y = pg.para(
        20,
        y + 12,
        170,
        "This is a true and exact reproduction of the document "
        "officially registered and placed on file in the Office of Vital Records.",
        fam,
        10.5,
    )
    pg.text(20, y + 6, f"DATE ISSUED: {fmt_date(issue, ds, 'en')}", fam, 10.5, "bold")
    pg.text(120, y + 6, "State Registrar", fam, 10.5)
    put_signature(pg, rng, 120, y + 9, 45, 14)
    put_stamp(
        pg,
        rng,
        40,
        y + 12,
        [f"STATE OF {state.upper()}", "VITAL RECORDS", "SEAL"],
        w=40,
        h=40,
        round_=True,
    )
    return pg, {
        "registrar": registrar,
        "document_title": title,
        "issuing_region": state,
        "capital": US_STATES.get(state, "Salem"),
    }


def _en_in(rng, p: Person, par, issue: date, number: str, style: str):
    fam = rng.choice(["dejavu-serif", "liberation-serif", "dejavu-sans"])
    city, _, state = p.birth_place.partition(", ")
    state = state or "Maharashtra"
    pg = Page()
    pg.text(105, 20, f"GOVERNMENT OF {state.upper()}", fam, 12, "bold", align="center")
    pg.text(105, 26, f"MUNICIPAL CORPORATION OF {city.upper()}", fam, 10.5, align="center")
    pg.text(
        105,
        32,
        "DEPARTMENT OF HEALTH — REGISTRATION OF BIRTHS AND DEATHS",
        fam,
        9.5,
        align="center",
    )
    pg.text(105, 44, "BIRTH CERTIFICATE", fam, 16, "bold", align="center")
    pg.para(
        25,
        52,
        160,
        "(Issued under Section 12/17 of the Registration of Births & Deaths "
        "Act, 1969 and Rule 8/13 of the State Rules)",
        fam,
        9,
        "italic",
    )
    pg.para(
        20,
        66,
        170,
        "This is to certify that the following information has been taken "
        "from the original record of birth which is the register for the local area.",
        fam,
        10.5,
    )
    ds = rng.choice(["num", "dash", "long"])
    rows = [
        ("Name", p.full_name),
        ("Sex", "Male" if p.sex == "M" else "Female"),
        ("Date of Birth", fmt_date(p.birth_date, ds, "en")),
        ("Place of Birth", p.birth_place),
        ("Name of Mother", par["mother"]),
        ("Name of Father", par["father"]),
        (
            "Address of parents at the time of birth",
            f"{rng.randint(2, 90)}, "
            f"{rng.choice(['MG Road', 'Station Road', 'Nehru Nagar'])}, {city}",
        ),
        ("Registration Number", number),
        (
            "Date of Registration",
            fmt_date(p.birth_date + timedelta(days=rng.randint(2, 20)), ds, "en"),
        ),
        ("Date of Issue", fmt_date(issue, ds, "en")),
    ]
    y = 84
    for lab, val in rows:
        pg.text(22, y, f"{lab}:", fam, fit_size(f"{lab}:", fam, 10.5, 68), "regular")
        pg.text(92, y, val, fam, fit_size(val, fam, 11, 96, "bold"), "bold")
        y += 9
    registrar = f"Dr. {rng.choice(['S. Patil', 'R. Nair', 'A. Sharma', 'M. Joshi'])}"
    pg.text(125, y + 14, "Signature of issuing authority", fam, 9.5)
    put_signature(pg, rng, 128, y + 16, 42, 14)
    pg.text(125, y + 36, f"Registrar, {registrar}", fam, 10)
    put_stamp(
        pg, rng, 35, y + 12, ["REGISTRAR OF BIRTHS", f"{city.upper()}"], w=46, h=28, round_=True
    )
    return pg, {
        "registrar": registrar,
        "document_title": "BIRTH CERTIFICATE",
        "issuing_region": state,
    }


def _en_notarial(rng, p: Person, par, issue: date, number: str, style: str):
    fam = rng.choice(["liberation-serif", "dejavu-serif"])
    city = p.birth_place.split(",")[0]
    pg = Page()
    pg.text(105, 30, "NOTARIAL CERTIFICATE", fam, 17, "bold", align="center")
    pg.text(105, 40, "(Certificate of Birth)", fam, 12, align="center")
    pg.text(
        190,
        52,
        f"({issue.year}) {city} Notary No. {number.split('-')[-1]}",
        fam,
        10.5,
        align="right",
    )
    he = "He" if p.sex == "M" else "She"
    his = "His" if p.sex == "M" else "Her"
    y = pg.para(
        25,
        68,
        160,
        f"This is to certify that {p.full_name}, "
        f"{'male' if p.sex == 'M' else 'female'}, was born on "
        f"{fmt_date(p.birth_date, 'long', 'en')} in {p.birth_place}. "
        f"{his} father is {par['father']}. {his} mother is {par['mother']}.",
        fam,
        12.5,
        leading=1.7,
    )
    y = pg.para(
        25, y + 6, 160, f"{he} was registered under record number {number}.", fam, 12.5, leading=1.7
    )
    notary = f"{rng.choice(['Wang', 'Li', 'Zhao'])} {rng.choice(['Min', 'Jun', 'Fang'])}"
    pg.text(110, y + 30, f"{city} Notary Public Office", fam, 11)
    pg.text(110, y + 37, f"Notary Public: {notary}", fam, 11)
    pg.text(110, y + 44, fmt_date(issue, "long", "en"), fam, 11)
    put_signature(pg, rng, 115, y + 47, 40, 12)
    put_stamp(
        pg,
        rng,
        40,
        y + 28,
        ["NOTARY PUBLIC OFFICE", city.upper()],
        w=42,
        h=42,
        round_=True,
        color=(180, 30, 40),
    )
    return pg, {
        "registrar": notary,
        "document_title": "NOTARIAL CERTIFICATE (Certificate of Birth)",
    }


# ------------------------------------------------------------------------ Spanish / PT


def _es_acta(rng, p: Person, par, issue: date, number: str, style: str):
    fam = body_font(rng)
    pg = Page()
    if style == "es-registro":
        state = {"COL": "REPÚBLICA DE COLOMBIA", "ESP": "REINO DE ESPAÑA"}.get(
            p.nationality, "REPÚBLICA DE COLOMBIA"
        )
        head = [(state, 12.5, "bold"), ("REGISTRADURÍA NACIONAL DEL ESTADO CIVIL", 10.5, "regular")]
        title = "REGISTRO CIVIL DE NACIMIENTO"
    else:
        head = [
            ("ESTADOS UNIDOS MEXICANOS", 12.5, "bold"),
            (f"REGISTRO CIVIL — {p.birth_place.split(',')[-1].strip().upper()}", 10.5, "regular"),
        ]
        title = "ACTA DE NACIMIENTO"
    _header_block(pg, head, fam, 105, 20, align="center")
    pg.text(105, 40, title, fam, 16, "bold", align="center")
    pg.text(190, 48, f"Acta No. {number.split('-')[-1]}", fam, 10.5, align="right")
    ds = rng.choice(["num", "long"])
    parts = p.surname.split()
    first, second = parts[0], (parts[1] if len(parts) > 1 else "")
    rows = [
        ("DATOS DEL REGISTRADO", None),
        ("Nombre(s)", p.given_names),
        ("Primer apellido", first.upper()),
        ("Segundo apellido", second.upper() or "—"),
        ("Sexo", "Masculino" if p.sex == "M" else "Femenino"),
        ("Fecha de nacimiento", fmt_date(p.birth_date, ds, "es")),
        ("Lugar de nacimiento", p.birth_place),
        ("DATOS DE FILIACIÓN", None),
        ("Padre", par["father"]),
        ("Nacionalidad del padre", NATIONS[p.nationality]["en"].title()),
        ("Madre", par["mother"]),
        ("Nacionalidad de la madre", NATIONS[p.nationality]["en"].title()),
    ]
    y = 60
    for lab, val in rows:
        if val is None:
            pg.rect(20, y - 5.5, 170, 8, None, (225, 225, 225))
            pg.text(22, y, lab, fam, 10.5, "bold")
        else:
            pg.text(24, y, lab, fam, 10.5, "regular", (60, 60, 60))
            pg.text(85, y, val, fam, fit_size(val, fam, 11.5, 103, "bold"), "bold")
        y += 9
    reg = p.birth_date + timedelta(days=rng.randint(5, 40))
    registrar = (
        f"Lic. {rng.choice(['Ana', 'Jorge', 'Rosa', 'Luis'])} "
        f"{rng.choice(['Velázquez', 'Orozco', 'Salgado', 'Mejía'])}"
    )
    y = pg.para(
        20,
        y + 6,
        170,
        f"Fecha de registro: {fmt_date(reg, ds, 'es')}. "
        f"Se expide la presente certificación el {fmt_date(issue, 'long', 'es')}.",
        fam,
        10.5,
    )
    pg.text(120, y + 10, "El Oficial del Registro Civil", fam, 10.5)
    pg.text(120, y + 16, registrar, fam, 10.5)
    put_signature(pg, rng, 122, y + 18, 42, 14)
    put_stamp(
        pg,
        rng,
        40,
        y + 8,
        ["REGISTRO CIVIL", "OFICIALÍA No. " + str(rng.randint(1, 40))],
        w=44,
        h=28,
        round_=True,
    )
    return pg, {"registrar": registrar, "document_title": title}


def _pt_certidao(rng, p: Person, par, issue: date, number: str, style: str):
    fam = body_font(rng)
    pg = Page()
    _header_block(
        pg,
        [
            ("REPÚBLICA FEDERATIVA DO BRASIL", 12.5, "bold"),
            ("REGISTRO CIVIL DAS PESSOAS NATURAIS", 10.5, "regular"),
        ],
        fam,
        105,
        20,
        align="center",
    )
    pg.text(105, 40, "CERTIDÃO DE NASCIMENTO", fam, 16, "bold", align="center")
    matricula = " ".join(digits(rng, 6) for _ in range(5)) + " " + digits(rng, 2)
    pg.text(105, 48, f"MATRÍCULA: {matricula}", fam, 9.5, align="center")
    ds = rng.choice(["num", "long"])
    blocks = [
        ("NOME", p.full_name),
        ("DATA DE NASCIMENTO", fmt_date(p.birth_date, "long", "pt")),
        ("HORA", f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"),
        ("NATURALIDADE / LOCAL DE NASCIMENTO", f"{p.birth_place} — Brasil"),
        ("SEXO", "Masculino" if p.sex == "M" else "Feminino"),
        ("FILIAÇÃO", f"{par['father']} e {par['mother']}"),
        (
            "AVÓS",
            f"Paternos: {rng.choice(['José', 'Antônio'])} e {rng.choice(['Maria', 'Lúcia'])}"
            f" {par['father'].split()[-1]}; Maternos: {rng.choice(['Pedro', 'Paulo'])} e "
            f"{rng.choice(['Helena', 'Rita'])} {par['mother'].split()[-1]}",
        ),
        ("DATA DO REGISTRO", fmt_date(p.birth_date + timedelta(days=rng.randint(2, 30)), ds, "pt")),
    ]
    y = 58
    for lab, val in blocks:
        pg.rect(20, y, 170, 15, (60, 60, 60), None, 0.25)
        pg.text(22, y + 4.2, lab, fam, 8, "regular", (70, 70, 70))
        pg.text(23, y + 11.5, val, fam, fit_size(val, fam, 11.5, 164, "bold"), "bold")
        y += 15
    registrar = (
        f"{rng.choice(['Márcia', 'Roberto', 'Sandra'])} "
        f"{rng.choice(['Queiroz', 'Pacheco', 'Barros'])}"
    )
    y = pg.para(
        20,
        y + 10,
        170,
        f"O conteúdo da certidão é verdadeiro. Dou fé. "
        f"{p.birth_place.split(',')[0]}, {fmt_date(issue, 'long', 'pt')}.",
        fam,
        10.5,
    )
    pg.text(120, y + 8, "Oficial Registrador", fam, 10.5)
    pg.text(120, y + 14, registrar, fam, 10.5)
    put_signature(pg, rng, 122, y + 16, 42, 14)
    put_stamp(
        pg, rng, 40, y + 6, ["CARTÓRIO DE REGISTRO CIVIL", p.birth_place.upper()[:24]], w=50, h=26
    )
    return pg, {"registrar": registrar, "document_title": "CERTIDÃO DE NASCIMENTO"}


# ---------------------------------------------------------------------------- apostille

APO_ITEMS = {
    "en": [
        "Country:",
        "This public document",
        "has been signed by",
        "acting in the capacity of",
        "bears the seal/stamp of",
        "Certified",
        "at",
        "the",
        "by",
        "No",
        "Seal/stamp:",
        "Signature:",
    ],
    "fr": [
        "Pays :",
        "Le présent acte public",
        "a été signé par",
        "agissant en qualité de",
        "est revêtu du sceau/timbre de",
        "Attesté",
        "à",
        "le",
        "par",
        "sous n°",
        "Sceau/timbre :",
        "Signature :",
    ],
    "es": [
        "País:",
        "El presente documento público",
        "ha sido firmado por",
        "quien actúa en calidad de",
        "está revestido del sello/timbre de",
        "Certificado",
        "en",
        "el día",
        "por",
        "bajo el número",
        "Sello/timbre:",
        "Firma:",
    ],
    "pt": [
        "País:",
        "Este documento público",
        "foi assinado por",
        "na qualidade de",
        "tem o selo/carimbo de",
        "Reconhecido",
        "em",
        "aos",
        "por",
        "sob o n.º",
        "Selo/carimbo:",
        "Assinatura:",
    ],
}
APO_TITLE = {"en": "APOSTILLE", "fr": "APOSTILLE", "es": "APOSTILLA", "pt": "APOSTILA"}


def apostille(
    rng: random.Random, p: Person, lang: str, when: date, signer: str, city: str | None = None
) -> Page:
    fam = rng.choice(["liberation-serif", "dejavu-serif", "liberation-sans", "dejavu-sans"])
    it = APO_ITEMS[lang]
    country = {
        "en": NATIONS[p.nationality]["en"].title(),
        "fr": NATIONS[p.nationality]["fr"].title(),
        "es": {"MEX": "México", "COL": "Colombia", "ESP": "España"}.get(p.nationality, "México"),
        "pt": "Brasil",
    }[lang]
    capacity = {
        "en": "Registrar",
        "fr": "Officier de l'état civil",
        "es": "Oficial del Registro Civil",
        "pt": "Oficial Registrador",
    }[lang]
    authority = {
        "en": "Secretary of State",
        "fr": "Ministère des Affaires étrangères",
        "es": "Secretaría de Gobernación",
        "pt": "Conselho Nacional de Justiça",
    }[lang]
    city = city or {
        "USA": "Salem",
        "IND": "New Delhi",
        "CHN": "Beijing",
        "MEX": "Ciudad de México",
        "COL": "Bogotá",
        "BRA": "Brasília",
        "MAR": "Rabat",
        "TUN": "Tunis",
    }.get(p.nationality, "Capital")
    pg = Page()
    x0, y0, w = 35.0, 40.0, 140.0
    pg.rect(x0, y0, w, 150, (30, 30, 30), None, 0.5)
    pg.text(105, y0 + 14, APO_TITLE[lang], fam, 20, "bold", align="center")
    pg.text(
        105, y0 + 22, "(Convention de La Haye du 5 octobre 1961)", fam, 11, "italic", align="center"
    )
    y = y0 + 34
    values = [
        country,
        None,
        signer or "—",
        capacity,
        f"{capacity} — {p.birth_place.split(',')[0]}",
        None,
        city,
        fmt_date(when, "long", lang if lang != "fr" else "fr"),
        authority,
        f"{when.year}-{digits(rng, 6)}",
        "",
        "",
    ]
    n = 0
    for i, (lab, val) in enumerate(zip(it, values, strict=True)):
        if i in (1, 5):  # headings without number
            pg.text(x0 + 6, y, lab, fam, 11.5, "bold")
            y += 8
            continue
        n += 1
        line = f"{n}. {lab} {val}".rstrip()
        y = pg.para(x0 + 6, y, w - 12, line, fam, 11, leading=1.3) + 8 - 11 * 0.3528 * 1.3
    put_stamp(
        pg, rng, x0 + 20, y - 18, [authority.upper()[:30], "APOSTILLE"], w=42, h=30, round_=True
    )
    put_signature(pg, rng, x0 + 80, y - 14, 42, 14)
    pg.text(
        105,
        y0 + 162,
        f"Verify at: https://apostille.example/{digits(rng, 8)}",
        fam,
        9,
        align="center",
    )
    return pg


# -------------------------------------------------------------------------- translation


def translation(
    rng: random.Random,
    p: Person,
    par,
    lang: str,
    number: str,
    issue: date,
    when: date,
    with_apostille: bool,
) -> Page:
    fam = body_font(rng)
    court = rng.choice(["Lyon", "Paris", "Grenoble", "Toulouse", "Rennes", "Douai"])
    tr = (
        f"{rng.choice(['Hélène', 'Marc', 'Sofia', 'Laurent'])} "
        f"{rng.choice(['BERTHIER', 'ALVES', 'KOWALSKI', 'NGUYEN'])}"
    )
    pg = Page()
    pg.text(20, 20, tr, fam, 11, "bold")
    pg.text(20, 25.5, f"Traducteur-interprète expert près la Cour d'appel de {court}", fam, 9.5)
    pg.text(20, 30.5, f"{rng.randint(2, 60)} rue des Archives, {court}", fam, 9.5)
    pg.text(105, 48, "TRADUCTION", fam, 15, "bold", align="center")
    pg.text(
        105,
        55,
        f"(de la langue {LANG_NAME_FR[lang]} vers le français)",
        fam,
        10.5,
        "italic",
        align="center",
    )
    pg.text(105, 68, "ACTE DE NAISSANCE", fam, 13, "bold", align="center")
    rows = [
        ("Numéro d'enregistrement", number),
        ("Nom", p.surname.upper()),
        ("Prénom(s)", p.given_names),
        ("Sexe", "masculin" if p.sex == "M" else "féminin"),
        ("Date de naissance", fmt_date(p.birth_date, "long")),
        ("Lieu de naissance", f"{p.birth_place} ({NATIONS[p.nationality]['fr'].title()})"),
        ("Père", par["father"]),
        ("Mère", par["mother"]),
        ("Date de délivrance", fmt_date(issue, "long")),
    ]
    y = 80
    for lab, val in rows:
        pg.text(24, y, f"{lab} :", fam, 10.5, "regular", (60, 60, 60))
        pg.text(85, y, val, fam, fit_size(val, fam, 11, 100, "bold"), "bold")
        y += 8
    if with_apostille:
        y = pg.para(
            20,
            y + 4,
            170,
            "[Apostille jointe : Convention de La Haye du 5 octobre 1961 — traduite en annexe]",
            fam,
            10,
            "italic",
        )
    y = pg.para(
        20,
        y + 10,
        170,
        f"Je soussigné(e), {tr}, traducteur assermenté près la Cour d'appel de {court}, "
        f"certifie que la présente traduction est conforme à l'original rédigé en "
        f"langue {LANG_NAME_FR[lang]}. Traduction certifiée conforme à l'original.",
        fam,
        10.5,
        leading=1.45,
    )
    pg.text(20, y + 6, f"N° de répertoire : {when.year}/{rng.randint(100, 999)}", fam, 10)
    pg.text(120, y + 14, f"Fait à {court}, le {fmt_date(when, 'num')}", fam, 10.5)
    put_signature(pg, rng, 125, y + 17, 40, 14)
    put_stamp(
        pg,
        rng,
        30,
        y + 14,
        [tr.upper(), "TRADUCTEUR EXPERT", f"COUR D'APPEL DE {court.upper()}"],
        w=54,
        h=32,
        round_=True,
    )
    return pg


BIRTH_STYLES = [
    "fr-copie-integrale",
    "fr-extrait-filiation",
    "en-us",
    "en-in",
    "en-notarial",
    "es-acta",
    "es-registro",
    "pt-certidao",
]
STYLE_NATION = {
    "fr-copie-integrale": "MAR",
    "fr-extrait-filiation": "SEN",
    "en-us": "USA",
    "en-in": "IND",
    "en-notarial": "CHN",
    "es-acta": "MEX",
    "es-registro": "COL",
    "pt-certidao": "BRA",
}
