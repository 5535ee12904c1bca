"""Scan quality of every page (DOMAIN.md §11, R-SCAN-2..5).

:func:`measure` looks at a page image and its resolution when known, on a
grayscale copy brought down to :data:`WORK_DPI` (a 300-dpi A4 page becomes
1240 x 1754 px), so it costs a few tens of milliseconds and never OCRs.
:func:`page_findings` turns the measures, the page's OCR confidence and its
text into findings that name the file and the page and say what to do:

- R-SCAN-2: effective resolution under 150 dpi (``scan_low_resolution``), too
  few pixels when the resolution is unknown (``scan_too_few_pixels``), or a
  low mean OCR confidence (``scan_hard_to_read``);
- R-SCAN-3: blur (``scan_blurred``), too dark (``scan_too_dark``), text too
  pale (``scan_too_pale``);
- R-SCAN-4: the page's content runs into the edge of the frame
  (``scan_cut_off``);
- R-SCAN-5: ``page 2/3``, ``2 sur 3``, ``suite au verso`` with fewer pages in
  the file (``pages_missing``). A warning here; the birth-certificate and
  lease rules make it an error (DOMAIN.md: E for those two).

Photos (a page not OCR'd, or with at most :data:`PHOTO_WORDS` OCR words)
get only the exposure checks: their sharpness, size and framing are R-PHO's
business.
Text-layer pages (born-digital PDFs) have no scan to judge; only their text
is read for R-SCAN-5.

Thresholds were calibrated with ``scripts/calibrate_quality.py`` on two
generator corpora (``generate_corpus`` seeds 11 and 12, 8 files per type,
manifest ``damaged``): see the figures next to each constant. The rule is
that a clean scan (200-400 dpi, the generator's clean profile) gets no
finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from PIL import Image

from dossier_check.model import Finding, Page, Severity, SourceFile, TextSource
from dossier_check.text import fold

#: Pages are judged at this resolution (higher ones are brought down to it).
WORK_DPI = 150.0
#: Without a usable resolution, the working copy's longest side, in pixels.
WORK_MAX_SIDE = 1800
#: A page that was not OCR'd (an ID photo, found by its face) or that gave at
#: most this many OCR words is a photo, not a document. Not analyse.py's PHOTO_MAX_WORDS (40): a
#: passport page or a card side reads 15 to 60 words and is a scan to judge.
PHOTO_WORDS = 8

#: R-SCAN-2: below this effective resolution a scan is too coarse to read.
MIN_DPI = 150.0
#: A declared resolution is believed only if the page it implies is at most
#: this long (A3 is 16.5 in): cameras write 72 dpi on a 4000 px photo.
MAX_PLAUSIBLE_INCHES = 17.0
#: Without a believable resolution: fewer pixels than this on the long side is
#: too few to read an A4 page (800 px is A4 at 68 dpi).
MIN_LONG_SIDE_PX = 800
#: R-SCAN-2: mean Tesseract word confidence (0-100) under which a page is hard
#: to read. Seed 11 (``--ocr``): clean scans 78.4 at the least (median 92.9),
#: 150-dpi and turned scans 74.1, blurred 81.1, phone photos 59.1 (5th
#: percentile 62.8). Nothing the generator makes is this hard to read; it
#: catches what the other measures miss (stains, handwriting over print).
MIN_OCR_CONFIDENCE = 55.0

#: R-SCAN-3 blur. ``sharpness`` is the median, over edge pixels with a local
#: contrast of at least :data:`EDGE_MIN_CONTRAST` grey levels, of the gradient
#: over that contrast, at 150 dpi: 0.5 for a perfect one-pixel step, lower as
#: edges widen. Calibration (seeds 11 + 12, 106 clean text pages): clean scans
#: 0.456 at the least; the generator's blurred scans 0.354-0.478 (24 of 41
#: under 0.43), its phone photos 0.383-0.472 (18 of 38), a Gaussian blur of
#: 2 px at 150 dpi 0.257-0.419 (106 of 106). The committed sample scans (a mild
#: 0.3-0.6 px blur by design) sit at 0.442-0.447: 0.44 would be too close.
BLUR_SHARPNESS = 0.43
EDGE_MIN_CONTRAST = 60.0
#: Fewer edge pixels than this: nothing to judge sharpness or contrast on.
MIN_EDGE_PIXELS = 200

#: R-SCAN-3 exposure. ``paper_level`` is the 95th percentile of grey: the
#: paper. Clean scans: 226 at the least (a dark-mode screenshot: 87); damaged
#: and phone photos: 186; brightness x0.45: 39-114 (107 of 107 caught).
DARK_PAPER_LEVEL = 140.0
#: A dark page is "too dark" only if its text is dim too: a dark-mode
#: screenshot (paper 87, ink contrast 211 in seed 12) is not. Brightness x0.45:
#: ink contrast 97-114; clean scans 211 at the least.
DARK_INK_CONTRAST = 160.0
#: ``ink_contrast`` is the 90th percentile of the edges' local contrast: how
#: black the text is on its paper. Clean scans: 211 at the least; damaged:
#: 148; contrast x0.3 (faded): 66-77 (105 of 107 pages called too pale, the
#: other two too dark).
PALE_INK_CONTRAST = 120.0

#: R-SCAN-4: the band along each side that is looked at, in millimetres (at an
#: unknown resolution the long side is taken for an A4 page's 297 mm).
EDGE_BAND_MM = 1.5
#: Ink darker than the paper by this many grey levels.
INK_BELOW_PAPER = 90.0
#: A side is cut when, with its band on paper, at least this share of the
#: positions along it hold ink, in at least this many separate runs (text cut
#: through, not one ruled line). Seeds 11 + 12: no clean or damaged page is
#: called cut (skew wedges, edge shadows and phone backgrounds included); 12 of
#: 107 pages cut 10 % short at the bottom and 22 of 107 cut 8 % at the left are
#: (the others lost only margin); a page cut through every line always is.
CUT_INK_SHARE = 0.03
CUT_MIN_RUNS = 4
CUT_MAX_RUN_MM = 12.0
#: The outermost pixels of the frame are not looked at (scanner and skew lines).
FRAME_PX = 2


@dataclass(frozen=True)
class PageQuality:
    """What :func:`measure` saw on one page (grey levels 0-255)."""

    dpi: float | None  # the resolution believed, None when unknown
    width: int  # pixels of the page as given
    height: int
    sharpness: float | None  # None: too few edges to tell
    paper_level: float
    ink_contrast: float | None
    cut_sides: tuple[str, ...]  # "top", "bottom", "left", "right"


def believed_dpi(dpi: float | None, width: int, height: int) -> float | None:
    """The declared resolution if the page size it implies is plausible."""
    if not dpi or dpi <= 0:
        return None
    if max(width, height) / dpi > MAX_PLAUSIBLE_INCHES:
        return None
    return float(dpi)


def _working_copy(image: Image.Image, dpi: float | None) -> tuple[np.ndarray, float | None]:
    """8-bit grayscale at :data:`WORK_DPI` at most, and the copy's resolution."""
    w, h = image.size
    scale = WORK_DPI / dpi if dpi and dpi > WORK_DPI else 1.0
    if dpi is None:
        scale = min(1.0, WORK_MAX_SIDE / max(w, h))
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    factor = int(1 / scale + 1e-6)
    small = image.reduce(factor) if factor >= 2 else image  # box average, in C: fast
    gray = small if small.mode == "L" else small.convert("L")
    if gray.size != size:
        gray = gray.resize(size, Image.Resampling.BOX)
    return np.asarray(gray, dtype=np.uint8), (dpi * scale if dpi else None)


