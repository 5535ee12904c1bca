"""Read-only ingestion: walk a dossier, sniff each file, stream its pages.

Nothing here writes, renames or deletes: files are opened for reading only.
A file we cannot handle is never an exception but a :class:`Finding`:

=================== ======== ==================================================
code                severity when
=================== ======== ==================================================
``empty_file``      error    zero bytes
``unreadable_file`` error    the OS refuses to read it (permissions, I/O error)
``file_too_large``  error    over ``Limits.max_file_bytes`` (not read further)
``unsupported_type`` warning  not a PDF or an image type we read
``mime_mismatch``   warning  the extension disagrees with the sniffed type
``encrypted``       error    a PDF that needs a password
``corrupt_file``    error    a PDF or image that does not parse (``page`` when
                             only one page failed)
``too_many_pages``  warning  more pages than ``Limits.max_pages``
``too_many_pixels`` error    an image over ``Limits.max_pixels`` (a bomb)
``time_limit``      warning  reading stopped after ``Limits.seconds_per_file``
=================== ======== ==================================================

The walk (:mod:`dossier_check.walk`) and the limits
(:mod:`dossier_check.limits`) live apart and are re-exported here.

Pages are streamed (:func:`iter_pages`) so that a 50-page 300-dpi scan is
never held at once; :func:`load_source` loads them all for small files and
tests.
"""

from __future__ import annotations

import contextlib
import logging
import math
import mimetypes
import re
import time
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageOps
from pypdf import PasswordType, PdfReader
from pypdf.generic import ContentStream

from dossier_check.errors import EnvironmentProblem
from dossier_check.filebytes import read_head_and_hash
from dossier_check.limits import DEFAULT_LIMITS, Limits
from dossier_check.model import Finding, Page, Severity, SourceFile, TextSource

try:  # HEIC/HEIF (iPhone photos); without the wheel they are unsupported_type
    import pillow_heif

    pillow_heif.register_heif_opener()
    _HEIF = True
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    _HEIF = False

# pypdf reports repairs through logging; without a handler Python would print
# them on stderr, and the library prints nothing. Applications that configure
# logging still receive them (propagation is untouched).
logging.getLogger("pypdf").addHandler(logging.NullHandler())

PDF_MIME = "application/pdf"
EMPTY_MIME = "application/x-empty"
UNKNOWN_MIME = "application/octet-stream"

#: Sniffed MIME type -> Pillow format name (``Image.open(formats=...)``).
IMAGE_FORMATS: dict[str, str] = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
    "image/webp": "WEBP",
    "image/gif": "GIF",
    "image/bmp": "BMP",
    "image/x-ms-bmp": "BMP",
}
if _HEIF:
    for _mime in ("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"):
        IMAGE_FORMATS[_mime] = "HEIF"

SUPPORTED_MIMES = frozenset({PDF_MIME, *IMAGE_FORMATS})

_HEIF_MIMES = frozenset({"image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"})
#: What each extension we know promises; anything else sniffed is a mismatch.
_EXTENSION_MIMES: dict[str, frozenset[str]] = {
    ".pdf": frozenset({PDF_MIME}),
    ".jpg": frozenset({"image/jpeg"}),
    ".jpeg": frozenset({"image/jpeg"}),
    ".jpe": frozenset({"image/jpeg"}),
    ".jfif": frozenset({"image/jpeg"}),
    ".png": frozenset({"image/png"}),
    ".tif": frozenset({"image/tiff"}),
    ".tiff": frozenset({"image/tiff"}),
    ".webp": frozenset({"image/webp"}),
    ".gif": frozenset({"image/gif"}),
    ".bmp": frozenset({"image/bmp", "image/x-ms-bmp"}),
    ".dib": frozenset({"image/bmp", "image/x-ms-bmp"}),
    ".heic": _HEIF_MIMES,
    ".heif": _HEIF_MIMES,
    ".hif": _HEIF_MIMES,
}

