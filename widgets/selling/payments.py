"""Getting paid at a distance: what cash on delivery costs her, the advance on a piece made to order,
and the payment options she offers buyers. Plain Python, tested without Jupyter.

Cash on delivery is what most Moroccan online buyers choose (lesson 3): it costs the courier's fee
on every parcel delivered, and what refused parcels cost (``channels.refusal_cost``). Every other
way (a transfer before sending, a card through a platform, a mobile wallet) has its own delay and
cost, which her bank, her platform or her operator states: the rules here hold her figures, never a
rate of our own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from fadaa.core.checking import RuleError, bounded
from . import channels

# the ways to be paid the lesson teaches, in the order the sheet lists them
METHODS = ("cash_on_delivery", "transfer", "platform_card", "mobile_wallet")
MAX_TEXT = 300
MAX_FEE = 10_000


class PaymentError(RuleError):
    """A figure or a choice that cannot be right; ``reason`` is a short code the view turns into words."""


def _amount(value: float, name: str, largest: float = channels.MAX_AMOUNT) -> float:
    return bounded(value, name, largest, PaymentError)


# -- cash on delivery: what it costs her in a month

def courier_fee(value: float) -> float:
    """A courier's cash-on-delivery fee for one parcel, checked."""
    return _amount(value, "fee", MAX_FEE)


def cod_fees(month: channels.RefusalMonth, fee_per_parcel: float) -> float:
    """The courier's cash-on-delivery fee, charged on each parcel delivered and paid at the door."""
    return round(month.delivered * courier_fee(fee_per_parcel), 2)


def cod_month_cost(month: channels.RefusalMonth, fee_per_parcel: float) -> float:
    """What getting paid at the door cost her that month: the fees, and the refused parcels."""
    return round(cod_fees(month, fee_per_parcel) + channels.refusal_cost(month), 2)


def cod_cost_per_sale(month: channels.RefusalMonth, fee_per_parcel: float) -> float:
    """The same, per parcel that was paid for (0 when nothing was delivered)."""
    return round(cod_month_cost(month, fee_per_parcel) / month.delivered, 2) if month.delivered else 0.0


def cod_share_of_sales(month: channels.RefusalMonth, fee_per_parcel: float) -> float:
    """That cost in percent of the cash collected at the door (0 when nothing was collected)."""
    cash = channels.cash_collected(month)
    return round(100 * cod_month_cost(month, fee_per_parcel) / cash, 1) if cash else 0.0


# -- a piece made to order: the advance she asks before starting

def advance(price: float, percent: float) -> float:
    """The advance on a piece made to order: ``percent`` of its price, paid before she starts."""
    price = _amount(price, "price")
    percent = _amount(percent, "advance_percent")
    if percent > 100:
        raise PaymentError("percent_over_100", "advance_percent")
    return round(price * percent / 100, 2)


# -- the sheet she shows buyers

@dataclass(frozen=True)
class PaymentOptions:
    """The ways she accepts to be paid and what a buyer needs to pay her that way."""

    seller: str = ""
    phone: str = ""
    methods: tuple[str, ...] = ()        # in METHODS order
    account_holder: str = ""             # transfer: whose account
    bank: str = ""                       # transfer: which bank
    account_number: str = ""             # transfer: the RIB as her bank prints it
    platform: str = ""                   # card: the platform that takes the card
    wallet: str = ""                     # mobile wallet: which one, which number
    advance_percent: float = 0.0         # made to order: the advance, in percent of the price
    delivery_time: str = ""
    return_rule: str = ""

    def to_json(self) -> dict:
        return {"seller": self.seller, "phone": self.phone, "methods": list(self.methods),
                "account_holder": self.account_holder, "bank": self.bank, "account_number": self.account_number,
                "platform": self.platform, "wallet": self.wallet, "advance_percent": self.advance_percent,
                "delivery_time": self.delivery_time, "return_rule": self.return_rule}

    @classmethod
    def from_json(cls, data: Mapping) -> "PaymentOptions":
        """Her saved sheet; a hand-edited or damaged copy keeps what still reads."""
        data = data if isinstance(data, Mapping) else {}
        texts = {k: str(data.get(k) or "") for k in ("seller", "phone", "account_holder", "bank", "account_number",
                                                       "platform", "wallet", "delivery_time", "return_rule")}
        try:
            percent = float(data.get("advance_percent") or 0)
        except (TypeError, ValueError):
            percent = 0.0
        methods = data.get("methods") if isinstance(data.get("methods"), list) else []
        try:
            return make_options(methods=[m for m in methods if m in METHODS], advance_percent=percent, **texts)
        except PaymentError:
            return make_options(methods=[m for m in methods if m in METHODS], **texts)


def make_options(seller: str = "", phone: str = "", methods: Iterable[str] = (), account_holder: str = "",
                 bank: str = "", account_number: str = "", platform: str = "", wallet: str = "",
                 advance_percent: float = 0.0, delivery_time: str = "", return_rule: str = "") -> PaymentOptions:
    """Checked options: known methods only (in the sheet's order), texts cut to a printable length."""
    chosen = set(methods)
    unknown = chosen - set(METHODS)
    if unknown:
        raise PaymentError("unknown_method", sorted(unknown)[0])
    percent = _amount(advance_percent, "advance_percent")
    if percent > 100:
        raise PaymentError("percent_over_100", "advance_percent")
    cut = lambda text: " ".join(str(text or "").split())[:MAX_TEXT]  # noqa: E731 - one line, used here only
    return PaymentOptions(cut(seller), cut(phone), tuple(m for m in METHODS if m in chosen), cut(account_holder),
                          cut(bank), cut(account_number), cut(platform), cut(wallet), percent, cut(delivery_time),
                          str(return_rule or "").strip()[:MAX_TEXT])


def missing(options: PaymentOptions) -> list[str]:
    """What a buyer would still ask before paying, as short codes: the sheet is ready when empty."""
    gaps = []
    if not options.seller:
        gaps.append("seller")
    if not options.phone:
        gaps.append("phone")
    if not options.methods:
        gaps.append("methods")
    if "transfer" in options.methods and not (options.account_holder and options.account_number):
        gaps.append("transfer_details")
    if "platform_card" in options.methods and not options.platform:
        gaps.append("platform")
    if "mobile_wallet" in options.methods and not options.wallet:
        gaps.append("wallet")
    if not options.delivery_time:
        gaps.append("delivery_time")
    if not options.return_rule:
        gaps.append("return_rule")
    return gaps
