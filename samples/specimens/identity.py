"""Passports (TD3 data page) and national identity cards (TD1, old French CNI).

R-ID / R-MRZ in DOMAIN.md §2 and §8. All people and numbers are invented."""

from __future__ import annotations

import random
from datetime import date, timedelta

from samples import mrzgen
from samples.canvas import Page, text_width
from samples.people import NATIONS, Person, add_months, alnum, digits, fmt_date, make_person
from samples.specimens import faces
from samples.specimens.common import (
    Ctx,
    Doc,
    fit_size,
    guilloche,
    mrz_band,
    photo_box,
    put_signature,
)

LABELS = {
    "en": dict(
        type="Type",
        code="Code",
        no="Passport No.",
        surname="Surname",
        given="Given names",
        nat="Nationality",
        dob="Date of birth",
        pob="Place of birth",
        sex="Sex",
        doi="Date of issue",
        doe="Date of expiry",
        auth="Authority",
        sign="Holder's signature",
    ),
    "fr": dict(
        type="Type",
        code="Code",
        no="N° du passeport",
        surname="Nom",
        given="Prénoms",
        nat="Nationalité",
        dob="Date de naissance",
        pob="Lieu de naissance",
        sex="Sexe",
        doi="Date de délivrance",
        doe="Date d'expiration",
        auth="Autorité",
        sign="Signature du titulaire",
    ),
    "de": dict(
        type="Typ",
        code="Kode",
        no="Pass-Nr.",
        surname="Name",
        given="Vornamen",
        nat="Staatsangehörigkeit",
        dob="Geburtstag",
        pob="Geburtsort",
        sex="Geschlecht",
        doi="Ausstellungsdatum",
        doe="Gültig bis",
        auth="Behörde",
        sign="Unterschrift",
    ),
    "it": dict(
        type="Tipo",
        code="Codice",
        no="Passaporto N.",
        surname="Cognome",
        given="Nome",
        nat="Cittadinanza",
        dob="Data di nascita",
        pob="Luogo di nascita",
        sex="Sesso",
        doi="Data di rilascio",
        doe="Data di scadenza",
        auth="Autorità",
        sign="Firma del titolare",
    ),
    "es": dict(
        type="Tipo",
        code="Código",
        no="Pasaporte N.º",
        surname="Apellidos",
        given="Nombre",
        nat="Nacionalidad",
        dob="Fecha de nacimiento",
        pob="Lugar de nacimiento",
        sex="Sexo",
        doi="Fecha de expedición",
        doe="Fecha de caducidad",
        auth="Autoridad",
        sign="Firma del titular",
    ),
    "pt": dict(
        type="Tipo",
        code="Código",
        no="Passaporte N.º",
        surname="Sobrenome",
        given="Nome",
        nat="Nacionalidade",
        dob="Data de nascimento",
        pob="Local de nascimento",
        sex="Sexo",
        doi="Data de expedição",
        doe="Válido até",
        auth="Autoridade",
        sign="Assinatura do titular",
    ),
    "nl": dict(
        type="Soort",
        code="Code",
        no="Paspoortnr.",
        surname="Naam",
        given="Voornamen",
        nat="Nationaliteit",
        dob="Geboortedatum",
        pob="Geboorteplaats",
        sex="Geslacht",
        doi="Datum van afgifte",
        doe="Geldig tot",
        auth="Instantie",
        sign="Handtekening",
    ),
    "tr": dict(
        type="Tipi",
        code="Ülke kodu",
        no="Pasaport No",
        surname="Soyadı",
        given="Adı",
        nat="Uyruğu",
        dob="Doğum tarihi",
        pob="Doğum yeri",
        sex="Cinsiyeti",
        doi="Veriliş tarihi",
        doe="Geçerlilik tarihi",
        auth="Makam",
        sign="Hamilin imzası",
    ),
    "vi": dict(
        type="Loại",
        code="Mã số",
        no="Số hộ chiếu",
        surname="Họ",
        given="Chữ đệm và tên",
        nat="Quốc tịch",
        dob="Ngày sinh",
        pob="Nơi sinh",
        sex="Giới tính",
        doi="Ngày cấp",
        doe="Có giá trị đến",
        auth="Cơ quan cấp",
        sign="Chữ ký",
    ),
    "uk": dict(
        type="Тип",
        code="Код держави",
        no="Паспорт №",
        surname="Прізвище",
        given="Ім'я",
        nat="Громадянство",
        dob="Дата народження",
        pob="Місце народження",
        sex="Стать",
        doi="Дата видачі",
        doe="Дата закінчення строку дії",
        auth="Орган, що видав",
        sign="Підпис",
    ),
    "pl": dict(
        type="Typ",
        code="Kod",
        no="Nr paszportu",
        surname="Nazwisko",
        given="Imiona",
        nat="Obywatelstwo",
        dob="Data urodzenia",
        pob="Miejsce urodzenia",
        sex="Płeć",
        doi="Data wydania",
        doe="Data ważności",
        auth="Organ wydający",
        sign="Podpis posiadacza",
    ),
    "ro": dict(
        type="Tip",
        code="Cod țară",
        no="Nr. pașaport",
        surname="Nume",
        given="Prenume",
        nat="Cetățenie",
        dob="Data nașterii",
        pob="Locul nașterii",
        sex="Sex",
        doi="Data eliberării",
        doe="Data expirării",
        auth="Autoritate",
        sign="Semnătura titularului",
    ),
}

