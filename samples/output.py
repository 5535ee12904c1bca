"""Turn a specimen `Doc` into a file: compose cards on a scanner bed, rasterise, damage,
and write JPEG / PNG / image-only PDF / text-layer PDF / multi-page TIFF / HEIC, under a
name that says nothing about the content."""

from __future__ import annotations

import io
import os
import random
import string
import unicodedata
from datetime import UTC, date, datetime, time, timedelta

from PIL import Image

from samples import damage
from samples.canvas import Group, Page, Text, render_pdf, render_raster
from samples.specimens.common import Doc

FORMS = ("jpeg", "png", "pdf_image", "pdf_text", "tiff", "heic")
MULTI_PAGE_FORMS = ("pdf_image", "pdf_text", "tiff")
MIME = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "pdf_image": "application/pdf",
    "pdf_text": "application/pdf",
    "tiff": "image/tiff",
    "heic": "image/heic",
}

_WEIGHTS = {
    "digital": {"pdf_text": 55, "pdf_image": 20, "jpeg": 15, "png": 10},
    "paper": {"pdf_image": 40, "jpeg": 35, "png": 15, "tiff": 5, "heic": 5},
    "card": {"jpeg": 45, "pdf_image": 35, "png": 15, "heic": 5},
    "booklet": {"jpeg": 45, "pdf_image": 35, "png": 15, "heic": 5},
    "photo": {"jpeg": 70, "png": 20, "heic": 10},
}


def choose_form(rng: random.Random, doc: Doc, multi: bool) -> str:
    w = dict(_WEIGHTS[doc.medium])
    if multi:
        w = {k: v for k, v in w.items() if k in MULTI_PAGE_FORMS} or {"pdf_image": 1}
    keys = sorted(w)
    return rng.choices(keys, weights=[w[k] for k in keys])[0]


# -------------------------------------------------------------------------- file names


class Namer:
    """Filenames like scanners, phones and browsers make them; unique per folder."""

    def __init__(self, rng: random.Random, as_of: date):
        self.rng = rng
        self.as_of = as_of
        self.used: set[str] = set()
        self.counter = rng.randint(1, 40)

    def _stamp(self) -> datetime:
        d = self.as_of - timedelta(days=self.rng.randint(1, 60))
        return datetime.combine(
            d, time(self.rng.randint(8, 21), self.rng.randint(0, 59), self.rng.randint(0, 59))
        )

    def name(self, form: str, phone: bool = False) -> str:
        r = self.rng
        for _ in range(100):
            self.counter += r.randint(1, 3)
            n = self.counter
            t = self._stamp()
            if phone or form == "heic":
                ext = {
                    "jpeg": r.choice([".jpg", ".jpeg", ".JPG"]),
                    "heic": r.choice([".heic", ".HEIC"]),
                    "png": ".png",
                }.get(form, ".jpg")
                stem = r.choice(
                    [
                        f"IMG_{t:%Y%m%d_%H%M%S}",
                        f"PXL_{t:%Y%m%d_%H%M%S}{r.randint(100, 999)}",
                        f"{t:%Y%m%d_%H%M%S}",
                        f"IMG_{r.randint(1000, 9999)}",
                    ]
                )
            elif form == "pdf_text":
                ext = ".pdf"
                stem = r.choice(
                    [
                        f"document ({n})",
                        f"téléchargement ({n})",
                        f"Document_{n}",
                        "".join(r.choice("0123456789abcdef") for _ in range(10)),
                        f"pdf{n}",
                        f"export_{t:%Y%m%d}_{n}",
                    ]
                )
            elif form == "pdf_image":
                ext = r.choice([".pdf", ".pdf", ".PDF"])
                stem = r.choice(
                    [
                        f"Numérisation {n}",
                        f"Scan_{t:%Y-%m-%d_%H.%M}",
                        f"CCI{t:%d%m%Y}_{n:05d}",
                        f"scan{n:04d}",
                        f"pièce jointe {n}",
                        f"Numérisation_{t:%Y%m%d} ({n})",
                    ]
                )
            elif form == "tiff":
                ext = r.choice([".tif", ".tiff"])
                stem = r.choice([f"scan_{n:03d}", f"IMG{n:04d}", f"file_{n}"])
            else:
                ext = {"jpeg": r.choice([".jpg", ".jpeg"]), "png": ".png"}[form]
                stem = r.choice(
                    [
                        f"scan{n:04d}",
                        f"doc-{n}",
                        f"image{n}",
                        f"Scan {n}",
                        f"numerisation_{n:03d}",
                        f"page{n}",
                    ]
                )
            name = stem + ext
            if name.lower() not in self.used:
                self.used.add(name.lower())
                return name
        raise RuntimeError("could not make a unique file name")


