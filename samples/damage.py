"""Scan and photo damage, drawn from the seed and recorded in the manifest.

Each step is a small dict (`{"kind": "skew", "degrees": 1.3}`) so a test can tell what
was done to a file. `plan_scan` chooses the steps, `apply` performs them.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter


def plan_scan(
    rng: random.Random,
    severity: str = "mild",
    allow_orientation: bool = True,
    gray: bool | None = None,
) -> list[dict]:
    """Steps for a flatbed scan. severity: 'clean', 'mild' or 'rough'."""
    steps: list[dict] = []
    if severity == "clean":
        return [{"kind": "skew", "degrees": round(rng.uniform(-0.6, 0.6), 2)}]
    tone = rng.choice([(255, 255, 255), (250, 249, 244), (246, 244, 236), (242, 242, 240)])
    if tone != (255, 255, 255):
        steps.append({"kind": "paper_tone", "rgb": list(tone)})
    if rng.random() < 0.3:
        steps.append(
            {
                "kind": "edge_shadow",
                "edge": rng.choice(["left", "top", "right"]),
                "fraction": round(rng.uniform(0.015, 0.04), 3),
            }
        )
    steps.append({"kind": "skew", "degrees": round(rng.uniform(-2.0, 2.0), 2)})
    if gray if gray is not None else rng.random() < 0.35:
        steps.append({"kind": "grayscale"})
    rough = severity == "rough"
    if rng.random() < (0.8 if rough else 0.4):
        steps.append({"kind": "blur", "radius": round(rng.uniform(0.3, 1.1 if rough else 0.6), 2)})
    steps.append({"kind": "noise", "sigma": round(rng.uniform(1.0, 6.0 if rough else 3.0), 1)})
    if rough and rng.random() < 0.5:
        steps.append(
            {
                "kind": "contrast",
                "factor": round(rng.uniform(0.7, 0.9), 2),
                "brightness": round(rng.uniform(0.9, 1.08), 2),
            }
        )
    if allow_orientation and rng.random() < (0.3 if rough else 0.15):
        steps.append(
            {
                "kind": "rotate",
                "degrees": rng.choice([90, 180, 270]),
                "direction": "counterclockwise",
            }
        )
    return steps


def plan_photo(rng: random.Random) -> list[dict]:
    """A phone photo of a paper document on a table."""
    return [
        {
            "kind": "phone_capture",
            "background": list(
                rng.choice([(96, 72, 52), (60, 62, 70), (150, 140, 120), (120, 90, 70)])
            ),
            "degrees": round(rng.uniform(-3.5, 3.5), 2),
            "margin": round(rng.uniform(0.04, 0.09), 3),
            "light": round(rng.uniform(0.75, 0.92), 2),
        },
        {"kind": "blur", "radius": round(rng.uniform(0.4, 0.9), 2)},
        {"kind": "noise", "sigma": round(rng.uniform(2.0, 4.0), 1)},
    ]


def apply(img: Image.Image, steps: list[dict], rng: random.Random) -> Image.Image:
    nrng = np.random.default_rng(rng.randrange(2**32))
    img = img.convert("RGB")
    for st in steps:
        k = st["kind"]
        if k == "paper_tone":
            arr = np.asarray(img, dtype=np.float32)
            tone = np.array(st["rgb"], dtype=np.float32) / 255.0
            img = Image.fromarray(np.clip(arr * tone, 0, 255).astype(np.uint8))
        elif k == "edge_shadow":
            arr = np.asarray(img, dtype=np.float32)
            h, w = arr.shape[:2]
            n = max(2, int((w if st["edge"] in ("left", "right") else h) * st["fraction"]))
            ramp = np.linspace(0.25, 1.0, n, dtype=np.float32)
            if st["edge"] == "left":
                arr[:, :n] *= ramp[None, :, None]
            elif st["edge"] == "right":
                arr[:, w - n :] *= ramp[::-1][None, :, None]
            else:
                arr[:n] *= ramp[:, None, None]
            img = Image.fromarray(arr.astype(np.uint8))
        elif k == "skew":
            fill = img.getpixel((2, 2))
            img = img.rotate(
                st["degrees"], resample=Image.Resampling.BILINEAR, expand=False, fillcolor=fill
            )
        elif k == "grayscale":
            img = img.convert("L").convert("RGB")
        elif k == "blur":
            img = img.filter(ImageFilter.GaussianBlur(st["radius"]))
        elif k == "noise":
            arr = np.asarray(img, dtype=np.float32)
            noise = nrng.normal(0.0, st["sigma"], arr.shape[:2]).astype(np.float32)
            img = Image.fromarray(np.clip(arr + noise[..., None], 0, 255).astype(np.uint8))
        elif k == "contrast":
            img = ImageEnhance.Contrast(img).enhance(st["factor"])
            img = ImageEnhance.Brightness(img).enhance(st.get("brightness", 1.0))
        elif k == "rotate":
            t = {
                90: Image.Transpose.ROTATE_90,
                180: Image.Transpose.ROTATE_180,
                270: Image.Transpose.ROTATE_270,
            }[st["degrees"]]
            img = img.transpose(t)
        elif k == "phone_capture":
            img = _phone(img, st)
        else:  # pragma: no cover
            raise ValueError(k)
    return img


def _phone(img: Image.Image, st: dict) -> Image.Image:
    w, h = img.size
    m = int(max(w, h) * st["margin"])
    doc = img.convert("RGBA").rotate(st["degrees"], resample=Image.Resampling.BICUBIC, expand=True)
    bg = Image.new("RGB", (doc.width + 2 * m, doc.height + 2 * m), tuple(st["background"]))
    bg.paste(doc, (m, m), doc)
    arr = np.asarray(bg, dtype=np.float32)
    hh, ww = arr.shape[:2]
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    # light from the upper left, darker towards the lower right corner
    fall = 1.0 - (1.0 - st["light"]) * ((xx / ww) * 0.6 + (yy / hh) * 0.4)
    return Image.fromarray(np.clip(arr * fall[..., None], 0, 255).astype(np.uint8))


def is_gray(steps: list[dict]) -> bool:
    return any(s["kind"] == "grayscale" for s in steps)


# ------------------------------------------------------------------ corpus damage plans
#
# The corpus asks for one of two profiles per file. `damaged=False` gives a clean scan
# (200-300 dpi, small skew, mild noise, paper tone, perhaps grayscale or uneven light);
# `damaged=True` gives at least one of: a phone photo (perspective, background, uneven
# light), a 150-dpi scan, a quarter/half-turn rotation, or blur, and often more.
# `is_damaged(steps, dpi)` is the summary written to the manifest (`damaged`).

DAMAGE_KINDS = ("phone_capture", "rotate", "blur")
BACKGROUNDS = ("wood", "fabric", "desk", "dark", "marble", "carpet")


def is_damaged(steps: list[dict], dpi: int | None) -> bool:
    """Phone photo / perspective, <= 150 dpi, rotated 90/180/270, or blurred."""
    kinds = {s["kind"] for s in steps}
    return bool(kinds & {"phone_capture", "perspective", "rotate", "blur"}) or (
        dpi is not None and dpi <= 150
    )


def plan_corpus(
    rng: random.Random, medium: str, form: str, damaged: bool, allow_orientation: bool = True
) -> tuple[list[dict], int, str]:
    """(steps, dpi, quality-band) for one corpus file. `form` is the output form already
    chosen; phone capture is only drawn for camera forms (jpeg/heic)."""
    steps: list[dict] = []
    camera = form in ("jpeg", "heic")
    small = medium in ("card", "booklet")
    if not damaged:
        dpi = rng.choice([200, 240, 300, 300]) if not small else rng.choice([300, 300, 400])
        tone = rng.choice([(255, 255, 255), (250, 249, 244), (246, 244, 236), (242, 242, 240)])
        if tone != (255, 255, 255):
            steps.append({"kind": "paper_tone", "rgb": list(tone)})
        if rng.random() < 0.25:
            steps.append(
                {
                    "kind": "edge_shadow",
                    "edge": rng.choice(["left", "top", "right", "bottom"]),
                    "fraction": round(rng.uniform(0.01, 0.035), 3),
                }
            )
        if rng.random() < 0.2:
            steps.append(_uneven(rng, mild=True))
        steps.append({"kind": "skew", "degrees": round(rng.uniform(-1.5, 1.5), 2)})
        if rng.random() < 0.3:
            steps.append({"kind": "grayscale"})
        if rng.random() < 0.12 and medium in ("paper", "digital"):
            steps.append(_crease(rng))
        steps.append({"kind": "noise", "sigma": round(rng.uniform(0.8, 3.0), 1)})
        return steps, dpi, "good"
    # damaged: one main defect, sometimes a second one
    choices = ["low_dpi", "rotate", "blur"] + (["phone"] * 4 if camera else [])
    main = rng.choice(choices)
    extra = rng.choice([None, None, "low_dpi", "rotate", "blur"])
    kinds = {main, extra} - {None}
    if "phone" in kinds:
        kinds.discard("low_dpi")  # a phone photo has its own effective resolution
        dpi = rng.choice([300, 360, 420]) if small else rng.choice([170, 190, 210])
        steps.append(plan_phone(rng, small))
        steps.append(_uneven(rng, mild=False))
    else:
        dpi = 150 if "low_dpi" in kinds else rng.choice([200, 300])
        if small and "low_dpi" not in kinds:
            dpi = 300
        tone = rng.choice([(250, 249, 244), (244, 241, 232), (238, 238, 236)])
        steps.append({"kind": "paper_tone", "rgb": list(tone)})
        if rng.random() < 0.4:
            steps.append(
                {
                    "kind": "edge_shadow",
                    "edge": rng.choice(["left", "top", "right", "bottom"]),
                    "fraction": round(rng.uniform(0.02, 0.05), 3),
                }
            )
        if rng.random() < 0.35:
            steps.append(_uneven(rng, mild=False))
        steps.append({"kind": "skew", "degrees": round(rng.uniform(-3.0, 3.0), 2)})
        if rng.random() < 0.2 and medium in ("paper", "digital"):
            steps.append(_crease(rng))
    if rng.random() < 0.35:
        steps.append({"kind": "grayscale"})
    if "blur" in kinds:
        if rng.random() < 0.35:
            steps.append(
                {
                    "kind": "blur",
                    "type": "motion",
                    "length": rng.randint(3, 5) if dpi > 150 else 3,
                    "degrees": round(rng.uniform(0, 180), 1),
                }
            )
        else:
            hi = 1.3 if dpi >= 200 else 0.9
            steps.append({"kind": "blur", "radius": round(rng.uniform(0.7, hi), 2)})
    elif "phone" in kinds:
        steps.append({"kind": "blur", "radius": round(rng.uniform(0.4, 0.8), 2)})
    steps.append({"kind": "noise", "sigma": round(rng.uniform(2.0, 6.0), 1)})
    if "phone" not in kinds and medium in ("paper", "digital") and rng.random() < 0.15:
        # a photocopy (of a photocopy): black and white, toner specks, thin strokes lost
        steps.append(
            {
                "kind": "photocopy",
                "threshold": rng.randint(140, 185),
                "specks": round(rng.uniform(0.0005, 0.004), 4),
            }
        )
    elif rng.random() < 0.3:
        steps.append(
            {
                "kind": "contrast",
                "factor": round(rng.uniform(0.7, 0.9), 2),
                "brightness": round(rng.uniform(0.92, 1.08), 2),
            }
        )
    if "rotate" in kinds and allow_orientation:
        steps.append(
            {
                "kind": "rotate",
                "degrees": rng.choice([90, 180, 270]),
                "direction": "counterclockwise",
            }
        )
    elif "rotate" in kinds and not any(s["kind"] in ("blur", "phone_capture") for s in steps):
        steps.append({"kind": "blur", "radius": round(rng.uniform(0.7, 1.1), 2)})
    return steps, dpi, "poor"


def _uneven(rng: random.Random, mild: bool) -> dict:
    return {
        "kind": "uneven_light",
        "direction": round(rng.uniform(0, 360), 1),
        "low": round(rng.uniform(0.86, 0.95) if mild else rng.uniform(0.62, 0.85), 2),
        "vignette": round(rng.uniform(0.0, 0.08) if mild else rng.uniform(0.05, 0.22), 2),
    }


def _crease(rng: random.Random) -> dict:
    return {
        "kind": "crease",
        "orientation": rng.choice(["horizontal", "horizontal", "vertical"]),
        "position": round(rng.uniform(0.3, 0.7), 3),
        "strength": round(rng.uniform(0.08, 0.2), 2),
    }


def plan_phone(rng: random.Random, small: bool) -> dict:
    """A phone photo of the page/card lying on a surface: perspective, background."""
    bg = rng.choice(BACKGROUNDS)
    base = {
        "wood": [(122, 86, 56), (150, 108, 70), (92, 64, 44), (176, 136, 96)],
        "fabric": [(70, 80, 110), (120, 40, 50), (90, 110, 90), (160, 150, 140)],
        "desk": [(200, 200, 196), (60, 62, 70), (225, 220, 210), (150, 150, 150)],
        "dark": [(36, 36, 40), (50, 44, 40), (28, 32, 40)],
        "marble": [(226, 224, 220), (210, 206, 200)],
        "carpet": [(120, 100, 80), (80, 80, 90), (140, 60, 60)],
    }[bg]
    return {
        "kind": "phone_capture",
        "background": bg,
        "rgb": list(rng.choice(base)),
        "degrees": round(rng.uniform(-8, 8), 2),
        "fill": round(rng.uniform(0.62, 0.82) if small else rng.uniform(0.78, 0.9), 3),
        "perspective": {
            "keystone": round(rng.uniform(-0.02, 0.09), 3),
            "jitter": [round(rng.uniform(-0.03, 0.03), 3) for _ in range(8)],
        },
        "landscape": bool(small and rng.random() < 0.7),
        "shadow": rng.random() < 0.45,
        "white_balance": [round(rng.uniform(0.95, 1.05), 3) for _ in range(3)],
    }


def apply_corpus(img: Image.Image, steps: list[dict], rng: random.Random) -> Image.Image:
    """Like `apply`, with the corpus-only kinds (phone_capture v2, uneven_light, crease,
    motion blur, bottom edge shadow)."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    img = img.convert("RGB")
    for st in steps:
        k = st["kind"]
        if k == "phone_capture":
            img = _phone_v2(img, st, nrng)
        elif k == "uneven_light":
            img = _uneven_light(img, st)
        elif k == "crease":
            img = _crease_apply(img, st)
        elif k == "blur" and st.get("type") == "motion":
            img = _motion_blur(img, st["length"], st["degrees"])
        elif k == "edge_shadow":
            img = _edge_shadow(img, st)
        elif k == "paper_tone":
            lut = [min(255, int(v * c / 255.0)) for c in st["rgb"] for v in range(256)]
            img = img.point(lut)
        elif k == "noise":
            img = _fast_noise(img, st["sigma"], nrng)
        elif k == "photocopy":
            img = _photocopy(img, st, nrng)
        else:
            sub = random.Random(int(nrng.integers(2**32)))
            img = apply(img, [st], sub)
    return img


