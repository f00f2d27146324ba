"""Receipts, the monthly summary and margin per product on screen (lesson 2), thin over ``summary``."""
from __future__ import annotations

import html
import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import read_or_say_why
from ..feedback_line import feedback_line
from ..forms import number_field, read_number
from fadaa.core.i18n import format_amount, format_number
from ..lesson import Lesson
from ..styles import scrolling
from . import summary as rules
from .cash_book import CATEGORIES_IN, CATEGORIES_OUT
from . import statement
from .cash_book_view import ICON_IN, ICON_OUT
from .examples import example_month
from .lesson_examples import example_products, example_receipt
from .own_records import her_cash_book
from .words import category_names, line_words

GREEN, RED, BLUE = "#2e7d32", "#c62828", "#1565c0"
CATEGORY_ICONS = {"sale": "🛍️", "contribution": "🤝", "other_in": "➕", "purchase": "🧶",
                  "transport": "🚌", "delivery": "📦", "other_out": "➖"}


def receipt_item_names(_) -> dict[str, str]:
    return {"number": "🔢 " + _("Receipt number"), "date": "📅 " + _("Date"),
            "seller": "🏠 " + _("Seller: name and address"), "buyer": "👤 " + _("Buyer"),
            "description": "📝 " + _("What was sold"), "quantity": "#️⃣ " + _("Quantity"),
            "unit_price": "🏷️ " + _("Price of one"), "total": "💰 " + _("Total")}


def typed_totals(fields: dict[str, widgets.Text]) -> rules.Totals:
    """A month's totals from one field per category (a month typed, not taken from her cash book)."""
    values = {k: read_number(f) for k, f in fields.items()}
    return rules.Totals({k: values[k] for k in CATEGORIES_IN}, {k: values[k] for k in CATEGORIES_OUT})


def read_amounts(read, out: widgets.HTML, _):
    """What ``read`` makes of her amounts, or None once ``out`` asks for a number of more than 0."""
    return read_or_say_why(read, out, feedback_line("error", _("Please type a number, for example 1 250.")),
                           lambda error: feedback_line("error", _("This amount is too large. Check it.")
                                                       if getattr(error, "reason", "") == "too_large"
                                                       else _("The amount must be more than 0.")))


# -- receipts ------------------------------------------------------------------------------------

def receipt_html(values: dict[str, str], _) -> str:
    """A receipt drawn as on paper; items not in ``values`` are left out (for 'what is missing?')."""
    names = receipt_item_names(_)
    rows = "".join(f"<tr><th>{html.escape(names[item])}</th><td>{html.escape(values[item])}</td></tr>"
                   for item in rules.RECEIPT_ITEMS if item in values)
    title = html.escape(_("Receipt"))
    return (f'<div class="fadaa-receipt" style="border:2px dashed #999;padding:0.6em;max-width:26em">'
            f'<div style="font-weight:bold">🧾 {title}</div><table>{rows}</table></div>')


def example_receipt_view(lesson: Lesson) -> widgets.HTML:
    return widgets.HTML(receipt_html(example_receipt(lesson.lang), lesson._))


class ReceiptChecklist(widgets.VBox):
    """She ticks what her own receipt shows and sees at once what is missing."""

    def __init__(self, lesson: Lesson):
        self._ = _ = lesson._
        names = receipt_item_names(_)
        self.boxes = {item: widgets.Checkbox(value=False, description=names[item], indent=False)
                      for item in rules.RECEIPT_ITEMS}
        self.message = widgets.HTML()
        for box in self.boxes.values():
            box.observe(lambda _c: self.refresh(), names="value")
        super().__init__([*self.boxes.values(), self.message])
        self.refresh()

    def refresh(self) -> list[str]:
        _ = self._
        missing = rules.missing_on_receipt(item for item, box in self.boxes.items() if box.value)
        if not missing:
            self.message.value = feedback_line("right", _("Your receipt shows everything. Your accountant can use it."))
        else:
            names = receipt_item_names(_)
            self.message.value = feedback_line("info", _("Still missing:") + " " + " · ".join(names[m] for m in missing))
        return missing


# -- the monthly summary -------------------------------------------------------------------------

