"""Face pictures for ID photos and for the photo area of passports and cards.

Sources, all shipped inside the scikit-image wheel (no download):
- `skimage.data.astronaut()`: one colour studio portrait (public domain, NASA);
- `skimage.data.lfw_subset()`: 100 real faces, 25x25 grayscale crops from the Labeled
  Faces in the Wild set (the other 100 images of that array are non-faces).
A portrait is the astronaut's head and shoulders, optionally with one of the LFW faces
blended into the face area (luminance from the LFW face, colour from a skin tone), with
the hair, clothes and studio backdrop recoloured: many different-looking people from two
sources. No other installed package ships portraits (checked: scipy's datasets need a
download and show a raccoon; imageio fetches its images from the network).
"""

from __future__ import annotations

import random
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

# In astronaut(): detector box r=70..163, c=175..268; crown ~ row 15, chin ~ row 185.
_CROWN, _CHIN, _CX = 15, 185, 222
_BACKDROP = np.array([200.0, 192.0, 186.0])
_FACE_BOX = (174, 64, 96, 122)  # x, y, w, h of the area an LFW face replaces
N_LFW = 100

SKIN_TONES = [  # target mean RGB of the face
    (214, 170, 140),
    (200, 150, 118),
    (176, 124, 92),
    (140, 96, 70),
    (104, 70, 50),
    (226, 184, 156),
]
HAIR_COLOURS = [(40, 30, 24), (70, 48, 30), (20, 18, 18), (120, 86, 50), (160, 130, 90)]
CLOTHES = [(40, 50, 80), (30, 30, 34), (90, 90, 96), (120, 30, 40), (40, 80, 60), (200, 200, 205)]
BACKGROUNDS = [
    (214, 222, 230),
    (222, 224, 226),
    (205, 218, 232),
    (196, 214, 236),
    (230, 230, 228),
    (210, 210, 214),
]


@lru_cache(maxsize=1)
def _astronaut() -> np.ndarray:
    from skimage import data

    return data.astronaut().astype(np.float32)


@lru_cache(maxsize=1)
def _lfw() -> np.ndarray:
    from skimage import data

    return data.lfw_subset()[:N_LFW].astype(np.float32)


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


@lru_cache(maxsize=1)
def _face_mask() -> np.ndarray:
    x, y, w, h = _FACE_BOX
    m = Image.new("L", (w, h), 0)
    ImageDraw.Draw(m).ellipse([w * 0.12, h * 0.02, w * 0.88, h * 1.0], fill=255)
    return np.asarray(m.filter(ImageFilter.GaussianBlur(w * 0.06)), dtype=np.float32) / 255.0


@lru_cache(maxsize=1)
def _hair_mask() -> np.ndarray:
    """Hair: inside the head outline, outside the face oval, above the collar."""
    a = _astronaut()
    yy, xx = np.mgrid[0 : a.shape[0], 0 : a.shape[1]].astype(np.float32)
    head = ((yy - 100) / 92.0) ** 2 + ((xx - _CX - 4) / 76.0) ** 2 < 1.0
    fx, fy, fw, fh = _FACE_BOX
    face = ((yy - (fy + fh * 0.55)) / (fh * 0.52)) ** 2 + ((xx - (fx + fw / 2)) / (fw * 0.44)) ** 2
    m = (head & (face > 1.0) & (yy < 170)).astype(np.float32) * (1 - _backdrop_mask())
    lum = a.mean(-1)
    m *= (lum < 212).astype(np.float32)  # not the bright backdrop between curls
    img = Image.fromarray((m * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5))
    return np.asarray(img, dtype=np.float32) / 255.0


@lru_cache(maxsize=1)
def _skin_mask() -> np.ndarray:
    """The astronaut's visible skin (face, ears, neck), to recolour with a face's tone."""
    a = _astronaut()
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    lum = a.mean(-1)
    yy, xx = np.mgrid[0 : a.shape[0], 0 : a.shape[1]].astype(np.float32)
    region = ((yy - 130) / 75.0) ** 2 + ((xx - _CX) / 60.0) ** 2 < 1.0
    m = (region & (r > g) & (g > b) & (r - b > 25) & (lum > 70) & (yy > 60)).astype(np.float32)
    m *= 1.0 - _hair_mask()
    img = Image.fromarray((m * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.5))
    return np.asarray(img, dtype=np.float32) / 255.0


