"""The MRZ band of a page image: find it among the OCR words and re-read it (R-MRZ-1, R-MRZ-2).

Pixels in, text out: parsing and checking the lines is ``fields/mrz.py``'s
job, which never sees an image; it is used here only to tell whether a
re-read came out with every check digit valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import numpy as np
import pytesseract
from PIL import Image, ImageFilter

from dossier_check import scratch
from dossier_check.fields.mrz import LINE_WIDTHS, READINGS_SEPARATOR, find_mrz
from dossier_check.fields.mrz_locate import Band, locate_band
from dossier_check.fields.mrz_ocrb import read_band
from dossier_check.model import Word, join_lines, words_by_line
from dossier_check.skew import estimate_skew, turn_clockwise
from dossier_check.source_crop import SourceCrops
from dossier_check.text import fold

MRZ_WHITELIST = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_MRZ_LINE = re.compile(r"[A-Z0-9<«]{20,}")
_MRZ_ALPHABET = frozenset(MRZ_WHITELIST + "«")
#: Check digits do not depend on the date that picks a birth century.
_ANY_DAY = date(2100, 1, 1)

#: Second and third looks at a band whose first re-read has a failing check digit.
#: Thickened strokes stop thin '<' fillers reading as K; a slight blur joins the
#: dots of a noisy phone photo. On 77 generated identity scans the three reads
#: together gave a valid MRZ on 35 of 46 where the first alone gave 28.
_RETRIES: tuple[Callable[[Image.Image], Image.Image], ...] = (
    lambda crop: crop.filter(ImageFilter.MinFilter(3)),
    lambda crop: crop.filter(ImageFilter.GaussianBlur(1.2)),
)


def _looks_like_mrz(joined: str) -> bool:
    """A line of the band as the page's first read gives it (spaces removed)."""
    return len(joined) >= 20 and ("<" in joined or "«" in joined) and bool(_MRZ_LINE.search(joined))


def _mostly_mrz(joined: str, minimum: int) -> bool:
    """At least ``minimum`` characters, nine in ten of the MRZ alphabet, as read
    (not upper-cased: a line of ordinary text has lower-case letters)."""
    good = sum(c in _MRZ_ALPHABET for c in joined)
    return len(joined) >= minimum and good >= 0.9 * len(joined)


#: A blurred MRZ pair without fillers has a line with this many digits at least
#: (TD3's second line holds about 25); an all-capitals heading does not.
_MIN_DIGITS = 8


def _digits(joined: str) -> int:
    return sum(c.isdigit() for c in joined)


def band_words(words: list[Word] | tuple[Word, ...]) -> list[Word]:
    """Words of the lines that look like an MRZ.

    A line qualifies with a filler ``<`` in a run of 20 MRZ characters; or, next
    to a line that is mostly MRZ characters too, when it is 28 or more MRZ
    characters long (a blurred line whose fillers were not read as '<').
    """
    lines = words_by_line(words)
    order = sorted(lines)
    raw = {k: "".join(w.text for w in lines[k]) for k in order}
    band: list[Word] = []
    for i, k in enumerate(order):
        neighbours = [raw[order[j]] for j in (i - 1, i + 1) if 0 <= j < len(order)]
        pair_digits = max(_digits(n) for n in [raw[k], *neighbours])
        if _looks_like_mrz(raw[k]) or (
            _mostly_mrz(raw[k], 28)
            and pair_digits >= _MIN_DIGITS
            and any(_mostly_mrz(n, 20) for n in neighbours)
        ):
            band.extend(lines[k])
    return band


def _score(text: str) -> tuple[bool, int]:
    mrz = find_mrz(text, _ANY_DAY)
    return (False, -1) if mrz is None else (mrz.valid, mrz.valid_checks)


def _read(crop: Image.Image) -> str:
    try:
        return scratch.image_to_string(  # an uncompressed file: no PNG encoding
            crop, lang="eng", config=f"--psm 6 -c tessedit_char_whitelist={MRZ_WHITELIST}"
        ).strip()
    except pytesseract.TesseractError:
        return ""


