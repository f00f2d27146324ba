"""The stock sheet on screen (lesson 3): items, movements in and out, what is left and its value."""
from __future__ import annotations

import html

import ipywidgets as widgets

from .. import charts
from fadaa.core.checking import NotANumber
from fadaa.core.i18n import format_amount, format_number
from ..lesson import Lesson
from . import stock as rules
from .lesson_examples import example_items, example_movements
from ..feedback_line import feedback_line
from ..forms import number_field, read_number
from ..styles import scrolling
from .summary_view import BLUE, GREEN

ICON_RAW, ICON_FINISHED = "🧶", "🧺"
ICON_IN, ICON_OUT = "📥", "📤"


def kind_names(_) -> dict[str, str]:
    return {rules.RAW: f"{ICON_RAW} " + _("Raw material"), rules.FINISHED: f"{ICON_FINISHED} " + _("Finished goods")}


def error_text(reason: str, _) -> str:
    return {"not_enough": _("More goes out than there is in stock. Check the quantities."),
            "quantity": _("The quantity must be more than 0."),
            "cost": _("The cost must be 0 or more."),
            "name": _("Write the name of the item."),
            "unknown_item": _("Add the item first."),
            "duplicate": _("This item is already in your stock.")}.get(reason, _("Check this line."))


def sheet_table(lines: list[rules.StockLine], lang: str, _) -> str:
    """One line per item (its unit beside its name): at the start, in, out, left, value at cost."""
    words = [html.escape(w) for w in (_("Item"), _("At the start"), _("In"), _("Out"), _("Left"), _("Value"))]
    icons = ["", "", ICON_IN + " ", ICON_OUT + " ", "", ""]
    head = "".join(f"<th>{i}{w}</th>" for i, w in zip(icons, words))
    rows = []
    for line in lines:
        unit = f" ({html.escape(line.item.unit)})" if line.item.unit else ""
        icon = ICON_RAW if line.item.kind == rules.RAW else ICON_FINISHED
        quantities = [format_number(q, lang) for q in
                      (line.item.opening_quantity, line.quantity_in, line.quantity_out, line.quantity_left)]
        cells = [f"<td>{icon} {html.escape(line.item.name)}{unit}</td>"]
        cells += [f'<td class="num">{q}</td>' for q in quantities]
        cells += [f'<td class="num">{format_amount(line.value, lang)}</td>']
        rows.append("<tr>" + "".join(cells) + "</tr>")
    total_words = html.escape(_("Value of the stock at cost"))
    total = (f'<tr><th colspan="5">{total_words}</th>'
             f'<th class="num">{format_amount(rules.total_value(lines), lang)}</th></tr>')
    return scrolling(f'<table class="fadaa-stock"><tr>{head}</tr>{"".join(rows)}{total}</table>', small=True)


def movements_table(movements: list[rules.Movement], lang: str, _) -> str:
    words = [html.escape(w) for w in (_("Item"), _("In"), _("Out"), _("Cost of one"), _("What"))]
    rows = []
    for m in rules.in_order(movements):
        qty = format_number(m.quantity, lang)
        cells = [html.escape(m.item), qty if m.direction == rules.IN else "",
                 qty if m.direction == rules.OUT else "",
                 format_amount(m.unit_cost, lang) if m.direction == rules.IN else "", html.escape(m.label)]
        rows.append("<tr>" + "".join(f'<td class="{"num" if i in (1, 2, 3) else ""}">{c}</td>'
                                     for i, c in enumerate(cells)) + "</tr>")
    head = "".join(f"<th>{w}</th>" for w in words)
    return scrolling(f'<table class="fadaa-movements"><tr>{head}</tr>{"".join(rows)}</table>', small=True)


def value_chart(lines: list[rules.StockLine], lang: str, _) -> widgets.Image:
    """What each item left in stock is worth at cost."""
    fig, ax = charts.new_figure()
    ys = list(range(len(lines)))
    ax.barh(ys, [line.value for line in lines],
            color=[GREEN if line.item.kind == rules.RAW else BLUE for line in lines])
    ax.set_yticks(ys, [line.item.name for line in lines])
    ax.invert_yaxis()  # first item on top, as in the table
    ax.set_xlabel("DH")
    ax.set_title(_("Value of the stock at cost"))
    if lang == "ar":
        ax.invert_xaxis()
        ax.yaxis.tick_right()
    return charts.image_widget(fig)


def example_lines(lang: str) -> list[rules.StockLine]:
    return rules.stock_sheet(example_items(lang), example_movements(lang))


def example_card_view(lesson: Lesson) -> widgets.HTML:
    """Only the wool's movements of the month (what is left is for her to work out)."""
    wool = example_items(lesson.lang)[0]
    moves = [m for m in example_movements(lesson.lang) if m.item == wool.name]
    return widgets.HTML(movements_table(moves, lesson.lang, lesson._))


def example_sheet_view(lesson: Lesson) -> widgets.VBox:
    lines = example_lines(lesson.lang)
    return widgets.VBox([widgets.HTML(sheet_table(lines, lesson.lang, lesson._)),
                         value_chart(lines, lesson.lang, lesson._)])


def example_wool_left() -> float:
    return example_lines("fr")[0].quantity_left


def example_wool_value() -> float:
    return example_lines("fr")[0].value