PASSPORT = {
    "USA": dict(
        state=["UNITED STATES OF AMERICA"],
        title="PASSPORT",
        lang="en",
        nat="UNITED STATES OF AMERICA",
        years=10,
        auth="United States Department of State",
        num=lambda r: digits(r, 9),
        dates="icao",
    ),
    "BRA": dict(
        state=["REPÚBLICA FEDERATIVA DO BRASIL"],
        title="PASSAPORTE / PASSPORT / PASSEPORT",
        lang="pt",
        nat="BRASILEIRO(A)",
        years=10,
        auth="Polícia Federal",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 6),
        dates="num",
    ),
    "MAR": dict(
        state=["ROYAUME DU MAROC"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="MAROCAINE",
        years=5,
        auth="Ministère de l'Intérieur",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7),
        dates="num",
    ),
    "IND": dict(
        state=["REPUBLIC OF INDIA"],
        title="PASSPORT",
        lang="en",
        nat="INDIAN",
        years=10,
        auth="Passport Office",
        num=lambda r: alnum(r, 1, "JKLMNPRSTUVWZ") + digits(r, 7),
        dates="num",
    ),
    "CHN": dict(
        state=["PEOPLE'S REPUBLIC OF CHINA"],
        title="PASSPORT",
        lang="en",
        nat="CHINESE",
        years=10,
        auth="National Immigration Administration",
        num=lambda r: "E" + digits(r, 8),
        dates="icao",
    ),
    "MEX": dict(
        state=["ESTADOS UNIDOS MEXICANOS"],
        title="PASAPORTE / PASSPORT / PASSEPORT",
        lang="es",
        nat="MEXICANA",
        years=10,
        auth="Secretaría de Relaciones Exteriores",
        num=lambda r: alnum(r, 1, "GNP") + digits(r, 8),
        dates="icao",
    ),
    "COL": dict(
        state=["REPÚBLICA DE COLOMBIA"],
        title="PASAPORTE / PASSPORT",
        lang="es",
        nat="COLOMBIANA",
        years=10,
        auth="Cancillería",
        num=lambda r: "AY" + digits(r, 7),
        dates="icao",
    ),
    "SEN": dict(
        state=["RÉPUBLIQUE DU SÉNÉGAL"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="SÉNÉGALAISE",
        years=5,
        auth="Direction de la Police de l'Air et des Frontières",
        num=lambda r: "A" + digits(r, 8),
        dates="num",
    ),
    "TUN": dict(
        state=["RÉPUBLIQUE TUNISIENNE"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="TUNISIENNE",
        years=5,
        auth="Ministère de l'Intérieur",
        num=lambda r: alnum(r, 1, "ZXY") + digits(r, 6),
        dates="num",
    ),
    "DEU": dict(
        state=[
            "BUNDESREPUBLIK DEUTSCHLAND",
            "FEDERAL REPUBLIC OF GERMANY",
            "RÉPUBLIQUE FÉDÉRALE D'ALLEMAGNE",
        ],
        title="REISEPASS / PASSPORT / PASSEPORT",
        lang="de",
        nat="DEUTSCH",
        years=10,
        auth="Stadt Leipzig",
        num=lambda r: "C" + alnum(r, 8, "CFGHJKLMNPRTVWXYZ0123456789"),
        dates="icao-fr",
        mrz_state="D",
    ),
    "ITA": dict(
        state=["REPUBBLICA ITALIANA"],
        title="PASSAPORTO / PASSPORT / PASSEPORT",
        lang="it",
        nat="ITALIANA",
        years=10,
        auth="Ministro degli Affari Esteri",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7),
        dates="icao",
    ),
    "ESP": dict(
        state=["REINO DE ESPAÑA"],
        title="PASAPORTE / PASSPORT / PASSEPORT",
        lang="es",
        nat="ESPAÑOLA",
        years=10,
        auth="DGP Madrid",
        num=lambda r: alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 6),
        dates="num",
    ),
    "DZA": dict(
        state=["RÉPUBLIQUE ALGÉRIENNE DÉMOCRATIQUE ET POPULAIRE"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="ALGÉRIENNE",
        years=10,
        auth="Daïra de {town}",
        num=lambda r: digits(r, 9),
        dates="num",
    ),
    "CMR": dict(
        state=["RÉPUBLIQUE DU CAMEROUN", "REPUBLIC OF CAMEROON"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="CAMEROUNAISE",
        years=5,
        auth="DGSN",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7),
        dates="icao-fr",
    ),
    "CIV": dict(
        state=["RÉPUBLIQUE DE CÔTE D'IVOIRE"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="IVOIRIENNE",
        years=5,
        auth="Direction de la Surveillance du Territoire",
        num=lambda r: digits(r, 2) + alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 5),
        dates="num",
    ),
    "VNM": dict(
        state=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"],
        title="HỘ CHIẾU / PASSPORT",
        lang="vi",
        nat="VIỆT NAM/VIETNAMESE",
        years=10,
        auth="Cục Quản lý xuất nhập cảnh",
        num=lambda r: "C" + digits(r, 7),
        dates="dot",
    ),
    "PHL": dict(
        state=["REPUBLIKA NG PILIPINAS", "REPUBLIC OF THE PHILIPPINES"],
        title="PASAPORTE / PASSPORT",
        lang="en",
        nat="FILIPINO",
        years=10,
        auth="DFA Manila",
        num=lambda r: "P" + digits(r, 7) + alnum(r, 1, "ABCDEFGH"),
        dates="icao",
    ),
    "TUR": dict(
        state=["TÜRKİYE CUMHURİYETİ", "REPUBLIC OF TÜRKİYE"],
        title="PASAPORT / PASSPORT",
        lang="tr",
        nat="T.C.",
        years=10,
        auth="T.C. İçişleri Bakanlığı",
        num=lambda r: "U" + digits(r, 8),
        dates="dot",
    ),
    "UKR": dict(
        state=["УКРАЇНА", "UKRAINE"],
        title="ПАСПОРТ / PASSPORT",
        lang="uk",
        nat="УКРАЇНА/UKR",
        years=10,
        auth="8012",
        num=lambda r: alnum(r, 2, "ABCEFGHKMNPTX") + digits(r, 6),
        dates="icao",
    ),
    "PER": dict(
        state=["REPÚBLICA DEL PERÚ"],
        title="PASAPORTE / PASSPORT",
        lang="es",
        nat="PERUANA",
        years=5,
        auth="Superintendencia Nacional de Migraciones",
        num=lambda r: digits(r, 9),
        dates="icao",
    ),
    "ARG": dict(
        state=["REPÚBLICA ARGENTINA", "MERCOSUR"],
        title="PASAPORTE / PASSPORT",
        lang="es",
        nat="ARGENTINA",
        years=10,
        auth="Registro Nacional de las Personas",
        num=lambda r: alnum(r, 3, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 6),
        dates="icao",
    ),
    "HTI": dict(
        state=["RÉPUBLIQUE D'HAÏTI"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="HAÏTIENNE",
        years=5,
        auth="Direction de l'Immigration et de l'Émigration",
        num=lambda r: "R" + alnum(r, 1, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7),
        dates="num",
    ),
    "GBR": dict(
        state=["UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"],
        title="PASSPORT",
        lang="en",
        nat="BRITISH CITIZEN",
        years=10,
        auth="HMPO",
        num=lambda r: digits(r, 9),
        dates="icao",
    ),
    "CAN": dict(
        state=["CANADA"],
        title="PASSPORT / PASSEPORT",
        lang="en",
        nat="CANADIAN/CANADIENNE",
        years=10,
        auth="GATINEAU",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 6),
        dates="icao-fr",
    ),
    "NGA": dict(
        state=["FEDERAL REPUBLIC OF NIGERIA"],
        title="PASSPORT",
        lang="en",
        nat="NIGERIAN",
        years=10,
        auth="NIS Lagos",
        num=lambda r: "A" + digits(r, 8),
        dates="icao",
    ),
    "LBN": dict(
        state=["RÉPUBLIQUE LIBANAISE", "LEBANESE REPUBLIC"],
        title="PASSEPORT / PASSPORT",
        lang="fr",
        nat="LIBANAISE",
        years=10,
        auth="Sûreté Générale",
        num=lambda r: "LR" + digits(r, 7),
        dates="num",
    ),
    "PRT": dict(
        state=["REPÚBLICA PORTUGUESA", "PORTUGUESE REPUBLIC"],
        title="PASSAPORTE / PASSPORT / PASSEPORT",
        lang="pt",
        nat="PORTUGUESA",
        years=5,
        auth="SEF-GDP",
        num=lambda r: alnum(r, 1, "CNP") + digits(r, 6),
        dates="icao",
    ),
    "ROU": dict(
        state=["ROMÂNIA", "ROMANIA", "ROUMANIE"],
        title="PAȘAPORT / PASSPORT / PASSEPORT",
        lang="ro",
        nat="ROMÂNĂ/ROU",
        years=10,
        auth="MAI-DGP",
        num=lambda r: digits(r, 9),
        dates="dot",
    ),
    "POL": dict(
        state=["RZECZPOSPOLITA POLSKA", "REPUBLIC OF POLAND"],
        title="PASZPORT / PASSPORT / PASSEPORT",
        lang="pl",
        nat="POLSKIE/POLISH",
        years=10,
        auth="Wojewoda Mazowiecki",
        num=lambda r: alnum(r, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(r, 7),
        dates="dot",
    ),
}


def _labels(lang: str, key: str, extra_fr: bool = True) -> str:
    parts = [LABELS[lang][key]]
    for other in ("en", "fr") if extra_fr else ("en",):
        v = LABELS[other][key]
        if v not in parts:
            parts.append(v)
    return " / ".join(parts)


def validity(
    rng: random.Random, as_of: date, years: int, expired: bool = False
) -> tuple[date, date]:
    """Issue and expiry dates: valid on as_of (or expired a little before it)."""
    if expired:
        expiry = as_of - timedelta(days=rng.randint(20, 400))
        issue = add_months(expiry, -12 * years) + timedelta(days=1)
    else:
        issue = as_of - timedelta(days=rng.randint(45, years * 365 - 200))
        expiry = add_months(issue, 12 * years) - timedelta(days=rng.choice([0, 1]))
    return issue, expiry


def _passport_page(ctx: Ctx, cfg: dict, variant: str, expired: bool) -> tuple[Page, dict]:
    rng, p = ctx.rng, ctx.person
    nat = p.nationality
    lang = cfg["lang"]
    issue, expiry = validity(rng, ctx.as_of, cfg["years"], expired)
    number = cfg["num"](rng)
    personal = ""
    if nat == "ESP":
        personal = digits(rng, 8) + rng.choice("TRWAGMYFPDXBNJZSQVHLCKE")
    mrz_state = cfg.get("mrz_state", nat)
    mrz = mrzgen.td3(
        mrz_state,
        p.surname,
        p.given_names,
        number,
        mrz_state,
        p.birth_date,
        p.sex,
        expiry,
        personal=personal,
        german=(nat == "DEU"),
    )
    assert mrzgen.verify(mrz)
    ds = cfg["dates"] if variant != "numbered" else rng.choice(["num", "dot"])

    def D(d: date) -> str:
        return fmt_date(d, ds)

    auth = cfg["auth"].format(town=p.birth_place.split(",")[0])
    W, H = 125.0, 88.0
    pg = Page(
        W, H, bg=rng.choice([(236, 230, 242), (228, 236, 244), (238, 236, 226), (232, 240, 232)])
    )
    guilloche(
        pg,
        rng,
        rng.choice([(200, 190, 215), (190, 205, 225), (215, 205, 185)]),
        n=rng.randint(10, 18),
    )
    fam = rng.choice(
        [
            "dejavu-sans",
            "liberation-sans",
            "dejavu-sans-condensed",
            "liberation-serif",
            "dejavu-serif",
        ]
    )
    lab_size = 5.6 if fam.startswith("dejavu") else 6.0
    val_size = 9.0
    lab_col = (70, 60, 90)
    header_col = rng.choice([(60, 30, 90), (20, 50, 110), (120, 20, 40), (30, 80, 60)])

    # header
    hx = 6
    t_size = fit_size(cfg["title"], fam, 8, 58, "bold")
    t_w = text_width(cfg["title"], fam, t_size, "bold")
    pg.text(W - 5, 6, cfg["title"], fam, t_size, "bold", header_col, "right")
    for i, s in enumerate(cfg["state"][:2]):
        room = W - 16 - t_w if i == 0 else 80
        pg.text(
            hx,
            6 + i * 3.6,
            s,
            fam,
            fit_size(s, fam, 8 if i == 0 else 6.2, room, "bold"),
            "bold" if i == 0 else "regular",
            header_col,
        )

    # photo
    ph_w, ph_h = 30.0, 38.5
    photo_right = variant == "photo-right"
    ph_x, ph_y = (W - 5.0 - ph_w if photo_right else 5.0), 15.0
    portrait = faces.portrait(
        rng,
        face_ratio=rng.uniform(0.66, 0.76),
        out_h=420,
        gray=rng.random() < 0.6,
        background=(222, 222, 222),
    )
    photo_box(pg, portrait, ph_x, ph_y, ph_w, ph_h)
    if variant == "ghost":
        ghost = portrait.convert("L").point(lambda v: 150 + v // 3).convert("RGB")
        photo_box(pg, ghost, 22, 55, 11, 14)

    x1 = 6.0 if photo_right else 39.0
    right = W - 42.0 if photo_right else W - 6.0
    rows = []
    if variant == "numbered":
        keys = ["surname", "given", "nat", "dob", "sex", "pob", "doi", "doe", "auth"]
        vals = [
            p.surname.upper(),
            p.given_names.upper(),
            cfg["nat"],
            D(p.birth_date),
            p.sex,
            p.birth_place.upper(),
            D(issue),
            D(expiry),
            auth,
        ]
        y = 15.5
        pg.text(x1, y, f"P    {mrz_state}    {number}", fam, val_size, "bold")
        y += 5.2
        items = list(enumerate(zip(keys, vals, strict=True), start=1))
        layout_rows = [[items[0]], [items[1]], [items[2]], items[3:5], items[5:7], items[7:9]]
        for row in layout_rows:
            width = (W - x1 - 6) / len(row)
            for j, (i, (k, v)) in enumerate(row):
                xx = x1 + j * width
                lab = f"{i}. {_labels(lang, k)}"
                if text_width(lab, fam, lab_size) > width - 1:
                    lab = f"{i}. {_labels(lang, k, extra_fr=False)}"
                pg.text(
                    xx, y, lab, fam, fit_size(lab, fam, lab_size, width - 1), "regular", lab_col
                )
                pg.text(xx + 3, y + 3.6, v, fam, fit_size(v, fam, val_size, width - 4), "bold")
            y += 7.4
        rows = keys
    else:
        y = 15.5
        top = [
            (_labels(lang, "type", False), "P"),
            (_labels(lang, "code", False), mrz_state),
            (_labels(lang, "no", False), number),
        ]
        xs = [x1, x1 + 22, x1 + 50]
        for (lab, v), xx in zip(top, xs, strict=True):
            pg.text(xx, y, lab, fam, lab_size, "regular", lab_col)
            pg.text(xx, y + 3.8, v, fam, val_size, "bold")
        y += 9.5
        seq = [
            ("surname", p.surname.upper()),
            ("given", p.given_names.upper()),
            ("nat", cfg["nat"]),
        ]
        for k, v in seq:
            lab = _labels(lang, k, extra_fr=not photo_right)
            pg.text(x1, y, lab, fam, fit_size(lab, fam, lab_size, right - x1), "regular", lab_col)
            pg.text(x1, y + 3.8, v, fam, fit_size(v, fam, val_size, right - x1), "bold")
            y += 8.2
        two = [
            [("dob", D(p.birth_date)), ("sex", p.sex)],
            [("pob", p.birth_place.upper()), ("doi", D(issue))],
            [("doe", D(expiry)), ("auth", auth)],
        ]
        for row in two:
            for (k, v), xx in zip(row, (x1, x1 + 42), strict=True):
                lab = _labels(lang, k, extra_fr=(lang != "fr" and k != "auth" and not photo_right))
                if text_width(lab, fam, lab_size) > 41:
                    lab = _labels(lang, k, extra_fr=False)
                pg.text(xx, y, lab, fam, fit_size(lab, fam, lab_size, 40), "regular", lab_col)
                pg.text(xx, y + 3.8, v, fam, fit_size(v, fam, val_size, 40), "bold")
            y += 8.2
        rows = [
            "type",
            "code",
            "no",
            "surname",
            "given",
            "nat",
            "dob",
            "sex",
            "pob",
            "doi",
            "doe",
            "auth",
        ]
    if photo_right:
        put_signature(pg, rng, ph_x, 56, 30, 9)
    elif cfg["lang"] != "en" and variant != "numbered":
        put_signature(pg, rng, 5, 56, 17 if variant == "ghost" else 30, 9)
    mrz_band(pg, mrz, 5.5, H - 4.2, W - 11)
    fields = {
        **p.truth(),
        "birth_place": p.birth_place,
        "nationality": nat,
        "issuing_state": nat,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD3",
        "mrz": mrz,
        "mrz_valid": True,
        "visual_labels": rows,
        "date_style": ds,
    }
    if mrz_state != nat:
        fields["mrz_state_code"] = mrz_state
    if expired:
        fields["expired"] = True
    return pg, fields


def _observation_page(rng: random.Random, lang: str) -> Page:
    pg = Page(125, 88, bg=(240, 238, 232))
    guilloche(pg, rng, (215, 210, 200), n=10)
    title = {
        "fr": "OBSERVATIONS",
        "en": "AMENDMENTS AND ENDORSEMENTS",
        "de": "AMTLICHE VERMERKE",
        "es": "OBSERVACIONES",
        "it": "OSSERVAZIONI",
        "pt": "OBSERVAÇÕES",
    }.get(lang, "NOTES")
    pg.text(62.5, 10, title, "dejavu-serif", 8, "bold", (90, 80, 100), "center")
    for i in range(6):
        pg.line(10, 22 + i * 10, 115, 22 + i * 10, (200, 195, 190), 0.2)
    return pg


def passport(ctx: Ctx) -> Doc:
    rng = ctx.rng
    cfg = PASSPORT[ctx.person.nationality]
    variant = ctx.opts.get("variant") or rng.choice(["classic", "numbered", "ghost"])
    pg, fields = _passport_page(ctx, cfg, variant, ctx.opts.get("expired", False))
    pages = [pg]
    if ctx.opts.get("open_booklet", rng.random() < 0.5):
        book = Page(125, 176, bg=None)
        book.group(0, 0, _observation_page(rng, cfg["lang"]))
        book.group(0, 88, pg)
        book.line(0, 88, 125, 88, (150, 150, 150), 0.3)
        pages = [book]
        fields["open_booklet"] = True
    return Doc("passport", f"passport/td3-{variant}", pages, fields, "booklet", lang=cfg["lang"])


# ------------------------------------------------------------------------ national ID

CARD_W, CARD_H = 85.6, 54.0

EEA_ID = {
    "DEU": dict(
        state="BUNDESREPUBLIK DEUTSCHLAND",
        title="PERSONALAUSWEIS / IDENTITY CARD / CARTE D'IDENTITÉ",
        lang="de",
        mrz_state="D",
        code="ID",
        years=10,
        nat="DEUTSCH",
        auth="Stadt {town}",
    ),
    "ITA": dict(
        state="REPUBBLICA ITALIANA",
        title="CARTA DI IDENTITÀ / IDENTITY CARD",
        lang="it",
        mrz_state="ITA",
        code="CI",
        years=10,
        nat="ITA",
        auth="Comune di {town}",
    ),
    "ESP": dict(
        state="REINO DE ESPAÑA",
        title="DOCUMENTO NACIONAL DE IDENTIDAD",
        lang="es",
        mrz_state="ESP",
        code="ID",
        years=10,
        nat="ESP",
        auth="DGP {town}",
    ),
    "BEL": dict(
        state="BELGIQUE  BELGIË  BELGIEN  BELGIUM",
        title="CARTE D'IDENTITÉ / IDENTITEITSKAART / IDENTITY CARD",
        lang="fr",
        mrz_state="BEL",
        code="ID",
        years=10,
        nat="BEL",
        auth="Commune de {town}",
    ),
    "NLD": dict(
        state="KONINKRIJK DER NEDERLANDEN",
        title="IDENTITEITSKAART / IDENTITY CARD / CARTE D'IDENTITÉ",
        lang="nl",
        mrz_state="NLD",
        code="I<",
        years=10,
        nat="NLD",
        auth="Burgemeester van {town}",
    ),
    "PRT": dict(
        state="REPÚBLICA PORTUGUESA",
        title="CARTÃO DE CIDADÃO / CITIZEN CARD",
        lang="pt",
        mrz_state="PRT",
        code="ID",
        years=10,
        nat="PRT",
        auth="República Portuguesa",
    ),
    "POL": dict(
        state="RZECZPOSPOLITA POLSKA",
        title="DOWÓD OSOBISTY / IDENTITY CARD",
        lang="pl",
        mrz_state="POL",
        code="ID",
        years=10,
        nat="POLSKIE",
        auth="Prezydent Miasta {town}",
    ),
    "ROU": dict(
        state="ROMÂNIA",
        title="CARTE DE IDENTITATE / IDENTITY CARD / CARTE D'IDENTITÉ",
        lang="ro",
        mrz_state="ROU",
        code="ID",
        years=10,
        nat="ROU",
        auth="SPCLEP {town}",
    ),
    "DZA": dict(
        state="RÉPUBLIQUE ALGÉRIENNE DÉMOCRATIQUE ET POPULAIRE",
        title="CARTE NATIONALE D'IDENTITÉ BIOMÉTRIQUE",
        lang="fr",
        mrz_state="DZA",
        code="ID",
        years=10,
        nat="DZA",
        auth="Daïra de {town}",
    ),
    "TUR": dict(
        state="TÜRKİYE CUMHURİYETİ",
        title="KİMLİK KARTI / IDENTITY CARD",
        lang="tr",
        mrz_state="TUR",
        code="ID",
        years=10,
        nat="TUR",
        auth="T.C. İçişleri Bakanlığı",
    ),
    # a non-EEA card: type national_id, but it alone does not satisfy `identity` (R-ID-2)
    "MAR": dict(
        state="ROYAUME DU MAROC",
        title="CARTE NATIONALE D'IDENTITÉ ÉLECTRONIQUE",
        lang="fr",
        mrz_state="MAR",
        code="ID",
        years=10,
        nat="MAR",
        auth="DGSN {town}",
    ),
}


CARD_NO_LABEL = {
    "de": "Ausweisnummer / Document No",
    "it": "N. documento / Document No",
    "es": "Núm. soporte / Document No",
    "fr": "N° du document / Document No",
    "nl": "Documentnummer / Document No",
    "pt": "N.º do documento / Document No",
    "pl": "Numer dokumentu / Document No",
    "ro": "Nr. document / Document No",
    "tr": "Seri No / Document No",
}
EEA_CARDS = ["DEU", "ITA", "ESP", "BEL", "NLD", "PRT", "POL", "ROU"]
NON_EEA_CARDS = ["MAR", "DZA", "TUR"]


def _card_base(rng: random.Random, tint=None) -> Page:
    tint = tint or rng.choice([(226, 236, 242), (236, 230, 240), (232, 240, 230), (242, 236, 226)])
    pg = Page(CARD_W, CARD_H, bg=tint)
    guilloche(pg, rng, tuple(max(0, c - 28) for c in tint), n=12)
    pg.rect(0.3, 0.3, CARD_W - 0.6, CARD_H - 0.6, (150, 150, 160), None, 0.3)
    return pg


def _card_fields(
    pg: Page, rng: random.Random, items, x, y, fam, lab=5.6, val=8.6, col_w=44.0, step=7.0
):
    for row in items:
        xx = x
        for lab_txt, v, w in row:
            pg.text(
                xx, y, lab_txt, fam, fit_size(lab_txt, fam, lab, w - 1), "regular", (60, 60, 90)
            )
            pg.text(xx, y + 3.5, v, fam, fit_size(v, fam, val, w - 1), "bold")
            xx += w
        y += step
    return y


def national_id(ctx: Ctx) -> Doc:
    rng = ctx.rng
    variant = ctx.opts.get("variant") or rng.choice(["fr-cni-2021", "eea-td1", "fr-cni-old"])
    if variant == "fr-cni-2021":
        return _cni_2021(ctx)
    if variant == "fr-cni-old":
        return _cni_old(ctx)
    return _eea_card(ctx, variant)


def _person_for(ctx: Ctx, nat: str) -> Person:
    if ctx.person.nationality == nat:
        return ctx.person
    return make_person(ctx.rng, nat, ctx.as_of)


def _cni_2021(ctx: Ctx) -> Doc:
    rng = ctx.rng
    p = _person_for(ctx, "FRA")
    issue, expiry = validity(rng, ctx.as_of, 10, ctx.opts.get("expired", False))
    number = alnum(rng, 9, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
    mrz = mrzgen.td1(
        "FRA", p.surname, p.given_names, number, "FRA", p.birth_date, p.sex, expiry, doc_type="ID"
    )
    assert mrzgen.verify(mrz)
    fam = rng.choice(["dejavu-sans", "liberation-sans", "dejavu-sans-condensed"])
    f = _card_base(rng, (224, 234, 244))
    f.text(3, 5.2, "RÉPUBLIQUE FRANÇAISE", fam, 7.5, "bold", (20, 40, 110))
    rf_w = text_width("RÉPUBLIQUE FRANÇAISE", fam, 7.5, "bold")
    f.text(
        CARD_W - 3,
        5.2,
        "CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD",
        fam,
        fit_size("CARTE NATIONALE D'IDENTITÉ / IDENTITY CARD", fam, 6, CARD_W - rf_w - 9),
        "regular",
        (20, 40, 110),
        "right",
    )
    photo_box(f, faces.portrait(rng, out_h=360, gray=True), 3, 9, 24, 31)
    d = lambda x: fmt_date(x, "num").replace("/", " ")  # noqa: E731
    _card_fields(
        f,
        rng,
        [
            [("NOM / Surname", p.surname.upper(), 55)],
            [("Prénoms / Given names", p.given_names.upper(), 55)],
            [
                ("SEXE / Sex", p.sex, 12),
                ("NATIONALITÉ / Nationality", "FRA", 21),
                ("DATE DE NAISS. / Date of birth", d(p.birth_date), 22),
            ],
            [("LIEU DE NAISSANCE / Place of birth", p.birth_place.upper(), 55)],
            [
                ("N° DU DOCUMENT / Document No", number, 28),
                ("DATE D'EXPIR. / Expiry date", d(expiry), 27),
            ],
        ],
        29,
        10,
        fam,
        step=6.6,
    )
    b = _card_base(rng, (232, 238, 244))
    b.text(3, 6, "ADRESSE / Address", fam, 5.6, "regular", (60, 60, 90))
    b.text(3, 9.6, p.address.line1.upper(), fam, 8, "bold")
    b.text(3, 13.2, p.address.line2, fam, 8, "bold")
    b.text(3, 18.5, "DATE DE DÉLIVRANCE / Date of issue", fam, 5.6, "regular", (60, 60, 90))
    b.text(3, 22, d(issue), fam, 8, "bold")
    b.text(48, 18.5, "AUTORITÉ / Authority", fam, 5.6, "regular", (60, 60, 90))
    auth = f"Préfecture {rng.choice(['du Rhône', 'de l’Isère', 'du Nord', 'de la Gironde'])}"
    b.text(48, 22, auth, fam, fit_size(auth, fam, 7.5, CARD_W - 51, "bold"), "bold")
    mrz_band(b, mrz, 4, CARD_H - 3.5, CARD_W - 8)
    fields = {
        **p.truth(),
        "nationality": "FRA",
        "birth_place": p.birth_place,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD1",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": "FRA",
        "sides": ["front", "back"],
    }
    return Doc("national_id", "national_id/fr-cni-2021", [f, b], fields, "card")


def _eea_card(ctx: Ctx, variant: str) -> Doc:
    rng = ctx.rng
    nat = ctx.opts.get("nat") or (
        ctx.person.nationality if ctx.person.nationality in EEA_CARDS else rng.choice(EEA_CARDS)
    )
    if variant == "non-eea-td1":
        nat = ctx.opts.get("nat") or (
            ctx.person.nationality
            if ctx.person.nationality in NON_EEA_CARDS
            else rng.choice(NON_EEA_CARDS)
        )
    cfg = EEA_ID[nat]
    p = _person_for(ctx, nat)
    issue, expiry = validity(rng, ctx.as_of, cfg["years"], ctx.opts.get("expired", False))
    number = (
        alnum(rng, 9, "CFGHJKLMNPRTVWXYZ0123456789")
        if nat == "DEU"
        else alnum(rng, 2, "ABCDEFGHJKLMNPRSTUVWXYZ") + digits(rng, 7)
    )
    opt1 = ""
    if nat == "ESP":
        opt1 = digits(rng, 8) + rng.choice("TRWAGMYFPDXBNJZSQVHLCKE")
    mrz = mrzgen.td1(
        cfg["mrz_state"],
        p.surname,
        p.given_names,
        number,
        cfg["mrz_state"],
        p.birth_date,
        p.sex,
        expiry,
        optional1=opt1,
        doc_type=cfg["code"],
        german=(nat == "DEU"),
    )
    assert mrzgen.verify(mrz)
    fam = rng.choice(
        ["dejavu-sans", "liberation-sans", "dejavu-sans-condensed", "liberation-sans-narrow"]
    )
    lang = cfg["lang"]
    L = LABELS[lang]
    E = LABELS["en"]

    def lab(k: str) -> str:
        return L[k] if L[k] == E[k] else f"{L[k]} / {E[k]}"

    ds = rng.choice(["dot", "num", "icao"])
    f = _card_base(rng)
    f.text(
        3, 5, cfg["state"], fam, fit_size(cfg["state"], fam, 7.2, 80, "bold"), "bold", (30, 30, 90)
    )
    f.text(3, 8.6, cfg["title"], fam, fit_size(cfg["title"], fam, 6, 80), "regular", (30, 30, 90))
    photo_left = rng.random() < 0.7
    px = 3 if photo_left else CARD_W - 27
    photo_box(f, faces.portrait(rng, out_h=360, gray=rng.random() < 0.7), px, 11, 24, 31)
    x = 29 if photo_left else 3
    _card_fields(
        f,
        rng,
        [
            [(lab("surname"), p.surname.upper(), 54)],
            [(lab("given"), p.given_names.upper(), 54)],
            [(lab("dob"), fmt_date(p.birth_date, ds), 28), (lab("sex"), p.sex, 26)],
            [(lab("nat"), cfg["nat"], 28), (lab("doe"), fmt_date(expiry, ds), 26)],
            [
                (
                    CARD_NO_LABEL.get(lang, "Document No"),
                    number,
                    54,
                )
            ],
        ],
        x,
        14,
        fam,
        step=6.6,
    )
    b = _card_base(rng)
    b.text(3, 6, lab("pob"), fam, 5.6, "regular", (60, 60, 90))
    b.text(3, 9.6, p.birth_place.upper(), fam, 8, "bold")
    b.text(3, 14.5, lab("doi"), fam, 5.6, "regular", (60, 60, 90))
    b.text(3, 18, fmt_date(issue, ds), fam, 8, "bold")
    b.text(45, 14.5, lab("auth"), fam, 5.6, "regular", (60, 60, 90))
    town = p.address.city if nat == "FRA" else p.birth_place.split(",")[0]
    auth = cfg["auth"].format(town=town)
    b.text(45, 18, auth, fam, fit_size(auth, fam, 7.5, CARD_W - 48, "bold"), "bold")
    mrz_band(b, mrz, 4, CARD_H - 3.5, CARD_W - 8)
    fields = {
        **p.truth(),
        "nationality": nat,
        "birth_place": p.birth_place,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": expiry.isoformat(),
        "mrz_format": "TD1",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": nat,
        "eea": nat in EEA_CARDS,
        "sides": ["front", "back"],
    }
    if cfg["mrz_state"] != nat:
        fields["mrz_state_code"] = cfg["mrz_state"]
    return Doc(
        "national_id", f"national_id/{variant}-{nat.lower()}", [f, b], fields, "card", lang=lang
    )


def _cni_old(ctx: Ctx) -> Doc:
    """The laminated French CNI (1988-2021): 2x36 MRZ, no expiry in the MRZ (R-MRZ-7).
    Issued 2012-2013 to an adult: valid 15 years (R-ID-4)."""
    rng = ctx.rng
    p = _person_for(ctx, "FRA")
    if ctx.as_of.year - p.birth_date.year < 32:
        p = make_person(rng, "FRA", ctx.as_of, min_age=33, max_age=60)
    issue = date(rng.choice([2012, 2013]), rng.randint(1, 12), rng.randint(1, 28))
    printed_expiry = add_months(issue, 120) - timedelta(days=1)
    effective = add_months(issue, 180) - timedelta(days=1)
    dept = rng.choice(["690", "380", "590", "440", "310", "750"])
    number = issue.strftime("%y%m") + dept[:2] + rng.choice("0123456789") + digits(rng, 5)
    admin = dept + digits(rng, 3)
    mrz = mrzgen.fr_cni_old(p.surname, p.given_names, number, admin, p.birth_date, p.sex)
    assert mrzgen.verify(mrz)
    W, H = 105.0, 74.0
    fam = rng.choice(["liberation-sans", "dejavu-sans"])
    f = Page(W, H, bg=(234, 228, 238))
    guilloche(f, rng, (205, 195, 220), n=16)
    f.text(4, 5.5, "RÉPUBLIQUE FRANÇAISE", fam, 7, "bold", (60, 40, 110))
    f.text(4, 10, f"CARTE NATIONALE D'IDENTITÉ N° : {number}", fam, 8, "bold", (60, 40, 110))
    photo_box(f, faces.portrait(rng, out_h=360, gray=True), 4, 13, 27, 34)
    y = 16.5
    for lab_txt, v in [
        ("Nom :", p.surname.upper()),
        ("Prénom(s) :", p.given_names),
        ("Sexe :", p.sex),
        ("Né(e) le :", fmt_date(p.birth_date, "dot")),
        ("à :", p.birth_place.upper()),
        ("Taille :", f"1,{rng.randint(55, 90)}m"),
    ]:
        f.text(35, y, lab_txt, fam, 7, "regular", (60, 60, 80))
        f.text(52, y, v, fam, 9, "bold")
        y += 5.4
    f.text(35, y + 1, "Signature du titulaire :", fam, 6.5, "regular", (60, 60, 80))
    put_signature(f, rng, 62, y - 3, 30, 9)
    mrz_band(f, mrz, 4, H - 4, W - 8)
    b = Page(W, H, bg=(238, 232, 240))
    guilloche(b, rng, (210, 200, 222), n=14)
    b.text(5, 12, "Adresse :", fam, 7, "regular", (60, 60, 80))
    b.text(5, 17, p.address.line1, fam, 9, "bold")
    b.text(5, 22, p.address.line2, fam, 9, "bold")
    b.text(5, 32, "Carte valable jusqu'au :", fam, 7, "regular", (60, 60, 80))
    b.text(45, 32, fmt_date(printed_expiry, "dot"), fam, 9, "bold")
    b.text(5, 38, "délivrée le :", fam, 7, "regular", (60, 60, 80))
    b.text(45, 38, fmt_date(issue, "dot"), fam, 9, "bold")
    b.text(5, 44, "par :", fam, 7, "regular", (60, 60, 80))
    b.text(45, 44, f"PRÉFECTURE DU {dept[:2]}", fam, 9, "bold")
    put_signature(b, rng, 55, 50, 30, 10)
    fields = {
        **p.truth(),
        "nationality": "FRA",
        "birth_place": p.birth_place,
        "document_number": number,
        "issue_date": issue.isoformat(),
        "expiry_date": printed_expiry.isoformat(),
        "effective_expiry_date": effective.isoformat(),
        "mrz_format": "FR_CNI_OLD",
        "mrz": mrz,
        "mrz_valid": True,
        "issuing_state": "FRA",
        "sides": ["front", "back"],
    }
    pages = [f, b]
    if ctx.opts.get("front_only", rng.random() < 0.4):  # the MRZ is on the front here
        pages = [f]
        fields["sides"] = ["front"]
        # printed on the back only: no reader can find them on this file (the MRZ
        # gives the issue month, R-MRZ-7), so they are truth about the card, kept apart
        fields["not_shown"] = {
            k: fields.pop(k) for k in ("issue_date", "expiry_date", "effective_expiry_date")
        }
    return Doc("national_id", "national_id/fr-cni-old", pages, fields, "card")


NATIONAL_ID_LAYOUTS = ["fr-cni-2021", "eea-td1", "fr-cni-old", "non-eea-td1"]
PASSPORT_LAYOUTS = ["classic", "numbered", "ghost", "photo-right"]
PASSPORT_NATIONS = [n for n in PASSPORT if n in NATIONS]
