"""Lesson 2 on screen: the agenda and convocation, the moral report, the financial report.

Thin over ``reports`` (sums, proposed use of the surplus) and ``documents`` (the PDFs).
"""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from ..bookkeeping import statement
from ..bookkeeping.cash_book import CATEGORIES_IN, CATEGORIES_OUT
from ..bookkeeping.statement import Line
from ..bookkeeping.words import allocation_names, category_names, line_words
from ..bookkeeping.year_summary import ALLOCATION_KINDS, Allocation
from fadaa.core.checking import NotANumber, RuleError
from ..feedback_line import feedback_line
from ..forms import number_field, read_number
from fadaa.core.i18n import format_amount, forward_arrow
from ..lesson import Lesson
from . import examples, reports
from .calendar import suggested_agm_date
from .documents import convocation_document, default_agenda, reports_document
from .forms_view import STYLE, WIDE, AgmFile, CooperativeCard, explain, whole_number
from .records import Meeting, cooperative_from, format_date
from .reports import MORAL_PARTS, FinancialReport, MoralReport
from .words import moral_part_names

ALLOCATION_ICONS = {"reserve": "🏦", "members": "👭", "other": "📌"}
MORAL_ICONS = {"activities": "🧶", "members": "👭", "difficulties": "🧗", "plans": "🌱"}


def moral_headings(_) -> dict[str, str]:
    return {part: f"{MORAL_ICONS[part]} {words}" for part, words in moral_part_names(_).items()}


def agenda_html(items: list[str]) -> str:
    return "<ol>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ol>"


def example_agenda(lesson: Lesson) -> widgets.HTML:
    return widgets.HTML(agenda_html(default_agenda(lesson.lang)))


def example_moral(lesson: Lesson) -> widgets.HTML:
    report, headings = examples.moral_report(lesson.lang), moral_headings(lesson._)
    return widgets.HTML("".join(f"<p><b>{html.escape(headings[p])}</b><br>{html.escape(getattr(report, p))}</p>"
                                for p in MORAL_PARTS))


def financial_html(report: FinancialReport, lang: str, _, results: bool = True) -> str:
    """The report as a table; without ``results``, money in and out only (what a checkpoint asks
    her to work out is not printed above the question)."""
    icons = {"in": "⬇️💰 ", "out": "⬆️💸 ", "result": "🟢 " if report.surplus >= 0 else "🔴 ", "net_surplus": "🧮 ",
             "carried_forward": f"{forward_arrow(lang)} "}

    def row(line: Line) -> str:
        cell = "td" if line.part in ("in", "out", "use") else "th"
        icon = ALLOCATION_ICONS[line.key] + " " if line.part == "use" else icons.get(line.part, "")
        amount = abs(line.amount) if line.part == "result" else line.amount
        return (f'<tr><{cell}>{html.escape(icon + line_words(line, _, of_the_year=True))}</{cell}>'
                f'<{cell} class="num">{format_amount(amount, lang)}</{cell}></tr>')

    lines = statement.money_lines(report.totals, skip_empty=True)
    if not results:
        lines = [line for line in lines if line.part != "result"]
    else:
        uses = statement.use_lines(report)
        lines += [u for u in uses if u.part == "net_surplus" or report.to_allocate > 0]
    return f'<table class="fadaa-agm-money">{"".join(row(line) for line in lines)}</table>'


def example_financial(lesson: Lesson, results: bool = True) -> widgets.HTML:
    return widgets.HTML(financial_html(examples.financial_report(), lesson.lang, lesson._, results))


def example_surplus() -> float:
    return examples.financial_report().surplus


def example_carried_forward() -> float:
    return examples.financial_report().carried_forward


def _agenda_lines(text: str) -> list[str]:
    return [" ".join(line.split())[:200] for line in text.splitlines() if line.strip()][:15]


