"""Make the bad-input corpus of issue 7 in a folder; nothing binary is committed.

Every hostile or broken input a volunteer may point the tool at, made by code
(Pillow, pillow-heif, fpdf2, pypdf and hand-written PDF bytes), each one
named after its defect and listed with what the checker must do about it::

    .venv/bin/python -m tests.bad_inputs /tmp/bad        # writes the corpus
    .venv/bin/dossier-check check /tmp/bad --jobs 2      # exit 0/1, never 2

:func:`make_corpus` returns the :class:`Case` list the tests iterate over.
``expect`` is the finding code the file must get (``""``: read without an
error finding), or for entries the walk skips, the ``ignored`` reason.
Cases that need a non-root user (mode 000) or a filesystem that takes
non-UTF-8 names are made only where they mean something.
"""

from __future__ import annotations

import io
import os
import random
import re
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pillow_heif
from fpdf import FPDF
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

pillow_heif.register_heif_opener()

#: Words that make a page a real text layer (ingest.TEXT_LAYER_MIN_CHARS).
TEXT = (
    "Attestation de droits a l'assurance maladie. Caisse primaire d'assurance "
    "maladie de Paris, beneficiaire Jeanne Dupont."
)


@dataclass(frozen=True)
class Case:
    """One bad input: where it sits in the dossier and what the checker must say."""

    name: str  # test id
    path: str  # path relative to the dossier, as the report shows it
    expect: str  # finding code, '' for "read without an error", or an ignored reason
    ignored: bool = False  # the walk skips it (listed under ``ignored``)
    needs_non_root: bool = False  # only meaningful when the check runs as a normal user


# ------------------------------------------------------------------ builders


def text_pdf_bytes(pages: int = 1, text: str = TEXT) -> bytes:
    """A text-layer PDF, ``pages`` pages of ``text`` (fpdf2)."""
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"Page {number + 1}. {text}")
    return bytes(pdf.output())


def scan_image(size: tuple[int, int] = (400, 300), mode: str = "RGB") -> Image.Image:
    """A white page with a black block and a line of text."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((w // 8, h // 8, w // 2, h // 3), fill="black")
    draw.text((w // 8, h // 2), "SCAN", fill="black")
    return image if mode == "RGB" else image.convert(mode)


def image_bytes(image: Image.Image, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **kwargs)
    return buf.getvalue()


def encrypted_pdf_bytes(user_password: str, owner_password: str = "owner") -> bytes:
    """A text PDF encrypted with RC4-128 (readable without the optional AES backend)."""
    reader = PdfReader(io.BytesIO(text_pdf_bytes()))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def raw_pdf(objects: list[bytes], root: int = 1, xref_shift: int = 0) -> bytes:
    """A PDF from numbered object bodies (``objects[0]`` is object 1).

    ``xref_shift`` moves every offset of the cross-reference table: a broken
    xref that readers must repair by scanning the file.
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % (offset + xref_shift)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_CONTENT = b"BT /F1 12 Tf 72 720 Td (" + TEXT.encode("latin-1") + b") Tj ET"


