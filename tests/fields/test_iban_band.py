"""Re-reading IBAN lines and choosing a reading (R-RIB-1, R-RIB-2).

Canned readings stand for Tesseract, except in the one test marked ``tesseract``:
what is tested is which lines are re-read, which reading is kept, and that no
IBAN is ever made up. FR76 3000 6000 0112 3456 7890 189 is DOMAIN §6's example
(clé 89); the others are built here with stdnum's check digits.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont
from stdnum import iban as std_iban

from dossier_check.fields import iban_band
from dossier_check.fields.iban import find_ibans_repaired
from dossier_check.model import Word

FR = "FR7630006000011234567890189"
FR_MISREAD = "FR76 3000 6000 0112 3456 7890 169"  # 8 read as 6: fails mod-97
#: A French account with a letter (clé 45), as printed on a RIB.
LETTER_BBAN = "38441669798L62778959645"
LETTER = "FR" + std_iban.calc_check_digits("FR00" + LETTER_BBAN) + LETTER_BBAN
#: Mod-97 right, clé RIB wrong (88 where 89 is due): a real RIB may carry one (R-RIB-2).
BAD_KEY_BBAN = "30006000011234567890188"
BAD_KEY = "FR" + std_iban.calc_check_digits("FR00" + BAD_KEY_BBAN) + BAD_KEY_BBAN
DE = "DE89370400440532013000"


def grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def words(*lines: str, height: int = 30) -> list[Word]:
    """One Word per token, a line every 60 px."""
    out = []
    for i, line in enumerate(lines):
        x = 20
        for token in line.split():
            out.append(Word(token, 90.0, x, 60 * i + 20, 18 * len(token), height, i))
            x += 18 * len(token) + 15
    return out


def test_reread_that_passes_mod97_and_the_cle_is_kept() -> None:
    assert iban_band.choose_iban([FR_MISREAD, grouped(FR), grouped(FR)]) == FR


def test_one_passing_reading_is_kept_when_other_readings_saw_each_character() -> None:
    """Each reading misreads a different digit; the one that reads all right passes."""
    other_misread = "FR76 3000 6000 0112 3456 7899 189"
    assert iban_band.choose_iban([FR_MISREAD, grouped(FR), other_misread]) == FR


def _two_digit_misread_that_passes(iban: str) -> str:
    """``iban`` with two digits changed so that it still passes mod-97."""
    for i in range(4, len(iban)):
        for j in range(i + 1, len(iban)):
            for a in "0123456789":
                for b in "0123456789":
                    wrong = iban[:i] + a + iban[i + 1 : j] + b + iban[j + 1 :]
                    if a != iban[i] and b != iban[j] and std_iban.is_valid(wrong):
                        return wrong
    raise AssertionError("none found")


def test_one_passing_reading_that_no_other_reading_confirms_is_refused() -> None:
    """R-RIB-1 alone (a German IBAN): two misread digits pass mod-97 once in 97; a
    reading whose characters no other reading saw in their place is not trusted."""
    wrong = _two_digit_misread_that_passes(DE)
    first_misread = DE[:-1] + "1"  # the page read the last digit wrong: fails
    assert iban_band.choose_iban([grouped(wrong)], grouped(first_misread)) is None


def test_readings_that_misread_or_doubled_a_digit_are_lined_up() -> None:
    """The misread of the brief (seed 8801, a 170 dpi phone photo): 9401 read 9461.
    Other readings misread another 0 or double one; lined up, the one combination of
    what two readings saw at each place that passes mod-97 is the IBAN (R-RIB-1)."""
    truth = "DE11461694016389478031"
    page = "IBAN\nDE11 4616 9461 6389 4780 31"
    readings = [
        "DE11 4616 9461 6389 4780 31",
        "DE11 4616 9401 6389 4786 31",
        "IBAN DE11 4616 94001 6389 4780 31",  # a doubled 0, label glued
    ]
    assert all(not std_iban.is_valid(r.replace(" ", "")) for r in readings)
    assert iban_band.choose_iban(readings, page) == truth


def test_an_iban_printed_twice_is_combined_from_the_page_before_the_rereads() -> None:
    """Seed 8341 (a 190 dpi phone photo): the page prints the IBAN twice and reads each
    copy with one misread; the re-reads misread other 0s as 6s. The page's two copies
    alone leave one combination that passes (R-RIB-1)."""
    truth = "FR7628583133738009920550767"
    page = "IBAN FR76 2858 3133 7380 9992 0550 767\nIBAN FR76 2858 3133 7386 0992 0550 767"
    readings = ["IBAN FR7628583133738669926550767", "IBAN FR7628583133738609926550767"]
    assert iban_band.choose_iban(readings, page) == truth


def test_too_many_disputed_places_give_nothing() -> None:
    """More than MAX_MOD97_COMBINATIONS combinations: no IBAN rather than a guess."""
    readings = [
        "DE11 4616 9461 6389 4780 31",
        "DE11 4616 9461 6389 4780 31",
        "DE11 4618 9401 6889 4786 37",
        "DE11 4618 9401 6889 4786 37",
    ]
    assert iban_band.choose_iban(readings) is None


def test_line_read_on_end_is_turned_level() -> None:
    """A page photographed a quarter turned and read as it lies: the words are taller
    than wide and follow each other down the page."""
    down = [Word(t, 90.0, 1330, 160 + 110 * i, 28, 85, 0) for i, t in enumerate(FR_MISREAD.split())]
    assert iban_band._upright_turn(down) == 90
    assert iban_band._upright_turn(list(reversed(down))) == -90
    assert iban_band._upright_turn(words(FR_MISREAD)) == 0


def test_slanted_line_is_levelled_and_a_level_one_left_alone() -> None:
    """A phone photo's line drifts across the page (word centres 33 px off over 430 px,
    4.4 degrees): the crop is turned level; Tesseract dropped its country code before."""
    down = [Word(t, 90.0, 1739 - 7 * i, 447 + 86 * i, 27, 66, 0) for i, t in enumerate("abcdef")]
    assert iban_band._slant(down, 90) == pytest.approx(4.6, abs=0.2)
    assert iban_band._slant(words(FR_MISREAD), 0) == 0.0


def test_bill_lines_with_dates_or_capital_are_not_taken_for_iban_lines() -> None:
    """Bills cost no re-read: a period or a share capital is not an IBAN-shaped run."""
    page = words(
        "Période facturée du 01/10/2026 au 31/10/2026",
        "SAS au capital de 6 700 000 € — RCS Lille 773 354 754",
        "Facture n° FA202611377351",
    )
    assert iban_band.iban_lines(page) == []


def test_readings_that_all_fail_mod97_give_nothing() -> None:
    """R-RIB-1: no IBAN is made up from readings that never pass."""
    assert iban_band.choose_iban([FR_MISREAD, "FR76 3000 6000 0112 3456 7890 139"]) is None


def test_foreign_iban_needs_mod97_only() -> None:
    readings = ["DE89 3704 0044 0532 0130 06", grouped(DE), "DE89 3704 0044 0532 0180 00"]
    assert iban_band.choose_iban(readings) == DE


def test_french_iban_with_a_wrong_cle_needs_two_agreeing_readings() -> None:
    """R-RIB-2 makes a misread far less likely to pass; without it, two readings must agree."""
    assert std_iban.is_valid(BAD_KEY)
    assert iban_band.choose_iban([grouped(BAD_KEY)]) is None
    assert iban_band.choose_iban([grouped(BAD_KEY), FR_MISREAD, grouped(BAD_KEY)]) == BAD_KEY


def test_french_iban_with_a_wrong_cle_read_once_is_kept_when_corroborated() -> None:
    """R-RIB-2 adds no check to an all-digit account (see _strong), so a wrong-clé IBAN
    read once takes the test of one passing reading (R-RIB-1): each of its characters
    read in its place by another reading. Seed 8903's 150 dpi fr-badkey RIB: most
    reads took a 0 for a 6, two reads at another size got it right."""
    one_off = BAD_KEY[:10] + "6" + BAD_KEY[11:]
    other_off = BAD_KEY[:20] + "6" + BAD_KEY[21:]
    assert not std_iban.is_valid(one_off) and not std_iban.is_valid(other_off)
    readings = [grouped(BAD_KEY), grouped(one_off), grouped(other_off)]
    assert iban_band.choose_iban(readings) == BAD_KEY
    assert iban_band.choose_iban([grouped(BAD_KEY), grouped(one_off)]) is None


def test_one_stray_passing_reading_does_not_hide_two_agreeing_on_a_wrong_cle() -> None:
    """R-RIB-1, R-RIB-2: a passing reading no other confirms is not trusted, and no
    longer stops two readings that agree on an IBAN whose clé fails."""
    assert iban_band.choose_iban([grouped(BAD_KEY), grouped(FR), grouped(BAD_KEY)]) == BAD_KEY


def test_reference_is_from_the_country_most_readings_give() -> None:
    """Seed 8917 (a phone photo): two reads took IT75 D095... for an Austrian AT75 0095
    (20 characters); four Italian readings, each with its own misread, outvote them and,
    lined up, give the IBAN (R-RIB-1)."""
    truth = "IT79T0451572514961876138909"

    def off(i: int, c: str) -> str:
        return "IBAN " + grouped(truth[:i] + c + truth[i + 1 :])

    austrian = "IBAN AT75 0095 1430 8731 4777"
    readings = [off(8, "6"), off(14, "8"), off(22, "6"), off(25, "8"), austrian, austrian]
    assert iban_band.choose_iban(readings) == truth


def test_two_ibans_read_as_often_are_not_trusted() -> None:
    other = "FR1420041010050500013M02606"
    assert std_iban.is_valid(other)
    assert iban_band.choose_iban([grouped(FR), grouped(other)]) is None


def test_rib_table_supplies_a_letter_the_iban_reading_got_as_a_digit() -> None:
    """The RIB table is a second reading of the same characters: the one combination
    of what both read that passes mod-97 and the clé is kept (R-RIB-1, R-RIB-2)."""
    misread = grouped(LETTER.replace("L", "1"))  # L read as 1 in the account
    page = f"Banque Guichet N° compte Clé\n38441 | 66979 | 8L627789596 | 45\nIBAN\n{misread}"
    assert iban_band.choose_iban([misread], page) == LETTER
    assert iban_band.choose_iban([misread]) is None  # no table: nothing to combine with


def test_table_values_are_found_between_their_headings() -> None:
    line = "Banque 30006 Guichet 00001 Compte 12345678901 Clé 89"
    assert iban_band.table_bbans(line) == ["30006000011234567890189"]


def test_country_code_read_half_in_small_letters_still_marks_an_iban_line() -> None:
    """Seed 8911 (a phone photo): "Es75 1348 1518 8521 76"; a bill's "No2026113..."
    or "de 6 700 000" is still no IBAN line (R-RIB-1)."""
    assert iban_band._iban_shaped("Es75 1348 1518 8521 76")
    assert not iban_band._iban_shaped("Facture No20261130 4512 7788")
    assert not iban_band._iban_shaped("SAS au capital de 6 700 000 € — RCS Lille 773 354 754")


def test_iban_line_split_in_two_by_the_ocr_is_joined() -> None:
    """Seed 8911 (a slanted phone photo): the OCR made two lines of one, the second
    part starting just after the first ends, a little higher; the label's line
    below is that second part. One crop holds the whole IBAN (R-RIB-1)."""
    first = ["Es75", "1348", "1518", "8521", "76"]
    page = [Word("IBAN", 90.0, 392, 770, 60, 30, 4)]
    page += [Word(t, 90.0, 392 + 93 * i, 844 - 7 * i, 80, 30, 5) for i, t in enumerate(first)]
    page += [Word("e2", 90.0, 868, 812, 40, 30, 6), Word("4889", 90.0, 922, 806, 80, 30, 6)]
    chosen = iban_band.iban_lines(page)
    assert [iban_band._plain(line) for line in chosen] == ["Es75 1348 1518 8521 76 e2 4889"]


def test_iban_line_and_the_value_under_a_bare_label_are_chosen() -> None:
    page = words(
        "Titulaire M. MARTIN",
        "IBAN",
        FR_MISREAD,
        "Son utilisation garantit OPERATIONS UTILISATION",
        "IBAN (International Bank Account Number)",
    )
    chosen = iban_band.iban_lines(page)
    assert [" ".join(w.text for w in line) for line in chosen] == [FR_MISREAD]


def test_label_starting_the_line_is_left_out_of_the_crop() -> None:
    """psm 13 read "IBAN IT79 T045..." as "IBANCOT79TO45...": no IBAN search finds a
    country there. The label goes when an IBAN's digits follow it (R-RIB-1)."""
    line = words("IBAN : " + FR_MISREAD)
    assert iban_band._plain(iban_band._value_words(line)) == ": " + FR_MISREAD
    tail = words("FR76 3000 IBAN")
    assert iban_band._value_words(tail) == tail
    short = words("IBAN FR76")
    assert iban_band._value_words(short) == short