@lru_cache(maxsize=1)
def _suit_mask() -> np.ndarray:
    a = _astronaut()
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    m = ((r > 120) & (r - g > 45) & (r - b > 70)).astype(np.float32)
    m[:175] = 0
    img = Image.fromarray((m * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2))
    return np.asarray(img, dtype=np.float32) / 255.0


# LFW faces that a frontal-face detector often misses once blended: not used
_POOR_LFW = frozenset({1, 4, 8, 13, 14, 30, 39, 43, 64, 82, 85, 89, 96})
LFW_FACES = [i for i in range(N_LFW) if i not in _POOR_LFW]


def pick_face(rng: random.Random) -> int | None:
    """None (the astronaut's own face) about one time in five, else an LFW face index."""
    return None if rng.random() < 0.2 else rng.choice(LFW_FACES)


@lru_cache(maxsize=1)
def _cascade():
    from skimage import data
    from skimage.feature import Cascade

    return Cascade(data.lbp_frontal_face_cascade_filename())


def count_faces(img: Image.Image) -> int:
    """Frontal faces found by scikit-image's LBP cascade (used to keep the ground truth
    honest: a picture said to show N faces must show them to a standard detector)."""
    gray = img.convert("L")
    scale = min(1.0, 640 / max(gray.size))
    if scale < 1.0:
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))))
    arr = np.asarray(gray, dtype=np.float64) / 255.0
    short = min(arr.shape)
    side = max(20, short // 25)
    hits = _cascade().detect_multi_scale(
        img=arr,
        scale_factor=1.15,
        step_ratio=1,
        min_size=(side, side),
        max_size=(short, short),
        min_neighbor_number=5,
    )
    kept: list[tuple] = []
    for h in sorted(hits, key=lambda h: -h["width"] * h["height"]):
        cx, cy = h["c"] + h["width"] / 2, h["r"] + h["height"] / 2
        if not any(
            k["c"] <= cx <= k["c"] + k["width"] and k["r"] <= cy <= k["r"] + k["height"]
            for k in kept
        ):
            kept.append(h)
    return len(kept)


def person_image(
    rng: random.Random,
    face: int | None,
    background: tuple[int, int, int] | None = None,
    tone: tuple[int, int, int] | None = None,
    hair: tuple[int, int, int] | None = None,
    clothes: tuple[int, int, int] | None = None,
) -> np.ndarray:
    """The 512x512 astronaut frame turned into another person (float32 RGB)."""
    a = _astronaut().copy()
    if face is not None:
        tone_rgb = np.array(tone or (214, 170, 140), dtype=np.float32)
        lum_t = float(tone_rgb.mean())
        # the rest of the skin (neck, ears, chin edge) takes the same tone
        sm = _skin_mask()[..., None]
        lum = a.mean(-1, keepdims=True)
        skin = lum / 150.0 * lum_t * (tone_rgb / lum_t)
        a = a * (1 - sm) + skin * sm
        x, y, w, h = _FACE_BOX
        tile = Image.fromarray((_lfw()[face] * 255).astype(np.uint8))
        tile = tile.resize((w, h), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(1.6))
        t = np.asarray(tile.filter(ImageFilter.UnsharpMask(4, 70, 2)), dtype=np.float32)
        tn = (t - t.mean()) / (t.std() + 1e-6) * 50.0 + lum_t * 0.9
        rgb = tn[..., None] * (tone_rgb / lum_t)[None, None, :]
        m = _face_mask()[..., None]
        region = a[y : y + h, x : x + w]
        a[y : y + h, x : x + w] = region * (1 - m) + rgb * m
    if hair is not None:
        m = _hair_mask()[..., None]
        lum = a.mean(-1, keepdims=True)
        new = lum / 110.0 * np.array(hair, dtype=np.float32)
        a = a * (1 - m) + new * m
    if clothes is not None:
        m = _suit_mask()[..., None]
        lum = a.mean(-1, keepdims=True)
        new = lum / 130.0 * np.array(clothes, dtype=np.float32)
        a = a * (1 - m) + new * m
    if background is not None:
        m = _backdrop_mask()[..., None]
        tex = (a - _BACKDROP) * 0.35  # keep a little texture
        a = a * (1 - m) + (np.array(background, dtype=np.float32) + tex) * m
    return np.clip(a, 0, 255)


def random_look(rng: random.Random, face: int | None = None) -> dict:
    """Face, skin tone, hair and clothes for one invented person."""
    if face is None:
        return {"face": None, "hair": None, "clothes": rng.choice([None, *CLOTHES])}
    return {
        "face": face,
        "tone": rng.choice(SKIN_TONES),
        "hair": rng.choice(HAIR_COLOURS),
        "clothes": rng.choice(CLOTHES),
    }


def portrait(
    rng: random.Random,
    face_ratio: float = 0.74,
    out_h: int = 531,
    background: tuple[int, int, int] | None = None,
    shift: float = 0.0,
    gray: bool = False,
    mirror: bool = False,
    look: dict | None = None,
) -> Image.Image:
    """Head-and-shoulders crop with aspect 35:45; chin to top of the hair = face_ratio of the
    height. This portrait's hair is full: chin to skull top (ANTS "hair excluded") is about
    0.88 x face_ratio, so 0.80-0.86 gives the ANTS 70-80 %.

    background: recolour the studio backdrop (None keeps the original light grey).
    look: a `random_look()` (None draws one)."""
    look = look if look is not None else random_look(rng, pick_face(rng))
    a = person_image(
        rng,
        look.get("face"),
        background,
        look.get("tone"),
        look.get("hair"),
        look.get("clothes"),
    )
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


def _room(rng: random.Random, w: int, h: int) -> Image.Image:
    """A wall and a floor, a window or a shelf: somewhere a snapshot is taken."""
    wall = rng.choice([(170, 160, 130), (190, 186, 176), (150, 170, 160), (200, 180, 160)])
    floor = rng.choice([(110, 80, 60), (140, 120, 100), (90, 90, 96)])
    room = Image.new("RGB", (w, h), wall)
    d = ImageDraw.Draw(room)
    horizon = int(h * rng.uniform(0.62, 0.75))
    d.rectangle([0, horizon, w, h], fill=floor)
    for x in range(0, w, max(8, w // 60)):  # floor boards
        d.line([x, horizon, x + (x - w / 2) * 0.4, h], fill=tuple(c - 14 for c in floor), width=2)
    if rng.random() < 0.6:  # a window
        wx, wy = int(w * rng.uniform(0.05, 0.6)), int(h * rng.uniform(0.08, 0.2))
        ww, wh = int(w * 0.28), int(h * 0.35)
        d.rectangle([wx, wy, wx + ww, wy + wh], fill=(200, 220, 240), outline=(240, 240, 240))
        d.line([wx + ww // 2, wy, wx + ww // 2, wy + wh], fill=(240, 240, 240), width=4)
    else:  # a shelf with books
        sx, sy = int(w * rng.uniform(0.05, 0.55)), int(h * 0.25)
        for i in range(12):
            bw = rng.randint(8, 18)
            d.rectangle(
                [sx, sy - rng.randint(30, 60), sx + bw, sy],
                fill=(rng.randint(40, 200), rng.randint(40, 160), rng.randint(40, 160)),
            )
            sx += bw + 1
            if i == 11:
                d.line([int(w * 0.05), sy, sx, sy], fill=(90, 60, 40), width=6)
    return room.filter(ImageFilter.BoxBlur(1))


@lru_cache(maxsize=1)
def _silhouette() -> np.ndarray:
    """The person alone (head, neck, shoulders, torso), without the flag, the shuttle
    model and the helmet of the original studio picture."""
    m = Image.new("L", (512, 512), 0)
    d = ImageDraw.Draw(m)
    d.ellipse([_CX - 66, 8, _CX + 66, 196], fill=255)
    d.polygon([(150, 190), (300, 190), (370, 260), (372, 512), (112, 512), (112, 260)], fill=255)
    m = m.filter(ImageFilter.GaussianBlur(3))
    return np.asarray(m, dtype=np.float32) / 255.0


def _figure(rng: random.Random, look: dict, size: int) -> Image.Image:
    """The whole 512x512 person frame with the backdrop cut away (RGBA)."""
    a = person_image(
        rng, look.get("face"), None, look.get("tone"), look.get("hair"), look["clothes"]
    )
    alpha = (1.0 - _backdrop_mask()) * _silhouette()
    rgba = np.dstack([a, alpha * 255]).astype(np.uint8)
    img = Image.fromarray(rgba, "RGBA").resize((size, size), Image.Resampling.LANCZOS)
    if rng.random() < 0.5:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return img


def scene(rng: random.Random, out_w: int = 1400) -> Image.Image:
    """One person in a larger scene (a snapshot, not an ID photo): the face is small."""
    w = out_w
    h = round(w * rng.choice([0.75, 0.5625, 1.333]))
    room = _room(rng, w, h)
    side = round(min(w, h) * rng.uniform(0.5, 0.68))
    fig = _figure(rng, random_look(rng, pick_face(rng)) | {"clothes": rng.choice(CLOTHES)}, side)
    room.paste(fig, (rng.randint(0, w - side), h - side), fig)
    return room


def group(rng: random.Random, n: int | None = None, out_w: int = 1600) -> Image.Image:
    """Several people side by side (a family or holiday photo): n faces."""
    n = n or rng.choice([2, 3, 3, 4])
    w = out_w
    h = round(w * 0.66)
    room = _room(rng, w, h)
    side = round(min(h * 0.8, w / (n * 0.62)))
    faces = rng.sample(LFW_FACES, n)
    xs = np.linspace(0, w - side, n)
    for i, f in enumerate(faces):
        look = random_look(rng, f)
        fig = _figure(rng, look, side)
        room.paste(fig, (int(xs[i] + rng.randint(-10, 10)), h - side + rng.randint(0, 20)), fig)
    return room


def two_faces(rng: random.Random, out_h: int = 531) -> Image.Image:
    """Two people side by side in a photo-booth frame (two different faces)."""
    bg = rng.choice(BACKGROUNDS)
    f1, f2 = rng.sample(LFW_FACES, 2)
    p1 = portrait(rng, face_ratio=0.62, out_h=out_h, background=bg, look=random_look(rng, f1))
    p2 = portrait(
        rng, face_ratio=0.6, out_h=out_h, background=bg, mirror=True, look=random_look(rng, f2)
    )
    w = round(p1.width * 1.8)
    img = Image.new("RGB", (w, out_h), bg)
    img.paste(p2, (w - p2.width, 0))
    img.paste(p1, (0, 0))
    return img


# --------------------------------------------------------------------------- no face

OBJECTS = {
    "coffee": "a cup of coffee",
    "rocket": "a rocket launch",
    "chelsea": "a cat",
    "coins": "coins on a table",
    "clock": "a wall clock",
    "horse": "a horse silhouette",
    "gravel": "the ground",
    "brick": "a brick wall",
    "hubble_deep_field": "the night sky",
    "grass": "a lawn",
}


def object_photo(rng: random.Random, which: str | None = None) -> tuple[Image.Image, str]:
    """A photograph with no face (a distractor), upscaled to a phone-photo size, with a
    little colour and light variation."""
    from skimage import data

    pic = which or rng.choice(sorted(OBJECTS))
    arr = getattr(data, pic)()
    if arr.dtype != np.uint8:
        arr = (arr * 255).astype(np.uint8)
    img = Image.fromarray(arr).convert("RGB")
    if pic in ("coins", "clock", "horse", "gravel", "brick", "grass") and rng.random() < 0.7:
        # grayscale sources: give them a colour cast, as a phone would
        cast = np.array(rng.choice([(1.05, 1.0, 0.9), (0.95, 1.0, 1.08), (1.1, 0.98, 0.86)]))
        img = Image.fromarray(
            np.clip(np.asarray(img, dtype=np.float32) * cast, 0, 255).astype(np.uint8)
        )
    scale = rng.uniform(1.8, 3.2)
    img = img.resize(
        (round(img.width * scale), round(img.height * scale)), Image.Resampling.BICUBIC
    )
    return img, OBJECTS[pic]
