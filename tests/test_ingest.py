"""Tests of the read-only ingestion stage.

Every fixture is generated on the fly in ``tmp_path`` (Pillow, pillow-heif,
fpdf2, pypdf): no binary is committed.
"""

from __future__ import annotations

import hashlib
import inspect
import io
import os
import struct
import tempfile
import zlib
from pathlib import Path

import numpy as np
import pytest
from fpdf import FPDF
from fpdf.enums import TextMode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.errors import DependencyError

from dossier_check import ingest
from dossier_check.errors import UsageError
from dossier_check.ingest import (
    Limits,
    iter_pages,
    load_source,
    open_source,
    to_rgb_or_l,
)
from dossier_check.model import Finding, Ignored, Severity, SourceFile, TextSource
from dossier_check.walk import walk

TEXT = (
    "Attestation de droits a l'assurance maladie. Caisse primaire d'assurance "
    "maladie de Paris, beneficiaire Jeanne Dupont."
)


# ------------------------------------------------------------------ fixtures


def load(path: Path, limits: Limits | None = None, **kwargs: bool) -> SourceFile:
    return load_source(path.name, path, limits or Limits(), **kwargs)


def codes(source: SourceFile) -> list[str]:
    return [p.code for p in source.problems]


def finding(source: SourceFile, code: str) -> Finding:
    return next(p for p in source.problems if p.code == code)


def text_pdf(path: Path, pages: int = 1) -> Path:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"Page {number + 1}. {TEXT}")
    pdf.output(str(path))
    return path


def vector_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(0, 0, 0)
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path


def scan_image(size: tuple[int, int] = (827, 1170)) -> Image.Image:
    """A white page with a black block, like a scan at 100 dpi (A4)."""
    image = Image.new("RGB", size, "white")
    image.paste((0, 0, 0), (50, 50, 300, 200))
    return image


def scan_pdf(path: Path, resolution: float = 100.0) -> Path:
    scan_image().save(path, format="PDF", resolution=resolution)
    return path


