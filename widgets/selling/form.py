"""Small form pieces the selling views share: a labelled number box and a message line."""
from __future__ import annotations


import ipywidgets as widgets

from fadaa.core.checking import NotANumber, bounded_answer, parse_number

FIELD_LAYOUT = widgets.Layout(width="100%", max_width="30em", min_height="40px")


def number_field(label: str, value: float | None = None, placeholder: str = "DH", icon: str = "") -> widgets.Text:
    """A text box for a number (read with ``parse_number``: '1 250,50', Arabic digits...). A saved
    ``value`` that is no figure at all raises RuleError: the lesson sets it aside (``Lesson.step``)."""
    field = widgets.Text(value="" if value is None else f"{bounded_answer(value):g}", description=f"{icon} {label}".strip(),
                         placeholder=placeholder, continuous_update=False,
                         style={"description_width": "14em"}, layout=FIELD_LAYOUT)
    field.add_class("fadaa-number-input")
    return field


# Her own words (a title, a product name) follow their own script's direction, whatever the page's;
# checklist lines wrap instead of being cut on a phone.
FORM_CSS = ("<style>.fadaa-text-input input, .fadaa-text-input textarea "
            "{ unicode-bidi: plaintext; text-align: start; direction: inherit; }"
            ".fadaa-checklist-box label { white-space: normal !important; overflow: visible !important; "
            "text-overflow: clip !important; height: auto !important; }</style>")


def form_css() -> widgets.HTML:
    return widgets.HTML(FORM_CSS)


def text_field(label: str, value: str = "", placeholder: str = "", icon: str = "") -> widgets.Text:
    field = widgets.Text(value=value, description=f"{icon} {label}".strip(), placeholder=placeholder,
                         continuous_update=False, style={"description_width": "14em"}, layout=FIELD_LAYOUT)
    field.add_class("fadaa-text-input")
    return field


def read(field: widgets.Text, blank: float = 0.0) -> float:
    """The number in ``field``; an empty box counts as ``blank``. Raises NotANumber."""
    return blank if not field.value.strip() else parse_number(field.value)


__all__ = ["NotANumber", "number_field", "text_field", "read", "form_css"]
