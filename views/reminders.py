"""The coordinator dashboard's reminder buttons: the SMS gateway's CSV and the WhatsApp page of
``grading.reminders``, for the learners late under the dashboard's filters, and below them the late
learners who have no valid number (to call or to correct on the roster).

The reminders are worked out when a button is tapped, not on every change of filter: they read
every learner × module row, which the screen's aggregates never do.
"""
from __future__ import annotations

import datetime as dt
import html
from typing import Callable

import ipywidgets as widgets

from fadaa.grading import reminders
from fadaa.grading.progress import Progress
from fadaa.widgets.download import DocumentButton
from fadaa.core.i18n import format_day, gettext_for, mark as _

from . import page
from .place import Place


BUTTONS = {"sms": _("Reminders by SMS (CSV)"), "whatsapp": _("Reminders on WhatsApp (page)")}
NO_PHONE_COLUMNS = {"name": _("Learner"), "cooperative": _("Cooperative"), "phone": _("Phone"),
                    "module": _("Module"), "due_date": _("Due date")}


class ReminderButtons(widgets.VBox):
    def __init__(self, lang: str, place: Place, progress: Progress, filters: Callable[[], dict],
                 now: dt.datetime | None = None):
        self.lang, self.place, self.progress, self.filters, self.now = lang, place, progress, filters, now
        _ = gettext_for(lang)
        self.buttons = {format: DocumentButton(_(label), f"fadaa_reminders{reminders.FORMATS[format]}",
                                               lambda f=format: self.file(f), _)
                        for format, label in BUTTONS.items()}
        for format, button in self.buttons.items():
            button.add_class(f"fadaa-reminders-{format}")
        self.no_phone = widgets.HTML()
        self.no_phone.add_class("fadaa-no-phone")
        super().__init__([
            widgets.HTML("<h2>" + html.escape(_("Reminders for late learners")) + "</h2><p>" + html.escape(
                _("Fadaa sends nothing: import the CSV into your SMS gateway, or open the page and tap each link."))
                + "</p>"),
            *self.buttons.values(), self.no_phone])

    def file(self, format: str) -> bytes:
        """The reminders file of ``format`` for the filters on screen; says who has no number."""
        found = reminders.late_reminders(self.progress, self.progress.titles, now=self.now,
                                         **self.filters())
        self.no_phone.value = self._no_phone_html(found)
        return reminders.export(found, format, self.lang)

    def _no_phone_html(self, found: reminders.Reminders) -> str:
        _ = gettext_for(self.lang)
        if found.no_phone.empty:
            return "<p>" + html.escape(_("Everyone late has a valid phone number.")) + "</p>"
        table = found.no_phone.fillna("").assign(  # kept left to right in Arabic: '+212…', not '…212+'
            phone=lambda t: [page.bidi(phone, self.lang) if phone else "" for phone in t.phone],
            due_date=lambda t: [format_day(dt.date.fromisoformat(day), self.lang) for day in t.due_date])
        table = table.rename(columns={c: _(label) for c, label in NO_PHONE_COLUMNS.items()})
        return ("<h3>" + html.escape(_("Late learners without a valid phone number")) + "</h3>"
                + page.table_html(table, self.lang))

    def reset(self) -> None:
        """Links made before the filters changed would not match the screen."""
        for button in self.buttons.values():
            button.link.value = ""
        self.no_phone.value = ""
