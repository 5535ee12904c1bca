"""The OCR engine: orientation, deskew, words with boxes, the MRZ band.

Tesseract runs single-threaded (``OMP_THREAD_LIMIT=1``): on a 2-core machine
an unlimited Tesseract was measured about 6x slower per page, so parallelism
comes from worker processes instead (``api.py``). Results are cached by a
hash of the page pixels and the settings (``cache.py``).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import asdict, dataclass, replace

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import pytesseract  # noqa: E402
from PIL import Image, ImageFilter, ImageOps  # noqa: E402
from skimage.filters import threshold_multiotsu  # noqa: E402

from dossier_check import scratch  # noqa: E402
from dossier_check.cache import Cache  # noqa: E402
from dossier_check.fields.iban import find_ibans_repaired  # noqa: E402
from dossier_check.fields.iban_band import lacks_iban, read_iban_band  # noqa: E402
from dossier_check.fields.mrz import find_mrz  # noqa: E402
from dossier_check.fields.mrz_band import read_mrz_band  # noqa: E402
from dossier_check.model import Page, TextSource, Word, join_lines  # noqa: E402
from dossier_check.ocr_words import page_words as _words  # noqa: E402
from dossier_check.paper import paper_tilt  # noqa: E402
from dossier_check.scratch import tesseract_version  # noqa: E402
from dossier_check.skew import WIDE_ANGLE, estimate_skew, turn_clockwise  # noqa: E402
from dossier_check.source_crop import source_crops  # noqa: E402


@dataclass(frozen=True)
class OcrSettings:
    """Everything that changes the OCR output; part of the cache key."""

    # French alone: on the fields benchmark (seed 778, 70 files) it read every MRZ,
    # date, IBAN and name exactly as fra+eng did, and classified 96 files (seed 777,
    # English, Spanish and Portuguese certificates included; pages at 2000 px) the
    # same; Tesseract ran 23% faster and each process held 19 MiB less (issue 6).
    # The MRZ band is re-read with eng and the MRZ alphabet (fields/mrz_band.py).
    lang: str = "fra"
    psm: int = 3
    max_side: int = 2400  # longer sides are downscaled first (px): ~200 dpi on A4
    min_side: int = 1000  # shorter pages are upscaled (small phone crops)
    fix_orientation: bool = True
    deskew: bool = True
    mrz_pass: bool = True
    iban_pass: bool = True  # re-read IBAN lines whose first read fails mod-97
    version: int = 20  # bump when the algorithm changes, to invalidate caches


@dataclass(frozen=True)
class OcrResult:
    text: str
    words: tuple[Word, ...]
    confidence: float | None
    rotation: int
    skew: float
    mrz_text: str = ""  # the MRZ band re-read with a restricted alphabet
    iban_text: str = ""  # an IBAN re-read from its line, passing mod-97 (fields/iban_band.py)


class OcrEngine:
    """Reads page images. Pages with a text layer are passed through untouched."""

    def __init__(self, settings: OcrSettings | None = None, cache: Cache | None = None) -> None:
        self.settings = settings or OcrSettings()
        self.cache = cache
        self.pages_ocrd = 0  # pages that actually went through Tesseract

    def read_page(self, page: Page) -> Page:
        """Return ``page`` with text, words, confidence and rotation filled in.

        A text-layer page keeps its text; only when it names a bank account but holds
        no valid IBAN is its rendering read, for the IBAN alone (``iban_text``): a
        bank's PDF may draw the IBAN as a picture, out of its text layer (R-RIB-1)."""
        if page.text_source is TextSource.TEXT_LAYER:
            if (
                page.image is not None
                and self.settings.iban_pass
                and len(page.text.split()) <= SHORT_PAGE_WORDS
                and lacks_iban(page.text)
            ):
                result = self.read_image(page.image)
                iban = _valid_iban(result.text, result.iban_text)
                if iban:
                    return replace(page, iban_text=iban)
            return page
        if page.image is None:
            return page
        result = self.read_image(page.image)
        return replace(
            page,
            text=result.text,
            mrz_text=result.mrz_text,
            iban_text=result.iban_text,
            text_source=TextSource.OCR,
            words=result.words,
            ocr_confidence=result.confidence,
            rotation=result.rotation,
        )

    def read_image(self, image: Image.Image) -> OcrResult:
        key = self._key(image)
        if self.cache is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return _result_from_json(hit)
        result = self._ocr(image)
        if self.cache is not None:
            self.cache.put(key, _result_to_json(result))
        return result

    def _key(self, image: Image.Image) -> str:
        h = hashlib.sha256()
        h.update(repr((image.mode, image.size, asdict(self.settings))).encode())
        h.update(tesseract_version().encode())
        h.update(image.tobytes())
        return h.hexdigest()

    def _ocr(self, image: Image.Image) -> OcrResult:
        """Read upright first; look for the page's orientation only when the read is poor.

        An upright page (most of them) costs one Tesseract pass: OSD runs only
        when the mean word confidence is under DOUBTFUL_CONF, as it is for a
        page upside down and for sparse cards and stickers, or when the words
        stand on end (Tesseract reads a page turned a quarter well, but the
        boxes, the MRZ band and the thumbnail need it upright).
        """
        s = self.settings
        self.pages_ocrd += 1
        gray = _prepare(image, s.max_side, s.min_side)
        first = self._read_level(gray)
        ink = None
        if _quality(first[0]) < QUALITY_ENOUGH and "<<" not in join_lines(first[0]):
            # Fine lines printed behind the text (a security print, a cheque's or a
            # certificate's guilloche) are stretched to black with it and read as
            # garbage, slowly, every way round (about 8 s a read): the darkest ink
            # alone, read upright (0.3 s), is taken when it reads clearly and more.
            # Not on a card whose MRZ shows ("<<"): its band is read apart, and a
            # card's own print is no background to drop.
            ink = ink_only(image, s.max_side, s.min_side, background_print=True)
            if ink is not None:
                trial = self._read_level(ink)
                if _reads_clearly(trial[0], first[0]):
                    gray, first = ink, trial
        words, page, skew, rotation = self._read_oriented(gray, first)
        if _quality(words) < QUALITY_ENOUGH and gray is not ink:
            # A noisy photo on a textured ground (marble, wood) can hide the words from
            # Tesseract's layout analysis, every way round: read a denoised copy, kept
            # only if it reads clearly more.
            quiet = _prepare(image, s.max_side, s.min_side, denoise=True)
            upright = self._read_quiet(quiet, paper_tilt(image))
            if _quality(upright[0]) > max(1.5 * _quality(words), _quality(words) + 20):
                words, page, skew, rotation = self._read_oriented(quiet, upright)
        if _quality(words) < QUALITY_ENOUGH and ink is not None and gray is not ink:
            # still poor: the security-printed page may lie on its side
            trial = self._read_oriented(ink)
            if _quality(trial[0]) > max(1.5 * _quality(words), _quality(words) + 20):
                words, page, skew, rotation = trial
        text = join_lines(words)
        confs = [w.conf for w in words if w.conf >= 0]
        confidence = round(sum(confs) / len(confs), 1) if confs else None
        source = source_crops(image, page, gray.size, rotation, skew)
        mrz_text = read_mrz_band(page, words, source) if s.mrz_pass else ""
        # the IBAN's re-read gains from the source's own pixels at any size: the page's
        # flattened light closes dotted zeros (fields/iban_band.py)
        unflattened = source or source_crops(image, page, gray.size, rotation, skew, min_gain=0)
        iban_text = read_iban_band(page, words, unflattened) if s.iban_pass else ""
        if s.iban_pass and not iban_text and len(words) <= RIB_WORDS and lacks_iban(text):
            iban_text = self._ink_iban(ink or ink_only(image, s.max_side, s.min_side), rotation)
            if not iban_text:
                iban_text = self._sideways_iban(page)
        return OcrResult(
            text, tuple(words), confidence, rotation, round(skew, 2), mrz_text, iban_text
        )

    def _ink_iban(self, ink: Image.Image | None, rotation: int) -> str:
        """The IBAN of a bank page read again with its darkest ink alone (a stamp, a
        security print or a tinted band over the IBAN line lighter than its digits),
        turned as the page was read; "" when none passes mod-97 (R-RIB-1)."""
        if ink is None:
            return ""
        words, page, _skew = self._read_level(turn_clockwise(ink, rotation))
        return _valid_iban(join_lines(words)) or read_iban_band(
            page, words, None, page_reread=False
        )

    def _sideways_iban(self, page: Image.Image) -> str:
        """The IBAN of a bank page printed along its side, turned a quarter from its
        text (read upright, Tesseract gives no word for it); "" when none passes
        mod-97 (R-RIB-1)."""
        for angle in (90, 270):
            words = _words(turn_clockwise(page, angle), self.settings.lang, self.settings.psm)
            iban = _valid_iban(join_lines(words))
            if iban:
                return iban
        return ""

    def _read_quiet(self, quiet: Image.Image, tilt: float) -> tuple[list[Word], Image.Image, float]:
        """The best upright read of a denoised page: levelled by the turn of the sheet
        of paper standing out of its ground (``paper.paper_tilt``: a phone photo
        turned 7 degrees on wood read two lines levelled by the text's own skew
        estimate, which looks no further than 4 degrees, and the whole RIB levelled
        by the sheet's), by the text's skew estimate, or as it lies (a textured ground
        misled that estimate 2.5 degrees the wrong way); the first that reads enough.
        ``tilt`` is measured on the source: flattening the light evens out the sheet
        and its ground."""
        s = self.settings
        reads: list[tuple[list[Word], Image.Image, float]] = []
        if abs(tilt) >= 0.3:
            levelled = quiet.rotate(
                tilt, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR
            )
            reads.append((_words(levelled, s.lang, s.psm), levelled, tilt))
        if not reads or _quality(reads[-1][0]) < QUALITY_ENOUGH:
            reads.append(self._read_level(quiet))
            if reads[-1][2] and _quality(reads[-1][0]) < QUALITY_ENOUGH:
                reads.append((_words(quiet, s.lang, s.psm), quiet, 0.0))
        return max(reads, key=lambda r: _quality(r[0]))

    def _read_oriented(
        self,
        gray: Image.Image,
        upright: tuple[list[Word], Image.Image, float] | None = None,
    ) -> tuple[list[Word], Image.Image, float, int]:
        """Read ``gray`` upright (``upright``: that read, done already), and other ways
        round when it reads poorly: the words, the image read, its skew and turn."""
        s = self.settings
        words, page, skew = upright or self._read_level(gray)
        rotation = 0
        sideways = _sideways(words)
        doubtful = sideways or (_mean_conf(words) < DOUBTFUL_CONF and not _upright_mrz(words))
        if s.fix_orientation and doubtful:
            osd, sure = detect_rotation(gray)
            if sure and osd:
                # OSD is sure of a turn: take it unless it reads worse
                trial, trial_page, trial_skew = self._read_level(turn_clockwise(gray, osd))
                if _quality(trial) >= _quality(words):
                    words, page, skew, rotation = trial, trial_page, trial_skew, osd
            if rotation == 0 and (_mean_conf(words) < DOUBTFUL_CONF or _sideways(words)):
                # Still poor: OSD was unsure (sparse cards, stickers) or wrong (all-caps
                # cards read upside down). Read the other ways round and keep one only
                # if it reads clearly better.
                best = _upright_quality(words)
                for angle in (180, 90, 270):
                    if angle == osd and sure:
                        continue  # read above
                    trial, trial_page, trial_skew = self._read_level(turn_clockwise(gray, angle))
                    if _upright_quality(trial) > max(1.5 * best, best + 20):
                        best = _upright_quality(trial)
                        words, page, skew, rotation = trial, trial_page, trial_skew, angle
                        if _mean_conf(trial) >= DOUBTFUL_CONF and not _sideways(trial):
                            break
        return words, page, skew, rotation

    def _read_level(self, gray: Image.Image) -> tuple[list[Word], Image.Image, float]:
        """Deskew ``gray`` (small angles) and read it: words, the image read, the skew."""
        s = self.settings
        skew = estimate_skew(gray, wide=WIDE_ANGLE) if s.deskew else 0.0
        if abs(skew) >= 0.3:
            gray = gray.rotate(skew, expand=True, fillcolor=255, resample=Image.Resampling.BILINEAR)
        return _words(gray, s.lang, s.psm), gray, skew