def _percentile(values: np.ndarray, share: float) -> float:
    """The ``share`` quantile of 8-bit values, from their histogram (no sort)."""
    cum = np.cumsum(np.bincount(values.ravel(), minlength=256))
    return float(np.searchsorted(cum, share * cum[-1]))


def measure(image: Image.Image, dpi: float | None = None) -> PageQuality:
    """Measure one page. ``dpi``: the file's resolution, if it says one."""
    import cv2  # an installed dependency; imported here to keep start-up light

    believed = believed_dpi(dpi, image.width, image.height)
    a, work_dpi = _working_copy(image, believed)
    paper = _percentile(a, 0.95)
    kernel = np.ones((5, 5), np.uint8)
    contrast = cv2.subtract(cv2.dilate(a, kernel), cv2.erode(a, kernel))
    # float32 Sobel straight away and the magnitude scaled in place: one page's worth
    # of float copies fewer (a 200-dpi A4 photo's check peaked at +37 MiB, issue 7)
    gx = cv2.Sobel(a, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(a, cv2.CV_32F, 0, 1, ksize=3)
    grad = cv2.magnitude(gx, gy)
    del gx, gy
    grad *= 1 / 8.0  # grey levels per pixel
    peaks = grad >= cv2.dilate(grad, np.ones((3, 3), np.uint8))
    edges = peaks & (contrast >= EDGE_MIN_CONTRAST) & (grad > 0)
    sharpness = ink = None
    if int(edges.sum()) >= MIN_EDGE_PIXELS:
        local = contrast[edges]
        sharpness = float(np.median(grad[edges] / local.astype(np.float32)))
        ink = _percentile(local, 0.90)
    return PageQuality(
        dpi=believed,
        width=image.width,
        height=image.height,
        sharpness=sharpness,
        paper_level=paper,
        ink_contrast=ink,
        cut_sides=_cut_sides(a, paper, work_dpi),
    )


def _runs(flags: np.ndarray) -> list[int]:
    """Lengths of the runs of True in a 1-D boolean array."""
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    steps = np.diff(padded)
    return list(np.flatnonzero(steps == -1) - np.flatnonzero(steps == 1))


def _short_runs(flags: np.ndarray, longest: int) -> np.ndarray:
    """``flags`` with its runs of True longer than ``longest`` cleared."""
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    steps = np.diff(padded)
    keep = np.zeros(len(flags), dtype=bool)
    for start, end in zip(np.flatnonzero(steps == 1), np.flatnonzero(steps == -1), strict=True):
        if end - start <= longest:
            keep[start:end] = True
    return keep


def _cut_sides(a: np.ndarray, paper: float, work_dpi: float | None) -> tuple[str, ...]:
    """R-SCAN-4: sides where text runs into the frame.

    A band along each side must be mostly paper (a scanner's edge shadow or a
    phone photo's table top is not) and hold ink in many short runs: letters
    cut through. A run longer than :data:`CUT_MAX_RUN_MM` is a ruled line, a
    card's edge or the wedge a skewed scan leaves, and does not count."""
    h, w = a.shape
    per_mm = (work_dpi / 25.4) if work_dpi else (max(h, w) / 297.0)  # unknown: an A4 page
    band = max(2, round(EDGE_BAND_MM * per_mm))
    if band <= FRAME_PX + 3 or band * 4 >= min(h, w):
        return ()
    max_run = max(3, round(CUT_MAX_RUN_MM * per_mm))
    # each strip as rows going inwards from the frame's edge
    strips = {
        "top": a[:band, :],
        "bottom": a[-band:, :][::-1, :],
        "left": a[:, :band].T,
        "right": a[:, -band:][:, ::-1].T,
    }
    ink_level = paper - INK_BELOW_PAPER
    skip = FRAME_PX
    third = max(1, (band - skip) // 3)
    cut = []
    for side, strip in strips.items():
        if float(np.median(strip)) < paper - 25:  # not on paper: shadow or background
            continue
        ink = strip < ink_level
        # ink next to the edge, in short runs (a long one is a line or the dark
        # wedge a skewed scan leaves), that goes on deeper in: strokes cut by the frame
        outer = _short_runs(np.asarray(ink[skip : skip + third].any(axis=0)), max_run)
        runs = [n for n in _runs(outer & ink[band - third :].any(axis=0)) if n >= 2]
        if len(runs) >= CUT_MIN_RUNS and sum(runs) >= CUT_INK_SHARE * strip.shape[1]:
            cut.append(side)
    return tuple(cut)


# --------------------------------------------------------------------------- findings


def _find(code: str, rule: str, path: str, page: int, **params: object) -> Finding:
    return Finding(code, Severity.WARNING, {"file": path, "page": page, **params}, rule)


def quality_findings(
    path: str, page_number: int, q: PageQuality, *, photo: bool = False
) -> list[Finding]:
    """Findings for measures ``q`` of page ``page_number`` (1-based) of ``path``."""
    out: list[Finding] = []
    dim_ink = q.ink_contrast is None or q.ink_contrast < DARK_INK_CONTRAST
    if q.paper_level < DARK_PAPER_LEVEL and dim_ink:  # not a dark-mode screen: its text is bright
        out.append(_find("scan_too_dark", "R-SCAN-3", path, page_number))
    if photo:
        return out
    blurred = q.sharpness is not None and q.sharpness < BLUR_SHARPNESS
    pale = q.ink_contrast is not None and q.ink_contrast < PALE_INK_CONTRAST
    if pale and not blurred and q.paper_level >= DARK_PAPER_LEVEL:  # blur also greys text
        out.append(_find("scan_too_pale", "R-SCAN-3", path, page_number))
    if q.dpi is not None and q.dpi < MIN_DPI - 0.5:
        out.append(_find("scan_low_resolution", "R-SCAN-2", path, page_number, dpi=round(q.dpi)))
    elif q.dpi is None and max(q.width, q.height) < MIN_LONG_SIDE_PX:
        out.append(
            _find(
                "scan_too_few_pixels",
                "R-SCAN-2",
                path,
                page_number,
                width=q.width,
                height=q.height,
            )
        )
    if blurred:
        out.append(_find("scan_blurred", "R-SCAN-3", path, page_number))
    if q.cut_sides:
        out.append(
            _find("scan_cut_off", "R-SCAN-4", path, page_number, sides=", ".join(q.cut_sides))
        )
    return out


# --------------------------------------------------------------------------- R-SCAN-5

_PAGE_OF = re.compile(
    r"\b(?:PAGE|PAGINA|FEUILLET|P\.)\s*(\d{1,2})\s*(?:/|SUR|OF|DE|SU)\s*(\d{1,2})\b"
)
_X_SUR_N = re.compile(r"^\s*(\d{1,2})\s*(?:/|SUR)\s*(\d{1,2})\s*$")
_TURN_OVER = re.compile(
    r"\b(?:SUITE AU VERSO|VOIR (?:AU )?VERSO|T\.?\s?S\.?\s?V\.?\s?P\b|PLEASE TURN OVER"
    r"|CONTINUED OVERLEAF|P\.\s?T\.\s?O\b)"
)


def pages_announced(text: str) -> int | None:
    """The largest page count the text announces (``page 2/3``, ``2 sur 3`` on a
    line of its own), or None."""
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        folded = fold(line)  # fold() joins lines: fold each on its own
        pairs += _PAGE_OF.findall(folded)
        if m := _X_SUR_N.match(folded):
            pairs.append((m.group(1), m.group(2)))
    counts = [int(n) for x, n in pairs if 1 <= int(x) <= int(n) <= 50 and int(n) > 1]
    return max(counts) if counts else None


def turns_over(text: str) -> bool:
    """Whether the text says the document goes on overleaf."""
    return bool(_TURN_OVER.search(fold(text)))


def missing_pages(path: str, page: Page, page_count: int) -> list[Finding]:
    """R-SCAN-5 on one page's text: more pages announced than the file holds, or
    a last page that says the document goes on overleaf."""
    count = max(page_count, page.index + 1)
    announced = pages_announced(page.text)
    if announced is not None and announced > count:
        return [
            Finding(
                "pages_missing",
                Severity.WARNING,
                {"file": path, "expected": announced, "present": count},
                "R-SCAN-5",
            )
        ]
    if page.index + 1 == count and turns_over(page.text):
        return [Finding("page_back_missing", Severity.WARNING, {"file": path}, "R-SCAN-5")]
    return []


# --------------------------------------------------------------------------- one call per page


def add_page_findings(problems: list[Finding], source: SourceFile, page: Page) -> None:
    """Append to ``problems`` what ``page`` (read, pixels still there) shows.

    The one call the analysis makes per page; findings already there (the
    same missing pages seen from another page) are not added twice.
    """
    found = missing_pages(source.path, page, source.page_count)
    if page.image is not None and page.text_source is not TextSource.TEXT_LAYER:
        photo = page.text_source is not TextSource.OCR or len(page.text.split()) <= PHOTO_WORDS
        q = measure(page.image, page.dpi)
        found += quality_findings(source.path, page.index + 1, q, photo=photo)
        if (
            not photo
            and page.ocr_confidence is not None
            and page.ocr_confidence < MIN_OCR_CONFIDENCE
            and not any(f.code in _EXPLAINS_LOW_CONFIDENCE for f in found)
        ):
            found.append(_find("scan_hard_to_read", "R-SCAN-2", source.path, page.index + 1))
    problems.extend(f for f in found if f not in problems)


#: When one of these is reported, a low OCR confidence says nothing more.
_EXPLAINS_LOW_CONFIDENCE = frozenset(
    {"scan_low_resolution", "scan_too_few_pixels", "scan_blurred", "scan_too_dark", "scan_too_pale"}
)
