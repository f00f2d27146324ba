"""Pieces the three AGM lessons share on screen: her AGM file, her cooperative's card, messages.

Thin: the rules live in ``calendar``, ``quorum`` and ``reports``; this only reads fields and shows
results in her language.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as widgets

from fadaa.core.checking import NotANumber, bounded, parse_number
from ..feedback_line import feedback_line
from ..forms import number_field
from ..lesson import Lesson
from . import records
from .quorum import MAX_MEMBERS, AgmError
from .records import Cooperative
from .words import error_words

WIDE = widgets.Layout(width="100%", max_width="30em")
STYLE = {"description_width": "initial"}


class AgmFile:
    """Her AGM file for this lesson: read once, kept in its notebook on every change."""

    def __init__(self, lesson: Lesson):
        self.lesson, self.store = lesson, lesson.store
        self.data: dict[str, Any] = records.load(lesson.notebook)
        self._listeners: list = []
        if self.data and records.SAVED_AT not in self.data:
            self._keep()  # a copy from before copies were stamped (agm.json among them): hers from now on

    def on_change(self, callback) -> None:
        """``callback()`` after every change: later steps redraw with what she wrote earlier."""
        self._listeners.append(callback)

    def get(self, key: str, default=None):
        # read like any saved answer, so that a step that cannot use this part of her file sets it aside
        if self.store and not self.store.usable("agm", key):
            return default
        return self.data.get(key, default)

    def _keep(self) -> None:
        self.data = records.stamped(self.data)
        self.lesson.keep(records.DATA_KEY, self.data)

    def update(self, **values) -> None:
        self.data.update(values)
        self._keep()
        if self.store:
            for key in values:
                self.store.saved_anew("agm", key)
        for callback in self._listeners:
            callback()


def explain(error: ValueError, _) -> str:
    reason = getattr(error, "reason", "")
    return feedback_line("error", error_words(_).get(reason, _("Check this figure.")))


def whole_number(text: str, allow_blank: bool = True) -> int | None:
    """A count she typed ('12', '١٢'); None when left blank. Raises NotANumber on anything else, and
    AgmError (``negative``, ``too_large``) beyond any count of a cooperative (members, days, votes)."""
    if allow_blank and not str(text).strip():
        return None
    value = parse_number(text)
    if value != int(value):
        raise NotANumber(text)
    return int(bounded(value, "count", MAX_MEMBERS, AgmError))


def date_text(day: date | None, lang: str) -> str:
    return f'<span class="num">{records.format_date(day)}</span>' if day else ""


class CooperativeCard(widgets.VBox):
    """Name, town, members, president and secretary: typed once, carried from lesson to lesson."""

    def __init__(self, lesson: Lesson, file: AgmFile, with_people: bool = True):
        _ = lesson._
        self.file = file
        saved = file.get("cooperative", {})
        self.name = widgets.Text(value=saved.get("name", ""), description=_("Name of the cooperative"),
                                 style=STYLE, layout=WIDE, continuous_update=False)
        self.city = widgets.Text(value=saved.get("city", ""), description=_("Town"), style=STYLE, layout=WIDE,
                                 continuous_update=False)
        # read as if typed: a saved count that is none (a text, 1e308) stops the card, and the lesson sets it aside
        members = whole_number(str(saved.get("members") or ""))
        self.members = number_field(_("Number of members"), members, placeholder="")
        self.president = widgets.Text(value=saved.get("president", ""), description=_("President"),
                                      style=STYLE, layout=WIDE, continuous_update=False)
        self.secretary = widgets.Text(value=saved.get("secretary", ""), description=_("Secretary"),
                                      style=STYLE, layout=WIDE, continuous_update=False)
        self.feedback = widgets.HTML()
        self._ = _
        fields = [self.name, self.city, self.members] + ([self.president, self.secretary] if with_people else [])
        for field in fields:
            field.observe(lambda _c: self.save(), names="value")
        super().__init__(fields + [self.feedback])

    def cooperative(self) -> Cooperative:
        try:
            members = whole_number(self.members.value) or 0
        except (NotANumber, AgmError):
            members = 0
        return Cooperative(self.name.value.strip()[:120] or "…", self.city.value.strip()[:80], members,
                           self.president.value.strip()[:80], self.secretary.value.strip()[:80])

    def save(self) -> None:
        try:
            whole_number(self.members.value)
            self.feedback.value = ""
        except NotANumber:
            self.feedback.value = feedback_line("error", self._("Please type a whole number, for example 25."))
        except AgmError as error:
            self.feedback.value = explain(error, self._)
        coop = self.cooperative()
        self.file.update(cooperative={"name": self.name.value.strip(), "city": coop.city, "members": coop.members,
                                      "president": coop.president, "secretary": coop.secretary})
