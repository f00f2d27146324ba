"""The example photos of lesson 5: one cushion photographed three ways, drawn here so the lesson
needs no image file. The photo check (``photo.check``) says what is wrong with each, as it would
with hers."""
from __future__ import annotations

import functools
import io

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from . import photo

SIZE = 1000
# Lesson 5's checkpoint: a phone photo 4000 x 3000 pixels, kept at most 1600 pixels on its long side.
EXAMPLE_PHOTO_SIZE = (4000, 3000)


def _cushion(background: Image.Image) -> Image.Image:
    draw = ImageDraw.Draw(background)
    s = SIZE
    draw.rounded_rectangle([s * 0.28, s * 0.3, s * 0.72, s * 0.72], radius=s // 25, fill=(158, 42, 38))
    for i in range(9):
        y = s * 0.34 + i * s * 0.042
        draw.line([s * 0.31, y, s * 0.69, y], fill=(236, 196, 84), width=6)
    draw.ellipse([s * 0.45, s * 0.46, s * 0.55, s * 0.56], outline=(250, 240, 220), width=6)
    return background


@functools.cache
def example_photo(kind: str) -> bytes:
    """The cushion as JPEG: by a window on a white sheet, at night, or on a crowded kitchen table."""
    rng = np.random.default_rng(7)
    background = Image.new("RGB", (SIZE, SIZE), (232, 228, 220))
    if kind == "cluttered":
        draw = ImageDraw.Draw(background)
        for _ in range(220):
            x, y = (int(v) for v in rng.integers(0, SIZE, 2))
            w, h = (int(v) for v in rng.integers(20, SIZE // 5, 2))
            draw.ellipse([x, y, x + w, y + h], fill=tuple(int(v) for v in rng.integers(20, 235, 3)))
    image = _cushion(background)
    pixels = np.asarray(image, dtype=np.float32) + rng.normal(0, 3, (SIZE, SIZE, 3))
    if kind == "dark":
        pixels *= 0.22
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def example_check(kind: str) -> photo.PhotoCheck:
    return photo.check_file(example_photo(kind))[0]


def example_kept_height() -> int:
    """The kept copy of a 4000 x 3000 photo: 1600 pixels wide, so 1200 high."""
    width, height = EXAMPLE_PHOTO_SIZE
    return round(height * photo.KEPT_LONG_SIDE / width)