def bomb_png(path: Path, side: int = 30_000) -> Path:
    """A real PNG of side x side 1-bit pixels, a few hundred kilobytes on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row * 1000) for _ in range(side // 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def sha_tree(root: Path) -> dict[str, tuple[str, int]]:
    result = {}
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath, name)
            if path.is_symlink() or not path.is_file():
                continue
            result[str(path.relative_to(root))] = (
                hashlib.sha256(path.read_bytes()).hexdigest(),
                path.stat().st_mtime_ns,
            )
    return result


# ---------------------------------------------------------------------- walk


def test_walk_sorts_casefolded_then_raw_and_lists_clutter(tmp_path: Path) -> None:
    for rel in [
        "b.pdf",
        "a.jpg",
        "A.jpg",
        "sub/C.png",
        "sub/a.png",
        ".hidden.pdf",
        ".git/config",
        ".DS_Store",
        "Thumbs.db",
        "sub/desktop.ini",
        "__MACOSX/sub/._a.png",
        "._b.pdf",
    ]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")

    files, ignored = walk(tmp_path)

    assert [rel for rel, _ in files] == ["A.jpg", "a.jpg", "b.pdf", "sub/a.png", "sub/C.png"]
    assert all(path.is_absolute() and path.is_file() for _, path in files)
    assert files[3][1] == (tmp_path / "sub/a.png").resolve()
    assert ignored == [
        Ignored("._b.pdf", "os_clutter"),
        Ignored(".DS_Store", "os_clutter"),
        Ignored(".git", "hidden"),
        Ignored(".hidden.pdf", "hidden"),
        Ignored("__MACOSX", "os_clutter"),
        Ignored("sub/desktop.ini", "os_clutter"),
        Ignored("Thumbs.db", "os_clutter"),
    ]


def test_walk_ignores_symlink_out_of_the_dossier(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"x")
    dossier = tmp_path / "dossier"
    dossier.mkdir()
    (dossier / "ok.pdf").write_bytes(b"x")
    (dossier / "to_file.pdf").symlink_to(outside / "secret.pdf")
    (dossier / "to_folder").symlink_to(outside)
    (dossier / "relative.pdf").symlink_to("../outside/secret.pdf")

    files, ignored = walk(dossier)

    assert [rel for rel, _ in files] == ["ok.pdf"]
    assert {i.path: i.reason for i in ignored} == {
        "relative.pdf": "symlink_outside",
        "to_file.pdf": "symlink_outside",
        "to_folder": "symlink_outside",
    }


def test_walk_follows_symlinks_inside_the_dossier(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real/scan.pdf").write_bytes(b"x")
    (tmp_path / "alias").symlink_to("real")
    (tmp_path / "copy.pdf").symlink_to("real/scan.pdf")

    files, ignored = walk(tmp_path)

    assert [rel for rel, _ in files] == ["alias/scan.pdf", "copy.pdf", "real/scan.pdf"]
    assert {path for _, path in files} == {(tmp_path / "real/scan.pdf").resolve()}
    assert ignored == []


def test_walk_skips_symlink_loops_without_hanging(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/scan.pdf").write_bytes(b"x")
    (tmp_path / "sub/up").symlink_to("..")
    (tmp_path / "here").symlink_to(".")
    (tmp_path / "self").symlink_to("self")

    files, ignored = walk(tmp_path)

    assert [rel for rel, _ in files] == ["sub/scan.pdf"]
    assert {i.path: i.reason for i in ignored} == {
        "here": "symlink_loop",
        "self": "symlink_loop",
        "sub/up": "symlink_loop",
    }


def test_walk_skips_fifos_and_dangling_links(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "missing.pdf")

    files, ignored = walk(tmp_path)

    assert files == []
    assert ignored == [Ignored("gone.pdf", "not_a_file"), Ignored("pipe", "not_a_file")]


def test_walk_lists_an_unreadable_subfolder_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked/scan.pdf").write_bytes(b"x")
    (tmp_path / "ok.pdf").write_bytes(b"x")
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 would not stop root, so refuse by hand
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)

    files, ignored = walk(tmp_path)

    assert [rel for rel, _ in files] == ["ok.pdf"]
    assert ignored == [Ignored("locked", "unreadable")]


def test_walk_of_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        walk(tmp_path / "nope")


# ------------------------------------------------------------- open_source


def test_zero_byte_file_is_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.touch()

    source = load(path)

    assert codes(source) == ["empty_file"]
    assert finding(source, "empty_file").severity is Severity.ERROR
    assert source.pages == () and source.size == 0


def test_pdf_that_is_really_a_jpeg_warns_and_loads_as_image(tmp_path: Path) -> None:
    path = tmp_path / "passport.pdf"
    scan_image((120, 80)).save(path, format="JPEG")

    source = load(path)

    assert source.mime == "image/jpeg"
    assert finding(source, "mime_mismatch") == Finding(
        "mime_mismatch", Severity.WARNING, {"extension": "pdf", "mime": "image/jpeg"}
    )
    assert len(source.pages) == 1 and source.pages[0].image is not None


def test_unknown_extension_on_an_image_is_a_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "rib.docx"
    scan_image((60, 40)).save(path, format="PNG")

    source = load(path)

    assert codes(source) == ["mime_mismatch"]
    assert len(source.pages) == 1


def test_text_file_is_unsupported_without_pages(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello\n")

    source = load(path)

    assert source.mime == "text/plain"
    assert codes(source) == ["unsupported_type"]
    assert source.pages == ()


def test_size_and_sha256_are_those_of_the_bytes(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "a.pdf")
    data = path.read_bytes()

    source = open_source("a.pdf", path, Limits())

    assert source.size == len(data)
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.pages == () and source.page_count == 1


def test_unreadable_file_is_a_finding(tmp_path: Path) -> None:
    folder = tmp_path / "scan.pdf"  # opening a folder fails like a denied file
    folder.mkdir()

    source = load(folder)

    assert codes(source) == ["unreadable_file"]
    assert source.pages == ()


def test_file_over_the_byte_limit_is_not_read(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "big.pdf")

    source = load(path, Limits(max_file_bytes=100))

    assert codes(source) == ["file_too_large"]
    assert finding(source, "file_too_large").params == {
        "size": path.stat().st_size,
        "limit": 100,
    }
    assert source.pages == () and source.sha256 == ""


# -------------------------------------------------------------------- images


def test_jpeg_with_exif_orientation_6_comes_out_upright(tmp_path: Path) -> None:
    path = tmp_path / "id.jpg"
    image = Image.new("RGB", (200, 100), "white")
    image.paste((255, 0, 0), (0, 0, 20, 100))  # red band on the stored left edge
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise to display
    image.save(path, format="JPEG", exif=exif, dpi=(300, 300))

    [page] = load(path).pages

    assert (page.width, page.height) == (100, 200)
    assert page.image is not None and page.image.size == (100, 200)
    red, green, _ = page.image.getpixel((50, 5))  # the band is now on top
    assert red > 200 and green < 60
    assert page.dpi == pytest.approx(300)
    assert page.text_source is TextSource.NONE and page.index == 0


@pytest.mark.parametrize(
    ("name", "make", "save_kwargs"),
    [
        ("rgba.png", lambda: Image.new("RGBA", (64, 48), (0, 0, 255, 0)), {}),
        ("gray_alpha.png", lambda: Image.new("LA", (64, 48), (0, 0)), {}),
        ("bilevel.png", lambda: Image.new("1", (64, 48), 1), {}),
        ("photo.webp", lambda: scan_image((64, 48)), {}),
        ("palette.gif", lambda: scan_image((64, 48)).convert("P"), {}),
        ("scan.bmp", lambda: scan_image((64, 48)), {}),
        ("photo.heic", lambda: scan_image((64, 48)), {}),
        ("cmyk.jpg", lambda: Image.new("CMYK", (64, 48), (0, 255, 255, 0)), {}),
    ],
)
def test_image_formats_load_as_rgb_or_l(tmp_path: Path, name: str, make, save_kwargs) -> None:
    path = tmp_path / name
    make().save(path, **save_kwargs)

    source = load(path)

    assert source.problems == ()
    assert source.page_count == 1
    [page] = source.pages
    assert page.image is not None and page.image.mode in ("RGB", "L")
    assert (page.width, page.height) == (64, 48) == page.image.size


def test_transparency_is_flattened_onto_white(tmp_path: Path) -> None:
    path = tmp_path / "clear.png"
    Image.new("RGBA", (10, 10), (0, 0, 0, 0)).save(path)

    [page] = load(path).pages

    assert page.image is not None and page.image.getpixel((5, 5)) == (255, 255, 255)


def test_cmyk_jpeg_keeps_its_colour(tmp_path: Path) -> None:
    path = tmp_path / "red.jpg"
    Image.new("CMYK", (16, 16), (0, 255, 255, 0)).save(path)

    [page] = load(path).pages

    assert page.image is not None and page.image.mode == "RGB"
    red, green, blue = page.image.getpixel((8, 8))
    assert red > 200 and green < 60 and blue < 60


def test_16_bit_png_is_scaled_not_clipped(tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    ramp = np.tile(np.linspace(0, 65535, 256).astype(np.uint16), (8, 1))
    Image.fromarray(ramp).save(path)
    assert Image.open(path).mode.startswith("I")

    [page] = load(path).pages

    assert page.image is not None and page.image.mode == "L"
    pixels = np.asarray(page.image)
    assert pixels[0, 0] == 0 and pixels[0, -1] == 255
    assert 100 < pixels.mean() < 155


def test_multipage_tiff_gives_one_page_per_frame(tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    frames = [scan_image((80 + 10 * i, 60)) for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(200, 200))

    source = load(path)

    assert source.page_count == 3
    assert [(p.index, p.width) for p in source.pages] == [(0, 80), (1, 90), (2, 100)]
    assert all(p.dpi == pytest.approx(200) for p in source.pages)


def test_animated_gif_gives_its_first_frame(tmp_path: Path) -> None:
    path = tmp_path / "anim.gif"
    frames = [Image.new("P", (20, 20), i) for i in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:])

    source = load(path)

    assert source.page_count == 1 and len(source.pages) == 1
    assert source.pages[0].image is not None
    assert source.pages[0].image.mode in ("RGB", "L")


def test_decompression_bomb_png_is_too_many_pixels(tmp_path: Path) -> None:
    path = bomb_png(tmp_path / "bomb.png")
    assert path.stat().st_size < 1_000_000

    source = load(path, Limits(max_pixels=1_000_000))

    assert source.pages == ()
    bomb = finding(source, "too_many_pixels")
    assert bomb.severity is Severity.ERROR
    assert bomb.params["limit"] == 1_000_000
    assert bomb.params["pixels"] == 900_000_000


def test_bomb_png_is_refused_with_default_limits(tmp_path: Path) -> None:
    source = load(bomb_png(tmp_path / "bomb.png"))

    assert "too_many_pixels" in codes(source) and source.pages == ()


def test_image_just_over_the_pixel_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    Image.new("L", (100, 80), 255).save(path)

    source = load(path, Limits(max_pixels=5_000))  # 8 000 pixels: under Pillow's 2x

    assert source.pages == ()
    assert finding(source, "too_many_pixels").params == {
        "page": 1,
        "limit": 5_000,
        "pixels": 8_000,
    }


@pytest.mark.parametrize("name", ["cut.jpg", "cut.png"])
def test_truncated_image_is_corrupt_not_an_exception(tmp_path: Path, name: str) -> None:
    full = io.BytesIO()
    noise = Image.fromarray(np.random.default_rng(1).integers(0, 255, (200, 200, 3), np.uint8))
    noise.save(full, format="JPEG" if name.endswith("jpg") else "PNG")
    path = tmp_path / name
    path.write_bytes(full.getvalue()[: len(full.getvalue()) // 2])

    source = load(path)

    assert "corrupt_file" in codes(source)
    assert source.pages == ()


# ---------------------------------------------------------------------- PDFs


def test_text_layer_pdf_gives_text_pages_rendered_at_150_dpi(tmp_path: Path) -> None:
    source = load(text_pdf(tmp_path / "attestation.pdf"))

    assert source.problems == ()
    [page] = source.pages
    assert page.text_source is TextSource.TEXT_LAYER
    assert "Attestation de droits" in page.text
    assert page.image is not None and page.image.mode == "RGB"
    assert page.dpi == pytest.approx(150)
    assert (page.width, page.height) == pytest.approx((1240, 1754), abs=2)  # A4


def test_text_pages_are_not_rendered_when_asked(tmp_path: Path) -> None:
    source = load(text_pdf(tmp_path / "attestation.pdf"), render_text_pages=False)

    [page] = source.pages
    assert page.image is None and page.text_source is TextSource.TEXT_LAYER
    assert page.dpi == 72 and (page.width, page.height) == pytest.approx((595, 842), abs=1)


def test_image_only_pdf_gives_its_scan_with_the_real_dpi(tmp_path: Path) -> None:
    source = load(scan_pdf(tmp_path / "scan.pdf", resolution=100))

    [page] = source.pages
    assert page.text_source is TextSource.NONE and page.text == ""
    assert page.image is not None and page.image.size == (827, 1170)  # the pixels as scanned
    assert page.dpi == pytest.approx(100, rel=0.01)


def _scan_with_text_pdf(path: Path, invisible: bool) -> Path:
    """A full-page scan with a long text over it, drawn invisible (a scanner app's
    searchable PDF) or visible (a bank's page on a background picture)."""
    pdf = FPDF()
    pdf.add_page()
    image = scan_image()
    pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.set_font("helvetica", size=9)
    if invisible:
        pdf.text_mode = TextMode.INVISIBLE
    pdf.set_xy(15, 100)
    pdf.multi_cell(180, 5, " ".join(["Vlrnq dwh qxpuer tnqe wjyh"] * 30))
    pdf.output(str(path))
    return path


def test_scan_under_an_invisible_text_layer_is_read_from_its_pixels(tmp_path: Path) -> None:
    """R-SCAN-1: a scanner app's own OCR (invisible text, here garbled) is not trusted:
    the page comes as a scan for our OCR, its layer's words dropped."""
    source = load(_scan_with_text_pdf(tmp_path / "searchable.pdf", invisible=True))

    [page] = source.pages
    assert page.text_source is TextSource.NONE and page.text == ""
    assert page.image is not None


def test_visible_text_over_a_background_picture_is_kept_as_a_text_layer(tmp_path: Path) -> None:
    source = load(_scan_with_text_pdf(tmp_path / "statement.pdf", invisible=False))

    [page] = source.pages
    assert page.text_source is TextSource.TEXT_LAYER and "Vlrnq" in page.text


def test_indexed_colour_scan_pdf_is_rendered_with_its_colours(tmp_path: Path) -> None:
    image = Image.new("RGB", (200, 300), "white")
    image.paste((200, 30, 30), (0, 0, 200, 150))
    path = tmp_path / "palette.pdf"
    image.convert("P").save(path, resolution=100)

    [page] = load(path).pages

    assert page.image is not None and page.image.mode == "RGB"
    red, green, blue = page.image.getpixel((10, 10))
    assert red > 120 and green < 90 and blue < 90
    assert page.image.getpixel((page.width - 5, page.height - 5)) == (255, 255, 255)


def test_rotated_scan_page_is_turned_like_the_viewer_shows_it(tmp_path: Path) -> None:
    path = scan_pdf(tmp_path / "scan.pdf")
    writer = PdfWriter(clone_from=path)
    writer.pages[0].rotate(90)
    rotated = tmp_path / "rotated.pdf"
    writer.write(rotated)

    [page] = load(rotated).pages

    assert page.image is not None and page.image.size == (1170, 827)
    assert page.dpi == pytest.approx(100, rel=0.01)


def test_vector_pdf_without_text_is_rendered_at_300_dpi(tmp_path: Path) -> None:
    [page] = load(vector_pdf(tmp_path / "drawing.pdf")).pages

    assert page.text_source is TextSource.NONE
    assert page.dpi == pytest.approx(300)
    assert page.image is not None
    assert (page.width, page.height) == pytest.approx((2480, 3508), abs=3)
    assert page.image.convert("L").getextrema()[0] < 50  # the black rectangle


def test_huge_pdf_page_is_rendered_within_the_pixel_limit(tmp_path: Path) -> None:
    [page] = load(vector_pdf(tmp_path / "drawing.pdf"), Limits(max_pixels=500_000)).pages

    assert page.width * page.height <= 500_000
    assert page.dpi is not None and page.dpi < 300


def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    writer.write(path)

    source = load(path)

    assert codes(source) == ["encrypted"]
    assert finding(source, "encrypted").severity is Severity.ERROR
    assert source.pages == () and source.page_count == 0


def test_pdf_with_only_an_owner_password_reads_normally(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="", owner_password="owner")
    path = tmp_path / "restricted.pdf"
    writer.write(path)

    source = load(path)

    assert source.problems == ()
    assert "Attestation" in source.pages[0].text


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_pdf_never_raises(tmp_path: Path, keep: float) -> None:
    data = text_pdf(tmp_path / "full.pdf", pages=3).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])

    source = load(path)

    assert "corrupt_file" in codes(source) or source.pages
    assert all(p.image is not None for p in source.pages)