#: A word this many times the band's median height is noise on the band's line
#: ('|', a stamp's edge), not an MRZ character: its box would make the crop cover
#: most of the page.
_TALL = 1.6


def band_lines(words: list[Word] | tuple[Word, ...]) -> list[Word]:
    """The words of the MRZ band: :func:`band_words` kept to one run of lines
    (R-MRZ-1: 2 or 3 lines of one character height, one under the other).

    Words much taller than the band's median (noise read on the band's line) and
    words without an MRZ character are left out; of several runs of band lines,
    the one with most characters is kept, at most its last 3 lines.
    """
    band = [w for w in band_words(words) if any(c in _MRZ_ALPHABET for c in w.text)]
    if not band:
        return []
    # the median per character: a long MRZ word outweighs short words of a capitals
    # heading taken in beside it (whose smaller type would make the MRZ look tall)
    height = float(np.median([w.height for w in band for _ in w.text]))
    band = [w for w in band if w.height <= _TALL * height]
    lines = words_by_line(band)
    tops = {k: float(np.median([w.top for w in ws])) for k, ws in lines.items()}
    runs: list[list[int]] = []
    for k in sorted(lines, key=lambda k: tops[k]):
        if runs and tops[k] - tops[runs[-1][-1]] <= 3 * height:
            runs[-1].append(k)
        else:
            runs.append([k])
    best = max(runs, key=lambda run: sum(len(w.text) for k in run for w in lines[k]))
    return [w for k in best[-3:] for w in lines[k]]


#: Characters in the longest MRZ line (TD3, MRV-A).
_LONGEST_LINE = max(LINE_WIDTHS)


def _line_height(band: list[Word]) -> int:
    """The band's median word height (px), at least 8."""
    return max(8, int(np.median([w.height for w in band])))


def _words_box(
    band: list[Word], gray: Image.Image, margin_x: int, margin_y: int
) -> tuple[int, int, int, int]:
    """The band words' box grown by the margins, kept inside ``gray``."""
    return (
        max(0, min(w.left for w in band) - margin_x),
        max(0, min(w.top for w in band) - margin_y),
        min(gray.width, max(w.left + w.width for w in band) + margin_x),
        min(gray.height, max(w.top + w.height for w in band) + margin_y),
    )


def _box(band: list[Word], gray: Image.Image) -> tuple[tuple[int, int, int, int], int]:
    """The band's box grown by a margin, and the median word height (px).

    A band whose lines were read short (a slanted phone photo whose line ends the
    page's read missed) is widened on both sides to hold a 44-character line at
    the pitch its read characters show (R-MRZ-1): the crop must hold every
    character, and blank margins cost nothing.
    """
    line_h = _line_height(band)
    margin = line_h * 2
    lines = words_by_line(band).values()
    chars = max(sum(len(w.text) for w in ws) for ws in lines)
    margin_x = margin
    if 0 < chars < _LONGEST_LINE:
        pitch = max(
            (max(w.left + w.width for w in ws) - min(w.left for w in ws))
            / max(1, sum(len(w.text) for w in ws))
            for ws in lines
        )
        margin_x = max(margin, round((_LONGEST_LINE - chars) * pitch))
    return _words_box(band, gray, margin_x, margin), line_h


def _upscaled(crop: Image.Image, line_h: float) -> Image.Image:
    """About 40 px per line: Tesseract reads OCR-B best at that size."""
    scale = max(1.0, min(3.0, 40 / line_h))
    if scale > 1.0:
        crop = crop.resize(
            (round(crop.width * scale), round(crop.height * scale)), Image.Resampling.LANCZOS
        )
    return crop


#: Most slant (degrees) looked for in a band's crop: a phone photo turned more
#: than the page deskew corrects (4 degrees) breaks the band's lines in two.
_MAX_SLANT = 10.0


def _slant(gray: Image.Image, band: list[Word]) -> float:
    """Degrees that level the band: the page deskew stops at 4 degrees, and a phone
    photo's perspective slants the band more than the page's text. Measured on the
    words' own box (a widened crop takes in the card's edge or the table, whose
    dark mass would outweigh the text lines)."""
    line_h = _line_height(band)
    box = _words_box(band, gray, line_h, line_h)
    return estimate_skew(gray.crop(box), max_angle=_MAX_SLANT)