#: At most this many words on a page whose IBAN is looked for further (its ink alone,
#: along its side) when no read found it: a RIB, three slips of a chequebook's
#: page; not a bill or a payslip quoting a masked IBAN, whose reads would cost seconds.
RIB_WORDS = 200

#: A text-layer page this short (a RIB, an attestation) that names a bank account
#: without a valid IBAN has its rendering read; a payslip or a bill quoting a masked
#: IBAN is longer, and costs no OCR.
SHORT_PAGE_WORDS = 150

#: Mean word confidence below which a page may be upside down or sideways.
DOUBTFUL_CONF = 75.0


def _sideways(words: list[Word]) -> bool:
    """Whether most words of four letters or more are taller than wide (read on end)."""
    long_words = [w for w in words if len(w.text) >= 4 and w.conf >= 0]
    tall = sum(w.height > w.width for w in long_words)
    return len(long_words) >= 3 and tall > len(long_words) / 2


def _upright_mrz(words: list[Word]) -> bool:
    """Whether the read holds an MRZ with two check digits passing: a page read upside
    down cannot (R-MRZ-2), so a card whose guilloche lowers the mean confidence is
    not read three more ways round. (Words on end still need the page turned: the
    boxes, the band's crop and the thumbnail want it upright.)"""
    return find_mrz(join_lines(words)) is not None


