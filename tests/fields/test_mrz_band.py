"""Finding the MRZ band among OCR words and re-reading it (R-MRZ-1, R-MRZ-2).

No Tesseract here: the re-read is replaced by canned readings, so what is
tested is which lines make the band, which readings are handed on (every
useful one, the page's own first: the consumer combines them field by field)
and which pages are never re-read.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PIL import Image

from dossier_check.fields import mrz_band
from dossier_check.fields.mrz import READINGS_SEPARATOR, compose_td3
from dossier_check.model import Word

VALID = compose_td3(
    issuing_state="UTO", surname="ERIKSSON", given_names="ANNA MARIA",
    document_number="L898902C3", nationality="UTO", birth_date=date(1974, 8, 12), sex="F",
    expiry_date=date(2032, 4, 15),
)  # fmt: skip


def words(*lines: str) -> list[Word]:
    return [Word(text, 95.0, 10, 40 * i, 20 * len(text), 30, i) for i, text in enumerate(lines)]


def texts(band: list[Word]) -> list[str]:
    return [w.text for w in band]


def test_line_with_fillers_makes_the_band() -> None:
    assert texts(mrz_band.band_words(words("Nom / Surname", VALID[0]))) == [VALID[0]]


def test_blurred_line_without_fillers_joins_an_mrz_like_neighbour() -> None:
    """Fillers read as letters: no '<' on either line, both mostly MRZ characters."""
    top = "PKUTOERIKSSONKKANNAKMARIAKKKKKKKKK"
    bottom = "L898902C36UTO7408122F1204159ZE184226B"
    band = mrz_band.band_words(words("PASSEPORT", top, bottom))
    assert texts(band) == [top, bottom]


def test_lone_capitals_line_is_not_a_band() -> None:
    """An IBAN line alone on a RIB: long and all capitals and digits, no neighbour."""
    band = mrz_band.band_words(words("Titulaire", "IBANFR7630006000011234567890189", "BIC"))
    assert band == []


def test_failing_read_is_retried_and_the_valid_one_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    bad = VALID[0] + "\n" + VALID[1][:-1] + "7"  # composite misread
    reads = iter([bad, "\n".join(VALID)])  # the plain re-read repeats the page's: kept once
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image) -> str:
        calls.append(crop)
        return next(reads)

    monkeypatch.setattr(mrz_band, "_read", fake_read)
    gray = Image.new("L", (2000, 200), 255)
    got = mrz_band.read_mrz_band(gray, words(*bad.splitlines())).split(READINGS_SEPARATOR)
    assert got == [bad, "\n".join(VALID)]  # the page's lines, the thickened re-read
    assert len(calls) == 2


def test_valid_page_read_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mrz_band, "_read", lambda crop: pytest.fail("band read again"))
    gray = Image.new("L", (2000, 200), 255)
    assert mrz_band.read_mrz_band(gray, words("PASSPORT", *VALID)) == "\n".join(VALID)


def test_valid_first_read_is_not_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image) -> str:
        calls.append(crop)
        return "\n".join(VALID)

    monkeypatch.setattr(mrz_band, "_read", fake_read)
    gray = Image.new("L", (2000, 200), 255)
    page_read = [VALID[0], VALID[1][:-1] + "7"]  # composite misread on the page
    got = mrz_band.read_mrz_band(gray, words(*page_read))
    assert got == "\n".join(page_read) + READINGS_SEPARATOR + "\n".join(VALID)
    assert len(calls) == 1


def test_no_band_no_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mrz_band, "_read", lambda crop: pytest.fail("read without a band"))
    assert mrz_band.read_mrz_band(Image.new("L", (100, 100), 255), words("Facture")) == ""


def test_lines_of_ordinary_text_are_not_a_band() -> None:
    """A lease or a letter is not re-read three times for an MRZ (issue 6): lower-case
    lines and all-capitals headings without digits never make a band."""
    lines = (
        "Le logement est loue a usage exclusif d habitation principale du locataire",
        "LOGEMENT MEUBLE A USAGE DE RESIDENCE PRINCIPALE SOUMIS AU TITRE",
        "CONDITIONS FINANCIERES DU CONTRAT DE LOCATION ET CHARGES",
    )
    prose = [  # one Word per word, as Tesseract gives them
        Word(token, 95.0, 10 + 60 * j, 40 * i, 50, 30, i)
        for i, line in enumerate(lines)
        for j, token in enumerate(line.split())
    ]
    assert mrz_band.band_words(prose) == []


def test_readings_failing_different_fields_are_all_handed_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """R-MRZ-2, issue 4: the page read the number right and the dates wrong, the re-read
    the other way round; both readings reach the consumer, the page's first."""
    line2 = VALID[1]
    page_read = [VALID[0], line2[:13] + "7408132" + line2[20:]]  # birth date misread
    reread = [VALID[0], line2[:9] + "7" + line2[10:]]  # number's check digit misread
    thick = [VALID[0], line2[:21] + "3204169" + line2[28:]]  # expiry misread
    reads = iter(["\n".join(reread), "", "\n".join(thick)])
    monkeypatch.setattr(mrz_band, "_read", lambda crop: next(reads))
    gray = Image.new("L", (2000, 200), 255)
    got = mrz_band.read_mrz_band(gray, words(*page_read)).split(READINGS_SEPARATOR)
    assert got == ["\n".join(page_read), "\n".join(reread), "\n".join(thick)]


