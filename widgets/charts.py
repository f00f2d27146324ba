"""matplotlib charts for lessons: Arabic labels shaped and ordered, sent once as a small PNG."""
from __future__ import annotations

import io

import arabic_reshaper
import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
from bidi import get_display  # noqa: E402

from .i18n import RIGHT_TO_LEFT  # noqa: E402

# DejaVu Sans ships with matplotlib and has Arabic glyphs; matplotlib does not shape Arabic itself.
plt.rcParams["font.family"] = "DejaVu Sans"


def label(text: str, lang: str) -> str:
    """A chart label: Arabic letters joined and laid out right to left, other text unchanged."""
    if lang in RIGHT_TO_LEFT:
        return get_display(arabic_reshaper.reshape(text))
    return text


def new_figure(width: float = 5.0, height: float = 3.0):
    return plt.subplots(figsize=(width, height), dpi=80)


def figure_png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def image_widget(fig) -> widgets.Image:
    """An Image widget sends the PNG over the websocket once (an Output widget sends it three times)."""
    image = widgets.Image(value=figure_png(fig), format="png",
                          layout=widgets.Layout(max_width="100%", height="auto"))
    image.add_class("fadaa-chart")
    return image