#: Findings after which a file has no pages to stream.
_FATAL_CODES = frozenset(
    {
        "empty_file",
        "unreadable_file",
        "file_too_large",
        "unsupported_type",
        "encrypted",
        "corrupt_file",
    }
)

TEXT_PAGE_DPI = 150  # rendering of a page that has a text layer (photo/face checks)
IMAGE_PAGE_DPI = 300  # rendering of a scanned or vector page (for OCR)
#: A rendered PDF page has at most this many pixels, whatever its MediaBox
#: says (A3 at 300 dpi is 17 Mpx; OCR scales pages down to 3600 px anyway):
#: a page declared 5 m wide must not cost a gigabyte.
RENDER_MAX_PIXELS = 36_000_000
#: Nor a side longer than this (A4 at 1200 dpi is 14 031 px): a MediaBox of
#: 1 x 3 000 000 points is a damaged file, and resampling a 4 x 11 M px strip
#: costs gigabytes.
RENDER_MAX_SIDE = 14_000
#: An image with a longer side is refused like one with too many pixels
#: (JPEG cannot go past 65 535 either): the photo and OCR steps resample it.
MAX_IMAGE_SIDE = 65_535
#: Letters and digits, in words of two or more, that make a text layer real.
TEXT_LAYER_MIN_CHARS = 40
#: A page that draws an image and holds fewer word characters than this in its
#: text layer is treated as a scan and OCR'd (the layer is a footer or stamp).
SCAN_TEXT_MAX_CHARS = 400

_WORD = re.compile(r"\w{2,}")
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")


# --------------------------------------------------------------------- open_source


def sniff(head: bytes) -> str:
    """The MIME type libmagic reads in ``head`` (the first bytes of a file)."""
    try:
        import magic
    except ImportError as exc:  # python-magic raises ImportError when libmagic is absent
        raise EnvironmentProblem(
            "libmagic is not installed",
            hint="install it: 'apt-get install libmagic1' or 'brew install libmagic'",
        ) from exc
    mime: str = magic.from_buffer(head, mime=True)
    return mime or UNKNOWN_MIME


def _mime_mismatch(relpath: str, mime: str) -> Finding | None:
    """The extension promises another type than the bytes hold.

    Extensions we know are checked against what they promise; an unknown one
    only when the bytes are a type we read (a JPEG named ``.docx``).
    """
    ext = PurePosixPath(relpath).suffix.lower()
    if not ext:
        return None
    expected = _EXTENSION_MIMES.get(ext)
    if expected is None:
        guessed, _ = mimetypes.guess_type("file" + ext, strict=False)
        if guessed is None or mime not in SUPPORTED_MIMES:
            return None
        expected = frozenset({guessed})
    if mime in expected:
        return None
    # the extension without its dot, as messages.py writes ".{extension}"
    return Finding("mime_mismatch", Severity.WARNING, {"extension": ext[1:], "mime": mime})


def open_source(relpath: str, abspath: Path, limits: Limits = DEFAULT_LIMITS) -> SourceFile:
    """Identify one file: size, sha256, sniffed type, page count; no pages yet.

    The type comes from the bytes (libmagic), never from the extension.
    """
    try:
        head, size, sha = read_head_and_hash(abspath, limits.max_file_bytes)
    except OSError:
        finding = Finding("unreadable_file", Severity.ERROR)
        return SourceFile(relpath, abspath, UNKNOWN_MIME, 0, problems=(finding,))
    if size == 0:
        finding = Finding("empty_file", Severity.ERROR)
        return SourceFile(relpath, abspath, EMPTY_MIME, 0, problems=(finding,), sha256=sha)

    mime = sniff(head)
    problems: list[Finding] = []
    if (mismatch := _mime_mismatch(relpath, mime)) is not None:
        problems.append(mismatch)
    page_count = 0
    if size > limits.max_file_bytes:
        problems.append(
            Finding(
                "file_too_large", Severity.ERROR, {"size": size, "limit": limits.max_file_bytes}
            )
        )
    elif mime == PDF_MIME:
        page_count, findings = _probe_pdf(abspath)
        problems.extend(findings)
    elif mime in IMAGE_FORMATS:
        page_count, findings = _probe_image(abspath, mime, limits)
        problems.extend(findings)
    else:
        problems.append(Finding("unsupported_type", Severity.WARNING, {"mime": mime}))
    if page_count > limits.max_pages:
        problems.append(
            Finding(
                "too_many_pages", Severity.WARNING, {"pages": page_count, "limit": limits.max_pages}
            )
        )
    return SourceFile(
        relpath,
        abspath,
        mime,
        size,
        page_count=page_count,
        problems=tuple(problems),
        sha256=sha,
    )


