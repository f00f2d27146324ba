"""Pricing a product to sell online: every cost counted, then the price that still covers them all
once the platform has taken its commission and fixed fee.

    price = (cost + profit + fixed fee) / (1 - commission)

The commission is taken on the *selling price*, not on the cost: adding "cost + 15 %" leaves the
seller short. Rates differ from one platform (and one category) to the next, so they are always the
learner's own platform's rates, never a figure built in here. Plain Python, tested without Jupyter.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Iterable

from fadaa.core.checking import RuleError, bounded

MAX_AMOUNT = 1_000_000   # no single handmade product costs this: a typing slip
MAX_HOURS = 2_000        # a year of full-time work for one piece is already a lot


class PricingError(RuleError):
    """Figures the price cannot be made from; ``reason`` is a short code the view turns into words."""


def _amount(value: float, field: str, limit: float = MAX_AMOUNT) -> float:
    return bounded(value, field, limit, PricingError)


@dataclass(frozen=True)
class ProductCosts:
    """What one piece costs her, from the wool to the parcel that comes back."""

    name: str
    materials: float        # DH of materials in one piece
    hours: float            # hours of work for one piece
    hourly_rate: float      # DH she pays herself for an hour
    packaging: float = 0.0  # box, paper, label
    delivery: float = 0.0   # delivery she pays for each parcel (0 when the buyer pays it)
    cod_fee: float = 0.0    # fee for collecting cash on delivery, per parcel
    return_rate: float = 0.0  # percent of parcels that come back (refused or returned)
    return_cost: float = 0.0  # what one parcel that comes back costs her
    profit: float = 0.0     # what the cooperative keeps on top of all costs, per piece

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "ProductCosts":
        fields = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return make_costs(**fields)


@dataclass(frozen=True)
class Platform:
    """Her platform's rates: a commission in percent of the selling price and a fixed fee per sale."""

    name: str
    commission: float  # percent, 0 <= commission < 100
    fixed_fee: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Platform":
        return make_platform(data.get("name", ""), data.get("commission", 0), data.get("fixed_fee", 0))


def make_costs(name: str, materials: float, hours: float, hourly_rate: float, packaging: float = 0,
               delivery: float = 0, cod_fee: float = 0, return_rate: float = 0, return_cost: float = 0,
               profit: float = 0) -> ProductCosts:
    """Checked costs: numbers, none negative, none absurdly large; a return rate below 100 %."""
    rate = _amount(return_rate, "return_rate", limit=100)
    if rate >= 100:
        raise PricingError("return_rate_too_high", "return_rate")
    return ProductCosts(
        name=str(name).strip()[:80],
        materials=_amount(materials, "materials"), hours=_amount(hours, "hours", MAX_HOURS),
        hourly_rate=_amount(hourly_rate, "hourly_rate"), packaging=_amount(packaging, "packaging"),
        delivery=_amount(delivery, "delivery"), cod_fee=_amount(cod_fee, "cod_fee"),
        return_rate=rate, return_cost=_amount(return_cost, "return_cost"), profit=_amount(profit, "profit"))


def make_platform(name: str, commission: float, fixed_fee: float = 0) -> Platform:
    """Checked rates. A commission of 100 % or more would take the whole price: no price can cover it."""
    if isinstance(commission, bool) or not isinstance(commission, (int, float)) or not math.isfinite(commission):
        raise PricingError("not_a_number", "commission")
    if commission < 0:
        raise PricingError("negative", "commission")
    if commission >= 100:
        raise PricingError("commission_too_high", "commission")
    return Platform(str(name).strip()[:60], float(commission), _amount(fixed_fee, "fixed_fee"))


# -- costs
def labour(costs: ProductCosts) -> float:
    """Her hours paid at her own rate: a cost like the wool, even when nobody hands her the money."""
    return round(costs.hours * costs.hourly_rate, 2)


def returns_allowance(costs: ProductCosts) -> float:
    """The share of the cost of parcels that come back, carried by every piece sold."""
    return round(costs.return_rate / 100 * costs.return_cost, 2)


def cost_parts(costs: ProductCosts) -> dict[str, float]:
    """Each cost of one piece, in the order the lesson teaches them."""
    return {"materials": costs.materials, "labour": labour(costs), "packaging": costs.packaging,
            "delivery": costs.delivery, "cod_fee": costs.cod_fee, "returns": returns_allowance(costs)}


def total_cost(costs: ProductCosts) -> float:
    return round(sum(cost_parts(costs).values()), 2)


def warnings(costs: ProductCosts) -> list[str]:
    """Not errors, but worth a word: work that is not paid."""
    found = []
    if costs.hours == 0:
        found.append("no_hours")
    elif costs.hourly_rate == 0:
        found.append("no_hourly_rate")
    return found


# -- prices
def covering_price(cost: float, platform: Platform, profit: float = 0.0) -> float:
    """The lowest price that leaves ``cost + profit`` once the platform has taken its share."""
    cost, profit = _amount(cost, "cost"), _amount(profit, "profit")
    if platform.commission >= 100:  # a Platform built by hand, bypassing make_platform
        raise PricingError("commission_too_high", "commission")
    return round((cost + profit + platform.fixed_fee) / (1 - platform.commission / 100), 2)


def price_step(price: float) -> float:
    """How round a price should be: to the dirham when small, to 5, 10 or 50 DH as it grows."""
    if price < 20:
        return 1
    if price < 200:
        return 5
    if price < 1000:
        return 10
    return 50


def round_price(price: float) -> float:
    """A price a buyer reads easily, never below ``price`` (rounding down would lose money)."""
    if price <= 0:
        return 0.0
    step = price_step(price)
    return float(math.ceil(round(price / step, 6)) * step)


def platform_share(price: float, platform: Platform) -> float:
    """What the platform keeps from one sale at ``price``: its commission plus its fixed fee."""
    return round(price * platform.commission / 100 + platform.fixed_fee, 2)


def margin(price: float, costs: ProductCosts, platform: Platform) -> float:
    """What is left for the cooperative after every cost and the platform's share (negative = a loss)."""
    return round(price - total_cost(costs) - platform_share(price, platform), 2)


@dataclass(frozen=True)
class PriceLine:
    """One line of her price sheet."""

    name: str
    cost: float
    covering: float   # the exact price that covers cost, profit and platform
    price: float      # the price she sells at (rounded up unless she chose another)
    platform: float   # the platform's share at that price
    margin: float     # what the cooperative keeps at that price

    @property
    def margin_percent(self) -> float:
        return round(100 * self.margin / self.price, 1) if self.price else 0.0


def price_line(costs: ProductCosts, platform: Platform, price: float | None = None) -> PriceLine:
    """The price sheet line for one product; without ``price``, the covering price rounded up."""
    cost = total_cost(costs)
    covering = covering_price(cost, platform, costs.profit)
    chosen = round_price(covering) if price is None else _amount(price, "price")
    return PriceLine(costs.name, cost, covering, chosen, platform_share(chosen, platform),
                     margin(chosen, costs, platform))


def price_sheet(products: Iterable[ProductCosts], platform: Platform) -> list[PriceLine]:
    return [price_line(p, platform) for p in products]
