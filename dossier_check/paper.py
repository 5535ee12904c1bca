"""The sheet of paper in a phone photo: how far it is turned on its ground.

A phone photo of a page lying on a table shows the sheet brighter than the
wood, marble or cloth around it, turned by a few degrees, often more than the
text-line skew estimate (``skew.estimate_skew``) looks for, and a textured
ground misleads that estimate (2.5 degrees the wrong way on a marble ground).
The sheet's own outline gives the turn: the brightest large blob, once blurred
and thresholded (Otsu), and its minimum-area rectangle.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

#: Long side (px) of the copy the sheet is looked for on.
SIDE = 600
#: Share of the picture the sheet covers: less is no page (a card on a table is
#: read as it lies), more is a scan or a page filling the frame.
MIN_AREA, MAX_AREA = 0.15, 0.97
#: Turns (degrees) beyond this are not a tilted sheet but a sheet on its side.
MAX_TILT = 20.0


def paper_tilt(gray: Image.Image) -> float:
    """Degrees (counter-clockwise, as ``Image.rotate`` takes them) that level the
    sheet of paper lying in ``gray``; 0.0 when no sheet stands out of a ground."""
    arr = np.asarray(gray.convert("L"))
    if arr.size == 0 or min(arr.shape) < 32:
        return 0.0
    scale = SIDE / max(arr.shape)
    size = (max(1, round(arr.shape[1] * scale)), max(1, round(arr.shape[0] * scale)))
    small = cv2.GaussianBlur(cv2.resize(arr, size, interpolation=cv2.INTER_AREA), (0, 0), 3)
    _, bright = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(bright, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return 0.0
    sheet = max(contours, key=cv2.contourArea)
    if not MIN_AREA <= cv2.contourArea(sheet) / bright.size <= MAX_AREA:
        return 0.0
    (_cx, _cy), (_w, _h), angle = cv2.minAreaRect(sheet)
    # OpenCV's range for the angle differs between versions: any side of the
    # rectangle may be taken, so the nearest turn that levels one is in (-45, 45]
    tilt = float((angle + 45) % 90 - 45)
    return tilt if abs(tilt) <= MAX_TILT else 0.0