def _levelled(crop: Image.Image, angle: float) -> Image.Image:
    if abs(angle) < 0.5:
        return crop
    return crop.rotate(angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


def _located_crops(
    gray: Image.Image, band: Band, source: SourceCrops | None = None
) -> list[Image.Image]:
    """Crops of a band found by its pixels (:func:`locate_band`), levelled, then
    turned half round: the page's orientation is unsure when its words showed no
    band (a card upside down on a scan whose OSD failed, or one turned a quarter,
    found on the page turned by ``band.turn``, either way round). The turned crop is
    read only when the first gives no valid MRZ."""
    page = turn_clockwise(gray, band.turn)
    b, m = band.box, round(1.5 * band.thick)
    box = (
        max(0, b.left - m),
        max(0, b.top - m),
        min(page.width, b.right + m),
        min(page.height, b.bottom + m),
    )
    thick = band.thick
    if source is not None and not band.turn:
        crop, thick = source.crop(box), thick * source.gain
    else:
        crop = page.crop(box)
    if abs(band.angle) >= 0.5:
        crop = crop.rotate(
            band.angle, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC
        )
    crop = _upscaled(crop, thick)
    return [crop, crop.rotate(180)]


#: Lines a reading of the band must hold, of at least 20 characters: a TD1 has 3,
#: the others 2; many more is a crop that ran over the page's text.
_MIN_LINE_CHARS = 20


def _useful(text: str) -> bool:
    """A reading worth handing on: 2 to 5 lines of 20 characters or more, a '<'
    filler among them (a crop of prose read with the MRZ alphabet has none)."""
    if "<" not in text and "«" not in text:
        return False
    long_lines = sum(len("".join(line.split())) >= _MIN_LINE_CHARS for line in text.splitlines())
    return 2 <= long_lines <= 5


#: Titles and field labels of identity documents (DOMAIN §2, §3), folded, by language.
#: ICAO 9303 asks for them in the issuing state's language and English, French or
#: Spanish: a document showing two languages, or an English title, is one.
_TERMS = {
    "en": ("PASSPORT", "IDENTITY CARD", "RESIDENCE PERMIT", "SURNAME", "GIVEN NAME",
           "DATE OF BIRTH", "DATE OF EXPIRY", "NATIONALITY", "PLACE OF BIRTH"),
    "fr": ("PASSEPORT", "CARTE NATIONALE D'IDENTITE", "CARTE D'IDENTITE", "TITRE DE SEJOUR",
           "PRENOM", "DATE DE NAISSANCE", "NATIONALITE", "DATE D'EXPIRATION", "SEXE",
           "NE(E) LE", "TAILLE"),
    "es": ("PASAPORTE", "DOCUMENTO NACIONAL DE IDENTIDAD", "APELLIDOS", "NOMBRES",
           "FECHA DE NACIMIENTO", "NACIONALIDAD", "FECHA DE CADUCIDAD"),
    "pt": ("PASSAPORTE", "CARTAO DE CIDADAO", "DATA DE NASCIMENTO", "NACIONALIDADE"),
    "it": ("PASSAPORTO", "CARTA D'IDENTITA", "DATA DI NASCITA", "COGNOME", "CITTADINANZA"),
    "de": ("REISEPASS", "PERSONALAUSWEIS", "AUFENTHALTSTITEL", "GEBURTSTAG", "STAATSANGEHORIGKEIT"),
}  # fmt: skip
_ENGLISH_TITLES = _TERMS["en"][:3]
#: Identity terms, of any language, that make a page an identity document's.
_MANY_TERMS = 4
#: Fewer words than this: the page read next to nothing (a dim phone photo).
_FEW_WORDS = 8
#: A mean word confidence under this: the page was read too badly for its words to
#: tell (a passport page or a visa photographed on an A4 sheet from afar). On dev
#: seed 8930 two such photos read at 39 and 50; every page that read an MRZ
#: band read above 55 but two.
_POOR_CONF = 55.0


def may_carry_mrz(words: list[Word] | tuple[Word, ...]) -> bool:
    """Whether a page whose words show no band may still carry one (R-MRZ-1).

    What an identity document must carry, read however badly: a '<<' filler pair
    anywhere; an English travel-document title, or identity terms in two languages
    (ICAO's bilingual labels: ``Nom / Surname``), or four of them in one (an old
    CNI read on its side: its title, Prénom, Sexe, Né(e) le); or a page that read almost no
    words, or read them all badly. A French-only letter or récépissé naming a titre
    de séjour, a bill or a lease answer no: their band search costs nothing more.
    """
    read = [w for w in words if len(w.text) >= 2]
    if len(read) < _FEW_WORDS:
        return True
    confs = [w.conf for w in read if w.conf >= 0]
    if confs and sum(confs) / len(confs) < _POOR_CONF:
        return True
    text = " " + fold(" ".join(w.text for w in words)) + " "
    if "<<" in text or "«" in text:
        return True
    if any(_has(text, t) for t in _ENGLISH_TITLES):
        return True
    if sum(_has(text, t) for terms in _TERMS.values() for t in terms) >= _MANY_TERMS:
        return True  # a card's own labels in one language (the old CNI: Nom, Sexe, Taille)
    return sum(any(_has(text, t) for t in terms) for terms in _TERMS.values()) >= 2


def _has(text: str, term: str) -> bool:
    return re.search(rf"(?<![A-Z]){re.escape(term)}(?![A-Z])", text) is not None


def _tall(band: list[Word]) -> bool:
    """Most band words taller than wide: the page was read on its side."""
    return sum(w.height > w.width for w in band) > len(band) / 2


def read_mrz_band(
    gray: Image.Image, words: list[Word] | tuple[Word, ...], source: SourceCrops | None = None
) -> str:
    """Every distinct reading made of the page's MRZ band, joined with
    :data:`~dossier_check.fields.mrz.READINGS_SEPARATOR`; ``""`` without a band.

    The page's own OCR lines of the band come first (:func:`band_lines`); when they
    pass every check digit they are all there is (a re-read costs a Tesseract run).
    Otherwise the band's box, grown by a margin, levelled and upscaled to about
    40 px per line, is matched against the OCR-B font (``fields/mrz_ocrb.py``),
    then read by Tesseract with the MRZ alphabet; then with thickened strokes,
    then slightly blurred (R-MRZ-2). A reading failing a check digit is kept (the consumer takes
    each field from a reading whose own check digit passes); empty or garbage ones
    are not. Reading stops at the first one that passes every check digit.

    When the words show no band (a phone photo whose OCR missed the MRZ lines, a
    card read on its side) and the page may carry one (:func:`may_carry_mrz`), the
    band is looked for in the pixels (:func:`~dossier_check.fields.mrz_locate.locate_band`).

    With ``source``, the crops are cut from the source image at its own resolution
    (a phone photo read downscaled keeps its MRZ characters' detail there).
    """
    readings: list[str] = []

    def add(text: str) -> bool:
        """Keep a useful new reading; true once one passes every check digit."""
        if _useful(text) and text not in readings:
            readings.append(text)
            return _score(text)[0]
        return False

    band = band_lines(words)
    crops: list[Image.Image] = []
    if band:
        if add(join_lines(band)):
            return readings[0]
        if not _tall(band):
            box, line_h = _box(band, gray)
            if source is not None:
                crop, line_h = source.crop(box), round(line_h * source.gain)
            else:
                crop = gray.crop(box)
            crops.append(_upscaled(_levelled(crop, _slant(gray, band)), line_h))
    if (not band and may_carry_mrz(words)) or (band and _tall(band)):
        located = locate_band(gray)
        if located is not None:
            crops.extend(_located_crops(gray, located, source))
    for crop in crops:
        if add(read_band(crop)):  # the OCR-B matcher: a few ms, and exact on clean bands
            break
        plain = _read(crop)
        if add(plain):
            break
        if not _useful(plain):  # nothing like an MRZ here: no second look
            continue
        if any(add(_read(retry(crop))) for retry in _RETRIES):
            break
    return READINGS_SEPARATOR.join(readings)