def _valid_iban(text: str, reread: str = "") -> str:
    """The first IBAN in ``text`` (or ``reread``) that passes mod-97, compact; "" if none."""
    return next((m.iban for m in find_ibans_repaired(text, reread) if m.valid), "")


def _reads_clearly(trial: list[Word], first: list[Word]) -> bool:
    """Whether ``trial`` reads upright with confidence and clearly more than ``first``."""
    return (
        _mean_conf(trial) >= DOUBTFUL_CONF
        and not _sideways(trial)
        and _quality(trial) > max(1.5 * _quality(first), _quality(first) + 20)
    )


def _mean_conf(words: list[Word]) -> float:
    confs = [w.conf for w in words if w.conf >= 0]
    return sum(confs) / len(confs) if confs else 0.0


def _upright_quality(words: list[Word]) -> float:
    """:func:`_quality`, halved for words read on end: Tesseract reads a page lying on
    its side fairly well but loses blocks of it (a contract turned a quarter, read
    turned half: 862 characters, its title and first paragraph lost; upright: 995)."""
    return _quality(words) / (2 if _sideways(words) else 1)


def _quality(words: list[Word]) -> int:
    """Characters read with confidence: garbage from an upside-down page scores low."""
    return sum(len(w.text) for w in words if w.conf >= 60 and len(w.text) >= 2)