def test_crop_leaves_room_for_a_last_group_the_first_read_missed() -> None:
    """Seed 8917 (a phone photo, a quarter turned): the first read had no word for the
    IBAN's last group "949", 24 characters for an Italian IBAN's 27; the crop of a line
    too short for its country runs TAIL text heights past the last word (R-RIB-1)."""
    cut = words("IBAN IT75 D095 1430 8731 4777 9325")[1:]
    assert iban_band._short(cut)
    assert not iban_band._short(words(FR_MISREAD))
    assert not iban_band._short(words("IBAN"))
    gray = Image.new("L", (2000, 1500), 255)
    right = max(w.left + w.width for w in cut)
    crop = iban_band._crop(gray, cut, 30, iban_band.TAIL)
    assert crop.width >= right - cut[0].left + iban_band.TAIL * 30
    assert iban_band._crop(gray, cut, 30).width < right - cut[0].left + iban_band.TAIL * 30
    down = [Word(t, 90.0, 1330, 160 + 110 * i, 28, 85, 0) for i, t in enumerate("abcdef")]
    up = [Word(t, 90.0, 1330, 950 - 110 * i, 28, 85, 0) for i, t in enumerate("abcdef")]
    for line in (down, up):
        turned = iban_band._crop(gray, line, 28, iban_band.TAIL)
        assert turned.width >= 5 * 110 + 85 + iban_band.TAIL * 28


