"""Lesson 1 on screen: the calendar from the year end to the filing, the example's and her own.

Thin over ``calendar``: every date comes from the rules; this lays them out with an icon per step.
"""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from fadaa.core.checking import RuleError, read_or_say_why
from ..feedback_line import feedback_line
from ..lesson import Lesson
from . import calendar as cal
from . import examples
from .documents import calendar_document
from .words import basis_names, milestone_names
from .forms_view import STYLE, AgmFile, CooperativeCard, date_text, explain, whole_number

ICONS = {"year_end": "📕", "books_closed": "📒", "board_meeting": "🤝", "convocation": "✉️",
         "agm": "🏛️", "agm_deadline": "⏳", "filing": "⚖️"}


def timeline_table(milestones: list[cal.Milestone], lang: str, _) -> str:
    names, bases = milestone_names(_), basis_names(_)
    head = "".join(f"<th>{html.escape(t)}</th>" for t in (_("Date"), _("Step"), _("Where the date comes from")))
    rows = "".join(
        f'<tr><td>{date_text(m.day, lang)}</td><td>{ICONS[m.key]} {html.escape(names[m.key])}</td>'
        f'<td>{html.escape(bases[m.basis])}</td></tr>' for m in milestones)
    return f'<table class="fadaa-agm-calendar"><tr>{head}</tr>{rows}</table>'


def example_view(lesson: Lesson) -> widgets.HTML:
    """Nour's calendar: year end 31/12/2026, assembly planned on 22/05/2027, 15 days' notice (its statutes)."""
    plan = cal.schedule(examples.YEAR_END, examples.AGM_DAY, examples.STATUTES.notice_days)
    return widgets.HTML(timeline_table(plan, lesson.lang, lesson._))


class CalendarPlanner(widgets.VBox):
    """She enters her year end, her statutes' notice period and a date: she gets her calendar."""

    def __init__(self, lesson: Lesson):
        _ = self._ = lesson._
        self.lesson = lesson
        self.file = AgmFile(lesson)
        self.card = CooperativeCard(lesson, self.file, with_people=False)
        saved = self.file.get("calendar", {})
        self.year_end = widgets.DatePicker(description=_("Close of your financial year"), style=STYLE,
                                           value=_parse(saved.get("year_end")))
        self.notice = widgets.Text(value=str(saved.get("notice_days") or ""), style=STYLE,
                                   description=_("Notice period in your statutes (days)"),
                                   placeholder=_("from your statutes"), continuous_update=False)
        self.notice.add_class("fadaa-number-input")
        self.agm_day = widgets.DatePicker(description=_("Planned date of the assembly"), style=STYLE,
                                          value=_parse(saved.get("agm_day")))
        self.feedback = widgets.HTML()
        self.table = widgets.HTML()
        self.document = lesson.document(fr="📅 Mon calendrier (PDF)", ar="📅 رزنامتي (PDF)",
                                        filename="calendrier_ag.pdf" if lesson.lang == "fr" else "رزنامة_الجمع_العام.pdf",
                                        build=self.build_pdf)
        for field in (self.year_end, self.notice, self.agm_day):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        super().__init__([self.card, self.year_end, self.notice, self.agm_day, self.feedback, self.table,
                          self.document])
        self.refresh()

    def plan(self) -> list[cal.Milestone]:
        notice = whole_number(self.notice.value)
        return cal.schedule(self.year_end.value, self.agm_day.value, notice)

    def refresh(self, save: bool = False) -> None:
        _ = self._
        if save:
            self.file.update(calendar={"year_end": _iso(self.year_end.value), "agm_day": _iso(self.agm_day.value),
                                       "notice_days": self.notice.value.strip()})
        self.table.value = ""
        if self.year_end.value is None:
            self.feedback.value = feedback_line("info", _("Enter the close of your financial year to see your dates."))
            return
        plan = read_or_say_why(self.plan, self.feedback,
                               feedback_line("error", _("Please type a whole number of days, for example 15.")),
                               lambda error: explain(error, _), RuleError)
        if plan is None:
            return
        days = {m.key: m.day for m in plan}
        lines = [html.escape(_("Last day for your assembly: {date}.")).format(date=date_text(days["agm_deadline"], self.lesson.lang)),
                 html.escape(_("Accounts filed at the court of first instance by: {date}.")).format(
                     date=date_text(days["filing"], self.lesson.lang))]
        late = cal.is_late(days["year_end"], days["agm"])
        if late:
            lines.insert(0, html.escape(_("This date is after the legal deadline: your assembly is late. "
                                          "Hold it as soon as you can, and tell ODCO.")))
        if "convocation" not in days:
            lines.append(html.escape(_("Enter the notice period of your statutes to get the date of the convocations.")))
        kind = "error" if late else "right"
        self.feedback.value = (f'<div class="fadaa-feedback fadaa-feedback-{kind}" role="status">'
                               + "<br>".join(f"{'⚠️' if late and i == 0 else '✅'} {line}"
                                             for i, line in enumerate(lines)) + "</div>")
        self.table.value = timeline_table(plan, self.lesson.lang, _)

    def build_pdf(self) -> bytes:
        return calendar_document(self.lesson.lang, self.card.cooperative(), self.plan())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _parse(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def example_filing_day() -> int:
    """Nour's assembly on 22/05/2027: the accounts are filed by this day of June 2027."""
    return cal.filing_deadline(examples.AGM_DAY).day