class ConvocationForm(widgets.VBox):
    """Her cooperative, the date, time and place, the agenda: the convocation letter."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        _ = self._ = lesson._
        self.lesson, self.file = lesson, file
        self.card = CooperativeCard(lesson, file)
        saved = file.get("meeting", {})
        calendar = file.get("calendar", {})
        planned = saved.get("day") or calendar.get("agm_day")
        if not planned and calendar.get("year_end"):
            planned = suggested_agm_date(date.fromisoformat(calendar["year_end"])).isoformat()
        self.day = widgets.DatePicker(description=_("Date of the assembly"), style=STYLE,
                                      value=date.fromisoformat(planned) if planned else None)
        self.time = widgets.Text(value=saved.get("time", ""), description=_("Time"), placeholder="10:00",
                                 style=STYLE, continuous_update=False)
        self.place = widgets.Text(value=saved.get("place", ""), description=_("Place"), style=STYLE, layout=WIDE,
                                  continuous_update=False)
        agenda = saved.get("agenda") or default_agenda(lesson.lang)
        self.agenda = widgets.Textarea(value="\n".join(agenda), description=_("Agenda (one item a line)"),
                                       style=STYLE, layout=widgets.Layout(width="100%", min_height="8em"),
                                       continuous_update=False)
        self.feedback = widgets.HTML()
        name = "convocation_ag" if lesson.lang == "fr" else "استدعاء_الجمع_العام"
        self.document = lesson.document(fr="✉️ Ma lettre de convocation (PDF)", ar="✉️ رسالة الاستدعاء (PDF)",
                                        filename=f"{name}.pdf", build=self.build_pdf)
        # Word, for a letter the board may want to edit before printing
        self.editable = lesson.document(fr="✉️ Ma lettre de convocation (Word)", ar="✉️ رسالة الاستدعاء (Word)",
                                        filename=f"{name}.docx", build=lambda: self.build_pdf(fmt="docx"))
        for field in (self.day, self.time, self.place, self.agenda):
            field.observe(lambda _c: self.save(), names="value")
        super().__init__([self.card, self.day, self.time, self.place, self.agenda, self.feedback, self.document,
                          self.editable])

    def notice_days(self) -> int | None:
        try:
            return whole_number(str(self.file.get("calendar", {}).get("notice_days") or ""))
        except (NotANumber, RuleError):
            return None

    def meeting(self) -> Meeting:
        if self.day.value is None:
            raise ValueError("no date")
        return Meeting(self.day.value, self.time.value.strip()[:20], self.place.value.strip()[:160],
                       _agenda_lines(self.agenda.value))

    def save(self) -> None:
        self.file.update(meeting={"day": self.day.value.isoformat() if self.day.value else None,
                                  "time": self.time.value.strip(), "place": self.place.value.strip(),
                                  "agenda": _agenda_lines(self.agenda.value)})
        self.feedback.value = "" if self.day.value else feedback_line("error", self._("Choose the date of the assembly."))

    def build_pdf(self, fmt: str = "pdf") -> bytes:
        return convocation_document(self.lesson.lang, self.card.cooperative(), self.meeting(), self.notice_days(),
                                    fmt=fmt)


class MoralForm(widgets.VBox):
    """The moral report in four short parts, in her words."""

    def __init__(self, lesson: Lesson, file: AgmFile):
        self.file = file
        saved = MoralReport.from_json(file.get("moral", {}))
        headings = moral_headings(lesson._)
        self.fields = {p: widgets.Textarea(value=getattr(saved, p), description=headings[p], style=STYLE,
                                           layout=widgets.Layout(width="100%", min_height="5em"),
                                           continuous_update=False) for p in MORAL_PARTS}
        for field in self.fields.values():
            field.observe(lambda _c: self.file.update(moral=self.report().to_json()), names="value")
        super().__init__(list(self.fields.values()))

    def report(self) -> MoralReport:
        return MoralReport(**{p: f.value for p, f in self.fields.items()})


class FinancialForm(widgets.VBox):
    """The year's money in and out (from her year summary when she built it, else typed here) and
    the proposed use of the surplus; the PDF holds the moral and the financial reports."""

    def __init__(self, lesson: Lesson, file: AgmFile, moral: MoralForm):
        _ = self._ = lesson._
        self.lesson, self.file, self.moral = lesson, file, moral
        self.summary = reports.her_year_summary(lesson)
        saved = file.get("money", {})
        kinds = category_names(_)
        self.source = widgets.HTML()
        self.amounts: dict[str, widgets.Text] = {}
        typed = []
        if self.summary is None:
            for icon, keys in (("⬇️💰", CATEGORIES_IN), ("⬆️💸", CATEGORIES_OUT)):
                for key in keys:
                    self.amounts[key] = number_field(kinds[key], icon=icon)
                    typed.append(self.amounts[key])
            self.source.value = feedback_line("info", _("Type the money in and out of the year, from your cash book."))
        else:
            self.source.value = feedback_line("right", _("Figures taken from your year summary (bookkeeping module)."))
        names = allocation_names(_)
        known_net = self.summary.net_surplus if self.summary is not None else None
        self.amounts["net_surplus"] = number_field(_("Net surplus (from the accountant)"), known_net, icon="🧮")
        for kind in ALLOCATION_KINDS:
            self.amounts[f"use_{kind}"] = number_field(names[kind], icon=ALLOCATION_ICONS[kind])
        for key, field in self.amounts.items():
            # what she typed, as she typed it (a figure the rules refuse is shown, and said so)
            field.value = str(saved.get(key, "") or field.value)
            field.observe(lambda _c: self.refresh(save=True), names="value")
        self.feedback = widgets.HTML()
        self.table = widgets.HTML()
        self.document = lesson.document(fr="📄 Mes rapports moral et financier (PDF)",
                                        ar="📄 التقريران الأدبي والمالي (PDF)",
                                        filename="rapports_ag.pdf" if lesson.lang == "fr" else "تقارير_الجمع_العام.pdf",
                                        build=self.build_pdf)
        title = html.escape(_("Proposed use of the surplus"))
        uses = widgets.HTML(f'<div class="fadaa-prompt">{title}</div>')
        super().__init__([self.source, *typed, uses, self.amounts["net_surplus"],
                          *[self.amounts[f"use_{k}"] for k in ALLOCATION_KINDS],
                          self.feedback, self.table, self.document])
        self.refresh()

    def _amount(self, key: str) -> float:
        return read_number(self.amounts[key])

    def report(self) -> FinancialReport:
        _ = self._
        uses = [Allocation(k, self._amount(f"use_{k}")) for k in ALLOCATION_KINDS]
        # the accountant's net surplus is what the assembly allocates; blank until she has it
        net = self._amount("net_surplus") if self.amounts["net_surplus"].value.strip() else None
        if self.summary is not None:
            return reports.from_year_summary(self.summary, uses, net)
        year_end = self.file.get("calendar", {}).get("year_end")
        period = _("year closed on {date}").format(date=format_date(date.fromisoformat(year_end))) if year_end else "…"
        return reports.from_figures(period, {k: self._amount(k) for k in CATEGORIES_IN},
                                    {k: self._amount(k) for k in CATEGORIES_OUT}, uses, net)

    def refresh(self, save: bool = False) -> None:
        _ = self._
        if save:
            self.file.update(money={k: f.value.strip() for k, f in self.amounts.items()})
        try:
            report = self.report()
        except NotANumber:
            self.feedback.value, self.table.value = feedback_line("error", _("Please type a number, for example 1 250.")), ""
            return
        except RuleError as error:  # the report's rules, and any figure out of bounds
            self.feedback.value, self.table.value = explain(error, _), ""
            return
        self.feedback.value = ""
        self.table.value = financial_html(report, self.lesson.lang, _)

    def build_pdf(self) -> bytes:
        return reports_document(self.lesson.lang, cooperative_from(self.file.data), self.moral.report(), self.report())