def test_noise_word_with_a_huge_box_is_left_out_of_the_crop() -> None:
    page = words("IBAN " + FR_MISREAD)
    speck = Word("FR", 10.0, 300, 0, 20, 900, 0)  # a speck read as a word, page-high
    chosen = iban_band.iban_lines([*page, speck])
    assert len(chosen) == 1 and speck not in chosen[0]


def test_page_with_a_valid_iban_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(iban_band, "_read", lambda crop, psm=7: pytest.fail("re-read"))
    gray = Image.new("L", (1200, 400), 255)
    assert iban_band.read_iban_band(gray, words("IBAN " + grouped(FR))) == ""


def test_page_without_an_iban_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bills and letters are common: they cost no Tesseract run."""
    monkeypatch.setattr(iban_band, "_read", lambda crop, psm=7: pytest.fail("re-read"))
    gray = Image.new("L", (1200, 400), 255)
    page = words("FACTURE 2026 0042", "Montant TTC 42,10 EUR", "Référence client 12345678")
    assert iban_band.read_iban_band(gray, page) == ""


def test_variants_are_read_until_one_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads alternate psm 7 and psm 13 (their errors differ) and stop once two agree."""
    reads = iter([FR_MISREAD, "IBAN" + FR, "IBAN " + grouped(FR), "unused"])
    calls: list[tuple[Image.Image, int]] = []

    def fake_read(crop: Image.Image, psm: int = 7) -> str:
        calls.append((crop, psm))
        return next(reads)

    monkeypatch.setattr(iban_band, "_read", fake_read)
    gray = Image.new("L", (1200, 400), 255)
    assert iban_band.read_iban_band(gray, words("IBAN " + FR_MISREAD)) == grouped(FR)
    assert [psm for _, psm in calls] == [7, 13, 7]
    assert calls[0][0].height >= 40  # 30 px text upscaled to about 40 px


