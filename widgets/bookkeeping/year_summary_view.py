"""The year's financial summary on screen (lesson 4): the year from her cash book or typed month by
month, the proposed use of the surplus, and her workbook and PDF. Thin over ``year_summary``."""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import NotANumber
from ..feedback_line import feedback_line
from fadaa.core.i18n import format_amount, forward_arrow
from ..lesson import Lesson
from ..forms import number_field, number_text, read_number
from . import documents, statement
from . import year_summary as rules
from .cash_book import CATEGORIES_IN, CATEGORIES_OUT
from .cash_book_view import ICON_IN, ICON_OUT
from .lesson_examples import example_year
from .own_records import her_cash_book
from .summary import Totals, by_month
from .summary_view import BLUE, CATEGORY_ICONS, GREEN, RED, read_amounts, totals_table, typed_totals
from .words import allocation_names, category_names, line_words, month_name

ALLOCATION_ICONS = {"reserve": "🏦", "members": "👥", "other": "📝"}


def months_table(summary: rules.YearSummary, lang: str, _) -> str:
    words = [html.escape(w) for w in (_("Month"), _("Money in"), _("Money out"), _("Surplus or deficit"))]
    head = f"<tr><th>{words[0]}</th><th>{ICON_IN} {words[1]}</th><th>{ICON_OUT} {words[2]}</th><th>{words[3]}</th></tr>"
    rows = "".join(f"<tr><td>{html.escape(month_name(m, lang))}</td>"
                   + "".join(f'<td class="num">{format_amount(v, lang)}</td>' for v in (i, o, r)) + "</tr>"
                   for m, i, o, r in summary.monthly())
    total = ("<tr><th>" + html.escape(_("Total")) + "</th>"
             + "".join(f'<th class="num">{format_amount(v, lang)}</th>'
                       for v in (summary.total_income, summary.total_expenses, summary.surplus)) + "</tr>")
    return f'<table class="fadaa-months">{head}{rows}{total}</table>'


def allocations_table(summary: rules.YearSummary, lang: str, _) -> str:
    icons = {"result": "🟢" if summary.surplus >= 0 else "🔴", "net_surplus": "🧮", "carried_forward": forward_arrow(lang)}
    rows = [(f"{icons.get(line.part) or ALLOCATION_ICONS.get(line.key, '')} {line_words(line, _)}",
             -line.amount if line.part == "use" else line.amount)
            for line in [statement.result_line(summary.totals), *statement.use_lines(summary)]]
    body = "".join(f'<tr><td>{html.escape(w)}</td><td class="num">{format_amount(v, lang)}</td></tr>'
                   for w, v in rows)
    return f'<table class="fadaa-allocations">{body}</table>'


def months_chart(summary: rules.YearSummary, lang: str, _) -> widgets.Image:
    """Money in and out each month, and the result as a line."""
    rows = summary.monthly()
    fig, ax = charts.new_figure(7, 3)
    xs = [m for m, *_rest in rows]
    ax.bar([x - 0.2 for x in xs], [r[1] for r in rows], width=0.4, color=GREEN, label=_("Money in"))
    ax.bar([x + 0.2 for x in xs], [r[2] for r in rows], width=0.4, color=RED, label=_("Money out"))
    ax.plot(xs, [r[3] for r in rows], color=BLUE, marker="o",
            label=_("Surplus or deficit"))
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_xticks(xs, [month_name(m, lang)[:4] for m in xs], fontsize=8)
    ax.set_ylabel("DH")
    ax.set_title(_("The year month by month"))
    ax.legend(fontsize=8)
    if lang == "ar":
        ax.invert_xaxis()
    return charts.image_widget(fig)


def year_view(summary: rules.YearSummary, lesson: Lesson) -> widgets.VBox:
    return widgets.VBox([widgets.HTML(totals_table(summary.totals, lesson.lang, lesson._)),
                         months_chart(summary, lesson.lang, lesson._)])


