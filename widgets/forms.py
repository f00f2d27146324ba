"""Form pieces every subject's views share: a labelled box for a number or a short text, and how a
number box is read (their look: ``styles.LESSON_CSS``)."""
from __future__ import annotations

import ipywidgets as widgets

from fadaa.core.checking import NotANumber, bounded_answer, parse_number

FIELD_LAYOUT = widgets.Layout(width="100%", max_width="30em", min_height="40px")
FIELD_STYLE = {"description_width": "14em"}


def number_text(value: float) -> str:
    """A saved number as she would type it back: '1250.5', '1000000' (never '1e+06')."""
    return f"{bounded_answer(value):.2f}".rstrip("0").rstrip(".")


def number_field(label: str, value: float | None = None, placeholder: str = "DH", icon: str = "") -> widgets.Text:
    """A text box for a number (read with ``read_number``: '1 250,50', Arabic digits...); None
    leaves it blank. A saved ``value`` that is no figure at all raises RuleError: the lesson sets it
    aside (``Lesson.step``)."""
    field = widgets.Text(value="" if value is None else number_text(value), description=f"{icon} {label}".strip(),
                         placeholder=placeholder, continuous_update=False, style=FIELD_STYLE, layout=FIELD_LAYOUT)
    field.add_class("fadaa-number-input")
    return field


def read_number(field: widgets.Text, blank: float = 0.0) -> float:
    """The number in ``field``; an empty box counts as ``blank``. Raises NotANumber."""
    return blank if not field.value.strip() else parse_number(field.value)


def text_field(label: str, value: str = "", placeholder: str = "", icon: str = "") -> widgets.Text:
    field = widgets.Text(value=value, description=f"{icon} {label}".strip(), placeholder=placeholder,
                         continuous_update=False, style=FIELD_STYLE, layout=FIELD_LAYOUT)
    field.add_class("fadaa-text-input")
    return field


__all__ = ["NotANumber", "number_field", "number_text", "text_field", "read_number"]
