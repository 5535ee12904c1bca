"""Faces in pictures with no colour to confirm skin (DOMAIN §12, R-PHO-1).

A coin or a patch of grass photographed under a warm light is one tint
throughout, every pixel in the skin range: both cascades saw faces in them
(distractors typed ``id_photo`` on a benchmark seed). A portrait in sepia or
gray keeps its face: it fills a quarter of the picture and both detectors agree.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image, ImageOps
from skimage import data

from dossier_check.fields import photo
from samples.specimens import faces as specimen_faces


@pytest.mark.parametrize("pic", ["coins", "grass", "gravel", "brick"])
def test_objects_in_one_tint_or_gray_show_no_face(pic: str) -> None:
    for seed in range(6):
        image, _ = specimen_faces.object_photo(random.Random(seed), pic)
        assert photo.detect_faces(image) == (), (pic, seed)


@pytest.mark.parametrize("tint", [None, ("#2b1d0e", "#f3e3c3")], ids=["gray", "sepia"])
def test_a_portrait_in_gray_or_sepia_keeps_its_face(tint: tuple[str, str] | None) -> None:
    astronaut = Image.fromarray(data.astronaut()).crop((120, 0, 300, 240)).resize((360, 480))
    gray = ImageOps.grayscale(astronaut)
    image = ImageOps.colorize(gray, *tint) if tint else gray.convert("RGB")
    assert not photo._colourful(image)
    assert len(photo.detect_faces(image)) == 1


def test_a_colour_portrait_is_colourful() -> None:
    assert photo._colourful(Image.fromarray(data.astronaut()))
    assert not photo._colourful(Image.fromarray(np.full((50, 50, 3), 128, np.uint8)))
