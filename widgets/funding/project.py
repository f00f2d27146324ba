"""Her project sheet: what the money would buy, what it costs, what the cooperative puts in itself
and what it asks for. Plain Python, tested without Jupyter.

A programme's file asks for a clear budget: each thing to buy with its quantity and unit price, the
total, the cooperative's own contribution and the amount asked. The lesson checks the sums and that
the request fits the programme's amount (the prize's 50,000 DH, or what she types for another).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from fadaa.core.checking import RuleError, bounded

MAX_AMOUNT = 10_000_000
MAX_QUANTITY = 100_000
MAX_TEXT = 300
MAX_ITEMS = 20


class ProjectError(RuleError):
    """A figure that cannot be right; ``reason`` is a short code the view turns into words."""


def _number(value: float, name: str, largest: float) -> float:
    return bounded(value, name, largest, ProjectError)


@dataclass(frozen=True)
class Item:
    """One thing the money would buy."""

    label: str
    quantity: float
    unit_price: float

    @property
    def cost(self) -> float:
        return round(self.quantity * self.unit_price, 2)

    def to_json(self) -> dict:
        return {"label": self.label, "quantity": self.quantity, "unit_price": self.unit_price}


def make_item(label: str, quantity: float, unit_price: float) -> Item:
    label = " ".join(str(label or "").split())[:MAX_TEXT]
    if not label:
        raise ProjectError("no_label", "label")
    quantity = _number(quantity, "quantity", MAX_QUANTITY)
    if quantity == 0:
        raise ProjectError("zero_quantity", "quantity")
    return Item(label, quantity, _number(unit_price, "unit_price", MAX_AMOUNT))


@dataclass(frozen=True)
class Project:
    cooperative: str = ""
    product: str = ""
    goal: str = ""                    # what the project changes, in her words
    items: tuple[Item, ...] = ()
    own_contribution: float = 0.0     # what the cooperative puts in itself
    ceiling: float = 0.0              # the programme's amount (0: none given)

    @property
    def total(self) -> float:
        return round(sum(item.cost for item in self.items), 2)

    @property
    def asked(self) -> float:
        """What the cooperative asks the programme for: the total less its own contribution."""
        return round(max(self.total - self.own_contribution, 0.0), 2)

    def to_json(self) -> dict:
        return {"cooperative": self.cooperative, "product": self.product, "goal": self.goal,
                "items": [i.to_json() for i in self.items], "own_contribution": self.own_contribution,
                "ceiling": self.ceiling}


def make_project(cooperative: str = "", product: str = "", goal: str = "", items: Iterable[Item] = (),
                 own_contribution: float = 0.0, ceiling: float = 0.0) -> Project:
    items = tuple(items)
    if len(items) > MAX_ITEMS:
        raise ProjectError("too_many_items", "items")
    cut = lambda text: " ".join(str(text or "").split())[:MAX_TEXT]  # noqa: E731 - one line, used here only
    return Project(cut(cooperative), cut(product), str(goal or "").strip()[:1000], items,
                   _number(own_contribution, "own_contribution", MAX_AMOUNT), _number(ceiling, "ceiling", MAX_AMOUNT))


def project_from_json(data: Mapping) -> Project:
    """Her saved sheet; lines that no longer read are left out, the rest kept."""
    data = data if isinstance(data, Mapping) else {}
    items = []
    for raw in data.get("items", []) if isinstance(data.get("items"), list) else []:
        try:
            items.append(make_item(raw["label"], raw["quantity"], raw["unit_price"]))
        except (KeyError, TypeError, ProjectError):
            continue
    try:
        return make_project(data.get("cooperative", ""), data.get("product", ""), data.get("goal", ""), items[:MAX_ITEMS],
                            data.get("own_contribution", 0) or 0, data.get("ceiling", 0) or 0)
    except ProjectError:
        return make_project(data.get("cooperative", ""), data.get("product", ""), data.get("goal", ""), items[:MAX_ITEMS])


def problems(project: Project) -> list[str]:
    """What a programme would send back, as short codes; an empty list means the sheet holds together."""
    found = []
    if not project.cooperative:
        found.append("no_cooperative")
    if not project.items:
        found.append("no_items")
    if not project.goal:
        found.append("no_goal")
    if project.items and project.own_contribution > project.total:
        found.append("contribution_above_total")
    if project.ceiling and project.asked > project.ceiling:
        found.append("above_ceiling")
    return found
