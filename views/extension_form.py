"""The trainer desk's extra-time form: a learner or a cooperative of his cohort, a module given to
them, a new due date; it calls what ``fadaa assign --learner`` / ``--cooperative`` records
(``grading.extensions``), so her status, the reminders and every screen follow it."""
from __future__ import annotations

import datetime as dt
import html
from typing import Callable

import ipywidgets as widgets

from fadaa.grading.extensions import CannotExtend, extend
from fadaa.grading.progress import Progress
from fadaa.core.i18n import format_day, gettext_for

from .place import Place


def who_options(progress: Progress, cohort: str | None) -> list[tuple[str, tuple[str, str]]]:
    """Each cooperative of the cohort, then each of its learners: (what he reads, (kind, key))."""
    people = progress.roster(cohort=cohort).sort_values(["cooperative", "name"])
    return ([(f"👥 {coop}", ("cooperative", coop)) for coop in people.cooperative.unique()]
            + [(f"👤 {row.name} ({row.student_id})", ("learner", row.student_id)) for row in people.itertuples()])


class ExtensionForm(widgets.VBox):
    def __init__(self, lang: str, place: Place, progress: Progress, on_done: Callable[[], None]):
        self.lang, self.place, self.progress, self.on_done = lang, place, progress, on_done
        _ = gettext_for(lang)
        self.titles = progress.titles
        self.who = widgets.Dropdown(description=_("Who"))
        self.module = widgets.Dropdown(description=_("Module"))
        self.due = widgets.DatePicker(value=dt.date.today() + dt.timedelta(days=7), description=_("New due date"),
                                      style={"description_width": "initial"})
        self.button = widgets.Button(description=_("Give more time"), button_style="primary",
                                     layout=widgets.Layout(width="auto"))
        self.button.add_class("fadaa-extend")
        self.button.on_click(lambda _b: self.give())
        self.message = widgets.HTML()
        for name in ("who", "module", "due"):
            getattr(self, name).add_class(f"fadaa-extension-{name}")
        super().__init__([self.who, self.module, self.due, self.button, self.message])

    def show_cohort(self, cohort: str | None) -> None:
        """The learners, cooperatives and modules of the cohort the desk shows."""
        self.who.options = who_options(self.progress, cohort)
        self.module.options = [(self.titles(m, self.lang), m) for m in self.progress.given_modules(cohort)]
        self.message.value = ""

    def give(self) -> None:
        _ = gettext_for(self.lang)
        if self.who.value is None or self.module.value is None or self.due.value is None:
            return
        kind, key = self.who.value
        due = dt.datetime.combine(self.due.value, dt.time(23, 59, 59))
        try:
            given = extend(self.place.db_url, self.place.course_id, self.module.value, due,
                           **{"learner_id" if kind == "learner" else "cooperative": key})
        except CannotExtend as refused:
            self.message.value = ('<div class="fadaa-feedback fadaa-feedback-error">⚠️ '
                                  + html.escape(refused.text(self.lang)) + "</div>")
            return
        self.on_done()  # the desk's lists first: when the message shows, they show her new date
        # her name isolated: an Arabic name in a French sentence would carry the date along with it
        self.message.value = '<div class="fadaa-feedback fadaa-feedback-saved">✅ ' + html.escape(
            _("{module}: new due date for {name}, {date}.")).format(
                module=html.escape(self.titles(given.module, self.lang)),
                name=f"<bdi>{html.escape(given.who)}</bdi>", date=format_day(given.duedate, self.lang)) + "</div>"