def _probe_pdf(path: Path) -> tuple[int, list[Finding]]:
    """Page count of a PDF, or why it cannot be read (encrypted, corrupt)."""
    with _PdfHandles(path) as pdf:
        if pdf.needs_password:
            return 0, [Finding("encrypted", Severity.ERROR)]
        if not pdf.page_count:  # unreadable, or a page tree with no page in it
            return 0, [Finding("corrupt_file", Severity.ERROR)]
        return pdf.page_count, []


def _probe_image(path: Path, mime: str, limits: Limits) -> tuple[int, list[Finding]]:
    """Frames of a TIFF (one page each), 1 for other images; reads headers only.

    An animated GIF or WebP and a HEIC burst count 1: their extra frames are
    not pages. Pixel limits are checked when pages are read.
    """
    try:
        with _pixel_guard(limits), Image.open(path, formats=[IMAGE_FORMATS[mime]]) as img:
            if mime == "image/tiff":
                return max(1, int(getattr(img, "n_frames", 1))), []
            return 1, []
    except Image.DecompressionBombError:
        return 1, []  # reported by iter_pages, which reads the pixels
    except Exception:  # MemoryError included: headers are small unless a length lies
        return 0, [Finding("corrupt_file", Severity.ERROR)]


# ---------------------------------------------------------------------- iter_pages


def iter_pages(
    source: SourceFile,
    limits: Limits = DEFAULT_LIMITS,
    problems: list[Finding] | None = None,
    *,
    render_text_pages: bool = True,
    text_layers: bool = True,
) -> Iterator[Page]:
    """Yield the pages of ``source`` one at a time, never raising for a bad file.

    Findings met while reading are appended to ``problems``, skipping any
    already there or in ``source.problems`` (pass ``list(source.problems)``
    to collect everything in one list). At most ``limits.max_pages`` pages
    are read; the first page is always read, later ones only while
    ``limits.seconds_per_file`` has not elapsed.

    PDF pages with a real text layer come as ``TEXT_LAYER`` pages, rendered
    at 150 dpi unless ``render_text_pages`` is false (then ``image`` is None,
    ``width``/``height`` are in points and ``dpi`` is 72). Other PDF pages
    come as images: the page's own full-page scan when there is one, else a
    300-dpi rendering; with ``text_layers`` false, every PDF page comes so, its text
    layer ignored. Images are upright (EXIF orientation applied) and in
    mode ``RGB`` or ``L``; transparency is flattened onto white.
    """
    sink = problems if problems is not None else []
    if source.mime not in SUPPORTED_MIMES or any(p.code in _FATAL_CODES for p in source.problems):
        return
    reader = _Reader(source, limits, sink)
    if source.mime == PDF_MIME:
        yield from reader.pdf_pages(render_text_pages, text_layers)
    else:
        yield from reader.image_pages()


def load_source(
    relpath: str,
    abspath: Path,
    limits: Limits = DEFAULT_LIMITS,
    *,
    render_text_pages: bool = True,
) -> SourceFile:
    """:func:`open_source` then every page loaded, with all findings merged."""
    source = open_source(relpath, abspath, limits)
    problems = list(source.problems)
    pages = tuple(iter_pages(source, limits, problems, render_text_pages=render_text_pages))
    return replace(source, pages=pages, problems=tuple(problems))