def example_year_view(lesson: Lesson) -> widgets.VBox:
    return year_view(example_year(with_allocations=False), lesson)


def example_allocations_view(lesson: Lesson) -> widgets.HTML:
    return widgets.HTML(allocations_table(example_year(), lesson.lang, lesson._))


def example_year_end_cash() -> float:
    return example_year().closing_balance


def example_carried_forward() -> float:
    return example_year().carried_forward


class YearSummaryEditor(widgets.VBox):
    """Her year: taken from her cash book of lesson 1 or typed month by month, then the proposed use
    of the surplus. Saved in her notebook under ``year_summary`` (``YearSummary.to_json``)."""

    DATA_KEY = "year_summary"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        names = category_names(_)
        self.kept = her_cash_book(lesson)
        saved = lesson.kept(self.DATA_KEY, None)
        # a saved year that does not read is set aside by the lesson, which tells her
        start = (rules.YearSummary.from_json(saved) if saved else None) or rules.YearSummary(date.today().year - 1)
        self.months: dict[int, Totals] = dict(start.months)
        allocated = {a.kind: a for a in start.allocations}

        self.cooperative = widgets.Text(value=start.cooperative, description="🏠 " + _("Cooperative"),
                                        style={"description_width": "initial"})
        self.year = widgets.BoundedIntText(value=start.year, min=2000, max=2100, description="📅 " + _("Year"),
                                           layout=widgets.Layout(width="12em"))
        self.opening = number_field("💰 " + _("Cash at the start of the year"), start.opening_balance or None)
        self.import_button = widgets.Button(description=_("Take the months from my cash book"), icon="download",
                                            layout=widgets.Layout(min_height="48px", width="auto"))
        self.import_button.on_click(lambda _b: self.import_cash_book())
        self.import_button.layout.display = None if self.kept else "none"
        self.month = widgets.Dropdown(options=[(month_name(m, lesson.lang), m) for m in rules.MONTHS],
                                      description="🗓️ " + _("Month"))
        self.fields = {k: number_field(f"{ICON_IN} {CATEGORY_ICONS[k]} {names[k]}") for k in CATEGORIES_IN}
        self.fields.update({k: number_field(f"{ICON_OUT} {CATEGORY_ICONS[k]} {names[k]}") for k in CATEGORIES_OUT})
        self.save_month = widgets.Button(description=_("Save this month"), icon="save", button_style="success",
                                         layout=widgets.Layout(min_height="48px", width="auto"))
        self.save_month.on_click(lambda _b: self.store_month())
        self.month.observe(lambda _c: self._show_month(), names="value")
        self.net_surplus = number_field("🧮 " + _("Net surplus (from the accountant)"), start.net_surplus)
        uses = allocation_names(_)
        self.allocation_fields = {kind: number_field(f"{ALLOCATION_ICONS[kind]} {uses[kind]}",
                                                     getattr(allocated.get(kind), "amount", None))
                                  for kind in rules.ALLOCATION_KINDS}
        self.other_label = widgets.Text(value=getattr(allocated.get("other"), "label", ""),
                                        description=_("Which other use?"), style={"description_width": "initial"})
        for field in (self.cooperative, self.year, self.opening, self.net_surplus, *self.allocation_fields.values(),
                      self.other_label):
            field.observe(lambda _c: self.refresh(save=True), names="value")
        self.message = widgets.HTML()
        self.months_html = widgets.HTML()
        self.totals_html = widgets.HTML()
        self.chart = widgets.Box()
        self.allocation_message = widgets.HTML()
        self.allocations_html = widgets.HTML()
        title = lambda text: widgets.HTML(f"<b>{html.escape(text)}</b>")  # noqa: E731
        super().__init__([
            title("1. " + _("Your cooperative and the year")), self.cooperative, self.year, self.opening,
            title("2. " + _("Month by month")), self.import_button, self.month, *self.fields.values(),
            self.save_month, self.message, self.months_html, self.totals_html, self.chart,
            title("3. " + _("Proposed use of the surplus")), self.net_surplus, *self.allocation_fields.values(),
            self.other_label,
            self.allocation_message, self.allocations_html])
        self._show_month()
        self.summary = start
        self.refresh()

    # -- months
    def _show_month(self) -> None:
        totals = self.months.get(self.month.value, Totals())
        for k, field in self.fields.items():
            value = totals.income.get(k) if k in CATEGORIES_IN else totals.expenses.get(k)
            field.value = "" if not value else number_text(value)

    def store_month(self) -> Totals | None:
        _ = self._
        totals = read_amounts(lambda: typed_totals(self.fields), self.message, _)
        if totals is None:
            return None
        self.months[self.month.value] = totals
        self.message.value = feedback_line("right", _("Month saved."))
        self.refresh(save=True)
        return totals

    def import_cash_book(self) -> int:
        """Months of the chosen year from her cash book replace the months typed for them."""
        _ = self._
        if not self.kept:
            return 0
        opening, entries = self.kept
        found = by_month(entries, self.year.value)
        self.months.update(found)
        if found and min(found) == 1 and not self.opening.value.strip():
            self.opening.value = number_text(opening)
        self.message.value = feedback_line("info" if found else "error",
                                      _("{n} months taken from your cash book.").format(n=len(found)) if found
                                      else _("Your cash book has no lines in this year."))
        self._show_month()
        self.refresh(save=True)
        return len(found)

    # -- the summary
    def _allocations(self) -> list[rules.Allocation]:
        allocations = []
        for kind, field in self.allocation_fields.items():
            amount = read_number(field)
            if amount:
                allocations.append(rules.Allocation(kind, amount, self.other_label.value if kind == "other" else ""))
        return allocations

    def refresh(self, save: bool = False) -> rules.YearSummary | None:
        lang, _ = self.lesson.lang, self._
        try:
            summary = base = rules.YearSummary(self.year.value, read_number(self.opening), self.months, (),
                                               self.cooperative.value.strip()[:80])
        except NotANumber:
            self.message.value = feedback_line("error", _("Please type a number, for example 1 250."))
            return None
        except rules.SummaryError as exc:
            self.message.value = feedback_line("error", _("This amount is too large. Check it.")
                                               if exc.reason == "too_large" else _("A number cannot be below 0."))
            return None
        try:
            base = rules.YearSummary(self.year.value, summary.opening_balance, self.months, (), summary.cooperative,
                                     read_number(self.net_surplus) if self.net_surplus.value.strip() else None)
            summary = base.with_allocations(self._allocations())
            self.allocation_message.value = ""
        except NotANumber:
            self.allocation_message.value = feedback_line("error", _("Please type a number, for example 1 250."))
        except rules.SummaryError as exc:
            self.allocation_message.value = feedback_line("error", {
                "over_allocated": _("You propose to use more than the surplus. Lower the amounts."),
                "allocated_in_deficit": _("There is no surplus to share: the deficit is carried forward."),
                "too_large": _("This amount is too large. Check it."),
            }.get(exc.reason, _("The amount must be more than 0.")))
        self.months_html.value = months_table(summary, lang, _)
        self.totals_html.value = totals_table(summary.totals, lang, _)
        self.chart.children = [months_chart(summary, lang, _)] if summary.months else []
        self.allocations_html.value = allocations_table(summary, lang, _)
        self.summary = summary
        if save:
            self.lesson.keep(self.DATA_KEY, summary.to_json())
        return summary

    # -- her documents
    def workbook(self) -> bytes:
        summary = self.refresh() or self.summary
        return documents.workbook(summary, self.lesson.lang, self._, self.kept)

    def pdf(self) -> bytes:
        summary = self.refresh() or self.summary
        return documents.pdf(summary, self.lesson.lang, self._)
