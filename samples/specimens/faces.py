"""Face pictures built from scikit-image's one colour portrait (`skimage.data.astronaut()`,
public domain, NASA). Used for ID photos and for the photo area of passports and cards."""

from __future__ import annotations

import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageFilter

# In astronaut(): detector box r=70..163, c=175..268; crown ~ row 15, chin ~ row 185.
_CROWN, _CHIN, _CX = 15, 185, 222
_BACKDROP = np.array([200.0, 192.0, 186.0])


@lru_cache(maxsize=1)
def _astronaut() -> np.ndarray:
    from skimage import data

    return data.astronaut().astype(np.float32)


@lru_cache(maxsize=8)
def _backdrop_mask() -> np.ndarray:
    """1.0 where the pixel is the grey studio backdrop (outside the head), else 0."""
    a = _astronaut()
    dist = np.sqrt(((a - _BACKDROP) ** 2).sum(-1))
    sat = a.max(-1) - a.min(-1)
    m = ((dist < 42) & (sat < 40)).astype(np.float32)
    yy, xx = np.mgrid[0 : a.shape[0], 0 : a.shape[1]]
    head = ((yy - 112) / 72.0) ** 2 + ((xx - _CX) / 50.0) ** 2 < 1.0
    m[head] = 0.0
    m[180:, :] *= 0.0  # below the chin: the suit
    img = Image.fromarray((m * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(2.5))
    return np.asarray(img, dtype=np.float32) / 255.0


def portrait(
    rng: random.Random,
    face_ratio: float = 0.74,
    out_h: int = 531,
    background: tuple[int, int, int] | None = None,
    shift: float = 0.0,
    gray: bool = False,
    mirror: bool = False,
) -> Image.Image:
    """Head-and-shoulders crop with aspect 35:45; chin to top of the hair = face_ratio of the
    height. This portrait's hair is full: chin to skull top (ANTS "hair excluded") is about
    0.88 x face_ratio, so 0.80-0.86 gives the ANTS 70-80 %.

    background: recolour the studio backdrop (None keeps the original light grey)."""
    a = _astronaut().copy()
    if background is not None:
        m = _backdrop_mask()[..., None]
        tex = (a - _BACKDROP) * 0.35  # keep a little texture
        a = a * (1 - m) + (np.array(background, dtype=np.float32) + tex) * m
    head = _CHIN - _CROWN
    h = head / face_ratio
    w = h * 35 / 45
    top = _CROWN - (h - head) * rng.uniform(0.42, 0.5)
    left = _CX - w / 2 + shift * w
    # pad with backdrop colour where the crop leaves the source
    bgc = np.array(background if background is not None else _BACKDROP, dtype=np.float32)
    pad = 200
    canvas = np.empty((a.shape[0] + 2 * pad, a.shape[1] + 2 * pad, 3), np.float32)
    canvas[:] = bgc
    canvas[pad : pad + a.shape[0], pad : pad + a.shape[1]] = a
    # soft-fade the top edge of the source into the padding
    ramp = np.linspace(0, 1, 12, dtype=np.float32)[:, None, None]
    canvas[pad : pad + 12, pad : pad + a.shape[1]] = bgc * (1 - ramp) + a[:12] * ramp
    box = (left + pad, top + pad, left + pad + w, top + pad + h)
    img = Image.fromarray(np.clip(canvas, 0, 255).astype(np.uint8))
    img = img.resize((round(out_h * 35 / 45), out_h), Image.Resampling.LANCZOS, box=box)
    if mirror:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if gray:
        img = img.convert("L").convert("RGB")
    return img


def scene(rng: random.Random, out_w: int = 1400) -> Image.Image:
    """The whole astronaut picture inside a larger room: a face in a larger scene."""
    a = Image.fromarray(_astronaut().astype(np.uint8))
    w = out_w
    h = round(w * 0.75)
    room = Image.new("RGB", (w, h), (rng.randint(150, 190), rng.randint(140, 170), 120))
    px = room.load()
    for y in range(h):  # a floor and a wall
        for x in range(0, w, 4):
            if y > h * 0.7:
                px[x, y] = (110, 80 + (x // 40) % 2 * 10, 60)
    room = room.filter(ImageFilter.BoxBlur(2))
    side = round(h * rng.uniform(0.55, 0.7))
    a = a.resize((side, side), Image.Resampling.LANCZOS)
    room.paste(a, (rng.randint(0, w - side), round(h * 0.08)))
    return room


def two_faces(rng: random.Random, out_h: int = 531) -> Image.Image:
    """Two people side by side (two crops of the portrait, one mirrored)."""
    bg = (214, 222, 232)
    p1 = portrait(rng, face_ratio=0.62, out_h=out_h, background=bg)
    p2 = portrait(rng, face_ratio=0.6, out_h=out_h, background=bg, mirror=True)
    w = round(p1.width * 1.8)
    img = Image.new("RGB", (w, out_h), bg)
    img.paste(p2, (w - p2.width, 0))
    img.paste(p1, (0, 0))
    return img


def object_photo(rng: random.Random) -> Image.Image:
    """A photograph with no face (a distractor): a coffee cup or a rocket launch."""
    from skimage import data

    pic = rng.choice(["coffee", "rocket"])
    return Image.fromarray(getattr(data, pic)()), pic
