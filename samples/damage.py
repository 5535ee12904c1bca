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