def test_line_is_read_at_a_second_text_height_once_the_first_reads_settle_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Seed 8903's 150 dpi RIB: every read at 40 px took a 0 for a 6, reads at 30 px
    got it right. The smaller reads come last, only when the others settle nothing
    (R-RIB-1)."""
    first = [FR_MISREAD] * 8
    reads = iter([*first, "IBAN " + grouped(FR), grouped(FR), "unused"])
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image, psm: int = 7) -> str:
        calls.append(crop)
        return next(reads)

    monkeypatch.setattr(iban_band, "_read", fake_read)
    gray = Image.new("L", (1200, 400), 255)
    assert iban_band.read_iban_band(gray, words("IBAN " + FR_MISREAD)) == grouped(FR)
    assert len(calls) == 10
    assert calls[8].height < calls[7].height  # 30 px text, not 40


def test_reread_iban_is_taken_only_when_the_text_has_no_valid_one() -> None:
    """Signals pass the pages' re-reads: they never override a valid IBAN as first read."""
    assert [m.iban for m in find_ibans_repaired(FR_MISREAD, grouped(FR)) if m.valid] == [FR]
    text = f"IBAN {grouped(DE)}"
    assert [m.iban for m in find_ibans_repaired(text, grouped(FR)) if m.valid] == [DE]


