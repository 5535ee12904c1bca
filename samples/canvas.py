"""A tiny vector page model with two back ends: a raster (Pillow) and a PDF (fpdf2).

A specimen is described once, in millimetres, as a list of drawing operations on a
`Page`. The same page can then be rasterised at any dpi (for scans and photos) or
written as a PDF with a real text layer (for born-digital documents).
Text positions are baselines, as in PDF.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache

from PIL import Image, ImageDraw, ImageFont

PT = 25.4 / 72.0  # millimetres per point

_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")

# family key -> style -> file name
FONT_FILES: dict[str, dict[str, str]] = {
    "dejavu-sans": {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
        "bolditalic": "DejaVuSans-BoldOblique.ttf",
    },
    "dejavu-sans-condensed": {
        "regular": "DejaVuSansCondensed.ttf",
        "bold": "DejaVuSansCondensed-Bold.ttf",
        "italic": "DejaVuSansCondensed-Oblique.ttf",
        "bolditalic": "DejaVuSansCondensed-BoldOblique.ttf",
    },
    "dejavu-serif": {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "bolditalic": "DejaVuSerif-BoldItalic.ttf",
    },
    "dejavu-serif-condensed": {
        "regular": "DejaVuSerifCondensed.ttf",
        "bold": "DejaVuSerifCondensed-Bold.ttf",
        "italic": "DejaVuSerifCondensed-Italic.ttf",
        "bolditalic": "DejaVuSerifCondensed-BoldItalic.ttf",
    },
    # one weight only: bold and italic fall back to it
    "dejavu-sans-light": {"regular": "DejaVuSans-ExtraLight.ttf"},
    "dejavu-mono": {
        "regular": "DejaVuSansMono.ttf",
        "bold": "DejaVuSansMono-Bold.ttf",
        "italic": "DejaVuSansMono-Oblique.ttf",
        "bolditalic": "DejaVuSansMono-BoldOblique.ttf",
    },
    "liberation-sans": {
        "regular": "LiberationSans-Regular.ttf",
        "bold": "LiberationSans-Bold.ttf",
        "italic": "LiberationSans-Italic.ttf",
        "bolditalic": "LiberationSans-BoldItalic.ttf",
    },
    "liberation-sans-narrow": {
        "regular": "LiberationSansNarrow-Regular.ttf",
        "bold": "LiberationSansNarrow-Bold.ttf",
        "italic": "LiberationSansNarrow-Italic.ttf",
        "bolditalic": "LiberationSansNarrow-BoldItalic.ttf",
    },
    "liberation-serif": {
        "regular": "LiberationSerif-Regular.ttf",
        "bold": "LiberationSerif-Bold.ttf",
        "italic": "LiberationSerif-Italic.ttf",
        "bolditalic": "LiberationSerif-BoldItalic.ttf",
    },
    "liberation-mono": {
        "regular": "LiberationMono-Regular.ttf",
        "bold": "LiberationMono-Bold.ttf",
        "italic": "LiberationMono-Italic.ttf",
        "bolditalic": "LiberationMono-BoldItalic.ttf",
    },
    # OCR-B (Debian fonts-ocr-b): the MRZ font. Raster only (CFF outlines).
    "ocrb": {"regular": "OCRB.otf"},
}

BODY_FONTS = (
    "dejavu-sans",
    "dejavu-serif",
    "liberation-sans",
    "liberation-serif",
    "dejavu-sans-condensed",
    "dejavu-serif-condensed",
    "liberation-sans-narrow",
)
MONO_FONTS = ("dejavu-mono", "liberation-mono")

BLACK = (0, 0, 0)
WHITE = (255, 255, 255)
Color = tuple[int, int, int]


def base_style(style: str) -> str:
    """'hand-italic' -> 'italic': the 'hand-' prefix asks the raster back end for an
    uneven, hand-written look (a wobbling baseline, letters of slightly varying size)."""
    return style[5:] if style.startswith("hand-") else style


@cache
def font_path(family: str, style: str = "regular") -> str:
    styles = FONT_FILES[family]
    name = styles.get(base_style(style)) or styles["regular"]
    for root in _FONT_DIRS:
        hits = glob.glob(os.path.join(root, "**", name), recursive=True)
        if hits:
            return sorted(hits)[0]
    raise FileNotFoundError(
        f"font {name!r} not found under {_FONT_DIRS}; install fonts-dejavu, "
        "fonts-liberation and fonts-ocr-b"
    )


@cache
def _pil_font(family: str, style: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path(family, style), max(px, 1))


def text_width(s: str, family: str, size_pt: float, style: str = "regular") -> float:
    """Advance width of `s` in millimetres."""
    f = _pil_font(family, style, 1000)
    return f.getlength(s) / 1000.0 * size_pt * PT


# ----------------------------------------------------------------------------- ops


@dataclass
class Text:
    x: float
    y: float
    s: str
    family: str = "dejavu-sans"
    size: float = 10.0
    style: str = "regular"
    color: Color = BLACK
    align: str = "left"  # left | right | center


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    stroke: Color | None = BLACK
    fill: Color | None = None
    lw: float = 0.3


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: Color = BLACK
    lw: float = 0.3


@dataclass
class Polyline:
    points: list[tuple[float, float]]
    color: Color = BLACK
    lw: float = 0.4


@dataclass
class Ellipse:
    x: float
    y: float
    w: float
    h: float
    stroke: Color | None = BLACK
    fill: Color | None = None
    lw: float = 0.4


@dataclass
class Picture:
    x: float
    y: float
    w: float
    h: float
    image: Image.Image


@dataclass
class Group:
    """Another page drawn at (x, y), optionally rotated (degrees, counter-clockwise,
    about its centre) and translucent (stamps)."""

    x: float
    y: float
    page: Page
    angle: float = 0.0
    opacity: float = 1.0


Op = Text | Rect | Line | Polyline | Ellipse | Picture | Group


@dataclass
class Page:
    w: float = 210.0
    h: float = 297.0
    bg: Color | None = WHITE
    ops: list[Op] = field(default_factory=list)

    # -- convenience -----------------------------------------------------------------
    def text(
        self,
        x: float,
        y: float,
        s: str,
        family: str = "dejavu-sans",
        size: float = 10.0,
        style: str = "regular",
        color: Color = BLACK,
        align: str = "left",
    ) -> float:
        self.ops.append(Text(x, y, s, family, size, style, color, align))
        return text_width(s, family, size, style)

    def para(
        self,
        x: float,
        y: float,
        width: float,
        s: str,
        family: str = "dejavu-sans",
        size: float = 10.0,
        style: str = "regular",
        color: Color = BLACK,
        leading: float = 1.35,
        justify: bool = False,
    ) -> float:
        """Wrapped paragraph whose first baseline is at y; returns the next baseline."""
        step = size * PT * leading
        for line in wrap(s, width, family, size, style):
            self.text(x, y, line, family, size, style, color)
            y += step
        return y

    def rect(self, x, y, w, h, stroke=BLACK, fill=None, lw=0.3) -> None:
        self.ops.append(Rect(x, y, w, h, stroke, fill, lw))

    def line(self, x1, y1, x2, y2, color=BLACK, lw=0.3) -> None:
        self.ops.append(Line(x1, y1, x2, y2, color, lw))

    def polyline(self, points, color=BLACK, lw=0.4) -> None:
        self.ops.append(Polyline(list(points), color, lw))

    def ellipse(self, x, y, w, h, stroke=BLACK, fill=None, lw=0.4) -> None:
        self.ops.append(Ellipse(x, y, w, h, stroke, fill, lw))

    def picture(self, x, y, w, h, image: Image.Image) -> None:
        self.ops.append(Picture(x, y, w, h, image))

    def group(self, x, y, page: Page, angle=0.0, opacity=1.0) -> None:
        self.ops.append(Group(x, y, page, angle, opacity))


def wrap(s: str, width: float, family: str, size: float, style: str = "regular") -> list[str]:
    out: list[str] = []
    for para in s.split("\n"):
        words = para.split(" ")
        cur = ""
        for w in words:
            cand = w if not cur else cur + " " + w
            if cur and text_width(cand, family, size, style) > width:
                out.append(cur)
                cur = w
            else:
                cur = cand
        out.append(cur)
    return out


# ---------------------------------------------------------------------- raster back end


def render_raster(page: Page, dpi: float) -> Image.Image:
    """The page as an RGB image at `dpi`."""
    layer = _render_layer(page, dpi / 25.4)
    if page.bg is None:
        base = Image.new("RGB", layer.size, WHITE)
        base.paste(layer, (0, 0), layer)
        return base
    return layer.convert("RGB")


def _render_layer(page: Page, s: float) -> Image.Image:
    size = (max(1, round(page.w * s)), max(1, round(page.h * s)))
    bg = (*page.bg, 255) if page.bg is not None else (255, 255, 255, 0)
    img = Image.new("RGBA", size, bg)
    draw = ImageDraw.Draw(img)

    def px(v: float) -> float:
        return v * s

    def lw(v: float) -> int:
        return max(1, round(v * s))

    for op in page.ops:
        if isinstance(op, Text):
            f = _pil_font(op.family, op.style, round(op.size * PT * s))
            if op.style.startswith("hand-"):
                _hand_text(draw, op, f, s)
                continue
            anchor = {"left": "ls", "right": "rs", "center": "ms"}[op.align]
            draw.text((px(op.x), px(op.y)), op.s, font=f, fill=op.color, anchor=anchor)
        elif isinstance(op, Rect):
            box = [px(op.x), px(op.y), px(op.x + op.w), px(op.y + op.h)]
            draw.rectangle(
                box, fill=op.fill, outline=op.stroke, width=lw(op.lw) if op.stroke else 0
            )
        elif isinstance(op, Line):
            draw.line([px(op.x1), px(op.y1), px(op.x2), px(op.y2)], fill=op.color, width=lw(op.lw))
        elif isinstance(op, Polyline):
            pts = [(px(a), px(b)) for a, b in op.points]
            draw.line(pts, fill=op.color, width=lw(op.lw), joint="curve")
        elif isinstance(op, Ellipse):
            box = [px(op.x), px(op.y), px(op.x + op.w), px(op.y + op.h)]
            draw.ellipse(box, fill=op.fill, outline=op.stroke, width=lw(op.lw) if op.stroke else 0)
        elif isinstance(op, Picture):
            w, h = max(1, round(op.w * s)), max(1, round(op.h * s))
            im = op.image.convert("RGBA").resize((w, h), Image.Resampling.LANCZOS)
            img.alpha_composite(im, (round(px(op.x)), round(px(op.y))))
        elif isinstance(op, Group):
            sub = _render_layer(op.page, s)
            if op.opacity < 1.0:
                a = sub.getchannel("A").point(lambda v, o=op.opacity: round(v * o))
                sub.putalpha(a)
            cx = px(op.x + op.page.w / 2)
            cy = px(op.y + op.page.h / 2)
            if op.angle:
                sub = sub.rotate(op.angle, resample=Image.Resampling.BICUBIC, expand=True)
            left, top = round(cx - sub.width / 2), round(cy - sub.height / 2)
            # clip to the destination, then composite in place
            cl, ct = max(0, -left), max(0, -top)
            cr = min(sub.width, img.width - left)
            cb = min(sub.height, img.height - top)
            if cr > cl and cb > ct:
                img.alpha_composite(sub.crop((cl, ct, cr, cb)), (left + cl, top + ct))
            draw = ImageDraw.Draw(img)
        else:  # pragma: no cover
            raise TypeError(op)
    return img


def _hand_text(draw: ImageDraw.ImageDraw, op: Text, font, s: float) -> None:
    """Letters one by one on a wobbling baseline, sizes varying a little: handwriting.
    The wobble is drawn from the text and its position, so it is reproducible."""
    import random as _random

    rng = _random.Random(f"{op.s}|{op.x:.2f}|{op.y:.2f}|{op.size}")
    total = font.getlength(op.s)
    x = op.x * s - {"left": 0.0, "right": total, "center": total / 2}[op.align]
    y = op.y * s
    amp = op.size * PT * s * 0.06
    drift = 0.0
    slope = rng.uniform(-0.012, 0.012)
    for ch in op.s:
        drift = max(-amp * 2, min(amp * 2, drift + rng.uniform(-amp, amp) * 0.5))
        sz = max(1, round(font.size * rng.uniform(0.94, 1.06)))
        f = _pil_font(op.family, op.style, sz)
        draw.text((x, y + drift + slope * (x - op.x * s)), ch, font=f, fill=op.color, anchor="ls")
        x += font.getlength(ch) * rng.uniform(0.97, 1.05)


# ------------------------------------------------------------------------ PDF back end

_STYLE_CODE = {"regular": "", "bold": "B", "italic": "I", "bolditalic": "BI"}


def render_pdf(pages: list[Page], path: str, when: datetime, title: str = "") -> None:
    """Write `pages` as a PDF with a real text layer (fpdf2, embedded TrueType fonts).

    `when` (timezone-aware) is the creation date, so output is reproducible."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(when)
    pdf.set_producer("samples/canvas.py")
    if title:
        pdf.set_title(title)
    loaded: set[tuple[str, str]] = set()

    def use_font(family: str, style: str, size: float) -> None:
        if family == "ocrb":
            raise ValueError("OCR-B is raster-only here; render MRZ documents as images")
        style = base_style(style)
        key = (family, style)
        if key not in loaded:
            pdf.add_font(family, _STYLE_CODE[style], font_path(family, style))
            loaded.add(key)
        pdf.set_font(family, _STYLE_CODE[style], size)

    def draw(page: Page, ox: float, oy: float) -> None:
        if page.bg is not None and page.bg != WHITE:
            pdf.set_fill_color(*page.bg)
            pdf.rect(ox, oy, page.w, page.h, style="F")
        for op in page.ops:
            if isinstance(op, Text):
                use_font(op.family, op.style, op.size)
                pdf.set_text_color(*op.color)
                x = ox + op.x
                if op.align != "left":
                    w = pdf.get_string_width(op.s)
                    x -= w if op.align == "right" else w / 2
                pdf.text(x, oy + op.y, op.s)
            elif isinstance(op, Rect):
                style = _style(pdf, op.stroke, op.fill, op.lw)
                if style:
                    pdf.rect(ox + op.x, oy + op.y, op.w, op.h, style=style)
            elif isinstance(op, Line):
                pdf.set_draw_color(*op.color)
                pdf.set_line_width(op.lw)
                pdf.line(ox + op.x1, oy + op.y1, ox + op.x2, oy + op.y2)
            elif isinstance(op, Polyline):
                pdf.set_draw_color(*op.color)
                pdf.set_line_width(op.lw)
                pdf.polyline([(ox + a, oy + b) for a, b in op.points], style="D")
            elif isinstance(op, Ellipse):
                style = _style(pdf, op.stroke, op.fill, op.lw)
                if style:
                    pdf.ellipse(ox + op.x, oy + op.y, op.w, op.h, style=style)
            elif isinstance(op, Picture):
                pdf.image(op.image.convert("RGB"), ox + op.x, oy + op.y, op.w, op.h)
            elif isinstance(op, Group):
                cx, cy = ox + op.x + op.page.w / 2, oy + op.y + op.page.h / 2
                with pdf.local_context(fill_opacity=op.opacity, stroke_opacity=op.opacity):
                    if op.angle:
                        with pdf.rotation(op.angle, cx, cy):
                            draw(op.page, ox + op.x, oy + op.y)
                    else:
                        draw(op.page, ox + op.x, oy + op.y)
            else:  # pragma: no cover
                raise TypeError(op)

    for page in pages:
        pdf.add_page(format=(page.w, page.h))
        draw(page, 0.0, 0.0)
    pdf.output(path)


def _style(pdf, stroke, fill, lw) -> str:
    style = ""
    if stroke is not None:
        pdf.set_draw_color(*stroke)
        pdf.set_line_width(lw)
        style += "D"
    if fill is not None:
        pdf.set_fill_color(*fill)
        style = "F" + style
    return style


def has_font(family: str) -> bool:
    try:
        font_path(family)
    except FileNotFoundError:
        return False
    return True