def test_garbage_readings_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    page_read = [VALID[0], VALID[1][:-1] + "7"]
    reads = iter(["", "KKKK\n1", "\n".join(["ABCDEFGHIJKLMNOPQRSTUVWXYZ"] * 3)])
    monkeypatch.setattr(mrz_band, "_read", lambda crop: next(reads))
    gray = Image.new("L", (2000, 200), 255)
    assert mrz_band.read_mrz_band(gray, words(*page_read)) == "\n".join(page_read)


def test_tall_noise_on_the_band_line_does_not_grow_the_crop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A '|' read with a box the page's height on the band's line (a scan turned
    180°) once made the crop cover the page and the re-read garbage (R-MRZ-1)."""
    page_read = [VALID[0], VALID[1][:-1] + "7"]
    band = words(*page_read)
    noise = Word("1<", 40.0, 1900, 0, 20, 1500, 1)  # on line 1, 1500 px tall
    crops: list[Image.Image] = []
    monkeypatch.setattr(mrz_band, "_read", lambda crop: crops.append(crop) or "")
    mrz_band.read_mrz_band(Image.new("L", (2000, 1600), 255), [*band, noise])
    assert [w.text for w in mrz_band.band_lines([*band, noise])] == page_read
    assert crops and crops[0].height < 400  # two lines of 30 px, margins, upscaled


def test_band_keeps_to_one_run_of_lines() -> None:
    """An MRZ-like line far above the band (a number printed on the page) is not in it."""
    lines = [Word("IDFRA<<X<<<<<<<<<<<<<<<<<<<<<", 90.0, 10, 0, 600, 30, 0)]
    lines += [Word(t, 90.0, 10, 1000 + 40 * i, 600, 30, 1 + i) for i, t in enumerate(VALID)]
    assert [w.text for w in mrz_band.band_lines(lines)] == list(VALID)


IDENTITY_PAGE = "REPUBLIQUE FRANCAISE TITRE DE SEJOUR RESIDENCE PERMIT Nom / Surname MARTIN"
BILL_PAGE = "EDF Facture du 12/10/2026 Montant a payer 84,20 EUR TTC payé par carte VISA"


def page_words(text: str) -> list[Word]:
    return [Word(t, 90.0, 60 * j, 40, 50, 30, 0) for j, t in enumerate(text.split())]


def test_bills_and_letters_are_never_searched_for_a_band(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mrz_band, "locate_band", lambda gray: pytest.fail("band searched"))
    letter = "Madame, suite a votre demande de titre de sejour, merci de fournir votre passeport"
    for text in (BILL_PAGE, letter):
        assert not mrz_band.may_carry_mrz(page_words(text))
        assert mrz_band.read_mrz_band(Image.new("L", (100, 100), 255), page_words(text)) == ""


def test_identity_page_without_band_words_is_searched_in_its_pixels(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A phone photo whose OCR missed the MRZ lines (issue 4): the page carries
    identity labels in two languages, so the band is looked for in the pixels."""
    located: list[Image.Image] = []
    monkeypatch.setattr(mrz_band, "locate_band", lambda gray: located.append(gray))
    assert mrz_band.may_carry_mrz(page_words(IDENTITY_PAGE))
    assert mrz_band.read_mrz_band(Image.new("L", (100, 100), 255), page_words(IDENTITY_PAGE)) == ""
    assert len(located) == 1