class _Reader:
    """Page loops sharing the limits, the clock and the findings sink."""

    def __init__(self, source: SourceFile, limits: Limits, sink: list[Finding]) -> None:
        self.source = source
        self.limits = limits
        self.sink = sink
        self.started = time.monotonic()
        self.attempted = 0  # pages read or tried (a page that fails counts too)

    def add(self, finding: Finding) -> None:
        if finding not in self.sink and finding not in self.source.problems:
            self.sink.append(finding)

    def may_read(self, total: int) -> bool:
        """Whether one more page may be read (page and time limits); counts it."""
        if self.attempted >= self.limits.max_pages:
            if total > self.limits.max_pages:
                self.add(
                    Finding(
                        "too_many_pages",
                        Severity.WARNING,
                        {"pages": total, "limit": self.limits.max_pages},
                    )
                )
            return False
        if self.attempted and time.monotonic() - self.started >= self.limits.seconds_per_file:
            self.add(
                Finding(
                    "time_limit",
                    Severity.WARNING,
                    {"seconds": self.limits.seconds_per_file, "pages": self.attempted},
                )
            )
            return False
        self.attempted += 1
        return True

    def fits_in_memory(self, pixels: int) -> bool:
        """Whether decoding ``pixels`` (RGBA, a few copies) fits the worker's
        memory cap: then a MemoryError means the file lies about a length."""
        cap = self.limits.max_memory_mib * 1024 * 1024
        return cap == 0 or pixels * 4 * 3 < cap // 2

    def corrupt(self, index: int) -> None:
        self.add(Finding("corrupt_file", Severity.ERROR, {"page": index + 1}))

    def too_many_pixels(self, index: int, pixels: int | None) -> None:
        params: dict[str, Any] = {"page": index + 1, "limit": self.limits.max_pixels}
        if pixels is not None:
            params["pixels"] = pixels
        self.add(Finding("too_many_pixels", Severity.ERROR, params))

    # -- PDF

    def pdf_pages(self, render_text_pages: bool, text_layers: bool = True) -> Iterator[Page]:
        with _PdfHandles(self.source.abspath) as pdf:
            if pdf.needs_password:
                self.add(Finding("encrypted", Severity.ERROR))
                return
            if not pdf.page_count:
                self.add(Finding("corrupt_file", Severity.ERROR))
                return
            for index in range(pdf.page_count):
                if not self.may_read(pdf.page_count):
                    return
                page = self._pdf_page(pdf, index, render_text_pages, text_layers)
                if page is not None:
                    yield page

    def _pdf_page(
        self, pdf: _PdfHandles, index: int, render_text_pages: bool, text_layers: bool = True
    ) -> Page | None:
        text = pdf.text(index) if text_layers else ""
        # A scan with a few words of vector text over it (a footer, a scanner's
        # stamp) is a scan: OCR the rendered page rather than trust the snippet. So is
        # a scan under invisible text: a scanner app's own OCR, often of a page it read
        # upside down or with a garbled MRZ; ours reads the pixels (R-SCAN-1).
        scanned = pdf.has_image(index) and (
            _word_chars(text) < SCAN_TEXT_MAX_CHARS or pdf.text_is_invisible(index)
        )
        if _is_real_text(text) and not scanned:
            if not render_text_pages:
                size = pdf.size_points(index)
                if size is None:
                    self.corrupt(index)
                    return None
                width, height = (round(v) for v in size)
                return Page(
                    index,
                    None,
                    text=text,
                    text_source=TextSource.TEXT_LAYER,
                    dpi=72.0,
                    width=width,
                    height=height,
                )
            rendered = pdf.render(index, TEXT_PAGE_DPI, self.limits)
            if rendered is None:  # the text is what matters: keep the page without pixels
                return self._pdf_page(pdf, index, render_text_pages=False)
            image, dpi = rendered
            return Page(
                index,
                image,
                text=text,
                text_source=TextSource.TEXT_LAYER,
                dpi=dpi,
                width=image.width,
                height=image.height,
            )
        found = pdf.embedded_scan(index, self.limits)
        if found is None:
            found = pdf.render(index, IMAGE_PAGE_DPI, self.limits)
        if found is None:
            self.corrupt(index)
            return None
        image, dpi = found
        return Page(index, image, dpi=dpi, width=image.width, height=image.height)

    # -- images

    def image_pages(self) -> Iterator[Page]:
        fmt = IMAGE_FORMATS[self.source.mime]
        try:
            with _pixel_guard(self.limits):
                img = Image.open(self.source.abspath, formats=[fmt])
        except Image.DecompressionBombError as exc:
            match = _BOMB_PIXELS.search(str(exc))
            self.too_many_pixels(0, int(match.group(1)) if match else None)
            return
        except Exception:
            self.add(Finding("corrupt_file", Severity.ERROR))
            return
        with img:
            frames = max(1, int(getattr(img, "n_frames", 1))) if fmt == "TIFF" else 1
            for index in range(frames):
                if not self.may_read(frames):
                    return
                try:
                    if index:
                        img.seek(index)
                except Exception:
                    self.corrupt(index)
                    return
                pixels = img.width * img.height
                if pixels > self.limits.max_pixels or max(img.size) > MAX_IMAGE_SIDE:
                    self.too_many_pixels(index, pixels)
                    continue
                try:
                    with _pixel_guard(self.limits):
                        img.load()
                        upright = ImageOps.exif_transpose(img)
                    page_image = to_rgb_or_l(upright)
                except Image.DecompressionBombError:
                    self.too_many_pixels(index, pixels)
                    continue
                except MemoryError:
                    if not self.fits_in_memory(pixels):
                        raise  # a real image too big for the worker: out_of_memory
                    self.corrupt(index)  # a chunk length that lies (fuzzed PNG IDAT)
                    continue
                except Exception:
                    self.corrupt(index)
                    continue
                yield Page(
                    index,
                    page_image,
                    dpi=_info_dpi(img.info),
                    width=page_image.width,
                    height=page_image.height,
                )