def test_pdf_that_pypdf_cannot_open_is_read_with_pdfium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = text_pdf(tmp_path / "aes.pdf", pages=2)

    def refuse(*_args: object, **_kwargs: object) -> None:  # as for AES without cryptography
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(ingest, "PdfReader", refuse)

    source = load(path)

    assert source.problems == () and source.page_count == 2
    assert [p.text_source for p in source.pages] == [TextSource.TEXT_LAYER] * 2
    assert "Attestation de droits" in source.pages[1].text


def test_max_pages_stops_a_long_pdf(tmp_path: Path) -> None:
    source = load(text_pdf(tmp_path / "long.pdf", pages=3), Limits(max_pages=2))

    assert [p.index for p in source.pages] == [0, 1]
    assert source.page_count == 3
    assert source.problems == (
        Finding("too_many_pages", Severity.WARNING, {"pages": 3, "limit": 2}),
    )


def test_max_pages_stops_a_long_tiff(tmp_path: Path) -> None:
    path = tmp_path / "scan.tiff"
    frames = [scan_image((40, 30)) for _ in range(3)]
    frames[0].save(path, save_all=True, append_images=frames[1:])

    source = load(path, Limits(max_pages=2))

    assert len(source.pages) == 2 and codes(source) == ["too_many_pages"]