def test_band_read_short_is_widened_to_a_whole_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A slanted phone photo whose page read stopped 18 characters before the line
    ends (seed 8930): the crop must hold all 44 characters (R-MRZ-1), at the
    pitch the read characters show (20 px here), or no re-read can complete it."""
    page_read = [VALID[0][:26], VALID[1][:26]]
    crops: list[Image.Image] = []
    monkeypatch.setattr(mrz_band, "_read", lambda crop: crops.append(crop) or "")
    monkeypatch.setattr(mrz_band, "_upscaled", lambda crop, line_h: crop)
    mrz_band.read_mrz_band(Image.new("L", (3000, 400), 255), words(*page_read))
    assert crops and crops[0].width >= 44 * 20


def test_whole_band_is_not_widened(monkeypatch: pytest.MonkeyPatch) -> None:
    crops: list[Image.Image] = []
    monkeypatch.setattr(mrz_band, "_read", lambda crop: crops.append(crop) or "")
    monkeypatch.setattr(mrz_band, "_upscaled", lambda crop, line_h: crop)
    page_read = [VALID[0], VALID[1][:-1] + "7"]  # a failing check digit: re-read
    mrz_band.read_mrz_band(Image.new("L", (3000, 400), 255), words(*page_read))
    assert crops and crops[0].width <= 44 * 20 + 4 * 30  # the line and two margins


def test_slanted_band_is_levelled_before_the_re_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A band slanted 6 degrees, more than the page deskew's 4 (a phone photo's
    perspective), broke each line in two and the re-read lost the line ends."""
    from PIL import ImageDraw, ImageFont

    from dossier_check.skew import estimate_skew

    page = Image.new("L", (1600, 600), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=28)
    for i, line in enumerate(VALID):
        draw.text((100, 250 + 45 * i), line, fill=0, font=font)
    slanted = page.rotate(6, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page_read = [VALID[0], VALID[1][:-1] + "7"]  # a failing check digit: re-read
    band = [Word(line, 90.0, 90, 200 + 45 * i, 1300, 34, i) for i, line in enumerate(page_read)]
    crops: list[Image.Image] = []
    monkeypatch.setattr(mrz_band, "_read", lambda crop: crops.append(crop) or "")
    mrz_band.read_mrz_band(slanted, band)
    assert crops
    assert abs(estimate_skew(page.crop((0, 150, 1600, 450)))) < 0.6  # the drawing is level
    assert abs(estimate_skew(crops[0], max_angle=10)) < 1.0


def test_a_page_read_badly_throughout_may_carry_a_band() -> None:
    """A visa or passport page photographed on an A4 sheet from afar reads as
    low-confidence noise (mean 39 on dev seed 8930): its words cannot tell, so the
    pixels are searched (R-MRZ-1). The same words read clearly do not qualify."""
    noise = "MLSTS VISTEUR rélcsheseese VoF FRAC nt v9S SAS RAT CHENE REMARQUES RENAN"
    badly = [dataclasses.replace(w, conf=39.0) for w in page_words(noise)]
    assert mrz_band.may_carry_mrz(badly)
    assert not mrz_band.may_carry_mrz(page_words(noise))


def test_a_capitals_heading_beside_the_band_does_not_make_the_mrz_look_tall() -> None:
    """A visa sticker (dev seed 8931): a heading of short capitals words in small type
    was taken in with the band; by the median word the MRZ's words were 'tall noise'
    and left out. By the median character, the MRZ's long words weigh most."""
    heading = ["DU", "/FROM", "AU", "/", "UNTIL", "TYPE", "DE", "VISA/", "TYPE", "OF", "VISA"]
    words = [Word(t, 90.0, 10 + 60 * j, 100, 50, 14, 0) for j, t in enumerate(heading)]
    words += [Word(t, 90.0, 10 + 130 * j, 130, 120, 14, 1) for j, t in enumerate(
        ["08/07/2026", "0710712027", "D"])]  # fmt: skip
    mrz = ["VDFRABOUDIAF<<SOFIANE<<<<<<<<<<<<<<<", "1558065875DZA9411243M2707071L9714421"]
    words += [Word(t, 90.0, 10, 400 + 40 * i, 900, 30, 2 + i) for i, t in enumerate(mrz)]
    assert [w.text for w in mrz_band.band_lines(words)] == mrz


def test_slant_is_measured_on_the_words_not_on_a_dark_mass_beside_them() -> None:
    """A phone photo's card on a dark table (dev seed 8931): a crop widened over the
    table's edge has a skew profile the table's mass outweighs; the band's own
    words' box gives the text's slant."""
    import numpy as np
    from PIL import ImageDraw, ImageFont

    from dossier_check.skew import estimate_skew

    text = Image.new("L", (1400, 200), 255)
    font = ImageFont.load_default(size=28)
    for i, line in enumerate(VALID):
        ImageDraw.Draw(text).text((20, 40 + 45 * i), line, fill=0, font=font)
    text = text.rotate(5, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)
    page = Image.new("L", (2600, 700), 255)
    ImageDraw.Draw(page).rectangle((0, 0, 600, 700), fill=30)  # the table beside the card
    page.paste(text, (900, 200))
    ys, xs = np.nonzero(np.asarray(page)[:, 700:] < 128)
    left, right, top, bottom = 700 + xs.min(), 700 + xs.max(), ys.min(), ys.max()
    mid = (top + bottom) // 2
    band = [
        Word(VALID[0], 90.0, int(left), int(top), int(right - left), int(mid - top), 0),
        Word(VALID[1], 90.0, int(left), int(mid), int(right - left), int(bottom - mid), 1),
    ]
    assert abs(mrz_band._slant(page, band) + 5) <= 1.0  # turned back by 5 degrees
    assert abs(estimate_skew(page, max_angle=10) + 5) > 1.0


def test_an_old_cni_read_on_its_side_is_searched_in_its_pixels() -> None:
    """An old French CNI scanned a quarter turned (dev seed 8931): Tesseract read its
    French labels on end but not its MRZ. Four identity terms in one language make
    it an identity page; a letter naming two of them does not."""
    card = "CARTE NATIONALE D'IDENTITÉ N° : 130969697870 Nom : BONNET Prénom(s) : Nicolas"
    card += " Sexe : M Né(e) le : 22.02.1979 à : NANTES Taille : 1,60m"
    assert mrz_band.may_carry_mrz(page_words(card))
    letter = "Madame, votre titre de séjour et votre passeport sont à retirer en préfecture"
    assert not mrz_band.may_carry_mrz(page_words(letter))