# --------------------------------------------------------------------------- PDFs


class _PdfHandles:
    """A PDF opened with pypdf (text, embedded scans) and pdfium (rendering).

    Either may fail where the other succeeds: pypdf needs the ``cryptography``
    package for AES and gives up on some damaged files that pdfium repairs.
    ``page_count`` is None when neither can read the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.needs_password = False
        self.reader: PdfReader | None = None
        self.doc: pdfium.PdfDocument | None = None
        self.page_count: int | None = None
        self._stack = contextlib.ExitStack()

    def __enter__(self) -> _PdfHandles:
        self._open_pypdf()
        if not self.needs_password:
            self._open_pdfium()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.doc is not None:
            with contextlib.suppress(Exception):
                self.doc.close()
        self._stack.close()

    def _open_pypdf(self) -> None:
        try:
            fh = self._stack.enter_context(self.path.open("rb"))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                reader = PdfReader(fh)
                if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    self.needs_password = True
                    return
                self.page_count = len(reader.pages)
            self.reader = reader
        except Exception:  # damaged, or AES without the cryptography package
            self.reader = None
            self.page_count = None

    def _open_pdfium(self) -> None:
        try:
            self.doc = pdfium.PdfDocument(str(self.path))
        except pdfium.PdfiumError as exc:
            if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
                self.needs_password = True
                self.reader = None
                self.page_count = None
            return
        except Exception:
            return
        if self.page_count is None:
            self.page_count = len(self.doc)
        elif len(self.doc) != self.page_count:
            # The two disagree on a damaged file: trust pdfium, which renders.
            self.page_count = len(self.doc)
            self.reader = None

    def has_image(self, index: int) -> bool:
        """Whether the page draws an image XObject (a scan under the text layer)."""
        if self.reader is None:
            return False
        try:
            xobjects = self.reader.pages[index]["/Resources"].get_object().get("/XObject")
            if xobjects is None:
                return False
            return any(
                xobjects.get_object()[name].get_object().get("/Subtype") == "/Image"
                for name in xobjects.get_object()
            )
        except Exception:
            return False

    def text_is_invisible(self, index: int) -> bool:
        """Whether all the text the page's content shows is invisible (render mode 3
        or 7): the layer an OCR program lays over a scan to make it searchable."""
        if self.reader is None:
            return False
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                contents = self.reader.pages[index].get_contents()
                if contents is None:
                    return False
                return _only_invisible_text(ContentStream(contents, self.reader).operations)
        except Exception:
            return False

    def text(self, index: int) -> str:
        """The page's text layer ('' when none or unreadable): pypdf, else pdfium."""
        if self.reader is not None:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return self.reader.pages[index].extract_text() or ""
            except Exception:
                pass
        if self.doc is not None:
            try:
                page = self.doc[index]
                textpage = page.get_textpage()
                try:
                    return str(textpage.get_text_bounded())
                finally:
                    textpage.close()
                    page.close()
            except Exception:
                pass
        return ""

    def size_points(self, index: int) -> tuple[float, float] | None:
        """The displayed page size in points (rotation applied)."""
        try:
            if self.doc is not None:
                page = self.doc[index]
                try:
                    width, height = page.get_size()
                    return float(width), float(height)
                finally:
                    page.close()
            if self.reader is not None:
                rpage = self.reader.pages[index]
                box = rpage.cropbox
                width, height = float(box.width), float(box.height)
                if rpage.rotation % 180:
                    width, height = height, width
                return width, height
        except Exception:
            pass
        return None

    def render(self, index: int, dpi: float, limits: Limits) -> tuple[Image.Image, float] | None:
        """Render a page at ``dpi`` (lowered for huge pages to fit ``max_pixels``)."""
        if self.doc is None:
            return None
        try:
            page = self.doc[index]
        except Exception:
            return None
        try:
            width, height = page.get_size()
            scale = dpi / 72
            area = max(width * height, 1.0)
            budget = min(limits.max_pixels, RENDER_MAX_PIXELS)
            if area * scale * scale > budget:
                scale = math.sqrt(budget / area) * 0.999
            scale = min(scale, RENDER_MAX_SIDE * 0.999 / max(width, height, 1.0))
            bitmap = page.render(scale=scale, may_draw_forms=True)
            try:
                image = bitmap.to_pil()
                if image.mode != "RGB":  # only BGR -> RGB is sure to copy the buffer
                    image = image.copy()
                image.load()
            finally:
                bitmap.close()
            return to_rgb_or_l(image), scale * 72
        except MemoryError:
            raise
        except Exception:
            return None
        finally:
            page.close()

    def embedded_scan(self, index: int, limits: Limits) -> tuple[Image.Image, float] | None:
        """The page's single full-page image and its dpi, or None to render instead.

        Taken only when the page draws one image XObject over exactly its crop
        box and nothing else (no text, paths, annotations, masks or decode
        arrays): then the scanner's pixels are used as they are, without
        resampling. Anything less plain is left to pdfium.
        """
        if self.reader is None:
            return None
        self._release: Any = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return self._embedded_scan(index, limits)
        except Exception:
            return None
        finally:
            # pypdf caches every object it parsed, the scan's stream included:
            # drop it so a long scanned PDF does not pile up in memory.
            key = (
                getattr(self._release, "generation", None),
                getattr(self._release, "idnum", None),
            )
            self.reader.resolved_objects.pop(key, None)  # type: ignore[arg-type]

    def _embedded_scan(self, index: int, limits: Limits) -> tuple[Image.Image, float] | None:
        assert self.reader is not None
        rpage = self.reader.pages[index]
        if "/Annots" in rpage:
            return None
        resources = rpage.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return None
        xobjects = xobjects.get_object()
        if len(xobjects) != 1:
            return None
        name, ref = next(iter(xobjects.items()))
        self._release = ref
        xobj = ref.get_object()
        if not _plain_image(xobj):
            return None
        px_w, px_h = int(xobj["/Width"]), int(xobj["/Height"])
        if px_w * px_h > limits.max_pixels:
            return None  # rendering caps the pixels instead
        contents = rpage.get_contents()
        if contents is None:
            return None
        ctm = _single_image_ctm(ContentStream(contents, self.reader).operations, name)
        box = rpage.cropbox
        left, bottom = float(box.left), float(box.bottom)
        width, height = float(box.width), float(box.height)
        if ctm is None or not _covers(ctm, (width, 0.0, 0.0, height, left, bottom)):
            return None
        with _pixel_guard(limits):
            image = rpage.images[name].image
            if image is None:
                return None
            image.load()
        if image.size != (px_w, px_h) or image.mode not in ("1", "L", "RGB"):
            return None
        unit = float(rpage.get("/UserUnit", 1) or 1)
        dpi = (px_w / (width * unit / 72) + px_h / (height * unit / 72)) / 2
        image = _rotate_clockwise(to_rgb_or_l(image), rpage.rotation)
        return image, dpi