class StockEditor(widgets.VBox):
    """Her stock: she adds her items, then what comes in and goes out; the sheet follows at once."""

    DATA_KEY = "stock"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, {}) or {}
        self.items: list[rules.Item] = []
        self.movements: list[rules.Movement] = []
        for data in saved.get("items", []):
            try:
                self.items.append(rules.item_from_json(data))
            except (KeyError, TypeError, ValueError):
                continue
        for data in saved.get("movements", []):
            try:
                self.movements.append(rules.Movement.from_json(data))
            except (KeyError, TypeError, ValueError):
                continue

        # adding an item
        self.item_name = widgets.Text(description=_("Item"), placeholder=_("e.g. wool"),
                                      style={"description_width": "initial"})
        self.item_kind = widgets.ToggleButtons(options=[(v, k) for k, v in kind_names(_).items()])
        self.item_unit = widgets.Text(description=_("Unit"), placeholder=_("kg, piece, metre"),
                                      style={"description_width": "initial"}, layout=widgets.Layout(width="16em"))
        self.item_quantity = number_field(_("Quantity at the start"), placeholder="0")
        self.item_cost = number_field(_("Cost of one"))
        self.add_item_button = widgets.Button(description=_("Add the item"), icon="plus", button_style="success",
                                              layout=widgets.Layout(min_height="48px", width="auto"))
        self.add_item_button.on_click(lambda _b: self.add_item())
        # adding a movement
        self.move_item = widgets.Dropdown(description=_("Item"))
        self.move_direction = widgets.ToggleButtons(options=[(f"{ICON_IN} " + _("In"), rules.IN),
                                                             (f"{ICON_OUT} " + _("Out"), rules.OUT)])
        self.move_quantity = number_field(_("Quantity"), placeholder="0")
        self.move_cost = number_field(_("Cost of one"))
        self.move_label = widgets.Text(description=_("What"), placeholder=_("e.g. bought at the souk"),
                                       style={"description_width": "initial"})
        self.add_move_button = widgets.Button(description=_("Add the line"), icon="plus", button_style="success",
                                              layout=widgets.Layout(min_height="48px", width="auto"))
        self.undo_button = widgets.Button(description=_("Remove the last line"), icon="trash",
                                          layout=widgets.Layout(min_height="48px", width="auto"))
        self.add_move_button.on_click(lambda _b: self.add_movement())
        self.undo_button.on_click(lambda _b: self.remove_last())
        self.move_direction.observe(lambda _c: self._show_cost(), names="value")
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.chart = widgets.Box()
        items_box = widgets.VBox([widgets.HTML("<b>1. " + html.escape(_("Your items")) + "</b>"), self.item_name,
                                  self.item_kind, self.item_unit, self.item_quantity, self.item_cost,
                                  self.add_item_button])
        moves_box = widgets.VBox([widgets.HTML("<b>2. " + html.escape(_("In and out")) + "</b>"), self.move_item,
                                  self.move_direction, self.move_quantity, self.move_cost, self.move_label,
                                  widgets.HBox([self.add_move_button, self.undo_button])])
        super().__init__([items_box, moves_box, self.message, self.table, self.chart])
        self._show_cost()
        self.refresh()

    def _show_cost(self) -> None:
        self.move_cost.layout.display = None if self.move_direction.value == rules.IN else "none"

    def _say(self, text: str) -> None:
        self.message.value = feedback_line("error", text)

    def add_item(self) -> rules.Item | None:
        _ = self._
        try:
            item = rules.Item(self.item_name.value, self.item_kind.value, self.item_unit.value.strip()[:12],
                              read_number(self.item_quantity), read_number(self.item_cost))
        except NotANumber:
            return self._say(_("Please type a number, for example 1 250."))
        except rules.StockError as exc:
            return self._say(error_text(exc.reason, _))
        if any(i.name == item.name for i in self.items):
            return self._say(error_text("duplicate", _))
        self.items.append(item)
        for field in (self.item_name, self.item_unit, self.item_quantity, self.item_cost):
            field.value = ""
        self.message.value = ""
        self.refresh(save=True)
        return item

    def add_movement(self) -> rules.Movement | None:
        _ = self._
        if not self.move_item.value:
            return self._say(error_text("unknown_item", _))
        try:
            move = rules.Movement(self.move_item.value, self.move_direction.value, read_number(self.move_quantity),
                                  read_number(self.move_cost) if self.move_direction.value == rules.IN else 0.0,
                                  None, self.move_label.value)
            rules.stock_sheet(self.items, [*self.movements, move])  # refuses more out than there is
        except NotANumber:
            return self._say(_("Please type a number, for example 1 250."))
        except rules.StockError as exc:
            return self._say(error_text(exc.reason, _))
        self.movements.append(move)
        for field in (self.move_quantity, self.move_cost, self.move_label):
            field.value = ""
        self.message.value = ""
        self.refresh(save=True)
        return move

    def remove_last(self) -> None:
        if self.movements:
            self.movements.pop()
        elif self.items:
            self.items.pop()
        self.refresh(save=True)

    def lines(self) -> list[rules.StockLine]:
        return rules.stock_sheet(self.items, self.movements)

    def refresh(self, save: bool = False) -> None:
        lang, _ = self.lesson.lang, self._
        current = self.move_item.value
        self.move_item.options = [i.name for i in self.items]
        if self.items:
            self.move_item.value = current if current in self.move_item.options else self.items[-1].name
        try:
            lines = self.lines()
        except rules.StockError as exc:  # saved data edited by hand: say so, keep what she has
            self._say(error_text(exc.reason, _))
            lines = []
        self.table.value = (movements_table(self.movements, lang, _) if self.movements else "") + \
            (sheet_table(lines, lang, _) if lines else "")
        self.chart.children = [value_chart(lines, lang, _)] if any(line.value for line in lines) else []
        if save:
            self.lesson.keep(self.DATA_KEY, {
                "items": [rules.item_to_json(i) for i in self.items],
                "movements": [m.to_json() for m in self.movements]})