def totals_table(totals: rules.Totals, lang: str, _) -> str:
    """Money in by kind, money out by kind, and the surplus or deficit, as a two-column table."""

    def row(label: str, amount: float, strong: bool = False) -> str:
        cell = "th" if strong else "td"
        return (f"<tr><{cell}>{html.escape(label)}</{cell}>"
                f'<{cell} class="num">{format_amount(amount, lang)}</{cell}></tr>')

    money_in, money_out = html.escape(_("Money in")), html.escape(_("Money out"))
    headings = {statement.MONEY_IN: f"{ICON_IN} {money_in}", statement.MONEY_OUT: f"{ICON_OUT} {money_out}"}
    rows = []
    for line in statement.money_lines(totals):
        group = next((parts for parts in headings if line.part in parts), None)
        if group:
            rows.append(f'<tr><th colspan="2">{headings.pop(group)}</th></tr>')
        words = line_words(line, _)
        if line.part in ("in", "out"):
            words = f"{CATEGORY_ICONS.get(line.key, '')} {words}"
        elif line.part == "result":
            words = ("🟢 " if line.amount >= 0 else "🔴 ") + words
        rows.append(row(words, line.amount, strong=line.is_total))
    return f'<table class="fadaa-summary">{"".join(rows)}</table>'


def totals_chart(totals: rules.Totals, lang: str, _) -> widgets.Image:
    """Left: money in, money out, result. Right: money out by kind."""
    fig, ax = charts.new_figure(8, 3)
    fig.delaxes(ax)
    left, right = fig.subplots(1, 2)
    names = category_names(_)
    bars = [(_("Money in"), totals.total_income, GREEN), (_("Money out"), totals.total_expenses, RED),
            (_("Surplus") if totals.surplus >= 0 else _("Deficit"), totals.surplus, BLUE)]
    left.bar(range(3), [b[1] for b in bars], color=[b[2] for b in bars])
    left.set_xticks(range(3), [b[0] for b in bars])
    left.axhline(0, color="#555", linewidth=0.8)
    left.set_ylabel("DH")
    kinds = [k for k in CATEGORIES_OUT if totals.expenses.get(k)]
    right.barh(range(len(kinds)), [totals.expenses[k] for k in kinds], color=RED)
    right.set_yticks(range(len(kinds)), [names[k] for k in kinds])
    right.set_xlabel("DH")
    right.set_title(_("Money out by kind"))
    if lang == "ar":
        left.invert_xaxis()
        right.invert_xaxis()
        right.yaxis.tick_right()
    fig.tight_layout()
    return charts.image_widget(fig)


def example_summary_view(lesson: Lesson) -> widgets.VBox:
    totals = rules.totals(example_month(lesson.lang))
    return widgets.VBox([widgets.HTML(totals_table(totals, lesson.lang, lesson._)),
                         totals_chart(totals, lesson.lang, lesson._)])


def example_march_surplus() -> float:
    return rules.totals(example_month("fr")).surplus


class MonthSummaryEditor(widgets.VBox):
    """Her month: the totals by kind, from her cash book of lesson 1 when she kept one, else typed."""

    DATA_KEY = "month_summary"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        names = category_names(_)
        saved = lesson.kept(self.DATA_KEY, None)
        start = rules.Totals.from_json(saved) if saved else None
        note = ""
        if start is None:
            kept = her_cash_book(lesson)
            if kept and kept[1]:
                last = max(e.day for e in kept[1])
                start = rules.totals(e for e in kept[1] if (e.day.year, e.day.month) == (last.year, last.month))
                note = _("These figures come from your cash book (lesson 1). Correct them if needed.")
        start = start or rules.Totals()
        self.fields = {k: number_field(f"{ICON_IN} {CATEGORY_ICONS[k]} {names[k]}", start.income.get(k) or None)
                       for k in CATEGORIES_IN}
        self.fields.update({k: number_field(f"{ICON_OUT} {CATEGORY_ICONS[k]} {names[k]}", start.expenses.get(k) or None)
                            for k in CATEGORIES_OUT})
        for field in self.fields.values():
            field.observe(lambda _c: self.refresh(save=True), names="value")
        self.message = widgets.HTML(feedback_line("info", note) if note else "")
        self.table = widgets.HTML()
        self.chart = widgets.Box()
        super().__init__([*self.fields.values(), self.message, self.table, self.chart])
        self.refresh()

    def refresh(self, save: bool = False) -> rules.Totals | None:
        _ = self._
        totals = read_amounts(lambda: typed_totals(self.fields), self.message, _)
        if totals is None:
            return None
        if save:
            self.message.value = ""
            self.lesson.keep(self.DATA_KEY, totals.to_json())
        self.table.value = totals_table(totals, self.lesson.lang, _)
        has_figures = totals.total_income or totals.total_expenses
        self.chart.children = [totals_chart(totals, self.lesson.lang, _)] if has_figures else []
        return totals


# -- margin per product --------------------------------------------------------------------------