def _plain_image(xobj: Any) -> bool:
    """An image XObject whose pixels mean what they say: no mask, no decode
    array, gray or RGB (Indexed, CMYK, Lab and DeviceN are left to pdfium,
    which handles their quirks), no inverted fax encoding."""
    if xobj.get("/Subtype") != "/Image" or any(
        key in xobj for key in ("/ImageMask", "/SMask", "/Mask", "/Decode")
    ):
        return False
    params = xobj.get("/DecodeParms")
    for param in params if isinstance(params, list) else [params]:
        if param is not None and param.get_object().get("/BlackIs1"):
            return False
    space = xobj.get("/ColorSpace")
    if space is None:  # JPEG 2000 carries its own
        return xobj.get("/Filter") == "/JPXDecode"
    space = space.get_object()
    if isinstance(space, list) and space:
        family = space[0]
        if family == "/ICCBased":
            return int(space[1].get_object().get("/N", 0)) in (1, 3)
        return family in ("/CalGray", "/CalRGB")
    return space in ("/DeviceGray", "/DeviceRGB")


_NEUTRAL_OPERATORS = frozenset(
    {b"q", b"Q", b"cm", b"gs", b"w", b"J", b"j", b"M", b"d", b"ri", b"i"}
)


#: Operators that show text, and the render modes that show nothing (3; 7 clips).
_SHOW_TEXT = frozenset({b"Tj", b"TJ", b"'", b'"'})
_INVISIBLE_MODES = frozenset({3, 7})