#: Characters read with confidence (:func:`_quality`) under which a page is read again
#: denoised (see ``OcrEngine._ocr``), and which make the denoised read enough as it is.
#: A birth certificate photographed on wood read 56 (upside down, garbage), 304 denoised.
QUALITY_ENOUGH = 100


def _prepare(
    image: Image.Image, max_side: int, min_side: int, denoise: bool = False, stretch: bool = True
) -> Image.Image:
    """``image`` in gray at a readable size, its light flattened; ``denoise`` first
    smooths sensor and JPEG noise (non-local means, about 0.7 s a page): on a phone
    photo on a marble ground (170 dpi, noise sigma 5.5) Tesseract found no word at
    all, and most of them once denoised."""
    gray = ImageOps.grayscale(image) if image.mode != "L" else image
    longest = max(gray.size)
    if longest > max_side:
        scale = max_side / longest
    elif longest < min_side:
        scale = min(3.0, min_side / longest)
    else:
        scale = 1.0
    if scale != 1.0:
        size = (max(1, round(gray.width * scale)), max(1, round(gray.height * scale)))
        # OpenCV's area average (down) and cubic (up): as sharp as Lanczos, ~10x faster
        method = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_CUBIC
        gray = Image.fromarray(cv2.resize(np.asarray(gray), size, interpolation=method))
    if denoise:
        gray = Image.fromarray(
            cv2.fastNlMeansDenoising(
                np.asarray(gray), None, h=8, templateWindowSize=5, searchWindowSize=11
            )
        )
    return flatten_background(gray, stretch)