def products_table(products: list[rules.ProductLine], lang: str, _) -> str:
    words = [html.escape(w) for w in (_("Product"), _("Sold"), _("Sales"), _("Costs"), _("Margin over materials"))]
    head = "".join(f"<th>{w}</th>" for w in words)
    rows = []
    for p in products:
        cells = [html.escape(p.name), format_number(p.quantity, lang, 0)] + [
            format_amount(v, lang) for v in (p.sales, p.cost, p.margin)]
        rows.append("<tr>" + "".join(f'<td class="{"" if i == 0 else "num"}">{c}</td>'
                                     for i, c in enumerate(cells)) + "</tr>")
    total_words = html.escape(_("Total margin over materials"))
    total = (f'<tr><th colspan="4">{total_words}</th>'
             f'<th class="num">{format_amount(rules.total_margin(products), lang)}</th></tr>')
    return scrolling(f'<table class="fadaa-products"><tr>{head}</tr>{"".join(rows)}{total}</table>', small=True)


def margin_chart(products: list[rules.ProductLine], lang: str, _) -> widgets.Image:
    """Sales and margin of each product, side by side."""
    fig, ax = charts.new_figure()
    xs = list(range(len(products)))
    ax.bar([x - 0.2 for x in xs], [p.sales for p in products], width=0.4, color=GREEN,
           label=_("Sales"))
    ax.bar([x + 0.2 for x in xs], [p.margin for p in products], width=0.4, color=BLUE,
           label=_("Margin over materials"))
    ax.set_xticks(xs, [p.name for p in products])
    ax.axhline(0, color="#555", linewidth=0.8)
    ax.set_ylabel("DH")
    ax.set_title(_("Sales and margin over materials by product"))
    ax.legend()
    if lang == "ar":
        ax.invert_xaxis()
    return charts.image_widget(fig)


def example_products_view(lesson: Lesson) -> widgets.VBox:
    products = example_products(lesson.lang)
    return widgets.VBox([widgets.HTML(products_table(products, lesson.lang, lesson._)),
                         margin_chart(products, lesson.lang, lesson._)])


def example_cushion_margin() -> float:
    return example_products("fr")[1].margin


class ProductEditor(widgets.VBox):
    """Her products of the month: name, how many sold, price of one, cost of one; margins at once."""

    DATA_KEY = "products"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, [])
        self.products: list[rules.ProductLine] = []
        for p in saved or []:
            try:
                self.products.append(rules.ProductLine(p["name"], p["quantity"], p["unit_price"], p["unit_cost"]))
            except (KeyError, TypeError, ValueError):
                continue
        self.name = widgets.Text(description=_("Product"), placeholder=_("e.g. cushion"),
                                 style={"description_width": "initial"})
        self.quantity = number_field("#️⃣ " + _("Sold"), placeholder="0")
        self.price = number_field("🏷️ " + _("Price of one"))
        self.cost = number_field("🧶 " + _("Cost of one"))
        self.add = widgets.Button(description=_("Add the product"), icon="plus", button_style="success",
                                  layout=widgets.Layout(min_height="48px", width="auto"))
        self.undo = widgets.Button(description=_("Remove the last product"), icon="trash",
                                   layout=widgets.Layout(min_height="48px", width="auto"))
        self.add.on_click(lambda _b: self.add_product())
        self.undo.on_click(lambda _b: self.remove_last())
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.chart = widgets.Box()
        super().__init__([self.name, self.quantity, self.price, self.cost,
                          widgets.HBox([self.add, self.undo]), self.message, self.table, self.chart])
        self.refresh()

    def add_product(self) -> rules.ProductLine | None:
        _ = self._
        if not self.name.value.strip():
            self.message.value = feedback_line("error", _("Write the name of the product."))
            return None
        product = read_amounts(lambda: rules.ProductLine(self.name.value.strip()[:60], read_number(self.quantity),
                                                         read_number(self.price), read_number(self.cost)),
                               self.message, _)
        if product is None:
            return None
        self.products.append(product)
        for field in (self.name, self.quantity, self.price, self.cost):
            field.value = ""
        self.message.value = ""
        self.refresh(save=True)
        return product

    def remove_last(self) -> None:
        if self.products:
            self.products.pop()
            self.refresh(save=True)

    def refresh(self, save: bool = False) -> None:
        lang, _ = self.lesson.lang, self._
        self.table.value = products_table(self.products, lang, _) if self.products else ""
        self.chart.children = [margin_chart(self.products, lang, _)] if self.products else []
        if self.products:
            best = rules.best_first(self.products)[0]
            losing = [p.name for p in self.products if p.margin < 0]
            text = _("Your best margin over materials: {name}.").format(name=best.name)
            if losing:
                text += " " + _("Sold below cost: {names}. Check the price.").format(names=", ".join(losing))
            self.message.value = feedback_line("info", text)
        if save:
            self.lesson.keep(self.DATA_KEY, [
                {"name": p.name, "quantity": p.quantity, "unit_price": p.unit_price, "unit_cost": p.unit_cost}
                for p in self.products])

