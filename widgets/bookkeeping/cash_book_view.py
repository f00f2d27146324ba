"""The cash book on screen: a table with the running balance, a weekly chart, and her own book.

Thin over ``cash_book``: every sum comes from the rules; this module only lays them out.
"""
from __future__ import annotations

import html
from datetime import date

import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import NotANumber, parse_number
from fadaa.core.i18n import format_amount
from ..lesson import Lesson
from . import cash_book as rules
from .examples import EXAMPLE_OPENING, example_month
from .words import category_names

ICON_IN, ICON_OUT = "⬇️💰", "⬆️💸"


def entries_table(opening: float, entries: list[rules.Entry], lang: str, _) -> str:
    """The cash book as she would draw it on paper, one line per movement, balance at the end."""
    names = category_names(_)
    # gettext calls stay outside f-strings so that pybabel extracts them
    words = {k: html.escape(v) for k, v in {
        "opening": _("Opening balance"), "date": _("Date"), "what": _("What"), "in": _("Money in"),
        "out": _("Money out"), "balance": _("Balance"), "total": _("Total")}.items()}
    rows = [f'<tr><td></td><td>{words["opening"]}</td><td></td><td></td>'
            f'<td class="num">{format_amount(opening, lang)}</td></tr>']
    for entry, balance in zip(rules.in_order(entries), rules.running_balances(opening, entries)):
        money_in = format_amount(entry.amount, lang) if entry.direction == rules.IN else ""
        money_out = format_amount(entry.amount, lang) if entry.direction == rules.OUT else ""
        label = html.escape(entry.label or names[entry.category])
        rows.append(f'<tr><td class="num">{entry.day:%d/%m}</td><td>{label}</td>'
                    f'<td class="num">{money_in}</td><td class="num">{money_out}</td>'
                    f'<td class="num">{format_amount(balance, lang)}</td></tr>')
    head = (f'<tr><th>{words["date"]}</th><th>{words["what"]}</th><th>{ICON_IN} {words["in"]}</th>'
            f'<th>{ICON_OUT} {words["out"]}</th><th>{words["balance"]}</th></tr>')
    totals = (f'<tr><th></th><th>{words["total"]}</th>'
              f'<th class="num">{format_amount(rules.total_in(entries), lang)}</th>'
              f'<th class="num">{format_amount(rules.total_out(entries), lang)}</th>'
              f'<th class="num">{format_amount(rules.closing_balance(opening, entries), lang)}</th></tr>')
    return f'<table class="fadaa-cash-book">{head}{"".join(rows)}{totals}</table>'


def weekly_chart(entries: list[rules.Entry], lang: str, _) -> widgets.Image:
    """Money in and out by week of the month, as bars side by side."""
    weeks = rules.weekly_totals(entries)
    fig, ax = charts.new_figure()
    xs = [w for w, _in, _out in weeks]
    ax.bar([x - 0.2 for x in xs], [i for _w, i, _o in weeks], width=0.4, color="#2e7d32",
           label=_("Money in"))
    ax.bar([x + 0.2 for x in xs], [o for _w, _i, o in weeks], width=0.4, color="#c62828",
           label=_("Money out"))
    ax.set_xticks(xs, [_("Week {n}").format(n=x) for x in xs])
    ax.set_ylabel("DH")
    ax.set_title(_("Money in and out by week"))
    ax.legend()
    if lang == "ar":  # read from the right: the first week stands at the right
        ax.invert_xaxis()
    return charts.image_widget(fig)


def example_table(lesson: Lesson) -> widgets.HTML:
    """The worked example's month as a cash book."""
    return widgets.HTML(entries_table(EXAMPLE_OPENING, example_month(lesson.lang), lesson.lang, lesson._))


def example_view(lesson: Lesson) -> widgets.VBox:
    """The worked example: the month's book and its weekly chart."""
    return widgets.VBox([example_table(lesson), weekly_chart(example_month(lesson.lang), lesson.lang, lesson._)])


def example_closing_balance() -> float:
    return rules.closing_balance(EXAMPLE_OPENING, example_month("fr"))


def example_total_sales() -> float:
    return rules.total_sales(example_month("fr"))


