"""Shared pieces for specimen builders: the Doc record, signatures, stamps, logos,
security backgrounds, MRZ bands, fonts."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date

from PIL import Image

from samples.canvas import BODY_FONTS, PT, Page, text_width
from samples.people import Person

INK_BLUE = (20, 40, 140)
INK_BLACK = (25, 25, 30)
STAMP_COLORS = [(40, 60, 170), (110, 40, 140), (170, 40, 50), (30, 100, 90)]
HAND_FONTS = [  # 'hand-' styles are drawn letter by letter on a wobbling baseline
    ("dejavu-serif", "hand-italic"),
    ("liberation-serif", "hand-italic"),
    ("liberation-sans", "hand-italic"),
    ("dejavu-sans", "hand-italic"),
    ("dejavu-serif-condensed", "hand-italic"),
    ("liberation-sans-narrow", "hand-italic"),
]


@dataclass
class Doc:
    """One specimen document before output.

    medium: 'card' (ID-1/ID-2 card, one page per side), 'booklet' (passport page),
    'paper' (printed or handwritten paper, signed or stamped: scanned),
    'digital' (born-digital: text-layer PDF is natural), 'photo' (`image` holds pixels).
    """

    type: str
    layout: str
    pages: list[Page]
    fields: dict
    medium: str
    image: Image.Image | None = None
    lang: str = "fr"
    notes: list[str] = field(default_factory=list)


@dataclass
class Ctx:
    """What a builder gets: a seeded RNG, the reference date, the applicant and options."""

    rng: random.Random
    as_of: date
    person: Person
    opts: dict = field(default_factory=dict)


def body_font(rng: random.Random) -> str:
    return rng.choice(BODY_FONTS)


def hand_font(rng: random.Random) -> tuple[str, str]:
    return rng.choice(HAND_FONTS)


# ------------------------------------------------------------------------- signature


def _catmull(points, steps=8):
    out = []
    pts = [points[0], *points, points[-1]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            t2, t3 = t * t, t * t * t
            out.append(
                tuple(
                    0.5
                    * (
                        (2 * p1[k])
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def signature(rng: random.Random, w: float = 45.0, h: float = 16.0, color=INK_BLUE) -> Page:
    """A scribbled signature in a transparent w x h mm box."""
    p = Page(w, h, bg=None)
    n = rng.randint(9, 15)
    pts = []
    for i in range(n):
        x = 2 + (w * 0.75) * i / (n - 1) + rng.uniform(-2.5, 2.5)
        y = h * 0.55 + math.sin(i * rng.uniform(1.2, 2.6)) * h * 0.3 + rng.uniform(-2, 2)
        pts.append((x, min(max(y, 1), h - 1)))
    lw = rng.uniform(0.35, 0.6)
    p.polyline(_catmull(pts), color, lw)
    # a loop and an underline flourish
    cx, cy, r = pts[1][0] + 2, pts[1][1] - 2, rng.uniform(2, 4)
    loop = [
        (cx + r * math.cos(t / 6 * math.pi), cy + r * 1.3 * math.sin(t / 6 * math.pi))
        for t in range(13)
    ]
    p.polyline(loop, color, lw)
    y0 = h * rng.uniform(0.75, 0.9)
    p.polyline(
        _catmull([(w * 0.15, y0 + 1), (w * 0.5, y0 - 1), (w * 0.95, y0 - 3)]), color, lw * 0.8
    )
    return p


# ----------------------------------------------------------------------------- stamps


def stamp(
    rng: random.Random,
    lines: list[str],
    w: float = 42.0,
    h: float = 26.0,
    round_: bool | None = None,
    color=None,
    size: float = 7.5,
) -> Page:
    """A rubber stamp (transparent page): double outline and centred text lines."""
    color = color or rng.choice(STAMP_COLORS)
    p = Page(w, h, bg=None)
    if round_ if round_ is not None else rng.random() < 0.5:
        p.ellipse(0.5, 0.5, w - 1, h - 1, color, None, 0.6)
        p.ellipse(2, 2, w - 4, h - 4, color, None, 0.3)
    else:
        p.rect(0.5, 0.5, w - 1, h - 1, color, None, 0.6)
        p.rect(2, 2, w - 4, h - 4, color, None, 0.3)
    step = size * PT * 1.25
    y = h / 2 - step * (len(lines) - 1) / 2 + size * PT * 0.35
    for ln in lines:
        sz = size
        while text_width(ln, "dejavu-sans", sz, "bold") > w * 0.8 and sz > 4:
            sz -= 0.5
        p.text(w / 2, y, ln, "dejavu-sans", sz, "bold", color, "center")
        y += step
    return p


def put_stamp(page: Page, rng: random.Random, x: float, y: float, lines: list[str], **kw) -> None:
    st = stamp(rng, lines, **kw)
    page.group(x, y, st, angle=rng.uniform(-12, 12), opacity=rng.uniform(0.6, 0.85))


def put_signature(
    page: Page, rng: random.Random, x: float, y: float, w: float = 45, h: float = 16, color=None
) -> None:
    page.group(
        x,
        y,
        signature(rng, w, h, color or rng.choice([INK_BLUE, INK_BLACK])),
        angle=rng.uniform(-4, 4),
    )


# ------------------------------------------------------------------------------ logos


def logo(
    rng: random.Random, name: str, color, size: float = 14.0, family: str = "dejavu-sans"
) -> Page:
    """A simple issuer logo: a geometric mark and the name."""
    tw = text_width(name, family, size, "bold")
    h = size * PT * 1.8
    p = Page(tw + h + 5, h, bg=None)
    kind = rng.randint(0, 3)
    if kind == 0:
        p.ellipse(0, 0, h, h, None, color)
    elif kind == 1:
        p.rect(0, 0, h, h, None, color, 0)
    elif kind == 2:
        p.ellipse(0, 0, h, h, color, None, 1.2)
        p.ellipse(h * 0.3, h * 0.3, h * 0.4, h * 0.4, None, color)
    else:
        p.polyline([(0, h), (h / 2, 0), (h, h), (0, h)], color, 1.0)
    p.text(h + 3, h * 0.72, name, family, size, "bold", color)
    return p


# ---------------------------------------------------------------------- backgrounds


def guilloche(
    page: Page, rng: random.Random, color, x0=0.0, y0=0.0, w=None, h=None, n: int = 14
) -> None:
    """Fine wavy lines in a pale colour (a security print look)."""
    w = w or page.w
    h = h or page.h
    for i in range(n):
        amp = rng.uniform(1.5, 5)
        per = rng.uniform(12, 30)
        ph = rng.uniform(0, 6.28)
        base = y0 + h * (i + 0.5) / n
        pts = [
            (x0 + x, base + amp * math.sin(x / per * 6.28 + ph))
            for x in [w * k / 80 for k in range(81)]
        ]
        page.polyline(pts, color, 0.12)


def mrz_size(chars: int, width: float) -> float:
    """OCR-B size (pt) whose character pitch fits `chars` characters in `width` mm,
    at most the ICAO pitch of 2.54 mm."""
    pitch = min(width / chars, 2.54)
    return pitch / text_width("<", "ocrb", 1.0)


def mrz_band(
    page: Page, lines: list[str], x: float, y_last: float, width: float, bg=(250, 250, 250)
) -> float:
    """Write MRZ lines (OCR-B) so the last baseline is at y_last; returns the top y."""
    size = mrz_size(len(lines[0]), width)
    step = size * PT * 1.18
    top = y_last - step * (len(lines) - 1) - size * PT * 0.95
    if bg is not None:
        page.rect(x - 2, top - 1.5, width + 4, y_last - top + 3.5, None, bg, 0)
    for i, ln in enumerate(lines):
        page.text(x, y_last - step * (len(lines) - 1 - i), ln, "ocrb", size)
    return top


def photo_box(
    page: Page, img: Image.Image, x: float, y: float, w: float, h: float, border=None
) -> None:
    page.picture(x, y, w, h, img)
    if border:
        page.rect(x, y, w, h, border, None, 0.2)


def fit_size(s: str, family: str, size: float, width: float, style="regular") -> float:
    while text_width(s, family, size, style) > width and size > 5:
        size -= 0.25
    return size