# ------------------------------------------------------------------------ composition


def compose(doc: Doc, rng: random.Random, mode: str) -> list[Page]:
    """Place card sides / a passport page as a scan would show them.

    a4: every side on one A4 sheet (a photocopy); crop: sides stacked on a small bed
    (cropped scan); pages: one cropped side per page."""
    sides = doc.pages
    if mode == "a4":
        pg = Page(210, 297, bg=(255, 255, 255))
        x, y = rng.uniform(12, 30), rng.uniform(12, 28)
        for s in sides:
            pg.group(x + rng.uniform(-2, 2), y, s, angle=rng.uniform(-1.2, 1.2))
            y += s.h + rng.uniform(12, 30)
        return [pg]
    margin = rng.uniform(3, 7)
    if mode == "crop":
        w = max(s.w for s in sides) + 2 * margin
        h = sum(s.h for s in sides) + margin * (len(sides) + 1)
        pg = Page(w, h, bg=(252, 252, 250))
        y = margin
        for s in sides:
            pg.group(margin, y, s, angle=rng.uniform(-0.8, 0.8))
            y += s.h + margin
        return [pg]
    out = []
    for s in sides:
        pg = Page(s.w + 2 * margin, s.h + 2 * margin, bg=(252, 252, 250))
        pg.group(margin, margin, s, angle=rng.uniform(-0.8, 0.8))
        out.append(pg)
    return out


# -------------------------------------------------------------------------- writing


def _when(as_of: date) -> datetime:
    return datetime.combine(as_of - timedelta(days=3), time(10, 0), tzinfo=UTC)


def write_images(
    images: list[Image.Image], form: str, path: str, dpi: int, quality: int, as_of: date
) -> None:
    if form == "jpeg":
        images[0].save(path, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True)
    elif form == "png":
        img = images[0]
        if _is_gray(img):
            img = img.convert("L")
        img.save(path, "PNG", dpi=(dpi, dpi), compress_level=6)
    elif form == "pdf_image":
        ims = [im.convert("L") if _is_gray(im) else im for im in images]
        stamp = _when(as_of).timetuple()
        ims[0].save(
            path,
            "PDF",
            resolution=float(dpi),
            save_all=True,
            append_images=ims[1:],
            quality=quality,
            creationDate=stamp,
            modDate=stamp,
            title=" ",
            producer="scanner",
        )
    elif form == "tiff":
        ims = [im.convert("L") if _is_gray(im) else im for im in images]
        ims[0].save(
            path,
            "TIFF",
            save_all=True,
            append_images=ims[1:],
            compression="jpeg",
            quality=quality,
            dpi=(dpi, dpi),
        )
    elif form == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
        buf = io.BytesIO()
        images[0].save(buf, format="HEIF", quality=quality, enc_params={"preset": "ultrafast"})
        with open(path, "wb") as fh:
            fh.write(buf.getvalue())
    else:
        raise ValueError(form)


#: Share of image PDFs written as a scanner app's searchable PDF.
SEARCHABLE_SHARE = 0.3


def _write_scans(
    doc: Doc, images: list[Image.Image], form: str, path: str, dpi: int, quality: int, as_of: date
) -> list[dict]:
    """Write the images; an image PDF is, at times, a scanner app's searchable PDF, its
    own OCR as invisible text over the scan. That choice comes from a generator of its
    own, so the corpus's other draws stay as they were. The damage steps it adds."""
    layer_rng = random.Random(f"ocr-layer/{doc.layout}/{os.path.basename(path)}/{len(images)}")
    if form == "pdf_image" and doc.pages and layer_rng.random() < SEARCHABLE_SHARE:
        kind = layer_rng.choice(["noisy", "garbled"])
        lines = _ocr_layer_lines(doc.pages, kind, layer_rng)
        write_searchable_pdf(images, lines, path, dpi, quality, as_of)
        return [{"kind": "ocr_layer", "text": kind}]
    write_images(images, form, path, dpi, quality, as_of)
    return []


