"""Faces and photo measurements for ID photos (DOMAIN.md §7, §12).

Faces are those that OpenCV's Haar cascade and scikit-image's LBP cascade
both report (see detect_faces_oriented); both models ship inside their
wheels. OpenCV is pinned below 5, which dropped the Haar cascade files.
Detection runs on a copy at most ``DETECT_SIDE`` pixels long; boxes are
reported in the original image's pixels.
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


@lru_cache(maxsize=1)
def _haar():  # type: ignore[no-untyped-def]
    import cv2

    return cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


Box = tuple[int, int, int, int]


def _lbp_boxes(arr: np.ndarray, min_face: int) -> list[Box]:
    short = min(arr.shape)
    hits = _cascade().detect_multi_scale(
        img=arr.astype(np.float64) / 255.0,
        scale_factor=1.15,
        step_ratio=1,
        min_size=(min_face, min_face),
        max_size=(short, short),
        min_neighbor_number=3,
    )
    return [(h["c"], h["r"], h["width"], h["height"]) for h in hits]


def _lbp_confirms(arr: np.ndarray, box: Box) -> bool:
    """Whether the LBP cascade finds a face agreeing with ``box`` in a crop around it
    (searching the crop only keeps the slower LBP pass cheap)."""
    x, y, w, h = box
    pad = w // 2
    x0, y0 = max(0, x - pad), max(0, y - pad)
    crop = arr[y0 : y + h + pad, x0 : x + w + pad]
    size = max(20, int(w * 0.6))
    short = min(crop.shape)
    if short < size:
        return False
    hits = _cascade().detect_multi_scale(
        img=crop.astype(np.float64) / 255.0,
        scale_factor=1.15,
        step_ratio=1,
        min_size=(size, size),
        max_size=(short, short),
        min_neighbor_number=3,
    )
    local = (x - x0, y - y0, w, h)
    return any(_agree(local, (r["c"], r["r"], r["width"], r["height"])) for r in hits)


def _haar_boxes(arr: np.ndarray, min_face: int) -> list[Box]:
    found = _haar().detectMultiScale(
        arr, scaleFactor=1.1, minNeighbors=5, minSize=(min_face, min_face)
    )
    return [tuple(int(v) for v in b) for b in found]  # type: ignore[misc]


def _agree(a: Box, b: Box) -> bool:
    """Each box's centre falls inside the other."""
    ax, ay = a[0] + a[2] / 2, a[1] + a[3] / 2
    bx, by = b[0] + b[2] / 2, b[1] + b[3] / 2
    return (
        b[0] <= ax <= b[0] + b[2]
        and b[1] <= ay <= b[1] + b[3]
        and a[0] <= bx <= a[0] + a[2]
        and a[1] <= by <= a[1] + a[3]
    )