@pytest.mark.tesseract
def test_misread_iban_line_is_read_again_from_the_image() -> None:
    """A real re-read: the words say the first read got a digit wrong (R-RIB-1)."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf", 22)
    img = Image.new("L", (1000, 200), 255)
    ImageDraw.Draw(img).text((40, 80), grouped(FR), font=font, fill=0)
    left, top, right, bottom = img.point(lambda v: 255 - v).getbbox() or (0, 0, 0, 0)
    first_read = [
        Word(token, 80.0, left + 66 * i, top, 53, bottom - top, 0)
        for i, token in enumerate(FR_MISREAD.split())
    ]
    assert iban_band.read_iban_band(img, first_read) == grouped(FR)


def _boxed_iban(iban: str) -> tuple[Image.Image, Word]:
    """An ``IBAN`` label and, under it, the IBAN printed one group to a box; the word
    of the label alone, as a first read that dropped the boxed groups gives it."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 30)
    small = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 22)
    img = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(img)
    draw.text((40, 40), "IBAN", font=small, fill=80)
    x = 40
    for i in range(0, len(iban), 4):
        group = iban[i : i + 4]
        width = int(draw.textlength(group, font=font)) + 20
        draw.rectangle((x, 85, x + width, 140), outline=60, width=2)
        draw.text((x + 10, 95), group, font=font, fill=0)
        x += width + 8
    label = Word("IBAN", 90.0, 40, 44, 56, 20, 0)
    return img, label


def test_box_outlines_are_whitened_and_the_text_height_measured() -> None:
    img, _label = _boxed_iban(FR)
    clean, text_height = iban_band.deruled(img.crop((20, 70, 1400, 160)))
    assert 18 <= text_height <= 30  # the digits' height, not the boxes' (55 px)
    # no ink left where the boxes' sides stood, between the groups
    pixels = clean.load()
    assert all(pixels[20, y] == 255 for y in range(15, 70))


def test_under_a_bare_label_the_room_below_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A label with nothing after it and no line below: the page's first read lost
    the boxed value; the room beside and below the label is read instead."""
    reads = iter([grouped(FR), FR, "unused"])
    sizes: list[tuple[int, int]] = []

    def fake_read(crop: Image.Image, psm: int = 7) -> str:
        sizes.append(crop.size)
        return next(reads)

    monkeypatch.setattr(iban_band, "_read", fake_read)
    img, label = _boxed_iban(FR)
    assert iban_band.read_iban_band(img, [label]) == grouped(FR)
    assert len(sizes) == 2  # below the label (psm 6 and 7); the empty room beside is not read


@pytest.mark.tesseract
def test_boxed_iban_the_first_read_dropped_is_read() -> None:
    img, label = _boxed_iban(FR)
    assert iban_band.read_iban_band(img, [label]) == grouped(FR)


def test_lines_are_read_again_from_the_source_once_page_reads_settle_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The page's flattened light closes a dotted zero: after the page reads, each line
    is cut from the source image and read at both text heights (R-RIB-1)."""
    from dossier_check.source_crop import source_crops

    reads = iter([FR_MISREAD] * 12 + [grouped(FR), grouped(FR), "unused"])
    calls: list[Image.Image] = []

    def fake_read(crop: Image.Image, psm: int = 7) -> str:
        calls.append(crop)
        return next(reads)

    monkeypatch.setattr(iban_band, "_read", fake_read)
    gray = Image.new("L", (1200, 400), 255)
    source = source_crops(gray, gray, gray.size, 0, 0.0, min_gain=0)
    assert source is not None
    assert iban_band.read_iban_band(gray, words("IBAN " + FR_MISREAD), source) == grouped(FR)
    assert len(calls) == 14
    assert iban_band.read_iban_band.__defaults__ == (None, True)  # no source: page reads only


