"""Small blurred thumbnails of each file's first page, inlined in the HTML report.

The pages' pixels are not kept in the :class:`Document` records, so the file
is read again here, read-only, first page only. A thumbnail is at most
``MAX_SIDE`` pixels on its long side and blurred so that no identifier (the
MRZ band, the IBAN line, a document number) can be read from it, on a card
photographed up close as on a full A4 page: the blur radius grows with the
thumbnail's pixels per millimetre when the scan's resolution is known. What
stays visible is what a volunteer needs to recognise a document: its shape,
its layout, a photo, which way up it is.
"""

from __future__ import annotations

import base64
import io

from PIL import Image, ImageFilter

from dossier_check.ingest import Limits, iter_pages, open_source
from dossier_check.model import Document

#: Longest side of a thumbnail, in pixels.
MAX_SIDE = 160
#: Smallest Gaussian blur radius, in thumbnail pixels.
MIN_BLUR = 1.1
#: Blur radius per thumbnail pixel-per-millimetre: ~0.7 mm of the paper, about a
#: third of an MRZ character's height, so close-up cards blur as much as pages.
BLUR_MM = 0.7
#: JPEG quality of the inlined thumbnail.
QUALITY = 70

_ONE_PAGE = Limits(max_pages=1, seconds_per_file=30.0)


def thumbnail_image(doc: Document, max_side: int = MAX_SIDE) -> Image.Image | None:
    """The blurred, upright thumbnail of ``doc``'s first page, or None when unreadable."""
    try:
        source = open_source(doc.path, doc.source.abspath, _ONE_PAGE)
        page = next(iter_pages(source, _ONE_PAGE, []), None)
    except Exception:  # noqa: BLE001 - a thumbnail is never worth a crash
        return None
    if page is None or page.image is None:
        return None
    image = page.image.convert("RGB")
    rotation = doc.source.pages[0].rotation if doc.source.pages else 0
    if rotation:  # the clockwise angle the OCR found makes the page upright
        image = image.rotate(-rotation, expand=True, fillcolor="white")
    scale = min(1.0, max_side / max(image.size))
    image = image.resize(
        (max(1, round(image.width * scale)), max(1, round(image.height * scale))),
        Image.Resampling.LANCZOS,
    )
    px_per_mm = (page.dpi / 25.4) * scale if page.dpi else 0.0
    radius = max(MIN_BLUR, BLUR_MM * px_per_mm)
    return image.filter(ImageFilter.GaussianBlur(radius))


def thumbnail_uri(doc: Document, max_side: int = MAX_SIDE) -> str | None:
    """``data:image/jpeg;base64,...`` for ``doc``, or None when the file cannot be read."""
    image = thumbnail_image(doc, max_side)
    if image is None:
        return None
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=QUALITY, optimize=True)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