class CashBookEditor(widgets.VBox):
    """Her own cash book: she adds lines, sees the balance and the chart; kept in her notebook."""

    DATA_KEY = "cash_book"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, {})
        self.opening = rules.opening_balance(saved.get("opening", 0))
        self.entries = [rules.Entry.from_json(e) for e in saved.get("entries", [])]

        self.opening_field = widgets.Text(value=str(self.opening).rstrip("0").rstrip("."),
                                          description=_("Cash at the start"), continuous_update=False,
                                          style={"description_width": "initial"})
        self.day = widgets.DatePicker(value=date.today(), description=_("Date"))
        self.direction = widgets.ToggleButtons(options=[(ICON_IN + " " + _("Money in"), rules.IN),
                                                        (ICON_OUT + " " + _("Money out"), rules.OUT)],
                                               value=rules.IN)
        self.category = widgets.Dropdown(description=_("Kind"))
        self.label = widgets.Text(description=_("What"), placeholder=_("e.g. sale of a carpet"))
        self.amount = widgets.Text(description=_("Amount"), placeholder="DH")
        self.add = widgets.Button(description=_("Add the line"), icon="plus", button_style="success",
                                  layout=widgets.Layout(min_height="48px"))
        self.undo = widgets.Button(description=_("Remove the last line"), icon="trash",
                                   layout=widgets.Layout(min_height="48px"))
        self.add.add_class("fadaa-add-line")
        self.amount.add_class("fadaa-own-amount")
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.table.add_class("fadaa-own-book")
        self.chart = widgets.Box()

        self.direction.observe(lambda _c: self._fill_categories(), names="value")
        self.opening_field.observe(lambda c: self._set_opening(c["new"]), names="value")
        self.add.on_click(lambda _b: self.add_line())
        self.undo.on_click(lambda _b: self.remove_last())
        self._fill_categories()
        super().__init__([self.opening_field, self.day, self.direction, self.category, self.label,
                          self.amount, widgets.HBox([self.add, self.undo]), self.message,
                          self.table, self.chart])
        self._refresh()

    def _fill_categories(self) -> None:
        names = category_names(self._)
        keys = rules.CATEGORIES_IN if self.direction.value == rules.IN else rules.CATEGORIES_OUT
        self.category.options = [(names[k], k) for k in keys]
        self.category.value = keys[0]  # a Dropdown given new options selects nothing

    def _say(self, text: str) -> None:
        self.message.value = f'<div class="fadaa-feedback fadaa-feedback-error">⚠️ {html.escape(text)}</div>'

    def _set_opening(self, text: str) -> None:
        try:
            self.opening = rules.opening_balance(parse_number(text))
        except NotANumber:
            self._say(self._("Please type a number, for example 1 250."))
            return
        except rules.EntryError as exc:
            self._say(self._("This amount is too large. Check it.") if exc.reason == "too_large"
                      else self._("A number cannot be below 0."))
            return
        self.message.value = ""
        self._refresh(save=True)

    def add_line(self) -> None:
        _ = self._
        if self.day.value is None:
            return self._say(_("Choose the date."))
        try:
            amount = parse_number(self.amount.value)
            entry = rules.make_entry(self.day.value, self.direction.value, amount, self.category.value,
                                     self.label.value)
        except NotANumber:
            return self._say(_("Please type a number, for example 1 250."))
        except rules.EntryError as exc:
            return self._say({"amount_not_positive": _("The amount must be more than 0."),
                              "amount_too_large": _("This amount is too large. Check it.")}.get(
                                  exc.reason, _("Check this line.")))
        self.entries.append(entry)
        self.amount.value, self.label.value, self.message.value = "", "", ""
        self._refresh(save=True)

    def remove_last(self) -> None:
        if self.entries:
            self.entries.pop()
            self._refresh(save=True)

    def _refresh(self, save: bool = False) -> None:
        lang = self.lesson.lang
        self.table.value = entries_table(self.opening, self.entries, lang, self._)
        # weeks of the month she is keeping now: the month of her latest line
        month = rules.latest_month(self.entries)
        self.chart.children = [weekly_chart(month, lang, self._)] if month else []
        if save:
            self.lesson.keep(self.DATA_KEY, {
                "opening": self.opening, "entries": [e.to_json() for e in self.entries]})
