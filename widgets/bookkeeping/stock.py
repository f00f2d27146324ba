"""Stock: raw materials and finished goods, what came in, what went out, what is left, and what it
is worth at cost.

Value at cost uses the weighted average cost of the period (coût moyen unitaire pondéré, CMUP /
التكلفة المتوسطة المرجحة): (value at the start + cost of what came in) / (quantity at the start +
quantity that came in). It is the method an accountant can take over without redoing the sums, and
it needs no record of which kilo of wool came from which purchase.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

RAW, FINISHED = "raw", "finished"
KINDS = (RAW, FINISHED)
IN, OUT = "in", "out"
MAX_QUANTITY = 1_000_000


class StockError(ValueError):
    """A movement or item the stock book refuses; ``reason`` is a short code the view turns into words."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _number(value, reason: str, allow_zero: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise StockError(reason)
    if value < 0 or (value == 0 and not allow_zero) or value > MAX_QUANTITY * 1000:  # a typing slip
        raise StockError(reason)
    return round(float(value), 3)


@dataclass(frozen=True)
class Item:
    """A thing kept in stock: wool in kg, carpets in pieces. Opening = what was there at the start."""

    name: str
    kind: str = RAW
    unit: str = ""
    opening_quantity: float = 0.0
    opening_unit_cost: float = 0.0

    def __post_init__(self):
        if self.kind not in KINDS:
            raise StockError("kind")
        if not self.name.strip():
            raise StockError("name")
        object.__setattr__(self, "name", self.name.strip()[:60])
        object.__setattr__(self, "opening_quantity", _number(self.opening_quantity, "quantity"))
        object.__setattr__(self, "opening_unit_cost", _number(self.opening_unit_cost, "cost"))


@dataclass(frozen=True)
class Movement:
    """Stock in (bought, or made by the cooperative, with its cost per unit) or out (used, sold)."""

    item: str
    direction: str
    quantity: float
    unit_cost: float = 0.0   # for IN only: the price paid, or the cost of making one piece
    day: date | None = None
    label: str = ""

    def __post_init__(self):
        if self.direction not in (IN, OUT):
            raise StockError("direction")
        quantity = _number(self.quantity, "quantity", allow_zero=False)
        if quantity > MAX_QUANTITY:
            raise StockError("quantity")
        object.__setattr__(self, "quantity", quantity)
        object.__setattr__(self, "unit_cost", _number(self.unit_cost, "cost") if self.direction == IN else 0.0)
        object.__setattr__(self, "label", self.label.strip()[:120])

    def to_json(self) -> dict:
        return {"item": self.item, "direction": self.direction, "quantity": self.quantity,
                "unit_cost": self.unit_cost, "day": self.day.isoformat() if self.day else None,
                "label": self.label}

    @classmethod
    def from_json(cls, data: dict) -> "Movement":
        day = date.fromisoformat(data["day"]) if data.get("day") else None
        return cls(data["item"], data["direction"], data["quantity"], data.get("unit_cost", 0.0), day,
                   data.get("label", ""))


@dataclass(frozen=True)
class StockLine:
    """One item's stock over the period: the line of the stock sheet."""

    item: Item
    quantity_in: float
    quantity_out: float
    average_cost: float

    @property
    def quantity_left(self) -> float:
        return round(self.item.opening_quantity + self.quantity_in - self.quantity_out, 3)

    @property
    def value(self) -> float:
        """What is left, at cost."""
        return round(self.quantity_left * self.average_cost, 2)


def in_order(movements: Iterable[Movement]) -> list[Movement]:
    """Dated movements by date (undated ones stay where she wrote them, after the dated ones)."""
    movements = list(movements)
    return sorted(movements, key=lambda m: (m.day is None, m.day or date.min))


def stock_line(item: Item, movements: Iterable[Movement]) -> StockLine:
    """In, out, left and value at weighted average cost for ``item``.

    Raises StockError('not_enough') if, in date order, more goes out than is there: a movement was
    forgotten or mistyped, and the stock sheet must not show a negative quantity.
    """
    quantity = item.opening_quantity
    cost_in = item.opening_quantity * item.opening_unit_cost
    quantity_in = quantity_out = 0.0
    for move in in_order(m for m in movements if m.item == item.name):
        if move.direction == IN:
            quantity_in += move.quantity
            quantity += move.quantity
            cost_in += move.quantity * move.unit_cost
        else:
            if move.quantity > quantity + 1e-9:
                raise StockError("not_enough")
            quantity_out += move.quantity
            quantity -= move.quantity
    available = item.opening_quantity + quantity_in
    average = round(cost_in / available, 4) if available else item.opening_unit_cost
    return StockLine(item, round(quantity_in, 3), round(quantity_out, 3), average)


def stock_sheet(items: Sequence[Item], movements: Iterable[Movement]) -> list[StockLine]:
    """Every item's line, raw materials first, then finished goods, each in the order written."""
    movements = list(movements)
    known = {i.name for i in items}
    unknown = {m.item for m in movements} - known
    if unknown:
        raise StockError("unknown_item")
    ordered = [i for i in items if i.kind == RAW] + [i for i in items if i.kind == FINISHED]
    return [stock_line(item, movements) for item in ordered]


def total_value(lines: Iterable[StockLine], kind: str | None = None) -> float:
    """Value at cost of all lines, or of one kind (RAW or FINISHED)."""
    return round(sum(line.value for line in lines if kind is None or line.item.kind == kind), 2)


def item_to_json(item: Item) -> dict:
    return {"name": item.name, "kind": item.kind, "unit": item.unit,
            "opening_quantity": item.opening_quantity, "opening_unit_cost": item.opening_unit_cost}


def item_from_json(data: dict) -> Item:
    return Item(data["name"], data.get("kind", RAW), data.get("unit", ""),
                data.get("opening_quantity", 0.0), data.get("opening_unit_cost", 0.0))