def _only_invisible_text(operations: list[tuple[Any, bytes]]) -> bool:
    """Whether ``operations`` show text, all of it in an invisible render mode."""
    mode, saved = 0, []
    shown = False
    for operands, operator in operations:
        if operator == b"q":
            saved.append(mode)
        elif operator == b"Q":
            mode = saved.pop() if saved else 0
        elif operator == b"Tr" and operands:
            mode = int(operands[0])
        elif operator in _SHOW_TEXT:
            if mode not in _INVISIBLE_MODES:
                return False
            shown = True
    return shown


def _single_image_ctm(operations: list[tuple[Any, bytes]], name: str) -> tuple[float, ...] | None:
    """The transformation under which the content draws image ``name`` once,
    or None when it draws anything else (text, paths, other images)."""
    ctm: tuple[float, ...] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    saved: list[tuple[float, ...]] = []
    drawn: tuple[float, ...] | None = None
    for operands, operator in operations:
        if operator == b"q":
            saved.append(ctm)
        elif operator == b"Q":
            ctm = saved.pop() if saved else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            ca, cb, cc, cd, ce, cf = ctm
            ctm = (
                a * ca + b * cc,
                a * cb + b * cd,
                c * ca + d * cc,
                c * cb + d * cd,
                e * ca + f * cc + ce,
                e * cb + f * cd + cf,
            )
        elif operator == b"Do":
            if drawn is not None or str(operands[0]) != name:
                return None
            drawn = ctm
        elif operator not in _NEUTRAL_OPERATORS:
            return None
    return drawn