def _photocopy(img: Image.Image, st: dict, nrng) -> Image.Image:
    """Black and white at a toner threshold, with random black and white specks."""
    a = np.asarray(img.convert("L"))
    out = np.where(a < st["threshold"], 0, 255).astype(np.uint8)
    specks = nrng.random(out.shape)
    out[specks < st["specks"] / 2] = 0
    out[specks > 1 - st["specks"] / 2] = 255
    return Image.fromarray(out).convert("RGB")


def _lowres_field(w: int, h: int, fn, step: int = 8) -> np.ndarray:
    """fn(xx, yy) on a coarse grid (coordinates in 0..1), resized to w x h (smooth fields)."""
    gw, gh = max(2, w // step), max(2, h // step)
    yy, xx = np.mgrid[0:gh, 0:gw].astype(np.float32)
    xx /= gw - 1
    yy /= gh - 1
    f = fn(xx, yy).astype(np.float32)
    return np.asarray(
        Image.fromarray(f, mode="F").resize((w, h), Image.Resampling.BILINEAR), dtype=np.float32
    )


def _multiply(img: Image.Image, field: np.ndarray) -> Image.Image:
    """img x field (field in 0..1, one value per pixel), in C via ImageChops."""
    from PIL import ImageChops

    f = Image.fromarray(np.clip(field * 255.0, 0, 255).astype(np.uint8), "L")
    return ImageChops.multiply(img, Image.merge("RGB", (f, f, f)))


def _edge_shadow(img: Image.Image, st: dict) -> Image.Image:
    w, h = img.size
    horiz = st["edge"] in ("left", "right")
    n = max(2, int((w if horiz else h) * st["fraction"]))
    ramp = np.linspace(0.25, 1.0, n, dtype=np.float32)
    if horiz:
        prof = np.ones(w, dtype=np.float32)
        if st["edge"] == "left":
            prof[:n] = ramp
        else:
            prof[w - n :] = ramp[::-1]
        field = np.broadcast_to(prof[None, :], (h, w))
    else:
        prof = np.ones(h, dtype=np.float32)
        if st["edge"] == "top":
            prof[:n] = ramp
        else:
            prof[h - n :] = ramp[::-1]
        field = np.broadcast_to(prof[:, None], (h, w))
    return _multiply(img, field)


def _fast_noise(img: Image.Image, sigma: float, nrng) -> Image.Image:
    """Gray sensor noise with a 2-pixel grain (int16 arithmetic, float32 draws)."""
    w, h = img.size
    small = nrng.standard_normal((max(1, (h + 1) // 2), max(1, (w + 1) // 2)), dtype=np.float32)
    noise = np.repeat(np.repeat(small * sigma, 2, axis=0), 2, axis=1)[:h, :w]
    arr = np.asarray(img, dtype=np.int16) + noise.astype(np.int16)[..., None]
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def _uneven_light(img: Image.Image, st: dict) -> Image.Image:
    w, h = img.size
    a = np.deg2rad(st["direction"])

    def fn(xx, yy):
        t = (xx - 0.5) * np.cos(a) + (yy - 0.5) * np.sin(a)
        t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
        field = 1.0 - (1.0 - st["low"]) * t
        r2 = ((xx - 0.5) ** 2 + (yy - 0.5) ** 2) * 2.0
        return field * (1.0 - st["vignette"] * r2)

    return _multiply(img, _lowres_field(w, h, fn))


def _crease_apply(img: Image.Image, st: dict) -> Image.Image:
    w, h = img.size
    horiz = st["orientation"] == "horizontal"
    n = h if horiz else w
    pos = int(n * st["position"])
    width = max(3, n // 150)
    idx = np.arange(n, dtype=np.float32)
    d = (idx - pos) / width
    # a dark line with a light band on one side (the fold catches the light)
    prof = (
        1.0
        - st["strength"] * np.exp(-(d**2) * 4)
        + 0.5 * st["strength"] * np.exp(-((d - 1.5) ** 2))
    )
    prof = np.clip(prof, 0, 1).astype(np.float32)
    field = (
        np.broadcast_to(prof[:, None], (h, w)) if horiz else np.broadcast_to(prof[None, :], (h, w))
    )
    return _multiply(img, field)


def _motion_blur(img: Image.Image, length: int, degrees: float) -> Image.Image:
    size = length if length % 2 else length + 1
    k = np.zeros((size, size), dtype=np.float32)
    c = size // 2
    a = np.deg2rad(degrees)
    for t in np.linspace(-c, c, size * 3):
        k[int(round(c + t * np.sin(a))), int(round(c + t * np.cos(a)))] = 1.0
    k /= k.sum()
    if size > 5:  # Pillow kernels are 3x3 or 5x5: fall back to a box blur of the same reach
        return img.filter(ImageFilter.BoxBlur(length / 3))
    kernel = ImageFilter.Kernel((size, size), k.flatten().tolist(), scale=1.0)
    return img.filter(kernel)


def _perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output (dst) to input (src)."""
    a = []
    b = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.linalg.solve(np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)).tolist()


def _texture(kind: str, rgb, size: tuple[int, int], nrng) -> np.ndarray:
    w, h = size
    base = np.array(rgb, dtype=np.float32)
    f = float(nrng.uniform(0.015, 0.04))
    ph = float(nrng.uniform(0, 6))

    def smooth(xx, yy):
        x, y = xx * w, yy * h
        if kind == "wood":
            return 0.12 * np.sin(y * f + 6 * np.sin(x * 0.004 + ph) + x * 0.002)
        if kind == "marble":
            return 0.06 * np.sin((x + y) * 0.01 + 5 * np.sin(y * 0.013) + 3 * np.sin(x * 0.007))
        return np.zeros_like(xx)

    t = _lowres_field(w, h, smooth, step=4).copy()
    amount = {"wood": 0.03, "fabric": 0.04, "carpet": 0.08}.get(kind, 0.015)
    small = nrng.normal(0, amount, (max(1, h // 2), max(1, w // 2))).astype(np.float32)
    t += np.asarray(
        Image.fromarray(small, mode="F").resize((w, h), Image.Resampling.NEAREST),
        dtype=np.float32,
    )
    return base[None, None, :] * (1.0 + t[..., None])


def _phone_v2(img: Image.Image, st: dict, nrng) -> Image.Image:
    w, h = img.size
    fw, fh, scale = _frame(w, h, st)
    dw, dh = w * scale, h * scale
    cx, cy = fw / 2, fh / 2
    a = np.deg2rad(st["degrees"])
    ks = st["perspective"]["keystone"]
    j = st["perspective"]["jitter"]
    corners = [(-dw / 2, -dh / 2), (dw / 2, -dh / 2), (dw / 2, dh / 2), (-dw / 2, dh / 2)]
    # keystone: the far (top) edge looks narrower
    corners[0] = (corners[0][0] * (1 - ks), corners[0][1])
    corners[1] = (corners[1][0] * (1 - ks), corners[1][1])
    dst = []
    for i, (x, y) in enumerate(corners):
        x += j[2 * i] * dw
        y += j[2 * i + 1] * dh
        rx = x * np.cos(a) - y * np.sin(a)
        ry = x * np.sin(a) + y * np.cos(a)
        dst.append((cx + rx, cy + ry))
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _perspective_coeffs(dst, src)
    doc = img.convert("RGBA")
    warped = doc.transform((fw, fh), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    alpha = warped.getchannel("A")
    tex = _texture(st["background"], st["rgb"], (fw, fh), nrng)
    bg = Image.fromarray(np.clip(tex, 0, 255).astype(np.uint8))
    # soft drop shadow below the paper
    off = max(2, fw // 200)
    sh = Image.new("L", (fw, fh), 0)
    sh.paste(alpha, (off, off))
    sh = sh.filter(ImageFilter.GaussianBlur(max(2, fw // 150)))
    shade = 1.0 - 0.45 * (np.asarray(sh, dtype=np.float32) / 255.0)
    bg = _multiply(bg, shade)
    bg.paste(warped.convert("RGB"), (0, 0), alpha)
    if st.get("shadow"):  # the phone/hand casts a soft shadow over part of the frame
        sx, sy = nrng.uniform(0.2, 0.8), nrng.uniform(0.6, 1.1)
        r = nrng.uniform(0.25, 0.45) * max(fw, fh)

        def shade_fn(xx, yy):
            d = np.sqrt(((xx - sx) * fw) ** 2 + ((yy - sy) * fh) ** 2) / r
            return 1.0 - 0.3 * np.clip(1.2 - d, 0, 1)

        bg = _multiply(bg, _lowres_field(fw, fh, shade_fn))
    lut = [min(255, int(v * wb)) for wb in st["white_balance"] for v in range(256)]
    return bg.point(lut)


def effective_dpi(steps: list[dict], dpi: int, size: tuple[int, int]) -> int:
    """The document's resolution in the output file (a phone photo shrinks it)."""
    for st in steps:
        if st["kind"] == "phone_capture":
            return int(round(dpi * _frame(size[0], size[1], st)[2]))
    return dpi


def _frame(w: int, h: int, st: dict) -> tuple[int, int, float]:
    """Frame size of a phone photo (4:3) and the document's scale inside it."""
    land = st.get("landscape", False) or w > h
    long_side = int(max(w, h) / st["fill"])
    fw, fh = (long_side, long_side * 3 // 4) if land else (long_side * 3 // 4, long_side)
    return fw, fh, min(fw * st["fill"] / w, fh * st["fill"] / h, 1.0)
