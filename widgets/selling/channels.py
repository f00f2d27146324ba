"""Getting paid: what parcels refused at the door cost when buyers pay on delivery.

A refused parcel earns nothing and still costs the delivery out, the delivery back and the
packaging that is lost. Plain Python, tested without Jupyter.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from fadaa.core.checking import RuleError, bounded

MAX_PARCELS = 100_000
MAX_AMOUNT = 1_000_000


class ChannelError(RuleError):
    """Figures that cannot be right; ``reason`` is a short code the view turns into words."""


def _amount(value: float, field: str) -> float:
    return bounded(value, field, MAX_AMOUNT, ChannelError)


def _count(value: float, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ChannelError("not_a_number", field)
    if value < 0:
        raise ChannelError("negative", field)
    if value != int(value):
        raise ChannelError("not_whole", field)
    if value > MAX_PARCELS:
        raise ChannelError("too_large", field)
    return int(value)


@dataclass(frozen=True)
class RefusalMonth:
    """A month of parcels paid on delivery."""

    sent: int               # parcels sent
    refused: int            # parcels refused or not collected, that came back
    price: float            # average price the buyer pays at the door (DH)
    delivery_out: float     # delivery of one parcel to the buyer (DH)
    delivery_back: float    # bringing one refused parcel back (DH)
    packaging: float        # packaging lost with one refused parcel (DH)

    @property
    def delivered(self) -> int:
        return self.sent - self.refused


def make_month(sent: float, refused: float, price: float, delivery_out: float, delivery_back: float,
               packaging: float) -> RefusalMonth:
    """Checked figures: whole numbers of parcels, no more refused than sent, no negative amounts."""
    sent_n, refused_n = _count(sent, "sent"), _count(refused, "refused")
    if refused_n > sent_n:
        raise ChannelError("more_refused_than_sent", "refused")
    return RefusalMonth(sent_n, refused_n, _amount(price, "price"), _amount(delivery_out, "delivery_out"),
                        _amount(delivery_back, "delivery_back"), _amount(packaging, "packaging"))


def cost_per_refusal(month: RefusalMonth) -> float:
    """One refused parcel: delivered for nothing, brought back, its packaging lost."""
    return round(month.delivery_out + month.delivery_back + month.packaging, 2)


def refusal_cost(month: RefusalMonth) -> float:
    """What the month's refused parcels cost her, in DH (the product itself comes back to the shelf)."""
    return round(month.refused * cost_per_refusal(month), 2)


def refusal_rate(month: RefusalMonth) -> float:
    """Refused parcels in percent of parcels sent (0 when nothing was sent)."""
    return round(100 * month.refused / month.sent, 1) if month.sent else 0.0


def cash_collected(month: RefusalMonth) -> float:
    """What buyers paid at the door for the parcels they took."""
    return round(month.delivered * month.price, 2)


def left_after_delivery(month: RefusalMonth) -> float:
    """Cash collected, less delivering every parcel and the refusals' extra costs."""
    delivered_cost = month.delivered * month.delivery_out
    return round(cash_collected(month) - delivered_cost - refusal_cost(month), 2)