def broken_xref_pdf() -> bytes:
    """A one-page text PDF whose xref offsets all point 7 bytes off."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(_CONTENT),
            _FONT,
        ],
        xref_shift=7,
    )


def looping_pdf() -> bytes:
    """Object graph loops: the page tree lists itself as a kid, the page's form
    XObject draws itself, and two objects reference each other as /Parent."""
    form = b"q /X1 Do Q " + _CONTENT
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 /Parent 6 0 R >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /XObject << /X1 4 0 R >> /Font << /F1 5 0 R >> >> "
            b"/Contents 7 0 R >>",
            _stream(
                form,
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                b"/Resources << /XObject << /X1 4 0 R >> /Font << /F1 5 0 R >> >> ",
            ),
            _FONT,
            b"<< /Type /Pages /Kids [2 0 R] /Count 2 /Parent 2 0 R >>",
            _stream(b"/X1 Do"),
        ]
    )


def nested_pdf(depth: int = 50_000, tree_depth: int = 3_000) -> bytes:
    """Deep nesting two ways: an array nested ``depth`` levels in the page's
    dictionary, and a page tree ``tree_depth`` /Pages nodes deep."""
    deep = b"[" * depth + b"]" * depth
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    # object 2 .. tree_depth+1: a chain of /Pages nodes; the last one holds the page
    first_node, page_obj = 2, tree_depth + 2
    for level in range(tree_depth):
        number = first_node + level
        kid = number + 1
        parent = b"" if level == 0 else b"/Parent %d 0 R " % (number - 1)
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, kid))
    objects.append(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Deep " % (page_obj - 1)
        + deep
        + b" /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
        % (page_obj + 1, page_obj + 2)
    )
    objects.append(_FONT)
    objects.append(_stream(_CONTENT))
    return raw_pdf(objects)


def bomb_png(side: int = 30_000) -> bytes:
    """A real PNG of side x side 1-bit pixels (900 Mpx), a few hundred KB on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row * 1000) for _ in range(side // 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def png16_bytes() -> bytes:
    gray = scan_image((300, 200), "L")
    deep = Image.fromarray(np.asarray(gray).astype(np.uint16) * 257)  # mode I;16
    return image_bytes(deep, "PNG")


def animated_gif_bytes() -> bytes:
    frames = [scan_image((200, 150), "P") for _ in range(3)]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buf.getvalue()


def lying_png_bytes() -> bytes:
    """A small PNG whose IDAT chunk claims 2 GiB: Pillow asks for that much
    memory at once (found by benchmarks/fuzz.py). Not in the corpus: without
    the workers' memory cap it would really allocate it."""
    data = bytearray(image_bytes(Image.new("RGB", (64, 48), "white"), "PNG"))
    at = data.index(b"IDAT") - 4
    data[at : at + 4] = struct.pack(">I", 0x7FFFFFF0)
    return bytes(data)


def corrupt_heic_bytes() -> bytes:
    """A real HEIC (pillow-heif) with its coded data cut and overwritten."""
    data = bytearray(image_bytes(scan_image((256, 256)), "HEIF", quality=50))
    cut = data[: len(data) * 2 // 3]
    for i in range(len(cut) // 2, len(cut), 97):
        cut[i] ^= 0x5A
    return bytes(cut)


# ------------------------------------------------------------------ the corpus

#: name -> (relative path, bytes maker, expected code)
_FILES: list[tuple[str, str, Callable[[], bytes], str]] = [
    ("truncated_pdf", "truncated.pdf", lambda: text_pdf_bytes(3)[:900], "corrupt_file"),
    (
        "encrypted_user_password",
        "encrypted_user.pdf",
        lambda: encrypted_pdf_bytes("s3cret"),
        "encrypted",
    ),
    ("encrypted_owner_only", "encrypted_owner_only.pdf", lambda: encrypted_pdf_bytes(""), ""),
    ("broken_xref", "broken_xref.pdf", broken_xref_pdf, ""),
    ("pdf_500_pages", "pages_500.pdf", lambda: text_pdf_bytes(500), "too_many_pages"),
    ("looping_pdf", "loop.pdf", looping_pdf, "corrupt_file"),
    ("nested_pdf", "nested.pdf", nested_pdf, "corrupt_file"),
    ("zero_bytes", "zero.pdf", lambda: b"", "empty_file"),
    (
        "jpeg_named_pdf",
        "jpeg_named.pdf",
        lambda: image_bytes(scan_image(), "JPEG"),
        "mime_mismatch",
    ),
    (
        "text_named_jpg",
        "text_named.jpg",
        lambda: b"Bonjour, voici mes papiers.\n" * 20,
        "unsupported_type",
    ),
    ("decompression_bomb_png", "bomb.png", bomb_png, "too_many_pixels"),
    (
        "one_pixel",
        "one_pixel.png",
        lambda: image_bytes(Image.new("RGB", (1, 1), "white"), "PNG"),
        "",
    ),
    ("wide_30000x200", "wide.png", lambda: image_bytes(scan_image((30_000, 200), "L"), "PNG"), ""),
    ("cmyk_jpeg", "cmyk.jpg", lambda: image_bytes(scan_image(mode="CMYK"), "JPEG"), ""),
    ("png_16_bit", "deep16.png", png16_bytes, ""),
    ("palette_gif", "palette.gif", lambda: image_bytes(scan_image(mode="P"), "GIF"), ""),
    ("animated_gif", "animated.gif", animated_gif_bytes, ""),
    ("corrupt_heic", "corrupt.heic", corrupt_heic_bytes, "corrupt_file"),
    ("newline_in_name", "scan\nidentity ok.jpg", lambda: image_bytes(scan_image(), "JPEG"), ""),
    (
        "deep_folder",
        "/".join(f"d{i:02d}" for i in range(1, 31)) + "/deep.png",
        lambda: image_bytes(scan_image(), "PNG"),
        "",
    ),
    ("mode_000", "locked.pdf", lambda: text_pdf_bytes(1), "unreadable_file"),
]

#: The display form of the non-UTF-8 name b"caf\xe9.jpg" (ingest escapes what it cannot decode).
NON_UTF8_NAME = b"caf\xe9.jpg"
NON_UTF8_DISPLAY = "caf\\xe9.jpg"


def make_corpus(dossier: Path, outside: Path | None = None) -> list[Case]:
    """Write every bad input under ``dossier`` (created); return the cases.

    ``outside`` is a folder next to it for the symlink that points out
    (default: ``dossier``'s sibling ``outside``). The mode-000 file is made
    readable by nobody; only a non-root run sees that.
    """
    dossier.mkdir(parents=True, exist_ok=True)
    outside = outside or dossier.parent / f"{dossier.name}-outside"
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    for name, rel, make, expect in _FILES:
        path = dossier / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(make())
        shown = rel.replace("\n", "\\n")  # how the report shows the name (walk.display_name)
        cases.append(Case(name, shown, expect, needs_non_root=name == "mode_000"))
    (dossier / "locked.pdf").chmod(0o000)

    try:  # a filesystem that stores raw bytes takes it (ext4, tmpfs); macOS refuses
        raw = os.path.join(os.fsencode(dossier), NON_UTF8_NAME)
        with open(raw, "wb") as fh:
            fh.write(image_bytes(scan_image(), "JPEG"))
        cases.append(Case("non_utf8_name", NON_UTF8_DISPLAY, ""))
    except OSError:
        pass

    secret = outside / "secret.pdf"
    secret.write_bytes(text_pdf_bytes(1, "Not part of this dossier."))
    (dossier / "outside_link.pdf").symlink_to(secret)
    cases.append(Case("symlink_outside", "outside_link.pdf", "symlink_outside", ignored=True))
    (dossier / "loop").symlink_to("loop")
    cases.append(Case("symlink_loop_self", "loop", "symlink_loop", ignored=True))
    (dossier / "d01" / "up").symlink_to("..")
    cases.append(Case("symlink_loop_parent", "d01/up", "symlink_loop", ignored=True))
    os.mkfifo(dossier / "pipe.pdf")
    cases.append(Case("fifo", "pipe.pdf", "not_a_file", ignored=True))
    return cases


# ------------------------------------------------------------------ fuzzing

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "dossiers" / "complete"


def fuzz_seeds(small: bool = False) -> dict[str, bytes]:
    """Valid inputs to mutate: the committed sample scans and made ones.

    ``small`` keeps the sample PDFs under 50 KB and the made images (the
    in-suite run: face detection on a full photo costs a second a case);
    otherwise every sample of the complete dossier is included (the long
    benchmark run).
    """
    seeds = {
        "text.pdf": text_pdf_bytes(2),
        "scan.pdf": image_bytes(scan_image((300, 400)), "PDF", resolution=50.0),
        "rc4.pdf": encrypted_pdf_bytes(""),
        "scan.png": image_bytes(scan_image((120, 90)), "PNG"),
        "scan16.png": png16_bytes(),
        "scan.jpg": image_bytes(scan_image((160, 120)), "JPEG", quality=70),
        "cmyk.jpg": image_bytes(scan_image((80, 60), "CMYK"), "JPEG"),
        "scan.gif": animated_gif_bytes(),
        "scan.tiff": image_bytes(scan_image((120, 90)), "TIFF", compression="tiff_lzw"),
        "scan.webp": image_bytes(scan_image((120, 90)), "WEBP"),
        "scan.heic": image_bytes(scan_image((64, 64)), "HEIF", quality=40),
    }
    for path in sorted(SAMPLES.glob("*")) if SAMPLES.is_dir() else []:
        small_pdf = path.suffix.lower() == ".pdf" and path.stat().st_size < 50_000
        if path.is_file() and (not small or small_pdf):
            seeds[path.name] = path.read_bytes()
    return seeds


_INTERESTING = (0x00, 0x01, 0x7F, 0x80, 0xFF, ord("0"), ord("9"), ord("<"), ord("/"))
_NUMBER = re.compile(rb"(?<![\w.])\d{1,10}(?![\w.])")
_HUGE = (b"0", b"-1", b"1", b"2147483647", b"4294967296", b"99999999999999999999", b"65536")


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """One to three damage steps: bit flips, odd bytes, truncation, spliced
    chunks (from ``others``), a cut or repeated run, a PDF number turned huge."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not out:
            out = bytearray(b"\0")
        kind = rng.randrange(7)
        if kind == 0:  # bit flips
            for _ in range(rng.randint(1, 16)):
                i = rng.randrange(len(out))
                out[i] ^= 1 << rng.randrange(8)
        elif kind == 1:  # interesting bytes
            for _ in range(rng.randint(1, 8)):
                out[rng.randrange(len(out))] = rng.choice(_INTERESTING)
        elif kind == 2:  # truncation
            out = out[: rng.randrange(1, len(out) + 1)]
        elif kind == 3 and others:  # splice a chunk of another file
            other = rng.choice(others)
            a = rng.randrange(len(other))
            chunk = other[a : a + rng.randint(1, 4096)]
            at = rng.randrange(len(out) + 1)
            end = at + rng.choice((0, len(chunk), rng.randint(0, 4096)))
            out[at:end] = chunk
        elif kind == 4:  # delete a run
            a = rng.randrange(len(out))
            del out[a : a + rng.randint(1, 2048)]
        elif kind == 5:  # repeat a run
            a = rng.randrange(len(out))
            run = out[a : a + rng.randint(1, 512)]
            out[a:a] = run * rng.randint(1, 8)
        else:  # a number token (lengths, counts, sizes, offsets) made extreme
            numbers = list(_NUMBER.finditer(bytes(out[:200_000])))
            if numbers:
                m = rng.choice(numbers)
                out[m.start() : m.end()] = rng.choice(_HUGE)
    return bytes(out)


def analyse_without_ocr(path: Path, relpath: str = "", limits: object = None) -> tuple:
    """Ingest and classify ``path`` the way ``api`` does, OCR left out.

    Returns ``(source with its pages and findings, doctypes.Identified)``.
    Faces are looked for on a first page with few words, as ``api`` does.
    Raises whatever the stages raise: the fuzz targets want to see it
    (``api.analyse_file`` would turn it into an ``internal_error``).
    """
    from dataclasses import replace
    from datetime import date

    from dossier_check import doctypes
    from dossier_check.analyse import PHOTO_MAX_WORDS
    from dossier_check.fields.photo import measure_photo
    from dossier_check.ingest import Limits, iter_pages, open_source
    from dossier_check.signals import build_signals

    lim = limits if isinstance(limits, Limits) else Limits(seconds_per_file=10, max_pages=5)
    source = open_source(relpath or path.name, path, lim)
    problems = list(source.problems)
    pages = []
    photo = None
    for page in iter_pages(source, lim, problems):
        few_words = len(page.text.split()) <= PHOTO_MAX_WORDS
        if not pages and page.image is not None and few_words:
            photo = measure_photo(page.image)
        pages.append(replace(page, image=None))
    signals = build_signals(tuple(pages), photo, date(2026, 11, 15))
    source = replace(source, pages=tuple(pages), problems=tuple(problems))
    return source, doctypes.identify(signals)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m tests.bad_inputs DIR", file=sys.stderr)
        return 2
    for case in make_corpus(Path(args[0])):
        print(f"{case.name}\t{case.path!r}\t{case.expect or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