#: The gap (grey levels) the darkest ink must keep from the next class of marks for
#: :func:`ink_only` to tell them apart.
INK_GAP = 40


#: A page whose lighter marks cover at least this share of it, and this many times
#: its text's, stands on a background print (measured: security-printed RIBs 5.7-9.4 %
#: and 11-19 times; plain scans, stamped pages, cards under 2.5 % or 2 times).
PRINT_SHARE = 0.03
PRINT_OVER_INK = 5.0


def ink_only(
    image: Image.Image, max_side: int, min_side: int, background_print: bool = False
) -> Image.Image | None:
    """The page's darkest marks alone, black on white, or None when nothing lighter
    than the text stands apart from the paper (with ``background_print``: when the
    lighter marks do not cover the page as a print behind its text does).

    The light is flattened without the final stretch (which takes the darkest
    percent of the page, thin grey lines when the text is sparse, to black), then
    three classes are told apart by Otsu's method: paper, lighter marks (a
    guilloche, a tint, a coloured stamp), text. A RIB on a dense grey security print
    read nothing but noise; its ink alone read every word (dev corpus, 4 of 4).
    """
    gray = _prepare(image, max_side, min_side, stretch=False)
    a = np.asarray(gray)
    try:
        low, high = threshold_multiotsu(a, classes=3)
    except ValueError:  # fewer than three grey levels: nothing to tell apart
        return None
    ink = float(np.mean(a <= low))
    if high - low < INK_GAP or ink > 0.25:
        return None
    if background_print:
        lighter = float(np.mean((a > low) & (a <= high)))
        if lighter < PRINT_SHARE or lighter < PRINT_OVER_INK * ink:
            return None
    return Image.fromarray(np.where(a <= low, 0, 255).astype(np.uint8))


def flatten_background(gray: Image.Image, stretch: bool = True) -> Image.Image:
    """Even out uneven light, shadows and paper tone: divide by the page background.

    The background is estimated on a 1/8 copy with a max filter (which removes
    the dark ink) and a blur, then the page is divided by it and stretched.
    Measured on a creased, unevenly lit grayscale bill: Tesseract read 22 words
    (the footer) before, 98 after.
    """
    if min(gray.size) < 64:
        return gray
    small = gray.reduce(8).filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(3))
    background = np.maximum(np.asarray(small.resize(gray.size, Image.Resampling.BILINEAR)), 1)
    flat = Image.fromarray(cv2.divide(np.asarray(gray), background, scale=255.0))  # saturating
    return ImageOps.autocontrast(flat, cutoff=1) if stretch else flat


def detect_rotation(gray: Image.Image) -> tuple[int, bool]:
    """Clockwise degrees (0/90/180/270) that make the page upright, by Tesseract OSD,
    and whether OSD was sure (orientation confidence >= 1.5).

    OSD runs on a copy about 1600 px long; it fails on pages with too little
    text (a photo, a card), which then count as upright but unsure.
    """
    small = gray
    if max(gray.size) > 1600:
        scale = 1600 / max(gray.size)
        small = gray.resize((round(gray.width * scale), round(gray.height * scale)))
    try:
        osd = scratch.image_to_osd(small, config="--psm 0 -c min_characters_to_try=10")
    except pytesseract.TesseractError:
        return 0, False
    rotate = re.search(r"Rotate:\s*(\d+)", osd)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
    if not rotate or not conf or float(conf.group(1)) < 1.5:
        return 0, False
    return int(rotate.group(1)) % 360, True


def _result_to_json(r: OcrResult) -> dict:
    return {
        "text": r.text,
        "words": [list(asdict(w).values()) for w in r.words],
        "confidence": r.confidence,
        "rotation": r.rotation,
        "skew": r.skew,
        "mrz_text": r.mrz_text,
        "iban_text": r.iban_text,
    }


def _result_from_json(d: dict) -> OcrResult:
    return OcrResult(
        text=d["text"],
        words=tuple(Word(*w) for w in d["words"]),
        confidence=d["confidence"],
        rotation=d["rotation"],
        skew=d["skew"],
        mrz_text=d.get("mrz_text", ""),
        iban_text=d.get("iban_text", ""),
    )
