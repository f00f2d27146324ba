"""Her product photo: what a marketplace would reject, read from the pixels. Plain Python (Pillow
for reading the file, numpy for the sums), tested without Jupyter.

Marketplaces check listings before they go online and ask for good photos (lesson 2). The rules
here look for the four faults a buyer and a platform see first — too small, too dark, blurred, a
busy background — and say which. The thresholds are Fadaa's own, chosen on phone photos of
handicrafts; a platform's seller rules may ask for more (a minimum size, a white background), and
the lesson sends her to read them.

The photo she keeps is a copy: at most 1600 pixels on its long side, as JPEG, turned the way the
phone held it, and without the file's metadata (a phone writes where and when it was taken).
"""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

#: Largest file read. The page script sends nothing larger (frontend/src/lesson.js, MAX_UPLOAD_BYTES:
#: the two must agree, tests/test_photo.py checks it), which keeps every upload under the 10 MiB a
#: websocket message may carry.
MAX_BYTES = 8_000_000
FORMATS = ("JPEG", "PNG", "WEBP")
MIN_SHORT_SIDE = 800      # pixels on the photo's short side
DARK_BELOW = 75           # mean brightness, 0 (black) to 255 (white)
BLURRED_BELOW = 0.16      # sharpest edges' steepness, as a share of the photo's contrast
CLUTTERED_ABOVE = 0.35    # share of the border's pixels unlike the background's own colour
KEPT_LONG_SIDE = 1600
ANALYSED_LONG_SIDE = 640
BORDER = 0.15             # the frame looked at for the background: 15 % of each side
UNLIKE = 0.15             # a colour 15 % of full scale away from the background's counts as something else


class PhotoError(ValueError):
    """A file that cannot be used as a photo; ``reason`` is a short code the view turns into words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PhotoCheck:
    width: int
    height: int
    brightness: float   # 0-255
    sharpness: float    # steepness of the sharpest edges, share of the contrast
    clutter: float      # share of the border unlike the background's colour
    problems: tuple[str, ...]   # "too_small", "too_dark", "blurred", "cluttered", in that order

    @property
    def good(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {"width": self.width, "height": self.height, "brightness": round(self.brightness, 1),
                "sharpness": round(self.sharpness, 3), "clutter": round(self.clutter, 3),
                "problems": list(self.problems)}


def open_photo(data: bytes, size: int | None = None) -> Image.Image:
    """The photo in ``data`` as an RGB image turned upright, or PhotoError: empty, too large, not an image.

    ``size`` is the size the phone announced: a file over the limit is refused before it is read.
    """
    if (size or 0) > MAX_BYTES or len(data) > MAX_BYTES:
        raise PhotoError("too_large")
    if not data:
        raise PhotoError("empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in FORMATS:
                raise PhotoError("not_an_image")
            width, height = image.size
            image.draft("RGB", (KEPT_LONG_SIDE, KEPT_LONG_SIDE))  # a JPEG decodes at a smaller scale: fast, little memory
            image = _on_white(ImageOps.exif_transpose(image))
    except PhotoError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoError("too_large") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise PhotoError("not_an_image") from None
    turned = (image.size[0] > image.size[1]) != (width > height)  # the phone was held the other way
    image.info["original_size"] = (height, width) if turned else (width, height)
    return image


def _on_white(image: Image.Image) -> Image.Image:
    """RGB; a cut-out product (a PNG with a transparent background) stands on white, as a platform
    shows it, instead of on black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")


def _small(image: Image.Image) -> np.ndarray:
    """The photo at ``ANALYSED_LONG_SIDE`` pixels, RGB from 0 to 1: every measure is taken on it."""
    small = image.copy()
    small.thumbnail((ANALYSED_LONG_SIDE, ANALYSED_LONG_SIDE))
    return np.asarray(small, dtype=np.float32) / 255.0


def _sharpness(grey: np.ndarray) -> float:
    """How steep the sharpest edges are, as a share of the photo's contrast: a blurred edge is spread
    over several pixels, so its steepest step is small."""
    step = np.maximum(np.abs(np.diff(grey, axis=1))[:-1, :], np.abs(np.diff(grey, axis=0))[:, :-1])
    contrast = float(np.percentile(grey, 99) - np.percentile(grey, 1))
    return float(np.percentile(step, 99.7)) / contrast if contrast > 0.05 else 0.0


def _clutter(rgb: np.ndarray) -> float:
    """Share of the photo's outer frame whose colour is unlike the frame's usual colour: things
    around the product instead of a plain background."""
    h, w = rgb.shape[:2]
    bh, bw = max(1, int(h * BORDER)), max(1, int(w * BORDER))
    frame = np.ones((h, w), dtype=bool)
    frame[bh:h - bh, bw:w - bw] = False
    pixels = rgb[frame]
    background = np.median(pixels, axis=0)
    return float((np.abs(pixels - background).max(axis=1) > UNLIKE).mean())


def measure(image: Image.Image) -> tuple[float, float, float]:
    """(brightness 0-255, sharpness, clutter) of an RGB image."""
    rgb = _small(image)
    grey = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    return float(grey.mean() * 255), _sharpness(grey), _clutter(rgb)


def check(image: Image.Image) -> PhotoCheck:
    """What a marketplace would reject in this photo, in the order she should fix it."""
    width, height = image.info.get("original_size", image.size)
    brightness, sharpness, clutter = measure(image)
    problems = []
    if min(width, height) < MIN_SHORT_SIDE:
        problems.append("too_small")
    if brightness < DARK_BELOW:
        problems.append("too_dark")
    if sharpness < BLURRED_BELOW:
        problems.append("blurred")
    if clutter > CLUTTERED_ABOVE:
        problems.append("cluttered")
    return PhotoCheck(width, height, brightness, sharpness, clutter, tuple(problems))


def kept_jpeg(image: Image.Image, long_side: int = KEPT_LONG_SIDE) -> bytes:
    """The copy she keeps: at most ``long_side`` pixels, JPEG, no metadata."""
    copy = image.copy()
    copy.thumbnail((long_side, long_side))
    buffer = io.BytesIO()
    copy.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def check_file(data: bytes, size: int | None = None) -> tuple[PhotoCheck, bytes]:
    """Read, check and make the copy to keep: (the check, the JPEG bytes). Raises PhotoError."""
    image = open_photo(data, size)
    return check(image), kept_jpeg(image)
