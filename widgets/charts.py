"""matplotlib charts for lessons, sent once as a small PNG.

matplotlib 3.11 lays out complex scripts itself (HarfBuzz through libraqm): Arabic labels are
joined and ordered right to left with no reshaping on our side. Reshaping them again (as older
recipes with arabic-reshaper and python-bidi do) reverses them.
"""
from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)

# DejaVu Sans ships with matplotlib and has Arabic glyphs: no system font is needed.
plt.rcParams["font.family"] = "DejaVu Sans"


def new_figure(width: float = 5.0, height: float = 3.0):
    return plt.subplots(figsize=(width, height), dpi=80)


def figure_png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def warm_up() -> None:
    """Draw a small chart with Latin and Arabic text, so that fonts and text layout are loaded
    before a learner's first chart (see ``grading/forked_kernels``)."""
    fig, ax = new_figure(1, 1)
    ax.set_title("DH دفتر")
    figure_png(fig)


def image_widget(fig) -> widgets.Image:
    """An Image widget sends the PNG over the websocket once (an Output widget sends it three times)."""
    image = widgets.Image(value=figure_png(fig), format="png",
                          layout=widgets.Layout(max_width="100%", height="auto"))
    image.add_class("fadaa-chart")
    return image