def test_time_limit_stops_after_the_first_page(tmp_path: Path) -> None:
    source = load(text_pdf(tmp_path / "long.pdf", pages=3), Limits(seconds_per_file=0))

    assert len(source.pages) == 1
    assert codes(source) == ["time_limit"]
    assert finding(source, "time_limit").severity is Severity.WARNING


def test_pages_are_streamed_one_at_a_time(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "long.pdf", pages=3)
    source = open_source("long.pdf", path, Limits())
    problems = list(source.problems)

    pages = iter_pages(source, Limits(), problems, render_text_pages=False)

    assert inspect.isgenerator(pages)
    assert next(pages).index == 0
    assert [p.index for p in pages] == [1, 2]
    assert problems == []


def test_findings_are_not_repeated_between_open_and_iter(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    scan_image((30, 20)).save(path, format="PNG")
    source = open_source("scan.pdf", path, Limits(max_pages=1))
    problems = list(source.problems)

    list(iter_pages(source, Limits(max_pages=1), problems))
    list(iter_pages(source, Limits(max_pages=1), problems))

    assert [p.code for p in problems] == ["mime_mismatch"]


# ------------------------------------------------------------------ read-only


def test_walk_and_load_leave_every_file_unchanged(tmp_path: Path) -> None:
    dossier = tmp_path / "dossier"
    (dossier / "sub").mkdir(parents=True)
    text_pdf(dossier / "attestation.pdf", pages=2)
    scan_pdf(dossier / "sub/scan.pdf")
    vector_pdf(dossier / "drawing.pdf")
    scan_image((50, 40)).save(dossier / "photo.jpg")
    scan_image((50, 40)).save(dossier / "sub/photo.heic")
    scan_image((50, 40)).save(dossier / "fake.pdf", format="PNG")
    (dossier / "empty.pdf").touch()
    (dossier / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    before = sha_tree(dossier)
    names_before = sorted(p.name for p in dossier.rglob("*"))

    files, _ignored = walk(dossier)
    loaded = [load_source(rel, path, Limits()) for rel, path in files]

    assert len(loaded) == 7
    assert sha_tree(dossier) == before
    assert sorted(p.name for p in dossier.rglob("*")) == names_before


# --------------------------------------------------------- never raise (fuzz)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.binary(min_size=1, max_size=4096),
    suffix=st.sampled_from([".pdf", ".jpg", ".png", ".tif", ".heic", ""]),
)
def test_arbitrary_bytes_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"file{suffix}"
        path.write_bytes(data)

        source = load_source(path.name, path, Limits(seconds_per_file=5))

    assert source.size == len(data)


_PDF_BYTES = io.BytesIO()
scan_image((64, 64)).save(_PDF_BYTES, format="PDF")
_PNG_BYTES = io.BytesIO()
scan_image((64, 64)).save(_PNG_BYTES, format="PNG")


@settings(max_examples=60, deadline=None)
@given(
    base=st.sampled_from([_PDF_BYTES.getvalue(), _PNG_BYTES.getvalue()]),
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=8),
    cut=st.integers(16, 10_000),
)
def test_damaged_files_never_raise(base: bytes, edits: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(base[:cut])
    for position, value in edits:
        data[position % len(data)] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file"
        path.write_bytes(bytes(data))

        source = load_source("file", path, Limits(seconds_per_file=5))

    for page in source.pages:
        assert page.image is None or page.image.mode in ("RGB", "L")


def test_pdf_reader_sees_the_same_page_count(tmp_path: Path) -> None:
    path = text_pdf(tmp_path / "three.pdf", pages=3)

    assert open_source("three.pdf", path).page_count == len(PdfReader(path).pages) == 3


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        ("I;16", 65535, ("L", 255)),
        ("I", 1000, ("L", 3)),
        ("F", 0.5, ("L", 127)),
        ("P", 3, ("RGB", None)),
        ("LA", (0, 255), ("L", 0)),
        ("RGBA", (10, 20, 30, 255), ("RGB", (10, 20, 30))),
        ("CMYK", (0, 0, 0, 0), ("RGB", (255, 255, 255))),
        ("YCbCr", (255, 128, 128), ("RGB", None)),
    ],
)
def test_every_mode_becomes_rgb_or_l(mode: str, value, expected) -> None:
    converted = to_rgb_or_l(Image.new(mode, (4, 4), value))

    assert converted.mode == expected[0]
    if expected[1] is not None:
        assert converted.getpixel((0, 0)) == expected[1]