def _page_words(page: Page) -> list[str]:
    words: list[str] = []
    for op in page.ops:
        if isinstance(op, Text):
            words.extend(op.s.split())
        elif isinstance(op, Group):
            words.extend(_page_words(op.page))
    return words


def _ocr_layer_lines(pages: list[Page], kind: str, rng: random.Random) -> list[str]:
    """The text a phone scanner app's OCR lays over the scan: the words with a few
    letters misread ("noisy"), or every letter swapped for another, as from a page it
    read upside down ("garbled"). Plain ASCII, as a core PDF font needs."""
    letters = string.ascii_letters + string.digits
    swapped = list(letters)
    rng.shuffle(swapped)
    table = str.maketrans(letters, "".join(swapped))
    words = [w for pg in pages for w in _page_words(pg)]
    out = []
    for word in words:
        plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
        if kind == "garbled":
            plain = plain.translate(table)
        else:
            plain = "".join(
                rng.choice(letters) if c.isalnum() and rng.random() < 0.06 else c for c in plain
            )
        out.append(plain)
    return [" ".join(out[i : i + 10]) for i in range(0, len(out), 10)]


def write_searchable_pdf(
    images: list[Image.Image], lines: list[str], path: str, dpi: int, quality: int, as_of: date
) -> None:
    """Scans as JPEG page images under the given lines of invisible text (fpdf2)."""
    from fpdf import FPDF
    from fpdf.enums import TextMode

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_when(as_of))
    pdf.set_producer("Scanner app 4.2")
    per_page = max(1, -(-len(lines) // len(images)))
    for number, image in enumerate(images):
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        pdf.add_page(format=(width, height))
        buf = io.BytesIO()
        image.convert("RGB").save(buf, "JPEG", quality=quality)
        pdf.image(buf, x=0, y=0, w=width, h=height)
        pdf.set_font("helvetica", size=8)
        pdf.text_mode = TextMode.INVISIBLE
        for row, line in enumerate(lines[number * per_page : (number + 1) * per_page]):
            pdf.text(20, 30 + 10 * (row % max(1, int(height // 10) - 4)), line)
        pdf.text_mode = TextMode.FILL
    pdf.output(path)


def _is_gray(img: Image.Image) -> bool:
    if img.mode == "L":
        return True
    small = img.convert("RGB").resize((64, 64))
    r, g, b = (small.getchannel(c) for c in "RGB")
    return r.tobytes() == g.tobytes() == b.tobytes()


def emit(
    doc: Doc,
    out_dir: str,
    namer: Namer,
    rng: random.Random,
    as_of: date,
    *,
    form: str | None = None,
    dpi: int | None = None,
    severity: str = "mild",
    composition: str | None = None,
    quality: int | None = None,
    phone: bool | None = None,
    allow_orientation: bool = True,
    orientation: int | None = None,
    gray: bool | None = None,
    subdir: str = "",
) -> dict:
    """Write `doc` into out_dir and return its manifest entry."""
    entry: dict = {
        "expected_type": doc.type,
        "layout": doc.layout,
        "medium": doc.medium,
        "lang": doc.lang,
    }
    quality = quality or rng.randint(70, 82)
    steps: list[dict] = []

    if doc.medium == "photo":
        form = form or choose_form(rng, doc, False)
        img = doc.image.convert("RGB")
        images = [img]
        dpi = dpi or 300
        entry["pixels"] = list(img.size)
    else:
        pages = doc.pages
        if doc.medium in ("card", "booklet"):
            composition = composition or rng.choice(
                ["a4", "crop", "crop"] + (["pages"] if len(doc.pages) > 1 else [])
            )
            pages = compose(doc, rng, composition)
            entry["composition"] = composition
        multi = len(pages) > 1
        form = form or choose_form(rng, doc, multi)
        if multi and form not in MULTI_PAGE_FORMS:
            raise ValueError(f"{doc.layout}: {len(pages)} pages cannot be a {form}")
        if form == "pdf_text":
            name = namer.name(form)
            path = os.path.join(out_dir, subdir, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            render_pdf(pages, path, _when(as_of))
            entry.update(
                path=os.path.join(subdir, name).replace(os.sep, "/"),
                form=form,
                mime=MIME[form],
                pages=len(pages),
                damage=[],
                fields=doc.fields,
            )
            return entry
        if dpi is None:
            small = max(pages[0].w, pages[0].h) < 150
            if small:
                dpi = 300
            elif form == "png":  # lossless and noisy: keep it small
                dpi = rng.choice([150, 200])
            elif form == "heic":
                dpi = 150
            else:
                dpi = rng.choice([150, 200, 200, 300])
        if phone is None:
            phone = (
                form in ("jpeg", "heic")
                and doc.medium in ("paper", "digital")
                and rng.random() < 0.35
            )
        if phone:
            steps = damage.plan_photo(rng)
        else:
            steps = damage.plan_scan(rng, severity, allow_orientation=allow_orientation, gray=gray)
        if orientation:
            steps = [s for s in steps if s["kind"] != "rotate"]
            steps.append(
                {"kind": "rotate", "degrees": orientation, "direction": "counterclockwise"}
            )
        if form == "png":  # PNG scans are usually clean exports; noise would bloat them
            steps = [st for st in steps if st["kind"] != "noise"]
        images = []
        for pg in pages:
            images.append(damage.apply(render_raster(pg, dpi), steps, rng))
    if doc.medium == "photo":
        phone = True
    name = namer.name(form, phone=bool(phone))
    path = os.path.join(out_dir, subdir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    steps = [*steps, *_write_scans(doc, images, form, path, dpi, quality, as_of)]
    if form in ("jpeg", "pdf_image", "tiff", "heic"):
        steps = [
            *steps,
            {
                "kind": "compression",
                "codec": "jpeg" if form != "heic" else "hevc",
                "quality": quality,
            },
        ]
    entry.update(
        path=os.path.join(subdir, name).replace(os.sep, "/"),
        form=form,
        mime=MIME[form],
        pages=len(images),
        dpi=dpi,
        damage=steps,
        fields=doc.fields,
    )
    return entry


# ----------------------------------------------------------------------- corpus writer

_CLEAN_WEIGHTS = {
    "digital": {"pdf_text": 60, "pdf_image": 18, "jpeg": 12, "png": 10},
    "paper": {"pdf_image": 45, "jpeg": 30, "png": 15, "tiff": 10},
    "card": {"jpeg": 40, "pdf_image": 40, "png": 15, "tiff": 5},
    "booklet": {"jpeg": 40, "pdf_image": 40, "png": 15, "tiff": 5},
}
_DAMAGED_WEIGHTS = {
    "digital": {"jpeg": 40, "heic": 8, "pdf_image": 37, "png": 10, "tiff": 5},
    "paper": {"jpeg": 40, "heic": 10, "pdf_image": 35, "png": 10, "tiff": 5},
    "card": {"jpeg": 45, "heic": 10, "pdf_image": 35, "png": 10},
    "booklet": {"jpeg": 45, "heic": 10, "pdf_image": 35, "png": 10},
}


def _pick(rng: random.Random, weights: dict[str, int], allowed=None) -> str:
    keys = sorted(k for k in weights if allowed is None or k in allowed)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def emit_corpus(
    doc: Doc,
    out_dir: str,
    tmp_name: str,
    rng: random.Random,
    as_of: date,
    *,
    damaged: bool,
    form: str | None = None,
    composition: str | None = None,
) -> dict:
    """Write `doc` as out_dir/tmp_name.<ext> under the clean or damaged profile and return
    its manifest entry. The caller renames the file (entry["_name"] says how)."""
    entry: dict = {
        "expected_type": doc.type,
        "layout": doc.layout,
        "medium": doc.medium,
        "lang": doc.lang,
    }
    steps: list[dict] = []
    phone = False
    if doc.medium == "screen":
        form = form or rng.choice(["png", "png", "png", "jpeg"])
        pg = doc.pages[0]
        px_w = doc.fields.get("screen_px", [1080, 2340])[0]
        img = render_raster(pg, px_w / (pg.w / 25.4))
        images = [img]
        dpi = None
        quality = rng.randint(80, 92)
        entry["pixels"] = list(img.size)
    elif doc.medium == "photo":
        form = form or _pick(rng, {"jpeg": 70, "png": 15, "heic": 15})
        img = doc.image.convert("RGB")
        if damaged:
            if rng.random() < 0.5:
                steps.append({"kind": "blur", "radius": round(rng.uniform(0.8, 1.6), 2)})
            else:
                steps.append(
                    {
                        "kind": "rotate",
                        "degrees": rng.choice([90, 270, 180]),
                        "direction": "counterclockwise",
                    }
                )
            if rng.random() < 0.5:
                steps.append({"kind": "noise", "sigma": round(rng.uniform(2, 5), 1)})
            img = damage.apply_corpus(img, steps, rng)
        images = [img]
        dpi = 300
        quality = rng.randint(45, 70) if damaged else rng.randint(78, 92)
        phone = True
        entry["pixels"] = list(img.size)
    else:
        pages = doc.pages
        if doc.medium in ("card", "booklet"):
            composition = composition or rng.choice(
                ["a4", "crop", "crop"] + (["pages"] if len(doc.pages) > 1 else [])
            )
            pages = compose(doc, rng, composition)
            entry["composition"] = composition
        multi = len(pages) > 1
        if form is None:
            table = _DAMAGED_WEIGHTS if damaged else _CLEAN_WEIGHTS
            allowed = MULTI_PAGE_FORMS if multi else None
            form = _pick(rng, table[doc.medium], allowed)
        if multi and form not in MULTI_PAGE_FORMS:
            raise ValueError(f"{doc.layout}: {len(pages)} pages cannot be a {form}")
        if form == "pdf_text":
            path = os.path.join(out_dir, tmp_name + ".pdf")
            render_pdf(pages, path, _when(as_of))
            entry.update(
                path=os.path.relpath(path, out_dir).replace(os.sep, "/"),
                form=form,
                mime=MIME[form],
                pages=len(pages),
                dpi=None,
                damage=[],
                damaged=False,
                fields=doc.fields,
                _name={"form": form, "phone": False},
            )
            return entry
        # a phone photo needs a camera form; a scanner app may put phone photos in a PDF
        camera = form in ("jpeg", "heic") or (form == "pdf_image" and rng.random() < 0.3)
        plan_form = "jpeg" if camera else form
        steps, dpi, band = damage.plan_corpus(rng, doc.medium, plan_form, damaged)
        phone = any(s["kind"] == "phone_capture" for s in steps)
        if form == "png":  # PNG scans are clean exports: noise only bloats them
            steps = [st for st in steps if st["kind"] != "noise"]
        quality = rng.randint(35, 55) if band == "poor" else rng.randint(70, 90)
        images = []
        eff = dpi
        for pg in pages:
            raster = render_raster(pg, dpi)
            eff = damage.effective_dpi(steps, dpi, raster.size)
            images.append(damage.apply_corpus(raster, steps, rng))
        dpi = eff
    ext = {
        "jpeg": ".jpg",
        "png": ".png",
        "pdf_image": ".pdf",
        "tiff": ".tif",
        "heic": ".heic",
    }[form]
    path = os.path.join(out_dir, tmp_name + ext)
    exif_turn = None
    if form == "jpeg" and phone and rng.random() < 0.3 and images[0].width > 0:
        # the camera stored the pixels sideways and says so in EXIF (displayed upright)
        exif_turn = rng.choice([6, 8])
    if exif_turn:
        _write_with_exif_orientation(images[0], path, exif_turn, quality, dpi or 72)
        steps = [*steps, {"kind": "exif_orientation", "value": exif_turn}]
    else:
        steps = [*steps, *_write_scans(doc, images, form, path, dpi or 72, quality, as_of)]
    if form in ("jpeg", "pdf_image", "tiff", "heic"):
        steps = [
            *steps,
            {
                "kind": "compression",
                "codec": "jpeg" if form != "heic" else "hevc",
                "quality": quality,
            },
        ]
    entry.update(
        path=os.path.relpath(path, out_dir).replace(os.sep, "/"),
        form=form,
        mime=MIME[form],
        pages=len(images),
        dpi=dpi,
        damage=steps,
        damaged=damage.is_damaged(steps, dpi),
        fields=doc.fields,
        _name={"form": form, "phone": bool(phone)},
    )
    return entry


def _write_with_exif_orientation(
    upright: Image.Image, path: str, value: int, quality: int, dpi: int
) -> None:
    """Store the pixels turned and tag EXIF Orientation so viewers show them upright:
    6 = the stored image must be turned 90° clockwise to display, 8 = counter-clockwise."""
    stored = upright.transpose(
        Image.Transpose.ROTATE_90 if value == 6 else Image.Transpose.ROTATE_270
    )
    exif = Image.Exif()
    exif[0x0112] = value
    stored.save(path, "JPEG", quality=quality, dpi=(dpi, dpi), exif=exif.tobytes())