def test_page_naming_a_bic_without_any_iban_line_is_read_again_deruled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No IBAN line nor label in the first read (a boxed IBAN, its label misread "Bar"),
    but a BIC: the page is read again with its boxes whitened, and the IBAN line
    found there is re-read."""
    pages: list[Image.Image] = []

    def fake_page_words(img: Image.Image, lang: str, psm: int) -> list[Word]:
        pages.append(img)
        return words("Bar " + FR_MISREAD)

    monkeypatch.setattr(iban_band, "page_words", fake_page_words)
    monkeypatch.setattr(iban_band, "_read", lambda crop, psm=7: grouped(FR))
    gray = Image.new("L", (1200, 400), 255)
    first = words("Naam rekeninghouder BENNANI Mehdi", "Bar", "SWIFT : PLDRNLLA")
    assert iban_band.read_iban_band(gray, first) == grouped(FR)
    assert len(pages) == 1


def test_page_read_again_that_reads_the_iban_at_once_gives_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """R-RIB-1: the deruled page read holds a valid IBAN itself: it is the answer (it was
    dropped, the inner re-read finding nothing left to do)."""
    monkeypatch.setattr(
        iban_band, "page_words", lambda img, lang, psm: words("IBAN " + grouped(DE))
    )
    monkeypatch.setattr(iban_band, "_read", lambda crop, psm=7: pytest.fail("line re-read"))
    gray = Image.new("L", (1200, 400), 255)
    first = words("Rekeninghouder CHERIF Amel", "BIC SCHBBEPK711", ". rer")
    assert iban_band.read_iban_band(gray, first) == grouped(DE)


def test_page_read_again_sparse_when_layout_analysis_drops_the_iban_block(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tesseract's layout analysis may drop a block of rows round a tinted box, in the
    deruled read too: the page is then read as sparse text (psm 11)."""
    psms: list[int] = []

    def fake_page_words(img: Image.Image, lang: str, psm: int) -> list[Word]:
        psms.append(psm)
        return words("Titulaire du compte", "GIRARD Chloé") if psm == 3 else words(grouped(DE))

    monkeypatch.setattr(iban_band, "page_words", fake_page_words)
    gray = Image.new("L", (1200, 400), 255)
    first = words("Relevé d'identité bancaire", "Titulaire du compte", "GIRARD Chloé")
    assert iban_band.read_iban_band(gray, first) == grouped(DE)
    assert psms == [3, 11]


def test_iban_on_a_tinted_band_loses_the_band_not_the_text() -> None:
    """A light fill behind the IBAN (the crop's threshold takes it for ink): whitened
    round its darker text, so the text height is the digits', not the band's."""
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 30)
    img = Image.new("L", (900, 120), 255)
    draw = ImageDraw.Draw(img)
    draw.rectangle((30, 20, 700, 95), fill=150)
    draw.text((50, 38), grouped(DE), font=font, fill=20)
    clean, text_height = iban_band.deruled(img)
    assert 18 <= text_height <= 32  # not the band's 76 px
    assert clean.getpixel((35, 25)) == 255 and clean.getpixel((690, 90)) == 255
    assert clean.crop((50, 38, 690, 80)).getextrema()[0] < 60  # the digits are still there


def test_page_without_bank_words_is_not_read_again_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(iban_band, "page_words", lambda *a: pytest.fail("page re-read"))
    gray = Image.new("L", (1200, 400), 255)
    assert iban_band.read_iban_band(gray, words("Certificat de scolarité", "Année 2026")) == ""


def test_iban_line_read_short_is_completed_from_the_rib_table() -> None:
    """The last group, in a box of its own, is lost from every reading of the line; the
    RIB table spells the whole account and its clé passes (R-RIB-2)."""
    page = (
        "(BAN FR76/[3000]|6000||0112/||3456 || 7890\n"
        "30006 00001 12345678901 89\nCode banque Code guichet Numéro de compte Clé RIB"
    )
    readings = ["IBAN FR7630006000011234567890", "IBAN FR763000600001123456"]
    assert iban_band.choose_iban(readings, page) == FR


def test_rib_table_whose_cle_fails_or_that_the_line_contradicts_gives_nothing() -> None:
    readings = ["IBAN FR7630006000011234567890", "IBAN FR763000600001123456"]
    bad_key = "30006 00001 12345678901 88\nCode banque Code guichet Numéro de compte Clé RIB"
    assert iban_band.choose_iban(readings, bad_key) is None
    other = ["IBAN FR7630006000019999999999", "IBAN FR763000600001999999"]
    table = "30006 00001 12345678901 89\nCode banque Code guichet Numéro de compte Clé RIB"
    assert iban_band.choose_iban(other, table) is None
