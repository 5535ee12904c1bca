"""Tesseract's words on an image, as :class:`~dossier_check.model.Word` records."""

from __future__ import annotations

import pytesseract
from PIL import Image

from dossier_check import scratch
from dossier_check.model import Word


def page_words(gray: Image.Image, lang: str, psm: int) -> list[Word]:
    """Every non-blank word Tesseract reads on ``gray``, its box, confidence and line."""
    data = scratch.image_to_data(
        gray, lang=lang, config=f"--psm {psm}", output_type=pytesseract.Output.DICT
    )
    words: list[Word] = []
    line_ids: dict[tuple[int, int, int], int] = {}
    for i, raw in enumerate(data["text"]):
        text = raw.strip()
        if not text:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        line = line_ids.setdefault(key, len(line_ids))
        words.append(
            Word(
                text=text,
                conf=float(data["conf"][i]),
                left=int(data["left"][i]),
                top=int(data["top"][i]),
                width=int(data["width"][i]),
                height=int(data["height"][i]),
                line=line,
            )
        )
    return words