def _skin_fraction(rgb: Image.Image, box: Box) -> float:
    """Share of the box's centre in the YCbCr skin range (Chai & Ngan's Cr/Cb bounds)."""
    x, y, w, h = box
    centre = rgb.crop((x + w // 4, y + h // 4, x + 3 * w // 4, y + 3 * h // 4)).convert("YCbCr")
    ycc = np.asarray(centre, dtype=np.int16)
    cb, cr = ycc[..., 1], ycc[..., 2]
    return float(((cr >= 133) & (cr <= 173) & (cb >= 77) & (cb <= 127)).mean())


def _is_gray(rgb: Image.Image) -> bool:
    arr = np.asarray(rgb, dtype=np.int16)
    return (
        float(np.abs(arr[..., 0] - arr[..., 1]).mean() + np.abs(arr[..., 1] - arr[..., 2]).mean())
        < 4.0
    )


#: Spread of chroma (YCbCr, over the picture) under which a picture is one hue: gray,
#: or tinted (sepia) so that every pixel falls in the skin range.
_ONE_HUE = 4.5


def _colourful(rgb: Image.Image) -> bool:
    """Whether the picture has colours whose skin tones can confirm a face: not gray and
    not one tint throughout. On dev seed 8940 a sepia object photo had a chroma spread of
    2.7 and 69 % 'skin'; every colour ID photo spread 3.5 or more, its portraits' faces
    filling over a quarter of the picture, its group and scene photos 7.4 or more."""
    ycc = np.asarray(rgb.convert("YCbCr"), dtype=np.float32)
    cb, cr = ycc[..., 1], ycc[..., 2]
    return float(np.hypot(cb - cb.mean(), cr - cr.mean()).std()) >= _ONE_HUE


def detect_faces_oriented(
    image: Image.Image, angles: tuple[int, ...] = (0, 90, 180, 270)
) -> tuple[tuple[Face, ...], int]:
    """Faces and the clockwise rotation (0/90/180/270) under which they were found.

    Two maintained detectors vote: OpenCV's Haar cascade (opencv-python-headless
    4.x ships it) finds faces reliably but also sees them in lattices and coins;
    scikit-image's LBP cascade errs elsewhere. A face is kept when
    - both detectors report it and, in a colour picture, its centre has skin
      tones, or
    - the Haar cascade reports it with many neighbours and it fills at least a
      quarter of the picture's shorter side (an ID photo's face).
    In a picture with no colour to confirm skin (gray, or one tint throughout), small
    faces alone are not taken: coins and grass in sepia fooled both detectors.
    A light blur first evens out JPEG blocks and pixelated faces. Photos taken
    sideways without an EXIF tag are tried the other three ways round.
    """
    scale = min(1.0, DETECT_SIDE / max(image.size))
    rgb = image  # scaled down before anything else: a 12 Mpx photo is never copied whole
    if scale < 1.0:
        rgb = image.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        )
    rgb = rgb.convert("RGB")
    # whether skin tones can confirm a face does not depend on the way round
    colour, colourful = not _is_gray(rgb), _colourful(rgb)
    for angle in angles:
        small = rgb.rotate(-angle, expand=True) if angle else rgb
        gray = ImageOps.grayscale(small)
        gray = gray.filter(ImageFilter.GaussianBlur(max(1.0, min(gray.size) * 0.006)))
        arr = np.asarray(gray, dtype=np.uint8)
        short = min(arr.shape)
        min_face = max(20, short // 25)
        if short < min_face:
            return (), 0
        candidates = _haar_boxes(arr, min_face)
        if not candidates:
            continue
        agreed = [h for h in candidates if _lbp_confirms(arr, h)]
        if colour:
            agreed = [b for b in agreed if _skin_fraction(small, b) >= 0.2]
        strong = _haar().detectMultiScale(
            arr, scaleFactor=1.1, minNeighbors=8, minSize=(short // 4, short // 4)
        )
        strong_boxes: list[Box] = [(int(b[0]), int(b[1]), int(b[2]), int(b[3])) for b in strong]
        if not colourful:  # no skin tone to go by: the second detector must agree
            strong_boxes = [b for b in strong_boxes if _lbp_confirms(arr, b)]
        boxes = _merge(agreed + strong_boxes)
        if boxes and not colourful and all(b[2] < short / 4 for b in boxes):
            # no skin to confirm small faces: coins, grass or a lattice in sepia or gray
            continue
        if boxes:
            inv = 1.0 / scale
            faces = tuple(
                Face(round(x * inv), round(y * inv), round(w * inv), round(h * inv))
                for x, y, w, h in boxes
            )
            return faces, angle
    return (), 0


def detect_faces(image: Image.Image) -> tuple[Face, ...]:
    """Frontal faces at least 1/25 of the shorter side, in the upright orientation."""
    return detect_faces_oriented(image)[0]


def _merge(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Keep the largest of boxes whose centres fall inside one another."""
    kept: list[tuple[int, int, int, int]] = []
    for box in sorted(boxes, key=lambda b: -b[2] * b[3]):
        cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
        if any(k[0] <= cx <= k[0] + k[2] and k[1] <= cy <= k[1] + k[3] for k in kept):
            continue
        kept.append(box)
    return kept


def portrait_only(image: Image.Image) -> tuple[Face, ...] | None:
    """The faces of a picture that is a portrait and nothing else, or None.

    A portrait here stands upright and taller than wide, and its largest face
    spans at least ``PORTRAIT_FACE_WIDTH`` of the width: an ID photo (face
    about half the width). A card or a passport page is wider than tall and
    its face far smaller, so it never passes. Such a picture needs no OCR.
    One detector pass, upright only: cheap enough to try on every image file.
    """
    if image.height < 1.1 * image.width:
        return None
    faces, _ = detect_faces_oriented(image, angles=(0,))
    if not faces:
        return None
    largest = max(faces, key=lambda f: f.width)
    if largest.width < PORTRAIT_FACE_WIDTH * image.width:
        return None
    # Skipping OCR needs skin where the face is: both detectors agreed on a "face"
    # filling a gray phone photo of a payslip on marble (dev seed 8944). A gray
    # portrait is still an id_photo, found by its face after OCR reads nothing.
    scale = min(1.0, DETECT_SIDE / max(image.size))
    rgb = image.convert("RGB")
    if scale < 1.0:
        rgb = rgb.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    box = (
        round(largest.left * scale),
        round(largest.top * scale),
        max(1, round(largest.width * scale)),
        max(1, round(largest.height * scale)),
    )
    if _is_gray(rgb) or _skin_fraction(rgb, box) < SHORTCUT_SKIN:
        return None
    return faces


#: Share of the shortcut's face centre in skin tones, at least (see ``_skin_fraction``).
SHORTCUT_SKIN = 0.2

#: Share of the width the largest face of a picture that is only a portrait spans, at least.
#: Measured on seed 6173's upright portrait-shaped images with a face: fit ID photos
#: 0.62-0.68; a photo-booth sheet 0.29, a face in a scene 0.28, and a false face on a
#: phone photo of a tax notice 0.31 (at 0.3 that page skipped OCR and passed as an
#: id_photo). Those below are OCR'd as any page is.
PORTRAIT_FACE_WIDTH = 0.45


def measure_photo(image: Image.Image, faces: tuple[Face, ...] | None = None) -> PhotoMeasures:
    """Faces and measures on the photo turned the way its faces are upright
    (``faces``: already found on the upright picture, not searched again)."""
    faces, angle = (faces, 0) if faces is not None else detect_faces_oriented(image)
    if angle:
        image = image.rotate(-angle, expand=True)
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
        faces=faces,
        grayscale=chroma < 4.0,
        sharpness=round(float(lap.var()), 1),
        background_std=round(float(border.std()), 1),
        background_level=round(float(border.mean()), 1),
    )