def _covers(ctm: tuple[float, ...], page: tuple[float, ...]) -> bool:
    """The image's unit square lands on the page box, within 1 % of its size."""
    tolerance = 0.01 * max(page[0], page[3])
    return all(abs(x - y) <= tolerance for x, y in zip(ctm, page, strict=True))


def _rotate_clockwise(image: Image.Image, degrees: int) -> Image.Image:
    turns = {
        90: Image.Transpose.ROTATE_270,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }
    method = turns.get(degrees % 360)
    return image if method is None else image.transpose(method)


def _word_chars(text: str) -> int:
    return sum(len(w) for w in _WORD.findall(text) if not w.isdigit())


def _is_real_text(text: str) -> bool:
    """Enough word characters (words of 2+, not bare numbers) to be a real layer."""
    total = 0
    for word in _WORD.findall(text):
        if not word.isdigit():
            total += len(word)
            if total >= TEXT_LAYER_MIN_CHARS:
                return True
    return False


# ------------------------------------------------------------------------- images


@contextlib.contextmanager
def _pixel_guard(limits: Limits) -> Iterator[None]:
    """Pillow's decompression-bomb guard set to ``limits.max_pixels`` for a block.

    Pillow warns past the limit and raises past twice it; we check sizes
    ourselves, so the warning is silenced, and so are its warnings about
    damaged files ("Corrupt EXIF data"): the library prints nothing. Pillow's
    setting is global: the previous value is restored on exit (not
    thread-safe; we use processes).
    """
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def to_rgb_or_l(image: Image.Image) -> Image.Image:
    """Convert any Pillow mode to ``RGB`` or ``L``, flattening alpha onto white.

    16-bit and 32-bit grayscale are scaled to 8 bits (Pillow's own conversion
    clips them to white).
    """
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I") or mode == "F":
        return _deep_gray_to_l(image)
    if mode == "P":
        palette = image.palette
        has_alpha = "transparency" in image.info or (palette is not None and palette.mode == "RGBA")
        if not has_alpha:
            return image.convert("RGB")
        image, mode = image.convert("RGBA"), "RGBA"
    if mode in ("LA", "La"):
        return _flatten(image.convert("LA"), "L")
    if mode in ("RGBA", "RGBa", "PA"):
        return _flatten(image.convert("RGBA"), "RGB")
    return image.convert("RGB")  # CMYK, YCbCr, LAB, HSV, RGBX...


def _flatten(image: Image.Image, target: str) -> Image.Image:
    background = Image.new(target, image.size, "white")
    background.paste(image.convert(target), mask=image.getchannel("A"))
    return background


def _deep_gray_to_l(image: Image.Image) -> Image.Image:
    sixteen = image.mode.startswith("I;16")
    array = np.asarray(image.convert("I") if sixteen else image)
    scaled: np.ndarray[Any, Any]
    if array.ndim != 2:
        return image.convert("L")
    if sixteen:
        scaled = array.astype(np.int64) >> 8
    elif image.mode == "F":
        peak = float(np.nanmax(array)) if array.size else 0.0
        scaled = np.nan_to_num(array * (255.0 if peak <= 1.0 else 1.0))
    else:
        peak = int(array.max()) if array.size else 0
        if peak <= 255:
            scaled = array
        elif peak <= 65535:
            scaled = array.astype(np.int64) >> 8
        else:
            scaled = array.astype(np.float64) * (255.0 / peak)
    return Image.fromarray(np.clip(scaled, 0, 255).astype(np.uint8))


def _info_dpi(info: Mapping[Any, Any]) -> float | None:
    """The resolution the file declares, when it is a plausible one."""
    raw = info.get("dpi")
    try:
        values = [float(v) for v in raw]  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    plausible = [v for v in values if 20 <= v <= 10_000]
    return sum(plausible) / len(plausible) if plausible else None
