"""Faces and photo measurements for ID photos (DOMAIN.md §7, §12).

Faces come from scikit-image's LBP frontal-face cascade, a maintained
detector whose model ships inside the wheel (OpenCV 5 dropped its Haar
cascade files). Detection runs on a grayscale copy at most ``DETECT_SIDE``
pixels long; boxes are reported in the original image's pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PIL import Image, ImageFilter, ImageOps

DETECT_SIDE = 640


@dataclass(frozen=True)
class Face:
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class PhotoMeasures:
    """What an ID-photo check needs, measured once on the page image."""

    width: int
    height: int
    faces: tuple[Face, ...]
    grayscale: bool
    sharpness: float  # variance of an edge filter on a DETECT_SIDE copy
    background_std: float  # grey-level spread of the band above the head (0 = uniform)
    background_level: float = 0.0  # mean grey level (0-255) of that band

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.height else 0.0

    @property
    def center_offset(self) -> float:
        """Horizontal distance of the largest face's centre from the middle, over the width."""
        if not self.faces or not self.width:
            return 0.0
        face = max(self.faces, key=lambda f: f.width * f.height)
        return abs((face.left + face.width / 2) / self.width - 0.5)

    @property
    def face_ratio(self) -> float:
        """Height of the largest face over the image height."""
        if not self.faces or not self.height:
            return 0.0
        return max(f.height for f in self.faces) / self.height


@lru_cache(maxsize=1)
def _cascade():  # type: ignore[no-untyped-def]
    from skimage import data
    from skimage.feature import Cascade

    return Cascade(data.lbp_frontal_face_cascade_filename())


def detect_faces(image: Image.Image) -> tuple[Face, ...]:
    """Frontal faces at least 1/25 of the shorter side, overlapping boxes merged."""
    gray = ImageOps.grayscale(image)
    scale = min(1.0, DETECT_SIDE / max(gray.size))
    if scale < 1.0:
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))))
    arr = np.asarray(gray, dtype=np.float64) / 255.0
    short = min(arr.shape)
    min_face = max(20, short // 25)
    if short < min_face:
        return ()
    hits = _cascade().detect_multi_scale(
        img=arr,
        scale_factor=1.15,
        step_ratio=1,
        min_size=(min_face, min_face),
        max_size=(short, short),
        min_neighbor_number=5,
    )
    boxes = _merge([(h["c"], h["r"], h["width"], h["height"]) for h in hits])
    inv = 1.0 / scale
    return tuple(
        Face(round(x * inv), round(y * inv), round(w * inv), round(h * inv)) for x, y, w, h in boxes
    )


def _merge(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Keep the largest of boxes whose centres fall inside one another."""
    kept: list[tuple[int, int, int, int]] = []
    for box in sorted(boxes, key=lambda b: -b[2] * b[3]):
        cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
        if any(k[0] <= cx <= k[0] + k[2] and k[1] <= cy <= k[1] + k[3] for k in kept):
            continue
        kept.append(box)
    return kept


def measure_photo(image: Image.Image) -> PhotoMeasures:
    rgb = image.convert("RGB")
    small = rgb.copy()
    small.thumbnail((DETECT_SIDE, DETECT_SIDE))
    arr = np.asarray(small, dtype=np.int16)
    chroma = float(
        np.abs(arr[..., 0] - arr[..., 1]).mean() + np.abs(arr[..., 1] - arr[..., 2]).mean()
    )
    gray = small.convert("L")
    lap = np.asarray(gray.filter(ImageFilter.FIND_EDGES), dtype=np.float64)
    g = np.asarray(gray, dtype=np.float64)
    strip = max(2, g.shape[0] // 14)
    border = g[:strip].ravel()  # above the head: sides often hold hair and shoulders
    return PhotoMeasures(
        width=image.width,
        height=image.height,
        faces=detect_faces(image),
        grayscale=chroma < 4.0,
        sharpness=round(float(lap.var()), 1),
        background_std=round(float(border.std()), 1),
        background_level=round(float(border.mean()), 1),
    )
